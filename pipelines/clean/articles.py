"""Clean stage entry point: raw documents -> clean articles (in any language), or rejections (boilerplate_only).

Documents are cleaned as a batch so that lines recurring across pages of one source (same URL
host, else same folder) can be recognised as furniture. Foreign-language lines are dropped
before the furniture pass (which would otherwise drop them as non-prose and misreport the page as
boilerplate); a page whose article is not in English is cleaned again in its own language and
kept, with its `language` (see clean.language).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from pipelines.clean.fields import (
    author_box,
    byline_in,
    byline_names,
    byline_outlet,
    date_from_url,
    dateline_in,
    employer_in,
    header_date,
    is_header_line,
    is_host_name,
    parse_published,
    published_moment,
    publisher_from_url,
    publisher_in,
    strip_site_suffix,
    title_in,
)
from pipelines.clean.furniture import (
    HEADER_LINES_IN_BODY,
    PageLayout,
    is_terminal,
    line_features,
    logical_lines,
    shared_furniture,
    split_page,
)
from pipelines.clean.html import HtmlExtract, extract_html
from pipelines.clean.language import LanguageSplit, identify, is_foreign_page, ratio_scale, split_languages, stop_ratio, stop_words
from pipelines.clean.segment import split_paragraphs, split_sentences
from pipelines.clean.words import clean_words
from pipelines.parallel import map_chunks
from pipelines.records import CleanArticle, RawDocument, Rejection

# A scraped page's article has at least a few sentences; below this what is left of it after the
# furniture pass is a menu, a gallery or an error page.
MIN_BODY_WORDS = 40
# Text handed in as the article itself (a text file, a JSONL record's text) may be a wire flash or
# a brief of one or two sentences: it is an article when the furniture pass kept nearly all of it
# (so it was no page of furniture) and it holds a complete sentence of a few words.
MIN_BRIEF_WORDS = 4
MIN_BRIEF_KEPT_SHARE = 0.8
# A scraped page's brief is one paragraph of two sentences or so; an error or gallery page's stray
# sentence is shorter.
SCRAPED_BRIEF_MIN_LINE_WORDS = 20
# A paragraph before the byline or date lines is a standfirst when at least this many paragraphs
# of the story follow them (else it may be the story's opening, above a date line).
STORY_MIN_PARAGRAPHS = 2
_TERMINAL_SENTENCE = re.compile(r"""[.!?…。！？]['"”’)\]」』]*$""")


@dataclass(frozen=True)
class _Page:
    lines: list[str]
    meta: HtmlExtract | None


def source_group(doc: RawDocument) -> str:
    """Pages of one source: the URL host when known, else the folder of the source file."""
    host = publisher_from_url(doc.url)
    if host:
        return f"host:{host}"
    return f"dir:{PurePosixPath(doc.source_file.split('#', 1)[0]).parent}"


def _brief_layout(doc: RawDocument, lines: Sequence[str]) -> PageLayout | None:
    """A short text handed in as the article (a wire flash: one or two sentences) is all body, save
    lines of call-to-action or ad vocabulary: the furniture pass's prose tests (stop-word ratio,
    title case) are made for pages and would drop "Pakistan accused India of sponsoring terrorism."."""
    if doc.kind != "text" or sum(len(line.split()) for line in lines) >= MIN_BODY_WORDS:
        return None
    body = [line for line in lines if is_terminal(line) and not line_features(line).strong_ui]
    return PageLayout(head=[], body=body, tail=[]) if body else None


def _brief(doc: RawDocument, page: _Page, body: _Body) -> bool:
    """Whether a short body is a brief (a few words at least) rather than the remains of a menu,
    gallery or error page: handed in as text with nearly all of the document's words (nothing of
    weight was furniture); or on a page that shows itself an article. An HTML page says so (og:type,
    JSON-LD type, an <article> element) and holds a full sentence of prose; a scraped text page
    shows a headline in its header and a paragraph of reported prose, long and not addressed to the
    reader (an error page's "the page you are looking for ..." is)."""
    if body.words < MIN_BRIEF_WORDS:
        return False
    features = [line_features(line, body.language) for line in body.layout.body]
    if doc.kind == "html":
        return bool(page.meta and page.meta.states_article) and any(f.prose for f in features)
    document_words = sum(len(line.split()) for line in page.lines)
    if body.words >= MIN_BRIEF_KEPT_SHARE * document_words:
        return True
    reported = (
        f.prose and f.words >= SCRAPED_BRIEF_MIN_LINE_WORDS and clean_words()["second_person"].isdisjoint(line.lower().split())
        for f, line in zip(features, body.layout.body, strict=True)
    )
    return any(reported) and title_in(body.header) is not None


def _read(doc: RawDocument) -> _Page:
    if doc.kind == "html":
        meta = extract_html(doc.text, doc.url)
        return _Page(logical_lines(meta.text), meta)
    return _Page(logical_lines(doc.text), None)


def clean_documents(docs: Sequence[RawDocument], processes: int | None = 1) -> list[CleanArticle | Rejection]:
    """One CleanArticle or Rejection per document, in input order.

    Pages are read and cleaned on `processes` cores; the cross-page evidence in between is
    gathered over the whole batch, so the result does not depend on the number of processes.
    """
    pages = map_chunks(_read_chunk, docs, processes)
    groups: dict[str, list[int]] = defaultdict(list)
    for index, doc in enumerate(docs):
        groups[source_group(doc)].append(index)
    shared: dict[str, frozenset[str]] = {
        key: shared_furniture([pages[i].lines for i in members]) if len(members) > 1 else frozenset() for key, members in groups.items()
    }
    jobs = [(doc, page, shared[source_group(doc)]) for doc, page in zip(docs, pages, strict=True)]
    return map_chunks(_clean_chunk, jobs, processes)


def _read_chunk(docs: Sequence[RawDocument]) -> list[_Page]:
    return [_read(doc) for doc in docs]


def _clean_chunk(jobs: Sequence[tuple[RawDocument, _Page, frozenset[str]]]) -> list[CleanArticle | Rejection]:
    return [_clean(doc, page, shared) for doc, page, shared in jobs]


@dataclass(frozen=True)
class _Body:
    layout: PageLayout
    header: list[str]
    body: str
    paragraphs: list[tuple[int, int]]
    sentences: list[tuple[int, int]]
    words: int
    languages: LanguageSplit
    language: str


def _body(doc: RawDocument, page: _Page, shared: frozenset[str], language: str) -> _Body:
    """The page's body in `language`: its lines in that language, less furniture and header lines."""
    languages = split_languages(page.lines, stop_words(language), ratio_scale(language))
    layout = _brief_layout(doc, languages.kept) or split_page(languages.kept, shared, language)
    header, body_lines = _opening_header(list(layout.head), list(layout.body), language)
    body = "\n\n".join(body_lines)
    paragraphs = split_paragraphs(body)
    # Words as whitespace separates them; in scripts that do not (Han, kana), characters.
    words = len(body.split()) if language == "en" else stop_ratio(body, frozenset()).words
    return _Body(layout, header, body, paragraphs, split_sentences(body, paragraphs), words, languages, language)


def _opening_header(head: list[str], body: list[str], language: str) -> tuple[list[str], list[str]]:
    """The header and body once the header lines the body opens with are moved out.

    Byline and date lines belong to the header even when they follow the standfirst; a sentence
    that states a date ("Voters go to the polls on Sunday, May 12, 2024.") is the story's. A single
    paragraph before them, with the story's paragraphs after them, is the standfirst (dek), which is
    not the story: it is dropped (kept out of the header, where it would pass for the headline), as
    is a caption between them and the story's first paragraph."""
    features = [line_features(line, language) for line in body]
    marks = [
        i
        for i, line in enumerate(body[:HEADER_LINES_IN_BODY])
        if is_header_line(line) and not (features[i].prose or features[i].short_sentence)
    ]
    if not marks:
        return head, body
    last = marks[-1]
    before = [i for i in range(last) if i not in marks]
    standfirst = sum(features[i].prose for i in before) <= 1 and sum(f.prose for f in features[last + 1 :]) >= STORY_MIN_PARAGRAPHS
    start = last + 1
    while start < len(body) and not (features[start].prose or features[start].short_sentence):
        start += 1
    kept = [i for i in range(len(body)) if i not in marks and (i >= start or (i < last and not standfirst))]
    return head + [body[i] for i in marks], [body[i] for i in kept]


def _clean(doc: RawDocument, page: _Page, shared: frozenset[str]) -> CleanArticle | Rejection:
    found, language = _body(doc, page, shared, "en"), "en"
    # No article's worth of English but more foreign words than English ones (a brief in another
    # language too) or a foreign page (whose prose the English furniture pass drops as non-prose),
    # or a foreign body the line test missed: the page is cleaned again in the language it is written in.
    too_short = stop_ratio(found.body).words < MIN_BODY_WORDS
    text = "\n".join(page.lines)
    if (too_short and (found.languages.foreign_words > found.words or is_foreign_page(text))) or is_foreign_page(found.body):
        identified = identify(text)
        if identified != "en":
            found, language = _body(doc, page, shared, identified), identified
    layout, header, body, paragraphs, sentences, words = (
        found.layout,
        found.header,
        found.body,
        found.paragraphs,
        found.sentences,
        found.words,
    )
    complete = any(_TERMINAL_SENTENCE.search(body[s:e]) for s, e in sentences)
    if not complete or (words < MIN_BODY_WORDS and not _brief(doc, page, found)):
        return Rejection(
            source_file=doc.source_file,
            reason="boilerplate_only",
            detail=(
                f"Only {words} words of article-like text remain after removing page furniture "
                f"(at least {MIN_BODY_WORDS} words with a complete sentence are needed from a page; a text file or JSONL "
                f"record that is a brief needs {MIN_BRIEF_WORDS} words in complete sentences and no furniture); "
                "check that the file holds an article and not a menu, gallery or error page."
            ),
            size_bytes=doc.size_bytes,
        )
    meta = page.meta
    url = doc.url or (meta.url if meta else None)
    box = author_box(layout.tail)  # the author box closing the article: its name and bio
    # A name the page states for itself beats the host name; lines on the page come last, the
    # outlet the author's bio says they work for after all.
    publisher = (
        (meta.sitename if meta and meta.sitename and not is_host_name(meta.sitename) else None)
        or publisher_from_url(url)
        or (publisher_from_url(meta.sitename) if meta else None)
        or publisher_in(header)
        or publisher_in(layout.tail)
        or next(filter(None, map(byline_outlet, header)), None)
        or (employer_in(box[1]) if box else None)
    )
    title = doc.title or (meta.title if meta else None) or title_in(header)
    if title:
        site_names = [name for name in (publisher, meta.sitename if meta else None, publisher_in(header + layout.tail)) if name]
        title = strip_site_suffix(title.strip(), site_names)
    stated_author = byline_names(meta.author) if meta and meta.author else None
    byline = stated_author or next((b for b in map(byline_in, header) if b), None) or (box[0] if box else None)
    published = (
        parse_published(doc.published)
        or parse_published(meta.date if meta else None)
        or header_date(header, language)
        or date_from_url(url)
    )
    published_at, precision = published_moment(published, [doc.published, meta.published_at if meta else None])
    return CleanArticle(
        source_file=doc.source_file,
        body=body,
        title=title or None,
        byline=byline,
        publisher=publisher,
        published_date=published,
        url=url,
        paragraphs=paragraphs,
        sentences=sentences,
        language=language,
        published_at=published_at,
        published_precision=precision,
        section=meta.section if meta else None,
        # a caption may come before the story's first paragraph, which the dateline opens
        dateline=next(filter(None, (dateline_in(body[start:end]) for start, end in paragraphs[:HEADER_LINES_IN_BODY])), None),
    )
