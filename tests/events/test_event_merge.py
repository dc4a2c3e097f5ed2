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


def report(
    article_id: str = "a1", code: str = "042", a1: str = "xi", a2: str | None = "kazakhstan", date: dt.date | None = DAY, **changes
) -> EventCandidate:  # noqa: ANN003
    base = EventCandidate(
        article_id=article_id,
        sentence_id=f"{article_id}:s0",
        sentence_start=0,
        sentence_end=20,
        predicate_start=3,
        predicate_end=9,
        predicate_text="visits",
        event_code=code,
        actor1_id=a1,
        actor2_id=a2,
        place_id=None,
        event_date=date,
        date_precision="day" if date else None,
        date_source="text" if date else None,
        modality="asserted",
        confidence=0.8,
        symmetric=False,
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
    events, _ = merge_events(
        [report("a1", a1="xi", a2="putin", **meet), report("a2", a1="putin", a2="xi", **meet), report("a4", a1="xi", a2="putin", **meet)],
        ARTICLES,
    )
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


def test_undated_report_joins_the_latest_of_equally_large_events():
    candidates = [report("a1"), report("a2", date=DAY.replace(year=2017), date_precision="year"), report("a3", date=None)]
    events, _ = merge_events(candidates, ARTICLES)
    assert sorted((e.event_date, e.num_mentions) for e in events) == [(dt.date(2017, 9, 14), 1), (DAY, 2)]


def test_statements_with_different_codes_stay_apart():
    candidates = [report("a1", code="012", a2=None), report("a2", code="013", a2=None)]
    assert len(merge_events(candidates, ARTICLES)[0]) == 2


def test_attack_and_invasion_of_one_dyad_are_one_use_of_force():
    candidates = [report("a1", code="190", a1="russia", a2="ukraine"), report("a2", code="192", a1="russia", a2="ukraine")]
    assert len(merge_events(candidates, ARTICLES)[0]) == 1


# actor_id -> (actor_type, country_code, role), as the lead passes it from the actors table.
ACTORS = {
    "xi": ("person", "CHN", "GOV"),
    "china": ("country", "CHN", None),
    "tokayev": ("person", "KAZ", "GOV"),
    "smailov": ("person", "KAZ", "GOV"),
    "kazakhstan": ("country", "KAZ", None),
    "astana": ("location", "KAZ", None),
    "uzbekistan": ("country", "UZB", None),
    "samarkand": ("location", "UZB", None),
    "putin": ("person", "RUS", "GOV"),
    "pope": ("person", None, "REL"),
}


def test_visit_to_a_country_and_talks_with_its_president_are_one_encounter():
    candidates = [
        report("a1", code="042", a1="xi", a2="kazakhstan", place_id="kazakhstan"),
        report("a2", code="040", a1="tokayev", a2="xi", symmetric=True),
        report("a4", code="040", a1="xi", a2="tokayev", symmetric=True, sentence_id="a4:s1"),
        report("a4", code="043", a1="tokayev", a2="xi", place_id="astana"),
    ]
    (event,) = merge_events(candidates, ARTICLES, ACTORS)[0]
    # the most specific pair (two people), in its most reported direction; the most specific place
    assert (event.event_code, event.actor1_id, event.actor2_id, event.place_id) == ("040", "xi", "tokayev", "astana")
    assert (event.num_mentions, event.num_articles) == (4, 3)


def test_without_actor_attributes_a_person_is_not_their_country():
    candidates = [report("a1", code="042", a1="xi", a2="kazakhstan"), report("a2", code="040", a1="tokayev", a2="xi", symmetric=True)]
    assert len(merge_events(candidates, ARTICLES)[0]) == 2


def test_encounters_of_other_polities_officials_or_years_stay_apart():
    candidates = [
        report("a1", code="040", a1="xi", a2="tokayev"),
        report("a2", code="040", a1="xi", a2="smailov"),  # another official of the same country
        report("a4", code="040", a1="xi", a2="putin"),  # another polity
        report("a2", code="042", a1="xi", a2="kazakhstan", date=DAY.replace(year=2017), sentence_id="a2:s1"),  # another year
        report("a1", code="040", a1="pope", a2="tokayev", sentence_id="a1:s2"),  # not a state actor
    ]
    assert len(merge_events(candidates, ARTICLES, ACTORS)[0]) == 5


def test_a_city_and_its_country_are_one_place_but_two_countries_are_not():
    candidates = [
        report("a1", code="042", a1="xi", a2="samarkand", place_id="samarkand"),
        report("a2", code="042", a1="xi", a2="uzbekistan", place_id="uzbekistan"),
        report("a4", code="042", a1="xi", a2="kazakhstan", place_id="kazakhstan"),
    ]
    events = merge_events(candidates, ARTICLES, ACTORS)[0]
    assert sorted((e.actor2_id, e.place_id, e.num_mentions) for e in events) == [
        ("kazakhstan", "kazakhstan", 1),
        ("samarkand", "samarkand", 2),
    ]


def test_undated_article_takes_its_dates_from_the_events_it_shares():
    undated = dict(date=None, date_precision=None, date_source=None)
    candidates = [
        report("a1", code="040", a1="xi", a2="tokayev"),  # dated 14 September 2022
        report("a3", code="040", a1="tokayev", a2="xi", date_text="September 14", **undated),
        report("a3", code="051", a1="tokayev", a2="xi", date_text="on Friday", sentence_id="a3:s1", **undated),
        report("a3", code="111", a1="tokayev", a2="putin", sentence_id="a3:s2", **undated),
    ]
    events = {e.event_code: e for e in merge_events(candidates, ARTICLES, ACTORS)[0]}
    assert (events["040"].event_date, events["040"].date_precision, events["040"].num_articles) == (DAY, "day", 2)
    assert (events["051"].event_date, events["051"].date_precision) == (dt.date(2022, 9, 16), "day")  # the Friday nearest the 14th
    assert (events["111"].event_date, events["111"].date_precision) == (DAY, "week")  # written around then


def test_undated_reports_do_not_borrow_a_year_from_an_older_event():
    old = report("a3", date=dt.date(2017, 1, 1), date_precision="year", predicate_start=30)
    events, _ = merge_events([old, report("a3", date=None), report("a3", date=None, sentence_id="a3:s1")], ARTICLES)
    assert sorted((e.num_mentions, str(e.event_date)) for e in events) == [(1, "2017-01-01"), (2, "None")]


def test_a_visit_with_no_destination_goes_where_the_visitor_went_or_nowhere():
    from pipelines.events.merge import place_visits

    placed = report("a1", a2="kenya", place_id="nairobi")
    unplaced = report("a2", a2=None, date=DAY + dt.timedelta(days=1))
    assert [(c.actor2_id, c.place_id) for c in place_visits([placed, unplaced])] == [("kenya", "nairobi")] * 2
    assert place_visits([unplaced]) == []  # a visit to nowhere is no event
    elsewhere = report("a3", a2="peru", date=DAY)
    assert place_visits([placed, elsewhere, unplaced]) == [placed, elsewhere]  # two destinations: which one is unknown
    months_later = report("a4", a2=None, date=DAY + dt.timedelta(days=90))
    assert place_visits([placed, months_later]) == [placed]


def test_a_report_without_a_doer_joins_the_one_doer_named_for_the_act():
    arrest = dict(code="173", a2="ames")
    events, _ = merge_events([report("a1", a1="police", **arrest), report("a2", a1=None, **arrest)], ARTICLES)
    (event,) = events
    assert (event.actor1_id, event.actor2_id, event.num_articles) == ("police", "ames", 2)


def test_a_report_without_a_doer_stays_apart_when_two_doers_are_named():
    arrest = dict(code="173", a2="ames")
    candidates = [report("a1", a1="police", **arrest), report("a2", a1="army", **arrest), report("a4", a1=None, **arrest)]
    events, _ = merge_events(candidates, ARTICLES)
    assert sorted((e.actor1_id or "") for e in events) == ["", "army", "police"]
