"""Who did what to whom: constructions the extractor reads, on made-up sentences."""

from __future__ import annotations

import datetime as dt

from pipelines.events.extract import extract_events


def dyads(events) -> set[tuple[str, str, str | None]]:  # noqa: ANN001 - list of EventCandidate
    return {(e.event_code, e.actor1_id, e.actor2_id) for e in events}


def test_subject_verb_object(events_of):
    events = events_of("Germany condemned Iran.")
    assert dyads(events) == {("111", "germany", "iran")}
    e = events[0]
    assert e.predicate_text == "condemned" and e.modality == "asserted"
    assert 0 < e.confidence <= 1


def test_prepositional_object_is_the_target(events_of):
    assert dyads(events_of("Biden met with Macron in Paris.")) == {("040", "biden", "macron")}


def test_passive_swaps_roles(events_of):
    assert dyads(events_of("Macron was greeted by Biden.")) == {("043", "biden", "macron")}


def test_coordinated_subjects_of_symmetric_verb_form_one_dyad(events_of):
    events = events_of("Biden and Macron met on Wednesday.")
    assert dyads(events) == {("040", "biden", "macron")}
    assert events[0].symmetric


def test_coordinated_targets_give_one_event_each(events_of):
    assert dyads(events_of("Germany condemned Iran and Syria.")) == {("111", "germany", "iran"), ("111", "germany", "syria")}


def test_possessive_visit_to_a_country_sets_the_place(events_of):
    (event,) = events_of("Obama's visit to Kazakhstan was brief.")
    assert (event.event_code, event.actor1_id, event.actor2_id, event.place_id) == ("042", "obama", "kazakhstan", "kazakhstan")


def test_nominal_talks_between_two_actors(events_of):
    assert dyads(events_of("Talks between China and Russia began in Beijing.")) == {("040", "china", "russia")}


def test_event_noun_borrows_the_subject_of_a_light_verb(events_of):
    (event,) = events_of("Biden held talks with Macron in Berlin.")
    assert (event.actor1_id, event.actor2_id, event.place_id) == ("biden", "macron", "berlin")


def test_target_of_the_condemned_act(events_of):
    assert ("111", "russia", "ukraine") in dyads(events_of("Russia condemned the attack on Ukraine."))


def test_place_from_in_phrase(events_of):
    (event,) = events_of("Biden praised Macron in Berlin.")
    assert event.place_id == "berlin"


def test_lexicon_predicate_and_source_are_required(events_of):
    assert events_of("The weather in Paris was mild.") == []  # no predicate
    assert events_of("The ministers met with Macron.") == []  # no source actor
    assert events_of("Macron said the economy was growing.") == []  # a statement without a target


def test_self_dyads_are_dropped(events_of):
    assert events_of("France praised France.") == []


def test_offsets_slice_the_text(article_of):
    text = "Paris is calm. Germany condemned Iran on Monday."
    (event,) = extract_events(*article_of(text, published=dt.date(2022, 9, 16)))
    assert text[event.predicate_start : event.predicate_end] == event.predicate_text == "condemned"
    assert text[event.sentence_start : event.sentence_end] == "Germany condemned Iran on Monday."
    assert event.event_date == dt.date(2022, 9, 12)  # the Monday before the article's Friday


def test_only_sentences_with_mentions_and_one_report_per_dyad_per_sentence(events_of):
    events = events_of("Biden met Macron and the meeting between Biden and Macron was long.")
    assert len(events) == 1


def test_a_place_qualified_by_its_country_is_one_place(events_of):
    assert dyads(events_of("Biden traveled to Lyon, France, for talks.")) == {("042", "biden", "lyon")}
    assert dyads(events_of("Biden visited Lyon and France.")) == {("042", "biden", "lyon"), ("042", "biden", "france")}


def test_hopes_are_optimistic_and_concerns_pessimistic(events_of):
    assert dyads(events_of("Biden expressed high hopes for the visit.")) == {("013", "biden", None)}
    assert dyads(events_of("Biden expressed concerns about the war.")) == {("012", "biden", None)}
