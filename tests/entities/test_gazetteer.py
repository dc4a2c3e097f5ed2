"""The gazetteer: places of every kind it knows, context ranking, the strict lookup and its disk cache."""

from __future__ import annotations

import shutil

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
    [cached] = gazetteer.cache_dir().glob(f"{gazetteer.CACHE_PREFIX}*.marshal")
    shutil.copy(cached, tmp_path / cached.name)
    monkeypatch.setenv("NEWS_CACHE_DIR", str(tmp_path))

    def no_rebuild() -> None:
        raise AssertionError("rebuilt although the cached index is current")

    monkeypatch.setattr(gazetteer, "_build", no_rebuild)
    assert gazetteer._load_or_build().names == gazetteer._index().names
    assert [p.name for p in tmp_path.iterdir()] == [cached.name]


def test_cache_location(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("NEWS_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert gazetteer.cache_dir() == tmp_path / "news-warehouse"
    monkeypatch.setenv("NEWS_CACHE_DIR", str(tmp_path / "x"))
    assert gazetteer.cache_dir() == tmp_path / "x"
