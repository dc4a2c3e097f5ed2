"""Publish the marts as the analysts' DuckDB file, atomically.

The marts are copied from the working database into a fresh file beside the published one,
documented with `COMMENT ON`, then `os.replace`d over it. A reader holding the old file open
keeps its snapshot and never blocks the build; a new reader sees the whole new warehouse, never
a half-built one. Staging tables stay in the working database.

A write-ahead log beside the published file belongs to the file being replaced (a client that
opened it read-write and wrote): DuckDB would replay it onto the new file, so it is removed with
the old file. Temporary files that a killed publish left behind are removed by the next one.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from pipelines.faults import passed
from pipelines.warehouse.search import create_search
from pipelines.warehouse.sqlmodels import SqlModel
from pipelines.warehouse.store import connect


def publish(work_db: Path, published: Path, models: Sequence[SqlModel]) -> dict[str, int]:
    """Copy each model's table into a new file, create the views over them, swap the file into
    place and return row counts."""
    published.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(published)
    tmp = published.with_name(f".{published.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    try:
        with connect(tmp) as conn:
            conn.execute(f"ATTACH '{_quote(work_db)}' AS work (READ_ONLY)")
            for model in [m for m in models if not m.view]:
                conn.execute(f"CREATE TABLE main.{model.name} AS SELECT * FROM work.main.{model.name}")
                if model.primary_key:
                    conn.execute(f"ALTER TABLE main.{model.name} ADD PRIMARY KEY ({', '.join(model.primary_key)})")
            conn.execute("DETACH work")
            for model in _views_in_order(models):
                conn.execute(f"CREATE VIEW main.{model.name} AS {model.sql}")
            for model in models:
                counts[model.name] = conn.execute(f"SELECT count(*) FROM main.{model.name}").fetchone()[0]
                _comment(conn, model)
            if any(model.name == "articles" for model in models):
                create_search(conn)
            conn.execute("CHECKPOINT")
        passed("publish written")
        wal = Path(f"{published}.wal")
        wal.unlink(missing_ok=True)
        os.replace(tmp, published)
        passed("publish replaced")
        wal.unlink(missing_ok=True)  # written to the old file in the instant between: never the new file's
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
    return counts


def _remove_leftovers(published: Path) -> None:
    """Temporary files of publishes whose process is gone (killed mid-publish)."""
    for leftover in published.parent.glob(f".{published.name}.*.tmp*"):
        pid = leftover.name[len(published.name) + 2 :].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not process_alive(int(pid)):
            leftover.unlink(missing_ok=True)


def process_alive(pid: int) -> bool:
    """Whether a process of this id runs (0 and negative ids never do)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def _views_in_order(models: Sequence[SqlModel]) -> list[SqlModel]:
    """The views, each after the views it reads."""
    views = {m.key: m for m in models if m.view}
    ordered: list[SqlModel] = []

    def visit(model: SqlModel) -> None:
        if model not in ordered:
            for key in model.upstream:
                if key in views:
                    visit(views[key])
            ordered.append(model)

    for model in views.values():
        visit(model)
    return ordered


def _comment(conn, model: SqlModel) -> None:
    if model.description:
        conn.execute(f"COMMENT ON {'VIEW' if model.view else 'TABLE'} main.{model.name} IS '{_quote(model.description)}'")
    for column, text in model.column_docs.items():
        conn.execute(f"COMMENT ON COLUMN main.{model.name}.{column} IS '{_quote(text)}'")


def _quote(value: object) -> str:
    return str(value).replace("'", "''")
