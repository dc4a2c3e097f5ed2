"""Event dates: DATE expressions in the predicate's sentence resolved against the article's date.

Convention: an event date is the first day of the period its precision names, and the period
runs from it to `period_end`: a month's 1st, a year's 1 January, and for "week" the first of
seven days: the Monday of a calendar week the text names ("this week"), or, for an article dated
only by inference, the inferred day (the article was written within the week after it). So
(date, precision) always reads "some day in [date, period_end(date, precision)]".

A nominal event a sentence names in passing and does not date ("Russia's invasion of Ukraine
has raised prices") is "undated": the article's date is not its date, and the merge does not
give it one (it may still join a dated report of the same event and share its date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal, NamedTuple

from dateparser.date import DateDataParser
from spacy.tokens import Doc, Span, Token

Precision = Literal["day", "week", "month", "year"]
DateSource = Literal["text", "article", "undated"]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_RANGE = re.compile(r"\b(\d{1,2})\s*(?:-|–|—|to|and)\s*\d{1,2}\b")
_LEADING = re.compile(r"^(?:on|in|at|during|since|by|from|the|of|until)\s+", re.IGNORECASE)
# "early September", "mid-2021", "late last year": the period itself, at its own precision.
_VAGUE = re.compile(r"^(?:early|earlier|late|later|mid|the end of|the beginning of|the start of)[\s-]+", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_EARLIER_THIS = re.compile(r"^(?:earlier|later)\s+this\s+(week|month|year)$", re.IGNORECASE)
# Articles rarely report events more than this far from their own date; a year-less date is put
# in whichever year lies nearest the article date.
_MAX_SKEW = dt.timedelta(days=366)
# A past-tense report may name a date just after its own (time zones, late edits), or up to a
# week after an inferred base, which only bounds the article's date from below.
_SLACK = dt.timedelta(days=1)
_INFERRED_SLACK = dt.timedelta(days=7)
_NOUN_MODIFIER_DEPS = {"compound", "nummod", "amod", "nmod", "poss"}


class ResolvedDate(NamedTuple):
    date: dt.date | None
    precision: Precision | None
    source: DateSource | None  # "text": stated in the sentence; "article": fell back on the article date
    pending: str | None = None  # a year-less expression left for when the article's date is known


def period_start(day: dt.date, precision: Precision) -> dt.date:
    if precision == "week":
        return day - dt.timedelta(days=day.weekday())
    if precision == "month":
        return day.replace(day=1)
    if precision == "year":
        return day.replace(month=1, day=1)
    return day


def period_end(day: dt.date, precision: Precision | None) -> dt.date:
    """Last day of the period starting at `day` (as normalised by `period_start`)."""
    if precision == "week":
        return day + dt.timedelta(days=6)
    if precision == "month":
        following = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return following - dt.timedelta(days=1)
    if precision == "year":
        return day.replace(month=12, day=31)
    return day


@lru_cache(maxsize=8)
def _parser(base: dt.date, prefer: str) -> DateDataParser:
    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,
        "RETURN_TIME_AS_PERIOD": True,
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def resolve_date_text(text: str, base: dt.date, future: bool = False, nearest: bool = False) -> tuple[dt.date, Precision] | None:
    """Resolve one date expression relative to `base`; `future` picks weekdays after the base.

    `nearest` is for an inferred base (the article was written around it, not on it): a weekday
    is then the nearest such day, on either side."""
    cleaned = _LEADING.sub("", text.strip().rstrip(".,")).strip()
    cleaned = _RANGE.sub(r"\1", cleaned)  # "September 19-20" -> its start
    lowered = cleaned.lower()
    if lowered in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return base, "day"
    if lowered in _WEEKDAYS or lowered.rstrip("s") in _WEEKDAYS:
        target = _WEEKDAYS.index(lowered.rstrip("s"))
        delta = (base.weekday() - target) % 7
        if nearest:
            return base + dt.timedelta(days=(target - base.weekday() + 3) % 7 - 3), "day"
        return (base + dt.timedelta(days=(target - base.weekday()) % 7), "day") if future else (base - dt.timedelta(days=delta), "day")
    earlier = _EARLIER_THIS.match(cleaned)
    if earlier:
        unit = earlier.group(1).lower()
        return period_start(base, unit), unit  # type: ignore[arg-type,return-value]
    vague = bool(_VAGUE.match(cleaned))
    cleaned = _VAGUE.sub("", cleaned)
    data = _parser(base, "future" if future else "past").get_date_data(cleaned)
    if data.date_obj is None:
        return None
    day, precision = data.date_obj.date(), (data.period or "day")
    if precision not in ("day", "week", "month", "year"):
        precision = "day"
    if vague and precision == "day":
        return None  # "the end of the day" and the like: no usable date
    if not _YEAR.search(cleaned) and precision in ("day", "month") and re.search(r"[a-z]", lowered):
        day = _nearest_year(day, base, future, nearest)
    return period_start(day, precision), precision  # type: ignore[arg-type]


def _nearest_year(day: dt.date, base: dt.date, future: bool, nearest: bool) -> dt.date:
    """Put a year-less date in the year nearest the article date, on the side the tense points to."""
    options = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            options.append(day.replace(year=year))
        except ValueError:  # 29 February
            continue
    slack = _INFERRED_SLACK if nearest else _SLACK
    side = [d for d in options if (d >= base - slack if future else d <= base + slack)] or options
    best = min(side, key=lambda d: abs(d - base))
    return best if abs(best - base) <= _MAX_SKEW else day


def _clause_verb(token: Token) -> Token:
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _attachment(predicate: Token, ent: Span) -> int | None:
    """0: the date is in the predicate's own clause; 1: in a clause governing it ("said on
    Tuesday that ..."); None: in another clause ("X, who visited Y last month, praised Z") or
    inside a noun phrase other than the predicate's ("Time's 2001 Person of the Year praised")."""
    if ent.root.dep_ in _NOUN_MODIFIER_DEPS and ent.root.head.pos_ in ("NOUN", "PROPN") and ent.root.head.i != predicate.i:
        return None
    clause = _clause_verb(ent.root)
    if clause.i in (_clause_verb(predicate).i, predicate.i):
        return 0
    if clause in predicate.ancestors:
        return 1
    return None


