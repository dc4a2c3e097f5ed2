"""Fixtures for event tests: the spaCy model once per module, and made-up articles whose actor
mentions come from spaCy's own entities, so these tests need no entity stage."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from pipelines.clean.segment import split_paragraphs, split_sentences
from pipelines.events.extract import ArticleContext, EventCandidate, extract_events
from pipelines.nlp import load_pipeline, parse
from pipelines.records import ActorMention

ARTICLE_DATE = dt.date(2022, 9, 16)  # a Friday
_ACTOR_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "country", "LOC": "location", "FAC": "location"}

Parsed = tuple[Doc, list[ActorMention], ArticleContext]


def actor_id(name: str) -> str:
    """The actor id the fixtures give an entity text: "Xi Jinping" -> "xi_jinping"."""
    return name.lower().replace(" ", "_")


def build_article(
    nlp: Language, text: str, article_id: str = "a1", published: dt.date | None = ARTICLE_DATE, spans: list[tuple[int, int]] | None = None
) -> Parsed:
    spans = spans if spans is not None else split_sentences(text, split_paragraphs(text))
    doc = next(parse(nlp, [text]))
    ids = [f"{article_id}:s{i}" for i in range(len(spans))]
    mentions = [
        ActorMention(
            f"{article_id}:m{n}",
            article_id,
            actor_id(ent.text),
            _ACTOR_TYPES[ent.label_],
            ent.start_char,
            ent.end_char,
            next(sid for sid, (s, e) in zip(ids, spans, strict=True) if s <= ent.start_char < e),
        )
        for n, ent in enumerate(doc.ents)
        if ent.label_ in _ACTOR_TYPES
    ]
    context = ArticleContext(article_id, published, "Daily Test", [(sid, s, e) for sid, (s, e) in zip(ids, spans, strict=True)])
    return doc, mentions, context


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.fixture(scope="module")
def article_of(nlp: Language) -> Callable[..., Parsed]:
    """(doc, mentions, context) of a made-up article text; `spans` overrides the sentence split."""
    return lambda text, **options: build_article(nlp, text, **options)


@pytest.fixture(scope="module")
def events_of(nlp: Language) -> Callable[..., list[EventCandidate]]:
    """Event candidates of a made-up article text."""

    def run(text: str, article_id: str = "a1", published: dt.date | None = ARTICLE_DATE) -> list[EventCandidate]:
        return extract_events(*build_article(nlp, text, article_id, published))

    return run
