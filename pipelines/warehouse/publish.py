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

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from pipelines.faults import passed
from pipelines.warehouse.memo import code_version, forget, remember, remembered
from pipelines.warehouse.search import create_search
from pipelines.warehouse.sqlmodels import MART_MEMO, SqlModel
from pipelines.warehouse.store import connect, table_exists

PUBLISH_MEMO = "staging.publish_inputs"
PUBLISHED = "published"  # the one name in PUBLISH_MEMO


def publish(work_db: Path, published: Path, models: Sequence[SqlModel]) -> dict[str, int]:
    """Copy each model's table into a new file, create the views over them, swap the file into
    place and return row counts. When every mart was kept as built (`sqlmodels.MART_MEMO`), the
    models and this code are the same and the published file is the very file last written (its
    size and modification time, no write-ahead log of a client beside it), it is kept."""
    published.parent.mkdir(parents=True, exist_ok=True)
    inputs = _publish_inputs(work_db, models)
    if inputs is not None and _unchanged_since(work_db, published, inputs):
        with connect(published, read_only=True) as conn:
            return {model.name: conn.execute(f"SELECT count(*) FROM main.{model.name}").fetchone()[0] for model in models}
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
        if inputs is not None:
            _remember(work_db, published, inputs)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
    return counts


def _publish_inputs(work_db: Path, models: Sequence[SqlModel]) -> str | None:
    """A hash of what the published file is made of: each table model's inputs fingerprint as its
    mart was last built, every model's SQL and documentation, and this package's code; None when a
    mart has no memo (it was just rebuilt, or never remembered)."""
    with connect(work_db) as conn:
        if not table_exists(conn, MART_MEMO):
            return None
        marts = dict(conn.execute(f"SELECT name, fingerprint FROM {MART_MEMO}").fetchall())
    tables = [m.name for m in models if not m.view]
    if any(name not in marts for name in tables):
        return None
    parts = [code_version(["warehouse"], []), *(f"{n}\0{marts[n]}" for n in sorted(tables))]
    parts += [f"{m.name}\0{m.sql}\0{m.description}\0{sorted(m.column_docs.items())}\0{m.primary_key}" for m in models]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _state_of(published: Path, inputs: str) -> str | None:
    """What the published file is: what it was made of, and its size and modification time (a client
    that writes into it changes them); None when there is no file or a client's write-ahead log."""
    if Path(f"{published}.wal").exists():
        return None
    try:
        stat = published.stat()
    except OSError:
        return None
    return f"{inputs}\0{stat.st_size}\0{stat.st_mtime_ns}"


def _unchanged_since(work_db: Path, published: Path, inputs: str) -> bool:
    state = _state_of(published, inputs)
    with connect(work_db) as conn:
        return state is not None and remembered(conn, PUBLISH_MEMO, PUBLISHED) == state


def _remember(work_db: Path, published: Path, inputs: str) -> None:
    state = _state_of(published, inputs)
    with connect(work_db) as conn:
        if state is None:
            forget(conn, PUBLISH_MEMO, PUBLISHED)
        else:
            remember(conn, PUBLISH_MEMO, PUBLISHED, state)


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
