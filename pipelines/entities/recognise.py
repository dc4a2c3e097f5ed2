"""Entity mentions from a parsed Doc: spaCy's NER plus a cheap rule layer for news text.

The small model's known weak spots that the rules fix:
- titles and demonyms swallowed into (or split off from) names: a person title from
  role_titles.csv followed by capitalised tokens is a person, whatever spaCy labelled the
  tokens ("Libyan leader Moammar Qadhafi" -> person "Moammar Qadhafi", LBY, GOV);
- transliterated names read as ORG/GPE: a single token equal to a part of a person's full name
  in the same article is that person;
- cities read as PERSON: a one-token "person" that the gazetteer knows as a place and that
  follows a locative preposition (or is a country) is a place;
- page furniture ("4x3 Image", "XL", "Click"), leading "the" and possessive 's.

Choices on what is an actor: named initiatives, treaties, acts, wars, summits and diseases
(head words in entity_furniture.csv, kinds document/event/disease) are not actors, and neither are
their acronyms; a defined acronym otherwise takes its expansion's type. A web domain is the site's
publisher, an organisation (role MED when cited in brackets, country from its ccTLD), never a place.
Hyphen-joined demonyms ("Indo-Pakistani") are the countries. Untitled one-word "people" after
"the" ("the Majlis") or only ever after locative prepositions are dropped rather than mistyped.

Country adjectives ("Chinese flags") are country mentions, also where they prefix a title
("Chinese President ...", "the Chinese leader"), as the annotation guideline has it; there they
give the person a country as well. Nationalities that are not country adjectives (NORP like
"Muslims") are not mentions; peoples named by a country's demonym ("Kenyans") are mentions of
that country.

A person's country comes from what the text says about them, in this order of reach:
- the title phrase: a country term before the title, past up to two modifying words ("Australian
  cricket captain", "Russian Orthodox Patriarch"), a possessive ("Israel's Prime Minister"), a
  complement ("Prime Minister of Pakistan Nawaz Sharif"), or the place or organisation the title
  is preceded by ("Queensland Premier", "Hamas leader": a state or sizeable city from the
  gazetteer, an organisation from organizations.csv or named after a country or place);
- an apposition before or after the name ("the head of the Palestinian Authority, Yasser
  Arafat", "Mr Downer, Australia's foreign minister,", "Ann Lee, a spokeswoman for the Israeli
  army,");
- affiliation: a possessive before the name ("China's Xi", "the Bureau of Meteorology's Ann
  Lee"), a country adjective right before it ("American Ann Lee", "the Australian, Ann Lee"),
  an organisation or place after "of"/"from" ("Ann Lee of the Australian Labor Party").
Organisations take a country from their name: a country word, else a leading state or big city
("New South Wales Rural Fire Service", "Sydney Weather Bureau"), or from a possessive before
them ("New York's Police Department").

Beyond names, two kinds of coreference add mentions (`EntityMention.kind`):
- descriptor: "the [demonym] <title>" with no name after it ("the Chinese leader", "the pontiff",
  "the president of Peru") refers to the person of the article holding that title (or, for
  generic titles such as "leader", any title of that role) and country: the only such person, else
  the most recently mentioned one. When no person of the article has that
  country, a demonym with a head-of-country title ("the Chinese leader") falls back to the article's
  dominant person of unknown country whose title and role fit, named before it and not in the same
  clause ("President Ames met the Chinese leader" is never Ames); the link gives the person that
  country. A title holder the article never names ("the prime minister said") is an actor of its
  own, one per title and country, so the events it takes part in keep their doer; "the company",
  "the ministry" likewise refer to the latest organisation of that word or role, else to one of
  their own. "China's Xi" (a country's possessive before a name) gives the person its country too.
- pronoun: he/she as a subject, his/her as a possessive, refer to a person only when that person is
  the only person mentioned in the previous sentence and the current one up to the pronoun, and
  was a grammatical subject there. Without a gender model this is deliberately strict: a second
  person anywhere in that window blocks the link.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

import pycountry
import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from pipelines.entities.gazetteer import Place, context_divisions, lookup, lookup_in
from pipelines.entities.lexicon import GroupActor, common_word, fold, lexicon

ActorType = str  # person | organization | country | location | group
MentionKind = str  # name | acronym | descriptor | pronoun | demonym | generic
# What in the text gives a mention its country (mentions.country_evidence): the person's "title"
# phrase ("Australian Foreign Minister", "Prime Minister of Pakistan", "Pope"), an "apposition"
# ("John Howard, the Australian prime minister"), a "demonym" before the name ("American Ann Lee"),
# an "affiliation" ("Hamas leader", "China's Xi", "Ann Lee of the Labor Party"), a country word
# "modifier" of a group or unnamed organisation ("Israeli troops"), the one country the article is
# set in for a state office it gives none ("context": "Defence Minister Robert Hill" in a story of
# Australian places), another mention of the same
# actor in the "article" (a descriptor, pronoun or repeated name), the actor's own "name" (a
# country, an organisation named after one or listed with one, a site's country domain) or the
# "gazetteer" (a place).
CountryEvidence = str

# Lower-case words between a country term and the person they describe: "left arm spinner".
MAX_DESCRIPTION_WORDS = 3

# The Doc's span group of the mentions found, and the Span extension holding each one's record.
MENTION_SPANS = "actor_mentions"
if not Span.has_extension("mention"):
    Span.set_extension("mention", default=None)

ENT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
MAX_GROUP_MODIFIERS = 2
LANDMARK_KIND = "landmark"  # physical_features.csv: a famous built site news names as a place
MISREAD_EVENT_LABELS = {"EVENT", "LAW", "WORK_OF_ART"}  # labels the model gives named events ("the Brisbane Test" as a law)
NON_NAME_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
# Parts of speech that end a name run after a title (title-case headlines: "Minister Urges Calm In Lima").
NOT_NAME_POS = {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "NUM"}
MAX_NAME_TOKENS = 5
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Dependencies of a verb's arguments: two of them in one clause are two different people.
ARGUMENT_DEPS = SUBJECT_DEPS | {"dobj", "dative", "attr", "agent"}
PRONOUNS = {"he": SUBJECT_DEPS, "she": SUBJECT_DEPS, "his": {"poss"}, "her": {"poss"}}
MIN_PLACE_POPULATION = 100_000  # a "person" after "in"/"to"... must be a sizeable place to be one
MIN_BARE_PLACE_POPULATION = 1_000_000  # without a locative preposition, only big cities
CONTEXT_PLACE_FACTOR = 10  # thresholds shrink tenfold for places in a country the article mentions
PLACE_ROLE = "PLACE"  # org_types.csv marks facility words (airport, park) with this pseudo-role
DIMENSIONS = re.compile(r"^\d+x\d+$", re.IGNORECASE)
ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&.-]{1,9}$")
SPELLED_ACRONYM = re.compile(r"^[A-Z](?:-[A-Z])+$")
OPEN_BRACKETS = {"(", "["}  # a name never runs into a bracket: "Foo Organization's (FBO"
# Dependencies of a name that modifies the next noun: "the Obama administration", "COVID-19 pandemic".
MODIFIER_DEPS = {"compound", "nmod", "amod", "poss"}
# Where a name the model did not label is still taken for a party to its clause.
UNLABELLED_NAME_DEPS = {"nsubj", "nsubjpass", "dobj", "dative", "pobj", "poss", "agent"}
# A web domain cited as a source: "(News18.com, January 12)". Lower-case top-level domain only.
WEB_DOMAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,6}$")
HYPHENS = {"-", "\u2013", "/"}
MAX_COMPLEMENT_TOKENS = 6  # "of the Organisation of Islamic Cooperation": a title's complement is short
# Organisation roles of a portfolio word that may precede a title: "Defence Secretary", "Navy Captain".
PORTFOLIO_ROLES = {"GOV", "MIL"}
# Roles of a state's own offices: a minister, general, judge or police chief the text names without
# a country belongs to the country the article is set in (the one most of its places and countries
# lie in: at least two, and three in five of them).
MAX_REGION_DEMONYM_TOKENS = 3  # "Western Australian", "Rio Grande do Sul" is no demonym anyway
OFFICE_ROLES = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP"}
HOME_MIN_MENTIONS = 2
HOME_MIN_SHARE = 0.6
HOME_WINDOW_TOKENS = 120  # about five sentences either side: the part of a bulletin a mention sits in


@dataclass(frozen=True)
class EntityMention:
    article_id: str
    start_char: int
    end_char: int
    text: str  # == body[start_char:end_char]; names without titles
    actor_type: ActorType
    country_code: str | None  # ISO3
    role: str | None  # CAMEO-style role code
    sentence_id: str
    canonical: str  # article-local key: the full name this mention refers to
    geonameid: int | None = None  # places and countries found in the gazetteer
    kind: MentionKind = "name"
    rule: str = ""  # which passes produced it: "ner:GPE+capital-as-government"
    country_evidence: CountryEvidence | None = None  # what in the text gives country_code
    # A site the gazetteer lacks, named after a town it has ("Adelaide Oval", "Kabul airport"): the town's geonameid
    within: int | None = None


@dataclass
class _Draft:
    start: int  # token indices, end-exclusive
    end: int
    actor_type: ActorType
    country_code: str | None = None
    role: str | None = None
    canonical: str | None = None
    titled: bool = False  # introduced by a person title, so surely a person
    title: str | None = None  # folded title a person is given ("foreign minister")
    kind: MentionKind = "name"
    rule: str = ""  # the pass that made it, then "+pass" for each pass that retyped it
    country_evidence: CountryEvidence | None = None  # set with country_code where the rules read it
    division: Place | None = None  # the first-level division a place is named with ("Paris, Texas")

    def attest(self, country: str | None, evidence: CountryEvidence) -> None:
        """Give the draft `country`, read from `evidence`, unless it has a country already."""
        if country and not self.country_code:
            self.country_code, self.country_evidence = country, evidence

    def revise(self, rule: str) -> None:
        """Record that pass `rule` changed this draft's reading (once per pass)."""
        if not self.rule.endswith(f"+{rule}"):
            self.rule += f"+{rule}"


class _Matchers:
    """Phrase matchers for titles and country terms, built once per vocab from the lexicons."""

    def __init__(self, vocab: Vocab) -> None:
        lex = lexicon()
        tokenizer = spacy.blank("en", vocab=vocab).tokenizer
        self.titles = PhraseMatcher(vocab, attr="LOWER")
        self.titles.add("TITLE", _patterns(tokenizer, lex.titles))
        self.countries = PhraseMatcher(vocab, attr="LOWER")
        self.countries.add("COUNTRY", _patterns(tokenizer, [*lex.countries, *lex.country_terms]))
        # Listed organisations by their written name, case-sensitive: NER misses some ("the Kremlin").
        self.orgs = PhraseMatcher(vocab, attr="ORTH")
        self.orgs.add("ORG", _patterns(tokenizer, sorted({name for name, _, _ in lex.known_orgs.values()})))


def _patterns(tokenizer: Tokenizer, terms: Iterable[str]) -> list[Doc]:
    # Tokenisation is case-sensitive ("U.S." is one token, "u.s." is not): add the usual casings.
    variants = {v for t in terms for v in (t, t.capitalize(), t.title(), t.upper())}
    return [tokenizer(v) for v in sorted(variants)]


_MATCHERS: dict[int, tuple[Vocab, _Matchers]] = {}


def _matchers(vocab: Vocab) -> _Matchers:
    entry = _MATCHERS.get(id(vocab))
    if entry is None or entry[0] is not vocab:
        entry = (vocab, _Matchers(vocab))
        _MATCHERS[id(vocab)] = entry
    return entry[1]


def _longest(matches: list[tuple[int, int, int]]) -> dict[int, int]:
    """start -> end of the longest match starting there, dropping matches inside longer ones."""
    best: dict[int, int] = {}
    for _, start, end in matches:
        if end > best.get(start, start):
            best[start] = end
    kept: dict[int, int] = {}
    reach = -1
    for start in sorted(best):
        if best[start] > reach:
            kept[start] = best[start]
            reach = max(reach, best[start])
    return kept


def _is_name_token(token: Token) -> bool:
    text = token.text
    return (
        text[:1].isupper()
        and token.ent_type_ not in NON_NAME_ENTS
        and (any(ch.isalpha() for ch in text))
        and text not in POSSESSIVE
        and token.pos_ not in NOT_NAME_POS
    )


def _country_of(span_text: str) -> str | None:
    return lexicon().countries.get(fold(span_text))


def _spelled_acronym_country(text: str) -> str | None:
    """ "U-S", "U-K": a country acronym spelled with hyphens."""
    return lexicon().countries.get(fold(text.replace("-", ""))) if SPELLED_ACRONYM.match(text) else None


def _region_of_demonym(word: str) -> Place | None:
    """ "Kashmiri(s)" -> Kashmir, "Bavarian" -> Bavaria, "South Australian" -> South Australia: a
    demonym that is no country's names its region."""
    word = word[:-1] if word.endswith("s") and len(word) > 4 else word
    stems = [word[:-1]] if word.endswith(("i", "an")) and word[:1].isupper() else []
    places = (lookup(stem) for stem in stems)
    return next((p for p in places if p is not None and p.kind == "state"), None)


