"""Entity stage: mentions from parsed made-up texts, warehouse-wide actors, the place index."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from spacy.language import Language

from pipelines.clean.segment import split_paragraphs, split_sentences
from pipelines.entities.gazetteer import country_coordinates, lookup
from pipelines.entities.recognise import MENTION_SPANS, EntityMention, find_mentions
from pipelines.entities.report import top_actors_markdown
from pipelines.entities.resolve import ActorRow, MentionRow, mentions_table, resolve_actor_ids, resolve_actors, translit_key
from pipelines.nlp import load_pipeline, parse
from pipelines.warehouse.memo import keyed_records, keyed_schema
from pipelines.warehouse.store import frame_of, schema_of

SAMPLES = Path(__file__).resolve().parents[2] / "seeds" / "articles"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def mentions_of(nlp: Language, *texts: str) -> list[EntityMention]:
    items = [(text, split_sentences(text, split_paragraphs(text))) for text in texts]
    found: list[EntityMention] = []
    for n, (doc, (_, spans)) in enumerate(zip(parse(nlp, [text for text, _ in items]), items, strict=True)):
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
    # The demonyms are country mentions too, as the annotation guideline marks adjectives before nouns.
    assert [(m.text, m.country_code) for m in found if m.actor_type == "country"] == [("Kazakh", "KAZ"), ("Chinese", "CHN")]


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
    assert [(m.text, m.kind) for m in found] == [("mayor", "descriptor"), ("Chicago", "name")]


def test_unnamed_title_holder_is_an_actor_of_its_own(nlp: Language) -> None:
    found = mentions_of(nlp, "The Japanese prime minister met the president.", "The coroner found that the boy died in custody.")
    holders = [(m.text, m.canonical, m.country_code, m.role, m.rule) for m in found if m.kind == "descriptor"]
    assert holders == [
        ("Japanese prime minister", "Prime Minister of Japan", "JPN", "GOV", "unnamed-title"),
        ("president", "President", None, "GOV", "unnamed-title"),
        ("coroner", "Coroner", None, "JUD", "unnamed-title"),
    ]


def test_the_company_refers_to_the_latest_company_named(nlp: Language) -> None:
    found = mentions_of(
        nlp, "Shares of Zantrix Corporation fell on Monday. The company denied the report.", "The ministry denied the report."
    )
    described = [(m.text, m.canonical, m.rule) for m in found if m.kind == "descriptor"]
    assert described == [("company", "Zantrix Corporation", "org-descriptor"), ("ministry", "Ministry", "unnamed-org")]


def test_a_name_the_model_left_unlabelled_is_a_party_to_its_clause(nlp: Language) -> None:
    found = mentions_of(nlp, "Arnor denounced Gondor's decision to close the border.")
    assert ("Arnor", "organization", "unlabelled-name") in [(m.text, m.actor_type, m.rule) for m in found]


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


def test_the_stage_s_mentions_table_is_the_mention_rows_resolution_gives(nlp: Language) -> None:
    found = mentions_of(nlp, "President Tokayev met Xi Jinping in Astana.", "Xi later flew to Moscow, where Tokayev's envoy waited.")
    _, rows = resolve_actors(found)
    _, actor_ids = resolve_actor_ids(found)
    stored = frame_of(
        [record for article_id in ("a0", "a1") for record in keyed_records(article_id, [m for m in found if m.article_id == article_id])],
        keyed_schema(EntityMention),
    )
    expected = frame_of(rows, schema_of(MentionRow))
    assert mentions_table(stored, actor_ids).sort(pl.all()).equals(expected.sort(pl.all())) and len(rows) == len(found)


def test_university_named_after_a_person_is_not_the_person(nlp: Language) -> None:
    actors, _ = resolve_actors(
        mentions_of(nlp, "Students at Nazarbayev University cheered when former President Nursultan Nazarbayev arrived.")
    )
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


def test_lookup_prefers_the_biggest_place_and_places_in_the_articles_countries() -> None:
    london = lookup("London")
    assert london is not None and london.country_code == "GBR"
    springfield = lookup("Springfield", {"USA"})
    assert springfield is not None and springfield.country_code == "USA"


def test_resolution_does_not_depend_on_input_order(nlp: Language) -> None:
    found = mentions_of(nlp, "President Joe Biden met Chancellor Olaf Scholz in Berlin.", "Biden flew to Germany.")
    assert resolve_actors(found) == resolve_actors(list(reversed(found)))


def test_actor_report_is_a_markdown_table_most_mentioned_first(nlp: Language) -> None:
    actors, _ = resolve_actors(mentions_of(nlp, "President Joe Biden met Chancellor Olaf Scholz in Berlin. Biden smiled."))
    table = top_actors_markdown(actors, limit=2).splitlines()
    assert table[0].startswith("| name | type |") and len(table) == 4
    assert "Joe Biden" in table[2]


def test_sample_articles_merge_spelling_variants(nlp: Language) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]
    actors, _ = resolve_actors(mentions_of(nlp, *texts))
    assert len([a for a in actors if "Tokayev" in a.aliases or "Toqaev" in a.aliases]) == 1
    assert len([a for a in actors if a.name == "Astana"]) == 1


def person_links(found: list[EntityMention], kind: str) -> list[tuple[str, str]]:
    return [(m.text, m.canonical) for m in found if m.kind == kind]


def test_descriptor_with_demonym_links_to_the_matching_leader(nlp: Language) -> None:
    found = mentions_of(
        nlp,
        "Kenyan President Daniel Mwangi met Peruvian President Rosa Quispe in Lima. "
        "The Kenyan leader praised the talks, and the Peruvian president thanked him.",
    )
    assert person_links(found, "descriptor") == [("Kenyan leader", "Daniel Mwangi"), ("Peruvian president", "Rosa Quispe")]
    # A demonym is a country mention wherever it qualifies a title, in a descriptor too.
    assert [m.text for m in found if m.actor_type == "country"] == ["Kenyan", "Peruvian", "Kenyan", "Peruvian"]


def test_descriptor_matches_a_title_synonym_or_the_end_of_a_longer_title(nlp: Language) -> None:
    found = mentions_of(nlp, "Pope Leo met Foreign Minister Anna Berg. The pontiff blessed her, and the minister smiled.")
    assert person_links(found, "descriptor") == [("pontiff", "Pope Leo"), ("minister", "Anna Berg")]


def test_descriptor_prefers_the_most_recent_matching_person(nlp: Language) -> None:
    found = mentions_of(nlp, "President Ana Lopez spoke first. President Tom Reed spoke next. The president then left.")
    assert person_links(found, "descriptor") == [("president", "Tom Reed")]


def test_descriptor_without_a_matching_person_is_its_own_title_holder(nlp: Language) -> None:
    found = mentions_of(nlp, "Senator Paul Grant visited the factory. The prime minister did not attend.")
    assert person_links(found, "descriptor") == [("prime minister", "Prime Minister")]


def test_descriptor_of_a_country_falls_back_to_the_dominant_untitled_person(nlp: Language) -> None:
    found = mentions_of(
        nlp,
        "Wen Tao would travel to Lima next week. Before Wen travels, officials met Rosa Quispe. Wen praised the plan. "
        "The Chinese leader's first foreign trip starts there. The Chinese leader will stay two days.",
    )
    assert person_links(found, "descriptor") == [("Chinese leader", "Wen Tao"), ("Chinese leader", "Wen Tao")]
    # The link gives the person the descriptor's country.
    assert {m.country_code for m in found if m.canonical == "Wen Tao"} == {"CHN"}


def test_descriptor_fallback_needs_one_dominant_candidate_outside_its_clause(nlp: Language) -> None:
    tie = mentions_of(nlp, "Wen Tao arrived on Monday. Rosa Quispe left on Tuesday. The Chinese leader spoke later.")
    clause_mate = mentions_of(nlp, "Joe Ames met the Chinese leader on Tuesday.")
    not_an_office = mentions_of(nlp, "Wen Tao spoke on Monday. The Chinese official disagreed.")
    other_title = mentions_of(nlp, "Foreign Minister Wen Tao spoke on Monday. The Chinese president disagreed.")
    named = {"Wen Tao", "Rosa Quispe", "Joe Ames"}
    links = [
        [(text, who) for text, who in person_links(found, "descriptor") if who in named]
        for found in (tie, clause_mate, not_an_office, other_title)
    ]
    assert links == [[], [], [], []]
    # a descriptor that no one of the article surely fits is no one when someone might be meant,
    # and otherwise a title holder of its own
    assert person_links(tie, "descriptor") == []
    assert person_links(other_title, "descriptor") == [("Chinese president", "President of China")]


def test_descriptor_prefers_the_person_known_to_be_of_its_country(nlp: Language) -> None:
    found = mentions_of(nlp, "Wen Tao met Peruvian President Rosa Quispe. Wen spoke twice. Wen left. The Peruvian leader stayed.")
    assert person_links(found, "descriptor") == [("Peruvian leader", "Rosa Quispe")]


def test_possessive_country_before_a_name_gives_the_person_that_country(nlp: Language) -> None:
    found = mentions_of(nlp, "China's Wen Tao met Peru's president Rosa Quispe in Lima.")
    assert (by_text(found, "Wen Tao").country_code, by_text(found, "Rosa Quispe").country_code) == ("CHN", "PER")
    assert [m.text for m in found if m.actor_type == "country"] == ["China", "Peru"]


def test_pronoun_links_to_the_only_person_in_the_window(nlp: Language) -> None:
    found = mentions_of(nlp, "Senator Paul Grant visited the factory on Monday. He promised new jobs for the town.")
    assert person_links(found, "pronoun") == [("He", "Paul Grant")]


def test_pronoun_with_two_candidate_people_is_not_linked(nlp: Language) -> None:
    found = mentions_of(nlp, "Senator Paul Grant met Governor Mary Stone on Monday. He promised new jobs for the town.")
    assert person_links(found, "pronoun") == []


def test_pronoun_inside_a_quotation_is_not_linked(nlp: Language) -> None:
    found = mentions_of(nlp, 'Senator Paul Grant spoke on Monday. "He was a good friend," the senator said.')
    assert person_links(found, "pronoun") == []


def test_mentions_carry_their_kind(nlp: Language) -> None:
    text = "The North Atlantic Treaty Organization (NATO) said Russians and Canadian troops would train. NATO agreed."
    kinds = {(m.text, m.kind) for m in mentions_of(nlp, text)}
    assert {("North Atlantic Treaty Organization", "name"), ("NATO", "acronym"), ("Russians", "demonym"), ("Canadian", "demonym")} <= kinds


def test_plural_demonym_is_the_country(nlp: Language) -> None:
    found = mentions_of(nlp, "Thousands of Kazakhs and Americans gathered outside the embassy.")
    assert {(m.text, m.actor_type, m.country_code) for m in found} == {("Kazakhs", "country", "KAZ"), ("Americans", "country", "USA")}


def test_title_that_goes_with_a_given_name_is_part_of_the_display_name(nlp: Language) -> None:
    found = mentions_of(nlp, "Pope Leo greeted King Harald Olsen. Olsen thanked Leo.", "Leo flew home.")
    actors, _ = resolve_actors(found)
    people = {a.name: a for a in actors if a.actor_type == "person"}
    assert set(people) == {"Pope Leo", "King Harald Olsen"}
    # Aliases stay surface forms; the title implies a country where that is general knowledge.
    assert people["Pope Leo"].aliases == ["Leo"] and people["Pope Leo"].country_code == "VAT"


def test_country_evidence_is_kept_per_mention_and_actor(nlp: Language) -> None:
    found = mentions_of(
        nlp,
        "Australian Foreign Minister Jane Hill met Hamid Karzai. Hill said he agreed.",
        "Jane Hill, the Australian foreign minister, flew home.",
    )
    evidence = [(m.text, m.country_code, m.country_evidence) for m in found if m.actor_type == "person"]
    assert evidence == [
        ("Jane Hill", "AUS", "title"),
        ("Hamid Karzai", None, None),  # the text is silent: no country is guessed
        ("Hill", "AUS", "article"),
        ("Jane Hill", "AUS", "apposition"),
    ]
    assert by_text(found, "Australian").country_evidence == "name"
    actors, rows = resolve_actors(found)
    (hill,) = actor_named(actors, "Jane Hill")
    assert (hill.country_code, hill.country_evidence) == ("AUS", ["apposition", "article", "title"])
    assert [(r.mention_text, r.country_evidence) for r in rows if r.actor_id == hill.actor_id][0] == ("Jane Hill", "title")


def test_a_state_office_without_a_country_takes_the_one_the_article_is_set_in(nlp: Language) -> None:
    found = mentions_of(
        nlp,
        "Defence Minister Jane Hill visited Sydney and Melbourne. French President Jacques Roux called. "
        "President Roux later flew to Brisbane, and Hill met Dr Tom Reed in Perth.",
        "Defence Minister Jane Hill visited Paris and then Berlin.",
    )
    evidence = {(m.article_id, m.text): (m.country_code, m.country_evidence) for m in found if m.actor_type == "person"}
    assert evidence[("a0", "Jane Hill")] == ("AUS", "context")
    assert evidence[("a0", "Hill")] == ("AUS", "article")
    assert evidence[("a0", "Roux")] == ("FRA", "article")  # the text's own word for him outranks the setting
    assert evidence[("a0", "Tom Reed")] == (None, None)  # no office: no country
    assert evidence[("a1", "Jane Hill")] == (None, None)  # two countries, none dominant
    actors, _ = resolve_actors(found)
    assert [(a.country_code, a.country_evidence) for a in actor_named(actors, "Jane Hill")] == [("AUS", ["article", "context"])]


def test_places_the_model_missed_or_misread_are_placed(nlp: Language) -> None:
    found = mentions_of(
        nlp,
        "As more than 100 blazes burn on New Year's Eve in New South Wales, fire crews have been called in.",
        "Protesters gathered near the presidential palace in the capital, Buenos Aires.",
        "The tailenders batted well in the first Test in Adelaide.",
    )
    places = {m.text: (m.actor_type, m.country_code) for m in found if m.actor_type == "location"}
    assert places == {"New South Wales": ("location", "AUS"), "Buenos Aires": ("location", "ARG"), "Adelaide": ("location", "AUS")}


def test_a_name_ending_two_title_phrases_is_one_mention_with_the_nearer_title(nlp: Language) -> None:
    found = mentions_of(nlp, "An official from Palestinian leader Yasser Arafat's Fatah movement said there had been no attacks.")
    arafat = [m for m in found if m.text == "Yasser Arafat"]
    assert len(arafat) == 1 and arafat[0].country_code == "PSE"


def test_mentions_are_written_onto_the_doc_as_a_span_group(nlp: Language) -> None:
    text = "Chinese President Xi Jinping met police in Paris."
    doc = next(parse(nlp, [text]))
    found = find_mentions(doc, "a0", [("a0-s0", 0, len(text))])
    spans = doc.spans[MENTION_SPANS]
    assert [(s.text, s.label_, s._.mention) for s in spans] == [(m.text, m.actor_type, m) for m in found]
    assert {s.label_ for s in spans} == {"country", "person", "group", "location"}


def test_apposition_gives_the_person_country_and_role(nlp: Language) -> None:
    found = mentions_of(
        nlp, "Ms Lund greeted her Danish counterpart, Erik Holm, on Monday. Marta Silva, the Brazilian president, arrived later."
    )
    assert (by_text(found, "Erik Holm").country_code, by_text(found, "Marta Silva").country_code) == ("DNK", "BRA")
    assert by_text(found, "Marta Silva").role == "GOV"


def test_organisation_name_runs_on_through_of_and_capitalised_words(nlp: Language) -> None:
    text = "Delegates attended the Assembly of Heads of State and Government of Small Islands, which met in Europe."
    orgs = [m.text for m in mentions_of(nlp, text) if m.actor_type == "organization"]
    assert orgs == ["Assembly of Heads of State and Government of Small Islands"]


def test_organisation_name_takes_in_a_continent_but_not_a_city(nlp: Language) -> None:
    found = mentions_of(
        nlp, "The Organization for Security and Co-operation in Europe sent observers. The Ministry of Defence in London agreed."
    )
    assert "Organization for Security and Co-operation in Europe" in {m.text for m in found}
    assert by_text(found, "London").actor_type == "location"


def test_name_spans_drop_scores_and_lowercase_words_but_keep_hyphenated_infixes(nlp: Language) -> None:
    found = mentions_of(nlp, "Members of Lashkar-e-Taiba were arrested in Karachi on Tuesday.")
    assert "Lashkar-e-Taiba" in {m.text for m in found}
    found = mentions_of(nlp, "Scores: Glenn Archer 2, Tom Baxter 3.")
    assert not any(ch.isdigit() for m in found for ch in m.text)


def test_compass_word_makes_another_place_not_the_country(nlp: Language) -> None:
    found = mentions_of(nlp, "The New South Wales Rural Fire Service sent crews.")
    service = by_text(found, "New South Wales Rural Fire Service")
    # Not Wales (GBR): the service is named after the Australian state.
    assert (service.actor_type, service.country_code) == ("organization", "AUS")


def test_country_actors_have_centroid_coordinates(nlp: Language) -> None:
    actors, _ = resolve_actors(mentions_of(nlp, "Officials from Peru and Norway met on Monday."))
    coordinates = {a.name: (a.latitude, a.longitude) for a in actors}
    lat, lon = coordinates["Peru"]
    assert lat is not None and lon is not None and lat < 0 and lon < 0
    assert country_coordinates("NOR") is not None and country_coordinates("XXX") is None


def test_mention_rows_keep_the_kind_of_mention(nlp: Language) -> None:
    _, rows = resolve_actors(mentions_of(nlp, "Senator Paul Grant visited the factory on Monday. He promised new jobs."))
    assert [r.mention_kind for r in rows] == ["name", "pronoun"]


def test_region_with_a_place_modifier_is_not_a_person_and_keeps_its_city(nlp: Language) -> None:
    found = mentions_of(nlp, "Fires burned across Greater Melbourne on Sunday. Residents of Melbourne were told to stay inside.")
    assert {m.actor_type for m in found if "Melbourne" in m.text} == {"location"}


def test_person_name_stops_before_of(nlp: Language) -> None:
    found = mentions_of(nlp, "The quake woke residents. Shane Bradford of Ballarat said it shook his house.")
    assert "Shane Bradford" in {m.canonical for m in found if m.actor_type == "person"}


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_possessive_before_a_defined_acronym(nlp: Language, apostrophe: str) -> None:
    text = f"Delegates attended the Foo Bar Organization{apostrophe}s (FBO) summit in Vienna. The FBO issued a statement."
    orgs = [m for m in mentions_of(nlp, text) if m.actor_type == "organization"]
    assert {m.text for m in orgs} == {"Foo Bar Organization", "FBO"}
    assert {m.canonical for m in orgs} == {"Foo Bar Organization"}


def test_named_initiatives_treaties_and_their_acronyms_are_not_actors(nlp: Language) -> None:
    text = (
        "The road is part of the Great Green Road Initiative (GGRI). Critics doubt the GGRI will last. "
        "Both states signed the Lisbon Accord on Monday, and the Collective Defence Treaty Organization welcomed it."
    )
    texts = {m.text for m in mentions_of(nlp, text)}
    assert not texts & {"Great Green Road Initiative", "GGRI", "Lisbon Accord"}
    assert "Collective Defence Treaty Organization" in texts  # the head word is the organisation's


def test_disease_is_not_an_actor(nlp: Language) -> None:
    found = mentions_of(nlp, "Trade fell after the outbreak of the COVID-19 pandemic in 2020, officials in Peru said.")
    assert [m.text for m in found] == ["officials", "Peru"]


def test_web_domain_cited_as_a_source_is_a_media_organisation(nlp: Language) -> None:
    found = mentions_of(
        nlp, "Russia wants a strong presence in the region (Example18.com, January 12). Officials agreed (Presidency.kz, May 3)."
    )
    for m in found:
        assert m.actor_type != "location"
    site = [m for m in found if m.text.endswith(".kz")]
    assert [(m.actor_type, m.role, m.country_code) for m in site] == [("organization", "MED", "KAZ")]


def test_hyphenated_demonyms_name_two_countries(nlp: Language) -> None:
    found = mentions_of(nlp, "The visit was the most important for Kazakh-Chinese relations since 2013.")
    assert [(m.text, m.actor_type, m.country_code) for m in found] == [("Kazakh", "country", "KAZ"), ("Chinese", "country", "CHN")]


def test_name_after_the_is_no_person_unless_it_qualifies_a_noun(nlp: Language) -> None:
    text = "A member of the Majlis said on Monday that Ivan Petrov receives the Order of the Silver Swan. The Petrov administration agreed."
    people = {m.text for m in mentions_of(nlp, text) if m.actor_type == "person"}
    assert "Majlis" not in people and "Order" not in people
    assert "Petrov" in people


def test_one_word_name_only_after_locatives_is_dropped(nlp: Language) -> None:
    found = mentions_of(nlp, "The country refused to send troops to Zarbakh on the request of its neighbour.")
    assert "Zarbakh" not in {m.text for m in found}
    # The same word as a subject elsewhere in the article is a person's name.
    kept = mentions_of(nlp, "Officials flew to Zarbakh on Monday. Zarbakh said the plan would fail.")
    assert [m.actor_type for m in kept if m.text == "Zarbakh"] == ["person", "person"]
    according = mentions_of(nlp, "According to Johnson, costs will rise.")
    assert [m.actor_type for m in according if m.text == "Johnson"] == ["person"]


def test_hyphenated_given_name_alone_joins_the_full_name_across_articles(nlp: Language) -> None:
    found = mentions_of(
        nlp,
        "President Kassym-Jomart Tokayev opened the session on Monday.",
        "Speaking at the invitation of President Kassym-Jomart, the guest praised the host.",
    )
    actors, _ = resolve_actors(found)
    tokayev = actor_named(actors, "Kassym-Jomart")
    assert len(tokayev) == 1 and tokayev[0].name == "Kassym-Jomart Tokayev"


def test_first_level_regions_of_large_countries_are_places() -> None:
    victoria = lookup("Victoria")
    assert victoria is not None and (victoria.kind, victoria.country_code) == ("state", "AUS")
    bavaria = lookup("Bavaria")
    assert bavaria is not None and bavaria.country_code == "DEU" and bavaria.latitude is not None


def test_shorter_multiword_name_joins_the_only_longer_name_ending_so(nlp: Language) -> None:
    found = mentions_of(
        nlp, "Interim President Adolfo Rodriguez Saa resigned on Sunday. Rodriguez Saa told the nation he could not rescue Argentina."
    )
    assert {m.canonical for m in found if m.actor_type == "person"} == {"Adolfo Rodriguez Saa"}


def test_name_used_only_as_a_place_is_a_place(nlp: Language) -> None:
    text = "Strong winds pushed a huge bushfire towards the town of Hill Top. About 60 fire units in and around Hill Top are optimistic."
    assert {m.actor_type for m in mentions_of(nlp, text) if m.text == "Hill Top"} == {"location"}


def test_a_title_word_inside_an_organisation_name_is_no_person_title(nlp: Language) -> None:
    found = mentions_of(nlp, "A Royal Flying Doctor Service plane crashed at dawn. The pilot was taken to the Queen Margaret Hospital.")
    assert [(m.text, m.actor_type) for m in found] == [
        ("Royal Flying Doctor Service", "organization"),
        ("Queen Margaret Hospital", "organization"),
    ]


def test_a_portfolio_word_before_a_title_is_part_of_the_title(nlp: Language) -> None:
    found = mentions_of(nlp, "Deputy Defence Secretary Paul Wolfram spoke on Monday.")
    assert [(m.text, m.actor_type, m.role) for m in found] == [("Paul Wolfram", "person", "GOV")]


def test_broadcaster_number_words_and_dotted_company_names_are_whole_names(nlp: Language) -> None:
    found = mentions_of(
        nlp, "Senator Hill told Channel Nine the Government was in control. The former managing director of Two.Tel denied claims."
    )
    orgs = [(m.text, m.role) for m in found if m.actor_type == "organization" and m.kind == "name"]
    assert orgs == [("Channel Nine", "MED"), ("Two.Tel", None)]


def test_a_hyphen_spelled_country_acronym_is_the_country(nlp: Language) -> None:
    found = mentions_of(nlp, "The U-S has conceded that the leader escaped.")
    assert [(m.text, m.actor_type, m.country_code) for m in found] == [("U-S", "country", "USA")]


def test_a_product_made_in_a_country_is_no_actor(nlp: Language) -> None:
    found = mentions_of(nlp, "In Jenin, US-made Apaches blasted a building.")
    assert "Apaches" not in {m.text for m in found}


def test_a_regions_demonym_names_the_region(nlp: Language) -> None:
    found = mentions_of(nlp, "The Kashmiri groups denied involvement. Kashmiris have no link with the attack, the Bavarian premier said.")
    regions = [(m.text, m.actor_type, m.canonical, m.kind) for m in found if m.actor_type == "location"]
    assert regions == [
        ("Kashmiri", "location", "Kashmir", "demonym"),
        ("Kashmiris", "location", "Kashmir", "demonym"),
        ("Bavarian", "location", "Bavaria", "demonym"),
    ]


def test_a_name_used_as_a_place_noun_modifier_is_a_place_throughout(nlp: Language) -> None:
    text = "Fighters fled to the Dara Kula caves. The battle for Dara Kula continued as bombers hit the Dara Kula area."
    found = mentions_of(nlp, text + " Nobody said when Dara Kula would fall.")
    assert {m.actor_type for m in found if m.text == "Dara Kula"} == {"location"}


def test_a_mount_abbreviation_starts_a_place_name(nlp: Language) -> None:
    found = mentions_of(nlp, "The plane had come from the coast to Mt Tolley to collect a patient.")
    assert [(m.text, m.actor_type) for m in found] == [("Mt Tolley", "location")]


def test_names_coordinated_with_a_person_or_after_an_orgs_possessive_are_people(nlp: Language) -> None:
    text = "He was assisted by batsmen Makhaya Ntoko and Nanti Haywood. The Wilderness Society's Lyndon Schneiders says he is happy."
    people = {m.text for m in mentions_of(nlp, text) if m.actor_type == "person"}
    assert people == {"Makhaya Ntoko", "Nanti Haywood", "Lyndon Schneiders"}


def test_an_adjective_taken_for_an_organisation_is_dropped(nlp: Language) -> None:
    assert mentions_of(nlp, "An Aboriginal boy died in custody.") == []


def test_a_title_word_ending_a_titled_name_is_a_surname(nlp: Language) -> None:
    found = mentions_of(nlp, "Dr Karim Sultan said the detainees were tired. Dr. Lena King agreed.")
    assert [m.text for m in found if m.actor_type == "person"] == ["Karim Sultan", "Lena King"]


def test_the_role_word_after_former_is_no_first_name(nlp: Language) -> None:
    found = mentions_of(nlp, "Former Beatle George Harrison died on Friday. He met former Wallaby John Eales.")
    assert [m.text for m in found if m.actor_type == "person" and m.kind == "name"] == ["George Harrison", "John Eales"]


def test_lower_case_rank_adjective_is_no_title_and_a_suffixless_name_is_the_full_one(nlp: Language) -> None:
    found = mentions_of(nlp, 'Pope John Paul II addressed a major U.N. conference on Sunday. "Peace needs justice," John Paul said.')
    un = by_text(found, "U.N.")
    assert (un.actor_type, un.role, un.canonical) == ("organization", "IGO", "United Nations")
    assert by_text(found, "John Paul").canonical == "Pope John Paul II"


def test_sports_rank_before_a_name_is_a_title_with_its_country(nlp: Language) -> None:
    keller = by_text(mentions_of(nlp, "Rafter beat Swiss number one Marco Keller in three sets."), "Marco Keller")
    assert (keller.actor_type, keller.country_code) == ("person", "CHE")


def test_organisation_the_article_uses_as_a_place_is_a_place(nlp: Language) -> None:
    text = "Johannesburg's exclusive suburb of Kelvinhurst is the wealthiest in Africa. Just a few kilometres from Kelvinhurst begins a township."
    assert {m.actor_type for m in mentions_of(nlp, text) if m.text == "Kelvinhurst"} == {"location"}


def test_name_in_apposition_with_a_party_is_an_organisation_everywhere(nlp: Language) -> None:
    text = "Hartalia, a political party that campaigns for independence, faces a ban today. A judge is poised to suspend Hartalia's activities."
    assert {(m.actor_type, m.role) for m in mentions_of(nlp, text) if m.text == "Hartalia"} == {("organization", "PTY")}


def _person(article: str, text: str, country: str | None = None, actor_type: str = "person") -> EntityMention:
    return EntityMention(article, 0, len(text), text, actor_type, country, None, f"{article}-s0", text)


def test_lone_given_name_joins_a_full_name_elsewhere_only_on_shared_evidence() -> None:
    actors, _ = resolve_actors([_person("a1", "Kerry Nettle"), _person("a2", "Kerry")])
    assert sorted(a.name for a in actors) == ["Kerry", "Kerry Nettle"]
    actors, _ = resolve_actors([_person("a1", "Xi Jinping", "CHN"), _person("a2", "Xi", "CHN")])
    assert [a.name for a in actors] == ["Xi Jinping"]


def test_unknown_place_named_like_a_person_elsewhere_is_that_person() -> None:
    actors, _ = resolve_actors([_person("a1", "Aden Ridgeway"), _person("a2", "Aden Ridgeway", actor_type="location")])
    assert [(a.name, a.actor_type, a.article_count) for a in actors] == [("Aden Ridgeway", "person", 2)]


def test_generic_groups_are_actors_with_their_country_and_role(nlp: Language) -> None:
    found = mentions_of(nlp, "Israeli troops fired on protesters near a police station, and Australia's government protested.")
    groups = {m.text: (m.actor_type, m.country_code, m.role, m.kind) for m in found if m.kind == "generic"}
    assert groups == {
        "troops": ("group", "ISR", "MIL", "generic"),
        "protesters": ("group", None, "OPP", "generic"),
        "government": ("organization", "AUS", "GOV", "generic"),
    }


def countries_of(found: list[EntityMention]) -> dict[str, str | None]:
    return {m.text: m.country_code for m in found if m.actor_type == "person"}


def test_country_before_a_title_reaches_past_modifying_words(nlp: Language) -> None:
    found = mentions_of(nlp, "Kenyan rugby captain Tom Otieno met Russian Orthodox Patriarch Feodor in Moscow.")
    assert countries_of(found) == {"Tom Otieno": "KEN", "Feodor": "RUS"}
    assert by_text(found, "Feodor").role == "REL"
    # A state before the modifying words gives its country.
    assert countries_of(mentions_of(nlp, "As predicted, Queensland pace bowler Tom Reed replaces the captain.")) == {"Tom Reed": "AUS"}
    # Unless a country precedes them, words before a title are left alone: "spin" is no country.
    assert countries_of(mentions_of(nlp, "The team picked spin bowler Tom Otieno.")) == {"Tom Otieno": None}


def test_possessive_country_or_complement_of_a_title_gives_the_country(nlp: Language) -> None:
    found = mentions_of(nlp, "Peru's Prime Minister Ana Rios met Prime Minister of Kenya Tom Otieno.")
    assert countries_of(found) == {"Ana Rios": "PER", "Tom Otieno": "KEN"}
    # The country stays a mention of its own.
    assert [m.text for m in found if m.actor_type == "country"] == ["Peru", "Kenya"]


def test_apposition_with_a_complement_or_a_possessive_gives_the_country(nlp: Language) -> None:
    found = mentions_of(
        nlp,
        "Talks were led by the head of the Palestinian Authority, Omar Haddad, on Sunday. "
        "A spokeswoman for the Israeli army, Dana Levi, said troops had left. "
        "Mr Brandt, Germany's foreign minister, said the plan had failed. "
        "Later, Mr Tom Silva, the foreign minister of Peru, agreed.",
    )
    assert countries_of(found) == {"Omar Haddad": "PSE", "Dana Levi": "ISR", "Brandt": "DEU", "Tom Silva": "PER"}
    assert by_text(found, "Brandt").role == "GOV"
    assert {m.country_evidence for m in found if m.actor_type == "person"} == {"apposition"}


def test_organisation_or_place_a_person_is_affiliated_with_gives_the_country(nlp: Language) -> None:
    found = mentions_of(
        nlp,
        "Hamas leader Omar Haddad spoke first. Queensland Premier Tom Reed replied. "
        "Ann Lee of the Australian Labor Party disagreed, and American Dana Cole took photographs.",
    )
    assert countries_of(found) == {"Omar Haddad": "PSE", "Tom Reed": "AUS", "Ann Lee": "AUS", "Dana Cole": "USA"}
    evidence = {m.text: m.country_evidence for m in found if m.actor_type == "person"}
    assert evidence == {"Omar Haddad": "affiliation", "Tom Reed": "affiliation", "Ann Lee": "affiliation", "Dana Cole": "demonym"}
    # The organisation and the place before the title stay mentions of their own.
    assert (by_text(found, "Hamas").country_code, by_text(found, "Queensland").actor_type) == ("PSE", "location")


def test_organisation_named_after_a_state_or_owned_by_a_place_takes_its_country(nlp: Language) -> None:
    found = mentions_of(
        nlp, "The Queensland Health Department and the Sydney Water Corporation agreed, as did New York's Police Department."
    )
    named = [
        by_text(found, name).country_code for name in ("Queensland Health Department", "Sydney Water Corporation", "Police Department")
    ]
    assert named == ["AUS", "AUS", "USA"]


def test_surname_joins_the_full_name_within_and_across_articles(nlp: Language) -> None:
    found = mentions_of(nlp, "President Ana Lopez arrived on Monday. Mr Lopez spoke twice.", "Mr Lopez left on Friday.")
    assert {m.canonical for m in found if m.article_id == "a0" and m.actor_type == "person"} == {"Ana Lopez"}
    actors, _ = resolve_actors(found)
    assert [(a.name, a.article_count) for a in actors if a.actor_type == "person"] == [("Ana Lopez", 2)]


def test_one_name_spelt_or_split_differently_is_one_person() -> None:
    actors, _ = resolve_actors(
        [
            _person("a1", "Rashid Qaddouri", "LBY"),
            _person("a2", "Rashid Gadhouri"),
            _person("a3", "Gadhouri"),
            _person("a4", "Hamid bin Laden"),
            _person("a5", "Hamid bin Ladin"),
            _person("a6", "Abdel-Karim Nasser"),
            _person("a7", "Abdel Karim Nasser"),
        ]
    )
    assert sorted((a.aliases, a.article_count) for a in actors) == [
        (["Abdel Karim Nasser", "Abdel-Karim Nasser"], 2),
        (["Gadhouri", "Rashid Gadhouri", "Rashid Qaddouri"], 3),
        (["Hamid bin Laden", "Hamid bin Ladin"], 2),
    ]


def test_similar_names_of_different_people_stay_apart() -> None:
    actors, _ = resolve_actors(
        [_person("a1", "John Martin"), _person("a2", "John Morton"), _person("a3", "George Reed"), _person("a4", "Laura Reed")]
    )
    assert sorted(a.name for a in actors) == ["George Reed", "John Martin", "John Morton", "Laura Reed"]
    # Conflicting countries keep even one spelling's variants apart.
    actors, _ = resolve_actors([_person("a1", "Hamid bin Laden", "SAU"), _person("a2", "Hamid bin Ladin", "YEM")])
    assert len(actors) == 2


def test_bare_surname_goes_to_the_dominant_bearer_in_its_article_only(nlp: Language) -> None:
    found = mentions_of(
        nlp,
        "President George Reed met Laura Reed. George Reed spoke. George Reed left. Mr Reed smiled.",
        "President George Reed met Laura Reed in Texas. Mr Reed smiled.",
    )
    assert [m.canonical for m in found if m.text == "Reed"] == ["George Reed", "Reed"]
    # Where the article leaves it open, George Reed's dominance elsewhere does not decide it.
    actors, _ = resolve_actors(found)
    assert sorted(a.name for a in actors if a.actor_type == "person") == ["George Reed", "Laura Reed", "Reed"]


def test_a_capital_that_speaks_is_its_government_and_a_listed_seat_of_power_is_an_organisation(nlp):
    from pipelines.entities.recognise import find_mentions

    def kinds(text: str) -> dict[str, tuple[str, str | None]]:
        doc = nlp(text)
        return {m.text: (m.actor_type, m.country_code) for m in find_mentions(doc, "a", [("a#0", 0, len(text))])}

    assert kinds("Washington said it would impose sanctions on Iran.")["Washington"] == ("country", "USA")
    assert kinds("Protesters gathered in Washington on Monday.")["Washington"][0] == "location"
    assert kinds("The Kremlin warned Ukraine on Friday.")["Kremlin"] == ("organization", "RUS")


def test_every_mention_names_the_passes_that_made_it(nlp):
    from pipelines.entities.recognise import find_mentions

    text = "Washington said police arrested Prime Minister Ann Lee."
    rules = {m.text: m.rule for m in find_mentions(nlp(text), "a", [("a#0", 0, len(text))])}
    assert rules["Washington"].endswith("+capital-as-government") and rules["Washington"].startswith("ner:")
    assert rules["police"] == "generic-group" and rules["Ann Lee"] == "titled-person"


def _short(article: str, text: str, full: str, country: str | None = None) -> EntityMention:
    """A one-word mention its article links to a full name."""
    return EntityMention(article, 10, 10 + len(text), text, "person", country, None, f"{article}-s0", full)


def test_a_short_form_an_article_uses_for_a_full_name_joins_it_elsewhere() -> None:
    # "Tan" is the family name, first: its own article uses it alone for the full name.
    actors, _ = resolve_actors([_person("a1", "Tan Weiming", "CHN"), _short("a1", "Tan", "Tan Weiming", "CHN"), _person("a2", "Tan")])
    assert [(a.name, a.article_count) for a in actors] == [("Tan Weiming", 2)]
    # Without that evidence a lone given name stays apart from the full name it begins.
    actors, _ = resolve_actors([_person("a1", "Tan Weiming", "CHN"), _person("a2", "Tan")])
    assert sorted(a.name for a in actors) == ["Tan", "Tan Weiming"]
    # A lone surname joins the one full name ending so, unless the countries conflict.
    actors, _ = resolve_actors([_person("a1", "Ivo Marek", "CZE"), _person("a2", "Marek")])
    assert [a.name for a in actors] == ["Ivo Marek"]
    actors, _ = resolve_actors([_person("a1", "Ivo Marek", "CZE"), _person("a2", "Marek", "POL")])
    assert sorted(a.name for a in actors) == ["Ivo Marek", "Marek"]


def test_given_names_transliterated_with_other_vowels_are_one_name() -> None:
    actors, _ = resolve_actors(
        [_person("a1", "Mohammed Farouqi", "EGY"), _person("a2", "Muhammad Farouqi"), _person("a3", "Dmitri Sorokow", "RUS")]
        + [_person("a4", "Dmitry Sorokov", "RUS")]
    )
    assert sorted((a.name, a.article_count) for a in actors) == [("Dmitri Sorokow", 2), ("Mohammed Farouqi", 2)]
    # Other given names of one surname stay apart, and so do short names differing in a vowel.
    actors, _ = resolve_actors(
        [_person("a1", "Martin Farouqi"), _person("a2", "Morton Farouqi"), _person("a3", "Jon Lee"), _person("a4", "Jun Lee")]
    )
    assert len(actors) == 4
    # A conflicting country keeps variants apart.
    actors, _ = resolve_actors([_person("a1", "Mohammed Farouqi", "EGY"), _person("a2", "Muhammad Farouqi", "PAK")])
    assert len(actors) == 2


def test_a_town_is_placed_in_the_division_its_article_names(nlp: Language) -> None:
    text = "Flooding closed roads in Springfield on Monday, and the governor of Illinois declared an emergency."
    springfield = by_text(mentions_of(nlp, text), "Springfield")
    place = lookup("Springfield", context_places=["Illinois"])
    assert place is not None and place.admin1 == "Illinois" and springfield.geonameid == place.geonameid
    elsewhere = by_text(mentions_of(nlp, "Flooding closed roads in Springfield on Monday."), "Springfield")
    assert elsewhere.geonameid != place.geonameid


def test_a_merged_person_records_why_each_other_name_is_theirs() -> None:
    actors, _ = resolve_actors(
        [
            _person("a1", "Ivo Marek", "CZE"),
            _person("a2", "Marek"),
            _person("a3", "Mohammed Farouqi", "EGY"),
            _person("a4", "Muhammad Farouqi"),
        ]
    )
    merged = {a.name: a.merged_names for a in actors}
    assert merged == {
        "Ivo Marek": ["Marek: the surname of Ivo Marek"],
        "Mohammed Farouqi": ["Muhammad Farouqi: the same full name written another way"],
    }


def test_a_country_named_like_a_division_among_that_divisions_places_is_the_division(nlp: Language) -> None:
    beside_atlanta = mentions_of(nlp, "Storms hit Atlanta and other parts of Georgia on Monday.")
    beside_tbilisi = mentions_of(nlp, "Protesters gathered in Tbilisi, the capital of Georgia, on Monday.")
    assert [(m.actor_type, m.country_code) for m in beside_atlanta if m.text == "Georgia"] == [("location", "USA")]
    assert [(m.actor_type, m.country_code) for m in beside_tbilisi if m.text == "Georgia"] == [("country", "GEO")]


def test_a_feature_the_model_split_at_of_is_one_place(nlp: Language) -> None:
    found = mentions_of(nlp, "Fishermen said the storm in the Bay of Biscay was the worst in years.")
    assert [(m.text, m.actor_type, m.rule) for m in found if m.actor_type == "location"] == [("Bay of Biscay", "location", "joined-place")]


def test_towns_of_the_country_a_story_is_set_in_are_places_near_or_listed_with_places(nlp: Language) -> None:
    text = (
        "A new blaze near Goulburn, south-west of Sydney, closed the highway. Residents left for nearby Mittagong. "
        "Fires burn as far inland as Mudgee, Narromine and Kempsey."
    )
    found = {m.text: (m.actor_type, m.country_code) for m in mentions_of(nlp, text)}
    for town in ("Goulburn", "Mittagong", "Mudgee", "Narromine", "Kempsey"):
        assert found.get(town) == ("location", "AUS"), town


def test_a_whole_unlabelled_proper_noun_run_naming_a_known_place_is_one_in_any_role(nlp: Language) -> None:
    found = mentions_of(
        nlp,
        "Storms lashed the New South Wales north coast overnight.",
        "A total fire ban is in force across the ACT until Friday.",
        "Powers granted under the Act were used twice.",
        "Ann Lee of the Northern Territory Aids Council spoke.",
    )
    places = {m.text: (m.rule, m.country_code) for m in found if m.actor_type == "location"}
    assert places == {"New South Wales": ("known-place-name", "AUS"), "ACT": ("known-place-name", "AUS")}


def test_a_built_site_named_after_a_town_is_placed_at_the_town_and_a_river_is_not(nlp: Language) -> None:
    found = mentions_of(nlp, "Rockets hit the Kandahar Airport on Tuesday.", "Rafters drowned in the Mudgee River.")
    actors, _ = resolve_actors(found)
    airport = next(a for a in actors if a.name == "Kandahar Airport")
    town = lookup("Kandahar")
    assert (airport.place_kind, airport.latitude, airport.longitude, airport.country_code) == ("site", town.latitude, town.longitude, "AFG")
    assert all(a.latitude is None for a in actors if "Mudgee" in a.name)  # a town, and no river of that name


def test_a_story_set_in_one_country_does_not_place_a_small_namesake_from_another(nlp: Language) -> None:
    # "Western Highlands" is a province of Papua New Guinea, and a stretch of many other countries
    found = mentions_of(nlp, "Heavy rain fell on Sydney and across the Western Highlands on Monday.")
    actors, _ = resolve_actors(found)
    highlands = next(a for a in actors if a.name == "Western Highlands")
    assert (highlands.latitude, highlands.country_code) == (None, None)
    assert next(a for a in actors if a.name == "Sydney").country_code == "AUS"


def test_a_metropolitan_area_is_placed_at_its_city(nlp: Language) -> None:
    actors, _ = resolve_actors(mentions_of(nlp, "Fires ringed Greater Sydney on Monday."))
    metro, city = next(a for a in actors if a.name == "Greater Sydney"), lookup("Sydney")
    assert (metro.place_kind, metro.latitude, metro.longitude, metro.country_code) == ("site", city.latitude, city.longitude, "AUS")


def test_the_territory_is_the_one_territory_the_article_named(nlp: Language) -> None:
    found = mentions_of(
        nlp,
        "Ann Lee of the Northern Territory Aids Council spoke. Infections in the Territory rose.",
        "Infections in the Territory rose.",  # no territory named: no guess
    )
    short = [m for m in found if m.text == "Territory"]
    assert [(m.article_id, m.actor_type, m.canonical, m.country_code) for m in short if m.article_id == "a0"] == [
        ("a0", "location", "Northern Territory", "AUS")
    ]
    assert all(m.canonical != "Northern Territory" for m in short if m.article_id == "a1")


def test_a_country_describing_a_person_or_their_group_gives_the_person_it(nlp: Language) -> None:
    found = mentions_of(
        nlp,
        "They were beaten by Swiss pair Martina Hingis and Roger Federer in the final.",
        "The United States team of Monica Seles and Anna Kerr won.",
        "Australian police arrested John Smith on Monday.",  # a verb between: the police are Australian, not Smith
    )
    countries = {m.text: (m.country_code, m.country_evidence) for m in found if m.actor_type == "person"}
    assert countries["Martina Hingis"] == countries["Roger Federer"] == ("CHE", "demonym")
    assert countries["Monica Seles"] == ("USA", "demonym")
    assert countries["John Smith"] == (None, None)


def test_a_town_after_above_or_through_is_a_place(nlp: Language) -> None:
    found = mentions_of(nlp, "Fires burned near Sydney. Lightning sparked new fires above Grafton overnight.")
    assert by_text(found, "Grafton").actor_type == "location"


def test_a_division_the_model_split_from_its_first_word_is_joined(nlp: Language) -> None:
    from pipelines.entities.recognise import _Draft, _joined_places

    doc = nlp("Fires hit Western Australia and Anna Western Australia-bound.")
    split = [_Draft(2, 3, "location"), _Draft(3, 4, "country", "AUS"), _Draft(5, 7, "person"), _Draft(7, 8, "country", "AUS")]
    joined = _joined_places(split, doc)
    assert [(d.start, d.end, d.actor_type, d.canonical) for d in joined][0] == (2, 4, "location", "Western Australia")
    assert [(d.start, d.end, d.actor_type) for d in joined][1:] == [(5, 7, "person"), (7, 8, "country")]  # no person's word joins


def test_a_titled_name_runs_through_its_particles(nlp: Language) -> None:
    found = mentions_of(nlp, "Chile's President Ramon de la Vega resigned on Monday. Minister Ann Lee of Sydney said so.")
    assert by_text(found, "Ramon de la Vega").country_code == "CHL"
    assert "Ann Lee" in {m.text for m in found if m.actor_type == "person"}  # "of" is no particle


def test_a_country_term_the_model_buried_in_a_title_phrase_is_a_mention(nlp: Language) -> None:
    found = mentions_of(nlp, "British Defence Secretary Tom Brand said the troops would stay.")
    assert (by_text(found, "British").actor_type, by_text(found, "British").country_code) == ("country", "GBR")
    assert by_text(found, "Tom Brand").country_code == "GBR"
    assert [m.text for m in found].count("British") == 1


def test_a_two_word_regional_demonym_names_the_region_and_gives_its_country(nlp: Language) -> None:
    found = mentions_of(nlp, "South Australian police are expected to reveal details of the operation today.")
    region = by_text(found, "South Australian")
    assert (region.actor_type, region.canonical) == ("location", "South Australia")
    assert by_text(found, "police").country_code == "AUS"


def test_a_hyphenated_place_the_tokenizer_split_is_one_place(nlp: Language) -> None:
    found = mentions_of(nlp, "The prisoners were captured near the northern city of Mazar-e-Sharif last week.")
    place = by_text(found, "Mazar-e-Sharif")
    assert (place.actor_type, place.country_code) == ("location", "AFG")
    assert not {"Mazar", "Sharif"} & {m.text for m in found}


def test_the_place_a_named_event_is_held_at_is_a_place(nlp: Language) -> None:
    found = mentions_of(nlp, "The bowler missed the Perth Test. He was dropped for the Brisbane Test. The Sydney Olympics were a success.")
    places = {"Perth", "Brisbane", "Sydney"}
    assert {(m.text, m.actor_type) for m in found if m.text in places} == {(p, "location") for p in places}
    assert not {"Perth Test", "Brisbane Test", "Sydney Olympics"} & {m.text for m in found}


def test_an_office_takes_the_country_its_part_of_a_bulletin_is_set_in(nlp: Language) -> None:
    australian = "Police in Sydney and Melbourne searched homes. The Federal Attorney-General Tom Brand says ASIO needs more power. "
    filler = "Nothing more was said about the matter by anybody who had been asked about it during the day. " * 6
    american = (
        "In Washington, the United States Senate debated. US troops in the United States and US officials in the United States waited. " * 2
    )
    found = mentions_of(nlp, australian + filler + american)
    assert by_text(found, "Tom Brand").country_code == "AUS"


def test_a_town_the_tagger_took_for_a_noun_after_a_locative_is_a_place(nlp: Language) -> None:
    found = mentions_of(nlp, "Fires burned near Sydney and Wollongong. One at Appin in the south was quickly brought under control.")
    assert (by_text(found, "Appin").actor_type, by_text(found, "Appin").country_code) == ("location", "AUS")


def test_a_capitalised_territory_is_no_law(nlp: Language) -> None:
    found = mentions_of(nlp, "Victoria has recorded three deaths, while the ACT and Tasmania remain free of them. The Act was passed.")
    assert by_text(found, "ACT").canonical == "Australian Capital Territory"
    assert "Act" not in {m.text for m in found}


def test_a_named_event_opening_with_a_country_term_gives_that_country(nlp: Language) -> None:
    found = mentions_of(nlp, "A marshal died at the 2001 Australian Formula One Grand Prix in Melbourne.")
    assert (by_text(found, "Australian").actor_type, by_text(found, "Australian").country_code) == ("country", "AUS")


def test_a_title_qualified_by_an_organisation_word_takes_that_organisations_country(nlp: Language) -> None:
    found = mentions_of(nlp, "Chile's Foreign Ministry rejected the demand. It will fail, ministry spokesman Ramon Vega said.")
    assert (by_text(found, "Ramon Vega").country_code, by_text(found, "Ramon Vega").country_evidence) == ("CHL", "affiliation")


def test_an_agency_style_state_abbreviation_places_the_town_in_that_state(nlp: Language) -> None:
    found = mentions_of(nlp, "She was born in Springfield, Ill., and moved to Tulsa, Okla., in 1990.")
    assert (by_text(found, "Ill.").canonical, by_text(found, "Okla.").canonical) == ("Illinois", "Oklahoma")
    assert (
        by_text(found, "Springfield").canonical == "Springfield"
        and by_text(found, "Springfield").geonameid == lookup("Springfield", context_places=["Illinois"]).geonameid
    )


def test_a_place_the_model_took_for_a_people_is_a_place_before_a_division_word(nlp: Language) -> None:
    found = mentions_of(nlp, "The governor of Chihuahua state said the crossing would reopen. Muslim leaders met in Cairo.")
    assert by_text(found, "Chihuahua").actor_type == "location"
    assert "Muslim" not in {m.text for m in found if m.actor_type == "location"}


def test_a_famous_built_site_is_a_place_however_the_model_labels_it(nlp: Language) -> None:
    found = mentions_of(nlp, "A memorial will stand on the site of the World Trade Center. Crowds filled Tahrir Square again.")
    for name, country in (("World Trade Center", "USA"), ("Tahrir Square", "EGY")):
        assert (by_text(found, name).actor_type, by_text(found, name).country_code) == ("location", country)


def test_an_organisation_before_a_role_noun_gives_the_person_its_country(nlp: Language) -> None:
    found = mentions_of(nlp, "Federal Bureau of Investigation agent Margaret Lane said the device was real.")
    assert (by_text(found, "Margaret Lane").country_code, by_text(found, "Margaret Lane").country_evidence) == ("USA", "affiliation")


def test_a_country_term_and_the_words_after_it_naming_a_place_are_that_place(nlp: Language) -> None:
    found = mentions_of(nlp, "The army will take security matters in the Palestinian territories into its own hands.")
    assert (by_text(found, "Palestinian territories").actor_type, by_text(found, "Palestinian territories").country_code) == (
        "country",
        "PSE",
    )


def test_a_group_spans_the_nouns_compounding_it_and_takes_their_role(nlp: Language) -> None:
    found = mentions_of(nlp, "Fire authorities say union leaders met the police officers. Three Israeli troops arrived.")
    groups = {m.text: (m.canonical, m.role) for m in found if m.actor_type == "group"}
    assert groups["Fire authorities"] == ("fire authorities", "GOV")
    assert groups["union leaders"] == ("union leaders", "LAB")
    assert groups["police officers"] == ("police officers", "COP")
    assert groups["troops"] == ("Israel troops", "MIL")  # numbers and country terms stay out


def test_a_named_government_is_one_organisation_and_a_generic_one_keeps_its_classifier(nlp: Language) -> None:
    found = mentions_of(
        nlp, "The Australian Government and the United States Government agree. The interim government met the security cabinet."
    )
    assert (by_text(found, "Australian Government").actor_type, by_text(found, "Australian Government").country_code) == (
        "organization",
        "AUS",
    )
    assert by_text(found, "United States Government").country_code == "USA"
    assert {m.text for m in found if m.kind == "generic"} == {"interim government", "security cabinet"}


def test_a_surname_after_its_particle_is_a_name(nlp: Language) -> None:
    found = mentions_of(nlp, "Omar bin Hassan was not found. Officials say bin Hassan may have fled.")
    assert by_text(found, "bin Hassan").canonical == "Omar bin Hassan"


def test_a_legislature_named_by_its_common_noun_is_a_generic_institution(nlp: Language) -> None:
    found = mentions_of(nlp, "The Senate passed the bill and Congress agreed.")
    assert {(m.text, m.role) for m in found if m.kind == "generic"} == {("Senate", "LEG"), ("Congress", "LEG")}


def test_an_apposition_in_a_relative_clause_gives_the_person_its_country(nlp: Language) -> None:
    found = mentions_of(nlp, "John Smith, who was the Israeli ambassador, said the talks failed.")
    assert (by_text(found, "John Smith").country_code, by_text(found, "John Smith").country_evidence) == ("ISR", "apposition")


def test_a_title_possessed_by_a_countrys_office_takes_that_country(nlp: Language) -> None:
    found = mentions_of(nlp, "The leaders will meet, according to the Russian president's foreign policy adviser Ivan Petrov.")
    assert by_text(found, "Ivan Petrov").country_code == "RUS"
    found = mentions_of(nlp, "The leaders will meet, according to the Russian president's friend Ivan Petrov.")
    assert (by_text(found, "Ivan Petrov").country_code, by_text(found, "Ivan Petrov").country_evidence) == ("RUS", "affiliation")


def test_a_persons_name_ends_before_a_verb_of_a_title_case_headline(nlp: Language) -> None:
    found = mentions_of(nlp, "Xi Jinping arrived on Monday. Xi Stopping By Is 'A Big Deal'")
    assert {m.canonical for m in found if m.actor_type == "person"} == {"Xi Jinping"}


def test_a_division_named_with_its_designation_is_that_division(nlp: Language) -> None:
    found = mentions_of(nlp, "Officials in the Xinjiang Uygur Autonomous Region and Moscow Oblast said the West must act.")
    region = by_text(found, "Xinjiang Uygur Autonomous Region")
    assert (region.canonical, region.country_code) == ("Xinjiang", "CHN")
    assert by_text(found, "West").geonameid is None  # "the West", no region of Cameroon


def test_a_town_named_with_its_state_is_looked_up_in_that_state(nlp: Language) -> None:
    found = mentions_of(nlp, "Officials in Paris, Texas, said the storm passed. In Paris, France, protesters marched.")
    assert [m.country_code for m in found if m.text == "Paris"] == ["USA", "FRA"]


def test_an_unlabelled_name_a_country_and_a_role_describe_is_that_countrys_person(nlp: Language) -> None:
    found = mentions_of(nlp, "Lee was fined for giving New Zealand tailender Shane Bond an unsportsmanlike send-off.")
    assert (by_text(found, "Shane Bond").actor_type, by_text(found, "Shane Bond").country_code) == ("person", "NZL")


def test_a_lower_case_institution_word_refers_to_the_institution_it_opens_the_name_of(nlp: Language) -> None:
    found = mentions_of(nlp, "The Congress of Leaders of World Religions opened on Wednesday. The congress adopted a declaration.")
    assert by_text(found, "congress").kind == "descriptor"
    assert by_text(found, "congress").canonical.startswith("Congress of Leaders")


def test_major_media_security_services_and_armed_groups_carry_their_country(nlp: Language) -> None:
    found = mentions_of(nlp, "Xinhua reported that the Israel Defense Forces and Boko Haram were named, TASS said.")
    assert {m.text: (m.country_code, m.role) for m in found if m.actor_type == "organization"} == {
        "Xinhua": ("CHN", "MED"),
        "Israel Defense Forces": ("ISR", "MIL"),
        "Boko Haram": ("NGA", "INS"),
        "TASS": ("RUS", "MED"),
    }


def test_an_organisation_ends_before_a_hyphen_and_what_it_did(nlp: Language) -> None:
    found = mentions_of(nlp, "The force was set up under a UN-brokered accord.")
    assert by_text(found, "UN").canonical == "United Nations"


def test_a_name_after_a_bearing_is_a_known_town_of_any_size(nlp: Language) -> None:
    found = mentions_of(nlp, "Police were called to the area 100 kilometres west of Alice Springs, after a beacon was activated.")
    assert (by_text(found, "Alice Springs").actor_type, by_text(found, "Alice Springs").country_code) == ("location", "AUS")


def test_an_organisation_word_before_the_name_it_describes_is_no_actor_of_its_own(nlp: Language) -> None:
    found = mentions_of(nlp, "Two gunmen from the radical Islamic group Hamas infiltrated the settlement.")
    assert [m.text for m in found if m.actor_type == "organization"] == ["Hamas"]
