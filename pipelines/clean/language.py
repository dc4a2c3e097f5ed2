"""Which language is a page in? English stop-word ratio per line and per page, then a language identifier.

English pages (the entity and event stages read English) are judged by the measure below, which
drops a bilingual page's foreign lines and is cheap. A page that does not measure as English is
given to py3langid (a naive Bayes identifier over byte n-grams for 97 languages, whose model ships
inside the package), and cleaned like an English page with its own language's stop words
(spaCy's lists, about 60 languages; a language spaCy has no list for is cleaned on its other line
evidence). Nothing is rejected for its language.

The measure is the share of English stop words (spaCy's list) among the words that do not start
with a capital letter: names, headings and list items are mostly capitalised, so an English page
full of names or lists still measures as English, while foreign prose (lower-case function words
of its own language) measures near zero. Han, kana and hangul characters count as one word each
because those scripts do not separate words with spaces.

Measured on English news (the five sample articles after cleaning and the 298 Lee corpus stories
of 60+ words in gensim's test data): pages 0.39-0.55 (median 0.53); sample paragraphs of 12+ words
0.26 and up; of 2,382 Lee sentences of 12+ words one measures 0.08 ("IT, finance and
telecommunications"), the next 0.18. Invented French, Spanish, Russian and Chinese paragraphs measure 0.00-0.04, German 0.10
(German "in", "an", "so", "was", "will" are also English words, and its nouns are capitalised).

Decisions: the verdict is by line, so a bilingual page keeps its English lines. A line of 10+
lower-case words below 0.12 is foreign (a rare misjudged English line is only dropped, the page
stays); a run of shorter lines between long ones is judged as one block when it has 10+ lower-case
words (a story set one sentence per line), else takes the verdict of the long lines around it when
they agree (a foreign subheading inside a foreign section). A foreign phrase quoted inside an English
paragraph does not move that paragraph's ratio below the bar; a whole paragraph quoted in another
language is dropped like any foreign line. A whole page is foreign when its remaining text has
60+ words (half of them lower-case, so a page of menus and names is not judged) and measures
below 0.2, half the lowest English page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.util import get_lang_class

MIN_PAGE_WORDS = 60  # fewer words are too little text to reject a whole page for
MIN_PAGE_STOP_RATIO = 0.2  # half the lowest English page measured (0.39)
MIN_LINE_WORDS = 10  # lower-case words: fewer are too little evidence (and headlines and lists have few)
MAX_FOREIGN_LINE_STOP_RATIO = 0.12  # 1 in 2,400 English sentences of 12+ words measures lower
# The stop-word bars are set on lists of 300-800 words (English, German, Russian ...). A shorter
# list covers fewer of its language's function words (Latvian's 161 words: its prose measures
# 0.07-0.15), so the bars scale down with its length.
FULL_STOP_LIST_WORDS = 400

# One Han/kana/hangul character, or a run of letters (with inner apostrophes).
_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]|[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True)
class StopRatio:
    words: int
    judged: int  # words without an initial capital, the evidence the ratio rests on
    ratio: float  # English stop words among the words without an initial capital; 0.0 when there are none


@dataclass(frozen=True)
class LanguageSplit:
    kept: list[str]  # the lines in the page's language, in order
    foreign_words: int  # words on the lines dropped as foreign
    page: StopRatio  # measured over every line, for the rejection detail


def stop_ratio(text: str, stops: frozenset[str] | set[str] = STOP_WORDS) -> StopRatio:
    words = _WORD.findall(text)
    lower = [w for w in words if not w[0].isupper()]
    stops = sum(w.lower() in stops for w in lower)
    return StopRatio(len(words), len(lower), stops / len(lower) if lower else 0.0)


def split_languages(lines: Sequence[str], stops: frozenset[str] | set[str] = STOP_WORDS, scale: float = 1.0) -> LanguageSplit:
    """Drop the lines of a page not in the language of `stops` (English by default): long lines by
    their own ratio, runs of short lines by the run's, against bars times `scale` (see
    `ratio_scale`). With no stop words, every line is kept."""
    if not stops:
        return LanguageSplit(list(lines), 0, stop_ratio("\n".join(lines), stops))
    measures = [stop_ratio(line, stops) for line in lines]
    verdicts: list[bool | None] = [_verdict(m, scale) for m in measures]
    start = 0
    while start < len(lines):  # a story set one sentence per line is judged as a block
        end = start
        while end < len(lines) and verdicts[end] is None:
            end += 1
        if end > start:
            verdicts[start:end] = [_verdict(stop_ratio("\n".join(lines[start:end]), stops), scale)] * (end - start)
        start = end + 1
    foreign = [_neighbours_agree(verdicts, i) if v is None else v for i, v in enumerate(verdicts)]
    return LanguageSplit(
        kept=[line for line, f in zip(lines, foreign, strict=True) if not f],
        foreign_words=sum(m.words for m, f in zip(measures, foreign, strict=True) if f),
        page=stop_ratio("\n".join(lines), stops),
    )


def _verdict(measure: StopRatio, scale: float) -> bool | None:
    return measure.ratio < MAX_FOREIGN_LINE_STOP_RATIO * scale if measure.judged >= MIN_LINE_WORDS else None


def is_foreign_page(text: str) -> bool:
    """Enough text to judge, and far fewer English stop words than English prose has."""
    measure = stop_ratio(text)
    return measure.words >= MIN_PAGE_WORDS and measure.judged >= MIN_PAGE_WORDS // 2 and measure.ratio < MIN_PAGE_STOP_RATIO


def _neighbours_agree(verdicts: Sequence[bool | None], index: int) -> bool:
    """A short line is foreign when the nearest long lines on both sides (or the only side) are."""
    before = next((v for v in reversed(verdicts[:index]) if v is not None), None)
    after = next((v for v in verdicts[index + 1 :] if v is not None), None)
    sides = [v for v in (before, after) if v is not None]
    return bool(sides) and all(sides)


@lru_cache(maxsize=1)
def _identifier():
    # Loaded on the first page that does not measure as English (0.6 s), then kept for the process.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> str:
    """The ISO 639-1 code of the language `text` is written in (py3langid's best guess)."""
    language, _ = _identifier().classify(text)
    return language


# Languages written without spaces between words (or, for Korean, whose syllable blocks the word
# pattern counts one by one): a stop-word share per character means nothing, so none is used.
UNSPACED = frozenset({"zh", "ja", "ko", "th", "lo", "km", "my", "bo"})


@cache
@cache
def ratio_scale(language: str) -> float:
    """How far the stop-word bars scale down for `language`: 1 for English and for languages with
    a full list, less for a short list (FULL_STOP_LIST_WORDS)."""
    stops = stop_words(language)
    return 1.0 if language == "en" or not stops else min(1.0, len(stops) / FULL_STOP_LIST_WORDS)


def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words of a language; empty for a language spaCy has no list for, or one
    written without spaces."""
    if language == "en":
        return frozenset(STOP_WORDS)
    if language in UNSPACED:
        return frozenset()
    try:
        return frozenset(get_lang_class(language).Defaults.stop_words)
    except ImportError:  # spaCy raises ImportError (E048) for a language it does not have
        return frozenset()
