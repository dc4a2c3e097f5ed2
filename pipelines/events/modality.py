"""Modality of an event predicate: asserted, planned, negated, reported or hypothetical.

Cues come from seeds/reference/modality_cues.csv and are read off the predicate's own dependents
and the chain of tokens governing it ("refused to meet", "is expected to sign", "said that ...").
The walk up stops at a governing token that is itself an event predicate (the `is_event`
callback) unless that token is a modality cue too: in "X condemned the attack" the attack is not
made hypothetical or negated by whatever governs "condemned".

When several cues apply, the first in MODALITY_PRECEDENCE wins:
negated > hypothetical > planned > reported > asserted.
- negated first: "will not meet" and "said they did not meet" are non-events whatever else holds.
- hypothetical before planned: "would meet if ..." and "could sign" are conditional, not scheduled.
- planned before reported: "X said Y will visit" is a future event; that it is reported matters less.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from spacy.tokens import Token

from pipelines.events.reference import context_words, modality_cues

Modality = Literal["asserted", "planned", "negated", "reported", "hypothetical"]
MODALITY_PRECEDENCE: tuple[Modality, ...] = ("negated", "hypothetical", "planned", "reported", "asserted")
# Dependency labels through which a governing token's negation or auxiliary reaches the predicate.
_SCOPE_DEPS = {"xcomp", "ccomp", "advcl", "acl", "dobj", "pobj", "prep", "attr", "nsubj", "nsubjpass", "pcomp", "conj", "relcl"}
# Clausal links through which a governing event's own cues still reach ("will travel to X to meet Y").
_CLAUSAL_DEPS = {"xcomp", "ccomp", "advcl", "conj"}
# Tags of a finite auxiliary: a clause that carries one has its own tense.
_TENSED_TAGS = {"VBD", "VBZ", "VBP"}


def _own_cues(token: Token, via: str) -> set[Modality]:
    """Cues carried by a token's own dependents, reached from the predicate through label `via`.

    Across a conjunction only shared auxiliaries count; a governing noun's "no" negates only a
    clause attached to it ("there was no indication they might meet").
    """
    via_conj = via == "conj"
    cues = modality_cues()
    found: set[Modality] = set()
    for child in token.children:
        lemma = child.lower_ if child.dep_ == "aux" else child.lemma_.lower()
        if child.dep_ == "neg" and not via_conj:
            found.add("negated")
        elif child.dep_ == "det" and lemma == "no" and via in ("", "acl", "ccomp"):
            found.add("negated")
        elif child.dep_ == "aux" and (lemma, "aux") in cues:
            found.add(cues[(lemma, "aux")])  # type: ignore[arg-type]
        elif child.dep_ == "amod" and (lemma, "amod") in cues and not via_conj:
            found.add(cues[(lemma, "amod")])  # type: ignore[arg-type]  # "a potential meeting"
        elif child.dep_ == "mark" and (lemma, "mark") in cues and not via_conj:
            found.add(cues[(lemma, "mark")])  # type: ignore[arg-type]
        elif (
            child.dep_ == "prep"
            and not via_conj
            and any(
                (g.lemma_.lower(), "no_phrase") in cues and any(d.dep_ == "det" and d.lower_ == "no" for d in g.children)
                for g in child.children
                if g.dep_ == "pobj"
            )
        ):
            found.add("negated")  # "in no way", "under no circumstances"; not "talks with no preconditions"
        elif child.dep_ == "xcomp" and token.lemma_ == "be" and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children):
            found.add("planned")  # "is to be held", "is to visit"
    if token.dep_ == "xcomp" and token.head.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        found.add("planned")
    return found


def detect_modality(predicate: Token, is_event: Callable[[Token], bool] = lambda _t: False) -> Modality:
    """Modality of the event whose predicate is `predicate` (a verb or an event noun)."""
    cues = modality_cues()
    found = _own_cues(predicate, via="")
    # A clause with its own tense ("are still talking, we will resume") keeps it against a
    # neighbouring clause's future.
    tensed = predicate.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _TENSED_TAGS for c in predicate.children)
    own_time = False
    node = predicate
    while node.head.i != node.i and node.dep_ in _SCOPE_DEPS:
        via = node.dep_
        own_time = own_time or (tensed and via in ("advcl", "conj", "ccomp"))
        node = node.head
        if via in ("nsubj", "nsubjpass") and node.lemma_.lower() not in context_words()["occurrence"]:
            break
        governor = cues.get((node.lemma_.lower(), "governor"))
        if node.tag_ == "VBG" and (node.head.lemma_.lower(), "retrospective") in cues:
            governor = None  # "admitted planning the attacks" reports a past act, not a plan
        if governor == "reported" and via == "prep":
            break  # "During the visit, X said ...": the saying is not the visit's source
        if governor and via != "conj":
            found.add(governor)  # type: ignore[arg-type]
        elif is_event(node) and via not in _CLAUSAL_DEPS:
            break
        found |= _own_cues(node, via)
    if own_time:
        found.discard("planned")
    sentence = predicate.sent
    if any(t.lemma_.lower() == "accord" and any(c.lower_ == "to" for c in t.children) for t in sentence):
        found.add("reported")
    return next(m for m in MODALITY_PRECEDENCE if m in found or m == "asserted")
