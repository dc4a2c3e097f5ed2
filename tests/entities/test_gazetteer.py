"""The gazetteer: places of every kind it knows, context ranking, the strict lookup and its disk cache."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from pipelines.entities import gazetteer
from pipelines.entities.gazetteer import lookup, place_by_id


def test_a_us_state_has_coordinates() -> None:
    texas = lookup("Texas")
    assert texas is not None and (texas.kind, texas.country_code) == ("state", "USA") and texas.latitude is not None


def test_a_us_county_by_its_whole_name_only() -> None:
    cook = lookup("Cook County")
    assert cook is not None and (cook.kind, cook.country_code, cook.admin1) == ("county", "USA", "Illinois")
    cook_alone = lookup("Cook")
    assert cook_alone is None or cook_alone.kind != "county"


def test_first_level_divisions_of_other_countries() -> None:
    okinawa, ile_de_france = lookup("Okinawa"), lookup("Ile-de-France")
    assert okinawa is not None and (okinawa.kind, okinawa.country_code) == ("state", "JPN")
    assert ile_de_france is not None and (ile_de_france.kind, ile_de_france.country_code) == ("state", "FRA")
    assert abs(ile_de_france.latitude - 48.8) < 1 and abs(ile_de_france.longitude - 2.4) < 1


def test_a_region_named_after_its_capital_means_the_city() -> None:
    madrid = lookup("Madrid")
    assert madrid is not None and madrid.kind == "city" and madrid.admin1 == "Madrid"


def test_a_small_town_needs_its_country_in_context() -> None:
    # Tumby Bay, South Australia: about 1,500 people.
    assert lookup("Tumby Bay") is None
    town = lookup("Tumby Bay", {"AUS"})
    assert town is not None and town.kind == "city" and town.population < 15_000
    assert lookup("Tumby Bay", strict=False) == town


def test_physical_features() -> None:
    black_sea, nile = lookup("Black Sea"), lookup("Nile")
    assert black_sea is not None and black_sea.kind == "sea" and black_sea.latitude is not None
    assert nile is not None and nile.kind == "river"
    gulf = lookup("Arabian Gulf")
    assert gulf is not None and gulf.name == "Persian Gulf"


def test_short_and_historical_names() -> None:
    assert (lookup("U.S.") or pytest.fail()).country_code == "USA"
    nsw = lookup("NSW")
    assert nsw is not None and (nsw.name, nsw.kind) == ("New South Wales", "state")
    assert (lookup("Zaire") or pytest.fail()).country_code == "COD"


def test_georgia_by_context() -> None:
    assert (lookup("Georgia") or pytest.fail()).kind == "country"
    assert (lookup("Georgia", {"USA"}) or pytest.fail()).country_code == "USA"
    assert (lookup("Georgia", context_places=["Atlanta"]) or pytest.fail()).country_code == "USA"
    assert (lookup("Georgia", context_places=["Tbilisi"]) or pytest.fail()).country_code == "GEO"


def test_a_division_named_like_its_capital_or_big_city_means_the_city() -> None:
    found = {name: lookup(name) or pytest.fail() for name in ("Washington", "Madrid", "Buenos Aires", "New York", "Quebec", "Texas")}
    assert {name: place.kind for name, place in found.items()} == {
        "Washington": "city",  # the national capital, not the state
        "Madrid": "city",
        "Buenos Aires": "city",
        "New York": "city",  # New York City, under another of its names
        "Quebec": "state",  # a small share of its province's people
        "Texas": "state",
    }


def test_common_names_are_no_regions_or_features() -> None:
    """A person's name may be a town's, which recognise weighs by population; never a region's or feature's."""
    for name in ("Kirill", "Howard", "Nelson", "Ames", "Smith", "Jackson", "Lincoln", "Marion", "Mohammed", "Chandler", "Kent", "Don"):
        place = lookup(name)
        assert place is None or place.kind == "city", (name, place)
    assert lookup("Kirill") is None


def test_place_by_id_round_trips() -> None:
    london = lookup("London")
    assert london is not None and place_by_id(london.geonameid) == london


def test_the_index_is_built_once_and_reused(tmp_path, monkeypatch) -> None:
    assert lookup("London") is not None  # built (or loaded) by this session
    cached = gazetteer.cache_dir() / f"{gazetteer.CACHE_PREFIX}{gazetteer.index_key()}.marshal"
    shutil.copy(cached, tmp_path / cached.name)
    monkeypatch.setenv("NEWS_CACHE_DIR", str(tmp_path))

    def no_rebuild() -> None:
        raise AssertionError("rebuilt although the cached index is current")

    monkeypatch.setattr(gazetteer, "_build", no_rebuild)
    assert gazetteer._load_or_build().names == gazetteer._index().names
    assert [p.name for p in tmp_path.iterdir()] == [cached.name]


def test_a_build_leaves_another_checkouts_index_and_removes_only_long_unused_ones(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NEWS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(gazetteer, "_build", gazetteer._index)  # the built index itself is not what is tested
    other, old = tmp_path / f"{gazetteer.CACHE_PREFIX}other.marshal", tmp_path / f"{gazetteer.CACHE_PREFIX}old.marshal"
    other.write_bytes(b"x")
    old.write_bytes(b"x")
    long_ago = time.time() - (gazetteer.STALE_INDEX_DAYS + 1) * 86400
    os.utime(old, (long_ago, long_ago))
    gazetteer._load_or_build()
    current = f"{gazetteer.CACHE_PREFIX}{gazetteer.index_key()}.marshal"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([current, other.name])


def test_cache_location(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("NEWS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert gazetteer.cache_dir() == tmp_path / "news-warehouse"
    monkeypatch.setenv("NEWS_CACHE_DIR", str(tmp_path / "x"))
    assert gazetteer.cache_dir() == tmp_path / "x"


def test_a_town_in_a_division_the_article_names() -> None:
    assert (lookup("Springfield") or pytest.fail()).admin1 != "Illinois"
    assert gazetteer.context_divisions(["Illinois", "Chicago", "Nowhere-on-earth"]) == ("Illinois",)
    springfield = lookup("Springfield", context_places=gazetteer.context_divisions(["Illinois"]))
    assert springfield is not None and (springfield.country_code, springfield.admin1) == ("USA", "Illinois")


def test_the_lenient_lookup_falls_back_to_any_place_of_that_name() -> None:
    # A notable place keeps the name; only when none fits does a small town elsewhere answer.
    assert lookup("Springfield", strict=False) == lookup("Springfield")
    assert lookup("Tumby Bay") is None and (lookup("Tumby Bay", strict=False) or pytest.fail()).country_code == "AUS"


def test_second_level_divisions_of_other_countries() -> None:
    district = lookup("Peshawar District")
    assert district is not None and (district.kind, district.country_code, district.admin1) == ("county", "PAK", "Khyber Pakhtunkhwa")
    # Its bare name is the city's; a second-level name without a division word is only an alternate.
    assert (lookup("Peshawar") or pytest.fail()).kind == "city"
    kent = lookup("Kent", {"GBR"})
    assert kent is None or kent.kind != "county"


def test_one_division_named_differently_by_two_sources_is_one_place() -> None:
    english, german = lookup("Rhineland-Palatinate"), lookup("Rheinland-Pfalz")
    assert english is not None and english == german and english.kind == "state"
    assert (
        sum(
            1
            for kind, country in zip(gazetteer._index().columns[6], gazetteer._index().columns[2], strict=True)
            if kind == "state" and country == "DEU"
        )
        == 16
    )


def test_hand_rows_pair_with_the_one_nearby_division_of_their_country() -> None:
    centres = {("AAA", "Nordland"): (50.0, 10.0), ("AAA", "Sudland"): (45.0, 10.0), ("BBB", "Ostmark"): (50.1, 10.1)}
    centres |= {("CCC", "Upper Ward"): (40.0, 20.0), ("CCC", "Lower Ward"): (40.05, 20.05)}
    rows = [
        {"name": "Sudland", "country_code": "AAA", "latitude": "45.2", "longitude": "10.0"},  # the same name
        {"name": "Northland", "country_code": "AAA", "latitude": "50.2", "longitude": "10.1"},  # near one division
        {"name": "Farland", "country_code": "AAA", "latitude": "30.0", "longitude": "10.0"},  # near none
        {"name": "Wardland", "country_code": "CCC", "latitude": "40.02", "longitude": "20.02"},  # near two
    ]
    paired, lacking = gazetteer._hand_divisions(centres, rows)
    assert {key: row["name"] for key, row in paired.items()} == {("AAA", "Sudland"): "Sudland", ("AAA", "Nordland"): "Northland"}
    assert [row["name"] for row in lacking] == ["Farland", "Wardland"]
    assert gazetteer._hand_divisions(centres, list(reversed(rows)))[0] == paired


def test_a_name_known_to_be_a_place_prefers_the_articles_country_under_any_name() -> None:
    # "Hawkesbury" is a town in Canada and the bare name of a district of New South Wales
    assert lookup("Hawkesbury", {"AUS"}, strict=False).country_code == "AUS"
    assert lookup("Hawkesbury", {"CAN"}, strict=False).country_code == "CAN"


def test_a_bare_bearing_is_no_place() -> None:
    assert all(lookup(name) is None for name in ("West", "East", "North", "Centre", "Western"))


def test_a_division_named_like_a_big_city_means_the_city_in_its_own_country_too() -> None:
    assert lookup("New York", {"USA"}).kind == "city"
    assert lookup("Texas", {"USA"}).kind == "state"