def _portfolio(token: Token) -> bool:
    """A capitalised government or military portfolio word before a title: "Defence Secretary"."""
    return token.text[:1].isupper() and lexicon().org_types.get(token.lower_) in PORTFOLIO_ROLES


def _title_modifier(token: Token) -> bool:
    """A word modifying the title after it: "cricket" in "Australian cricket captain"."""
    return token.is_alpha and token.head.i > token.i and token.pos_ in {"NOUN", "ADJ", "PROPN"} and token.lower_ not in lexicon().titles


def _affiliation_country(span: Span) -> str | None:
    """The country of what a person is affiliated with: a country, an organisation with a country
    (listed, or named after one), a state or a sizeable city ("Queensland", "New York")."""
    country = _country_of(span.text)
    if country is not None or span.label_ == "PERSON":
        return country
    if span.label_ in {"ORG", "NORP"}:
        return _org_role_country(span)[1]
    place = lookup(span.text)
    return place.country_code if place is not None and _sizeable(place) else None


def _sizeable(place: Place) -> bool:
    return place.kind != "city" or place.population >= MIN_PLACE_POPULATION


def _prominent(place: Place) -> bool:
    """A place an organisation is named after: a state or a big city (many smaller towns share
    their name with common words: "Commonwealth", "Union")."""
    return place.kind == "state" or place.population >= MIN_BARE_PLACE_POPULATION


def _starts_person(token: Token) -> bool:
    return token.ent_iob_ == "B" and token.ent_type_ == "PERSON"


def _dotted_name(span: Span) -> Span | None:
    """ "One.Tel", split by the tokenizer at its glued dot: the span widened to the whole name."""
    doc, i = span.doc, span.start
    if i >= 2 and doc[i - 1].text == "." and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ and doc[i - 2].text[:1].isupper():
        return doc[i - 2 : span.end]
    return None


def _product(span: Span) -> bool:
    """ "US-made Apaches": a name after "<country>-made" is a weapon or vehicle."""
    doc, i = span.doc, span.start
    return i >= 2 and doc[i - 1].lower_ in lexicon().words["maker_word"] and doc[i - 2].text == "-"


def _furniture(span: Span) -> bool:
    lex = lexicon()
    text = fold(span.text)
    # Proper names are capitalised ("bin Laden", "de Gaulle" after their particle); a lower-case
    # "entity" is a common noun or a UI word.
    particled = len(span) >= 2 and span[0].lower_ in lex.words["name_particle"] and span[1].text[:1].isupper()
    if text in lex.furniture or "\n" in span.text or not span.text[:1].isalnum() or (span.text[:1].islower() and not particled):
        return True
    if any(DIMENSIONS.match(t.text) for t in span):
        return True
    if len(span) <= 3 and any(fold(t.text) in lex.furniture for t in span):
        return True
    # Two-letter all-caps labels ("XS", "OK") are furniture unless a known country/org code.
    return len(span.text) <= 2 and span.text.isupper() and text not in lex.countries and text not in lex.known_orgs


def _known_org(text: str) -> tuple[str, str, str | None] | None:
    """A listed organisation by name or acronym, dotted or not ("U.N." is "UN")."""
    known = lexicon().known_orgs
    return known.get(fold(text)) or (known.get(fold(text.replace(".", ""))) if _is_acronym(text) else None)


def _org_role_country(span: Span) -> tuple[str | None, str | None]:
    lex = lexicon()
    known = _known_org(span.text)
    if known:
        return known[1], known[2]
    role = lex.org_types.get(span.root.lower_)
    country = None
    words = [fold(t.text) for t in span]
    for i, word in enumerate(words):
        pair = f"{word} {words[i + 1]}" if i + 1 < len(words) else ""
        if role is None:
            role = lex.org_types.get(pair) or lex.org_types.get(word)
        if country is None:
            country = lex.countries.get(pair)
            if country is None and (i == 0 or words[i - 1] not in lex.words["compass"]):
                country = lex.countries.get(word)
    if country is None and role is not None:
        # "New South Wales Rural Fire Service", "Wollongong Hospital": named after a state or city.
        places = (lookup(span[:n].text) for n in range(min(3, len(span) - 1), 0, -1))
        country = next((p.country_code for p in places if p is not None and _prominent(p)), None)
    return role, country


@dataclass
class _Profile:
    """What an article says about one person, for descriptor matching."""

    positions: list[int] = field(default_factory=list)  # token index of each mention
    titles: set[str] = field(default_factory=set)
    countries: Counter[str] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    clauses: set[int] = field(default_factory=set)  # token index of each verb the person is an argument of


def _describe(people: Mapping[str, _Profile], title: str, country: str | None, at: int) -> str | None:
    """The person a descriptor refers to: the only match, else the most recently mentioned one
    before it. A generic title ("leader") matches any holder of its role, but needs a country or a
    unique match."""
    lex = lexicon()
    role = lex.titles.get(title) or None
    generic = title in lex.generic_titles

    def fits(profile: _Profile) -> bool:
        if country is not None and country not in profile.countries:
            return False
        if any(t == title or t.endswith(" " + title) for t in profile.titles):
            return True  # "the minister" is the foreign minister
        return generic and bool(profile.titles or profile.roles) and (role is None or role in profile.roles)

    matches = [name for name, profile in people.items() if fits(profile)]
    if generic and country is None:
        return matches[0] if len(matches) == 1 else None
    latest = {name: max((p for p in people[name].positions if p < at), default=-1) for name in matches}
    if any(p >= 0 for p in latest.values()):
        return max(latest, key=lambda name: latest[name])
    return matches[0] if len(matches) == 1 else None


def _may_hold(people: Mapping[str, _Profile], title: str, country: str | None) -> bool:
    """Whether a person of the article could be the one a descriptor means, though it names no one
    surely (two fit equally): then it is no one rather than a title holder of its own."""
    lex = lexicon()
    generic, head = title in lex.generic_titles, title in lex.head_titles
    for profile in people.values():
        if country is not None and profile.countries and country not in profile.countries:
            continue
        if any(t == title or t.endswith(" " + title) for t in profile.titles) or (generic and (profile.titles or profile.roles)):
            return True
        if head and country is not None and not profile.countries and not profile.titles:
            return True  # an untitled person of unstated country may be the country's leader (see _head_of_country)
    return False


def _unnamed_holder(start: int, end: int, title: str, country: str | None) -> _Draft | None:
    """A title holder the article never names ("the prime minister said", "the coroner found"):
    an actor of its own, one per title and country ("Prime Minister of Japan"), so an event still has
    its doer. A generic title ("the leader", "the official"), or one without a role, says too little
    without a country."""
    lex = lexicon()
    role = lex.titles.get(title) or None
    country = country or lex.title_countries.get(title)
    if country is None and (title in lex.generic_titles or role is None):
        return None
    display = " ".join(word.capitalize() for word in title.split())
    return _Draft(
        start,
        end,
        "person",
        country,
        role,
        _of_country(display, country),
        title=title,
        kind="descriptor",
        rule="unnamed-title",
        country_evidence="title" if country else None,
    )


def _of_country(display: str, country: str | None) -> str:
    """The name of an actor the text names only by what it is: "Prime Minister of Japan", "Ministry"."""
    return f"{display} of {lexicon().country_names.get(country, country)}" if country else display


def _country_tokens(drafts: list[_Draft]) -> dict[int, str]:
    """token index -> the country of the country mention, or region demonym ("South Australian"), covering it."""
    return {
        i: d.country_code
        for d in drafts
        if (d.actor_type == "country" or d.kind == "demonym") and d.country_code
        for i in range(d.start, d.end)
    }


def _modifier_country(token: Token, country_at: Mapping[int, str]) -> str | None:
    """The country a country mention modifying a noun gives it: "Israeli troops", "Australia's ministry"."""
    return next((country_at[c.i] for c in token.children if c.dep_ in MODIFIER_DEPS and c.i in country_at), None)


def _clause(token: Token) -> int | None:
    """The verb a name is an argument of, through a preposition or a coordination ("Ames and the
    Chinese leader met"); None when the name is no verb's argument ("Xi's visit")."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ == "pobj" and token.head.dep_ in {"prep", "agent", "dative"}:
        return token.head.head.i
    return token.head.i if token.dep_ in ARGUMENT_DEPS else None


def _head_of_country(people: Mapping[str, _Profile], title: str, country: str, at: int, clause: int | None) -> str | None:
    """The person a "the <demonym> <head title>" descriptor refers to when `_describe` finds none: the
    dominant one (see `dominant`) among the people of unknown country (or only this one, without a
    title) named before it, whose titles are this one and whose role is its role (GOV for "leader"),
    and who are no argument of the descriptor's clause."""
    lex = lexicon()
    if title not in lex.head_titles:
        return None
    role = lex.titles.get(title) or "GOV"
    counts: dict[str, int] = {}
    for name, profile in people.items():
        if set(profile.countries) - {country} or (clause is not None and clause in profile.clauses) or min(profile.positions) > at:
            continue
        if profile.roles and most_common(profile.roles) != role:
            continue
        if any(not (t == title or t.endswith(" " + title)) for t in profile.titles):
            continue
        counts[name] = len(profile.positions)
    return dominant(counts, counts)


