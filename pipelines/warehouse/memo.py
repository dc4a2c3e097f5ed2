"""Skip work whose inputs and logic did not change: a whole stage, or one article of a map.

A stage's fingerprint is a hash of the version of its logic and reference data (the source files
of the modules it runs and the reference CSVs they read) and of its input rows (a digest its own
SQL computes over the columns that decide its output). The fingerprint is written with the
stage's tables in one transaction, as a one-row table `staging.<stage>_inputs`, so a table and
the fingerprint it was built from always agree, even after a kill. A rerun that finds the same
fingerprint and the stage's tables leaves them as they are; a changed lexicon, rule or input row
gives another fingerprint and reruns exactly the stages it reaches.

Within a stage, the per-article map (mentions found in one article's parse, event candidates read
off it) is kept per article in `staging.<stage>_by_article`, under a key of the article's inputs
and the stage's version (`map_articles`): a new article costs its own map, and only the
cross-article reduce (actor resolution, event merge) runs over everything, so an incremental run
gives exactly what a full one does.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from pipelines.warehouse.store import column_names, frame_of, schema_of, table_exists

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def code_version(modules: Iterable[str], references: Iterable[Path]) -> str:
    """A hash of the named modules' source (a package name covers its folder, "nlp" its file) and
    of the reference files."""
    digest = hashlib.sha256()
    for module in sorted(modules):
        folder = PACKAGE_DIR / module
        files = sorted(folder.rglob("*.py")) if folder.is_dir() else [PACKAGE_DIR / f"{module}.py"]
        for path in files:
            digest.update(f"{path.relative_to(PACKAGE_DIR)}\0".encode() + path.read_bytes())
    for path in sorted(references):
        digest.update(f"{path.name}\0".encode() + path.read_bytes())
    return digest.hexdigest()


def fingerprint(conn: duckdb.DuckDBPyConnection, version: str, digests: Sequence[str]) -> str | None:
    """The stage's version and the value of each digest query (one row, one column each); None
    when an input a digest reads is missing (the stage then always runs)."""
    try:
        values = [str(conn.execute(sql).fetchone()[0]) for sql in digests]
    except duckdb.CatalogException:
        return None
    return hashlib.sha256("\0".join([version, *values]).encode()).hexdigest()


def memo_table(stage: str) -> str:
    return f"staging.{stage}_inputs"


def unchanged(conn: duckdb.DuckDBPyConnection, stage: str, print_: str | None, outputs: Sequence[str]) -> bool:
    """Whether the stage last wrote its tables from this fingerprint, and they are all there."""
    if print_ is None or not all(table_exists(conn, table) for table in [memo_table(stage), *outputs]):
        return False
    row = conn.execute(f"SELECT fingerprint FROM {memo_table(stage)}").fetchone()
    return row is not None and row[0] == print_


def memo_frame(print_: str | None) -> pl.DataFrame:
    """The one-row table to write with the stage's tables (see the module doc)."""
    return pl.DataFrame({"fingerprint": [print_]}, schema={"fingerprint": pl.String})


