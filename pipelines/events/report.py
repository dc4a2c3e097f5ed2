"""A readable digest of the top events, for checking the stage by eye."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pipelines.events.merge import EventMentionRow, EventRow
from pipelines.markdown import cell


def _rank(event: EventRow) -> tuple:
    return (-event.num_sources, -event.num_articles, -event.num_mentions, -event.confidence, event.event_id)


def top_events_markdown(
    events: Sequence[EventRow],
    event_mentions: Sequence[EventMentionRow],
    actors_names: Mapping[str, str],
    bodies: Mapping[str, str],
    limit: int = 20,
) -> str:
    """A Markdown table of the most widely reported events, each with one supporting sentence."""
    best_mention: dict[str, EventMentionRow] = {}
    for m in event_mentions:
        current = best_mention.get(m.event_id)
        if current is None or (m.confidence, -m.start_char) > (current.confidence, -current.start_char):
            best_mention[m.event_id] = m

    def name(actor_id: str | None) -> str:
        return "" if actor_id is None else cell(actors_names.get(actor_id, actor_id))

    lines = [
        "| # | date | source | event | target | place | modality | mentions / articles / sources | confidence | evidence |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for n, event in enumerate(sorted(events, key=_rank)[:limit], start=1):
        mention = best_mention.get(event.event_id)
        evidence = ""
        if mention is not None and mention.article_id in bodies:
            evidence = cell(bodies[mention.article_id][mention.start_char : mention.end_char])
        date = f"{event.event_date.isoformat()} ({event.date_precision})" if event.event_date else "unknown"
        lines.append(
            f"| {n} | {date} | {name(event.actor1_id)} | {event.event_code} {cell(event.event_label)} | {name(event.actor2_id)} "
            f"| {name(event.place_id)} | {event.modality} | {event.num_mentions} / {event.num_articles} / {event.num_sources} "
            f"| {event.confidence:.2f} | {evidence} |"
        )
    return "\n".join(lines) + "\n"