class _Builder:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens = list(doc)  # spaCy makes a new Token object on every access: each pass reads these
        self.lex = lexicon()
        matchers = _matchers(doc.vocab)
        self.titles = _longest(matchers.titles(doc))
        self.countries = _longest(matchers.countries(doc))
        self.title_ends = {end: start for start, end in self.titles.items()}
        self.country_ends = {end: start for start, end in self.countries.items()}
        self.entity_starts = {e.start: e for e in doc.ents if e.label_ in ENT_LABELS}
        self.entity_ends = {e.end: e for e in doc.ents if e.label_ in ENT_LABELS}
        self.consumed: set[int] = set()
        self.qualifiers: set[int] = set()  # tokens of a title phrase in an apposition or descriptor
        self.drafts: list[_Draft] = []
        self.non_actors: list[Span] = []  # named documents, events, diseases: their acronyms are no actors either

    def _prefix(self, start: int) -> tuple[int, str | None, str | None, CountryEvidence]:
        """Walk back from a title start over titles, country terms and glue words: where the title
        phrase starts, its country and role, and whether the title or an affiliation gave the country."""
        country = role = None
        i = start
        while i > 0:
            if i in self.title_ends:
                j = self.title_ends[i]
                title = fold(self.doc[j:i].text)
                role = role or self.lex.titles.get(title) or None
                country = country or self.lex.title_countries.get(title)
            elif i in self.country_ends and self.doc[self.country_ends[i]].text[:1].isupper():
                j = self.country_ends[i]
                country = country or _country_of(self.doc[j:i].text)
            elif self.doc[i - 1].lower_ in self.lex.words["title_glue"] or _portfolio(self.doc[i - 1]):
                j = i - 1
            elif (modified := self._modified_country(i)) is not None:
                j = modified
            else:
                break
            i = j
        if country is None and i in self.entity_ends:
            # "Queensland Premier", "Hamas leader": a place or organisation before the title is the
            # person's affiliation; it stays a mention of its own, so the title phrase starts after it.
            return i, _affiliation_country(self.entity_ends[i]), role, "affiliation"
        if country is None and (owner := self._possessor_country(i)) is not None:
            return i, owner, role, "affiliation"  # "the Russian president's adviser Yuri Ushakov"
        return i, country, role, "title"

    def _possessor_country(self, i: int) -> str | None:
        """The country of a possessor ending right before token i ("the Russian president's"): a
        country term qualifying the possessor's noun."""
        doc = self.doc
        if i < 2 or doc[i - 1].text not in POSSESSIVE:
            return None
        owner = doc[i - 1].head if doc[i - 1].head.i < i - 1 else doc[i - 2]
        for token in (*owner.children, owner):
            end = self.countries.get(token.i)
            if end is not None and end <= i - 1 and doc[token.i].text[:1].isupper():
                return _country_of(doc[token.i : end].text)
        return None

    def _modified_country(self, i: int) -> int | None:
        """ "Australian cricket captain", "Russian Orthodox Patriarch", "Queensland pace bowler": the
        start of one or two words modifying the title at i, when a country term, a place or
        organisation with a country, or a possessor of a country precedes them (else None: "spin bowler")."""
        doc, k = self.doc, i
        while k > 0 and i - k < 2 and k not in self.country_ends and k not in self.entity_ends and _title_modifier(doc[k - 1]):
            k -= 1
        if k == i:
            return None
        if k in self.country_ends and doc[self.country_ends[k]].text[:1].isupper():
            return k
        if self._possessor_country(k) is not None:
            return k  # "the Russian president's foreign policy adviser"
        return k if k in self.entity_ends and _affiliation_country(self.entity_ends[k]) is not None else None

    def _complement(self, i: int) -> tuple[int, str | None] | None:
        """ "of Pakistan", "of the Palestinian Authority", "for the Israeli army" after a title at i:
        where the complement ends and the country it gives; None when no such complement."""
        doc = self.doc
        if i + 1 >= len(doc) or doc[i].lower_ not in self.lex.words["affiliation"]:
            return None
        j = i + 1 + (doc[i + 1].lower_ in self.lex.words["determiner"])
        if j in self.countries and doc[j].text[:1].isupper():
            end, country = self.countries[j], _country_of(doc[j : self.countries[j]].text)
            if end < len(doc) and self.lex.group_actors.get(doc[end].lemma_.lower()):
                end += 1  # "the Israeli army"
            return end, country
        entity = self.entity_starts.get(j)
        return (entity.end, _affiliation_country(entity)) if entity is not None else None

    def titled_people(self) -> None:
        doc = self.doc
        for start, end in self.titles.items():
            if start in self.consumed:
                continue
            # "Prime Minister of Pakistan Nawaz Sharif": the name may follow the title's complement.
            complement = self._complement(end)
            if complement is not None and complement[0] < len(doc) and _starts_person(doc[complement[0]]):
                begin, complement_country = complement
            else:
                begin, complement_country = end, None
            run = begin
            while run < len(doc) and run - begin < MAX_NAME_TOKENS:
                token = doc[run]
                if _is_name_token(token) and run not in self.titles and run not in self.countries:
                    run += 1
                elif run > begin and self._surname_title(run):
                    run += 1  # "Dr Aamer Sultan": a title word ending a name is a surname
                elif run > begin and (after := self._past_particles(run)) is not None:
                    run = after  # "President Fernando de la Rua", "Sheikh Hamad bin Khalifa"
                elif (
                    token.text == "-"
                    and run > begin
                    and not doc[run - 1].whitespace_
                    and run + 1 < len(doc)
                    and _is_name_token(doc[run + 1])
                ):
                    run += 1
                else:
                    break
            if run == begin or (end - start == 1 and doc[start].text.islower() and doc[start].pos_ == "ADJ"):
                continue  # "a major U.N. summit": an adjective that is also a rank
            ent = doc[start].ent_type_
            name = doc[begin:run]
            if self.lex.org_types.get(name[-1].lower_) or (
                ent in {"ORG", "FAC"} and doc[start].ent_iob_ == "B" and any(self.lex.org_types.get(t.lower_) for t in name)
            ):
                continue  # "General Motors Company", "Queen Elizabeth Hospital": the title word belongs to an org name
            first, country, role, evidence = self._prefix(end)
            if (
                doc[first].ent_iob_ == "I"
                and doc[first].ent_type_ in {"ORG", "FAC"}
                and doc[first - 1].text[:1].isupper()
                and doc[begin].ent_iob_ == "I"
            ):
                continue  # "Royal Flying Doctor Service": an org name runs through the title ("Tampa Captain Arne Rinnan" does not)
            # Country terms of the title phrase stay mentions of their own ("Indian" in "Indian Prime
            # Minister", "Israel" in "Israel's Prime Minister", "Pakistan" in "Prime Minister of Pakistan").
            named = {k for c, e in self.countries.items() if first <= c < end for k in range(c, e)}
            self.consumed.update(k for k in [*range(first, end), *range(begin, run)] if k not in named)
            self._title_countries(first, end)
            title = fold(doc[start:end].text)
            # "an official from Palestinian leader Yasser Arafat": the title right before the name is
            # his, not the one whose complement the name ends (whose role and country still hold)
            earlier = next((d for d in self.drafts if (d.start, d.end) == (begin, run)), None)
            if earlier is not None:
                self.drafts.remove(earlier)
                role = role or earlier.role
                complement_country = complement_country or earlier.country_code
            self.drafts.append(
                _Draft(
                    begin,
                    run,
                    "person",
                    country or complement_country,
                    role,
                    titled=True,
                    title=title,
                    rule="titled-person",
                    country_evidence=(evidence if country else "title") if country or complement_country else None,
                )
            )

    def _title_countries(self, first: int, end: int) -> None:
        """The country terms of a title phrase the model buried in a longer entity ("British Defence"
        read as one organisation in "British Defence Secretary Geoff Hoon"): mentions of their own,
        as the model's own entities for them ("Israeli" in "Israeli Prime Minister") will be."""
        for c, e in self.countries.items():
            ent = self.entity_starts.get(c)
            if first <= c < end and not (ent is not None and ent.end == e) and self.doc[c].ent_iob_ != "O":
                term = self.doc[c:e]
                draft = self._classify(term, "NORP" if fold(term.text) in self.lex.adjectives else "GPE")
                if draft is not None:
                    draft.rule = "title-country"
                    self.drafts.append(draft)
                    self.consumed.update(range(c, e))

    def _past_particles(self, i: int) -> int | None:
        """Past the lower-case name particles at token i ("de la", "bin", "van der") when a name
        token follows them; None when there are none or no name follows ("Ann Lee of Sydney")."""
        doc, particles = self.doc, self.lex.words["name_particle"]
        j = i
        while j < len(doc) and j - i < 3 and doc[j].text.islower() and doc[j].lower_ in particles:
            j += 1
        return j if j > i and j < len(doc) and _is_name_token(doc[j]) else None

    def _surname_title(self, i: int) -> bool:
        """Whether the one-word title at token i is a surname: capitalised and followed by no name of its own."""
        doc = self.doc
        return self.titles.get(i) == i + 1 and _is_name_token(doc[i]) and (i + 1 == len(doc) or not _is_name_token(doc[i + 1]))

    def appositions(self) -> None:
        """Country, role and title from an apposition: "his Indian counterpart, Atal Behari Vajpayee", "the
        head of the Palestinian Authority, Yasser Arafat", "John Howard, the Australian prime minister,",
        "Mr Downer, Australia's foreign minister," and "Ann Lee, a spokeswoman for the Israeli army,".
        People with a title of a role keep it; an honorific ("Mr") gives way to the apposition's."""
        doc = self.doc
        for d in self.drafts:
            if d.actor_type != "person" or (d.title and self.lex.titles.get(d.title)):
                continue
            before = self._title_before(d.start - 1) if d.start >= 2 and doc[d.start - 1].text == "," else None
            if before is not None:
                title_end, complement_country = before
                title_start = self.title_ends[title_end]
                first, country, role, _ = self._prefix(title_end)
                country = country or complement_country
                if country or (first > 0 and doc[first - 1].lower_ in self.lex.words["determiner"]):
                    self.qualifiers.update(range(first, title_end))
                    d.title, d.role = fold(doc[title_start:title_end].text), d.role or role
                    d.attest(country, "apposition")
                    continue
            i = d.end + 1
            if i < len(doc) and doc[d.end].text == ",":
                if i + 1 < len(doc) and doc[i].lower_ == "who" and doc[i + 1].lemma_ == "be":
                    i += 2  # "Tim Lee, who is the president of the Baptist Union,"
                i += i < len(doc) and doc[i].lower_ in self.lex.words["determiner"]
                country = None
                if i in self.countries and fold(doc[i : self.countries[i]].text) in self.lex.adjectives:
                    country, i = _country_of(doc[i : self.countries[i]].text), self.countries[i]
                elif i in self.countries and self.countries[i] < len(doc) and doc[self.countries[i]].text in POSSESSIVE:
                    country, i = _country_of(doc[i : self.countries[i]].text), self.countries[i] + 1  # "Australia's"
                end = self.titles.get(i)
                if end is not None and (end == len(doc) or not _is_name_token(doc[end])):
                    title = fold(doc[i:end].text)
                    complement = self._complement(end)
                    self.qualifiers.update(range(d.end, end))
                    country = country or (complement[1] if complement is not None else None)
                    d.title = title
                    d.attest(country or self.lex.title_countries.get(title), "apposition")
                    d.role = d.role or self.lex.titles.get(title) or None

    def _title_before(self, i: int) -> tuple[int, str | None] | None:
        """Where a title phrase ending at token i ends its title, and the country of its complement:
        "the Chinese leader" (no complement) or "the head of the Palestinian Authority"."""
        if i in self.title_ends:
            return i, None
        for end in range(max(0, i - MAX_COMPLEMENT_TOKENS), i):
            complement = self._complement(end) if end in self.title_ends else None
            if complement is not None and complement[0] == i:
                return end, complement[1]
        return None

    def entities(self) -> None:
        for ent in self.doc.ents:
            if any(i in self.consumed for i in range(ent.start, ent.end)):
                continue
            if ent.label_ in MISREAD_EVENT_LABELS and (trimmed := _trim(ent)) is not None:
                self._event_place(trimmed)  # "the Sydney Olympics", "the Brisbane Test" (read as a law)
            if ent.label_ not in ENT_LABELS:
                continue
            span, label = _trim(ent), ent.label_
            if span is not None and (dotted := _dotted_name(span)) is not None:
                span, label = dotted, "ORG"  # "One.Tel": a company name, never a person
            if span is not None and label == "PERSON":
                span = _person_part(_after_former(span))
            if span is None or _furniture(span) or _product(span):
                continue
            if label in {"ORG", "FAC"}:
                span = _extend_org(span)
                self.consumed.update(range(span.start, span.end))
            if label != "NORP" and _not_actor(span) and not (span.text.isupper() and lookup(span.text) is not None):
                # "under the Act" is a law; "the ACT" the territory
                self.non_actors.append(span)
                self._event_place(span)
                continue
            pair = _demonym_pair(span)
            if pair is not None:
                self.drafts.extend(replace(d, rule="hyphen-demonyms") for d in pair)
                continue
            draft = self._classify(span, label)
            if draft is not None:
                draft.rule = f"ner:{label}"
                self.drafts.append(draft)
        self._unlabelled_names()
        self._known_place_names()

    def _place_read_as_people(self, span: Span) -> bool:
        """A place the model took for a people or party: a known place by that name before a
        division word ("Chihuahua state") or after a locative preposition ("in Chihuahua")."""
        doc = self.doc
        placed = (span.end < len(doc) and doc[span.end].lower_ in self.lex.words["division_word"]) or _after_locative(doc, span.start)
        return placed and lookup(span.text) is not None

    def _event_place(self, span: Span) -> bool:
        """The place a named event is held at is a place mention ("the Melbourne Test", "the Sydney
        Olympics", "the Beijing Games"): the words before an event word, or the country term it opens
        with ("the Australian Formula One Grand Prix"), when they name a country or a place known by
        that name alone. Whether it found one."""
        if len(span) < 2 or self.lex.non_actor_words.get(fold(span[-1].text)) != "event":
            return False
        prefix = span[:-1]
        place = lookup(prefix.text)
        if place is None and span.start in self.countries and self.countries[span.start] < span.end - 1:
            prefix = self.doc[span.start : self.countries[span.start]]  # "the Australian Formula One Grand Prix"
            place = lookup(prefix.text)
        if place is None or not all(t.text[:1].isupper() for t in prefix) or not (_sizeable(place) or place.kind == "country"):
            return False
        draft = self._classify(prefix, "GPE") if place.kind == "country" else _Draft(prefix.start, prefix.end, "location")
        if draft is None:
            return False
        draft.rule = "event-place"
        self.drafts.append(draft)
        return True

    def _unlabelled_names(self) -> None:
        """A name the model gave no label, where the parse makes it a party to a clause ("Arnor
        denounced Gondor"): after a locative preposition a place the gazetteer knows, else classified as an organisation name would
        be, so a country or a known body is still recognised as one. Only names outside every other reading:
        not a group noun ("Rebels" opening a sentence) or a title, and not a common word unless it names
        a country ("United States")."""
        taken = self.consumed | {i for d in self.drafts for i in range(d.start, d.end)}
        taken |= {i for start, end in self.titles.items() for i in range(start, end)}
        for token in self.tokens:
            if not (token.pos_ == "PROPN" or self._name_tagged_noun(token)) or token.ent_type_ in ENT_LABELS or token.i in taken:
                continue
            if not token.text[:1].isupper():
                continue
            role_dep = token.dep_ if token.dep_ != "conj" else token.head.dep_
            if role_dep not in UNLABELLED_NAME_DEPS or _group_entry(token) is not None:
                continue
            start = token.i
            while (
                start > 0
                and self.doc[start - 1].dep_ == "compound"
                and self.doc[start - 1].pos_ == "PROPN"
                and start - 1 < self.doc[start - 1].head.i <= token.i
            ):
                start -= 1  # "New South Wales": compounds of the head or of each other, "tailender" not
            span = self.doc[start : token.i + 1]
            if any(t.i in taken or (t.pos_ != "PROPN" and t.i != token.i) for t in span):
                continue
            after_locative = _after_locative(self.doc, span.start)
            place = lookup(span.text) if after_locative else None
            if token.ent_iob_ != "O" and place is None:
                continue  # inside a name of a non-actor ("the first Test in Adelaide" read as a work of art): only a place
            well_known = place is not None and (place.kind != "city" or place.population >= MIN_PLACE_POPULATION)
            described = place is None and self._described_person(span)
            if common_word(token.text) and fold(span.text) not in self.lex.countries and not well_known and not described:
                continue  # a capitalised common word ("Unrest", "the second Test") is no unknown name; "in New South Wales" is
            if _furniture(span) or _product(span) or _not_actor(span):
                continue
            if place is not None and place.kind != "country":
                draft = _Draft(span.start, span.end, "location")
            elif described:
                draft = _Draft(span.start, span.end, "person")  # "New Zealand tailender Shane Bond"
            else:
                draft = self._classify(span, "ORG")
            if draft is not None:
                draft.rule = "unlabelled-name"
                self.drafts.append(draft)
                taken.update(range(span.start, span.end))

    def _described_person(self, span: Span) -> bool:
        """A first and last name after a country term and a few lower-case words describing the
        person ("New Zealand tailender Shane Bond", "Kenyan runner Eliud Kipchoge"), as news
        introduces people."""
        doc = self.doc
        if len(span) < 2 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.text[1:].islower() for t in span):
            return False
        k = _description_start(doc, span.start)
        return k < span.start and k in self.country_ends and doc[self.country_ends[k]].text[:1].isupper()

    def _name_tagged_noun(self, token: Token) -> bool:
        """A capitalised word inside a sentence that the tagger took for a common noun, after a
        locative preposition, that is no common English word: a name ("a fire at Appin")."""
        return (
            token.pos_ == "NOUN"
            and not token.is_sent_start
            and token.text[:1].isupper()
            and not token.text.isupper()
            and _after_locative(self.doc, token.i)
            and not common_word(token.text)
        )

    def _known_place_names(self) -> None:
        """A whole run of capitalised proper nouns that the model left outside every entity and
        that names a place known by that name alone (a country, a state or province, a capital, a
        city of MIN_PLACE_POPULATION), in any role: "the Southern Highlands of New South Wales",
        "the Queensland coast", "a fire ban in the ACT". Only the whole run: "Wales" in "New South
        Wales Rural Fire Service" is no place, nor a town inside a longer unknown name."""
        taken = self.consumed | {i for d in self.drafts for i in range(d.start, d.end)}
        taken |= {i for start, end in self.titles.items() for i in range(start, end)}

        def free(token: Token) -> bool:
            return token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in ENT_LABELS and token.i not in taken

        i = 0
        while i < len(self.doc):
            if not free(self.tokens[i]):
                i += 1
                continue
            end = i + 1
            while end < len(self.doc) and free(self.tokens[end]):
                end += 1
            span, i = self.doc[i:end], end
            if self._event_place(span):
                continue  # "the Perth Test"
            place = lookup(span.text)
            if place is None or not (_sizeable(place) or lexicon().capitals.get(fold(place.name)) == place.country_code):
                continue
            if _furniture(span) or (_not_actor(span) and not span.text.isupper()):
                continue  # "under the Act" is a law; "in the ACT" the territory
            draft = self._classify(span, "GPE") if place.kind == "country" else _Draft(span.start, span.end, "location")
            if draft is not None:
                draft.rule = "known-place-name"
                self.drafts.append(draft)

    def _classify(self, span: Span, label: str) -> _Draft | None:
        lex = self.lex
        text = fold(span.text)
        country = lex.countries.get(text) or _spelled_acronym_country(span.text)
        region = _region_of_demonym(span.text) if country is None and len(span) <= MAX_REGION_DEMONYM_TOKENS else None
        if region is not None:
            return _Draft(
                span.start, span.end, "location", region.country_code, canonical=region.name, kind="demonym", country_evidence="gazetteer"
            )
        if label == "NORP" and country is None and self._place_read_as_people(span):
            return _Draft(span.start, span.end, "location")  # "the governor of Chihuahua state"
        if label == "NORP":
            return _Draft(span.start, span.end, "country", country) if country else None
        if WEB_DOMAIN.match(span.text):
            # A site is its publisher, an organisation (never a place); cited in brackets, a media source.
            cited = span.start > 0 and self.doc[span.start - 1].text in OPEN_BRACKETS
            return _Draft(span.start, span.end, "organization", _domain_country(span.text), "MED" if cited else None)
        if country and label in {"GPE", "ORG", "LOC", "FAC", "PERSON"}:  # "the Vatican" (FAC) said
            return _Draft(span.start, span.end, "country", country)
        if label in {"ORG", "FAC"} and (landmark := lookup(span.text)) is not None and landmark.kind == LANDMARK_KIND:
            return _Draft(span.start, span.end, "location")  # "the World Trade Centre", "the SCG": a place, not a body
        head_role = lex.org_types.get(span.root.lower_)
        if label == "PERSON" and head_role is not None:
            # Named after a person, but an airport is a place and a university an organisation.
            if head_role == PLACE_ROLE:
                return _Draft(span.start, span.end, "location")
            label = "ORG"
        if label == "PERSON" and fold(span[0].text) in lex.words["place_modifier"] | lex.words["landmark"]:
            return _Draft(span.start, span.end, "location")  # "Greater Sydney", "North Ossetia"
        if label == "PERSON" and span.start > 0 and self.doc[span.start - 1].lower_ == "the" and span.root.dep_ not in MODIFIER_DEPS:
            return None  # "the Majlis", "the Order of ...": a name after "the" is an institution or a thing
        if label == "PERSON":
            # "Brazilian Protests Grow" (a title-case headline): a country adjective is no first name.
            end = self.countries.get(span.start)
            if end is not None and end < span.end and fold(self.doc[span.start : end].text) in lex.adjectives:
                return _Draft(span.start, end, "country", lex.countries[fold(self.doc[span.start : end].text)])
            return _Draft(span.start, span.end, "person")
        role, org_country = _org_role_country(span)
        if role == PLACE_ROLE or (role is None and fold(span[0].text) in lex.words["landmark"]):  # "Royal National Park", "Mt Isa"
            return _Draft(span.start, span.end, "location")
        if text in lex.org_types:
            return None  # "the Government": a common noun, a generic group's (`_groups`); "the Australian Government" is named
        known = _known_org(span.text)
        if label == "ORG" and len(span) == 1 and span.root.tag_ == "JJ" and role is None and not known:
            return None  # "an Aboriginal boy": an adjective spaCy took for an organisation
        if label == "ORG" or (label == "FAC" and role is not None):
            return _Draft(span.start, span.end, "organization", org_country, role, canonical=known[0] if known else None)
        return _Draft(span.start, span.end, "location")

    def descriptors(self, drafts: list[_Draft]) -> list[_Draft]:
        """ "the [demonym] <title> [of <country>]" with no name after it -> the person it describes.
        "his Azerbaijani counterpart" (a word of kind counterpart, after any determiner) holds the
        title of the person it is the counterpart of, the latest titled one before it in its sentence,
        in its own country: the President of Azerbaijan beside "Turkish President Erdogan"."""
        doc, lex = self.doc, self.lex
        people: dict[str, _Profile] = {}
        for d in drafts:
            if d.actor_type == "person" and d.canonical:
                profile = people.setdefault(d.canonical, _Profile())
                profile.positions.append(d.start)
                if d.title:
                    profile.titles.add(lex.title_same_as.get(d.title, d.title))
                if d.country_code:
                    profile.countries[d.country_code] += 1
                if d.role:
                    profile.roles[d.role] += 1
                clause = _clause(doc[d.start : d.end].root)
                if clause is not None:
                    profile.clauses.add(clause)
        covered = {i for d in drafts if d.actor_type != "country" for i in range(d.start, d.end)}
        found: list[_Draft] = []
        for token in self.tokens:
            if token.lower_ not in lex.words["determiner"] or token.i + 1 in covered or token.i + 1 in self.qualifiers:
                continue
            start = i = token.i + 1
            country = None
            if i in self.countries and fold(doc[i : self.countries[i]].text) in lex.adjectives:
                country, i = _country_of(doc[i : self.countries[i]].text), self.countries[i]
            end = self.titles.get(i)
            counterpart = end is not None and fold(doc[i:end].text) in lex.words["counterpart"]
            if not counterpart and token.lower_ != "the":
                continue  # "his minister": only a counterpart is known by whose it is
            if end is None or (
                end < len(doc) and (_is_name_token(doc[end]) or doc[end].pos_ in {"NOUN", "PROPN"} and doc[end].text not in POSSESSIVE)
            ):
                continue  # a name follows (handled as a titled person) or the title is a modifier
            if country is None and end + 1 < len(doc) and doc[end].lower_ == "of" and end + 1 in self.countries:
                country = _country_of(doc[end + 1 : self.countries[end + 1]].text)
            title = fold(doc[i:end].text)
            if counterpart:
                title = self._counterpart_title(drafts + found, token.i)
                if title is None or country is None:
                    continue
            same_as = lex.title_same_as.get(title, title)
            person = _describe(people, same_as, country, token.i)
            if person is None and country is not None:
                person = _head_of_country(people, same_as, country, token.i, _clause(doc[start:end].root))
            if person is not None:
                profile = people[person]
                if country is not None:
                    profile.countries[country] += 1  # later descriptors of this country find the person directly
                found.append(
                    _Draft(
                        start,
                        end,
                        "person",
                        country or most_common(profile.countries),
                        most_common(profile.roles),
                        person,
                        title=title,
                        kind="descriptor",
                        rule="descriptor",
                        country_evidence="title" if country else ("article" if profile.countries else None),
                    )
                )
                self.qualifiers.update(range(start, end))
            elif not _may_hold(people, same_as, country) and (holder := _unnamed_holder(start, end, title, country)) is not None:
                found.append(holder)
                self.qualifiers.update(range(start, end))
        return found

    def _counterpart_title(self, drafts: list[_Draft], at: int) -> str | None:
        """The title of the latest person before token `at` in its sentence who holds a title of a role."""
        sentence_start = self.doc[at].sent.start
        titled = [
            d for d in drafts if d.actor_type == "person" and d.title and self.lex.titles.get(d.title) and sentence_start <= d.start < at
        ]
        return titled[-1].title if titled else None

    def affiliations(self, drafts: list[_Draft]) -> None:
        """Countries from what a name is written with, for people and organisations that have none.

        A possessive right before the name: "China's Xi" (a country's possessive, like a demonym
        before a title, is then no country mention of its own), "the Bureau of Meteorology's Ann
        Lee", "New York's Police Department". For people also a country adjective right before the
        name ("American Ann Lee", "the Australian, Ann Lee") and an organisation or place after
        "of"/"from" ("Ann Lee of the Australian Labor Party", "Ann Lee, from the Rural Fire Service")."""
        doc, lex = self.doc, self.lex
        by_end = {d.end: d for d in drafts if d.actor_type in {"country", "organization", "location"}}
        by_start = {d.start: d for d in drafts if d.actor_type in {"country", "organization", "location"}}
        for d in drafts:
            if d.actor_type not in {"person", "organization"} or d.kind != "name" or d.country_code:
                continue
            owner = by_end.get(d.start - 1) if d.start > 0 and doc[d.start - 1].text in POSSESSIVE else None
            if owner is not None and not (owner.actor_type == "country" and fold(doc[owner.start : owner.end].text) in lex.adjectives):
                d.attest(_draft_country(owner, doc), "affiliation")
            if d.country_code or d.actor_type != "person":
                continue
            comma = d.start > 0 and doc[d.start - 1].text == ","
            demonym = by_end.get(d.start - comma)
            if demonym is not None and demonym.actor_type == "country" and fold(doc[demonym.start : demonym.end].text) in lex.adjectives:
                if not comma or (demonym.start > 0 and doc[demonym.start - 1].lower_ in lex.words["determiner"]):
                    d.attest(demonym.country_code, "demonym")
                    continue
            i = d.end + (d.end < len(doc) and doc[d.end].text == ",")
            if i + 1 < len(doc) and doc[i].lower_ in lex.words["affiliation"]:
                j = i + 1 + (doc[i + 1].lower_ in lex.words["determiner"])
                if (affiliate := by_start.get(j)) is not None:
                    d.attest(_draft_country(affiliate, doc), "affiliation")
            if not d.country_code:
                d.attest(*self._described_country(d, by_end))
        # "Swiss pair Martina Hingis and Roger Federer": a name joined to one that a country describes
        people = {doc[d.start : d.end].root.i: d for d in drafts if d.actor_type == "person" and d.kind == "name"}
        for d in people.values():
            root = doc[d.start : d.end].root
            head = people.get(root.head.i) if root.dep_ == "conj" else None
            if head is not None and head.country_evidence == "demonym":
                d.attest(head.country_code, "demonym")

    def _described_country(self, d: _Draft, by_end: Mapping[int, _Draft]) -> tuple[str | None, CountryEvidence]:
        """The country of a country term before a few lower-case words describing the person named
        next ("New Zealand tailender Shane Bond", "Swiss pair Martina Hingis"), or describing the
        group the person is "of" ("the United States team of Monica Seles"), given by the demonym;
        or of an organisation of a country there ("Federal Bureau of Investigation agent Ann Lee"),
        given by the affiliation."""
        doc, end = self.doc, d.start
        root = doc[d.start : d.end].root
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.i == end - 1 and root.head.head.i == end - 2:
            end -= 1  # the group noun right before "of"
        k = _description_start(doc, end)
        term = by_end.get(k) if k < end else None
        if term is not None and term.actor_type == "country":
            return term.country_code, "demonym"
        if term is None and k < end and (owner := self._possessor_country(k)) is not None:
            return owner, "affiliation"  # "the Russian president's foreign policy adviser Yuri Ushakov"
        return (term.country_code if term is not None and term.actor_type == "organization" else None), "affiliation"

    def acronyms(self) -> dict[str, _Draft | None]:
        """ "Long Name (LN)" or "Long Name's (LN)": the acronym stands for what the long name does,
        here and later on: an organisation or place (None: a named non-actor such as an initiative)."""
        doc = self.doc
        found: dict[str, _Draft | None] = {}
        expansions: list[tuple[int, _Draft | None]] = [(d.end, d) for d in self.drafts if d.actor_type != "person"]
        for e, draft in expansions + [(span.end, None) for span in self.non_actors]:
            e += e < len(doc) and doc[e].text in POSSESSIVE
            if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")":
                acronym = doc[e + 1].text
                if ACRONYM.match(acronym) and sum(ch.isupper() for ch in acronym) >= 2:
                    if draft is not None:
                        draft.canonical = draft.canonical or clean_name(doc[draft.start : draft.end].text)
                    found[acronym] = draft
        return found


