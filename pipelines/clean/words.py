"""The clean stage's word lists, from seeds/reference/clean_words.csv (columns word, kind).

Kinds: byline_role (a byline part naming a role or an organisation, not a person: "Staff writer",
"Associated Press"); byline_lead (the word a byline opens with, in several languages: "By", "Par",
"Von"); host_word (labels of a host name that do not name the site: "www", "com");
abbreviation_never_final (titles and words followed by a name or number, never ending a sentence: "Mr.",
"Gen."); abbreviation_before_number ("No. 10", "Art. 5"; before anything else they are words);
abbreviation_maybe_final (may end a sentence: "Jan.", "Inc.", "etc."); sentence_opener (words that
commonly open a sentence, signalling a boundary after an ambiguous abbreviation); second_person (words
addressing the reader, in several languages); first_person_plural (the site speaking of itself: "our",
"notre", "наш").
"""

from __future__ import annotations

from functools import lru_cache

from pipelines.reference import reference_rows


@lru_cache(maxsize=1)
def clean_words() -> dict[str, frozenset[str]]:
    """kind -> the lower-cased words of that kind."""
    words: dict[str, set[str]] = {}
    for row in reference_rows("clean_words.csv"):
        words.setdefault(row["kind"].strip(), set()).add(row["word"].strip().lower())
    return {kind: frozenset(members) for kind, members in words.items()}
