"""Pages in any language are kept with their language; English pages, quotes and lists pass; a bilingual page keeps its English lines."""

import pytest

from pipelines.clean.articles import clean_documents
from pipelines.clean.language import (
    MAX_FOREIGN_LINE_STOP_RATIO,
    MIN_PAGE_STOP_RATIO,
    identify,
    ratio_scale,
    split_languages,
    stop_ratio,
    stop_words,
)
from pipelines.records import CleanArticle, RawDocument, Rejection

FRENCH = [
    "Le conseil municipal a voté mardi soir la fermeture de trois cliniques rurales, en invoquant une pénurie de médecins.",
    "Les habitants de la vallée du nord ont déclaré que l'hôpital le plus proche serait désormais à plus de deux heures de route.",
    "Le président du conseil a estimé que la décision était douloureuse, mais que le budget ne laissait aucune autre option.",
    "Les élus de l'opposition ont quitté la séance et promis de contester le vote devant le tribunal administratif.",
]
SPANISH = [
    "El consejo regional votó el martes a favor de cerrar tres clínicas rurales, alegando la falta de médicos y enfermeras.",
    "Los vecinos del valle del norte dijeron que el hospital más cercano estaría ahora a más de dos horas por carretera.",
    "El presidente del consejo afirmó que la decisión era dolorosa, pero que el presupuesto no dejaba otra opción este año.",
    "Los miembros de la oposición abandonaron la sesión y prometieron impugnar la votación ante el tribunal regional.",
]
GERMAN = [
    "Der Stadtrat hat am Dienstagabend beschlossen, drei Kliniken auf dem Land zu schließen, weil es an Ärzten fehlt.",
    "Die Bewohner des nördlichen Tals sagten, das nächste Krankenhaus sei nun mehr als zwei Stunden mit dem Auto entfernt.",
    "Der Vorsitzende des Rates sagte, die Entscheidung sei schmerzhaft, aber der Haushalt lasse keine andere Wahl.",
    "Die Mitglieder der Opposition verließen die Sitzung und kündigten an, die Abstimmung vor Gericht anzufechten, so wie im Mai.",
]
RUSSIAN = [
    "Региональный совет во вторник проголосовал за закрытие трёх сельских клиник, сославшись на нехватку врачей и медсестёр.",
    "Жители северной долины заявили, что до ближайшей больницы теперь более двух часов езды по дороге.",
    "Председатель совета сказал, что решение было болезненным, но бюджет не оставил другого выбора в этом году.",
    "Члены оппозиции покинули заседание и пообещали оспорить голосование в региональном суде.",
]
CHINESE = [
    "地区议会周二投票决定关闭三家农村诊所，理由是医生和护士短缺。北部山谷的居民说，现在开车到最近的医院需要两个多小时。议会主席表示，这一决定令人痛心，但今年的预算没有留下其他选择。"
]
ENGLISH = [
    "The regional council voted on Tuesday to close three rural clinics, citing a shortage of doctors and nurses.",
    "Residents of the northern valley said the nearest hospital would now be more than two hours away by road.",
    "The council's chairman said the decision was painful but that the budget left no other option this year.",
    "Opposition members walked out of the session and promised to challenge the vote in the regional court.",
]


def clean(*paragraphs: str) -> CleanArticle | Rejection:
    text = "\n\n".join(paragraphs)
    [result] = clean_documents([RawDocument("site/page.txt", "0" * 64, len(text.encode()), "text", text, "utf-8")])
    return result