def _description_start(doc: Doc, end: int) -> int:
    """Where the few lower-case words describing what is named at `end` start ("tailender" in "New
    Zealand tailender Shane Bond"); `end` when there are none."""
    k = end
    while k > 0 and end - k < MAX_DESCRIPTION_WORDS and doc[k - 1].pos_ in ("NOUN", "ADJ") and doc[k - 1].text.islower():
        k -= 1
    return k


def _extend_org(span: Span) -> Span:
    """Run an organisation name on through "of"/"for"/"on" (and, once inside such a complement,
    "and") plus capitalised words that spaCy left outside any entity; "in" only before a continent;
    glued hyphen parts ("Co-operation"); a number word after a broadcaster word ("Channel Nine"). Sentence ends, lower-case words and other entities stop it."""
    doc = span.doc
    end = span.end
    if end < len(doc) and lexicon().org_types.get(doc[end - 1].lower_) == "MED" and doc[end].like_num and doc[end].text.istitle():
        end += 1  # "Channel Nine", "Network Ten"
    inside = any(t.lower_ in lexicon().words["org_continuer"] for t in span)
    while end + 1 < len(doc):
        if doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
            if doc[end + 1].text.islower() and not doc[end - 1].text[-1:].islower():
                break  # "UN-brokered", "US-led": the name, then what it did
            end += 2  # a hyphenated word spaCy cut in two: "Co-operation"
            continue
        link, nxt = doc[end], doc[end + 1]
        if link.is_sent_start or nxt.is_sent_start or not nxt.text[:1].isupper() or nxt.pos_ not in {"PROPN", "NOUN", "ADJ"}:
            break
        if link.lower_ == "in":
            place = lookup(nxt.text) if nxt.ent_type_ == "LOC" else None
            if place is None or place.kind != "continent":
                break
        elif not (link.lower_ in lexicon().words["org_continuer"] or (link.lower_ == "and" and inside)) or nxt.ent_type_:
            break
        inside = inside or link.lower_ in lexicon().words["org_continuer"]
        end += 2
        while (
            end < len(doc)
            and not doc[end].is_sent_start
            and not doc[end].ent_type_
            and doc[end].text[:1].isupper()
            and doc[end].pos_ in {"PROPN", "NOUN", "ADJ"}
        ):
            end += 1
    return doc[span.start : end]


