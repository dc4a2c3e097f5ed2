"""Whether a reported event happened, will happen, did not happen, or might."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from pipelines.events.extract import EventCandidate


def modality_of(events_of: Callable[..., list[EventCandidate]], text: str, code: str) -> str:
    (event,) = [e for e in events_of(text) if e.event_code == code]
    return event.modality


@pytest.mark.parametrize(
    ("text", "code", "expected"),
    [
        ("Biden met Macron on Monday.", "040", "asserted"),
        ("Biden did not meet Macron.", "040", "negated"),
        ("Russia refused to meet Ukraine.", "040", "negated"),
        ("Putin ruled out talks with Biden.", "040", "negated"),
        ("There was no indication Biden might meet Macron.", "040", "negated"),
        ("Biden will travel to Germany next week.", "042", "planned"),
        ("Biden is expected to sign a treaty with Macron.", "057", "planned"),
        ("Biden plans to hold talks with Macron.", "036", "planned"),  # CAMEO: intent to meet
        ("The summit between Biden and Macron is to be held in Berlin.", "040", "planned"),
        ("Merkel said that France attacked Italy.", "190", "reported"),
        ("According to officials, Russia attacked Ukraine.", "190", "reported"),
        ("If Biden meets Macron, prices could fall.", "040", "hypothetical"),
        ("Biden could meet Macron.", "040", "hypothetical"),
        ("Under no circumstances will Germany meet Iran.", "040", "negated"),
        ("Biden held talks with Macron with no preconditions.", "040", "asserted"),
        ("Osama bin Laden admitted planning the attacks on the United States.", "190", "asserted"),
        ("Osama bin Laden denied planning the attacks on the United States.", "190", "negated"),
        ("Osama bin Laden is planning attacks on the United States.", "190", "planned"),
        ("After eight hours, the AWU is still talking to Qantas, we will resume tomorrow.", "040", "asserted"),
    ],
)
def test_cues_around_the_predicate_set_its_modality(events_of, text, code, expected):
    assert modality_of(events_of, text, code) == expected


def test_negation_wins_over_planned_and_reported(events_of):
    assert modality_of(events_of, "Merkel said that Biden will not meet Macron.", "040") == "negated"


def test_planned_wins_over_reported(events_of):
    assert modality_of(events_of, "Merkel said that Biden would travel to Germany.", "042") == "planned"


def test_a_refusal_is_itself_an_asserted_event(events_of):
    refusal = [e for e in events_of("Russia refused to meet Ukraine.") if e.event_code == "120"]
    assert [(e.actor1_id, e.actor2_id, e.modality) for e in refusal] == [("russia", "ukraine", "asserted")]


def test_negation_of_a_condemning_verb_does_not_reach_the_condemned_act(events_of):
    events = {e.event_code: e for e in events_of("Germany did not condemn the Russian attack on Ukraine.")}
    assert events["111"].modality == "negated"
    assert events["190"].modality == "asserted"


def test_a_governing_event_passes_its_future_to_its_purpose_clause(events_of):
    assert modality_of(events_of, "Xi will travel to Paris to meet Macron.", "040") == "planned"


def test_event_noun_as_subject_takes_the_cues_of_an_occurrence_verb_only(events_of):
    assert modality_of(events_of, "Talks between China and Russia did not happen.", "040") == "negated"
    assert modality_of(events_of, "His comments that China will support Kazakhstan did not go unnoticed.", "051") == "planned"


def test_adjective_cues_on_event_nouns(events_of):
    assert modality_of(events_of, "Rumors spread of a potential meeting between Biden and Macron.", "040") == "hypothetical"


def test_an_encounter_that_is_the_occasion_of_a_statement_is_not_reported_by_it(events_of):
    assert modality_of(events_of, "During his visit to China, Musharraf said trade had grown.", "042") == "asserted"
