"""The events stage over already parsed articles: the per-article map (`extract_events`) and the
cross-article reduce (`reduce_events`), and both as one call (`run_events`) for the benchmark and
the evaluation (extraction and merge only; parsing is the parse stage's cost)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from spacy.tokens import Doc

from pipelines.events.extract import ArticleContext, EventCandidate, extract_events
from pipelines.events.merge import ActorInfo, EventMentionRow, EventRow, merge_events, place_visits
from pipelines.records import ActorMention


def run_events(
    parsed: Iterable[tuple[Doc, ArticleContext]],
    mentions: Mapping[str, Sequence[ActorMention]],
    actors: Mapping[str, ActorInfo] | None = None,
) -> tuple[list[EventCandidate], list[EventRow], list[EventMentionRow]]:
    """Candidates, events and event mentions of parsed articles.

    `parsed` pairs each article's body parse with its context, `mentions` maps article_id -> its
    actor mentions, `actors` actor_id -> (actor_type, country_code, role)."""
    candidates: list[EventCandidate] = []
    articles: dict[str, tuple[str | None, dt.date | None]] = {}
    for doc, context in parsed:
        articles[context.article_id] = (context.publisher, context.published_date)
        candidates.extend(extract_events(doc, mentions.get(context.article_id, []), context))
    return reduce_events(candidates, articles, actors)


def reduce_events(
    candidates: Sequence[EventCandidate],
    articles: Mapping[str, tuple[str | None, dt.date | None]],
    actors: Mapping[str, ActorInfo] | None = None,
) -> tuple[list[EventCandidate], list[EventRow], list[EventMentionRow]]:
    """The cross-article part: candidates (each article's, in article order) placed and merged into
    events; `articles` maps article_id -> (publisher, published_date)."""
    placed = place_visits(list(candidates))
    events, supports = merge_events(placed, articles, actors)
    return placed, events, supports
