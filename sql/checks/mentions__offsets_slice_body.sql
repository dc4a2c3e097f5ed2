-- Every mention's offsets slice its article body to exactly mention_text.
SELECT m.mention_id, m.start_char, m.end_char, m.mention_text,
       substring(a.body, m.start_char + 1, m.end_char - m.start_char) AS body_slice
FROM mentions AS m JOIN articles AS a USING (article_id)
WHERE m.start_char < 0 OR m.end_char > length(a.body) OR m.end_char <= m.start_char
   OR substring(a.body, m.start_char + 1, m.end_char - m.start_char) <> m.mention_text
