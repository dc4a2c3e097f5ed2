"""A stage is skipped only when its logic, its knowledge and its input rows are all unchanged."""

from __future__ import annotations

import duckdb
import polars as pl

from pipelines.warehouse.memo import code_version, fingerprint, memo_frame, memo_table, unchanged
from pipelines.warehouse.store import write_tables


def test_the_version_changes_with_the_code_or_a_reference_file(tmp_path):
    lexicon = tmp_path / "lexicon.csv"
    lexicon.write_text("lemma,code\nmeet,040\n")
    before = code_version(["events"], [lexicon])
    assert code_version(["events"], [lexicon]) == before
    lexicon.write_text("lemma,code\nmeet,042\n")
    assert code_version(["events"], [lexicon]) != before
    assert code_version(["entities"], [lexicon]) != code_version(["events"], [lexicon])


def test_a_stage_is_unchanged_only_for_the_fingerprint_its_tables_were_written_with(tmp_path):
    conn = duckdb.connect(str(tmp_path / "work.duckdb"))
    conn.execute("CREATE SCHEMA staging")
    conn.execute("CREATE TABLE staging.parses AS SELECT 'k1' AS parse_key")
    digest = ["SELECT string_agg(parse_key, ',' ORDER BY parse_key) FROM staging.parses"]
    first = fingerprint(conn, "v1", digest)
    assert not unchanged(conn, "stage", first, ["staging.out"])  # never written

    write_tables(conn, {"staging.out": pl.DataFrame({"x": [1]}), memo_table("stage"): memo_frame(first)})
    assert unchanged(conn, "stage", fingerprint(conn, "v1", digest), ["staging.out"])
    assert not unchanged(conn, "stage", fingerprint(conn, "v2", digest), ["staging.out"])  # new rules
    conn.execute("INSERT INTO staging.parses VALUES ('k2')")
    assert not unchanged(conn, "stage", fingerprint(conn, "v1", digest), ["staging.out"])  # a new article
    assert fingerprint(conn, "v1", ["SELECT x FROM staging.missing"]) is None
    assert not unchanged(conn, "stage", None, ["staging.out"])