def _not_actor(span: Span) -> bool:
    """A named document, event or disease: "Belt and Road Initiative", "Gulf War", "COVID-19 pandemic".

    The head word decides, unless an organisation word precedes it ("Ministry of War"); a one-word
    name qualifying a disease word ("the COVID-19 pandemic") is the disease."""
    lex = lexicon()
    words = [fold(t.text) for t in span]
    text = " ".join(words)
    if text in lex.countries or text in lex.known_orgs:
        return False
    if text in lex.non_actor_words or (
        words[-1] in lex.non_actor_words and not any(lex.org_types.get(w, PLACE_ROLE) != PLACE_ROLE for w in words[:-1])
    ):
        return True
    root = span.root
    return (
        len(span) == 1 and root.dep_ in MODIFIER_DEPS and root.head.i >= span.end and lex.non_actor_words.get(root.head.lower_) == "disease"
    )


def _demonym_pair(span: Span) -> list[_Draft] | None:
    """ "Indo-Pakistani", "Sino-Russian": hyphen-joined country adjectives name the countries that
    are adjectives (prefixes such as "Sino" none), never an organisation."""
    lex = lexicon()
    parts = [t for t in span if t.text not in HYPHENS]
    if len(parts) < 2 or len(parts) == len(span) or fold(parts[-1].text) not in lex.adjectives:
        return None
    return [_Draft(t.i, t.i + 1, "country", lex.countries[fold(t.text)]) for t in parts if fold(t.text) in lex.adjectives]


def _domain_country(domain: str) -> str | None:
    """The country of a country-code top-level domain ("akorda.kz" -> KAZ); none for .com or .tv."""
    tld = domain.rsplit(".", 1)[-1].lower()
    if len(tld) != 2 or tld in lexicon().words["generic_cctld"]:
        return None
    country = pycountry.countries.get(alpha_2="GB" if tld == "uk" else tld.upper())
    return country.alpha_3 if country is not None else None


def _person_part(span: Span) -> Span:
    """A person's name ends before "of"/"and" or a verb: "Shane Bradford of Ballidu", "Ann Lee and
    Bob", "Xi Stopping By" (a title-case headline)."""
    for token in span[1:]:
        if token.lower_ in lexicon().words["org_continuer"] or token.lower_ == "and" or token.pos_ == "VERB":
            return span.doc[span.start : token.i]
    return span


def _after_former(span: Span) -> Span:
    """ "former Beatle George Harrison", "ex-Wallaby John Eales": the word after "former" is a role
    that spaCy took for a first name, when a full name still follows it."""
    doc, start, former = span.doc, span.start, lexicon().words["former"]
    if span[0].lower_ in former:
        start += 1
    elif not (
        start > 0 and doc[start - 1].lower_ in former or start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ in former
    ):
        return span
    return doc[start + 1 : span.end] if span.end - start >= 3 else doc[start : span.end]


def _trim(span: Span) -> Span | None:
    start, end = span.start, span.end
    doc, words = span.doc, lexicon().words
    connectors = words["name_connector"]
    while start < end and (doc[start].lower_ in words["leading_drop"] or doc[start].is_punct or doc[start].is_space):
        start += 1
    # A capitalised sentence opener glued to a country ("Tiny Vatican and Chinese flags"), but no
    # compass word: "South Australian police" names a state.
    if (
        end - start >= 2
        and doc[start].pos_ != "PROPN"
        and doc[start].lower_ not in words["compass"]
        and fold(doc[start + 1 : end].text) in lexicon().countries
    ):
        start += 1
    # A lower-case word that cannot sit inside a name ends it: "Eden is Grundig", "Dora village".
    for i in range(start + 1, end):
        if doc[i].text in OPEN_BRACKETS:
            end = i
            break
        infix = doc[i - 1].text == "-" and i + 1 < end and doc[i + 1].text == "-"  # "Lashkar-e-Taiba"
        # "the" sits in a name only after a connector ("Bank of the West"): "told Channel Nine the Government".
        stray_the = doc[i].text == "the" and doc[i - 1].lower_ not in connectors
        if doc[i].text[:1].islower() and (doc[i].lower_ not in connectors or stray_the) and not infix:
            end = i
            break
    while end > start and (
        doc[end - 1].text in POSSESSIVE
        or doc[end - 1].is_space
        or (doc[end - 1].is_punct and doc[end - 1].text != ".")
        or (doc[end - 1].like_num and not doc[end - 1].is_alpha)  # "Glenn McGrath 2", but "Channel Nine"
        or doc[end - 1].lower_ in connectors
    ):
        end -= 1
    return doc[start:end] if end > start else None


def clean_name(text: str) -> str:
    """A name as written, with its runs of whitespace (line breaks too) collapsed to one space."""
    return " ".join(text.split())


def _name_parts(name: str) -> list[str]:
    parts = [p for p in name.split() if fold(p) not in lexicon().words["name_suffix"]]
    return parts or name.split()


def _link_people(drafts: list[_Draft], doc: Doc) -> None:
    """Give short person mentions the full name they refer to, and re-type stray name parts."""
    full: Counter[str] = Counter()
    for d in drafts:
        if d.actor_type == "person" and d.end - d.start >= 2:
            full[clean_name(doc[d.start : d.end].text)] += 1
    # "Rodriguez Saa" is "Adolfo Rodriguez Saa" when that is the only longer name ending so; "John Paul"
    # is "John Paul II" when that is the only name adding a suffix.
    tails: dict[str, str] = {}
    for name in full:
        longer = [n for n in full if n.endswith(" " + name) or (n != name and _name_parts(n) == name.split())]  # "John Paul II"
        if len(longer) == 1:
            tails[name] = longer[0]
    for name, longer in tails.items():
        full[longer] += full.pop(name)
    by_surname: dict[str, set[str]] = {}
    by_first: dict[str, set[str]] = {}
    for name in full:
        parts = _name_parts(name)
        if len(parts) >= 2:
            by_surname.setdefault(fold(parts[-1]), set()).add(name)
            by_first.setdefault(fold(parts[0]), set()).add(name)
    for d in drafts:
        text = clean_name(doc[d.start : d.end].text)
        if d.actor_type == "person" and text in tails:
            d.canonical = d.canonical or tails[text]
            continue
        if d.actor_type == "country" or text in full:
            d.canonical = d.canonical or text
            continue
        key = fold(text)
        parts = text.split()
        if len(parts) >= 2 and d.actor_type == "person":
            # "Mikhail Gorbachev" inside "Mikhail Sergeyevich Gorbachev": same first and last name.
            matches = {n for n in by_surname.get(fold(parts[-1]), ()) if fold(_name_parts(n)[0]) == fold(parts[0])}
        else:
            matches = by_surname.get(key) or by_first.get(key) or set()
        if (
            d.actor_type in {"person", "organization", "location"}
            and len(parts) == 1
            and matches
            and not d.titled
            and not _known_place(text)
        ):
            if d.actor_type != "location" or len(matches) == 1:
                d.actor_type = "person"
                d.revise("part-of-a-full-name")
        best = dominant(matches, full)
        if best is not None and d.actor_type == "person":
            d.canonical = best
        d.canonical = d.canonical or text


def _title_names(drafts: list[_Draft]) -> None:
    """A pope or king is known by title and given name: "Pope Benedict", not "Benedict"."""
    lex = lexicon()
    prefixes: dict[str, str] = {}
    for d in drafts:
        if d.titled and d.title in lex.name_titles and d.canonical:
            prefixes.setdefault(d.canonical, d.title.title())
    for d in drafts:
        prefix = prefixes.get(d.canonical or "") if d.actor_type == "person" else None
        if prefix and not fold(d.canonical or "").startswith(fold(prefix) + " "):
            d.canonical = f"{prefix} {d.canonical}"


def _people_among_orgs(drafts: list[_Draft], doc: Doc) -> None:
    """An "organisation" of plain name words (no organisation or country word) is a person on human
    evidence: two or three words coordinated with a person ("batsmen Makhaya Ntini and Nanti Hayward",
    repeated so that chains of names follow), after an organisation's possessive ("the Wilderness
    Society's Lyndon Schneiders"), with a last word that is a titled person's name in the article
    ("Roy Whiting" ... "Mr Whiting") or the subject of a verb of speech ("Ann Lee said"; companies speak
    too, so never a one-word name nor "... said in a statement"); any length followed by ", who" or in
    apposition with a person title ("Hewitt, the world number one")."""
    titled = {fold(doc[d.start : d.end].text) for d in drafts if d.titled and d.end - d.start == 1}
    candidates = [
        d for d in drafts if d.actor_type == "organization" and not (d.role or d.canonical or d.country_code) and d.kind == "name"
    ]
    candidates = [d for d in candidates if d.end - d.start <= 3 and all(_plain_name_word(t) for t in doc[d.start : d.end])]
    changed = True
    while changed:
        changed = False
        people = {i for d in drafts if d.actor_type == "person" for i in range(d.start, d.end)}
        orgs = {i for d in drafts if d.actor_type == "organization" for i in range(d.start, d.end)}
        for d in candidates:
            span = doc[d.start : d.end]
            if d.actor_type != "organization":
                continue
            root = span.root
            several = len(span) >= 2
            coordinated = (root.dep_ == "conj" and root.head.i in people) or any(c.dep_ == "conj" and c.i in people for c in root.children)
            owned = d.start >= 2 and doc[d.start - 1].text in POSSESSIVE and d.start - 2 in orgs
            if (several and (coordinated or owned or fold(span[-1].text) in titled or _speaks(root))) or _human_apposition(span):
                d.actor_type, changed = "person", True
                d.revise("person-among-orgs")


def _plain_name_word(token: Token) -> bool:
    lex = lexicon()
    return token.is_alpha and token.text.istitle() and token.lower_ not in lex.org_types and fold(token.text) not in lex.countries


def _speaks(root: Token) -> bool:
    """The subject of a verb of speech, not speaking "in a statement" (which organisations issue)."""
    head, words = root.head, lexicon().words
    return root.dep_ == "nsubj" and head.lemma_ in words["speech_verb"] and not any(t.lower_ in words["release_word"] for t in head.subtree)


