"""Event candidates from one parsed article: lexicon predicates with actor arguments.

One candidate is one report of an event in one sentence. A predicate is a verb or an event noun
listed in seeds/reference/event_lexicon.csv; its arguments come from the dependency parse:
subject -> verb -> object or prepositional object, passives ("X was greeted by Y"),
coordination ("X and Y met"), appositions, control verbs ("X refused to meet Y") and nominal
events ("X's visit to Y", "talks between X and Y", "Y held talks with Z"). An argument is an
actor when the head of its noun phrase, an apposition or a modifier lies inside an actor
mention. Entries marked needs_target need a target (or, for visits, a place). A candidate has a
source actor, or none when the text names no doer: a passive without agent ("was attacked"), a
participle on its noun ("six teenagers killed in X"), an event noun told as an occurrence, a weapon
as subject or agent ("a bomb exploded", "killed by mortar fire"), a pronoun nothing in reach stands
for ("he met Y", "she wants to hold talks with Y"), or a subject that names no actor ("gunboats
sank Y"). "X and Y
accused each other" gives each as the other's target. Self-dyads are dropped, and a sentence
reports each dyad and event root once.

Visits: presence is one only with a purpose ("X was in Y to attend ...", "for talks", "on a
state visit") and only of a person or body in a place. A trip for a gathering ("headed to Y for
the UN General Assembly") visits the place, not the body that meets there. A visit whose
destination is a descriptor ("his first visit to the country") keeps the place of the
descriptor's own in-phrase with no target; one with no destination at all ("X's visit on Monday")
is left for the merge to place (`merge.place_visits`).
A pronoun is no actor: "they" of a symmetric encounter stands only for the one pair of people
or bodies its sentence names ("X was in Y as Z was, but they did not meet").

`predicate_start`/`predicate_end` span the predicate's head token only ("ruled" in "ruled out").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence, Set
from dataclasses import dataclass
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from pipelines.events.dates import DateSource, Precision, ResolvedDate, infer_article_date, resolve_event_date, stated_dates
from pipelines.events.modality import Modality, detect_modality
from pipelines.events.patterns import NOUN_CLAUSE_DEPS, PredicateMatch, matches
from pipelines.events.reference import (
    CONSULT_ROOT,
    HOST_CODE,
    INTENT_ROOT,
    REJECT_ROOT,
    STATEMENT_ROOT,
    VISIT_CODE,
    VISIT_CODES,
    LexiconEntry,
    cameo_codes,
    context_words,
    modality_cues,
)
from pipelines.records import ActorMention


@dataclass(frozen=True)
class ArticleContext:
    article_id: str
    published_date: dt.date | None
    publisher: str | None
    sentences: list[tuple[str, int, int]]  # (sentence_id, start_char, end_char) into the body


@dataclass(frozen=True)
class EventCandidate:
    article_id: str
    sentence_id: str
    sentence_start: int
    sentence_end: int
    predicate_start: int
    predicate_end: int
    predicate_text: str
    event_code: str
    actor1_id: str | None  # source; None for an act the text names no doer of ("three men were arrested")
    actor2_id: str | None  # target
    place_id: str | None
    event_date: dt.date | None
    date_precision: Precision | None
    date_source: DateSource | None  # "text": stated in the sentence; "article": the article's date; "undated": see dates
    modality: Modality
    confidence: float
    symmetric: bool  # the predicate reads the same both ways (meet, talks, sign, fight)
    date_text: str | None = None  # a year-less date expression of an undated article, resolved at merge
    rule: str = ""  # which lexicon entry and argument rule produced it: "kill/verb passive-no-agent"


# The actor types a subject pronoun can stand for.
_PRONOUN_KINDS = {
    "he": {"person"},
    "she": {"person"},
    "they": {"group", "organization"},
    "it": {"organization", "country"},
}
# Pronouns that stand for a doer the sentence may not name.
_PERSONAL_PRONOUNS = {"he", "she", "they", "we", "i"}
# Preference when one noun phrase holds several mentions ("Chinese President Xi").
_TYPE_RANK = {"person": 0, "organization": 1, "group": 2, "country": 3, "location": 4}
_UNRANKED = len(_TYPE_RANK)  # any other type comes last
_PLACE_TYPES = {"country", "location"}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "npadvmod", "poss"}
_RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# Conflict (quad classes 3 and 4) read in sports reporting is play: "beat", "attack", "dismiss".
_CONFLICT_QUADS = {3, 4}
# Roots of physical force (assault, fight, mass violence), whose target may be the place struck.
_FORCE_ROOTS = {"18", "19", "20"}
# Roots whose nouns report an act on a named target though its doer is unnamed ("the raid on X",
# "criticism of Y", "protests against Z"); a meeting or a deal without its parties is no event.
_DOERLESS_NOUN_ROOTS = {"11", "12", "13", "14", "17", "18", "19", "20"}
# Prepositions that place a nominal event in time as an occurrence ("after the raid").
_TIME_PREPS = {"after", "since", "following", "before", "during", "amid"}
# Roots of support and aid, whose nouns name their beneficiary by "for" ("support for Y", "aid for Y").
_BENEFIT_ROOTS = {"05", "07"}


class _ActorIndex:
    """Maps tokens to the actor mentions that cover them."""

    def __init__(self, doc: Doc, mentions: Sequence[ActorMention]) -> None:
        self._by_token: dict[int, ActorMention] = {}
        ordered = sorted(mentions, key=lambda m: (_TYPE_RANK.get(m.actor_type, _UNRANKED), m.start_char))
        for mention in reversed(ordered):  # preferred types are written last and win overlaps
            span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
            if span is not None:
                for token in span:
                    self._by_token[token.i] = mention

    def at(self, token: Token) -> ActorMention | None:
        return self._by_token.get(token.i)

    def pair_in(self, sentence: Span) -> list[ActorMention]:
        """The two people or bodies a sentence names, whom its "they" means; none when it names
        fewer or more: a pronoun is no actor, so only a pair stated in the sentence stands for it."""
        named = {m.actor_id: m for t in sentence if (m := self.at(t)) is not None and m.actor_type not in _PLACE_TYPES}
        return list(named.values()) if len(named) == 2 else []

    def antecedent(self, pronoun: Token) -> ActorMention | None:
        """Whom a subject pronoun the entity stage left unlinked stands for: the nearest earlier
        subject of this sentence or the one before that is an actor of a kind the pronoun can
        mean ("The gunmen ran into a post and they opened fire"). Only subjects, the usual
        antecedent of a subject pronoun in news prose; none when the kinds do not fit."""
        kinds = _PRONOUN_KINDS.get(pronoun.lower_)
        if kinds is None:
            return None
        start = pronoun.sent.start
        if start > 0:
            start = pronoun.doc[start - 1].sent.start  # the sentence before
        for token in reversed(pronoun.doc[start : pronoun.i]):
            mention = self.at(token)
            if token.dep_ in ("nsubj", "nsubjpass") and mention is not None and mention.actor_type in kinds:
                return mention
        return None

    def of_phrase(self, head: Token) -> ActorMention | None:
        """The actor a noun phrase names: its head, an apposition, else its best modifier. An
        adjective (a demonym) stands for the actor only when the head names people or a body
        that acts ("Russian troops") or a deed, whose doer it names ("the Chinese decision"), not a
        thing ("a Russian radio station"); nouns always do
        ("Arafat's bid", "the bombing of Kandahar airport")."""
        direct = self.at(head)
        if direct is not None:
            return direct
        for child in head.children:
            if child.dep_ == "appos" and self.at(child) is not None:
                return self.at(child)
        agent = head.pos_ != "NOUN" or head.lemma_.lower() in context_words()["agent"] | context_words()["deed"]
        modifiers = [
            c for c in head.children if c.dep_ in _MODIFIER_DEPS and (agent or not (c.dep_ == "amod" or c.tag_ == "JJ")) and not _sponsor(c)
        ]
        found = [m for c in modifiers for t in c.subtree if (m := self.at(t)) is not None]
        if not found:
            for prep in head.children:
                # "the bombing of Kandahar", "an address by X" (a noun's own doer, praised or condemned with it)
                if prep.dep_ == "prep" and (prep.lower_ == "of" or (prep.lower_ == "by" and head.pos_ == "NOUN")):
                    found = [m for p in prep.children if p.dep_ == "pobj" and (m := self.of_phrase(p)) is not None]
        return min(found, key=lambda m: _TYPE_RANK.get(m.actor_type, _UNRANKED)) if found else None

    def of_coordination(self, head: Token) -> list[ActorMention]:
        """Actors of a noun phrase and its conjuncts ("X and Y"). Two places joined by a bare
        comma are one place and its qualifier ("Lyon, France"): the first is meant."""
        actors = [a for t in (head, *head.conjuncts) if (a := self.of_phrase(t)) is not None]
        if (
            len(actors) == 2
            and len(head.conjuncts) == 1
            and all(a.actor_type in _PLACE_TYPES for a in actors)
            and _bare_comma(head, head.conjuncts[0])
        ):
            return actors[:1]
        return list({a.actor_id: a for a in actors}.values())


def _bare_comma(first: Token, second: Token) -> bool:
    """Only a comma between two conjuncts, and no "and"/"or" anywhere in their coordination."""
    left, right = sorted((first, second), key=lambda t: t.i)
    between = [t for t in left.doc[left.i + 1 : right.i] if t not in left.subtree or t.dep_ == "punct"]
    no_cc = not any(c.dep_ in ("cc", "preconj") for t in (first, second) for c in t.children)
    return no_cc and len(between) == 1 and between[0].text == ","


def _predicates(doc: Doc) -> dict[int, LexiconEntry]:
    """token index -> the lexicon entry it is the predicate of: the most specific pattern that
    matched (events/patterns.py) and passes the checks beyond the tree."""
    chosen: dict[int, LexiconEntry] = {}
    for i, found in matches(doc).items():
        entry = next((m.entry for m in found if _accepts(doc[i], m)), None)
        if entry is not None:
            chosen[i] = entry
    return chosen


def _accepts(predicate: Token, match: PredicateMatch) -> bool:
    kind, _, word = match.entry.pattern.partition(":")
    if kind == "prep":  # the noun's clause ("a call for Y to ..."), or a preposition that belongs to the verb
        return any(d.dep_ == "mark" or (d.dep_ not in NOUN_CLAUSE_DEPS and _attached(predicate, d)) for d in match.dependents)
    if kind == "ctx":
        return _mentions_any(predicate.sent, context_words()[word])
    if kind == "purpose":
        return _purpose(predicate)
    return True


def _addressee(noun: Token, mark: str) -> Iterable[Token]:
    """The subjects of a clause on a noun introduced by `mark`: Y in "X's call for Y to release ..."
    (the small model attaches such a clause as acl, relcl or advcl)."""
    for clause in noun.children:
        if clause.dep_ in NOUN_CLAUSE_DEPS and any(c.dep_ == "mark" and c.lower_ == mark for c in clause.children):
            yield from (c for c in clause.children if c.dep_ == "nsubj")


def _purpose(verb: Token) -> bool:
    """Whether a verb of presence states what for: "was in X to attend ...", "was in X for talks",
    "was in X on a state visit". Mere presence ("was in X at the time") is no visit."""
    occasions = context_words()["occasion"]
    for child in verb.children:
        if child.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ in ("for", "on", "during"):
            if any(o.dep_ == "pobj" and (o.lower_ in occasions or o.lemma_.lower() in occasions) for o in child.children):
                return True
    return False


def _attached(verb: Token, prep: Token) -> bool:
    """Whether a preposition belongs to a phrasal verb ("called on Y", "called for talks") rather
    than to a circumstance after an object or another phrase ("called ministers for a meeting",
    "called in to X on their way back"). Particles and destination prepositions ("flew from X to
    Y") may stand apart."""
    if prep.dep_ == "prt" or prep.lower_ not in context_words()["circumstantial_prep"]:
        return True
    return not any(c.dep_ in ("dobj", "prep", "prt", "agent") and verb.i < c.i < prep.i for c in verb.children)


def _mentions_any(span: Span, words: frozenset[str]) -> bool:
    return any(t.lower_ in words or t.lemma_.lower() in words for t in span)


def _pobjs(token: Token, preps: Set[str]) -> Iterable[tuple[str, Token]]:
    for prep in token.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps:  # "paid tribute to Y": the parse makes "to" a dative
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    yield prep.lower_, obj


def _subject_token(verb: Token) -> tuple[Token | None, bool]:
    """The token naming a verb's doer, and whether it is the verb's own (not inherited)."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head, False
            return child, True
    for _, obj in _pobjs(verb, {"by"}):
        if any(c.dep_ == "auxpass" for c in verb.children) or verb.tag_ == "VBN":
            return obj, True
    if verb.dep_ == "xcomp":  # "X refused to meet Y"; "X urged Y to sign"; "X is expected to sign"
        for child in verb.head.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                return child, False
        return _subject_token(verb.head)[0], False
    if verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_token(verb.head)[0], False
    if verb.dep_ == "acomp":  # "X is ready to meet Y": the copula's subject
        return _subject_token(verb.head)[0], False
    if verb.dep_ in ("acl", "relcl"):
        return verb.head, False
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":  # "X voted in favour of banning Y"; "X and Y are close to signing"
        governor = verb.head.head.head if verb.head.head.dep_ == "acomp" else verb.head.head
        judged = governor.lemma_.lower() in context_words()["judgement"] and verb.head.lower_ in ("of", "for", "by")
        accused = next((c for c in governor.children if c.dep_ == "dobj"), None) if judged else None
        if accused is not None:
            return accused, False  # "X accused Y of killing Z", "X praised Y for freeing Z": Y did it
        if governor.pos_ in ("VERB", "AUX"):
            return _subject_token(governor)[0], False
        if governor.pos_ == "NOUN":  # "X's offer of holding talks", "X repeated his offer of holding talks"
            owner = _owner(governor)
            if owner is not None:
                return owner, False
    return None, False


def _owner(noun: Token) -> Token | None:
    """Whose a noun's act is: its possessor ("X's offer"); for a possessive pronoun, or none, the
    subject of the verb the noun is the object of ("X repeated his offer", "X renewed the offer")."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None and owner.pos_ != "PRON":
        return owner
    if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX") and not _is_passive(noun.head):
        return _subject_token(noun.head)[0]
    return None


def _clause_verb(noun: Token) -> Token | None:
    """The verb a noun phrase hangs on, as its object or through a preposition ("took to the streets")."""
    node = noun.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun
    if node.dep_ in ("dobj", "prep") and node.head.pos_ in ("VERB", "AUX"):
        return node.head
    return None


def _speaker(verb: Token, actors: _ActorIndex) -> list[ActorMention]:
    """Who a pronoun subject of a reported clause is: the one saying it ("X said it would sanction Y",
    "X vowed they would fight Y"), unless the saying has an addressee the pronoun may mean ("X told Y they ...")."""
    head = verb.head
    if verb.dep_ != "ccomp" or head.lemma_.lower() not in context_words()["speaker"]:
        return []
    if any(c.dep_ in ("dobj", "dative") for c in head.children):
        return []
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return actors.of_coordination(subject) if subject is not None else []


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


@dataclass
class _Roles:
    sources: list[ActorMention]
    targets: list[ActorMention]
    place: ActorMention | None
    direct_source: bool
    how: str  # the argument rule that found them, recorded with each report

    @property
    def doerless(self) -> bool:
        """No one is the source: a passive with no agent, a nominal event with no doer."""
        return self.how in ("passive-no-agent", "noun-no-doer", "instrument", "explosive", "unresolved-pronoun", "unnamed-doer")


def _verb_roles(verb: Token, entry: LexiconEntry, actors: _ActorIndex) -> _Roles:
    pattern_prep = entry.pattern.partition(":")[2] if entry.pattern.startswith(("prep:", "purpose:")) else ""
    target_preps = context_words()["target_prep"] | ({pattern_prep} if pattern_prep else set())
    if verb.lemma_.lower() in context_words()["alongside"]:
        target_preps = target_preps - {"with"}  # "fighting with the Taliban" is as often alongside as against
    agent = next((o for _, o in _pobjs(verb, {"by"})), None)
    # "rebels backed by Y", "six teenagers killed in X"; before its noun only for an entry naming that
    # noun as its object ("captured soldiers"), since "the wounded man" tells no act of its own
    reduced = verb.tag_ == "VBN" and (verb.dep_ == "acl" or (verb.dep_ == "amod" and entry.pattern.startswith("obj:")))
    if _is_passive(verb) or reduced:
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if reduced or (subject is not None and subject.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl"):
            subject = verb.head  # the noun the clause modifies is who the act was done to: "X, who was criticised by Y"
        sources = actors.of_coordination(agent) if agent is not None else []
        targets = actors.of_coordination(subject) if subject is not None else []
        direct = agent is not None
        how = "passive-no-agent" if not direct else "reduced-passive" if reduced else "passive"
        if not sources and agent is not None and (weapon := _weapon(agent)) is not None:
            how = weapon  # "were killed by mortar fire": the weapon, its user unnamed
    else:
        subject, direct = _subject_token(verb)
        sources = actors.of_coordination(subject) if subject is not None else []
        how = "subject" if direct else "governing-subject"
        if subject is not None and subject.lower_ == "they" and entry.symmetric:
            sources, how = actors.pair_in(verb.sent), "pronoun-pair"  # "X was in Y with Z, but they did not meet"
        elif not sources and subject is not None and subject.pos_ == "PRON":
            sources, how = _pronoun_doer(subject, actors)
        if not sources and subject is not None and (weapon := _weapon(subject)) is not None:
            how = weapon  # "a bomb exploded", "helicopters blasted targets": the weapon, its user unnamed
            governor = _clause_verb(subject)
            if governor is not None and (user := _subject_token(governor)[0]) is not None:
                # "X used artillery fire which killed Y", "X fired a missile that hit Y": X used it
                sources = actors.of_coordination(user)
                how = "weapon-user" if sources else weapon
        if not sources and verb.dep_ in ("xcomp", "acl"):
            # a governing verb's object that is no actor is its instrument, not who acts ("police used
            # teargas to disperse Y"); a participle on a place is its clause's ("X took to the streets protesting")
            governor = verb.head if verb.dep_ == "xcomp" else _clause_verb(verb.head)
            fallback = _subject_token(governor)[0] if governor is not None else None
            inherited = actors.of_coordination(fallback) if fallback is not None else []
            if inherited:  # else the rule that found no one stands ("he is ready to meet Y": an unknown doer)
                sources, how = inherited, "governing-subject"
        if not sources and direct and how == "subject" and _unnamed_doer(subject, entry):
            how = "unnamed-doer"  # "gunboats sank a ship": a doer the text names by no actor
        direct_objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if direct_objects and not entry.pattern.startswith("obj:") and not any(actors.of_phrase(d) for d in direct_objects):
            # The object is what was acted on, so the verb's other phrases are circumstances:
            # "arrested three men at X", "offered flights from X"; but "signed a deal with Y".
            target_preps = context_words()["partner_prep"] | ({pattern_prep} if pattern_prep else set())
        # First that names an actor: the object; "met with Y"; "condemned the attack on Y";
        # "X refused to meet Y" (the refusal is aimed at Y).
        object_sets = (
            direct_objects,
            # a host's guest is its object: "hosted talks from X to Y" hosts neither
            [o for _, o in _pobjs(verb, target_preps)] if entry.event_code != HOST_CODE else [],
            # not for visits and meetings ("hosted talks on X" does not host X), nor statements:
            # "announced sanctions against Y" is the sanctions' event, not a statement to Y
            [
                o
                for d in direct_objects
                for _, o in _pobjs(
                    d, context_words()["object_target_prep"] | ({"for"} if entry.event_code[:2] in _BENEFIT_ROOTS else set())
                )
            ]
            if entry.event_code[:2] not in (CONSULT_ROOT, STATEMENT_ROOT)
            else [],
            [c for x in verb.children if x.dep_ == "xcomp" for c in x.children if c.dep_ == "dobj"],
            # "threatened to cut off supplies to Y", "threatened to cut gas transit to Y": the complement's own target
            [
                o
                for x in verb.children
                if x.dep_ == "xcomp"
                for holder in (x, *(c for c in x.children if c.dep_ == "dobj"))
                for _, o in _pobjs(holder, target_preps)
            ],
            # "X alleges the bombing was organised by Y", "X charges Y ran it": an accusation's clause names the accused
            [a for x in verb.children if x.dep_ == "ccomp" for a in _clause_doers(x)] if entry.event_code[:2] == DISAPPROVE_ROOT else [],
        )
        targets = next((found for objects in object_sets if (found := [a for o in objects for a in actors.of_coordination(o)])), [])
        if not targets and len(sources) > 1 and any(_reciprocal(d) for d in direct_objects):
            targets = sources  # "X and Y accused each other": each is the other's target
    place = _place(verb, actors, exclude={a.actor_id for a in sources})
    return _Roles(sources, _struck_place(targets, place, entry), place, direct, how)


def _clause_doers(clause: Token) -> list[Token]:
    """Who does what a clause says: its active subject, or its passive's agent ("was organised by Y")."""
    if _is_passive(clause):
        return [o for _, o in _pobjs(clause, {"by"})]
    return [c for c in clause.children if c.dep_ == "nsubj"]


def _weapon(subject: Token) -> str | None:
    """ "explosive" for a subject that is a bomb ("a bomb exploded"), "instrument" for another
    weapon or an armed craft ("shells hit the town"), or fire a weapon's word qualifies ("artillery
    fire", "mortar fire"; bare "fire" is as often a blaze): what was used, not who used it."""
    lemma, words = subject.lemma_.lower(), context_words()
    if lemma in words["explosive"]:
        return "explosive"
    if lemma in words["instrument"]:
        return "instrument"
    weapons = words["instrument"] | words["munition"]
    fired = lemma in words["gunfire"] and any(
        t.lemma_.lower() in weapons for c in subject.children if c.dep_ in ("compound", "amod", "nmod") for t in c.subtree
    )
    return "instrument" if fired else None


def _unnamed_doer(subject: Token | None, entry: LexiconEntry) -> bool:
    """Whether a verb's own subject is a noun phrase that names no actor ("many in the crowd denounced
    Y", "gunboats sank a ship"), so that its act on a named target stands with the doer
    unknown. Not for a symmetric act, whose subject is half the encounter ("the ministers met Y"), nor
    for a subject that is a hazard ("the fire destroyed homes"), a place or a thing the text quotes."""
    if subject is None or entry.symmetric or subject.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
        return False
    return subject.lemma_.lower() not in context_words()["hazard"] and subject.ent_type_ not in ("GPE", "LOC", "FAC", "WORK_OF_ART", "LAW")


def _pronoun_doer(subject: Token, actors: _ActorIndex) -> tuple[list[ActorMention], str]:
    """Who a pronoun subject the entity stage left unlinked stands for, and the rule that says so:
    the one saying the pronoun's clause ("X says he is ready to meet Y"), else the nearest earlier
    subject it can mean; a personal pronoun no one stands for keeps its act with the doer unknown
    ("he met Y")."""
    sources = _speaker(subject.head, actors)
    if sources:
        return sources, "speaker"
    if (antecedent := actors.antecedent(subject)) is not None:
        return [antecedent], "pronoun-antecedent"
    return [], "unresolved-pronoun" if subject.lower_ in _PERSONAL_PRONOUNS else "speaker"


def _reciprocal(obj: Token) -> bool:
    """ "each other", "one another"."""
    return obj.lower_ in ("other", "another") and any(c.lower_ in ("each", "one") for c in (*obj.children, obj.doc[obj.i - 1]))


def _struck_place(targets: list[ActorMention], place: ActorMention | None, entry: LexiconEntry) -> list[ActorMention]:
    """Force with no named target hits the place it happened in: "struck targets in Gaza", "an air
    raid in southern Iraq". Not a symmetric fight: "X fought in Y" may fight for Y."""
    physical = entry.pattern == "obj:@physical" or (entry.event_code[:2] in _FORCE_ROOTS and not entry.symmetric)
    return [place] if not targets and place is not None and physical else targets


def _place(predicate: Token, actors: _ActorIndex, exclude: set[str]) -> ActorMention | None:
    """A country or location the event happened in: "in X" on the predicate or its object."""
    holders = [predicate, *(c for c in predicate.children if c.dep_ in ("dobj", "nsubjpass"))]
    if predicate.pos_ != "VERB" and predicate.dep_ in ("nsubj", "nsubjpass", "dobj"):
        # "the summit will be held in X", "the summit is to be held in X"
        holders += [predicate.head, *(c for c in predicate.head.children if c.dep_ == "xcomp")]
    for holder in holders:
        for _, obj in _pobjs(holder, context_words()["place_prep"]):
            # the phrase's head only ("in the face of X's war" is not in X), or the place a non-actor
            # head is in ("near a market in X")
            for candidate in (obj, *(o for _, o in _pobjs(obj, {"in"}) if actors.at(obj) is None)):
                actor = actors.at(candidate)
                if actor is not None and actor.actor_type in _PLACE_TYPES and actor.actor_id not in exclude:
                    return actor
    return None


def _support_verb(noun: Token, predicates: dict[int, LexiconEntry]) -> Token | None:
    """The verb whose subject does a nominal event: a light verb taking it as object ("held
    talks", "launched an attack", "went on a visit"), a modal one ("ruled out talks"), or any
    active verb it is the purpose of ("arrived for talks"), or, for an encounter, the occasion
    of ("During his visit to Y, X said", "after talks with Y"). Other verbs only mention the event: "searched for the
    suspect in the attacks", "linked a group to the attack"."""
    node, prep = noun, None
    while node.dep_ in ("conj", "appos") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in context_words()["batch"]:
        node = node.head.head  # "launched a series of attacks", "held a round of talks"
    if node.dep_ == "pobj" and node.head.dep_ == "prep":
        prep, node = node.head.lower_, node.head
    elif node.dep_ not in ("dobj", "xcomp"):
        return None
    verb = node.head
    if verb.pos_ not in ("VERB", "AUX") or _is_passive(verb):
        return None
    lemma = verb.lemma_.lower()
    commanded = lemma in context_words()["command"]  # "X ordered the arrest of Y": X has Y arrested
    if verb.i in predicates and (lemma, "governor") not in modality_cues() and not commanded or lemma in context_words()["relay"]:
        return None  # "condemned the attack", "confirmed the arrests" say nothing of who attacked or arrested
    light = lemma in context_words()["support"] or (lemma, "governor") in modality_cues() or commanded
    if prep is None:
        return verb if light else None
    taking_part = light and prep in ("on", "in")  # "went on a visit", "took part in talks"
    # "During his visit to Y, X said", "X said after talks with Y", "X spoke at a meeting with
    # Y", "X said in a call with Y": the subject took part in the encounter
    occasion = prep in ("during", "after", "following", "in", "at") and predicates[noun.i].event_code[:2] == CONSULT_ROOT
    return verb if prep == "for" or taking_part or occasion else None


def _noun_roles(noun: Token, entry: LexiconEntry, actors: _ActorIndex, predicates: dict[int, LexiconEntry]) -> _Roles:
    sources: list[ActorMention] = []
    targets: list[ActorMention] = []
    direct = True
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and not _sponsor(child):  # "X's visit", "the Russia-China talks"
            found = [a for t in child.subtree if (a := actors.at(t)) is not None]
            if not found and child.dep_ == "poss" and child.pos_ == "PRON" and (owner := _owner(noun)) is not None:
                found = actors.of_coordination(owner)  # "X renewed his call for talks": his is X
            sources.extend(found)
    for _, obj in _pobjs(noun, {"by"}):
        sources.extend(actors.of_coordination(obj))
    if not sources:  # an act's noun names its doer by "from": "criticism from X", "a promise from X"
        for _, obj in _pobjs(noun, {"from"}):
            sources.extend(actors.of_coordination(obj))
    for _, obj in _pobjs(noun, {"between", "among"}):
        sources.extend(actors.of_coordination(obj))
    sources = list({a.actor_id: a for a in sources}.values())
    if len(sources) > 1 and entry.symmetric:  # "talks between X and Y", "the Russia-China summit"
        sources, targets = sources[:1], sources[1:]
    for subject in _addressee(noun, "for"):  # "X's call for Y to ...", "a demand for Y to leave"
        targets.extend(actors.of_coordination(subject))
    visit = entry.event_code in VISIT_CODES
    benefit = {"for"} if entry.event_code[:2] in _BENEFIT_ROOTS else set()
    named = {entry.pattern.partition(":")[2]} if entry.pattern.startswith("prep:") else set()  # "a warrant for Y"
    for prep, obj in _pobjs(
        noun, (context_words()["target_prep"] - {"from"}) | {"of"} | benefit | named | (context_words()["place_prep"] if visit else set())
    ):
        found = actors.of_coordination(obj)
        if prep == "of" and entry.event_code[:2] == CONSULT_ROOT and not sources:
            sources.extend(found)  # "the visit of X to Y"
        elif prep not in context_words()["place_prep"] or any(a.actor_type in _PLACE_TYPES for a in found):
            targets.extend(found)
    pronoun_how = ""
    if not sources:
        verb = _support_verb(noun, predicates)
        if verb is not None:
            subject, _ = _subject_token(verb)
            if subject is not None:
                sources = actors.of_coordination(subject)
                if not sources and subject.pos_ == "PRON":  # "she wants to hold talks with Y"
                    sources, pronoun_how = _pronoun_doer(subject, actors)
                direct = False
            if not targets:  # the parse may hang the partner on the light verb: "held [joint exercises] with Y"
                targets = [a for _, obj in _pobjs(verb, context_words()["partner_prep"]) for a in actors.of_coordination(obj)]
    place = _place(noun, actors, exclude={a.actor_id for a in sources})
    if not sources and entry.event_code[:2] in _DOERLESS_NOUN_ROOTS and _told_as_a_time(noun, predicates):
        how = "noun-no-doer"
    elif not sources and pronoun_how == "unresolved-pronoun":
        how = pronoun_how
    else:
        how = "noun-doer" if direct else "noun-light-verb"
    if place is None and entry.event_code in VISIT_CODES:
        # a visit to a descriptor placed by the descriptor's own in-phrase: "his first visit to the country, in X"
        place = next((p for _, o in _pobjs(noun, {"to"}) if (p := _place(o, actors, {a.actor_id for a in sources})) is not None), None)
    return _Roles(sources, _struck_place(targets, place, entry), place, direct, how)


def _capability(predicate: Token) -> bool:
    """Whether a predicate is only what someone may do: the infinitive of a noun of capability ("the
    power to search homes", "the right to arrest them") states a power, not an act."""
    return predicate.dep_ in ("acl", "relcl") and predicate.head.lemma_.lower() in context_words()["capability"]


def _told_as_a_time(noun: Token, predicates: dict[int, LexiconEntry]) -> bool:
    """Whether a nominal event is told as something that happened ("tensions rose after the raid on
    X", "since the attack on Y", "protests against Z erupted"), not named in passing as what another
    act is about ("searched for the suspect in the attacks on X", "confirmed the arrests of Y")."""
    return (noun.dep_ == "pobj" and noun.head.lower_ in _TIME_PREPS) or _reported_as_news(noun, predicates)


def _sponsor(modifier: Token) -> bool:
    """A modifier naming who backs or made a thing, not the actor: "UN-sponsored talks", "US-made helicopters"."""
    doc, sponsors = modifier.doc, context_words()["sponsor"]
    if any(t.lemma_.lower() in sponsors and t.tag_ == "VBN" for t in modifier.subtree):
        return True
    following = modifier.i + 1  # "UN", "-" and "sponsored" may each modify the noun
    while following < len(doc) and doc[following].text == "-":
        following += 1
    hyphenated = following > modifier.i + 1 or modifier.text == "-"
    return hyphenated and following < len(doc) and doc[following].lemma_.lower() in sponsors


def _reported_as_news(noun: Token, predicates: dict[int, LexiconEntry]) -> bool:
    """Whether a sentence reports a nominal event as its news ("held talks", "talks began"),
    rather than naming it in passing ("Russia's invasion of Ukraine has raised prices"), so
    that a sentence without a date of its own may take the article's date."""
    occurs = noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in context_words()["occurrence"] - {"be"}
    return occurs or _support_verb(noun, predicates) is not None


def _news_outlet(mention: ActorMention, doc: Doc) -> bool:
    """An organisation whose name says it is a news outlet ("the Associated Press", "Iraqi News Agency")."""
    span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
    media = context_words()["media"]
    return mention.actor_type == "organization" and span is not None and any(t.lemma_.lower() in media for t in span)


def _contest(predicate: Token, sentence: Span) -> bool:
    """Sports reporting, or a result by a margin ("beat Y by 246 runs", "won by 12 votes"): play, not conflict."""
    units = context_words()["contest"]
    margins = (
        o for _, o in _pobjs(predicate, {"by"}) if o.lemma_.lower() in units and any(c.dep_ in ("nummod", "det") for c in o.children)
    )
    return _mentions_any(sentence, context_words()["sport"]) or any(True for _ in margins)


def _against_nature(predicate: Token, entry: LexiconEntry) -> bool:
    """A fight against fire, flood or disease ("firefighters battled the blaze"): no conflict. An
    entry that names its object is not one ("opened fire")."""
    if entry.pattern.startswith("obj:"):
        return False
    hazards = context_words()["hazard"]
    opposed = [c for c in predicate.children if c.dep_ in ("dobj", "nsubjpass")]
    opposed += [o for _, o in _pobjs(predicate, {"against", "with"})]
    return any(t.lemma_.lower() in hazards for o in opposed for t in (o, *(c for c in o.children if c.dep_ == "compound")))


def _dyads(roles: _Roles, entry: LexiconEntry) -> list[tuple[ActorMention | None, ActorMention | None]]:
    pairs: list[tuple[ActorMention | None, ActorMention | None]]
    unknown_doer = not roles.sources and roles.doerless
    if unknown_doer and (not entry.symmetric or roles.how == "unresolved-pronoun"):  # "three men were arrested in X", "he met Y"
        pairs = [(None, t) for t in roles.targets]
    elif roles.targets:
        pairs = [(s, t) for s in roles.sources for t in roles.targets]
    elif entry.symmetric and len(roles.sources) > 1:  # "X and Y met"
        pairs = list(combinations(roles.sources, 2))
    else:
        pairs = [(s, None) for s in roles.sources]
    return [(s, t) for s, t in pairs if s is None or t is None or s.actor_id != t.actor_id]


def _confidence(has_target: bool, direct_source: bool, dated: bool, is_verb: bool) -> float:
    """A hand-set score of how surely a report is right: a bare source-and-predicate match starts
    below even odds; a named target counts most, then a source that is the predicate's own
    subject (not inherited from a governing verb) and a date stated in the sentence; verbs are
    parsed more reliably than event nouns. Never certain: capped below 1."""
    score = 0.45 + 0.2 * has_target + 0.1 * direct_source + 0.1 * dated + 0.05 * is_verb
    return round(min(score, 0.95), 3)


# Roots whose act means nothing without a named party: a statement, an offer or a meeting with no one
# named is no event ("began offering flights"), while an act on something unnamed still is ("asked
# the banks to help", "sank the boat").
_NAMED_TARGET_ROOTS = {STATEMENT_ROOT, INTENT_ROOT, CONSULT_ROOT}
# Praise and verbal defence are opinions: of a thing with no actor named ("endorsed the budget",
# "defended the reform") they are no event, as the guideline's opinions on abstractions.
_VERBAL_SUPPORT_CODES = {"051", "052"}
DISAPPROVE_ROOT = "11"


# Roots whose infinitive is the act itself: "threatened to withdraw its aid" threatens the aid, where
# "asked the banks to help restore peace" does not help peace.
_COMPLEMENT_ROOTS = {"13"}


def _has_object(predicate: Token, root: str) -> bool:
    """Whether a verb acts on a thing or people the text names, though no actor: a noun object, its
    own or, for _COMPLEMENT_ROOTS, its infinitive's."""
    if predicate.pos_ != "VERB":
        return False
    holders = [predicate, *(c for c in predicate.children if c.dep_ == "xcomp" and root in _COMPLEMENT_ROOTS)]
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for holder in holders for c in holder.children)


def _settle_dyad(
    source: ActorMention | None, target: ActorMention | None, place: ActorMention | None, entry: LexiconEntry, predicate: Token
) -> tuple[ActorMention | None, ActorMention | None] | None:
    """The target and place a dyad reports, or None when the dyad is no event of `entry`."""
    visit = entry.event_code in VISIT_CODES
    if target is not None and entry.event_code[:2] == STATEMENT_ROOT and _news_outlet(target, predicate.doc):
        target = None  # "X told the Associated Press" quotes X; it is no statement to the outlet
    if visit and target is not None and target.actor_type in _PLACE_TYPES:
        place = target
    acted_on = (
        entry.event_code[:2] not in _NAMED_TARGET_ROOTS
        and entry.event_code not in _VERBAL_SUPPORT_CODES
        and _has_object(predicate, entry.event_code[:2])
    )
    # a group agrees, negotiates or fights among itself ("the factions reached an agreement")
    among_itself = entry.symmetric and source is not None and source.actor_type == "group"
    # a visit with no destination stated ("X's visit on Monday") is kept for the merge, which places
    # it at the one destination other reports give the same visitor, or drops it (merge.place_visits)
    untargeted = entry.event_code == VISIT_CODE or (visit and place is not None) or acted_on or among_itself
    if target is None and entry.needs_target and not untargeted:
        return None
    presence = entry.pattern.startswith("purpose:")
    if presence and (source is None or source.actor_type in _PLACE_TYPES or target is None or target.actor_type not in _PLACE_TYPES):
        return None  # a visit is made by a person or body to a place: "Russia was in Syria to fight" is not one
    if place is not None and source is not None and place.actor_id == source.actor_id:
        place = None
    return target, place


# CAMEO codes a cooperative act that is only intended under its intent: a meeting one is ready
# for is 036, aid one offers 033. Hostile intent is no threat unless stated as one ("planning
# attacks" is not threatening them), so conflict keeps its code.
_INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}


