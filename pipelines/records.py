"""Records handed from one stage to the next.

Each stage owns its logic; these are the few shapes that cross stage boundaries. Character
offsets are always 0-based and end-exclusive, into the string they name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

DocumentKind = Literal["text", "html"]


@dataclass(frozen=True)
class RawDocument:
    """One input document, decoded to text, before any cleaning."""

    source_file: str  # path relative to its input folder; a JSONL line is "name.jsonl#L12"
    raw_sha256: str  # hash of the raw bytes (the file, or the JSONL line)
    size_bytes: int
    kind: DocumentKind
    text: str  # decoded and mojibake-repaired
    encoding: str
    url: str | None = None
    title: str | None = None  # given by the source (JSONL), not extracted
    published: str | None = None  # given by the source (JSONL), unparsed


@dataclass(frozen=True)
class Rejection:
    """An input that did not become an article, and why."""

    source_file: str
    reason: str  # a short machine-readable code, see docs/warehouse.md
    detail: str  # a sentence a person can act on
    size_bytes: int


@dataclass(frozen=True)
class CleanArticle:
    """Article fields extracted from one document; offsets index `body`."""

    source_file: str
    body: str
    title: str | None
    byline: str | None
    publisher: str | None
    published_date: dt.date | None
    url: str | None
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    language: str = "en"  # ISO 639-1
    published_at: str | None = None  # ISO 8601, as precise as the source states it ("2024-03-05T14:12:00Z", "2024-03-05")
    published_precision: str | None = None  # second | minute | day: what published_at states
    section: str | None = None  # the site's section for the article, when its metadata names one
    dateline: str | None = None  # the place a report is filed from, as its first line prints it ("GENEVA")


@dataclass(frozen=True)
class ActorMention:
    """A mention resolved to a warehouse actor, as later stages (events) consume it."""

    mention_id: str
    article_id: str
    actor_id: str
    actor_type: str  # person | organization | country | location
    start_char: int
    end_char: int
    sentence_id: str
