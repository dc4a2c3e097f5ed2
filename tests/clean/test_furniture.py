"""Furniture removal by line-level evidence on made-up pages."""

from pipelines.clean.furniture import (
    furniture_lexicon,
    line_features,
    logical_lines,
    shared_furniture,
    split_page,
    strip_photo_credit,
)

PROSE = [
    "The regional council voted on Tuesday to close three rural clinics, citing a shortage of doctors and nurses.",
    "Residents of the northern valley said the nearest hospital would now be more than two hours away by road.",
    "The council's chairman said the decision was painful but that the budget left no other option this year.",
    "Opposition members walked out of the session and promised to challenge the vote in the regional court.",
    "A spokesperson for the health ministry said the government would review the funding formula next spring.",
]

PAGE = "\n".join(
    [
        "Jump to content",
        "Home",
        "World Business Sport Culture Weather",
        "Council closes rural clinics",
        "By Maria Lopez",
        "",
        PROSE[0],
        "",
        "Nurses protest outside the council building in the capital on Tuesday.",
        "Nurses protest outside the council building in the capital on Tuesday.",
        "",
        PROSE[1],
        "Sign up for our morning newsletter and get the day's news in your inbox. Subscribe now.",
        PROSE[2],
        "ADVERTISEMENT",
        "What happens next",
        PROSE[3],
        "Share this article",
        PROSE[4],
        "Maria Lopez",
        "Maria Lopez is a health correspondent based in the capital. Before joining the paper she was a reporter for a radio station.",
        "Most popular",
        "Flooding hits coastal towns",
        "Election results in full",
        "We use cookies to improve your experience. By using this site you accept our privacy policy.",
        "© 2024 The Valley Herald. All rights reserved.",
    ]
)


def test_lexicon_is_loaded_from_reference_csv() -> None:
    lexicon = furniture_lexicon()
    assert lexicon["subscribe"] == "cta"
    assert lexicon["read more"] == "cta"
    assert set(lexicon.values()) <= {"cta", "ad", "legal", "list", "nav", "section", "social", "media"}


def test_line_features_tell_prose_from_prompts() -> None:
    assert line_features(PROSE[0]).prose
    prompt = line_features("Enjoying this story? Click here to subscribe for full access.")
    assert prompt.strong_ui and not prompt.prose
    assert line_features("Follow us on social media").strong_ui
    assert line_features("HomeWorldPoliticsBusiness").strong_ui  # menu items glued together
    assert not line_features("What happens next").prose


def test_logical_lines_merge_hard_wraps_and_repeated_captions() -> None:
    text = "A caption line.\nA caption line.\n\nThe minister said the plan\nwould be announced soon.\n"
    assert logical_lines(text) == ["A caption line.", "The minister said the plan would be announced soon."]


def test_body_is_the_dense_prose_run_without_furniture() -> None:
    layout = split_page(logical_lines(PAGE))
    assert layout.body == [
        PROSE[0],
        "Nurses protest outside the council building in the capital on Tuesday.",  # kept once
        PROSE[1],
        PROSE[2],
        "What happens next",  # a subheading stays
        PROSE[3],
        PROSE[4],
    ]
    assert "Council closes rural clinics" in layout.head and "By Maria Lopez" in layout.head


def test_tail_author_bio_ends_the_body() -> None:
    layout = split_page(logical_lines(PAGE))
    assert not any("correspondent" in line for line in layout.body)
    assert layout.tail[0] == "Maria Lopez"


def test_bio_shaped_sentence_inside_the_body_is_kept() -> None:
    lines = [PROSE[0], PROSE[1], "Ana Ruiz is a former reporter who now advises the council on health policy.", PROSE[2]]
    assert split_page(lines).body == lines


def test_prompt_repeated_within_a_page_is_dropped_everywhere() -> None:
    promo = "Liked this story? Share it with a friend and subscribe to support independent reporting."
    lines = [PROSE[0], promo, PROSE[1], PROSE[2], promo, PROSE[3]]
    assert split_page(lines).body == [PROSE[0], PROSE[1], PROSE[2], PROSE[3]]


def test_repeated_prose_keeps_its_first_copy() -> None:
    lines = [PROSE[0], PROSE[1], PROSE[0], PROSE[2]]
    assert split_page(lines).body == [PROSE[0], PROSE[1], PROSE[2]]


def test_lines_shared_by_pages_with_different_bodies_are_furniture() -> None:
    footer = "The Valley Herald is published every weekday by the Valley Press Group in the northern valley."
    page_a = [PROSE[0], PROSE[1], footer]
    page_b = [PROSE[2], PROSE[3], footer]
    shared = shared_furniture([page_a, page_b])
    assert len(shared) == 1
    assert split_page(page_a + [PROSE[4]], shared).body == [PROSE[0], PROSE[1], PROSE[4]]


def test_syndicated_copies_do_not_mark_their_prose_as_furniture() -> None:
    copy_a = ["Wire headline here", PROSE[0], PROSE[1], PROSE[2]]
    copy_b = ["Wire headline here", PROSE[0], PROSE[1], PROSE[2], PROSE[3]]
    assert shared_furniture([copy_a, copy_b]) == frozenset()


def test_page_of_only_furniture_has_no_body() -> None:
    lines = ["Home", "News", "Sport", "Subscribe", "Loading...", "Privacy policy", "Terms of use"]
    assert split_page(lines).body == []


def test_photo_credit_is_cut_from_a_caption() -> None:
    assert strip_photo_credit("Smoke rises over the port. (Jane Roe/Example Agency via AP)") == "Smoke rises over the port."
    assert strip_photo_credit("Crowds gather in the square (Photo: Example Agency)") == "Crowds gather in the square"
    assert strip_photo_credit("The rebels seized the town (Reuters)") == "The rebels seized the town (Reuters)"
    assert strip_photo_credit("The deal (worth $3/share)") == "The deal (worth $3/share)"


def test_short_sentences_do_not_break_the_body() -> None:
    lines = ["Menu", PROSE[0], "Nobody objected.", "The vote was close.", PROSE[1], "Newsletter sign up"]
    assert split_page(lines).body == [PROSE[0], "Nobody objected.", "The vote was close.", PROSE[1]]


def test_a_story_and_its_truncated_or_edited_copy_share_prose_that_is_not_furniture() -> None:
    story = PROSE[:5]
    truncated = PROSE[:3]
    edited = [PROSE[0].replace("Tuesday", "Wednesday"), *PROSE[1:5]]
    assert shared_furniture([story, truncated, edited]) == frozenset()
