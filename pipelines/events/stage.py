"""The events stage as one call over already parsed articles: what the asset runs and the
benchmark times (extraction and merge only; parsing is the parse stage's cost)."""

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
    candidates = place_visits(candidates)
    events, supports = merge_events(candidates, articles, actors)
    return candidates, events, supports
