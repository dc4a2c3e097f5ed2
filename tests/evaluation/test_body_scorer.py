"""The body scorer: word 4-shingles, bags, every script."""

from pipelines.body_evaluation import prf, shingles


def test_identical_bodies_score_one_and_disjoint_ones_zero() -> None:
    text = "The council voted on Tuesday to open an inquiry."
    assert prf(text, text) == (1.0, 1.0, 1.0)
    assert prf("Menu Sport Weather Sign in now", text)[2] == 0.0
    assert prf("", text) == (0.0, 0.0, 0.0)


def test_a_dropped_paragraph_costs_recall_and_a_kept_menu_precision() -> None:
    story = "First paragraph of the story runs on here.\nSecond paragraph adds the reaction of officials."
    dropped = prf(story.split("\n")[0], story)
    assert dropped[0] == 1.0 and dropped[1] < 0.6
    padded = prf(story + "\nHome News Sport Weather Contact us today", story)
    assert padded[1] == 1.0 and padded[0] < 0.8


def test_case_and_punctuation_do_not_count_and_han_characters_are_words() -> None:
    assert shingles("The Cat, sat on") == shingles("the cat sat ON!")
    assert sum(shingles("北京市政府今天宣布").values()) == 6
