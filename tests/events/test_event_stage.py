"""The events stage as one call over parsed articles, as the asset runs it and the benchmark times it."""

from __future__ import annotations

from pipelines.events.stage import run_events


def test_run_events_extracts_and_merges_across_articles(article_of):
    first = article_of("Biden met Macron in Paris on Wednesday.", article_id="a1")
    second = article_of("Macron and Biden held talks in Paris on Wednesday.", article_id="a2")
    parsed = [(doc, context) for doc, _, context in (first, second)]
    mentions = {context.article_id: found for _, found, context in (first, second)}
    candidates, events, supports = run_events(parsed, mentions)
    assert len(candidates) == 2
    (event,) = events
    assert (event.event_code, event.num_articles, event.place_id) == ("040", 2, "paris")
    assert {s.article_id for s in supports} == {"a1", "a2"}
