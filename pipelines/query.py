"""`python -m pipelines query`: one read-only query against the published warehouse, in any SQL
dialect sqlglot reads, printed as a table or written as CSV, JSON Lines or Parquet.

Only a query runs: DuckDB's own parser classifies the statement (DESCRIBE, SHOW, SUMMARIZE, VALUES
and read-only PRAGMAs are SELECTs to it; EXPLAIN is judged by what it explains), and anything else
(DDL, DML, COPY, EXPORT, ATTACH, INSTALL/LOAD, SET, CALL, several statements) is refused before it
runs. The connection is read-only, with file system access switched off (once the full-text
search extension is loaded) and its configuration locked, so a statement that slipped past the
check still could not write the warehouse or a file.

Errors are one line on stderr and exit code 2, never a traceback: a refused statement says why,
bad SQL says what and where (line and column).
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

FORMATS = ("table", "csv", "json", "parquet")
QUERY_TYPES = {"SELECT"}
_EXPLAIN = re.compile(r"^\s*EXPLAIN(?:\s+ANALY[SZ]E)?\s+", re.IGNORECASE)
_POSITION = re.compile(r"LINE (\d+): (.*)\n(\s*)\^")
MAX_CELL = 80  # characters of a value in the table format; csv, json and parquet keep values whole


class QueryError(Exception):
    """Why a query was refused or failed: printed as one line, exit code 2."""


def to_duckdb(sql: str, dialect: str) -> str:
    """The statement(s) in DuckDB's dialect; DuckDB SQL is passed through untouched."""
    if dialect == "duckdb":
        return sql
    import sqlglot
    from sqlglot.errors import ParseError

    try:
        statements = sqlglot.parse(sql, read=dialect)
    except ParseError as error:
        first = error.errors[0] if error.errors else {}
        where = f" (line {first['line']}, column {first['col']})" if first.get("line") else ""
        raise QueryError(f"{first.get('description', str(error).splitlines()[0])}{where}") from None
    except ValueError as error:  # an unknown dialect name
        raise QueryError(str(error)) from None
    return ";\n".join(statement.sql(dialect="duckdb") for statement in statements if statement is not None)


def check_query(conn, sql: str) -> str:
    """The one query in `sql` as DuckDB will run it, or QueryError saying why it will not run."""
    statements = conn.extract_statements(sql)
    if len(statements) != 1:
        raise QueryError(f"one statement at a time, got {len(statements)}")
    (statement,) = statements
    kind = statement.type.name
    if kind == "EXPLAIN":
        check_query(conn, _EXPLAIN.sub("", statement.query, count=1))  # EXPLAIN ANALYZE runs what it explains
    elif kind not in QUERY_TYPES:
        raise QueryError(f"{kind} is not a query: only SELECT, WITH, VALUES, DESCRIBE, SHOW, SUMMARIZE and EXPLAIN run here")
    return sql


def _message(error: Exception) -> str:
    """DuckDB's error as one line, with the line and column its caret points at."""
    text = str(error)
    where = ""
    if (found := _POSITION.search(text)) is not None:
        line, _, caret = found.groups()
        where = f" (line {line}, column {len(caret) - len(f'LINE {line}: ') + 1})"
    first = text.split("\n", 1)[0].strip()
    return f"{first}{where}"


def run_query(warehouse: Path, sql: str, dialect: str = "duckdb", fmt: str = "table", output: Path | None = None) -> int:
    import duckdb

    from pipelines.warehouse.search import load_fts

    if fmt == "parquet" and output is None:
        raise QueryError("--format parquet needs --output FILE")
    sql = to_duckdb(sql, dialect)
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        load_fts(conn)  # for search_articles(q); then no file access for the query itself
        conn.execute("SET enable_external_access = false")
        conn.execute("SET lock_configuration = true")
        try:
            relation = conn.sql(check_query(conn, sql))
            columns = list(relation.columns) if relation is not None else []
            if fmt == "parquet":
                import pyarrow.parquet as pq

                pq.write_table(relation.to_arrow_table(), str(output))  # written by Python: the connection has no file access
                return 0
            rows = relation.fetchall() if relation is not None else []
        except duckdb.Error as error:
            raise QueryError(_message(error)) from None
    if output is not None:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            _write(handle, fmt, columns, rows)
    elif fmt == "table" and sys.stdout.isatty():
        import pydoc

        buffer = io.StringIO()
        _write(buffer, fmt, columns, rows)
        pydoc.pager(buffer.getvalue())  # $PAGER or less; plain output when there is none
    else:
        _write(sys.stdout, fmt, columns, rows)
    return 0


def _write(out: TextIO, fmt: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    if fmt == "csv":
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows([["" if v is None else _plain(v) for v in row] for row in rows])
    elif fmt == "json":
        for row in rows:
            out.write(json.dumps(dict(zip(columns, row, strict=True)), default=_plain, ensure_ascii=False) + "\n")
    else:
        out.write(render_table(columns, rows))


def _plain(value: object) -> object:
    """A value JSON and CSV can hold: dates as ISO 8601, decimals as numbers, the rest as text."""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, str | int | float | bool):
        return value
    return str(value)


def render_table(columns: Sequence[str], rows: Sequence[tuple]) -> str:
    """Every row and column, each value cut at MAX_CELL characters, and a row count."""

    def cell(value: object) -> str:
        text = "NULL" if value is None else str(value).replace("\n", " ")
        return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(name), *(len(r[i]) for r in cells)]) for i, name in enumerate(columns)]
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    lines = [line, "| " + " | ".join(n.ljust(w) for n, w in zip(columns, widths, strict=True)) + " |", line]
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |" for r in cells]
    lines += [line, f"{len(rows)} row{'s' if len(rows) != 1 else ''}"]
    return "\n".join(lines) + "\n"
