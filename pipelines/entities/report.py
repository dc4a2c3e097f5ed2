"""A markdown table of the most-mentioned actors, for a person to judge the entity stage at a glance."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import polars as pl

from pipelines.entities.resolve import ActorRow
from pipelines.markdown import cell

MAX_ALIASES = 5


def top_actors_markdown(actors: list[ActorRow] | pl.DataFrame, limit: int = 25) -> str:
    """The `limit` actors with most mentions (then articles, then name) as a markdown table."""
    rows: list[dict[str, Any]] = actors.to_dicts() if isinstance(actors, pl.DataFrame) else [asdict(a) for a in actors]
    rows.sort(key=lambda r: (-r["mention_count"], -r["article_count"], r["name"]))
    lines = ["| name | type | country | role | mentions | articles | aliases |", "| --- | --- | --- | --- | ---: | ---: | --- |"]
    for r in rows[:limit]:
        aliases = list(r["aliases"] or [])
        shown = ", ".join(aliases[:MAX_ALIASES]) + (f" (+{len(aliases) - MAX_ALIASES})" if len(aliases) > MAX_ALIASES else "")
        cells = [r["name"], r["actor_type"], r["country_code"], r["role"], r["mention_count"], r["article_count"], shown]
        lines.append("| " + " | ".join(cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"
