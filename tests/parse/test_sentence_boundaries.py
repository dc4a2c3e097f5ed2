"""The parse uses the clean stage's sentences, so every mention and event report lies inside a `sentences` row."""

from pipelines import nlp
from pipelines.clean.segment import split_paragraphs, split_sentences

TEXT = (
    "Gen. Mark Ruiz arrived in Lima on Tuesday. He met the U.S. ambassador at 10 a.m. and left.\n\n"
    "“We are ready,” he said. The talks, officials said, would resume in Sept. next year."
)


def test_spacy_sentences_start_exactly_where_the_clean_stage_splits():
    doc = next(nlp.parse(nlp.load_pipeline(), [TEXT]))
    expected = [start for start, _ in split_sentences(TEXT, split_paragraphs(TEXT))]
    starts = [sentence[0].idx for sentence in doc.sents if not sentence[0].is_space]
    assert starts == expected
