"""The gazetteer places states, physical features and short forms, not only cities and countries."""

from pipelines.entities.gazetteer import lookup


def test_a_us_state_has_coordinates_inside_it():
    texas = lookup("Texas")
    assert texas is not None and texas.kind == "state" and 26 < texas.latitude < 36 and -106 < texas.longitude < -94


def test_seas_rivers_and_world_regions_are_places():
    assert lookup("Red Sea").kind == "sea"
    assert lookup("Nile").kind == "river"
    west_bank = lookup("West Bank")
    assert (west_bank.kind, west_bank.country_code) == ("region", "PSE")


def test_a_short_form_is_the_place_it_abbreviates():
    assert lookup("NSW") == lookup("New South Wales")


def test_a_country_still_outranks_a_namesake_state():
    assert lookup("Georgia").kind == "country"
