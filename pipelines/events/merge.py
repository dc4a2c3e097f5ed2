"""Collapse event candidates (reports) into events (what happened), deterministically.

Candidates are grouped by event code, polarity and dyad, then clustered by date and place:
- code: the full CAMEO code ("expressed hope" 013 and "expressed concern" 012 are two
  statements), except in roots whose sub-codes describe one act in different words: encounters
  (04: visit, host, meet) and force (18-20: "invasion", "attack", "assault");
- dyad: ordered (source, target), except for symmetric predicates (meet, talks, sign, fight)
  and the whole consult root 04, where "X visited Y", "Y hosted X" and "X met Y" are one
  encounter, so the pair is unordered;
- encounters are grouped at the polity level when actor attributes are given: a person holding
  state office (GOV or MIL role) for a country, a country and a place in that country all stand
  for that country, so "X visits B", "B's president meets X" and "X holds talks in B's capital"
  are one encounter. Inside a cluster one polity has one office holder: two different
  officials of B meeting X are two meetings. Places must agree (equal, or one a country that
  contains the other);
- polarity: asserted, reported and planned reports of a dyad merge (a visit announced as planned
  and later reported as done is one event), while negated ("did not meet") and hypothetical
  ("could meet") reports stay apart: they say the event did not, or may not, happen;
- date: dated reports chain when within DATE_WINDOW days of each other; reports dated only to a
  month or year join the largest cluster inside that period; undated reports (no article date,
  or an event named in passing) join the group's largest day- or week-dated cluster and so borrow
  its date (the latest of equally large ones), else stay together undated: "the visit" is not
  the visit "in 2017" the same text mentions;
- place: a report with a place joins a cluster only if its place agrees with the cluster's;
- doer: a report naming no doer ("X was arrested") groups with the reports of that act on that
  target naming the one doer they give ("police arrested X"); with two doers named it stays apart.
Results do not depend on the order of the input.

Undated articles get dates in a second pass: an article with neither a publication date nor a
date inferred from its own text is anchored at the latest day- or week-precise date of the events
it shares with dated reports of other articles (an article is written on or after what it
reports). Its year-less expressions ("September 14", "on Wednesday") are then resolved against
that anchor (weekdays to the nearest such day), its other reports take the anchor at week
precision (the seven days from the anchor, see events.dates), except "undated" ones (events named
in passing), and the candidates are merged again.

The merged event's code is its reports' most common code (specific before generic on ties). An
encounter's actor1/actor2 is the most specific pair its reports name (people before countries:
"the premier met the president" says more than "the premier visited the country"), then the most reported, in the
direction most reports give it (a host's report is read as the guest's visit). Its place is the
most specific place (a city before the country containing it), then the most reported.

EventMentionRow spans are the supporting sentence's span in the article body.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from pipelines.events.dates import Precision, period_end, resolve_date_text
from pipelines.events.extract import EventCandidate
from pipelines.events.modality import MODALITY_PRECEDENCE, Modality
from pipelines.events.reference import CONSULT_ROOT, HOST_CODE, VISIT_CODE, cameo_codes

DATE_WINDOW = dt.timedelta(days=3)  # reports of one event disagree by a day or two (time zones, "on Monday" vs "yesterday")
MAX_CONFIDENCE = 0.99  # many agreeing reports never make an extraction certain
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
# Roots whose sub-codes are one act in different words, merged at the root: encounters, and
# force (18 assault, 19 fight, 20 mass violence).
_ROOT_MERGED = {CONSULT_ROOT, "18", "19", "20"}
# How much an actor type says about who took part: people more than organisations, organisations
# more than places; an actor of unknown type counts as an organisation.
_SPECIFICITY = {"person": 3, "organization": 2, "location": 1, "country": 0}
# Office holders who stand for their country in an encounter.
STATE_ROLES = {"GOV", "MIL"}

T = TypeVar("T")

# actor_id -> (actor_type, country_code, role), as in the actors table.
ActorInfo = tuple[str, str | None, str | None]


@dataclass(frozen=True)
class EventRow:
    event_id: str
    event_date: dt.date | None
    date_precision: Precision | None
    event_code: str
    event_root_code: str
    event_label: str
    quad_class: int
    goldstein: float
    actor1_id: str | None  # None when the text names no doer ("three men were arrested")
    actor2_id: str | None
    place_id: str | None
    modality: Modality
    num_mentions: int
    num_articles: int
    num_sources: int
    confidence: float


@dataclass(frozen=True)
class EventMentionRow:
    event_id: str
    article_id: str
    sentence_id: str
    start_char: int
    end_char: int
    confidence: float
    rule: str  # the lexicon entry and argument rule of this report (EventCandidate.rule)
    predicate_start: int  # the word that states the act ("arrested"), in articles.body
    predicate_end: int


def _order(c: EventCandidate) -> tuple:
    return (
        c.event_date or dt.date.max,
        c.article_id,
        c.sentence_id,
        c.predicate_start,
        c.event_code,
        c.actor1_id or "",
        c.actor2_id or "",
        c.modality,
    )


def _polity(actor_id: str, actors: Mapping[str, ActorInfo]) -> str:
    """The country an actor stands for in an encounter, else the actor itself."""
    actor_type, country, role = actors.get(actor_id, ("", None, None))
    if country and (actor_type in ("country", "location") or (actor_type == "person" and role in STATE_ROLES)):
        return f"polity:{country}"
    return actor_id


def _counterpart(c: EventCandidate) -> str:
    """The other side of a report: its target, else (for a visit) where it went."""
    return c.actor2_id or (c.place_id if c.event_code[:2] == CONSULT_ROOT and c.place_id else "")


def _group_key(c: EventCandidate, actors: Mapping[str, ActorInfo]) -> tuple[str, str, tuple[str, str]]:
    root = c.event_code[:2]
    polarity = c.modality if c.modality in ("negated", "hypothetical") else "factual"
    if root == CONSULT_ROOT:
        counterpart = _counterpart(c)
        dyad = tuple(sorted((_polity(c.actor1_id, actors) if c.actor1_id else "", _polity(counterpart, actors) if counterpart else "")))
        return root, polarity, dyad  # type: ignore[return-value]
    dyad = (c.actor1_id or "", c.actor2_id or "")
    if c.symmetric:
        dyad = tuple(sorted(dyad))  # type: ignore[assignment]
    return (root if root in _ROOT_MERGED else c.event_code), polarity, dyad


def _places_agree(a: str, b: str, actors: Mapping[str, ActorInfo]) -> bool:
    """Equal places, or a country and a place inside it."""
    if a == b:
        return True
    (type_a, country_a, _), (type_b, country_b, _) = actors.get(a, ("", None, None)), actors.get(b, ("", None, None))
    return bool(country_a and country_a == country_b and "country" in (type_a, type_b))


def _office_holders(c: EventCandidate, actors: Mapping[str, ActorInfo]) -> dict[str, str]:
    """polity -> the person standing for it in this report."""
    return {
        _polity(a, actors): a for a in (c.actor1_id, c.actor2_id) if a and actors.get(a, ("",))[0] == "person" and _polity(a, actors) != a
    }


class _Cluster:
    def __init__(self, first: EventCandidate, actors: Mapping[str, ActorInfo]) -> None:
        self.members = [first]
        self.actors = actors

    @property
    def places(self) -> set[str]:
        return {m.place_id for m in self.members if m.place_id}

    @property
    def last_fine_date(self) -> dt.date | None:
        dates = [m.event_date for m in self.members if m.event_date and _fine(m)]
        return max(dates) if dates else None

    def accepts(self, c: EventCandidate) -> bool:
        """Places agree and no polity gets a second office holder."""
        if c.place_id is not None and not all(_places_agree(c.place_id, p, self.actors) for p in self.places):
            return False
        holders = _office_holders(c, self.actors)
        return all(
            _office_holders(m, self.actors).get(polity, person) == person for m in self.members for polity, person in holders.items()
        )


def _fine(c: EventCandidate) -> bool:
    return c.date_precision in ("day", "week")


def _cluster_group(candidates: list[EventCandidate], actors: Mapping[str, ActorInfo]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    fine = [c for c in candidates if c.event_date and _fine(c)]
    for c in fine:  # sorted by date: single linkage within the window
        last = next((k for k in reversed(clusters) if k.accepts(c)), None)
        if last is not None and last.last_fine_date is not None and c.event_date - last.last_fine_date <= DATE_WINDOW:  # type: ignore[operator]
            last.members.append(c)
        else:
            clusters.append(_Cluster(c, actors))
    coarse = [c for c in candidates if c.event_date and not _fine(c)]
    for c in coarse:
        assert c.event_date is not None
        end = period_end(c.event_date, c.date_precision)
        # The date test first: it is cheap and rules out most clusters before `accepts` compares members.
        inside = [k for k in clusters if any(m.event_date and c.event_date <= m.event_date <= end for m in k.members) and k.accepts(c)]
        _join_largest(clusters, inside, c, actors)
    undated: _Cluster | None = None
    for c in (c for c in candidates if c.event_date is None):
        options = [k for k in clusters if k.last_fine_date is not None and k.accepts(c)]
        if options or undated is None or not undated.accepts(c):
            _join_largest(clusters, options, c, actors)
            undated = undated if options else clusters[-1]
        else:
            undated.members.append(c)
    return clusters


def _join_largest(clusters: list[_Cluster], options: list[_Cluster], c: EventCandidate, actors: Mapping[str, ActorInfo]) -> None:
    """Join the largest option, the latest of equally large ones; with none, stand alone.

    The latest, because a report that states no date speaks of the article's present, and the
    present is no earlier than the latest of the dated events it could be."""
    if options:
        max(
            options, key=lambda k: (len(k.members), max((m.event_date for m in k.members if m.event_date), default=dt.date.min))
        ).members.append(c)
    else:
        clusters.append(_Cluster(c, actors))


def _most_common(values: list[T], tiebreak: Callable[[T], Any] = lambda v: v) -> T:
    """The most frequent value; ties go to the smallest `tiebreak(value)`."""
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], tiebreak(v)))


def _event_date(members: list[EventCandidate]) -> tuple[dt.date | None, Precision | None]:
    """The most common stated date at the finest precision; else the earliest article date."""
    dated = [m for m in members if m.event_date is not None]
    stated = [m for m in dated if m.date_source == "text"] or dated
    if not stated:
        return None, None
    finest = min(_PRECISION_RANK[m.date_precision or "year"] for m in stated)
    pool = [(m.event_date, m.date_precision) for m in stated if _PRECISION_RANK[m.date_precision or "year"] == finest]
    if all(m.date_source != "text" for m in stated):
        return min(pool)
    return _most_common(pool)


def _specificity(actor_id: str | None, actors: Mapping[str, ActorInfo]) -> int:
    """How much an actor says about who took part (see _SPECIFICITY); -1 for no actor."""
    return -1 if actor_id is None else _SPECIFICITY.get(actors.get(actor_id, ("",))[0], _SPECIFICITY["organization"])


def _encounter_pair(members: list[EventCandidate], code: str, actors: Mapping[str, ActorInfo]) -> tuple[str | None, str | None]:
    """The most specific, then most reported pair of an encounter, in its most reported direction."""

    def oriented(m: EventCandidate) -> tuple[str | None, str | None]:
        pair = (m.actor1_id, _counterpart(m) or None)
        flip = (m.event_code == HOST_CODE) != (code == HOST_CODE) and pair[1] is not None
        return (pair[1], pair[0]) if flip else pair  # type: ignore[return-value]

    directions = [oriented(m) for m in members]
    pairs = [frozenset(d) for d in directions]
    best = _most_common(pairs, lambda p: (-sum(_specificity(a, actors) for a in p), sorted(a or "" for a in p)))
    return _most_common([d for d in directions if frozenset(d) == best], lambda d: (d[0] or "", d[1] or ""))


def _place(members: list[EventCandidate], actors: Mapping[str, ActorInfo]) -> str | None:
    places = [m.place_id for m in members if m.place_id]
    return _most_common(places, lambda p: (-_specificity(p, actors), p)) if places else None


def _event_row(
    event_id: str, members: list[EventCandidate], articles: Mapping[str, tuple[str | None, dt.date | None]], actors: Mapping[str, ActorInfo]
) -> EventRow:
    code = _most_common([m.event_code for m in members], lambda code: (code.endswith("0"), code))
    if code[:2] == CONSULT_ROOT:
        actor1, actor2 = _encounter_pair(members, code, actors)
    else:
        directions = [(m.actor1_id, m.actor2_id) for m in members if m.event_code == code]
        directions = [d for d in directions if d[0] is not None] or directions  # reports naming the doer first
        actor1, actor2 = _most_common(directions, lambda d: (d[0] or "", d[1] or ""))
    modalities = [m.modality for m in members]
    modality = "asserted" if "asserted" in modalities else _most_common(modalities, MODALITY_PRECEDENCE.index)
    reports = {(m.article_id, m.sentence_id): m for m in members}
    article_ids = {m.article_id for m in members}
    publishers = {articles.get(a, (None, None))[0] or f"article:{a}" for a in article_ids}
    miss = 1.0
    for m in reports.values():
        miss *= 1.0 - m.confidence
    info = cameo_codes()[code]
    date, precision = _event_date(members)
    return EventRow(
        event_id=event_id,
        event_date=date,
        date_precision=precision,
        event_code=code,
        event_root_code=info.root_code,
        event_label=info.label,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        actor1_id=actor1,
        actor2_id=actor2,
        place_id=_place(members, actors),
        modality=modality,
        num_mentions=len(reports),
        num_articles=len(article_ids),
        num_sources=len(publishers),
        confidence=round(min(1.0 - miss, MAX_CONFIDENCE), 3),
    )


def _event_id(key: tuple, members: list[EventCandidate], taken: set[str]) -> str:
    dates = sorted(m.event_date.isoformat() for m in members if m.event_date)
    places = sorted({m.place_id for m in members if m.place_id})
    basis = f"{key}|{dates[0] if dates else ''}|{places}"
    event_id = _hashed_id(basis)
    if event_id in taken:  # two clusters of one group sharing a first date: tell them apart by their first report
        first = min(members, key=_order)
        event_id = _hashed_id(f"{basis}|{first.article_id}|{first.sentence_id}|{first.predicate_start}")
    return event_id


def _hashed_id(basis: str) -> str:
    return "evt_" + hashlib.sha1(basis.encode()).hexdigest()[:16]


def _clusters(candidates: list[EventCandidate], actors: Mapping[str, ActorInfo]) -> list[tuple[tuple, _Cluster]]:
    groups: dict[tuple, list[EventCandidate]] = {}
    for c in candidates:
        groups.setdefault(_group_key(c, actors), []).append(c)
    for key, doer_key in _doers_of_doerless(groups).items():
        groups[doer_key].extend(groups.pop(key))
        groups[doer_key].sort(key=_order)
    return [(key, cluster) for key in sorted(groups) for cluster in _cluster_group(groups[key], actors)]


def _doers_of_doerless(groups: Mapping[tuple, list[EventCandidate]]) -> dict[tuple, tuple]:
    """Reports of an act that name no doer ("X was arrested") go with the reports of the same act on
    the same target that do ("police arrested X"), when exactly one doer is named for it; with two
    doers named, which one it was is unknown and the reports stay apart. Encounters and symmetric
    acts are keyed by their pair and keep it."""
    doers: dict[tuple, list[tuple]] = {}
    for key in groups:
        code, polarity, (source, target) = key
        if source and target and not groups[key][0].symmetric and code[:2] != CONSULT_ROOT:
            doers.setdefault((code, polarity, target), []).append(key)
    moves = {}
    for key, members in groups.items():
        code, polarity, (source, target) = key
        named = doers.get((code, polarity, target), [])
        if not source and target and not members[0].symmetric and len(named) == 1:
            moves[key] = named[0]
    return moves


def _article_anchors(
    clustered: list[tuple[tuple, _Cluster]], articles: Mapping[str, tuple[str | None, dt.date | None]]
) -> dict[str, dt.date]:
    """article_id -> a date an undated article was written on or after, from the dated reports
    of other articles in the events it shares."""
    anchors: dict[str, dt.date] = {}
    for _, cluster in clustered:
        dated = [m for m in cluster.members if m.event_date and _fine(m)]
        for m in cluster.members:
            if m.event_date is not None or articles.get(m.article_id, (None, None))[1] is not None:
                continue
            others = [d.event_date for d in dated if d.article_id != m.article_id]
            if others:
                anchors[m.article_id] = max(anchors.get(m.article_id, dt.date.min), *others)  # type: ignore[type-var]
    # An article that dated itself from the full dates it states keeps that date.
    self_dated = {c.article_id for _, k in clustered for c in k.members if c.date_source == "article"}
    return {a: d for a, d in anchors.items() if a not in self_dated}


def _redate(c: EventCandidate, anchor: dt.date) -> EventCandidate:
    if c.date_text:
        resolved = resolve_date_text(c.date_text, anchor, c.modality == "planned", nearest=True)
        if resolved is not None:
            return replace(c, event_date=resolved[0], date_precision=resolved[1], date_source="text")
    return replace(c, event_date=anchor, date_precision="week", date_source="article")


def _unplaced_visit(c: EventCandidate) -> bool:
    return c.event_code == VISIT_CODE and c.actor2_id is None and c.place_id is None


def place_visits(candidates: Sequence[EventCandidate]) -> list[EventCandidate]:
    """Visits whose report names no destination ("X's visit on Monday", "the visits of X and Y"),
    placed where the other reports of the same visitor say the visitor went, when they name one
    destination only; dropped otherwise (a visit to nowhere is no event). Within DATE_WINDOW of
    the placed visit when both are dated, so one trip does not lend its place to another."""
    placed: dict[str, list[EventCandidate]] = {}
    for c in candidates:
        if c.event_code == VISIT_CODE and not _unplaced_visit(c):
            placed.setdefault(c.actor1_id or "", []).append(c)
    kept = []
    for c in candidates:
        if not _unplaced_visit(c):
            kept.append(c)
            continue
        trips = [
            p
            for p in placed.get(c.actor1_id or "", [])
            if c.event_date is None or p.event_date is None or abs(c.event_date - p.event_date) <= DATE_WINDOW
        ]
        destinations = {(p.actor2_id, p.place_id) for p in trips}
        if len(destinations) == 1:
            actor2, place = destinations.pop()
            kept.append(replace(c, actor2_id=actor2, place_id=place))
    return kept


def merge_events(
    candidates: Sequence[EventCandidate],
    articles: Mapping[str, tuple[str | None, dt.date | None]],
    actors: Mapping[str, ActorInfo] | None = None,
) -> tuple[list[EventRow], list[EventMentionRow]]:
    """Events and their supporting mentions; `articles` maps article_id -> (publisher,
    published_date) and `actors` (optional) actor_id -> (actor_type, country_code, role)."""
    actors = actors or {}
    ordered = sorted(set(candidates), key=_order)
    clustered = _clusters(ordered, actors)
    anchors = _article_anchors(clustered, articles)
    if anchors:
        ordered = sorted(
            (
                _redate(c, anchors[c.article_id]) if c.article_id in anchors and c.event_date is None and c.date_source != "undated" else c
                for c in ordered
            ),
            key=_order,
        )
        clustered = _clusters(ordered, actors)
    events: list[EventRow] = []
    mentions: dict[tuple[str, str, str], EventMentionRow] = {}
    taken: set[str] = set()
    for key, cluster in clustered:
        event_id = _event_id(key, cluster.members, taken)
        taken.add(event_id)
        events.append(_event_row(event_id, cluster.members, articles, actors))
        for m in cluster.members:
            row = EventMentionRow(
                event_id,
                m.article_id,
                m.sentence_id,
                m.sentence_start,
                m.sentence_end,
                m.confidence,
                m.rule,
                m.predicate_start,
                m.predicate_end,
            )
            slot = (event_id, m.article_id, m.sentence_id)
            if slot not in mentions or row.confidence > mentions[slot].confidence:
                mentions[slot] = row
    events.sort(key=lambda e: e.event_id)
    return events, sorted(mentions.values(), key=lambda r: (r.event_id, r.article_id, r.start_char))
