"""clean_documents: raw documents in, clean articles or boilerplate_only rejections out, in order."""

import datetime as dt
from dataclasses import fields
from pathlib import Path

import pytest

from pipelines.clean.articles import MIN_BODY_WORDS, clean_documents, source_group
from pipelines.clean.assets import CLEAN_ARTICLE_SCHEMA
from pipelines.records import CleanArticle, RawDocument, Rejection

SAMPLES = Path(__file__).resolve().parents[2] / "seeds" / "articles"

STORY = [
    "The regional council voted on Tuesday to close three rural clinics, citing a shortage of doctors and nurses.",
    "Residents of the northern valley said the nearest hospital would now be more than two hours away by road.",
    "The council's chairman said the decision was painful but that the budget left no other option this year.",
    "Opposition members walked out of the session and promised to challenge the vote in the regional court.",
]

TEXT_PAGE = "\n\n".join(
    [
        "Skip to main content",
        "News Sport Business Culture",
        "Council closes rural clinics | The Valley Herald",
        "By Maria Lopez",
        "Published: 14 March 2023",
        *STORY[:2],
        "Subscribe to our newsletter and never miss a story. Sign up here.",
        *STORY[2:],
        "Related stories",
        "© 2023 The Valley Herald. All rights reserved.",
    ]
)

HTML_PAGE = f"""<html><head><title>Council closes rural clinics - Valley Herald</title>
<meta property="og:site_name" content="Valley Herald">
<meta name="author" content="Maria Lopez">
<meta property="article:published_time" content="2023-03-14">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council closes rural clinics</h1>{"".join(f"<p>{p}</p>" for p in STORY)}</article>
<footer>Privacy policy | Terms of use</footer></body></html>"""


def document(text: str, source_file: str = "site/page.txt", kind: str = "text", **extra: str) -> RawDocument:
    return RawDocument(
        source_file=source_file, raw_sha256="0" * 64, size_bytes=len(text.encode()), kind=kind, text=text, encoding="utf-8", **extra
    )


def test_plain_text_page_becomes_article_with_fields() -> None:
    [article] = clean_documents([document(TEXT_PAGE)])
    assert isinstance(article, CleanArticle)
    assert article.body == "\n\n".join(STORY)
    assert article.title == "Council closes rural clinics"
    assert article.byline == "Maria Lopez"
    assert article.published_date == dt.date(2023, 3, 14)
    assert article.publisher == "The Valley Herald"  # from the copyright line: no URL is known
    assert [article.body[s:e] for s, e in article.paragraphs] == STORY
    assert all(article.body[s:e].strip() == article.body[s:e] for s, e in article.sentences)


def test_url_gives_publisher_and_date_and_source_fields_win() -> None:
    doc = document(
        TEXT_PAGE.replace("Published: 14 March 2023", ""),
        url="https://www.valleyherald.example/2023/03/15/clinics",
        title="Clinics to close",
    )
    [article] = clean_documents([doc])
    assert article.publisher == "valleyherald.example"
    assert article.published_date == dt.date(2023, 3, 15)
    assert article.title == "Clinics to close"


def test_html_page_uses_metadata() -> None:
    [article] = clean_documents([document(HTML_PAGE, "site/page.html", kind="html")])
    assert isinstance(article, CleanArticle)
    assert article.body == "\n\n".join(STORY)
    assert article.title == "Council closes rural clinics"
    assert article.byline == "Maria Lopez"
    assert article.publisher == "Valley Herald"
    assert article.published_date == dt.date(2023, 3, 14)


def test_furniture_only_page_is_rejected_and_order_is_kept() -> None:
    menu = document("Home\nNews\nSubscribe\nLoading...\nPrivacy policy\n© 2023 Example Media", "site/menu.txt")
    fragment = document("Read more", "site/fragment.txt")
    results = clean_documents([menu, document(TEXT_PAGE), fragment])
    assert [type(r) for r in results] == [Rejection, CleanArticle, Rejection]
    assert results[0].reason == "boilerplate_only" and results[0].source_file == "site/menu.txt"
    assert str(MIN_BODY_WORDS) in results[2].detail


