"""One-sentence wire reports, handed in as text, become articles whose event has the right CAMEO root.

The sentences are written for this test in the shapes wire services use; none comes from the samples."""

import pytest

from pipelines.evaluation import run_pipeline

BRIEFS = [
    ("Iran denounced the United States on Monday.", "11"),
    ("Russia threatened to cut off Ukraine's gas supplies.", "13"),
    ("Hundreds of protesters demonstrated in Cairo on Friday.", "14"),
    ("A village near Kandahar was attacked by gunmen.", "19"),
    ("Police arrested two men in Sydney after the raid.", "17"),
    ("Israeli troops killed three Palestinian militants in Gaza.", "19"),
    ("The United Nations called for a ceasefire in Sudan.", "02"),
    ("Chinese President Hu Jintao met Japanese Prime Minister Junichiro Koizumi in Beijing.", "04"),
    ("The European Union imposed sanctions on Zimbabwe.", "16"),
    ("Thousands of workers went on strike in Seoul.", "14"),
    ("Pakistan accused India of sponsoring terrorism.", "11"),
    ("The government rejected the opposition's demand for early elections.", "12"),
    ("Hamas claimed responsibility for the bombing.", "01"),
    ("Indian and Pakistani troops exchanged fire across the border.", "19"),
    ("A suicide bomber killed 20 people at a market in Kabul.", "18"),
    ("Thousands of students marched through the streets of Santiago.", "14"),
    ("The European Union welcomed the agreement between Serbia and Kosovo.", "05"),
    ("Police used tear gas to disperse the demonstrators.", "17"),
    ("Four people were rescued after their car sank in the river.", "07"),
    # names the model does not know, unnamed title holders, reciprocal targets, weapons as subjects
    ("Arnor denounced Gondor's decision to close the border.", "11"),
    ("The prime minister apologised to the victims.", "05"),
    ("The company denied the allegations.", "01"),
    ("Armenia and Azerbaijan accused each other of violating the ceasefire.", "11"),
    ("A bomb exploded near a bus station in Jos, killing 15 people.", "18"),
    ("He met the Chilean president in Lima on Tuesday.", "04"),
    ("Teachers in Chicago went on strike for the first time in 25 years.", "14"),
    ("Mourners buried six teenagers killed in the violence in Gaza.", "19"),
    # counterparts, exercises, a mislemmatised light verb, a threat aimed at a thing
    ("Turkish President Recep Tayyip Erdogan hosted his Azerbaijani counterpart in Ankara.", "04"),
    ("Chinese warships held joint exercises with Russia.", "06"),
    ("China staged military drills around Taiwan on Saturday.", "15"),
    ("Washington threatened to withdraw its aid if the elections were postponed.", "13"),
    ("Russian forces withdrew from the city of Kherson on Friday.", "08"),
    ("Turkey blocked Sweden's bid to join NATO.", "12"),
    ("The Red Cross delivered medical supplies to the besieged city.", "07"),
    ("Protesters in Tehran chanted slogans against the government.", "14"),
    ("France will send more troops to the Sahel, the defence minister said.", "15"),
    ("An Israeli air strike on Gaza killed a senior Islamic Jihad commander.", "19"),
    ("The Vatican condemned the attack on a church in Nigeria.", "11"),
    ("Riot police used water cannon against students in Jakarta.", "17"),
    ("Soldiers and rebels were killed in an exchange of fire near the border.", "19"),
]


@pytest.fixture(scope="module")
def predictions():
    return run_pipeline([(f"brief:{i}", text) for i, (text, _) in enumerate(BRIEFS)])


@pytest.mark.parametrize(("index", "root"), [(i, root) for i, (_, root) in enumerate(BRIEFS)], ids=[t for t, _ in BRIEFS])
def test_a_brief_yields_its_event(predictions, index: int, root: str) -> None:
    assert root in {r.root for r in predictions[f"brief:{index}"].reports}


def test_a_counterpart_holds_the_title_of_whom_it_is_the_counterpart() -> None:
    (report,) = run_pipeline([("c", "Turkish President Recep Tayyip Erdogan hosted his Azerbaijani counterpart in Ankara.")])["c"].reports
    assert {"president", "azerbaijan"} <= report.target


def test_the_partner_of_a_light_verb_is_the_nominal_event_s_target() -> None:
    (report,) = run_pipeline([("j", "China held joint exercises with Russia.")])["j"].reports
    assert (report.code, report.source, report.target) == ("062", frozenset({"china"}), frozenset({"russia"}))
