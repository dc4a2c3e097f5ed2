"""End to end on the sample pages: one article yields a handful to tens of events, not hundreds."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.events.extract import extract_events
from pipelines.events.merge import merge_events

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "seeds" / "articles").glob("*.txt"))


@pytest.mark.skipif(not SAMPLES, reason="no sample articles")
def test_sample_articles_yield_tens_of_events_not_hundreds(article_of):
    candidates = []
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        found = extract_events(*article_of(text, article_id=path.stem, published=None))
        assert 1 <= len(found) <= 60, path.name
        assert all(text[c.predicate_start : c.predicate_end] == c.predicate_text for c in found)
        candidates.extend(found)
    events, mentions = merge_events(candidates, {})
    assert 0 < len(events) <= len(candidates) and len(mentions) <= len(candidates)
