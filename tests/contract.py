"""The warehouse contract: tables and columns analysts and BI tools rely on. Add columns freely; rename none."""

CONTRACT = {
    "articles": ["article_id", "source_file", "title", "byline", "publisher", "published_date", "body", "word_count", "content_hash"],
    "article_sources": ["source_file", "article_id", "relation", "similarity"],
    "rejected_inputs": ["source_file", "reason", "detail", "size_bytes"],
    "actors": ["actor_id", "name", "actor_type", "country_code", "role", "aliases", "latitude", "longitude", "mention_count", "article_count"],
    "mentions": ["mention_id", "article_id", "actor_id", "mention_text", "start_char", "end_char", "sentence_id"],
    "events": ["event_id", "event_date", "date_precision", "event_code", "event_root_code", "event_label", "quad_class", "goldstein",
               "actor1_id", "actor2_id", "place_id", "modality", "num_mentions", "num_articles", "num_sources", "confidence"],
    "event_mentions": ["event_id", "article_id", "sentence_id", "start_char", "end_char", "confidence"],
}