def _human_apposition(span: Span) -> bool:
    """ "Hewitt, who ...", "Hewitt, the world number one,": a relative "who" or a person title after the name."""
    doc, lex = span.doc, lexicon()
    if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ in {"who", "whose", "whom"}:
        return True
    return any(c.dep_ == "appos" and c.i >= span.end and (c.lower_ in lex.titles or c.lemma_ in lex.titles) for c in span.root.children)


def _groups_among_people(drafts: list[_Draft], doc: Doc, tokens: Sequence[Token]) -> None:
    """An untitled "person" that names a group is an organisation: where the name qualifies a group noun
    ("the Ansar al-Islam group", "the Likud party"), or has an organisation word in apposition ("Batasuna,
    a political party,"), at any of its occurrences in the article (spaCy may tag only another one).
    Government words are left out: "the Obama administration" is about Obama."""
    names: dict[tuple[str, ...], list[_Draft]] = {}
    for d in drafts:
        if d.actor_type == "person" and not d.titled and d.kind == "name":
            names.setdefault(tuple(t.text for t in doc[d.start : d.end]), []).append(d)
    at: dict[str, list[int]] = defaultdict(list)  # where each word stands: one pass, not one per name
    for token in tokens:
        at[token.text].append(token.i)
    for words, found in names.items():
        occurrences = (doc[i : i + len(words)] for i in at[words[0]] if i + len(words) <= len(doc))
        roles = [_group_role(span) for span in occurrences if tuple(t.text for t in span) == words]
        role = next((r for r in roles if r is not None), None)
        if role is not None:
            for d in found:
                d.actor_type, d.role = "organization", role or None
                d.revise("group-name")


def _group_role(span: Span) -> str | None:
    """The role of the group noun a name qualifies or has in apposition ("" for none); None when neither."""
    lex, root = lexicon(), span.root
    if root.dep_ in MODIFIER_DEPS - {"poss"} and root.head.i >= span.end and root.head.lower_ in lex.words["group_noun"]:
        return "" if root.head.lower_ == "group" else lex.org_types.get(root.head.lower_, "")  # a "group" may be no business
    for c in root.children:
        if c.dep_ == "appos" and c.i >= span.end and lex.org_types.get(c.lower_) not in {None, PLACE_ROLE, "GOV"}:
            return lex.org_types[c.lower_]
    return None


def _listed_orgs(drafts: list[_Draft], doc: Doc) -> list[_Draft]:
    """Listed organisations NER missed or took for a place or person ("the Kremlin said", "the
    White House"): the listed name is the organisation, with its role and country."""
    lex = lexicon()
    found = []
    for _, start, end in _matchers(doc.vocab).orgs(doc):
        name, role, country = lex.known_orgs[fold(doc[start:end].text)]
        overlapping = [d for d in drafts if d.start < end and start < d.end]
        if all(d.actor_type in ("location", "person") and d.start >= start and d.end <= end for d in overlapping):
            drafts[:] = [d for d in drafts if d not in overlapping]
            found.append(_Draft(start, end, "organization", country, role, name, rule="listed-org"))
    return sorted(drafts + found, key=lambda d: (d.start, d.end))


def _capitals_as_governments(drafts: list[_Draft], doc: Doc) -> None:
    """A national capital that speaks or acts as a government stands for its country's government:
    the subject of a verb, or the possessor of a noun, of governing ("Washington said", "Beijing's
    decision", words in entity_words.csv kind government_act); elsewhere it is the city ("in
    Washington", "Canberra was founded", "Beijing's streets")."""
    lex = lexicon()
    acts = lex.words["government_act"]
    for d in drafts:
        root = doc[d.start : d.end].root
        acting = root.dep_ in ("nsubj", "poss") and root.head.lemma_.lower() in acts
        if d.actor_type == "location" and acting:
            country = lex.capitals.get(fold(doc[d.start : d.end].text))
            if country is not None:
                d.actor_type, d.country_code, d.role, d.canonical = "country", country, "GOV", None
                d.revise("capital-as-government")


def _orgs_as_places(drafts: list[_Draft], doc: Doc) -> None:
    """An "organisation" with no organisation word that the article uses as a place is one: half its uses
    name a place ("the suburb of Sandton", "the Vltava river", "Sandton's streets") or follow a locative
    preposition, one of them naming a place; or two uses or more, all after "in"/"near" ("in Soweto")."""
    uses: dict[str, list[_Draft]] = {}
    for d in drafts:
        text = doc[d.start : d.end].text
        if d.actor_type == "organization" and d.kind == "name" and not (d.role or d.canonical) and not text.isupper():
            uses.setdefault(fold(text), []).append(d)
    for found in uses.values():
        named = sum(_names_a_place(doc[d.start : d.end]) for d in found)
        located = sum(_after_locative(doc, d.start) for d in found)
        within = sum(d.start > 0 and doc[d.start - 1].lower_ in {"in", "near"} and not _possessed(doc, d.end) for d in found)
        if (named and 2 * (named + located) >= len(found)) or (len(found) >= 2 and within == len(found)):
            for d in found:
                d.actor_type = "location"
                d.revise("org-as-place")


def _draft_country(d: _Draft, doc: Doc) -> str | None:
    """A country, organisation or place draft's country; a place's from the gazetteer, whatever its size
    (the text already names it as a place)."""
    if d.country_code or d.actor_type != "location":
        return d.country_code
    place = lookup(d.canonical or doc[d.start : d.end].text)
    return place.country_code if place is not None else None


def _possessed(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].text in POSSESSIVE


def _known_place(name: str) -> bool:
    place = lookup(name)
    return place is not None and _sizeable(place)


def most_common(counter: Counter[str]) -> str | None:
    """The most counted key, alphabetically first on ties; None for an empty counter."""
    return min(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0] if counter else None


def dominant(candidates: Iterable[str], counts: Mapping[str, int]) -> str | None:
    """The one candidate, or the one mentioned more than twice as often as all others together."""
    ranked = sorted(candidates, key=lambda c: (-counts[c], c))
    if not ranked:
        return None
    rest = sum(counts[c] for c in ranked[1:])
    return ranked[0] if counts[ranked[0]] > 2 * rest else None


def _full_name_parts(drafts: list[_Draft], doc: Doc) -> Counter[str]:
    """Folded words of the article's person names of two or more words, each with how many
    distinct such names hold it."""
    names = {doc[d.start : d.end].text for d in drafts if d.actor_type == "person"}
    return Counter(p for name in names if len(name.split()) >= 2 for p in {fold(w) for w in name.split()})


def _after_bearing(doc: Doc, i: int) -> bool:
    """After a bearing: "north of X", "south-west of X"."""
    return i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in lexicon().words["compass"]


def _after_locative(doc: Doc, i: int) -> bool:
    """After a locative preposition ("near X", "nearby X"), or a bearing ("north of X", "south-west of X")."""
    words = lexicon().words
    if _after_bearing(doc, i):
        return True
    return i > 0 and doc[i - 1].lower_ in words["locative"] and not (i > 1 and doc[i - 2].lower_ in words["not_locative_before"])


def _listed_with_places(span: Span, places: set[int]) -> bool:
    """A name coordinated with a place is listed as one: "Mudgee, Narromine and Kempsey"."""
    root = span.root
    linked = [root.head] if root.dep_ == "conj" else []
    linked += [c for c in root.children if c.dep_ == "conj"]
    return any(t.i in places for t in linked)


def _names_a_place(span: Span) -> bool:
    """A name qualifying a place noun ("the Tora Bora caves") or after "<place noun> of" ("the town of Hill Top")."""
    lex = lexicon()
    root, before = span.root, span.doc[span.start - 1] if span.start > 0 else None
    if root.dep_ in MODIFIER_DEPS and root.head.i >= span.end and lex.org_types.get(root.head.lower_) == PLACE_ROLE:
        return True
    return before is not None and before.lower_ == "of" and lex.org_types.get(before.head.lower_) == PLACE_ROLE


def _drop_stray_names(drafts: list[_Draft], doc: Doc) -> list[_Draft]:
    """Untitled "person" names that the article mostly uses as places, and that are no part of a
    fuller name: a place when one use names a place ("the Tora Bora caves", "the town of Hill
    Top", or is typed a place) and, for one-word names, at least half its uses name a place or
    follow a locative ("around Hilltop"); dropped when one word only ever after locative prepositions
    ("troops to Karabakh"): more likely a place the gazetteer lacks, better left out than mistyped."""
    name_parts = _full_name_parts(drafts, doc)
    names: dict[str, list[_Draft]] = {}
    places: Counter[str] = Counter()  # the same name typed as a place elsewhere in the article
    for d in drafts:
        if d.actor_type == "person" and d.kind == "name":
            names.setdefault(fold(doc[d.start : d.end].text), []).append(d)
        elif d.actor_type == "location" and d.kind == "name":
            places[fold(doc[d.start : d.end].text)] += 1
    stray: set[int] = set()
    for name, found in names.items():
        if any(d.titled for d in found) or (" " not in name and name in name_parts):
            continue
        place = [_names_a_place(doc[d.start : d.end]) for d in found]
        located = sum(p or _after_locative(doc, d.start) for p, d in zip(place, found, strict=True)) + places[name]
        if (any(place) or places[name]) and (" " in name or 2 * located >= len(found) + places[name]):
            for d in found:
                d.actor_type = "location"
                d.revise("stray-name-as-place")
        elif located == len(found) and " " not in name:
            stray.update(id(d) for d in found)
    return [d for d in drafts if id(d) not in stray]


def _names_as_places(drafts: list[_Draft], doc: Doc, context: set[str]) -> None:
    """An untitled "person", or an "organisation" with no organisation word, that is a known place
    and no part of a person's full name, is a place.

    Countries, states and national capitals always; cities when big, or sizeable and after a locative preposition or
    listed with places; in a country the article is set in (`_context_countries`) the threshold
    shrinks tenfold ("Hobart" in a story on Australia), and after a locative or in a list any town
    of it will do ("near Goulburn", "Mudgee, Narromine and Kempsey").
    """
    name_parts = _full_name_parts(drafts, doc)
    places = {i for d in drafts if d.actor_type in ("location", "country") for i in range(d.start, d.end)}
    for d in drafts:
        if d.titled or d.end - d.start > 3 or d.kind != "name":
            continue
        if not (d.actor_type == "person" or (d.actor_type == "organization" and d.role is None and d.canonical is None)):
            continue
        text = doc[d.start : d.end].text
        own = 1 if d.actor_type == "person" and len(text.split()) >= 2 else 0
        # a word of another person's full name: "Alice Springs" is the town, unless "Alice Smith" is in the story
        if any(name_parts[fold(p)] > own for p in text.split()):
            continue
        place = lookup(text, context)
        if place is None:
            continue
        after_prep = _after_locative(doc, d.start) or _listed_with_places(doc[d.start : d.end], places)
        threshold = MIN_PLACE_POPULATION if after_prep else MIN_BARE_PLACE_POPULATION
        if _after_bearing(doc, d.start):
            threshold = 0  # "100 kilometres west of Alice Springs": only a place lies west of anything
        elif place.country_code in context:
            # a town of the article's country after "near" or in a list of places is that town
            threshold = 0 if after_prep else threshold // CONTEXT_PLACE_FACTOR
        capital = lexicon().capitals.get(fold(place.name)) == place.country_code  # "Canberra", "Washington": known by all
        if place.kind != "city" or place.population >= threshold or capital:
            d.actor_type = "country" if place.kind == "country" else "location"
            d.revise("name-as-place")
            places.update(range(d.start, d.end))


def find_mentions(doc: Doc, article_id: str, sentences: Sequence[tuple[str, int, int]]) -> list[EntityMention]:
    """All actor mentions in one parsed article, in text order, each linked to an article-local canonical name."""
    builder = _Builder(doc)
    builder.titled_people()
    builder.entities()
    drafts = sorted(builder.drafts, key=lambda d: (d.start, d.end))
    acronyms = builder.acronyms()
    if acronyms:
        drafts = _expand_acronyms(drafts, acronyms, doc, builder.tokens)
    builder.appositions()
    drafts = _joined_places(drafts, doc)
    _division_short_forms(drafts, doc)
    _towns_with_their_divisions(drafts, doc)
    located = [(d, lookup(d.canonical or clean_name(doc[d.start : d.end].text))) for d in drafts if d.actor_type == "location"]
    _countries_as_divisions(drafts, doc, located)
    context = _context_countries(drafts, located)
    _names_as_places(drafts, doc, context)
    _people_among_orgs(drafts, doc)
    _groups_among_people(drafts, doc, builder.tokens)
    _orgs_as_places(drafts, doc)
    drafts = _listed_orgs(drafts, doc)
    _capitals_as_governments(drafts, doc)
    drafts = _drop_stray_names(drafts, doc)
    _link_people(drafts, doc)
    _title_names(drafts)
    marks = _setting_marks(drafts, located)
    # What the text writes a name with comes before the setting ("New York's Police Department" in a
    # story set in Australia), and the setting of an office before the people written with it ("the
    # Bureau of Meteorology's Ann Lee"): affiliations, offices at home, affiliations again.
    builder.affiliations(drafts)
    _offices_at_home(drafts, marks, "organization")
    builder.affiliations(drafts)
    _titles_of_named_orgs(drafts, doc)
    drafts = sorted(drafts + builder.descriptors(drafts), key=lambda d: (d.start, d.end))
    drafts = sorted(drafts + _pronouns(drafts, doc, builder.tokens) + _groups(drafts, doc, builder.tokens), key=lambda d: (d.start, d.end))
    drafts = sorted(drafts + _org_descriptors(drafts, doc, builder.tokens), key=lambda d: (d.start, d.end))
    _offices_at_home(drafts, marks, "person")  # last: what the text says of a person, descriptors included, comes first
    starts = [s for _, s, _ in sentences]
    body = doc.text  # spaCy rebuilds Doc.text from every token on each access: read it once
    divisions = context_divisions(
        {d.canonical or clean_name(doc[d.start : d.end].text) for d in drafts if d.actor_type == "location"}, context
    )
    mentions = [_mention(d, doc, body, article_id, _sentence_id(sentences, starts, doc[d.start].idx), context, divisions) for d in drafts]
    mentions = _propagate(mentions)
    _record_spans(doc, mentions)
    return mentions