def _intended_code(predicate: Token, entry: LexiconEntry) -> str:
    """The entry's code, or its intent's code when the predicate hangs on a word of intent
    ("ready to meet", "offered to mediate", "his offer of holding talks")."""
    root = entry.event_code[:2]
    if root not in _INTENT_CODES:
        return entry.event_code
    intent, node = context_words()["intent"], predicate
    for _ in range(4):  # to the word of intent through infinitives, adjectives, light verbs and "of"
        if node.dep_ not in ("xcomp", "acomp", "pcomp", "pobj", "prep", "dobj") or node.head.i == node.i:
            return entry.event_code
        node = node.head
        if node.lemma_.lower() in intent or node.lower_ in intent:
            return _INTENT_CODES[root]
    return entry.event_code


_CONVENTIONAL_FORCE = "190"
_UNCONVENTIONAL_VIOLENCE = "180"


def _unclaimed_attack(code: str, source: ActorMention | None, target: ActorMention | None, is_verb: bool, how: str) -> str:
    """CAMEO keeps 19 for force between armed sides and 18 for unconventional violence: an attack
    reported as a noun with no doer named, or done by a bomb with no one named to have set it ("a
    bomb killed 15 people"), on a state, a place, a body or a person rather than on armed men ("the attack on
    the parliament", "the September 11 attacks on the United States"), is the latter."""
    unclaimed = code == _CONVENTIONAL_FORCE and (not is_verb or how == "explosive") and source is None
    return _UNCONVENTIONAL_VIOLENCE if unclaimed and target is not None and target.actor_type != "group" else code


