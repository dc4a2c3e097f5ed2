-- Every rejected input has a reason and a detail a person can read.
SELECT * FROM rejected_inputs WHERE coalesce(reason, '') = '' OR coalesce(detail, '') = ''
