"""Event predicates as spaCy DependencyMatcher patterns, generated from seeds/reference/event_lexicon.csv.

Each lexicon row becomes one pattern: the predicate token (its lemma and part of speech) and, when
the row's `pattern` column names one, the dependent that selects the sense:
- `obj:W`: a direct object or passive subject with lemma W ("express concern"), or the noun a past
  participle qualifies ("captured soldiers"); `@K` any word of context class K ("deploy troops"); `*` any object;
- `prep:W`: a preposition, particle or agent W on the predicate ("call on", "pull out"); for an event
  noun also a clause it introduces ("a call for Y to leave");
- `mod:W`: a compound or adjective W, `@K` any word of class K, modifying the predicate ("air strike");
- `subj:W`: a subject with lemma W, `@K` any word of class K ("troops withdrew");
- `xcomp:W`: an infinitive complement W ("press Y to");
- `purpose:W`: a preposition W, where a stated purpose is checked afterwards ("was in X for talks");
- `head:W`: the predicate is governed by W ("on strike", "in custody");
- `ctx:K`: no dependent; a word of class K in the sentence, checked afterwards ("strike" near "union").

The predicate's lemma is the model's, or for a form the small model mislemmatises ("fined" -> "fin")
its own stem that the lexicon knows, written to the token's lemma before matching; its part of speech
is VERB when the tag says so even if the coarse POS does not (a headline "X greets Y" tagged
NOUN/VBZ), else NOUN. The patterns use only built-in token attributes, which the matcher tests in C.

`matches(doc)` returns, for every predicate token, the entries whose pattern matched, most specific
first (the lexicon's order: patterned rows before the plain one), with the tokens that matched; the
checks that need more than the dependency tree (context words, purpose, a preposition that heads a
circumstance rather than belonging to the verb) are the caller's (events/extract.py).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from pipelines.events.reference import LexiconEntry, context_words, event_lexicon

# Inflections the small model's lemmatizer gets wrong ("fined" -> "fin", "hopes" -> "hop"): the
# form's own stems, tried in this order when its lemma is not in the lexicon.
_INFLECTIONS = (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("es", "e"), ("es", ""), ("s", ""), ("ing", "e"), ("ing", ""))
_MIN_STEM = 3

_VERB_TAGS = ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"]
# How the small model attaches a clause a noun introduces ("a call for Y to leave").
NOUN_CLAUSE_DEPS = ("acl", "relcl", "advcl")


@dataclass(frozen=True)
class PredicateMatch:
    entry: LexiconEntry
    dependents: tuple[Token, ...]  # the tokens the pattern named beside the predicate (none for a plain entry)


def _pos(token: Token) -> str | None:
    if token.pos_ == "VERB" or token.tag_.startswith("VB"):
        return "VERB"
    return "NOUN" if token.pos_ in ("NOUN", "PROPN") else None


def _lemma(token: Token, pos: str) -> str | None:
    known = _known_words()
    lemma = token.lemma_.lower()
    if (lemma, pos) in known:
        return lemma
    form = token.lower_
    stems = [form[: -len(end)] + stem for end, stem in _INFLECTIONS if form.endswith(end) and len(form) - len(end) >= _MIN_STEM]
    return next((stem for stem in (form, *stems) if (stem, pos) in known), None)


@lru_cache(maxsize=1)
def _lemmas() -> frozenset[tuple[str, str]]:
    return frozenset(event_lexicon())


@lru_cache(maxsize=1)
def _known_words() -> frozenset[tuple[str, str]]:
    """(lemma, POS) pairs whose forms are relemmatised: the predicates, and the words of the context
    classes the extractor reads by lemma ("staged" -> "stag" would hide the light verb "stage")."""
    words = {word for class_words in context_words().values() for word in class_words}
    return _lemmas() | {(word, pos) for word in words for pos in ("VERB", "NOUN")}


def _relemmatise(doc: Doc) -> None:
    """Give a mislemmatised form the lemma the lexicon knows it by ("fined": "fin" -> "fine",
    "staged": "stag" -> "stage")."""
    for token in doc:
        pos = _pos(token)
        lemma = _lemma(token, pos) if pos else None
        if lemma is not None and lemma != token.lemma_.lower():
            token.lemma_ = lemma


def _dependent(entry: LexiconEntry) -> list[list[dict]]:
    """The dependency edges a row's pattern adds to its predicate (alternatives: any may match)."""
    kind, _, word = entry.pattern.partition(":")
    if kind == "obj":
        attrs: dict = {"DEP": {"IN": ["dobj", "nsubjpass"]}}
        if word.startswith("@"):
            attrs["LEMMA"] = {"IN": sorted(context_words()[word[1:]])}
        elif word != "*":
            attrs["LEMMA"] = word
        # a participle on its object's noun is the object's act too: "captured soldiers", "soldiers captured in X"
        on_noun = {k: v for k, v in attrs.items() if k != "DEP"}
        return [
            [{"LEFT_ID": "predicate", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": attrs}],
            [{"LEFT_ID": "predicate", "REL_OP": "<", "RIGHT_ID": "object", "RIGHT_ATTRS": on_noun}],
        ]
    if kind == "prep":
        own = [
            {
                "LEFT_ID": "predicate",
                "REL_OP": ">",
                "RIGHT_ID": "prep",
                "RIGHT_ATTRS": {"DEP": {"IN": ["prep", "prt", "agent"]}, "LOWER": word},
            }
        ]
        if entry.pos != "NOUN":
            return [own]
        clause = [  # "a call for Y to leave": the clause the noun's preposition introduces
            {"LEFT_ID": "predicate", "REL_OP": ">", "RIGHT_ID": "clause", "RIGHT_ATTRS": {"DEP": {"IN": list(NOUN_CLAUSE_DEPS)}}},
            {"LEFT_ID": "clause", "REL_OP": ">", "RIGHT_ID": "mark", "RIGHT_ATTRS": {"DEP": "mark", "LOWER": word}},
        ]
        return [own, clause]
    if kind == "mod":
        lemmas = sorted(context_words()[word[1:]]) if word.startswith("@") else [word]
        modifier = {"DEP": {"IN": ["compound", "amod", "nmod"]}, "LEMMA": {"IN": lemmas}}
        return [[{"LEFT_ID": "predicate", "REL_OP": ">", "RIGHT_ID": "modifier", "RIGHT_ATTRS": modifier}]]
    if kind == "subj":
        lemmas = sorted(context_words()[word[1:]]) if word.startswith("@") else [word]
        return [[{"LEFT_ID": "predicate", "REL_OP": ">", "RIGHT_ID": "subject", "RIGHT_ATTRS": {"DEP": "nsubj", "LEMMA": {"IN": lemmas}}}]]
    if kind == "xcomp":
        return [[{"LEFT_ID": "predicate", "REL_OP": ">", "RIGHT_ID": "complement", "RIGHT_ATTRS": {"DEP": "xcomp", "LEMMA": word}}]]
    if kind == "purpose":
        return [[{"LEFT_ID": "predicate", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": word}}]]
    if kind == "head":
        return [[{"LEFT_ID": "predicate", "REL_OP": "<", "RIGHT_ID": "governor", "RIGHT_ATTRS": {"LOWER": word}}]]
    return [[]]  # a plain entry, or ctx: the predicate alone


def _anchor_extra(edges: list[dict]) -> dict:
    """What the predicate itself must be for an edge to its governor: a past participle on a noun
    (acl or amod, "soldiers captured in X", "captured soldiers"), never a verb the noun is subject of."""
    if any(edge["REL_OP"] == "<" and edge["RIGHT_ID"] == "object" for edge in edges):
        return {"TAG": "VBN", "DEP": {"IN": ["acl", "amod"]}}
    return {}


@lru_cache(maxsize=1)
def _entries() -> tuple[LexiconEntry, ...]:
    """Every lexicon row, in the order matches are preferred."""
    return tuple(entry for entries in event_lexicon().values() for entry in entries)


@cache
def _matcher(vocab: Vocab, lemma: str) -> tuple[DependencyMatcher, dict[int, int]]:
    """The compiled patterns of one lemma's rows, and match key -> index into _entries(). One
    matcher per lemma, run only on documents that hold the lemma: a matcher's cost grows with its
    patterns, and a document holds a few dozen of the lexicon's lemmas."""
    matcher = DependencyMatcher(vocab, validate=True)
    order: dict[int, int] = {}
    for index, entry in enumerate(_entries()):
        if entry.lemma != lemma:
            continue
        key = f"event:{index}:{entry.lemma}/{entry.pos}:{entry.pattern}"
        if entry.pos == "VERB":  # a verb by its coarse POS or by its tag
            anchors = [{"LEMMA": entry.lemma, "POS": "VERB"}, {"LEMMA": entry.lemma, "TAG": {"IN": _VERB_TAGS}}]
        else:
            anchors = [{"LEMMA": entry.lemma, "POS": {"IN": ["NOUN", "PROPN"]}}]
        alternatives = [
            [{"RIGHT_ID": "predicate", "RIGHT_ATTRS": a | _anchor_extra(edges)}, *edges] for a in anchors for edges in _dependent(entry)
        ]
        matcher.add(key, alternatives)
        order[vocab.strings[key]] = index
    return matcher, order


# What a sentence's own Doc carries over from the article's: every token attribute a pattern can
# test (the lexical ones, LOWER or LIKE_NUM, come with the words).
SENTENCE_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]


def _sentence_doc(doc: Doc, array: np.ndarray, start: int, end: int) -> Doc:
    """Tokens start..end of `doc`, one whole sentence, as a Doc of its own. `Span.as_doc` would
    copy the whole article's arrays and average the span's vectors on every call; a sentence's
    heads stay inside it (the parse never links two), so its rows of one array serve as they are."""
    words = [doc[i].text for i in range(start, end)]
    spaces = [bool(doc[i].whitespace_) for i in range(start, end)]
    piece = Doc(doc.vocab, words=words, spaces=spaces)
    rows = array[start:end].copy()
    iob = SENTENCE_ATTRS.index(ENT_IOB)
    if rows[0][iob] == 1:  # an entity running in from the sentence before starts here
        rows[0][iob] = 3
    piece.from_array(SENTENCE_ATTRS, rows)
    return piece


def matches(doc: Doc) -> dict[int, list[PredicateMatch]]:
    """token index -> the entries matched on it, most specific first."""
    _relemmatise(doc)
    entries = _entries()
    known = _lemmas()
    found: dict[int, dict[int, list[Token]]] = {}
    # Each lemma's matcher runs on the sentences that hold the lemma, not on the whole article: a
    # predicate and its dependents share a sentence (the parse never links two), and a matcher's
    # cost grows with the tokens it is run on, so an article costs its length, not its length
    # times the lemmas it holds.
    sentences = [(sentence.start, sentence.end) for sentence in doc.sents]
    starts = [start for start, _ in sentences]
    holding: dict[str, set[int]] = {}
    for token in doc:
        if (token.lemma_, _pos(token)) in known:
            holding.setdefault(token.lemma_, set()).add(bisect_right(starts, token.i) - 1)
    array = doc.to_array(SENTENCE_ATTRS)
    pieces = {s: _sentence_doc(doc, array, *sentences[s]) for s in sorted(set().union(*holding.values()))}
    for lemma in sorted(holding):
        matcher, order = _matcher(doc.vocab, lemma)
        hits = [(key, [starts[s] + i for i in ids]) for s in sorted(holding[lemma]) for key, ids in matcher(pieces[s])]
        for key, token_ids in hits:
            predicate, *dependents = (doc[i] for i in token_ids)
            if _pos(predicate) != entries[order[key]].pos:
                continue  # a noun by its coarse POS that its tag makes a verb
            found.setdefault(predicate.i, {}).setdefault(order[key], []).extend(dependents)
    return {
        i: [PredicateMatch(entries[index], tuple(dict.fromkeys(deps))) for index, deps in sorted(by_entry.items())]
        for i, by_entry in sorted(found.items())
    }
