"""Quality reports on a published warehouse, for a person to judge the result at a glance."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import duckdb

from pipelines.entities.report import top_actors_markdown
from pipelines.events.report import top_events_markdown


def render_report(warehouse: Path, what: str, limit: int = 25) -> str:
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        if what == "actors":
            return f"# Top actors in {warehouse}\n\n" + top_actors_markdown(conn.execute("SELECT * FROM actors").pl(), limit)
        # The report reads rows by attribute, as the events stage produces them.
        events = [SimpleNamespace(**row) for row in conn.execute("SELECT * FROM events").pl().iter_rows(named=True)]
        reports = [SimpleNamespace(**row) for row in conn.execute("SELECT * FROM event_mentions").pl().iter_rows(named=True)]
        names = dict(conn.execute("SELECT actor_id, name FROM actors").fetchall())
        bodies = dict(
            conn.execute("SELECT article_id, body FROM articles WHERE article_id IN (SELECT article_id FROM event_mentions)").fetchall()
        )
    return f"# Top events in {warehouse}\n\n" + top_events_markdown(events, reports, names, bodies, limit)