def resolve_event_date(
    predicate: Token,
    article_date: dt.date | None,
    future: bool = False,
    article_precision: Precision = "day",
    dates: Sequence[Span] | None = None,
) -> ResolvedDate:
    """Date of the event at `predicate` from its sentence's DATE entities, else the article's date
    (at `article_precision`: "week" when the article date itself was inferred). Without an article
    date only expressions that name their year ("in 2017", "14 September 2022") can be resolved.
    `dates`: the document's DATE entities, when the caller dates many predicates of one document
    (`Doc.ents` builds every entity of the document on each access)."""
    sentence = predicate.sent
    if dates is None:
        dates = [e for e in predicate.doc.ents if e.label_ == "DATE"]
    attached = [
        (rank, abs(predicate.i - e.start), e)
        for e in dates
        if sentence.start <= e.start < sentence.end and (rank := _attachment(predicate, e)) is not None
    ]
    pending = None
    for _, _, ent in sorted(attached, key=lambda x: x[:2]):
        if article_date is None and not _YEAR.search(ent.text):
            pending = pending or ent.text
            continue
        resolved = resolve_date_text(ent.text, article_date or _year_end(ent.text), future, nearest=article_precision != "day")
        if resolved is not None:
            return ResolvedDate(resolved[0], resolved[1], "text")
    if article_date is None:
        return ResolvedDate(None, None, None, pending)
    return ResolvedDate(article_date, article_precision, "article")


def _year_end(text: str) -> dt.date:
    """The base a date expression that names its year is read against: that year's last day (never
    the wall clock, so a rebuild on another day gives the same dates)."""
    return dt.date(int(_YEAR.findall(text)[-1]), 12, 31)


_FUTURE_AUX = {"will", "shall", "'ll", "would", "going"}


def _told_as_past(ent: Span) -> bool:
    """Whether a date hangs on a verb in the past ("was taken on 14 September 2022", "has met on
    ..."), not the future or the present ("elections will be held on 5 May 2030")."""
    node = ent.root
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    auxes = {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
    if auxes & _FUTURE_AUX:
        return False
    return node.tag_ in ("VBD", "VBN") or bool(auxes & {"has", "have", "had", "was", "were"})


def stated_dates(doc: Doc) -> list[dt.date]:
    """Full calendar dates (day, month and year) a parsed text tells past events on."""
    found = []
    for ent in doc.ents:
        if ent.label_ == "DATE" and _YEAR.search(ent.text) and _told_as_past(ent):
            resolved = resolve_date_text(ent.text, _year_end(ent.text))
            if resolved is not None and resolved[1] == "day":
                found.append(resolved[0])
    return found


def infer_article_date(dates: Sequence[dt.date]) -> tuple[dt.date | None, Precision | None]:
    """Date of an undated article from the full dates of past events it states (`stated_dates`):
    the latest. A report is written on or after the events it tells as past, so the latest is the
    tightest lower bound. Precision is "week" as the article may follow it by a few days.
    """
    return (max(dates), "week") if dates else (None, None)
