"""HTML pages: main text with paragraph lines and metadata via trafilatura, tag-stripping fallback."""

from pipelines.clean.html import extract_html, strip_tags

PARAGRAPHS = [
    "Rebel fighters seized the port town of Marlow on Tuesday after two days of heavy fighting, officials said.",
    "The government said it would send reinforcements to the region and called on residents to stay indoors.",
    "Aid groups warned that thousands of people had fled the area and that food supplies were running low.",
]

PAGE = f"""<html><head><title>Rebels seize port town | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2021-03-04T10:00:00Z">
<script>var tracking = "should never appear";</script>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Rebels seize port town</h1>
<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p>
</article>
<footer>Copyright 2021 Daily Planet. All rights reserved.</footer></body></html>"""


def test_metadata_and_main_text_are_extracted() -> None:
    page = extract_html(PAGE, url="https://www.dailyplanet.example/world/rebels")
    assert page.title == "Rebels seize port town"
    assert page.author == "Jane Roe"
    assert page.sitename == "Daily Planet"
    assert page.date == "2021-03-04"
    assert page.url == "https://www.dailyplanet.example/world/rebels"
    lines = page.text.split("\n")
    assert all(paragraph in lines for paragraph in PARAGRAPHS)  # one paragraph per line
    assert "Home" not in lines and "tracking" not in page.text


def test_page_without_stated_date_has_none() -> None:
    page = extract_html(PAGE.replace('<meta property="article:published_time" content="2021-03-04T10:00:00Z">', ""))
    assert page.date is None


def test_strip_tags_keeps_blocks_as_lines_and_drops_scripts() -> None:
    text = strip_tags("<div>One &amp; two</div><script>x()</script><p>Three <b>four</b></p><br>Five")
    assert text.split("\n") == ["One & two", "Three four", "Five"]


def test_falls_back_to_tag_stripping_when_trafilatura_finds_nothing() -> None:
    page = extract_html("<html><head><title>Empty page</title></head><body></body></html>")
    assert page.text == ""
    assert page.title == "Empty page"


def test_metadata_states_the_publication_moment_and_section() -> None:
    page = (
        "<html><head><title>Island Gazette - Assembly passes budget after all-night sitting</title>"
        '<meta property="article:published_time" content="2019-06-13T06:05:00+10:00">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "articleSection": ["Politics", "Budget"]}</script></head>'
        "<body><article><p>"
        + " ".join(["The assembly passed the budget after a sitting of nineteen hours."] * 6)
        + "</p></article></body></html>"
    )
    meta = extract_html(page)
    assert meta.published_at == "2019-06-13T06:05:00+10:00" and meta.section == "Politics"
    # a <title> that puts the site first: the longer part is the headline
    assert (meta.title, meta.sitename) == ("Assembly passes budget after all-night sitting", "Island Gazette")


def test_a_short_article_run_into_one_line_gets_its_paragraph_breaks_back() -> None:
    # trafilatura's baseline fallback joins a short <article>'s headline, date and paragraph
    page = (
        "<html><head><title>Ferries cancelled</title></head><body><header><ul><li><a>News</a></li></ul></header>"
        f"<article><h1>Ferries cancelled as gales hit</h1><time datetime='2024-10-28'>28 October 2024</time><p>{PARAGRAPHS[0]}</p></article>"
        "<footer>© 2024 North Coast Today</footer></body></html>"
    )
    assert extract_html(page).text.split("\n") == ["Ferries cancelled as gales hit", "28 October 2024", PARAGRAPHS[0]]
