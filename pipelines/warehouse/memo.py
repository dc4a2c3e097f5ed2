"""Skip a stage whose inputs and logic did not change since it last wrote its tables.

A stage's fingerprint is a hash of the version of its logic and reference data (the source files
of the modules it runs and the reference CSVs they read) and of its input rows (a digest its own
SQL computes over the columns that decide its output). The fingerprint is written with the
stage's tables in one transaction, as a one-row table `staging.<stage>_inputs`, so a table and
the fingerprint it was built from always agree, even after a kill. A rerun that finds the same
fingerprint and the stage's tables leaves them as they are; a changed lexicon, rule or input row
gives another fingerprint and reruns exactly the stages it reaches.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

import duckdb
import polars as pl

from pipelines.warehouse.store import table_exists

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
