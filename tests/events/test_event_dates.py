"""When an event happened, from the date expressions of its sentence and the article's date."""

from __future__ import annotations

import datetime as dt

import pytest

from pipelines.events.dates import infer_article_date, period_end, resolve_date_text, stated_dates

FRIDAY = dt.date(2022, 9, 16)


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("September 14", False, (dt.date(2022, 9, 14), "day")),
        ("Sept. 14, 2022", False, (dt.date(2022, 9, 14), "day")),
        ("14 September", False, (dt.date(2022, 9, 14), "day")),
        ("September 19-20", True, (dt.date(2022, 9, 19), "day")),
        ("Wednesday", False, (dt.date(2022, 9, 14), "day")),
        ("Wednesday", True, (dt.date(2022, 9, 21), "day")),
        ("Friday", False, (FRIDAY, "day")),
        ("yesterday", False, (dt.date(2022, 9, 15), "day")),
        ("this week", False, (dt.date(2022, 9, 12), "week")),
        ("last month", False, (dt.date(2022, 8, 1), "month")),
        ("earlier this year", False, (dt.date(2022, 1, 1), "year")),
        ("in 2017", False, (dt.date(2017, 1, 1), "year")),
        ("January", False, (dt.date(2022, 1, 1), "month")),
        ("January", True, (dt.date(2023, 1, 1), "month")),
    ],
)
def test_date_expressions_resolve_to_their_period_start_relative_to_the_article_date(text, future, expected):
    assert resolve_date_text(text, FRIDAY, future) == expected


def test_unusable_expressions_give_none():
    assert resolve_date_text("recent days", FRIDAY) is None


def test_sentence_date_attached_to_the_predicate(events_of):
    (event,) = events_of("Biden met Macron in Paris on September 14.")
    assert (event.event_date, event.date_precision, event.date_source) == (dt.date(2022, 9, 14), "day", "text")


def test_weekday_of_a_planned_event_lies_ahead(events_of):
    (event,) = events_of("Biden will meet Macron on Wednesday.")
    assert event.event_date == dt.date(2022, 9, 21)


def test_date_of_another_clause_is_not_borrowed(events_of):
    events = {e.event_code: e for e in events_of("Scholz, who visited Paris last month, praised Macron.")}
    assert events["051"].date_source == "article"


def test_no_date_in_sentence_falls_back_on_the_article(events_of):
    (event,) = events_of("Germany condemned Iran.")
    assert (event.event_date, event.date_source) == (FRIDAY, "article")
    (undated,) = events_of("Germany condemned Iran.", published=None)
    assert (undated.event_date, undated.date_precision) == (None, None)
    assert undated.confidence <= event.confidence


def test_infer_article_date_takes_the_latest_date_of_a_past_event(nlp):
    doc = nlp("The treaty was signed on June 1, 2017. They met on September 14, 2022. Elections will be held on January 1, 2030.")
    stated = stated_dates(doc)
    assert stated == [dt.date(2017, 6, 1), dt.date(2022, 9, 14)]  # the future election bounds nothing
    assert infer_article_date(stated) == (dt.date(2022, 9, 14), "week")
    assert infer_article_date([]) == (None, None)


def test_undated_article_is_dated_from_the_full_dates_it_states(events_of):
    text = "Biden met Macron in Paris on Wednesday. The photo was taken on September 14, 2022."
    (event,) = events_of(text, published=None)
    assert (event.event_date, event.date_precision, event.date_source) == (dt.date(2022, 9, 14), "day", "text")


def test_without_any_article_date_only_dates_naming_their_year_resolve(events_of):
    (dated,) = events_of("Biden visited Paris in 2017.", published=None)
    assert (dated.event_date, dated.date_precision) == (dt.date(2017, 1, 1), "year")
    (undated,) = events_of("Biden visited Paris on Wednesday.", published=None)
    assert undated.event_date is None


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("Friday", False, dt.date(2022, 9, 16)),  # two days after a Wednesday base, not five before
        ("Monday", False, dt.date(2022, 9, 12)),
        ("September 16", False, dt.date(2022, 9, 16)),  # the base only bounds the article date from below
        ("February", False, dt.date(2022, 2, 1)),
        ("January", True, dt.date(2023, 1, 1)),
    ],
)
def test_an_inferred_base_resolves_to_the_nearest_day(text, future, expected):
    assert resolve_date_text(text, dt.date(2022, 9, 14), future, nearest=True)[0] == expected


def test_year_less_date_of_an_undated_article_is_kept_for_the_merge(events_of):
    (event,) = events_of("Biden visited Paris on Wednesday.", published=None)
    assert event.event_date is None and event.date_text is not None and "Wednesday" in event.date_text


def test_an_event_named_in_passing_is_undated(events_of):
    (event,) = events_of("Russia's invasion of Ukraine has raised prices.")
    assert (event.event_date, event.date_precision, event.date_source) == (None, None, "undated")
    (talks,) = events_of("Biden held talks with Macron.")
    assert (talks.event_date, talks.date_source) == (FRIDAY, "article")


def test_a_date_inside_another_noun_phrase_does_not_date_the_event(events_of):
    (event,) = events_of("Time magazine's 2001 Person of the Year praised New York.", published=dt.date(2002, 1, 4))
    assert (event.event_date, event.date_source) == (dt.date(2002, 1, 4), "article")


def test_week_precision_dates_start_their_seven_days():
    assert resolve_date_text("this week", FRIDAY) == (dt.date(2022, 9, 12), "week")  # a calendar week: its Monday
    assert period_end(dt.date(2022, 9, 14), "week") == dt.date(2022, 9, 20)  # an inferred day: the week after it