def map_articles(
    conn: duckdb.DuckDBPyConnection,
    stage: str,
    keys: Mapping[str, str],
    row_type: type,
    compute: Callable[[set[str]], Iterator[tuple[str, list[Any]]]],
) -> tuple[list[Any], dict[str, pl.DataFrame]]:
    """Each article's map rows, in article order: kept ones for articles whose key is unchanged,
    `compute(article ids)` for the others (it yields (article_id, rows)). Returns the rows and the
    frames of the stage's per-article tables, to write with its other tables in one transaction:
    `staging.<stage>_article_keys` (the key each article's rows were made under, also for articles
    with no rows) and `staging.<stage>_by_article` (the rows, in the order they are returned in)."""
    keys_table, rows_table = f"staging.{stage}_article_keys", f"staging.{stage}_by_article"
    schema = keyed_schema(row_type)
    by_article: dict[str, list[Any]] = {}
    cached = pl.DataFrame(schema=schema)
    if table_exists(conn, keys_table) and table_exists(conn, rows_table) and column_names(conn, rows_table) == list(schema):
        conn.register(
            "_keys",
            pl.DataFrame(
                {"article_id_": list(keys), "map_key": list(keys.values())}, schema={"article_id_": pl.String, "map_key": pl.String}
            ).to_arrow(),
        )
        try:
            same = [a for (a,) in conn.execute(f"SELECT article_id_ FROM {keys_table} JOIN _keys USING (article_id_, map_key)").fetchall()]
            by_article = {article_id: [] for article_id in same}
            cached = conn.execute(
                f"SELECT r.* FROM {rows_table} r JOIN {keys_table} k USING (article_id_) JOIN _keys n USING (article_id_, map_key) ORDER BY article_id_, ordinal"
            ).pl()
        finally:
            conn.unregister("_keys")
        by_article.update(grouped_rows(cached, row_type))
    computed = dict(compute(set(keys) - set(by_article)))
    by_article.update(computed)
    ordered = [(article_id, by_article.get(article_id, [])) for article_id in sorted(keys)]
    # The kept rows go back as the frame they were read as; only new articles' rows are converted.
    fresh = frame_of([record for article_id, rows in sorted(computed.items()) for record in keyed_records(article_id, rows)], schema)
    key_frame = pl.DataFrame(
        {"article_id_": sorted(keys), "map_key": [keys[a] for a in sorted(keys)]}, schema={"article_id_": pl.String, "map_key": pl.String}
    )
    rows_frame = pl.concat([cached.cast(schema), fresh]).sort("article_id_", "ordinal")
    return [row for _, rows in ordered for row in rows], {keys_table: key_frame, rows_table: rows_frame}


def keyed_schema(row_type: type) -> dict[str, pl.DataType]:
    """The columns of a stage's per-article rows: the article, the row's place in it, the row's fields."""
    return {"article_id_": pl.String(), "ordinal": pl.Int64(), **schema_of(row_type)}


def keyed_records(article_id: str, rows: Sequence[Any]) -> list[dict[str, Any]]:
    """One article's map rows as records of `keyed_schema`."""
    return [{"article_id_": article_id, "ordinal": n, **{f.name: getattr(row, f.name) for f in fields(row)}} for n, row in enumerate(rows)]


def grouped_rows(frame: pl.DataFrame, row_type: type) -> dict[str, list[Any]]:
    """Records of `keyed_schema` back as each article's rows, in their order (articles with none are absent)."""
    names = [f.name for f in fields(row_type)]
    grouped: dict[str, list[Any]] = {}
    for article_id, *values in frame.sort("article_id_", "ordinal").select(["article_id_", *names]).iter_rows():
        grouped.setdefault(article_id, []).append(row_type(*values))  # positional: a row type's fields in order
    return grouped


def key_of(*parts: object) -> str:
    """A map key from an article's inputs and the stage's version."""
    return hashlib.sha256("\0".join(map(str, parts)).encode()).hexdigest()


def remembered(conn: duckdb.DuckDBPyConnection, memo: str, name: str) -> str | None:
    """The fingerprint `name` was last done under, in a memo of named ones (a mart, a check, the
    published file); None when there is none."""
    if not table_exists(conn, memo):
        return None
    row = conn.execute(f"SELECT fingerprint FROM {memo} WHERE name = ?", [name]).fetchone()
    return row[0] if row else None


def forget(conn: duckdb.DuckDBPyConnection, memo: str, name: str) -> None:
    """Drop `name`'s fingerprint, before redoing it, so a kill midway leaves no stale one."""
    if table_exists(conn, memo):
        conn.execute(f"DELETE FROM {memo} WHERE name = ?", [name])


def remember(conn: duckdb.DuckDBPyConnection, memo: str, name: str, fingerprint: str) -> None:
    conn.execute(f"CREATE SCHEMA IF NOT EXISTS {memo.partition('.')[0]}")
    conn.execute(f"CREATE TABLE IF NOT EXISTS {memo} (name VARCHAR PRIMARY KEY, fingerprint VARCHAR)")
    conn.execute(f"INSERT OR REPLACE INTO {memo} VALUES (?, ?)", [name, fingerprint])