def _rule_name(entry: LexiconEntry, how: str, intended: str, final: str) -> str:
    """ "<lemma>/<pos>[<pattern>] <argument rule>", with "+intent" or "+unclaimed" when the code moved."""
    pattern = f"[{entry.pattern}]" if entry.pattern else ""
    moved = " +intent" if intended != entry.event_code else ""
    moved += " +unclaimed" if final != intended else ""
    return f"{entry.lemma}/{entry.pos.lower()}{pattern} {how}{moved}"


def _article_date(doc: Doc, context: ArticleContext) -> tuple[dt.date | None, Precision]:
    """The date events of the article fall back on, and its precision: the publication date, or
    for an undated article the date inferred from the full dates it states, less sure ("week")."""
    if context.published_date is not None:
        return context.published_date, "day"
    date, precision = infer_article_date(stated_dates(doc))
    return date, precision or "week"


def extract_events(doc: Doc, mentions: Sequence[ActorMention], context: ArticleContext) -> list[EventCandidate]:
    """Event candidates of one article, in text order; `doc` is the article body's parse."""
    actors = _ActorIndex(doc, [m for m in mentions if m.article_id == context.article_id])
    with_actors = {m.sentence_id for m in mentions if m.article_id == context.article_id}
    predicates = _predicates(doc)
    # The word a pattern names is part of the predicate, not an event of its own ("refused to comment").
    consumed = {
        c.i
        for i, e in predicates.items()
        if e.pattern.startswith(("obj:", "xcomp:"))
        for c in doc[i].children
        if c.dep_ in ("dobj", "nsubjpass", "xcomp")
    }
    quads = {code: info.quad_class for code, info in cameo_codes().items()}
    article_date, article_precision = _article_date(doc, context)
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    best: dict[tuple, EventCandidate] = {}
    # a refusal's offset -> the offsets of its infinitives that are predicates: a refusal aimed at no
    # one ("refused to free the hostages") adds nothing to the refused act's own report, negated
    # (events/modality.py); one aimed at someone ("refused to meet Y") is an event of its own
    refused = {
        doc[i].idx: {c.idx for c in doc[i].children if c.dep_ == "xcomp" and c.i in predicates}
        for i, e in predicates.items()
        if e.event_code[:2] == REJECT_ROOT and not e.pattern
    }
    for sentence_id, start, end in context.sentences:
        if sentence_id not in with_actors:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            entry = predicates.get(token.i)
            if entry is None or token.i in consumed:
                continue
            if _capability(token):
                continue
            is_verb = entry.pos == "VERB"
            code = _intended_code(token, entry)
            if quads[entry.event_code] in _CONFLICT_QUADS and (_contest(token, span) or _against_nature(token, entry)):
                continue
            roles = _verb_roles(token, entry, actors) if is_verb else _noun_roles(token, entry, actors, predicates)
            modality = detect_modality(token, lambda t: t.i in predicates)
            resolved = resolve_event_date(token, article_date, modality == "planned", article_precision, dates)
            if resolved.source == "article" and not (is_verb or _reported_as_news(token, predicates)):
                resolved = ResolvedDate(None, None, "undated")
            for source, target in _dyads(roles, entry):
                settled = _settle_dyad(source, target, roles.place, entry, token)
                if settled is None:
                    continue
                target, place = settled
                event_code = _unclaimed_attack(code, source, target, is_verb, roles.how)
                rule = _rule_name(entry, roles.how, code, event_code)
                candidate = EventCandidate(
                    article_id=context.article_id,
                    sentence_id=sentence_id,
                    sentence_start=start,
                    sentence_end=end,
                    predicate_start=token.idx,
                    predicate_end=token.idx + len(token.text),
                    predicate_text=token.text,
                    event_code=event_code,
                    actor1_id=source.actor_id if source is not None else None,
                    actor2_id=target.actor_id if target is not None else None,
                    place_id=place.actor_id if place is not None else None,
                    event_date=resolved.date,
                    date_precision=resolved.precision,
                    date_source=resolved.source,
                    modality=modality,
                    confidence=_confidence(
                        target is not None, roles.direct_source, resolved.source == "text" and article_precision == "day", is_verb
                    ),
                    symmetric=entry.symmetric,
                    date_text=resolved.pending,
                    rule=rule,
                )
                dyad = (candidate.actor1_id, candidate.actor2_id)
                key = (sentence_id, event_code[:2], tuple(sorted(dyad, key=str)) if entry.symmetric else dyad, modality)
                if key not in best or candidate.confidence > best[key].confidence:
                    best[key] = candidate
    reported = {c.predicate_start for c in best.values()}
    kept = [c for c in best.values() if c.actor2_id is not None or not refused.get(c.predicate_start, set()) & reported]
    return sorted(_without_partial_dyads(kept), key=lambda c: (c.predicate_start, c.actor1_id or "", c.actor2_id or ""))


def _without_partial_dyads(candidates: Iterable[EventCandidate]) -> list[EventCandidate]:
    """Drop a report that lacks a side its sentence names for the same act: the doerless one
    beside a report of the same root on the same target with its doer ("X's gunmen wounded Y, and Y
    was wounded again"), the targetless one beside the same source's report with a target."""
    candidates = list(candidates)
    full = {(c.sentence_id, c.event_code[:2], c.actor1_id, c.actor2_id) for c in candidates if c.actor1_id and c.actor2_id}
    done_to = {(sentence, root, target) for sentence, root, _, target in full}
    done_by = {(sentence, root, source) for sentence, root, source, _ in full}
    return [
        c
        for c in candidates
        if not (c.actor1_id is None and (c.sentence_id, c.event_code[:2], c.actor2_id) in done_to)
        and not (c.actor2_id is None and (c.sentence_id, c.event_code[:2], c.actor1_id) in done_by)
    ]
