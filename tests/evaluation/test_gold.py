"""The gold annotation is well formed: offsets slice the story, sentences are the story's, codes are CAMEO's."""

from pipelines.body_evaluation import load_bodies, page_html
from pipelines.evaluation import PLACE_TYPES, load_gold
from pipelines.events.reference import cameo_codes

TYPES = PLACE_TYPES | {"person", "organization", "group"}
MODALITIES = {"asserted", "planned", "negated", "reported", "hypothetical"}


def test_every_story_is_split_by_its_index_and_listed_once() -> None:
    stories = load_gold()
    assert len({s.story for s in stories}) == len(stories)
    for s in stories:
        assert s.split == ("dev" if int(s.story.split(":")[1]) % 2 == 0 else "test"), s.story


def test_mentions_slice_the_story_exactly() -> None:
    for s in load_gold():
        for m in s.mentions:
            assert s.text[m["start"] : m["end"]] == m["text"], (s.story, m)
            assert m["type"] in TYPES, (s.story, m)
            assert (m.get("lat") is None) == (m.get("lon") is None), (s.story, m)


def test_events_quote_their_sentence_and_carry_a_cameo_code() -> None:
    codes = cameo_codes()
    for s in load_gold():
        for e in s.events:
            assert e["sentence"] in s.text, (s.story, e["sentence"])
            assert e["code"] in codes and e["root"] == e["code"][:2], (s.story, e)
            assert e["modality"] in MODALITIES, (s.story, e)


def test_every_body_page_is_listed_once_with_its_page_file_and_a_split() -> None:
    golds = load_bodies()
    assert len({g.page for g in golds}) == len(golds)
    for g in golds:
        assert g.split in {"dev", "test"} and g.body.strip(), g.page
        assert all(line.strip() == line and line for line in g.body.split("\n")) and "<" not in g.body, g.page
        assert page_html(g), g.page
    assert {g.split for g in golds} == {"dev", "test"}
