"""Who did what to whom in shapes the rules read off the parse: doerless passives, intents, pronouns
and possessives that stand for the clause's subject, objects that decide the code, lemmas the small
model gets wrong. Sentences are written for this test."""

import pytest

from pipelines.evaluation import run_pipeline

CASES = [
    # (sentence, event code, words of the source (empty: none named), a word of the target)
    ("Three men were arrested in Kabul on Monday.", "173", set(), "men"),
    ("Kenyan President Daniel Moi says he is ready to meet Ugandan President Yoweri Museveni.", "036", {"moi"}, "museveni"),
    ("President Daniel Moi repeated his offer of holding talks with President Yoweri Museveni.", "036", {"moi"}, "museveni"),
    ("Government troops captured two rebels near Goma.", "173", {"troops"}, "rebels"),
    ("Police fined two men in Perth.", "172", {"police"}, "men"),
    ("Rebels opened fire on police in Kinshasa.", "190", {"rebels"}, "police"),
]


@pytest.fixture(scope="module")
def predictions():
    return run_pipeline([(f"case:{i}", text) for i, (text, *_) in enumerate(CASES)])


@pytest.mark.parametrize(("index", "case"), list(enumerate(CASES)), ids=[c[0] for c in CASES])
def test_the_event_has_its_code_source_and_target(predictions, index: int, case: tuple) -> None:
    _, code, source, target = case
    reports = [r for r in predictions[f"case:{index}"].reports if r.code == code]
    assert reports, [(r.code, sorted(r.source), sorted(r.target)) for r in predictions[f"case:{index}"].reports]
    assert any(source <= r.source and bool(r.source) == bool(source) and target in r.target for r in reports)


def test_a_doerless_passive_names_no_source_and_a_town_taken_is_no_arrest(predictions) -> None:
    town = run_pipeline([("town", "Rebels captured the town of Goma.")])["town"]
    assert {r.code for r in town.reports} == {"192"}


def test_an_unlinked_subject_pronoun_takes_the_nearest_fitting_subject() -> None:
    story = run_pipeline([("s", "The gunmen ran into an army post. Then they opened fire on soldiers.")])["s"]
    assert any(r.root == "19" and "gunmen" in r.source and "soldiers" in r.target for r in story.reports)
