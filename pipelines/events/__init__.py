"""Events stage: CAMEO-coded dyadic events, counting real events rather than reports.

- extract.extract_events: one parsed article + its actor mentions -> EventCandidates (reports)
- modality.detect_modality: asserted | planned | negated | reported | hypothetical
- dates.resolve_event_date / infer_article_date: event dates and their precision
- merge.merge_events: candidates from all articles -> EventRows + EventMentionRows (encounters
  merged at the polity level given actor attributes; undated articles dated from shared events)
- stage.run_events: extract + merge over parsed articles, as the asset runs it and the bench times it
- report.top_events_markdown: a digest for eyeballing

Reference data (see events.reference): seeds/reference/cameo_codes.csv, event_lexicon.csv,
modality_cues.csv, event_context_words.csv.
"""
