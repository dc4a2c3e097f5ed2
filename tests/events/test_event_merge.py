"""Reports of one real event collapse into one event; different events stay apart."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from pipelines.events.extract import EventCandidate
from pipelines.events.merge import merge_events
from pipelines.events.report import top_events_markdown

DAY = dt.date(2022, 9, 14)
ARTICLES = {"a1": ("Daily Test", DAY), "a2": ("Weekly Test", DAY), "a3": (None, None), "a4": ("Daily Test", DAY)}


def report(article_id: str = "a1", code: str = "042", a1: str = "xi", a2: str | None = "kazakhstan", date: dt.date | None = DAY, **changes) -> EventCandidate:  # noqa: ANN003
    base = EventCandidate(
        article_id=article_id, sentence_id=f"{article_id}:s0", sentence_start=0, sentence_end=20, predicate_start=3, predicate_end=9,
        predicate_text="visits", event_code=code, actor1_id=a1, actor2_id=a2, place_id=None, event_date=date,
        date_precision="day" if date else None, date_source="text" if date else None, modality="asserted", confidence=0.8, symmetric=False,
    )
    return replace(base, **changes)


def test_same_visit_in_two_articles_is_one_event():
    events, mentions = merge_events([report("a1"), report("a2", date=DAY + dt.timedelta(days=1))], ARTICLES)
    (event,) = events
    assert (event.event_code, event.actor1_id, event.actor2_id, event.event_date) == ("042", "xi", "kazakhstan", DAY)
    assert (event.num_mentions, event.num_articles, event.num_sources) == (2, 2, 2)
    assert event.confidence == round(1 - 0.2 * 0.2, 3)
    assert event.event_id.startswith("evt_") and {m.event_id for m in mentions} == {event.event_id}
    assert (event.event_label, event.quad_class, event.goldstein, event.event_root_code) == ("Make a visit", 1, 1.9, "04")


def test_symmetric_meeting_reported_both_ways_is_one_event():
    meet = dict(code="040", symmetric=True)
    events, _ = merge_events([report("a1", a1="xi", a2="putin", **meet), report("a2", a1="putin", a2="xi", **meet), report("a4", a1="xi", a2="putin", **meet)], ARTICLES)
    (event,) = events
    assert (event.actor1_id, event.actor2_id, event.num_sources) == ("xi", "putin", 2)  # same publisher twice counts once


def test_a_visit_and_its_hosting_are_one_encounter():
    events, _ = merge_events([report("a1"), report("a2", code="043", a1="kazakhstan", a2="xi")], ARTICLES)
    assert len(events) == 1


def test_different_dyads_and_far_dates_stay_apart():
    candidates = [report("a1"), report("a2", a2="uzbekistan"), report("a4", date=DAY + dt.timedelta(days=30))]
    assert len(merge_events(candidates, ARTICLES)[0]) == 3


def test_directed_attacks_in_opposite_directions_stay_apart():
    candidates = [report("a1", code="190", a1="russia", a2="ukraine"), report("a2", code="190", a1="ukraine", a2="russia")]
    assert len(merge_events(candidates, ARTICLES)[0]) == 2


def test_different_roots_stay_apart():
    assert len(merge_events([report("a1"), report("a2", code="111")], ARTICLES)[0]) == 2


def test_negated_reports_stay_apart_planned_ones_merge():
    candidates = [report("a1"), report("a2", modality="planned"), report("a4", modality="negated")]
    events, _ = merge_events(candidates, ARTICLES)
    assert sorted((e.modality, e.num_mentions) for e in events) == [("asserted", 2), ("negated", 1)]


def test_undated_report_borrows_the_date_of_its_event():
    events, _ = merge_events([report("a1"), report("a3", date=None)], ARTICLES)
    (event,) = events
    assert (event.event_date, event.num_articles, event.num_sources) == (DAY, 2, 2)  # no publisher counts as its article


def test_month_precise_report_joins_the_dated_event():
    events, _ = merge_events([report("a1"), report("a2", date=DAY.replace(day=1), date_precision="month")], ARTICLES)
    assert [(e.event_date, e.date_precision) for e in events] == [(DAY, "day")]


def test_different_places_stay_apart():
    candidates = [report("a1", code="040", place_id="paris"), report("a2", code="040", place_id="rome")]
    assert len(merge_events(candidates, ARTICLES)[0]) == 2


def test_merge_is_order_independent_and_ids_are_stable():
    candidates = [report("a1"), report("a2", a2="uzbekistan"), report("a4", date=DAY + dt.timedelta(days=2)), report("a3", date=None)]
    first = merge_events(candidates, ARTICLES)
    shuffled = candidates[:]
    random.Random(7).shuffle(shuffled)
    assert merge_events(shuffled, ARTICLES) == first


def test_report_lists_events_with_evidence():
    body = "Xi visits Kazakhstan."
    events, mentions = merge_events([report("a1", sentence_end=len(body))], ARTICLES)
    markdown = top_events_markdown(events, mentions, {"xi": "Xi Jinping", "kazakhstan": "Kazakhstan"}, {"a1": body})
    assert "Xi Jinping" in markdown and "042 Make a visit" in markdown and body in markdown and "asserted" in markdown


def test_undated_report_between_two_equal_events_stands_alone():
    candidates = [report("a1"), report("a2", date=DAY.replace(year=2017)), report("a3", date=None)]
    assert sorted(e.num_mentions for e in merge_events(candidates, ARTICLES)[0]) == [1, 1, 1]
