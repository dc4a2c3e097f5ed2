"""HTML page -> article text with one paragraph per line, plus page metadata (offline).

Main text and metadata come from trafilatura, with only the dates the page states. A page that
renders its article by script takes its JSON-LD articleBody instead; a page where trafilatura finds
no text falls back to its tag-stripped text. The site's name prefers og:site_name or JSON-LD, then
the suffix the <title> adds to the headline, a bare host name last.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import trafilatura

from pipelines.clean.fields import headline_in_title, is_host_name, is_iso_moment, site_in_title

# Only metadata the page states: no guessing a date from the body text.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}

_INVISIBLE = re.compile(r"<(script|style|noscript|template|svg|head)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|ul|ol|article|section|header|footer|nav|aside|blockquote|tr|table|figure|figcaption|main)\b[^>]*>", re.I
)
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.S | re.I)
_JSON_LD = re.compile(r"<script[^>]*application/ld\+json[^>]*>(.*?)</script\s*>", re.S | re.I)
_MAIN_ELEMENT = re.compile(r"<(article|main)\b.*?</\1\s*>", re.S | re.I)
_BODY_TAG = re.compile(r"<body\b.*", re.S | re.I)
_META = re.compile(r"<meta\b[^>]*>", re.I)
_META_KEY = re.compile(r"""(?:property|name|itemprop)\s*=\s*["']([^"']+)["']""", re.I)
_META_CONTENT = re.compile(r"""content\s*=\s*["']([^"']*)["']""", re.I)
_TIME_TAG = re.compile(r"""<time\b[^>]*datetime\s*=\s*["']([^"']+)["']""", re.I)
# Metadata that states when the article was first published, and which section it belongs to.
_PUBLISHED_KEYS = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "dc.date.issued", "date")
_SECTION_KEYS = ("article:section", "articlesection")
_ARTICLE_MARK = re.compile(
    r"<article\b|<meta[^>]+(?:property|name)=[\"']og:type[\"'][^>]+content=[\"']article"
    r"|[\"']@type[\"']\s*:\s*\[?\s*[\"'](?:\w*Article|BlogPosting|Report)[\"']",
    re.I,
)


@dataclass(frozen=True)
class HtmlExtract:
    """Text has one paragraph per line; metadata fields are None when the page does not state them."""

    text: str
    title: str | None
    author: str | None
    sitename: str | None
    date: str | None  # ISO YYYY-MM-DD
    url: str | None
    states_article: bool = False  # the page calls itself an article (og:type, JSON-LD type, <article>)
    published_at: str | None = None  # ISO 8601 publication moment as the metadata states it
    section: str | None = None


def strip_tags(page: str) -> str:
    """Plain fallback: drop invisible elements and tags, one line per block element."""
    text = _BLOCK_TAG.sub("\n", _INVISIBLE.sub(" ", page))
    return _tidy_lines(html_lib.unescape(_TAG.sub("", text)).split("\n"))


def json_ld_article_body(page: str) -> str:
    """The longest JSON-LD articleBody on the page, one paragraph per line; "" when there is none."""
    bodies = [body for block in _JSON_LD.findall(page) for body in _article_bodies(_load_json(block))]
    if not bodies:
        return ""
    return _tidy_lines(html_lib.unescape(_TAG.sub("", line)) for line in max(bodies, key=len).split("\n"))


def page_metadata(page: str) -> dict[str, str]:
    """<meta> key (property, name or itemprop, lower case) -> its first content, plus the first
    string JSON-LD states under each key (lower case), metadata keys winning."""
    found: dict[str, str] = {}
    for tag in _META.findall(page):
        key, content = _META_KEY.search(tag), _META_CONTENT.search(tag)
        if key and content and content[1].strip():
            found.setdefault(key[1].lower(), html_lib.unescape(content[1]).strip())
    for block in _JSON_LD.findall(page):
        for key, value in _json_strings(_load_json(block)):
            found.setdefault(key.lower(), value)
    return found


def _json_strings(node: object) -> Iterator[tuple[str, str]]:
    """(key, string) pairs of a JSON-LD tree, a list's first string standing for the list."""
    if isinstance(node, list):
        for item in node:
            yield from _json_strings(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if isinstance(value, str) and key != "articleBody":
                yield key, value.strip()
            elif isinstance(value, list) and value and isinstance(value[0], str):
                yield key, value[0].strip()
            else:
                yield from _json_strings(value)


def stated_published(page: str, metadata: dict[str, str]) -> str | None:
    """The publication moment the page's metadata states as ISO 8601 (with its time when given),
    else the first <time datetime>; None when neither is an ISO date."""
    stated = [metadata.get(key, "") for key in _PUBLISHED_KEYS]
    stated += _TIME_TAG.findall(page)[:1]
    return next((value.strip() for value in stated if is_iso_moment(value)), None)


def _tidy_lines(lines: Iterable[str]) -> str:
    """Lines with their runs of spaces collapsed, the empty ones dropped."""
    tidy = (_SPACES.sub(" ", line).strip() for line in lines)
    return "\n".join(line for line in tidy if line)


def _load_json(block: str) -> object:
    try:
        return json.loads(block)
    except ValueError:  # invalid JSON-LD is common (trailing commas, raw newlines); it states nothing then
        return None


def _article_bodies(node: object) -> Iterator[str]:
    if isinstance(node, list):
        for item in node:
            yield from _article_bodies(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "articleBody" and isinstance(value, str):
                yield value
            else:
                yield from _article_bodies(value)


def extract_html(page: str, url: str | None = None) -> HtmlExtract:
    """Main text and metadata via trafilatura; tag-stripped text when it finds no main text.

    A page that renders its article with scripts shows little or no text without them: when the
    visible body has less than half the words of the JSON-LD articleBody, that is the text (with
    its own paragraph breaks, which trafilatura's reading of it loses).
    """
    try:
        doc = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except (ValueError, TypeError, AttributeError):  # malformed markup trafilatura cannot parse
        doc = None
    text = (doc.text or "") if doc is not None else ""
    if text.strip() and "\n" not in text.strip():
        text = _with_paragraphs(page, text)
    stated_body = json_ld_article_body(page)
    if stated_body:
        visible = _BODY_TAG.search(page)
        if len(strip_tags(visible.group(0) if visible else "").split()) < len(stated_body.split()) / 2:
            text = stated_body
    title_match = _TITLE_TAG.search(page)
    page_title = " ".join(html_lib.unescape(title_match.group(1)).split()) if title_match else ""
    states_article = bool(_ARTICLE_MARK.search(page))
    if doc is None or not text.strip():  # no main text (or only the JSON-LD body): no metadata either
        return HtmlExtract(text if text.strip() else strip_tags(page), page_title or None, None, None, None, url, states_article)
    metadata = page_metadata(page)
    # trafilatura takes a <title>'s first part for the headline; on a page whose title puts the
    # site first, that part is the site's name and the longer rest the headline.
    site_first = headline_in_title(page_title, doc.title) if doc.title and not doc.sitename else None
    return HtmlExtract(
        text=text,
        title=site_first or doc.title or None,
        author=doc.author or None,
        sitename=doc.title if site_first else _site_name(doc.sitename, page_title, doc.title),
        date=doc.date or None,
        url=doc.url or url,
        states_article=states_article,
        published_at=stated_published(page, metadata),
        section=next((metadata[key] for key in _SECTION_KEYS if metadata.get(key)), None),
    )


def _with_paragraphs(page: str, text: str) -> str:
    """trafilatura's text, or the same words with the paragraph breaks of the page's <article> (or
    <main>) element when the text is that element's words run into one line: on a short page its
    baseline fallback joins headline, date and paragraphs, which then read as one paragraph."""
    flat = " ".join(text.split())
    for element in _MAIN_ELEMENT.finditer(page):
        lines = strip_tags(element.group(0))
        if " ".join(lines.split()) == flat:
            return lines
    return text


def _site_name(stated: str | None, page_title: str, headline: str | None) -> str | None:
    """The site's name: og:site_name or JSON-LD publisher as trafilatura finds them, else the
    suffix the <title> adds to the headline; a host name (trafilatura's URL fallback) only last."""
    from_title = site_in_title(page_title, headline) if headline else None
    if stated and not is_host_name(stated):
        return stated
    return from_title or stated or None