def _record_spans(doc: Doc, mentions: Sequence[EntityMention]) -> None:
    """Write the mentions onto the Doc as `doc.spans[MENTION_SPANS]`, labelled by actor type, each
    span's `._.mention` the full record, so a parse can be inspected, filtered or drawn with displaCy
    (`displacy.render(doc, style="span", options={"spans_key": MENTION_SPANS})`)."""
    spans = []
    for m in mentions:
        span = doc.char_span(m.start_char, m.end_char, label=m.actor_type)
        span._.mention = m
        spans.append(span)
    doc.spans[MENTION_SPANS] = spans


def _context_countries(drafts: list[_Draft], located: Sequence[tuple[_Draft, Place | None]]) -> set[str]:
    """The countries an article is set in: those it names, those of places already placed ("Georgia"
    read as the US state), and those of the states and big cities it names as places ("New South
    Wales", "Sydney" set a story in Australia though it never says so). `located`: each place draft
    with its gazetteer reading by name alone."""
    countries = {d.country_code for d in drafts if d.actor_type in ("country", "location") and d.country_code}
    for _, place in located:
        if (
            place is not None
            and place.country_code
            and (place.kind == "state" or (place.kind == "city" and place.population >= MIN_BARE_PLACE_POPULATION))
        ):
            countries.add(place.country_code)
    return countries


def _setting_marks(drafts: list[_Draft], located: Sequence[tuple[_Draft, Place | None]]) -> list[tuple[int, str]]:
    """Where the article names a country, a placed place or an organisation of a country (by its name or
    as a listed body: "ASIO"), and that country: (token, country)."""
    marks = [(d.start, d.country_code) for d in drafts if d.actor_type in ("country", "organization") and d.country_code]
    marks += [(d.start, place.country_code) for d, place in located if place is not None and place.country_code]
    return marks


def _dominant_country(countries: Sequence[str]) -> str | None:
    """The one country of `countries` when at least HOME_MIN_MENTIONS and HOME_MIN_SHARE of them are it."""
    if not countries:
        return None
    country, n = Counter(countries).most_common(1)[0]
    return country if n >= HOME_MIN_MENTIONS and n >= HOME_MIN_SHARE * len(countries) else None


def _offices_at_home(drafts: list[_Draft], marks: Sequence[tuple[int, str]], actor_type: ActorType) -> None:
    """A state office the text gives no country is the country its part of the article is set in
    ("Defence Minister Robert Hill" amid Australian places, "the Rural Fire Service"): the one
    country of the places and countries named within HOME_WINDOW_TOKENS of it, else the one country
    of the whole article's (a bulletin of several stories sets each in its own country). People by
    their title, organisations by their role, of OFFICE_ROLES (evidence "context")."""
    home = _dominant_country([c for _, c in marks])
    titles = lexicon().titles
    stated = {d.canonical for d in drafts if d.country_code and d.canonical}  # "President Chirac" after "French President Jacques Chirac"
    for d in drafts:
        if d.actor_type != actor_type or d.country_code or d.kind != "name" or d.canonical in stated:
            continue
        role = (titles.get(d.title) if d.title else None) if actor_type == "person" else d.role
        if role in OFFICE_ROLES:
            d.attest(_dominant_country([c for at, c in marks if abs(at - d.start) <= HOME_WINDOW_TOKENS]) or home, "context")


def _division_short_forms(drafts: list[_Draft], doc: Doc) -> None:
    """ "The Territory" for the Northern Territory: a capitalised generic place word after "the"
    (entity_words.csv division_word) is the one place named before it whose name ends in that word,
    named on its own or at the start of a longer name ("the Northern Territory Aids Council")."""
    words = lexicon().words["division_word"]
    for d in drafts:
        token = doc[d.start]
        if d.end - d.start != 1 or d.titled or d.kind != "name" or token.lower_ not in words or not token.text[:1].isupper():
            continue
        if d.start == 0 or doc[d.start - 1].lower_ != "the":
            continue
        named: dict[str, Place] = {}
        for other in drafts:
            if other.start >= d.start or other.actor_type in ("person", "group"):
                continue
            for end in range(other.start + 2, other.end + 1):
                if (
                    doc[end - 1].lower_ == token.lower_
                    and (place := lookup(doc[other.start : end].text)) is not None
                    and place.kind != "city"
                ):
                    named[place.name] = place
        if len(named) == 1:
            (place,) = named.values()
            d.actor_type, d.canonical, d.role = "location", place.name, None
            d.attest(place.country_code, "gazetteer")
            d.revise("division-short-form")


def _joined_places(drafts: list[_Draft], doc: Doc) -> list[_Draft]:
    """A place the model split, that the gazetteer knows whole, is one place: a capitalised word or
    two and "of" before a place ("Bay of Biscay", "Gulf of Aden": "Bay" and "Biscay"), or a
    capitalised word or two right before it, outside any person's name, that make a division,
    feature or country's name with it ("Western Australia": "Western" and the country)."""
    drafts = _hyphenated_places(drafts, doc)
    drafts = _regions_of_countries(drafts, doc)
    people = {i for d in drafts if d.actor_type == "person" for i in range(d.start, d.end)}
    for d in [d for d in drafts if d.actor_type in ("location", "country")]:
        of = d.start >= 1 and doc[d.start - 1].lower_ == "of"
        for width in (2, 1):
            start = d.start - of - width
            if start < 0 or not all(t.text[:1].isupper() and t.i not in people for t in doc[start : d.start - of]):
                continue
            place = lookup(doc[start : d.end].text)
            if place is not None and (place.kind != "country" if of else place.kind != "city"):
                drafts = _replaced_by_place(drafts, start, d.end, place, "joined-place")
                break
    return sorted(drafts, key=lambda d: (d.start, d.end))


def _replaced_by_place(drafts: list[_Draft], start: int, end: int, place: Place, rule: str) -> list[_Draft]:
    """The drafts, those overlapping tokens start..end replaced by one draft of `place` spanning
    them (a country mention for a country)."""
    kind = "country" if place.kind == "country" else "location"
    joined = _Draft(start, end, kind, place.country_code if kind == "country" else None, canonical=place.name, rule=rule)
    return [o for o in drafts if o.end <= start or o.start >= end] + [joined]


def _towns_with_their_divisions(drafts: list[_Draft], doc: Doc) -> None:
    """ "Paris, Texas", "Sydney, Nova Scotia": a place followed by a comma and a first-level
    division is looked up inside that division (`Draft.division`), however famous a namesake is."""
    places = sorted((d for d in drafts if d.actor_type == "location"), key=lambda d: d.start)
    for town, division in pairwise(places):
        if division.start == town.end + 1 and doc[town.end].text == ",":
            place = lookup(division.canonical or clean_name(doc[division.start : division.end].text))
            if place is not None and place.kind == "state":
                town.division = place


def _regions_of_countries(drafts: list[_Draft], doc: Doc) -> list[_Draft]:
    """A country term and the lower-case words after it that make a place's name the gazetteer
    knows ("the Palestinian territories") are that place, not a country and a noun."""
    for d in [d for d in drafts if d.actor_type == "country"]:
        for width in (2, 1):
            end = d.end + width
            if end > len(doc) or not all(t.is_lower and t.is_alpha for t in doc[d.end : end]):
                continue
            place = lookup(doc[d.start : end].text)
            if place is not None and place.kind != "city":
                drafts = _replaced_by_place(drafts, d.start, end, place, "country-region")
                break
    return sorted(drafts, key=lambda d: (d.start, d.end))


def _hyphen_glued(doc: Doc, i: int) -> bool:
    """Whether token i is a hyphen glued to the words on both sides ("Mazar-e-Sharif")."""
    return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _hyphenated_places(drafts: list[_Draft], doc: Doc) -> list[_Draft]:
    """A hyphenated place name the tokenizer split and the model read in part ("Mazar-e-Sharif" as
    "Mazar", "Guinea-Bissau" as "Guinea") is one place when the gazetteer knows the whole chain."""
    for d in [d for d in drafts if not d.titled]:
        start, end = d.start, d.end
        while start >= 2 and _hyphen_glued(doc, start - 1):
            start -= 2
        while _hyphen_glued(doc, end):
            end += 2
        if (start, end) == (d.start, d.end) or not doc[start].text[:1].isupper():
            continue
        place = lookup(doc[start:end].text)
        if place is not None:
            drafts = _replaced_by_place(drafts, start, end, place, "hyphenated-place")
    return sorted(drafts, key=lambda d: (d.start, d.end))


def _countries_as_divisions(drafts: list[_Draft], doc: Doc, located: Sequence[tuple[_Draft, Place | None]]) -> None:
    """A country's name that is also a first-level division elsewhere ("Georgia") is the division
    when the article's other places (`located`, as in `_context_countries`) lie in that division's
    country and none in the country: "Atlanta and other parts of Georgia", but "Tbilisi, the capital
    of Georgia"."""
    lex = lexicon()
    around = {p.country_code for _, p in located if p is not None and p.country_code}
    if not around:
        return
    for d in drafts:
        name = doc[d.start : d.end].text
        if d.actor_type != "country" or d.kind != "name" or not d.country_code or d.country_code in around:
            continue
        if fold(name) in lex.adjectives or fold(name) in lex.peoples:
            continue
        named_elsewhere = any(o.country_code == d.country_code and fold(doc[o.start : o.end].text) != fold(name) for o in drafts)
        division = lookup(name, around)
        if not named_elsewhere and division is not None and division.kind == "state" and division.country_code in around:
            d.actor_type, d.country_code, d.canonical = "location", division.country_code, division.name
            d.revise("country-as-division")


def _expand_acronyms(drafts: list[_Draft], acronyms: Mapping[str, _Draft | None], doc: Doc, tokens: Sequence[Token]) -> list[_Draft]:
    """Every use of a defined acronym takes its expansion's type, canonical name, role and country;
    the acronym of a named non-actor (None) is no mention at all. Returned in text order."""
    covered = {i for d in drafts for i in range(d.start, d.end)}
    for token in tokens:
        if acronyms.get(token.text) is not None and token.i not in covered:
            drafts.append(_Draft(token.i, token.i + 1, "organization", rule="acronym"))
    drafts = [d for d in drafts if not (d.end - d.start == 1 and doc[d.start].text in acronyms and acronyms[doc[d.start].text] is None)]
    for d in drafts:
        expansion = acronyms.get(doc[d.start].text) if d.end - d.start == 1 else None
        if expansion is not None:
            d.actor_type, d.canonical = expansion.actor_type, expansion.canonical
            d.revise("acronym-expansion")
            d.role, d.country_code, d.country_evidence = expansion.role, expansion.country_code, expansion.country_evidence
    return sorted(drafts, key=lambda d: (d.start, d.end))


def _sentence_id(sentences: Sequence[tuple[str, int, int]], starts: Sequence[int], char: int) -> str:
    """The id of the sentence holding `char` (the first sentence's before any start; "" without sentences)."""
    position = bisect.bisect_right(starts, char) - 1
    return sentences[position][0] if position >= 0 else (sentences[0][0] if sentences else "")


