"""Collapse event candidates (reports) into events (what happened), deterministically.

Candidates are grouped by event root code, polarity and dyad, then clustered by date and place:
- dyad: ordered (source, target), except for symmetric predicates (meet, talks, sign, fight)
  and the whole consult root 04, where "X visited Y", "Y hosted X" and "X met Y" are one
  encounter, so the pair is unordered;
- polarity: asserted, reported and planned reports of a dyad merge (a visit announced as planned
  and later reported as done is one event), while negated ("did not meet") and hypothetical
  ("could meet") reports stay apart: they say the event did not, or may not, happen;
- date: dated reports chain when within DATE_WINDOW days of each other; reports dated only to a
  month or year join the largest cluster inside that period; undated reports (no article date)
  join the group's largest cluster and so borrow its date. When two clusters tie for largest,
  the report is ambiguous and stands alone;
- place: a report with a place joins a cluster only if the cluster has no other place.
Results do not depend on the order of the input.

EventMentionRow spans are the supporting sentence's span in the article body.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pipelines.events.dates import Precision, period_end
from pipelines.events.extract import EventCandidate
from pipelines.events.modality import MODALITY_PRECEDENCE, Modality
from pipelines.events.reference import cameo_codes

DATE_WINDOW = dt.timedelta(days=3)
MAX_CONFIDENCE = 0.99
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_CONSULT_ROOT = "04"


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
    actor1_id: str
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


def _order(c: EventCandidate) -> tuple:
    return (c.event_date or dt.date.max, c.article_id, c.sentence_id, c.predicate_start, c.event_code, c.actor1_id, c.actor2_id or "", c.modality)


def _group_key(c: EventCandidate) -> tuple[str, str, tuple[str, str]]:
    root = c.event_code[:2]
    polarity = c.modality if c.modality in ("negated", "hypothetical") else "factual"
    dyad = (c.actor1_id, c.actor2_id or "")
    if c.symmetric or root == _CONSULT_ROOT:
        dyad = tuple(sorted(dyad))  # type: ignore[assignment]
    return root, polarity, dyad


class _Cluster:
    def __init__(self, first: EventCandidate) -> None:
        self.members = [first]

    @property
    def places(self) -> set[str]:
        return {m.place_id for m in self.members if m.place_id}

    @property
    def last_fine_date(self) -> dt.date | None:
        dates = [m.event_date for m in self.members if m.event_date and _fine(m)]
        return max(dates) if dates else None

    def accepts_place(self, c: EventCandidate) -> bool:
        return c.place_id is None or self.places <= {c.place_id}


def _fine(c: EventCandidate) -> bool:
    return c.date_precision in ("day", "week")


def _cluster_group(candidates: list[EventCandidate]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    fine = [c for c in candidates if c.event_date and _fine(c)]
    for c in fine:  # sorted by date: single linkage within the window
        last = next((k for k in reversed(clusters) if k.accepts_place(c)), None)
        if last is not None and last.last_fine_date is not None and c.event_date - last.last_fine_date <= DATE_WINDOW:  # type: ignore[operator]
            last.members.append(c)
        else:
            clusters.append(_Cluster(c))
    coarse = [c for c in candidates if c.event_date and not _fine(c)]
    for c in coarse:
        assert c.event_date is not None
        end = period_end(c.event_date, c.date_precision)
        inside = [k for k in clusters if k.accepts_place(c) and any(m.event_date and c.event_date <= m.event_date <= end for m in k.members)]
        _join_largest(clusters, inside, c)
    for c in (c for c in candidates if c.event_date is None):
        _join_largest(clusters, [k for k in clusters if k.accepts_place(c)], c)
    return clusters


def _join_largest(clusters: list[_Cluster], options: list[_Cluster], c: EventCandidate) -> None:
    """Join the one largest option; with none, or a tie between the largest, stand alone."""
    sizes = sorted((len(k.members) for k in options), reverse=True)
    if sizes and (len(sizes) == 1 or sizes[0] > sizes[1]):
        max(options, key=lambda k: len(k.members)).members.append(c)
    else:
        clusters.append(_Cluster(c))


def _most_common(values: list, tiebreak=lambda v: v):  # noqa: ANN001, ANN202 - generic helper
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


def _event_row(event_id: str, members: list[EventCandidate], articles: Mapping[str, tuple[str | None, dt.date | None]]) -> EventRow:
    code = _most_common([m.event_code for m in members], lambda code: (code.endswith("0"), code))
    directions = [(m.actor1_id, m.actor2_id) for m in members if m.event_code == code]
    actor1, actor2 = _most_common(directions, lambda d: (d[0], d[1] or ""))
    places = [m.place_id for m in members if m.place_id]
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
        place_id=_most_common(places) if places else None,
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
    event_id = "evt_" + hashlib.sha1(basis.encode()).hexdigest()[:16]
    if event_id in taken:  # two clusters of one group sharing a first date: tell them apart by their first report
        first = min(members, key=_order)
        event_id = "evt_" + hashlib.sha1(f"{basis}|{first.article_id}|{first.sentence_id}|{first.predicate_start}".encode()).hexdigest()[:16]
    return event_id


def merge_events(candidates: Sequence[EventCandidate], articles: Mapping[str, tuple[str | None, dt.date | None]]) -> tuple[list[EventRow], list[EventMentionRow]]:
    """Events and their supporting mentions; `articles` maps article_id -> (publisher, published_date)."""
    groups: dict[tuple, list[EventCandidate]] = {}
    for c in sorted(set(candidates), key=_order):
        groups.setdefault(_group_key(c), []).append(c)
    events: list[EventRow] = []
    mentions: dict[tuple[str, str, str], EventMentionRow] = {}
    taken: set[str] = set()
    for key in sorted(groups):
        for cluster in _cluster_group(groups[key]):
            event_id = _event_id(key, cluster.members, taken)
            taken.add(event_id)
            events.append(_event_row(event_id, cluster.members, articles))
            for m in cluster.members:
                row = EventMentionRow(event_id, m.article_id, m.sentence_id, m.sentence_start, m.sentence_end, m.confidence)
                slot = (event_id, m.article_id, m.sentence_id)
                if slot not in mentions or row.confidence > mentions[slot].confidence:
                    mentions[slot] = row
    events.sort(key=lambda e: e.event_id)
    return events, sorted(mentions.values(), key=lambda r: (r.event_id, r.article_id, r.start_char))
