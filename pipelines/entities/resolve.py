"""Warehouse-wide actors: mentions from all articles grouped into one actor per real-world entity.

Grouping keys by type:
- country: ISO3; location: gazetteer geonameid (else name + country);
- organization: transliteration key of the canonical name (acronyms were expanded per article);
- person: clustered. Article-local canonical names (suffixes such as "Jr" set aside, and a
  leading title kept in display names, "Cardinal", when two words remain) are merged across articles when their transliteration keys are
  close (rapidfuzz on `translit_key`), first names agree, and the evidence agrees (same or unknown
  country, same or unknown role). Surnames are also one name spelt two ways when their consonant
  skeletons agree and they are close ("Laden"/"Ladin", "Gadhafi"/"Qaddafi"), and a name split
  differently ("Abdel-Aziz Rantissi"/"Abdel Aziz Rantissi") is the same name; people who share
  only a surname ("George Bush", "Laura Bush") stay apart. A lone name joins the compatible full
  name whose surname it is (exactly, else spelt another way; else whose first name it is, with a
  shared country or role) when that full name is the only one or dominates the others (`dominant`);
  never a bare surname that its own article leaves to several people of that name.
  An actor's country and role are the ones its mentions state most, in whichever article.
Processing is in sorted order, so the result does not depend on input order.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import polars as pl
from rapidfuzz import fuzz

from pipelines.entities.gazetteer import country_coordinates, place_by_id
from pipelines.entities.lexicon import fold, lexicon
from pipelines.entities.recognise import EntityMention, clean_name, dominant, most_common
from pipelines.warehouse.store import schema_of

FULL_NAME_SIMILARITY = 88.0  # rapidfuzz ratio between transliteration keys of two full names
FIRST_NAME_SIMILARITY = 80.0
# Surnames with the same consonant skeleton ("Laden"/"Ladin", "Gadhafi"/"Qaddafi") are spellings of one
# name when this close; vowel changes beyond that are other names ("Martin"/"Morton").
SPELLING_SIMILARITY = 75.0
# Given names written with other vowels ("Mohammed"/"Muhammad", "Usama"/"Osama") are one name from
# this length on; shorter ones are often different names ("Jon"/"Jun").
VOWEL_CLASSES = str.maketrans("eu", "ao")
MIN_VOWEL_VARIANT_LEN = 5
NOT_NAMES = {"descriptor", "pronoun"}  # coreferent mentions, not names: left out of aliases

# Ordered rewrites that make common transliteration variants of one name spell alike.
TRANSLIT_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), r)
    for p, r in [
        (r"dzh|dj|zh", "j"),
        (r"kh", "h"),
        (r"dh", "d"),
        (r"ck|q", "k"),
        (r"ph", "f"),
        (r"w", "v"),
        (r"ou", "u"),
        (r"\bye", "e"),
        (r"y", "i"),
        (r"i?ev\b", "ev"),
        (r"(\w)\1+", r"\1"),
    ]
]


@lru_cache(maxsize=1 << 16)  # a corpus repeats a few thousand names in every article
def translit_key(name: str) -> str:
    """A spelling-insensitive key: "Qasim Zhukov" and "Kassim Jukov" agree; vowel variants are left to the fuzzy comparison."""
    key = re.sub(r"[^a-z0-9 ]+", " ", fold(name))
    key = re.sub(r"^the ", "", key.strip())
    for pattern, replacement in TRANSLIT_RULES:
        key = pattern.sub(replacement, key)
    return " ".join(key.split())


def _skeleton(word: str) -> str:
    """Consonants, the initial's sound class kept: Arabic qaf is written q, k or g ("Qaddafi", "Gadhafi")."""
    initial = "k" if word[:1] in {"c", "g", "k"} else word[:1]
    return initial + re.sub(r"[aeiou]", "", word[1:])


def _spelling_variant(a: str, b: str) -> bool:
    return _skeleton(a) == _skeleton(b) and fuzz.ratio(a, b) >= SPELLING_SIMILARITY


