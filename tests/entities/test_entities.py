"""Entity stage: mentions from parsed made-up texts, warehouse-wide actors, the place index."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from pipelines.clean.segment import split_paragraphs, split_sentences
from pipelines.entities.gazetteer import lookup
from pipelines.entities.recognise import EntityMention, find_mentions
from pipelines.entities.report import top_actors_markdown
from pipelines.entities.resolve import ActorRow, resolve_actors, translit_key
from pipelines.nlp import load_pipeline, parse

SAMPLES = Path(__file__).resolve().parents[2] / "seeds" / "articles"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def mentions_of(nlp: Language, *texts: str) -> list[EntityMention]:
    items = [(text, split_sentences(text, split_paragraphs(text))) for text in texts]
    found: list[EntityMention] = []
    for n, (doc, (text, spans)) in enumerate(zip(parse(nlp, items), items)):
        sentences = [(f"a{n}-s{i}", start, end) for i, (start, end) in enumerate(spans)]
        found += find_mentions(doc, f"a{n}", sentences)
    for m in found:  # every offset slices its own text exactly
        assert texts[int(m.article_id[1:])][m.start_char : m.end_char] == m.text
    return found


def by_text(mentions: list[EntityMention], text: str) -> EntityMention:
    return next(m for m in mentions if m.text == text)


def actor_named(actors: list[ActorRow], alias: str) -> list[ActorRow]:
    return [a for a in actors if alias in a.aliases]


def test_title_and_demonym_are_stripped_and_give_country_and_role(nlp: Language) -> None:
    found = mentions_of(nlp, "Kazakh President Qasym-Zhomart Toqaev met Chinese Foreign Minister Wang Yi in the capital.")
    toqaev = by_text(found, "Qasym-Zhomart Toqaev")
    assert (toqaev.actor_type, toqaev.country_code, toqaev.role) == ("person", "KAZ", "GOV")
    wang = by_text(found, "Wang Yi")
    assert (wang.country_code, wang.role) == ("CHN", "GOV")
    # Demonyms that only qualify a title are not country mentions of their own.
    assert not [m for m in found if m.actor_type == "country"]


def test_organisation_gets_country_and_role_from_its_name(nlp: Language) -> None:
    church = by_text(mentions_of(nlp, "The Russian Orthodox Church criticised the plan on Sunday."), "Russian Orthodox Church")
    assert (church.actor_type, church.country_code, church.role) == ("organization", "RUS", "REL")


def test_adjectival_demonym_is_a_country_mention(nlp: Language) -> None:
    found = mentions_of(nlp, "Officials waved Chinese flags as the motorcade passed.")
    chinese = by_text(found, "Chinese")
    assert (chinese.actor_type, chinese.country_code, chinese.canonical) == ("country", "CHN", "China")


def test_surname_links_to_full_name_in_the_same_article(nlp: Language) -> None:
    found = mentions_of(nlp, "Prime Minister Jacinda Ardern visited the port. Ardern said the talks went well.")
    assert {m.canonical for m in found if m.actor_type == "person"} == {"Jacinda Ardern"}


def test_defined_acronym_links_to_its_expansion(nlp: Language) -> None:
    text = "Leaders of the Collective Security Treaty Organization (CSTO) met in Yerevan. The CSTO said it would send troops."
    orgs = [m for m in mentions_of(nlp, text) if m.actor_type == "organization"]
    assert [m.text for m in orgs] == ["Collective Security Treaty Organization", "CSTO", "CSTO"]
    assert {m.canonical for m in orgs} == {"Collective Security Treaty Organization"}
    assert {m.role for m in orgs} == {"IGO"}


def test_page_furniture_is_not_an_entity(nlp: Language) -> None:
    found = mentions_of(nlp, "16x9 Image\n\nClick to share. XS\n\nThe mayor of Chicago spoke on Monday.")
    assert [m.text for m in found] == ["Chicago"]


def test_leading_the_and_possessive_are_trimmed(nlp: Language) -> None:
    found = mentions_of(nlp, "The European Union's envoy arrived in Madrid.")
    assert by_text(found, "European Union").canonical == "European Union"


def test_transliterations_merge_across_articles(nlp: Language) -> None:
    found = mentions_of(
        nlp,
        "Kazakh President Kassym-Jomart Tokayev opened the summit. Tokayev spoke for an hour.",
        "Kazakh President Qasym-Zhomart Toqaev greeted the guests in the capital.",
    )
    actors, rows = resolve_actors(found)
    tokayev = actor_named(actors, "Qasym-Zhomart Toqaev")
    assert len(tokayev) == 1 and "Kassym-Jomart Tokayev" in tokayev[0].aliases
    assert (tokayev[0].article_count, tokayev[0].country_code) == (2, "KAZ")
    assert len(rows) == len(found)
    assert translit_key("Kassym-Jomart Tokayev") == translit_key("Qasym-Zhomart Toqaev")


def test_university_named_after_a_person_is_not_the_person(nlp: Language) -> None:
    actors, _ = resolve_actors(mentions_of(nlp, "Students at Nazarbayev University cheered when former President Nursultan Nazarbayev arrived."))
    assert {(a.name, a.actor_type) for a in actors if "Nazarbayev" in a.name} == {
        ("Nazarbayev University", "organization"),
        ("Nursultan Nazarbayev", "person"),
    }


def test_two_popes_are_two_people(nlp: Language) -> None:
    found = mentions_of(nlp, "Pope Francis prayed at the tomb of Pope John Paul II.", "Pope Francis later met the bishops.")
    actors, _ = resolve_actors(found)
    popes = sorted(a.name for a in actors if a.actor_type == "person")
    assert popes == ["Pope Francis", "Pope John Paul II"]


def test_people_sharing_a_surname_stay_apart(nlp: Language) -> None:
    found = mentions_of(nlp, "Senator John Carter met the voters.", "Judge Mary Carter ruled on the case.")
    actors, _ = resolve_actors(found)
    assert sorted(a.name for a in actors if a.actor_type == "person") == ["John Carter", "Mary Carter"]


def test_city_is_not_the_centre_named_after_it(nlp: Language) -> None:
    text = "The Astana International Financial Centre opened an office in Astana on Friday."
    actors, _ = resolve_actors(mentions_of(nlp, text))
    kinds = {a.name: a.actor_type for a in actors}
    assert kinds["Astana"] == "location" and kinds["Astana International Financial Centre"] == "organization"
    astana = next(a for a in actors if a.name == "Astana")
    assert astana.country_code == "KAZ" and astana.latitude is not None


def test_renamed_capital_resolves_to_one_place() -> None:
    old, new = lookup("Nur-Sultan"), lookup("Astana")
    assert old is not None and new is not None
    assert old.geonameid == new.geonameid and old.country_code == "KAZ"


def test_article_countries_rank_places() -> None:
    london = lookup("London")
    assert london is not None and london.country_code == "GBR"
    springfield = lookup("Springfield", {"USA"})
    assert springfield is not None and springfield.country_code == "USA"


def test_resolution_does_not_depend_on_input_order(nlp: Language) -> None:
    found = mentions_of(nlp, "President Joe Biden met Chancellor Olaf Scholz in Berlin.", "Biden flew to Germany.")
    assert resolve_actors(found) == resolve_actors(list(reversed(found)))


def test_report_is_a_markdown_table(nlp: Language) -> None:
    actors, _ = resolve_actors(mentions_of(nlp, "President Joe Biden met Chancellor Olaf Scholz in Berlin. Biden smiled."))
    table = top_actors_markdown(actors, limit=2).splitlines()
    assert table[0].startswith("| name | type |") and len(table) == 4
    assert "Joe Biden" in table[2]


def test_sample_articles_merge_spelling_variants(nlp: Language) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    actors, _ = resolve_actors(mentions_of(nlp, *texts))
    assert len([a for a in actors if "Tokayev" in a.aliases or "Toqaev" in a.aliases]) == 1
    assert len([a for a in actors if a.name == "Astana"]) == 1
