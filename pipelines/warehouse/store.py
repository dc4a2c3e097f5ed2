"""Reading and writing warehouse tables from Python stages (polars <-> DuckDB)."""

from __future__ import annotations

import datetime as dt
import types
import typing
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import fields, is_dataclass
from pathlib import Path

import duckdb
import polars as pl

from pipelines.faults import passed

_POLARS_TYPES: dict[object, pl.DataType] = {
    str: pl.String(),
    int: pl.Int64(),
    float: pl.Float64(),
    bool: pl.Boolean(),
    bytes: pl.Binary(),
    dt.date: pl.Date(),
}


def schema_of(row_type: type) -> dict[str, pl.DataType]:
    """The table shape a row dataclass declares: its fields in order, typed from their annotations
    (optional fields are nullable columns, Literal codes strings, lists lists), so a table's
    columns are written once, on the record its stage returns."""
    hints = typing.get_type_hints(row_type)
    return {f.name: _polars_type(hints[f.name]) for f in fields(row_type)}


def _polars_type(hint: object) -> pl.DataType:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        return _polars_type(inner)
    if origin is typing.Literal:
        return _polars_type(type(args[0]))
    if origin is list:
        return pl.List(_polars_type(args[0]))
    return _POLARS_TYPES[hint]


@contextmanager
def connect(path: Path, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = duckdb.connect(str(path), read_only=read_only)
    try:
        yield conn
    finally:
        conn.close()


def write_table(conn: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Replace `schema.table` with `frame`: a rerun never doubles rows, and schema changes apply."""
    _replace(conn, table, frame)
    passed(f"commit {table}")
    return frame.height


def _replace(conn: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    schema, _, _ = table.rpartition(".")
    if schema:
        conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    with _registered(conn, frame) as source:
        conn.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM {source}")


def write_tables(conn: duckdb.DuckDBPyConnection, frames: Mapping[str, pl.DataFrame]) -> None:
    """Replace several tables in one transaction: a stage that writes two or three tables leaves
    all of them or none, even when the run is killed between two of them."""
    conn.execute("BEGIN TRANSACTION")
    try:
        for table, frame in frames.items():
            _replace(conn, table, frame)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    passed(f"commit {' + '.join(frames)}")


def append_rows(conn: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> int:
    """Insert `frame`'s rows into an existing table with the same columns (incremental stages)."""
    if frame.is_empty():
        return 0
    with _registered(conn, frame) as source:
        conn.execute(f"INSERT INTO {table} SELECT * FROM {source}")
    passed(f"append {table}")
    return frame.height


@contextmanager
def _registered(conn: duckdb.DuckDBPyConnection, frame: pl.DataFrame) -> Iterator[str]:
    """`frame` visible to SQL under a temporary name (through Arrow, without copying rows)."""
    conn.register("_frame", frame.to_arrow())
    try:
        yield "_frame"
    finally:
        conn.unregister("_frame")


@contextmanager
def only_articles(conn: duckdb.DuckDBPyConnection, article_ids: Collection[str]) -> Iterator[str]:
    """The ids visible to SQL as the one-column table `_only` (article_id), for a query that reads
    some articles rather than the archive."""
    conn.register("_only", pl.DataFrame({"article_id": sorted(article_ids)}, schema={"article_id": pl.String}).to_arrow())
    try:
        yield "_only"
    finally:
        conn.unregister("_only")


def read_table(conn: duckdb.DuckDBPyConnection, table: str, columns: str = "*") -> pl.DataFrame:
    """The rows of `table`, or an empty frame when it does not exist yet (first run)."""
    if not table_exists(conn, table):
        return pl.DataFrame()
    return conn.execute(f"SELECT {columns} FROM {table}").pl()


def column_names(conn: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    """The columns of an existing table, in order."""
    return [name for (name, *_) in conn.execute(f"DESCRIBE {table}").fetchall()]


def table_exists(conn: duckdb.DuckDBPyConnection, table: str) -> bool:
    schema, _, name = table.rpartition(".")
    row = conn.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
        [schema or "main", name],
    ).fetchone()
    return bool(row and row[0])


def frame_of(rows: Sequence[object], schema: Mapping[str, pl.DataType]) -> pl.DataFrame:
    """Dataclass rows (or dicts of one shape) as a frame: the contract columns first with their
    types, extra fields after. Built a column at a time from the rows' fields, without copying
    each row into a dict first (the entity stage writes a row per mention)."""
    if not rows:
        return pl.DataFrame(schema=dict(schema))
    if is_dataclass(rows[0]):
        columns = {f.name: [getattr(row, f.name) for row in rows] for f in fields(rows[0])}
    else:
        columns = {name: [row[name] for row in rows] for name in rows[0]}  # type: ignore[index]
    frame = pl.DataFrame(
        [
            pl.Series(name, values, dtype=schema[name]) if name in schema else pl.Series(name, values, strict=False)
            for name, values in columns.items()
        ]
    )
    missing = [pl.lit(None, dtype).alias(name) for name, dtype in schema.items() if name not in frame.columns]
    frame = frame.with_columns(missing)
    return frame.select([*schema, *(c for c in frame.columns if c not in schema)])