def _vowel_key(word: str) -> str:
    """Vowels by the classes transliterations swap (a/e, o/u): "mohamed" and "muhamad" agree, "martin"
    and "morton" do not."""
    return word.translate(VOWEL_CLASSES)


def _first_names_agree(a: str, b: str) -> bool:
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]  # an initial
    return fuzz.ratio(a, b) >= FIRST_NAME_SIMILARITY or (min(len(a), len(b)) >= MIN_VOWEL_VARIANT_LEN and _vowel_key(a) == _vowel_key(b))


@dataclass(frozen=True)
class ActorRow:
    actor_id: str
    name: str
    actor_type: str
    country_code: str | None
    role: str | None
    aliases: list[str]
    latitude: float | None
    longitude: float | None
    mention_count: int
    article_count: int
    merged_names: list[str]  # "<name>: <why it is this actor>", for names merged into another
    country_evidence: list[str]  # what the mentions that state country_code say it with ("title", "apposition")
    place_kind: (
        str | None
    )  # a location's or country's gazetteer feature class (city, state, county, country, sea, river, ...), or "site": a place the gazetteer lacks named after a town, placed at the town


@dataclass(frozen=True)
class MentionRow:
    mention_id: str
    article_id: str
    actor_id: str
    mention_text: str
    start_char: int
    end_char: int
    sentence_id: str
    mention_kind: str  # name | acronym | descriptor | pronoun | demonym | generic
    rule: str  # the recognition passes that produced it (EntityMention.rule)
    country_code: str | None  # the country this mention's article gives the actor
    country_evidence: str | None  # what in the article gives it (EntityMention.country_evidence)


@dataclass
class _Person:
    """One person cluster; `names` counts the article-local canonical names merged into it."""

    key: str
    parts: tuple[str, ...]  # transliteration key words, suffixes removed
    suffixes: tuple[str, ...]
    country: str | None
    role: str | None
    names: Counter[str] = field(default_factory=Counter)
    reasons: dict[str, str] = field(default_factory=dict)  # a name merged into the cluster -> why


def _stable_id(prefix: str, *parts: object) -> str:
    return prefix + hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


