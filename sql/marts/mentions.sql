-- One row per occurrence of an actor in an article body, with exact character offsets.
-- @column mention_id: Stable id from the article id and offsets.
-- @column article_id: The article (articles.article_id).
-- @column actor_id: The actor mentioned (actors.actor_id).
-- @column mention_text: The text as written, equal to articles.body sliced at [start_char, end_char).
-- @column start_char: 0-based offset of the first character in articles.body.
-- @column end_char: Offset just past the last character (end-exclusive).
-- @column sentence_id: The sentence holding the mention (sentences.sentence_id).
-- @column mention_kind: How the actor is referred to: name, acronym, descriptor ('the Chinese leader'), pronoun (he/she/his/her, linked only when one person is the clear antecedent) or demonym ('Kazakh' for the country).
SELECT * FROM staging.mentions ORDER BY article_id, start_char, mention_id
