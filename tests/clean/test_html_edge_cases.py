"""Unusual HTML pages still give title, date and the story's paragraphs: <br>-separated text,
AMP, an article only inside <noscript>, an article only in JSON-LD articleBody (a script-rendered
page), and a paywall overlay whose text never reaches the body. (Charset mismatches are ingest's.)"""

import datetime as dt
import json

import pytest

from pipelines.clean.articles import clean_documents
from pipelines.clean.html import json_ld_article_body, strip_tags
from pipelines.records import CleanArticle, RawDocument

STORY = [
    "Flood waters forced hundreds of families from their homes in the river town of Eastbrook on Monday, emergency officials said.",
    "The river rose more than two metres overnight after three days of heavy rain, breaking through a temporary barrier near the old mill.",
    "Volunteers filled sandbags at the school gym while police closed the main bridge to all traffic until engineers could inspect it.",
    "The regional government said it would pay for emergency housing and asked residents not to return until the water had receded.",
]
TITLE = "Floods force families from homes"
PARAGRAPHS = "".join(f"<p>{p}</p>" for p in STORY)
HEAD = (
    f"<html><head><title>{TITLE} - Eastbrook Echo</title>"
    '<meta property="og:site_name" content="Eastbrook Echo"><meta property="article:published_time" content="2024-04-08"></head>'
)
JSON_LD = json.dumps(
    {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Eastbrook Echo"},
            {"@type": "NewsArticle", "headline": TITLE, "datePublished": "2024-04-08T09:00:00Z", "articleBody": "\n\n".join(STORY)},
        ],
    }
)
OVERLAY = "Subscribe today to keep reading and get unlimited access to trusted local journalism for just $1 a week."

PAGES = {
    "br_breaks": f'{HEAD}<body><div class="nav"><a href="/">Home</a></div><div id="content"><font size=2>{"<br><br>".join(STORY)}</font></div></body></html>',
    "amp": (
        '<!doctype html><html amp lang="en"><head><meta charset="utf-8"><script async src="https://cdn.ampproject.org/v0.js"></script>'
        f'<title>{TITLE} | Eastbrook Echo</title><link rel="canonical" href="https://eastbrookecho.example/news/floods">'
        '<style amp-boilerplate>body{visibility:hidden}</style><meta property="article:published_time" content="2024-04-08"></head>'
        '<body><amp-analytics type="gtag"><script type="application/json">{"vars":{"id":"G-1"}}</script></amp-analytics>'
        f'<header><a href="/">Eastbrook Echo</a></header><article><h1>{TITLE}</h1>'
        f'<amp-img src="a.jpg" width="600" height="400" layout="responsive" alt="Flooded street"></amp-img>{PARAGRAPHS}'
        '<amp-ad width="300" height="250" type="doubleclick"></amp-ad></article></body></html>'
    ),
    "noscript": f'{HEAD}<body><div id="app"></div><noscript><article><h1>{TITLE}</h1>{PARAGRAPHS}</article></noscript><script>render()</script></body></html>',
    "json_ld_only": HEAD.replace("</head>", f'<script type="application/ld+json">{JSON_LD}</script></head>')
    + '<body><div id="root"></div><script src="/app.js"></script></body></html>',
    "paywall": (
        f"{HEAD}<body><article><h1>{TITLE}</h1>{PARAGRAPHS}"
        f'<div class="paywall-overlay"><h2>This article is for subscribers only</h2><p>{OVERLAY}</p>'
        '<a href="/subscribe">Subscribe now</a> <a href="/login">Already a subscriber? Log in</a></div></article></body></html>'
    ),
}


@pytest.mark.parametrize("name", PAGES)
def test_title_date_and_story_paragraphs(name: str) -> None:
    page = PAGES[name]
    [article] = clean_documents([RawDocument(f"site/{name}.html", "0" * 64, len(page.encode()), "html", page, "utf-8")])
    assert isinstance(article, CleanArticle)
    assert article.title == TITLE
    assert article.published_date == dt.date(2024, 4, 8)
    assert [article.body[s:e] for s, e in article.paragraphs] == STORY
    assert "subscribe" not in article.body.lower()


def test_fallback_keeps_br_separated_paragraphs() -> None:
    assert strip_tags(f"<div>{'<br><br>'.join(STORY)}</div>").split("\n") == STORY


def test_json_ld_article_body_keeps_its_paragraph_breaks() -> None:
    page = f'<script type="application/ld+json">{JSON_LD}</script><script type="application/ld+json">{{not json</script>'
    assert json_ld_article_body(page).split("\n") == STORY
    assert json_ld_article_body("<p>No structured data</p>") == ""


def test_visible_article_beats_a_teaser_article_body() -> None:
    teaser = json.dumps({"@type": "NewsArticle", "articleBody": "Flood waters forced families from their homes."})
    page = (
        HEAD.replace("</head>", f'<script type="application/ld+json">{teaser}</script></head>')
        + f"<body><article>{PARAGRAPHS}</article></body></html>"
    )
    [article] = clean_documents([RawDocument("site/teaser.html", "0" * 64, len(page.encode()), "html", page, "utf-8")])
    assert [article.body[s:e] for s, e in article.paragraphs] == STORY
