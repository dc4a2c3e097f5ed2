"""Invented pages built on common news-site templates (tests/clean/fixtures): the fields come from
metadata or the header, and the body keeps the story paragraphs and none of the furniture.

Decisions these pages document: staff credits ("Reporting by ...; Editing by ...",
"X contributed to this report") and copyright notices are furniture; photo credits are cut from
captions, whose words stay once (a caption often reports the event itself); a stated site name (og:site_name, JSON-LD publisher, the <title>
suffix) beats the host name; several authors are joined as "A, B and C".
"""

import datetime as dt
from pathlib import Path

import pytest

from pipelines.clean.articles import clean_documents
from pipelines.records import CleanArticle, RawDocument

FIXTURES = Path(__file__).resolve().parent / "fixtures"

# file -> (title, byline, publisher, published_date, a story sentence that must stay)
EXPECTED = {
    "wire_agency.html": (
        "Grain exporters warn of delays as port strike enters second week",
        "Helen Marsh and Tomasz Wilk",
        "Reuters",
        dt.date(2023, 5, 9),
        "LONDON (Reuters) - Grain exporters on Tuesday warned",
    ),
    "broadsheet.html": (
        "Ferry operator fined after passengers stranded in storm",
        "Fiona Grant",
        "The Northern Ledger",
        dt.date(2022, 11, 3),
        "A ferry operator has been fined £1.2m",
    ),
    "jsonld_only.html": (
        "City approves plan to turn disused rail yard into housing",
        "Dana Whitfield, Marcus Oyelaran and Lena Fischer",
        "Riverside Chronicle",
        dt.date(2024, 2, 21),
        "The city council voted 7-2 on Wednesday night",
    ),
    "blog_comments.html": (
        "Why the coastal wind farm vote matters more than it seems",
        "Owen Castell",
        "Tidewater Notes",
        dt.date(2021, 8, 17),
        "Whatever the outcome, residents should pay attention",
    ),
    "live_blog.html": (
        "Live: Flooding forces thousands from homes as river peaks",
        "Mia Hollis",
        "Eastern Star",
        dt.date(2023, 9, 12),
        "The river reached 11.4 metres at the town gauge",
    ),
    "windows_1252.html": (
        "Strikers return to work at copper mine after wage deal",
        "Pieter van Wyk",
        "Mining Weekly Review",
        dt.date(2019, 7, 26),
        "a higher housing allowance – a key demand of the union",
    ),
    "syndicated_tv.html": (
        "Senators reach deal on rail safety bill after derailment",
        "Nora Bellamy and Dev Patel",
        "Channel 12 News",
        dt.date(2022, 9, 14),
        "WASHINGTON (AP) — A bipartisan group of senators",
    ),
    "tv_network.txt": (
        "Dam operators ordered to release water as drought eases downstream",
        "Jane Doe and John Roe",
        "The Associated Press",
        dt.date(2022, 9, 13),
        "State regulators on Tuesday ordered the operators",
    ),
    "regional_paper.txt": (
        "Bridge closure to last until spring, engineers say",
        "Sam Okafor",
        "Hillcrest Gazette",
        dt.date(2022, 9, 14),
        "A temporary footbridge for pedestrians and cyclists",
    ),
    "wire_copy.txt": (
        "Coffee prices hit three-month high as frost hits growing region",
        "Lucia Mendes and Arjun Rao",
        None,
        dt.date(2022, 9, 20),
        "SAO PAULO, Sept 20 (Reuters) - Arabica coffee futures",
    ),
    "blog_post.txt": (
        "Why the harbour dredging plan deserves a second look",
        "Owen Castell",
        None,
        dt.date(2021, 3, 3),
        "It means the authority should publish its modelling",
    ),
}

# Furniture of these templates, none of which may reach a body (compared case-insensitively).
FURNITURE = [
    "skip to",
    "sign in",
    "subscribe",
    "newsletter",
    "cookie",
    "privacy",
    "advertisement",
    "share",
    "read more",
    "read next",
    "related",
    "more stories",
    "most read",
    "trending",
    "top stories",
    "comments",
    "reply",
    "thoughts on",
    "reporting by",
    "editing by",
    "contributed to this report",
    "copyright",
    "©",
    "all rights reserved",
    "our standards",
    "photograph:",
    "photo:",
    "getty images",
    "reuters/",
    "(supplied",
    "ap photo",
    "free articles",
    "key events",
    "copy link",
    "posted in",
    "privacy notice",
]


@pytest.fixture(scope="module")
def articles() -> dict[str, CleanArticle]:
    docs = []
    for name in EXPECTED:
        text = (FIXTURES / name).read_text(encoding="utf-8")
        kind = "html" if name.endswith(".html") else "text"
        docs.append(RawDocument(f"{name}", "0" * 64, len(text.encode()), kind, text, "utf-8"))
    # Each page alone, as from different sites: no cross-page evidence helps.
    results = {doc.source_file: clean_documents([doc])[0] for doc in docs}
    assert all(isinstance(r, CleanArticle) for r in results.values())
    return results  # type: ignore[return-value]


@pytest.mark.parametrize("name", EXPECTED)
def test_fields(articles: dict[str, CleanArticle], name: str) -> None:
    title, byline, publisher, published, _ = EXPECTED[name]
    article = articles[name]
    assert (article.title, article.byline, article.publisher, article.published_date) == (title, byline, publisher, published)


@pytest.mark.parametrize("name", EXPECTED)
def test_body_keeps_the_story_and_drops_the_furniture(articles: dict[str, CleanArticle], name: str) -> None:
    body = articles[name].body
    assert EXPECTED[name][4] in body
    assert len(body.split()) > 120
    found = [phrase for phrase in FURNITURE if phrase in body.lower()]
    assert found == []


def test_uncredited_caption_printed_twice_is_kept_once(articles: dict[str, CleanArticle]) -> None:
    assert articles["regional_paper.txt"].body.count("has carried traffic across the river since 1894") == 1


def test_live_blog_keeps_every_post(articles: dict[str, CleanArticle]) -> None:
    body = articles["live_blog.html"].body
    assert "11:42am" not in body and "Key events" not in body
    assert body.index("Officials say the three evacuation centres") < body.index("Good morning and welcome")