@pytest.mark.parametrize(
    "brief",
    [
        "Hundreds of farmers marched on the regional parliament on Friday.",
        "A bus depot was set on fire by rioters.",
        "Officials of the two provinces agreed on Tuesday that the border crossing would reopen. Talks had stalled for a year.",
    ],
)
def test_a_text_of_one_or_two_sentences_is_an_article(brief: str) -> None:
    [article] = clean_documents([document(brief, "wire/flash.txt")])
    assert isinstance(article, CleanArticle) and article.body == brief


def test_a_short_page_is_still_judged_by_its_length() -> None:
    html = "<html><body><nav>Home | World</nav><p>Rioters set a bus depot on fire.</p></body></html>"
    [result] = clean_documents([document(html, "site/short.html", kind="html")])
    assert isinstance(result, Rejection) and result.reason == "boilerplate_only"


def test_a_short_text_that_is_mostly_furniture_is_no_brief() -> None:
    [result] = clean_documents([document("Share this article\nSubscribe\nRead more\nFarmers marched.", "site/bits.txt")])
    assert isinstance(result, Rejection) and result.reason == "boilerplate_only"


def test_lines_repeated_across_a_sites_pages_are_removed() -> None:
    footer = "The Valley Herald is an independent newspaper serving the northern valley since 1921."
    other_story = [
        "The school board approved a new timetable on Monday that starts lessons an hour later in winter.",
        "Parents had asked for the change after several pupils were hurt walking to school in the dark.",
        "Teachers' unions welcomed the plan but warned that after-school clubs would have less time.",
        "The board will review the timetable at the end of the school year and publish its findings.",
    ]
    pages = [
        document("\n\n".join([*STORY, footer]), "site/a.txt"),
        document("\n\n".join([*other_story, footer]), "site/b.txt"),
    ]
    first, second = clean_documents(pages)
    assert footer not in first.body and footer not in second.body


def test_source_group_is_host_else_folder() -> None:
    assert source_group(document("x", "feeds/a.jsonl#L3", url="https://www.example.com/a")) == "host:example.com"
    assert source_group(document("x", "feeds/a.jsonl#L3")) == "dir:feeds"


def test_sample_articles_end_to_end() -> None:
    docs = [document(path.read_text(encoding="utf-8"), path.name) for path in sorted(SAMPLES.glob("*.txt"))]
    results = clean_documents(docs)
    assert all(isinstance(r, CleanArticle) for r in results)
    for article in results:
        assert article.title and len(article.body.split()) > 300
        assert all(article.body[s:e] == article.body[s:e].strip() for s, e in article.sentences)
        tail = article.body[-400:].lower()
        assert "click here" not in tail and "subscribe" not in article.body.lower()


BRIEF = "All ferry sailings to the western islands were cancelled on Monday as gusts of up to 80mph battered the coast. The operator said it would review services at noon."


def test_a_short_article_on_a_page_that_calls_itself_an_article_is_kept() -> None:
    html = (
        '<html><head><meta property="og:type" content="article"></head><body><nav>Home | World | Sport</nav>'
        f"<article><h1>Ferry services cancelled as gales hit islands</h1><p>{BRIEF}</p></article></body></html>"
    )
    [article] = clean_documents([document(html, "site/brief.html", kind="html")])
    assert isinstance(article, CleanArticle) and BRIEF in article.body


def test_a_scraped_brief_under_its_headline_is_kept_and_a_stray_sentence_is_not() -> None:
    page = "\n".join(
        ["News", "Sport", "Weather", "Ferry services cancelled as gales hit islands", "28 October 2024", BRIEF, "Latest", "Contact us"]
    )
    [article] = clean_documents([document(page, "site/brief.txt")])
    assert isinstance(article, CleanArticle) and article.body == BRIEF
    error = "\n".join(["News", "Sport", "Page not found here", "Sorry, the page you were looking for could not be found.", "Home"])
    [rejected] = clean_documents([document(error, "site/missing.txt")])
    assert isinstance(rejected, Rejection)


