"""HTML page -> article text with one paragraph per line, plus page metadata (offline)."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

import trafilatura

from pipelines.clean.fields import is_host_name, site_in_title

# Only metadata the page states: no guessing a date from the body text.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}

_INVISIBLE = re.compile(r"<(script|style|noscript|template|svg|head)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|h[1-6]|li|ul|ol|article|section|header|footer|nav|aside|blockquote|tr|table|figure|figcaption|main)\b[^>]*>", re.I
)
_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.S | re.I)


@dataclass(frozen=True)
class HtmlExtract:
    """Text has one paragraph per line; metadata fields are None when the page does not state them."""

    text: str
    title: str | None
    author: str | None
    sitename: str | None
    date: str | None  # ISO YYYY-MM-DD
    url: str | None


def strip_tags(page: str) -> str:
    """Plain fallback: drop invisible elements and tags, one line per block element."""
    text = _BLOCK_TAG.sub("\n", _INVISIBLE.sub(" ", page))
    text = html_lib.unescape(_TAG.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def extract_html(page: str, url: str | None = None) -> HtmlExtract:
    """Main text and metadata via trafilatura; tag-stripped text when it finds no main text."""
    doc = None
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
    title_match = _TITLE_TAG.search(page)
    page_title = " ".join(html_lib.unescape(title_match.group(1)).split()) if title_match else ""
    if not text.strip():
        return HtmlExtract(strip_tags(page), page_title or None, None, None, None, url)
    return HtmlExtract(
        text=text,
        title=doc.title or None,
        author=doc.author or None,
        sitename=_site_name(doc.sitename, page_title, doc.title),
        date=doc.date or None,
        url=doc.url or url,
    )


def _site_name(stated: str | None, page_title: str, headline: str | None) -> str | None:
    """The site's name: og:site_name or JSON-LD publisher as trafilatura finds them, else the
    suffix the <title> adds to the headline; a host name (trafilatura's URL fallback) only last."""
    from_title = site_in_title(page_title, headline) if headline else None
    if stated and not is_host_name(stated):
        return stated
    return from_title or stated or None