def _mention(
    d: _Draft, doc: Doc, body: str, article_id: str, sentence_id: str, context: set[str], divisions: Sequence[str]
) -> EntityMention:
    """The mention of a final draft: countries and gazetteer places get their display name and id; a
    place is looked up among the article's countries and first-level divisions, and, being known to be
    a place, not only among places known by name alone."""
    lex = lexicon()
    start_char = doc[d.start].idx
    end_char = doc[d.end - 1].idx + len(doc[d.end - 1].text)
    text = body[start_char:end_char]
    actor_type, canonical, country, geonameid, within = d.actor_type, d.canonical or clean_name(text), d.country_code, None, None
    evidence = d.country_evidence or ("name" if country else None)  # what a name carries: "Russian Orthodox Church"
    if actor_type == "country" and country:
        canonical = lex.country_names.get(country, canonical)
    elif actor_type == "location":
        # Known to be a place: a place of the name nobody would know by it alone will do, but only in
        # the countries a story is set in; elsewhere it is likelier a place the gazetteer lacks ("the
        # Western Highlands" of an Australian story is no province of Papua New Guinea).
        near = context | ({country} if country else set())
        place = lookup_in(canonical, d.division) if d.division is not None else None
        place = place or lookup(canonical, near, context_places=divisions, strict=False)
        fallback = place is not None and lookup(canonical, near, context_places=divisions) is None
        if fallback and near and place.country_code not in near:
            place = None
        place = place or _designated_division(canonical, near)
        if place is not None:
            canonical, country, geonameid = place.name, place.country_code, place.geonameid
            evidence = "gazetteer" if country else None
            if place.kind == "country":
                actor_type = "country"
                d.revise("gazetteer-country")
        elif (host := _named_after_town(canonical, context | ({country} if country else set()))) is not None:
            within = host.geonameid
            if country is None and host.country_code:
                country, evidence = host.country_code, "gazetteer"
    kind = d.kind
    if kind == "name" and actor_type == "country" and (fold(text) in lex.adjectives or fold(text) in lex.peoples):
        kind = "demonym"
    elif kind == "name" and actor_type in {"organization", "country"} and _is_acronym(text):
        kind = "acronym"
    return EntityMention(
        article_id,
        start_char,
        end_char,
        text,
        actor_type,
        country,
        d.role,
        sentence_id,
        canonical,
        geonameid,
        kind,
        d.rule,
        evidence,
        within,
    )


def _designated_division(name: str, context: set[str]) -> Place | None:
    """A first-level division named with its designation, which the gazetteer knows without it:
    the longest lead of the name before its designator words (entity_words.csv
    division_designator) that is a division ("Xinjiang Uygur Autonomous Region", "Moscow Oblast")."""
    words = name.split()
    designators = lexicon().words["division_designator"]
    end = len(words)
    while end > 1 and fold(words[end - 1]) in designators:
        end -= 1
    if end == len(words):
        return None
    for size in range(end, 0, -1):
        place = lookup(" ".join(words[:size]), context, strict=False)
        if place is not None and place.kind == "state":
            return place
    return None


def _named_after_town(name: str, context: set[str]) -> Place | None:
    """The town a place the gazetteer lacks is named after, when the gazetteer knows it as a town of
    that name (a state or country in the name locates nothing as precisely as a map needs): a
    metropolitan area's city ("Greater Sydney", entity_words.csv metro_prefix), or the longest lead of
    a built site's name ("Adelaide Oval", "Woomera Detention Centre", "Kabul airport"). Only a site
    whose last word is a built place (built_site): a river, lake or mountain named like a town
    ("Franklin River") runs far from it."""
    words = name.split()
    if len(words) < 2:
        return None
    if fold(words[0]) in lexicon().words["metro_prefix"]:
        place = lookup(" ".join(words[1:]), context)
        return place if place is not None and place.kind == "city" else None
    if fold(words[-1]) not in lexicon().words["built_site"]:
        return None
    for size in range(len(words) - 1, 0, -1):
        place = lookup(" ".join(words[:size]), context)
        if place is not None:
            return place if place.kind == "city" else None
    return None


def _is_acronym(text: str) -> bool:
    letters = text.replace(".", "")
    return bool(ACRONYM.match(text)) and letters.isupper() and len(letters) >= 2


def _in_quotation(before: str) -> bool:
    """Whether a position is inside a quotation, judged from its sentence's text before it."""
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def _pronouns(drafts: list[_Draft], doc: Doc, tokens: Sequence[Token]) -> list[_Draft]:
    """he/she (subjects) and his/her (possessives) -> the one person of the window, see the module doc."""
    people = [d for d in drafts if d.actor_type == "person" and d.canonical]
    found: list[_Draft] = []
    for token in tokens:
        deps = PRONOUNS.get(token.lower_)
        if deps is None or token.dep_ not in deps:
            continue
        sentence = token.sent
        if _in_quotation(doc[sentence.start : token.i].text):
            continue  # inside a quotation "he" is mostly someone other than the speaker
        window_start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
        window = [d for d in people if window_start <= d.start < token.i]
        later = {d.canonical for d in people if token.i < d.start < sentence.end}  # "In his speech, President Lula ..."
        if len({d.canonical for d in window} | later) != 1 or not any(doc[d.start : d.end].root.dep_ in SUBJECT_DEPS for d in window):
            continue
        person = window[-1]
        draft = _referring(token.i, person, "pronoun")
        found.append(draft)
        people.append(draft)
    return found


def _referring(i: int, referent: _Draft, kind: MentionKind, rule: str | None = None) -> _Draft:
    """A one-token mention at token i (a pronoun, "the company") of an actor drafted before it, with
    its type, name, role and country, the country then known from elsewhere in the article."""
    return _Draft(
        i,
        i + 1,
        referent.actor_type,
        referent.country_code,
        referent.role,
        referent.canonical,
        kind=kind,
        rule=rule or kind,
        country_evidence="article" if referent.country_code else None,
    )


def _groups(drafts: list[_Draft], doc: Doc, tokens: Sequence[Token]) -> list[_Draft]:
    """Generic groups of people that act ("police", "Israeli troops", "the Australian Government",
    "Palestinian militants"): a common noun from group_actors.csv heading its noun phrase and inside
    no name. Its country is a country mention modifying it ("Israeli", "Australia's"), its role the
    lexicon's; one group actor per group word and country, so "police" of one country across
    articles is one actor, and an unnamed country's is another."""
    lex = lexicon()
    covered = {i for d in drafts for i in range(d.start, d.end)}
    country_at = _country_tokens(drafts)
    named_orgs = [d for d in drafts if d.actor_type == "organization" and d.kind == "name"]
    found = []
    for token in tokens:
        entry = _group_entry(token)
        if entry is None or token.pos_ not in ("NOUN", "PROPN") or token.i in covered:
            continue
        if entry.actor_type == "organization" and token.text.islower() and (named := _named_institution(token, named_orgs, doc)):
            found.append(_referring(token.i, named, "descriptor", "org-descriptor"))  # "the congress" after "the Congress of ..."
            continue
        if token.dep_ in ("compound", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
            continue  # "police station", "army base": a modifier, not the group
        role, display, collective, actor_type = entry
        if not collective and token.tag_ not in ("NNS", "NNPS"):
            continue  # "a soldier", "the leader": one person, not a group (the descriptor rules judge those)
        country = _modifier_country(token, country_at)
        start = _group_modifiers_start(token, doc, covered | set(country_at))
        if start < token.i:
            # "security forces", "union leaders": a modifier with a role of its own gives it ("union": LAB)
            modifier_roles = [(e.role if (e := _group_entry(t)) else lex.org_types.get(t.lemma_.lower())) for t in doc[start : token.i]]
            role = next((r for r in modifier_roles if r and r != PLACE_ROLE), role)
            display = " ".join([*(t.lower_ for t in doc[start : token.i]), display])
        canonical = f"{lex.country_names.get(country, country)} {display}" if country else display
        found.append(
            _Draft(
                start,
                token.i + 1,
                actor_type,
                country,
                role,
                canonical,
                kind="generic",
                rule="generic-group",
                country_evidence="modifier" if country else None,
            )
        )
    return found


def _named_institution(token: Token, orgs: Sequence[_Draft], doc: Doc) -> _Draft | None:
    """The latest organisation named before a lower-case institution word that opens its name
    with a complement ("the Congress of Leaders of World Religions" before "the congress"), which
    that word then refers to; "the government" after "the Federal Government" stays generic."""
    word = token.lemma_.lower()
    heads = [
        d
        for d in orgs
        if d.end <= token.i and d.end - d.start > 2 and doc[d.start].lemma_.lower() == word and doc[d.start + 1].lower_ == "of"
    ]
    return heads[-1] if heads else None


def _group_modifiers_start(head: Token, doc: Doc, taken: set[int]) -> int:
    """Where a group's noun phrase starts with the lower-case nouns compounding its head ("fire
    authorities", "embassy staff", "crew members"; at most MAX_GROUP_MODIFIERS): they classify the
    group, as the adjectives of kind institution_classifier do an institution ("the interim
    government"). Other adjectives, numbers, determiners, names and country terms stay out ("the
    three Israeli troops" is "troops", with the country mention "Israeli")."""
    classifiers = (
        lexicon().words["institution_classifier"] if (entry := _group_entry(head)) and entry.actor_type == "organization" else set()
    )
    start = head.i
    while (
        start > 0
        and head.i - start < MAX_GROUP_MODIFIERS
        and (
            ((t := doc[start - 1]).dep_ == "compound" and t.pos_ == "NOUN")
            or (t.dep_ == "amod" and t.lower_ in classifiers)  # "the interim government"
        )
        and (t.text.islower() or (t.is_sent_start and t.text[1:].islower()))  # "Fire authorities say"
        and t.head.i in range(start, head.i + 1)
        and t.i not in taken
    ):
        start -= 1
    return start


def _titles_of_named_orgs(drafts: list[_Draft], doc: Doc) -> None:
    """ "ministry spokesman Aziz Khan", "party leader Ann Lee": a title qualified by an organisation
    word (entity_words.csv org_descriptor) speaks for the latest organisation named before it with
    that head word, and takes its country (evidence "affiliation")."""
    words = lexicon().words["org_descriptor"]
    orgs = [d for d in drafts if d.actor_type == "organization" and d.kind == "name" and d.country_code]
    for d in drafts:
        if d.actor_type != "person" or d.country_code or not d.title:
            continue
        i = d.start - len(d.title.split()) - 1
        if i < 0 or (word := doc[i].lemma_.lower()) not in words or not doc[i].text.islower():
            continue
        same = [o for o in orgs if o.end <= i and doc[o.end - 1].lemma_.lower() == word]
        if same:
            d.attest(same[-1].country_code, "affiliation")


def _org_descriptors(drafts: list[_Draft], doc: Doc, tokens: Sequence[Token]) -> list[_Draft]:
    """ "the company", "the ministry", "the group" (entity_words.csv kind org_descriptor) as a party
    to its clause: the latest organisation named before it whose head word it is, else the latest
    of the role its word has (org_types.csv: "the bank" is the last business); with none, an
    organisation of its own per word and country ("Company", "Ministry of Japan"), as an unnamed
    title holder is."""
    lex = lexicon()
    words = lex.words["org_descriptor"]
    covered = {i for d in drafts for i in range(d.start, d.end)}
    country_at = _country_tokens(drafts)
    orgs = [d for d in drafts if d.actor_type == "organization" and d.kind == "name"]
    named_starts = {d.start for d in drafts if d.kind == "name"}
    found = []
    for token in tokens:
        word = token.lemma_.lower()
        if word not in words or token.pos_ != "NOUN" or token.i in covered or token.dep_ not in UNLABELLED_NAME_DEPS:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            continue  # "a company", "any ministry": no one in particular
        if token.i + 1 in named_starts or (token.i + 2 in named_starts and doc[token.i + 1].text == ","):
            continue  # "the radical Islamic group Hamas", "the company, Qantas,": the name that follows is the actor
        role = lex.org_types.get(word) or None
        earlier = [d for d in orgs if d.end <= token.i]
        same = [d for d in earlier if doc[d.end - 1].lemma_.lower() == word] or [d for d in earlier if role and d.role == role]
        if same:
            found.append(_referring(token.i, same[-1], "descriptor", "org-descriptor"))
            continue
        country = _modifier_country(token, country_at)
        canonical = _of_country(word.capitalize(), country)
        found.append(
            _Draft(
                token.i,
                token.i + 1,
                "organization",
                country,
                role,
                canonical,
                kind="descriptor",
                rule="unnamed-org",
                country_evidence="modifier" if country else None,
            )
        )
    return found


# Plural endings, for a capitalised plural the model tags as a name and leaves unlemmatised ("Rebels said").
_PLURALS = (("ies", "y"), ("men", "man"), ("es", ""), ("s", ""))


def _group_entry(token: Token) -> GroupActor | None:
    """The group_actors.csv entry a noun is a form of: by its lemma, its form, or for a name-tagged
    plural its singular."""
    groups = lexicon().group_actors
    entry = groups.get(token.lemma_.lower()) or groups.get(token.lower_)
    if entry is None and token.pos_ == "PROPN":
        form = token.lower_
        entry = next((groups[s] for end, stem in _PLURALS if form.endswith(end) and (s := form[: -len(end)] + stem) in groups), None)
    return entry


def _propagate(mentions: list[EntityMention]) -> list[EntityMention]:
    """Mentions sharing a canonical share its best-attested country and role within the article."""
    country: dict[tuple[str, str], Counter[str]] = {}
    role: dict[tuple[str, str], Counter[str]] = {}
    for m in mentions:
        key = (m.actor_type, m.canonical)
        if m.country_code:
            country.setdefault(key, Counter())[m.country_code] += 1
        if m.role:
            role.setdefault(key, Counter())[m.role] += 1

    shared = []
    for m in mentions:
        stated = m.country_code or most_common(country.get((m.actor_type, m.canonical), Counter()))
        evidence = m.country_evidence if m.country_code else ("article" if stated else None)
        role_ = m.role or most_common(role.get((m.actor_type, m.canonical), Counter()))
        shared.append(replace(m, country_code=stated, role=role_, country_evidence=evidence))
    return shared