@pytest.mark.parametrize(
    ("paragraphs", "language"),
    [(FRENCH, "fr"), (SPANISH, "es"), (GERMAN, "de"), (RUSSIAN, "ru"), (CHINESE, "zh")],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_a_page_in_another_language_is_an_article_in_that_language_without_its_furniture(paragraphs: list[str], language: str) -> None:
    result = clean("Accueil | Monde | Politique", *paragraphs, "Partager | Imprimer | © 2024 Le Journal")
    assert isinstance(result, CleanArticle) and result.language == language
    assert result.body == "\n\n".join(paragraphs)
    assert all(result.body[start:end].strip() for start, end in result.sentences) and len(result.sentences) >= 3


def test_a_foreign_story_set_one_sentence_per_line_is_kept_whole() -> None:
    result = clean("\n".join(GERMAN))
    assert isinstance(result, CleanArticle) and result.language == "de" and result.body == "\n\n".join(GERMAN)


def test_english_pages_are_english_without_asking_the_identifier() -> None:
    result = clean(*ENGLISH)
    assert isinstance(result, CleanArticle) and result.language == "en" and identify(" ".join(ENGLISH)) == "en"


def test_english_quoting_a_foreign_phrase_passes() -> None:
    quote = 'The mayor told reporters in Lyon that "nous ne céderons pas face à la pression" before leaving the hall on Tuesday.'
    result = clean(ENGLISH[0], quote, *ENGLISH[1:])
    assert isinstance(result, CleanArticle) and quote in result.body


def test_bilingual_page_keeps_the_english_article() -> None:
    result = clean("Council closes rural clinics", *ENGLISH, "Version française", *FRENCH)
    assert isinstance(result, CleanArticle)
    assert result.body == "\n\n".join(ENGLISH)


def test_a_foreign_article_with_an_english_caption_keeps_the_article_in_its_language() -> None:
    result = clean(*FRENCH[:2], "The council chamber in the northern valley on Tuesday.", *FRENCH[2:])
    assert isinstance(result, CleanArticle) and result.language == "fr"
    assert all(paragraph in result.body for paragraph in FRENCH)


def test_list_heavy_english_article_passes() -> None:
    results = [
        "Northern Valley: Hospital closed, patients moved to Marlow General",
        "Eastbrook: Clinic open on weekdays, Dr Amira Khan and Dr Leon Baptiste",
        "Westfield: Pharmacy services only, Saturday mornings",
        "Hill Top: Mobile unit, first and third Monday of each month",
        "Southern Ridge: No change, Southern Ridge Medical Centre",
    ]
    result = clean(ENGLISH[0], "The changes by district:", *results, *ENGLISH[1:])
    assert isinstance(result, CleanArticle) and ENGLISH[3] in result.body


def test_short_english_brief_passes() -> None:
    brief = ENGLISH[:2] + ["Police said the road would reopen on Friday."]
    result = clean(*brief)
    assert isinstance(result, CleanArticle) and result.body == "\n\n".join(brief)


def test_stop_ratio_ignores_capitalised_words_and_counts_han_characters() -> None:
    assert stop_ratio("Paris, Berlin, Madrid, Rome and Warsaw").ratio == 1.0  # only "and" is lower-case
    assert stop_ratio("北部山谷").words == 4
    assert stop_ratio("").words == 0 and stop_ratio("").ratio == 0.0
    assert min(stop_ratio(p).ratio for p in ENGLISH) >= MIN_PAGE_STOP_RATIO
    assert max(stop_ratio(" ".join(p)).ratio for p in (FRENCH, SPANISH, GERMAN, RUSSIAN)) < MAX_FOREIGN_LINE_STOP_RATIO


def test_short_foreign_heading_goes_with_its_section() -> None:
    split = split_languages([*ENGLISH, *FRENCH[:2], "Réactions des habitants", *FRENCH[2:]])
    assert split.kept == ENGLISH
    assert split.foreign_words == sum(stop_ratio(line).words for line in [*FRENCH, "Réactions des habitants"])


def test_stop_words_come_from_spacy_and_unspaced_scripts_have_none() -> None:
    assert "le" in stop_words("fr") and "und" in stop_words("de")
    assert stop_words("zh") == frozenset() == stop_words("xx-unknown")


def test_a_short_stop_list_lowers_the_bars_its_language_is_judged_by() -> None:
    assert ratio_scale("en") == 1.0 and ratio_scale("de") == 1.0
    assert 0 < ratio_scale("lv") < 0.5  # spaCy's Latvian list has 161 words
    # Latvian prose measures far below the bars set on full lists, and is not dropped as foreign
    paragraph = (
        "Glābšanas darbus, kas vēl joprojām turpinās, apgrūtina nestabila grunts, slikti laika apstākļi un ierobežots "
        "dienasgaismas stundu skaits. Tiek izmantoti siltumjutīgi bezpilota lidaparāti, helikopteri un glābšanas suņi."
    )
    assert split_languages([paragraph], stop_words("lv"), ratio_scale("lv")).kept == [paragraph]