def test_a_short_article_in_another_language_is_kept_in_its_language() -> None:
    brief = (
        "In einer Lagerhalle im Gewerbegebiet Nord ist am Montagabend ein Großbrand ausgebrochen. Verletzt wurde nach "
        "ersten Angaben der Feuerwehr niemand, die Anwohner sollen Fenster und Türen geschlossen halten."
    )
    html = f'<html><head><meta property="og:type" content="article"></head><body><article><h1>Großbrand in Lagerhalle</h1><p>{brief}</p></article></body></html>'
    [article] = clean_documents([document(html, "site/brand.html", kind="html")])
    assert isinstance(article, CleanArticle) and article.language == "de" and article.body == brief


def test_a_foreign_page_loses_its_cookie_notice_standfirst_byline_and_caption() -> None:
    story = [
        "Der bundesweite Streik der Lokführer hat am Mittwoch den Fernverkehr der Bahn weitgehend zum Erliegen gebracht, nur jeder fünfte Fernzug fuhr.",
        "Die Gewerkschaft fordert eine Verkürzung der Wochenarbeitszeit bei vollem Lohnausgleich, die Bahn lehnt das ab und verweist auf den Personalmangel.",
        "An vielen Bahnhöfen blieb es am Morgen ruhig, weil sich die meisten Pendler auf den Ausstand eingestellt hatten und im Homeoffice blieben.",
    ]
    page = "\n\n".join(
        [
            "Wir und unsere Partner verwenden Cookies und ähnliche Technologien, um Inhalte und Anzeigen zu personalisieren.",
            "Alle akzeptieren",
            "Rheinische Rundschau",
            "Politik Wirtschaft Sport Kultur",
            "Tarifkonflikt",
            "Bahnstreik legt Fernverkehr weitgehend lahm",
            "Die Lokführergewerkschaft hat zum dritten Mal in diesem Winter zum Streik aufgerufen.",
            "Von Katrin Vogel · 10.01.2024, 07:45 Uhr",
            "Reisende warten am Hauptbahnhof auf einen Zug",
            *story,
            "Artikel teilen: Facebook X WhatsApp",
            "Kommentare (3)",
            "Das war doch absehbar, die Bahn hat seit Jahren zu wenig Personal eingestellt und jetzt haben wir den Salat.",
        ]
    )
    [article] = clean_documents([document(page, "site/streik.txt")])
    assert isinstance(article, CleanArticle) and article.language == "de"
    assert article.body.split("\n\n") == story


# What each sample page states about itself, read by hand: its author (in a byline or an author box
# closing the page) and its outlet (a "Publication:" label, the site describing itself, the outlet
# its author's bio names). The other two pages state neither (a photo credit "via AP" names the
# photo's source, not the page's), and none states its publication date.
SAMPLE_FIELDS = {
    "000_7520128791ee56e3.txt": ("Chris Rickleton", "RFE/RL"),
    "001_6c3a49d75e9ae065.txt": (None, "Eurasia Daily Monitor"),
    "002_7a4f6bc9b61ba27a.txt": ("William Hampton", "Euro Examiner"),
    "003_601ee3e709455754.txt": (None, None),
    "004_fefce6469b1c31c0.txt": (None, None),
}


def test_samples_bylines_and_publishers_are_the_ones_the_pages_state_and_nothing_is_guessed() -> None:
    docs = [document(path.read_text(encoding="utf-8"), path.name) for path in sorted(SAMPLES.glob("*.txt"))]
    found = {a.source_file: (a.byline, a.publisher) for a in clean_documents(docs)}
    assert found == SAMPLE_FIELDS
    assert all(a.published_date is None for a in clean_documents(docs))


def test_the_clean_table_holds_every_article_field() -> None:
    assert [f.name for f in fields(CleanArticle) if f.name != "body"] == [n for n in CLEAN_ARTICLE_SCHEMA if n != "body"]
