"""Paragraph and sentence spans: trimmed, inside paragraphs, covering every non-space char."""

from pipelines.clean.segment import split_paragraphs, split_sentences


def texts(body: str, spans: list[tuple[int, int]]) -> list[str]:
    return [body[start:end] for start, end in spans]


def assert_covers(body: str, spans: list[tuple[int, int]]) -> None:
    covered = set()
    for start, end in spans:
        assert body[start:end] == body[start:end].strip()
        covered.update(range(start, end))
    assert all(i in covered for i, ch in enumerate(body) if not ch.isspace())


def test_paragraphs_are_blank_line_separated_and_trimmed() -> None:
    body = "  First line\nstill first.\n\n\n Second one. \n\nThird"
    spans = split_paragraphs(body)
    assert texts(body, spans) == ["First line\nstill first.", "Second one.", "Third"]
    assert_covers(body, spans)


def test_empty_body_has_no_spans() -> None:
    assert split_paragraphs("") == []
    assert split_sentences(" \n\n ") == []


def test_titles_initials_and_numbers_do_not_end_sentences() -> None:
    body = "Mr. Smith met Gen. Jane Doe and J. K. Rowling. Prices rose 3.5 percent. It was No. 10 on the list."
    assert texts(body, split_sentences(body)) == [
        "Mr. Smith met Gen. Jane Doe and J. K. Rowling.",
        "Prices rose 3.5 percent.",
        "It was No. 10 on the list.",
    ]


def test_dotted_acronyms_end_a_sentence_only_before_a_sentence_opener() -> None:
    body = "The U.S. Senate met at 9 a.m. Monday in the U.S. The vote failed at 3 p.m. It was late."
    assert texts(body, split_sentences(body)) == [
        "The U.S. Senate met at 9 a.m. Monday in the U.S.",
        "The vote failed at 3 p.m.",
        "It was late.",
    ]


def test_months_and_company_suffixes() -> None:
    body = "Talks began Sept. 14 with Acme Inc. and Beta Corp. executives. They ended Jan. 3."
    assert texts(body, split_sentences(body)) == [
        "Talks began Sept. 14 with Acme Inc. and Beta Corp. executives.",
        "They ended Jan. 3.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    body = '“We will win,” he said. “It is over.” Next came the vote. He said "no." Officials left.'
    assert texts(body, split_sentences(body)) == [
        "“We will win,” he said.",
        "“It is over.”",
        "Next came the vote.",
        'He said "no."',
        "Officials left.",
    ]


def test_question_inside_quote_followed_by_attribution_is_one_sentence() -> None:
    body = "“Why now?” he asked. Nobody answered!"
    assert texts(body, split_sentences(body)) == ["“Why now?” he asked.", "Nobody answered!"]


def test_ellipsis_and_dateline_dash() -> None:
    body = "WASHINGTON (Reuters) -- U.S. forces left... Then the U.N. Security Council met."
    assert texts(body, split_sentences(body)) == [
        "WASHINGTON (Reuters) -- U.S. forces left...",
        "Then the U.N. Security Council met.",
    ]


def test_sentences_never_cross_paragraphs_and_cover_the_body() -> None:
    body = "A headline without a stop\n\nFirst sentence. Second one.\n\nLast"
    spans = split_sentences(body)
    assert texts(body, spans) == ["A headline without a stop", "First sentence.", "Second one.", "Last"]
    assert_covers(body, spans)
    paragraphs = split_paragraphs(body)
    assert all(any(ps <= s and e <= pe for ps, pe in paragraphs) for s, e in spans)
    assert split_sentences(body, paragraphs) == spans
