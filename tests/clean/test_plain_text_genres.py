"""Scraped plain text of page genres (invented pages in tests/clean/fixtures): every story
paragraph stays, however short, and the furniture around it goes.

Decisions these pages document: a standfirst/dek under the headline stays in the body (it is the
newsroom's own summary of the story); "Updated" dates lose to the published date on the same
line; editor's notes, corrections and opinion disclaimers are furniture, and so is an author bio
that closes a column; on a live page bare timestamps are dropped and every entry that is a
sentence is kept, in page order.
"""

import datetime as dt
from pathlib import Path

import pytest

from pipelines.clean.articles import clean_documents
from pipelines.records import CleanArticle, RawDocument

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# file -> (title, byline, publisher, published_date)
EXPECTED = {
    "wire_short_paragraphs.txt": (
        "Lawmakers grill disaster agency chief over slow flood aid",
        "Jane Roe and John Doe",
        "The Associated Press",
        dt.date(2021, 3, 3),
    ),
    "regional_cluttered.txt": (
        "Harbour workers vote to strike over pay and night shifts",
        "Tom Hale",
        "Porthaven Ledger",
        dt.date(2023, 6, 8),
    ),
    "breadcrumb_dek.txt": (
        "Gales strand hundreds as ferry sailings are cancelled across the strait",
        "Jane Roe",
        "Meridian Daily",
        dt.date(2021, 3, 3),
    ),
    "opinion_column.txt": ("The water authority owes the valley a straight answer", "Jane Roe", None, dt.date(2021, 3, 3)),
    "live_timeline.txt": ("Wildfire forces evacuations across hill towns as winds strengthen", "Sam Okafor", None, dt.date(2021, 3, 3)),
    "windows_invisible.txt": ("Refinery fire halts fuel deliveries to three regions", "Jane Roe", "Gulf Energy Wire", dt.date(2022, 3, 14)),
}


def _fixture(name: str) -> str:
    return (FIXTURES / name).read_bytes().decode("utf-8")  # bytes: keep \r\n as scraped


def _paragraphs(article: CleanArticle) -> list[str]:
    return [article.body[s:e] for s, e in article.paragraphs]


def _fixture_lines(name: str, first: str, last: str) -> list[str]:
    """Non-blank lines of a fixture from the one starting with `first` to the one starting with `last`."""
    lines = [line.strip() for line in _fixture(name).splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    end = next(i for i, line in enumerate(lines) if line.startswith(last))
    return lines[start : end + 1]


@pytest.fixture(scope="module")
def articles() -> dict[str, CleanArticle]:
    results = {}
    for name in EXPECTED:
        text = _fixture(name)
        results[name] = clean_documents([RawDocument(name, "0" * 64, len(text.encode()), "text", text, "utf-8")])[0]
    assert all(isinstance(r, CleanArticle) for r in results.values())
    return results  # type: ignore[return-value]


@pytest.mark.parametrize("name", EXPECTED)
def test_fields(articles: dict[str, CleanArticle], name: str) -> None:
    article = articles[name]
    assert (article.title, article.byline, article.publisher, article.published_date) == EXPECTED[name]


@pytest.mark.parametrize("name", EXPECTED)
def test_spans_slice_the_stored_body(articles: dict[str, CleanArticle], name: str) -> None:
    article = articles[name]
    assert all(article.body[s:e] == article.body[s:e].strip() != "" for s, e in article.paragraphs + article.sentences)
    assert "\n\n".join(_paragraphs(article)) == article.body


def test_wire_copy_keeps_every_short_paragraph(articles: dict[str, CleanArticle]) -> None:
    # One-sentence paragraphs, quote-only paragraphs and four-word paragraphs are all story.
    story = _fixture_lines("wire_short_paragraphs.txt", "WASHINGTON (AP)", "More details were expected")
    assert _paragraphs(articles["wire_short_paragraphs.txt"]) == story
    assert {"“We are ready,” she said.", "He declined to comment.", "It was not immediately clear why."} <= set(story)


def test_menu_ticker_cookies_headline_lists_comments_and_footer_are_dropped(articles: dict[str, CleanArticle]) -> None:
    story = _fixture_lines("regional_cluttered.txt", "Dock workers", "“Nobody wants to strike")
    assert _paragraphs(articles["regional_cluttered.txt"]) == story


def test_breadcrumb_headline_is_the_title_once_and_the_dek_is_not_the_story(articles: dict[str, CleanArticle]) -> None:
    # The standfirst above the byline is left out, as trafilatura leaves it out of an HTML page's text.
    article = articles["breadcrumb_dek.txt"]
    paragraphs = _paragraphs(article)
    assert article.title not in article.body
    assert "Operators halted dozens of crossings" not in article.body
    assert paragraphs[0].startswith("Hundreds of passengers were stranded")
    assert not any("Reuters" in p or "Published" in p for p in paragraphs)


def test_editors_note_bio_and_disclaimer_are_not_the_column(articles: dict[str, CleanArticle]) -> None:
    paragraphs = _paragraphs(articles["opinion_column.txt"])
    assert paragraphs[0].startswith("When the reservoir was drained")
    assert paragraphs[-1].startswith("Until it does")
    assert len(paragraphs) == 6


def test_live_page_keeps_its_entries_and_drops_bare_timestamps(articles: dict[str, CleanArticle]) -> None:
    lines = _fixture_lines("live_timeline.txt", "2 min ago", "Good afternoon")
    entries = [line for line in lines if line[-1] in ".”"]
    assert _paragraphs(articles["live_timeline.txt"]) == entries
    assert len(entries) == 10


def test_line_endings_and_invisible_characters_do_not_reach_the_body(articles: dict[str, CleanArticle]) -> None:
    article = articles["windows_invisible.txt"]
    assert not any(ch in article.body for ch in "\r\u00a0\u200b\ufeff\u00ad")
    assert "halted fuel deliveries to three regions" in article.body
    assert _paragraphs(article)[2].startswith("Petrol stations")
    assert len(article.paragraphs) == 5
