"""A long article is parsed in bounded pieces and comes back as one Doc with its own text."""

from pipelines import nlp as nlp_module
from pipelines.clean.segment import split_paragraphs, split_sentences


def test_a_text_past_the_piece_limit_parses_in_pieces_into_one_doc_with_the_same_text(monkeypatch):
    monkeypatch.setattr(nlp_module, "MAX_PIECE_CHARS", 300)
    nlp = nlp_module.load_pipeline()
    monkeypatch.setattr(nlp, "max_length", 1_000)  # longer than any piece, shorter than the text
    paragraph = "Police arrested two men in Sydney on Monday. The men were charged with assault.\n\n"
    text = paragraph * 30 + "A final sentence with no break " + "word " * 80 + "ends here."
    assert len(text) > nlp.max_length
    (doc,) = list(nlp_module.parse(nlp, [text]))
    assert doc.text == text
    starts = {s for s, _ in split_sentences(text, split_paragraphs(text))}
    before_the_long_sentence = len(paragraph) * 30
    assert {s.start_char for s in doc.sents if s.start_char < before_the_long_sentence} == {
        s for s in starts if s < before_the_long_sentence
    }
    assert any(t.dep_ == "nsubj" for t in doc) and any(e.text == "Sydney" for e in doc.ents)


def test_short_texts_are_one_piece_and_keep_their_order():
    nlp = nlp_module.load_pipeline()
    docs = list(nlp_module.parse(nlp, ["First text.", "Second text.", ""]))
    assert [d.text for d in docs] == ["First text.", "Second text.", ""]
