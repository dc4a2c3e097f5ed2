"""Paragraph and sentence boundaries for cleaned article bodies.

Spans are 0-based, end-exclusive, trimmed of whitespace, never cross a paragraph, and together
cover every non-space character. Sentence splitting is a rule-based pass over candidate
boundaries (terminal punctuation, optional closing quotes/brackets, whitespace, a plausible
sentence start); each candidate is vetoed by the word before it (abbreviation, initial, dotted
acronym). The spaCy parser gets these boundaries preset, so the rules favour news prose.
"""

from __future__ import annotations

import re

from pipelines.clean.words import clean_words

# A paragraph is a run of lines that are not blank; blank lines separate paragraphs.
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")

# Terminal punctuation (incl. ellipses and the ideographic stops of scripts written without
# spaces), then closing quotes/brackets, then whitespace, then what follows; `_opens_sentence`
# decides whether that can open a sentence.
_CANDIDATE = re.compile(r"""([.!?]+|…|[。！？]+)(['"”’)\]»」』]*)(\s*)(?=\S)""")
_IDEOGRAPHIC_STOPS = frozenset("。！？")
_OPENING_MARKS = "\"“‘'([«„「『"
_NEXT_WORD = re.compile(r"""[\"“‘'(\[]?([A-Za-z0-9]+)""")

# Word lists (seeds/reference/clean_words.csv), read once at import: splitting is on the hot path.
_WORDS = clean_words()
_NEVER_FINAL = _WORDS["abbreviation_never_final"]  # titles and words followed by a name or number ("Mr.", "Gen.")
_BEFORE_NUMBER = _WORDS["abbreviation_before_number"]  # "No. 10", "Art. 5"; before anything else they are words
_MAYBE_FINAL = _WORDS["abbreviation_maybe_final"]  # may end a sentence: split only when a typical opener follows
_OPENERS = _WORDS["sentence_opener"]  # after an ambiguous abbreviation they signal a boundary
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")  # U.S. U.N. a.m. p.m.
_INITIAL = re.compile(r"^[A-Z]\.$")  # J. in "J. K. Rowling"


def split_paragraphs(body: str) -> list[tuple[int, int]]:
    """Spans of blank-line-separated paragraphs, trimmed of surrounding whitespace."""
    spans = []
    for m in _PARAGRAPH.finditer(body):
        start, end = m.start(), m.end()
        while body[start].isspace():
            start += 1
        while body[end - 1].isspace():
            end -= 1
        spans.append((start, end))
    return spans


def _opens_sentence(text: str, candidate: re.Match[str]) -> bool:
    """After an ideographic stop anything opens a sentence; after a Western one, whitespace and then
    (past an opening quote or bracket) a capital or a digit, or a letter of a script without case
    (Arabic, Devanagari, Hebrew), never a lower-case letter."""
    if candidate.group(1)[0] in _IDEOGRAPHIC_STOPS:
        return True
    if not candidate.group(3):
        return False
    following = text[candidate.end() :].lstrip(_OPENING_MARKS)[:1]
    return bool(following) and (following.isupper() or following.isdigit() or (following.isalpha() and not following.islower()))


def _is_boundary(text: str, punct_start: int, punct: str, closers: str, next_start: int) -> bool:
    """Decide whether a candidate boundary (terminal punctuation at `punct_start`) is real."""
    if punct != "." or closers:
        return True  # ! ? ... and a stop inside closing quotes end sentences when a capital follows
    # Look back a bounded distance: the word before the stop is all that matters.
    window = max(0, punct_start - 40)
    word_start = max(text.rfind(" ", window, punct_start), text.rfind("\n", window, punct_start), window - 1) + 1
    token = text[word_start : punct_start + 1].lstrip("\"“‘'([")
    bare = token[:-1].lower()
    if _INITIAL.match(token):
        return False
    next_match = _NEXT_WORD.match(text, next_start)
    next_word = next_match.group(1) if next_match else ""
    if bare in _NEVER_FINAL:
        return False
    if bare in _BEFORE_NUMBER:
        return not next_word.isdigit()
    if _DOTTED.match(token) or bare in _MAYBE_FINAL:
        return next_word.lower() in _OPENERS
    return True


def split_sentences(body: str, paragraphs: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence spans within each paragraph (computed with `split_paragraphs` when not given)."""
    if paragraphs is None:
        paragraphs = split_paragraphs(body)
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs:
        start = p_start
        for m in _CANDIDATE.finditer(body, p_start, p_end):
            if _opens_sentence(body, m) and _is_boundary(body, m.start(1), m.group(1), m.group(2), m.end()):
                spans.append((start, m.end(2)))
                start = m.end()
        spans.append((start, p_end))
    return spans