@lru_cache(maxsize=1 << 16)  # called for every mention; a corpus has far fewer distinct names
def _split(name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    # One word per written word: a hyphenated given name ("Jean-Pierre") is one name part.
    words = [w for w in (translit_key(word).replace(" ", "") for word in name.split()) if w]
    # "Cardinal Carlo Martini" clusters with "Carlo Martini"; "Pope Benedict" keeps its title,
    # which is all that tells it from other people called Benedict.
    titles = lexicon().name_titles
    for size in (2, 1):
        if len(words) - size >= 2 and " ".join(words[:size]) in titles:
            words = words[size:]
            break
    suffixes = lexicon().words["name_suffix"]
    parts = tuple(w for w in words if w not in suffixes)
    return parts or tuple(words), tuple(w for w in words if w in suffixes)


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _agree(cluster: _Person, country: str | None, role: str | None) -> bool:
    """Compatible evidence, and at least one shared country or role."""
    compatible = _compatible(cluster.country, country) and _compatible(cluster.role, role)
    return compatible and ((country is not None and cluster.country == country) or (role is not None and cluster.role == role))


def _same_person(cluster: _Person, parts: tuple[str, ...], suffixes: tuple[str, ...]) -> bool:
    if len(parts) < 2 or len(cluster.parts) < 2 or suffixes != cluster.suffixes:
        return False
    if "".join(parts) == "".join(cluster.parts):
        return True  # "Abdel-Aziz Rantissi" and "Abdel Aziz Rantissi"
    first_a, first_b = parts[0], cluster.parts[0]
    initial = len(first_a) == 1 or len(first_b) == 1
    if not _first_names_agree(first_a, first_b):
        return False
    if _spelling_variant(parts[-1], cluster.parts[-1]):
        return True  # first names agree, surnames are one name spelt two ways
    return fuzz.ratio(parts[-1], cluster.parts[-1]) >= FULL_NAME_SIMILARITY and (
        initial or fuzz.ratio(" ".join(parts), " ".join(cluster.parts)) >= FULL_NAME_SIMILARITY
    )


def _cluster_people(
    profiles: dict[str, tuple[int, str | None, str | None]], short_forms: dict[str, set[str]] | None = None
) -> dict[str, _Person]:
    """Map each person canonical name to its cluster. `profiles`: name -> (mentions, country, role);
    `short_forms`: lone name -> the full names articles use it for (`_short_forms`)."""
    short_forms = short_forms or {}
    clusters: dict[str, list[_Person]] = defaultdict(list)  # surname skeleton -> clusters
    firsts: dict[str, list[_Person]] = defaultdict(list)  # first name -> clusters
    assigned: dict[str, _Person] = {}
    order = sorted(profiles, key=lambda n: (-len(_split(n)[0]), -profiles[n][0], n))
    for name in order:
        count, country, role = profiles[name]
        parts, suffixes = _split(name)
        if not parts:
            continue
        block = clusters[_skeleton(parts[-1])]
        evidence = [c for c in block if _compatible(c.country, country) and _compatible(c.role, role)]
        if len(parts) >= 2:
            match = next((c for c in evidence if _same_person(c, parts, suffixes)), None)
            reason = "the same full name written another way"
        else:
            # A lone name joins the one full name it is the surname of (else the first name of:
            # family-name-first names such as "Hu Jintao"), if one such name dominates. A lone given
            # name is common ("Kerry" the senator, "Kerry" a tagged goose): it needs a shared country or role.
            lone = parts[0]
            surnamed = [c for c in evidence if len(c.parts) >= 2 and c.suffixes == suffixes]
            # An exact surname, or the short form an article uses for the full name ("Xi" for "Xi Jinping",
            # family name first), first; else one spelt another way ("Qaddafi" beside "Moammar Gadhafi").
            attested = (assigned[n] for n in sorted(short_forms.get(lone, ())) if n in assigned)
            used_for = [c for c in attested if _compatible(c.country, country) and _compatible(c.role, role) and c.suffixes == suffixes]
            candidates = [c for c in surnamed if c.parts[-1] == lone]
            reason = "the surname of"
            if used_for:
                candidates, reason = candidates + used_for, "the surname or the short form an article uses for"
            if not candidates:
                candidates, reason = [c for c in surnamed if _spelling_variant(c.parts[-1], lone)], "a spelling of the surname of"
            if not candidates:
                candidates = [c for c in firsts.get(lone, []) if len(c.parts) >= 2 and _agree(c, country, role)]
                reason = "the first name, with a shared country or role, of"
            by_key = {c.key: c for c in candidates}
            chosen = dominant(by_key, {k: c.names.total() for k, c in by_key.items()})
            match = by_key[chosen] if chosen is not None else None
        if match is None:
            match = _Person(" ".join(parts + suffixes), parts, suffixes, country, role)
            block.append(match)
            firsts[parts[0]].append(match)
        elif match.names and name not in match.names:
            full = max(match.names, key=lambda n: (match.names[n], n))
            match.reasons[name] = reason if len(parts) >= 2 else f"{reason} {full}"
        match.country = match.country or country
        match.role = match.role or role
        match.names[name] += count
        assigned[name] = match
    return assigned


def _short_forms(mentions: Sequence[EntityMention]) -> dict[str, set[str]]:
    """Lone name (transliteration key) -> the full names an article links it to: "Xi" in an article
    that names "Xi Jinping" says which of his names people are called by alone."""
    found: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.actor_type == "person" and m.kind == "name":
            word, full = _split(clean_name(m.text))[0], _split(m.canonical)[0]
            if len(word) == 1 and len(full) >= 2 and word[0] in full:
                found[word[0]].add(m.canonical)
    return found


def _ambiguous_surnames(mentions: Sequence[EntityMention]) -> set[tuple[str, str]]:
    """(article, lone name) of bare surnames left unresolved in an article that names several people
    of that surname ("Bush" beside George and Laura Bush): no other article may decide who they are."""
    bearers: dict[tuple[str, str], set[str]] = defaultdict(set)
    lone: set[tuple[str, str]] = set()
    for m in mentions:
        if m.actor_type == "person":
            parts = _split(m.canonical)[0]
            if len(parts) >= 2:
                bearers[(m.article_id, parts[-1])].add(m.canonical)
            elif parts:
                lone.add((m.article_id, m.canonical))
    return {(article, name) for article, name in lone if len(bearers[(article, _split(name)[0][0])]) >= 2}


def _person_profiles(mentions: Sequence[EntityMention]) -> dict[str, tuple[int, str | None, str | None]]:
    """Person canonical name -> (mentions, most attested country, most attested role)."""
    count: Counter[str] = Counter()
    country: dict[str, Counter[str]] = defaultdict(Counter)
    role: dict[str, Counter[str]] = defaultdict(Counter)
    for m in mentions:
        if m.actor_type == "person":
            count[m.canonical] += 1
            if m.country_code and m.country_evidence != "context":  # where a story is set never splits a person
                country[m.canonical][m.country_code] += 1
            if m.role:
                role[m.canonical][m.role] += 1
    return {name: (n, most_common(country[name]), most_common(role[name])) for name, n in count.items()}


def _actor_row(actor_id: str, actor_type: str, key: str, members: list[EntityMention], people: dict[str, _Person]) -> ActorRow:
    """One actor from its grouped mentions: a person is named by their most used full name,
    a country and a gazetteer place by their display name (with coordinates)."""
    latitude = longitude = place_kind = None
    names = Counter(m.canonical for m in members)
    if actor_type == "person":
        full = Counter({n: c for n, c in names.items() if len(n.split()) >= 2}) or names
        name = min(full.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0]
    elif actor_type == "country":
        name = lexicon().country_names.get(key, key)
        latitude, longitude = country_coordinates(key) or (None, None)
        place_kind = "country"
    else:
        name = most_common(names) or members[0].text
        if actor_type == "location" and key.isdigit() and (place := place_by_id(int(key))) is not None:
            name, latitude, longitude, place_kind = place.name, place.latitude, place.longitude, place.kind
        elif actor_type == "location" and (host := most_common(Counter(str(m.within) for m in members if m.within))) is not None:
            town = place_by_id(int(host))  # a site named after a town: placed at the town
            if town is not None:
                latitude, longitude, place_kind = town.latitude, town.longitude, "site"
    country = _stated_country(members)
    return ActorRow(
        actor_id=actor_id,
        name=name,
        actor_type=actor_type,
        country_code=country,
        role=most_common(Counter(m.role for m in members if m.role)),
        aliases=sorted({clean_name(m.text) for m in members if m.kind not in NOT_NAMES}),
        latitude=latitude,
        longitude=longitude,
        mention_count=len(members),
        article_count=len({m.article_id for m in members}),
        merged_names=sorted(
            f"{name}: {people[name].reasons[name]}"
            for name in names
            if actor_type == "person" and name in people and name in people[name].reasons
        ),
        country_evidence=sorted({m.country_evidence for m in members if m.country_code == country and m.country_evidence}),
        place_kind=place_kind,
    )


def _stated_country(members: Sequence[EntityMention]) -> str | None:
    """The country an actor's mentions state most; where the text gives it no country, the one its
    articles' settings give it most (evidence "context")."""
    stated = Counter(m.country_code for m in members if m.country_code and m.country_evidence != "context")
    return most_common(stated) or most_common(Counter(m.country_code for m in members if m.country_code))


def _people_as_places(mentions: list[EntityMention]) -> list[EntityMention]:
    """A "place" the gazetteer does not know, named exactly like a person's full name in another article,
    is that person: spaCy reads "Aden Ridgeway's bid" as a facility when nothing else in the article says who he is."""
    people = {m.canonical for m in mentions if m.actor_type == "person" and len(m.canonical.split()) >= 2}
    return [
        replace(m, actor_type="person") if m.actor_type == "location" and m.geonameid is None and m.canonical in people else m
        for m in mentions
    ]


def resolve_actors(mentions: Sequence[EntityMention]) -> tuple[list[ActorRow], list[MentionRow]]:
    """Group mentions from all articles into actors; one MentionRow per mention, in article/offset order."""
    actors, actor_ids = resolve_actor_ids(mentions)
    rows = [
        MentionRow(
            mention_id(m.article_id, m.start_char, m.end_char),
            m.article_id,
            actor_ids[i],
            m.text,
            m.start_char,
            m.end_char,
            m.sentence_id,
            m.kind,
            m.rule,
            m.country_code,
            m.country_evidence,
        )
        for i in _in_order(mentions)
        for m in (mentions[i],)
    ]
    return actors, rows


def resolve_actor_ids(mentions: Sequence[EntityMention]) -> tuple[list[ActorRow], list[str]]:
    """Group mentions from all articles into actors: the actors, and each mention's actor id in the
    order of `mentions` (the entity stage joins them to its stored map rows, `mentions_table`,
    rather than building a row object per mention)."""
    order = _in_order(mentions)
    ordered = _people_as_places([mentions[i] for i in order])
    ambiguous = _ambiguous_surnames(ordered)
    people = _cluster_people(_person_profiles([m for m in ordered if (m.article_id, m.canonical) not in ambiguous]), _short_forms(ordered))

    def key_of(m: EntityMention) -> tuple[str, str]:
        if m.actor_type == "country" and m.country_code:
            return "country", m.country_code
        if m.actor_type in {"location", "country"}:
            return "location", str(m.geonameid) if m.geonameid else f"{translit_key(m.canonical)}|{m.country_code or ''}"
        if m.actor_type == "person":
            known = m.canonical in people and (m.article_id, m.canonical) not in ambiguous
            return "person", people[m.canonical].key if known else translit_key(m.canonical)
        if m.actor_type == "group":  # one actor per group word and country: "Israeli troops"
            return "group", f"{fold(m.canonical)}|{m.country_code or ''}"
        return "organization", translit_key(m.canonical)

    keys = [key_of(m) for m in ordered]
    groups: dict[tuple[str, str], list[EntityMention]] = defaultdict(list)
    for m, key in zip(ordered, keys, strict=True):
        groups[key].append(m)
    actor_of = {group: _stable_id("act_", *group) for group in groups}
    actors = [_actor_row(actor_of[group], *group, members, people) for group, members in sorted(groups.items())]
    actor_ids = [""] * len(mentions)
    for i, key in zip(order, keys, strict=True):
        actor_ids[i] = actor_of[key]
    return actors, actor_ids


def _in_order(mentions: Sequence[EntityMention]) -> list[int]:
    """The mentions' positions in article and offset order, the order resolution reads them in."""

    def position(i: int) -> tuple[str, int, int, str, str]:
        m = mentions[i]
        return m.article_id, m.start_char, m.end_char, m.actor_type, m.canonical

    return sorted(range(len(mentions)), key=position)


def mention_id(article_id: str, start_char: int, end_char: int) -> str:
    return _stable_id("men_", article_id, start_char, end_char)


def mentions_table(rows: pl.DataFrame, actor_ids: Sequence[str]) -> pl.DataFrame:
    """The mentions table from the stage's stored map rows (EntityMention columns) and the actor of
    each row, in the rows' order: the MentionRows `resolve_actors` gives, built a column at a time."""
    ids = [mention_id(*row) for row in rows.select("article_id", "start_char", "end_char").iter_rows()]
    frame = rows.select(
        pl.Series("mention_id", ids, dtype=pl.String),
        "article_id",
        pl.Series("actor_id", actor_ids, dtype=pl.String),
        pl.col("text").alias("mention_text"),
        "start_char",
        "end_char",
        "sentence_id",
        pl.col("kind").alias("mention_kind"),
        "rule",
        "country_code",
        "country_evidence",
    )
    return frame.cast(schema_of(MentionRow))
