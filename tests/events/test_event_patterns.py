"""The lexicon compiles to DependencyMatcher patterns, and the patterns find the senses the rows name."""

from pipelines.events.extract import _predicates
from pipelines.events.patterns import matches
from pipelines.events.reference import event_lexicon


def codes_at(nlp, text: str, word: str) -> list[str]:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return [m.entry.event_code for m in matches(doc).get(token.i, [])]


def test_every_lexicon_row_compiles_and_a_plain_row_matches_its_lemma(nlp):
    lemmas = {lemma for lemma, _ in event_lexicon()}
    doc = nlp(" ".join(sorted(lemmas)))  # compiling each lemma's patterns validates them
    matches(doc)
    assert codes_at(nlp, "France denounced Germany.", "denounced") == ["111"]


def test_an_object_pattern_selects_its_sense_before_the_plain_row(nlp):
    assert codes_at(nlp, "Rebels captured two soldiers.", "captured")[0] == "173"
    assert codes_at(nlp, "Rebels captured the town.", "captured") == ["192"]


def test_a_mislemmatised_form_takes_the_lexicon_lemma(nlp):
    doc = nlp("Police fined two men.")
    found = matches(doc)
    assert [m.entry.lemma for m in found[1]] == ["fine"] and doc[1].lemma_ == "fine"


def test_a_noun_preposition_pattern_also_matches_the_clause_it_introduces(nlp):
    patterns = [m.entry.pattern for m in matches(nlp("The call for Iran to stop was ignored."))[1]]
    assert "prep:for" in patterns


def test_a_head_pattern_selects_the_sense_its_governor_gives(nlp):
    def patterns_at(text: str) -> list[str]:
        doc = nlp(text)
        token = next(t for t in doc if t.text == "strike")
        return [m.entry.pattern for m in matches(doc).get(token.i, [])]

    assert "head:on" in patterns_at("Pilots of the airline went on strike.")
    assert "head:on" not in patterns_at("The air strike hit a bridge.")


def test_a_subject_pattern_selects_its_sense_by_who_acts(nlp):
    assert "087" in codes_at(nlp, "Russian troops withdrew from the town.", "withdrew")
    assert "087" not in codes_at(nlp, "The bowler had to withdraw from the squad.", "withdraw")


def test_a_light_verb_the_model_mislemmatises_takes_its_own_lemma(nlp):
    doc = nlp("China staged drills.")
    matches(doc)
    assert doc[1].lemma_ == "stage"


def test_a_modifier_pattern_selects_its_sense_by_how_the_act_is_done(nlp):
    assert _predicates(nlp("An air strike hit the town."))[2].event_code == "195"
    assert "195" not in codes_at(nlp, "The union strike closed the port.", "strike")
