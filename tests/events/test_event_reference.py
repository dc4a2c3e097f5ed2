"""The reference CSVs are complete and consistent."""

from __future__ import annotations

from pipelines.events.modality import MODALITY_PRECEDENCE
from pipelines.events.reference import cameo_codes, event_lexicon, modality_cues

ROOTS = {f"{n:02d}" for n in range(1, 21)}


def test_cameo_codes_cover_every_root_with_sane_scales():
    codes = cameo_codes()
    assert {c.root_code for c in codes.values()} == ROOTS
    assert ROOTS <= set(codes)
    for code in codes.values():
        assert code.code.startswith(code.root_code)
        assert code.quad_class in (1, 2, 3, 4) and -10 <= code.goldstein <= 10


def test_lexicon_codes_exist_and_cover_every_root():
    entries = [e for group in event_lexicon().values() for e in group]
    assert all(e.event_code in cameo_codes() for e in entries)
    assert {e.event_code[:2] for e in entries} == ROOTS
    assert all(e.pos in ("VERB", "NOUN") for e in entries)


def test_patterned_entries_are_tried_first():
    offer = event_lexicon()[("offer", "VERB")]
    assert offer[-1].pattern == "" and all(e.pattern for e in offer[:-1])


def test_modality_cues_use_known_values():
    assert set(modality_cues().values()) <= set(MODALITY_PRECEDENCE)


def test_context_words_have_their_kinds():
    from pipelines.events.reference import context_words

    words = context_words()
    assert set(words) == {
        "agent",
        "explosive",
        "instrument",
        "sport",
        "support",
        "relay",
        "sponsor",
        "contest",
        "violence",
        "physical",
        "occasion",
        "armed",
        "reflexive",
        "labour",
        "media",
        "batch",
        "speaker",
        "alongside",
        "occurrence",
        "target_prep",
        "place_prep",
        "object_target_prep",
        "partner_prep",
        "circumstantial_prep",
        "munition",
        "custody",
        "people",
        "ties",
        "envoy",
        "hunger",
        "aid",
        "air",
        "intent",
        "hazard",
        "endorsed",
        "suicide",
        "joint",
        "drill",
        "aerial",
        "riot_control",
        "gunfire",
        "capability",
        "disclosure",
        "judgement",
        "deed",
        "command",
        "hostilities",
    }
    patterns = [e.pattern.partition(":") for entries in event_lexicon().values() for e in entries]
    classes = {word.lstrip("@") for kind, _, word in patterns if kind == "ctx" or word.startswith("@")}
    assert classes <= set(words)  # every class a lexicon pattern names has its words
    assert {"troop", "government"} <= words["agent"] and "innings" in words["sport"] and "hold" in words["support"]
