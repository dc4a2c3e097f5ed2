"""`query`: every row and column, four output formats, any SQL dialect, and nothing but a query."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipelines.cli import main


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("query") / "news.duckdb"
    with duckdb.connect(str(path)) as conn:
        conn.execute(
            "CREATE TABLE events AS SELECT i AS event_id, 'code' || i AS event_code, DATE '2022-09-01' + CAST(i AS INTEGER) AS event_date, "
            "i * 0.5 AS goldstein, i % 2 = 0 AS even, NULL AS actor2_id, 'a' AS c7, 'b' AS c8 FROM range(30) t(i)"
        )
        conn.execute("COMMENT ON COLUMN events.event_id IS 'The event''s id.'")
        conn.execute("CREATE VIEW even_events AS SELECT event_id FROM events WHERE even")
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def query(warehouse: Path, *args: str) -> int:
    return main(["query", *args, "--warehouse", str(warehouse)])


def test_the_table_shows_every_row_and_column(warehouse, capsys) -> None:
    assert query(warehouse, "SELECT * FROM events ORDER BY event_id") == 0
    out = capsys.readouterr().out
    assert "| c8 |" in out.splitlines()[1] and "| 29 " in out and out.rstrip().endswith("30 rows")


def test_csv_has_a_header_and_json_is_one_object_a_line(warehouse, capsys) -> None:
    assert query(warehouse, "SELECT event_id, event_date, goldstein, actor2_id FROM events ORDER BY 1 LIMIT 2", "--format", "csv") == 0
    assert capsys.readouterr().out.splitlines() == ["event_id,event_date,goldstein,actor2_id", "0,2022-09-01,0.0,", "1,2022-09-02,0.5,"]
    assert query(warehouse, "SELECT event_id, event_date, actor2_id FROM events ORDER BY 1 LIMIT 2", "--format", "json") == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines == [
        {"event_id": 0, "event_date": "2022-09-01", "actor2_id": None},
        {"event_id": 1, "event_date": "2022-09-02", "actor2_id": None},
    ]


def test_parquet_is_written_to_the_output_file(warehouse, tmp_path, capsys) -> None:
    out = tmp_path / "events.parquet"
    assert query(warehouse, "SELECT * FROM events", "--format", "parquet", "--output", str(out)) == 0
    assert pq.read_table(out).num_rows == 30
    assert query(warehouse, "SELECT 1", "--format", "parquet") == 2
    assert "needs --output" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("dialect", "sql"),
    [
        ("bigquery", "SELECT `event_id` FROM `events` WHERE SAFE_CAST(event_id AS INT64) = 3"),
        ("postgres", "SELECT event_id::text FROM events WHERE event_id = 3"),
        ("tsql", "SELECT TOP 1 event_id FROM events WHERE event_id = 3"),
        ("snowflake", "SELECT event_id FROM events WHERE event_id = 3"),
    ],
)
def test_other_dialects_are_transpiled(warehouse, capsys, dialect: str, sql: str) -> None:
    assert query(warehouse, sql, "--dialect", dialect, "--format", "csv") == 0
    assert capsys.readouterr().out.splitlines()[1] == "3"


@pytest.mark.parametrize(
    "sql",
    [
        "COPY events TO 'leak.csv'",
        "CREATE TABLE t AS SELECT 1",
        "INSERT INTO events (event_id) VALUES (99)",
        "DELETE FROM events",
        "ATTACH 'other.duckdb' AS other",
        "INSTALL fts",
        "SET threads = 1",
        "EXPORT DATABASE 'dump'",
        "SELECT 1; SELECT 2",
        "EXPLAIN ANALYZE COPY events TO 'leak.csv'",
    ],
)
def test_anything_but_one_query_is_refused_and_changes_nothing(warehouse, tmp_path, capsys, monkeypatch, sql: str) -> None:
    monkeypatch.chdir(tmp_path)
    before = digest(warehouse)
    assert query(warehouse, sql) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    assert digest(warehouse) == before and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("sql", ["DESCRIBE events", "SHOW TABLES", "SUMMARIZE events", "EXPLAIN SELECT * FROM events", "VALUES (1), (2)"])
def test_describe_show_summarize_explain_and_values_are_queries(warehouse, capsys, sql: str) -> None:
    assert query(warehouse, sql, "--format", "csv") == 0


def test_bad_sql_says_where_in_one_line(warehouse, capsys) -> None:
    assert query(warehouse, "SELECT event_id\nFROM events\nWHERE AND") == 2
    err = capsys.readouterr().err
    assert "line 3, column" in err and err.count("\n") == 1
    assert query(warehouse, "SELECT nope FROM events") == 2
    assert "nope" in capsys.readouterr().err
    assert query(warehouse, "SELECT `a` FROM", "--dialect", "bigquery") == 2
    assert "line 1" in capsys.readouterr().err
    assert query(warehouse, "SELECT 1", "--dialect", "klingon") == 2


def test_the_query_may_come_from_standard_input(warehouse, capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("SELECT count(*) AS n FROM events"))
    assert query(warehouse, "-", "--format", "csv") == 0
    assert capsys.readouterr().out.splitlines() == ["n", "30"]


def test_a_query_loads_neither_dagster_nor_spacy(warehouse) -> None:
    code = (
        "import sys\nfrom pipelines.cli import main\n"
        f"main(['query', 'SELECT 1', '--warehouse', {str(warehouse)!r}, '--format', 'csv'])\n"
        "print(sorted(m for m in ('dagster', 'spacy', 'polars') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "[]"


def test_export_writes_every_table_and_view_as_parquet_with_its_comments(warehouse, tmp_path, capsys) -> None:
    before = digest(warehouse)
    assert main(["export", "--output", str(tmp_path / "out"), "--warehouse", str(warehouse)]) == 0
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == ["even_events.parquet", "events.parquet"]
    assert pq.read_table(tmp_path / "out" / "even_events.parquet").num_rows == 15
    metadata = pq.read_metadata(tmp_path / "out" / "events.parquet").metadata
    assert metadata[b"comment:event_id"] == b"The event's id."
    assert digest(warehouse) == before
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["export", "--output", str(tmp_path / "file"), "--warehouse", str(warehouse)]) == 2
