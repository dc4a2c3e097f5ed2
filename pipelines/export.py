"""`python -m pipelines export`: every published table and view as one Parquet file, for engines
that read Parquet (Spark, Trino, pandas, polars, BI tools) rather than a DuckDB file.

Each file is `<DIR>/<name>.parquet`, written by DuckDB from a read-only connection, so an export
never blocks or changes the warehouse. Table and column comments travel in the files' key-value
metadata (`comment`, and `comment:<column>` per column), so the documentation goes with the data.
"""

from __future__ import annotations

from pathlib import Path


class ExportError(Exception):
    """Why the export cannot run: printed as one line, exit code 2."""


def export_parquet(warehouse: Path, output: Path) -> dict[str, int]:
    """Write every table and view of `warehouse` under `output`; returns rows per name."""
    import duckdb

    if output.exists() and not output.is_dir():
        raise ExportError(f"--output {output} is a file, not a folder")
    output.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        names = conn.execute(
            "SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'main' "
            "UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'main' AND NOT internal "
            "ORDER BY 1"
        ).fetchall()
        for name, comment in names:
            columns = conn.execute(
                "SELECT column_name, comment FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ? AND comment IS NOT NULL",
                [name],
            ).fetchall()
            metadata = {"comment": comment or "", **{f"comment:{column}": text for column, text in columns}}
            pairs = ", ".join(f"'{_quote(key)}': '{_quote(value)}'" for key, value in metadata.items())
            target = output / f"{name}.parquet"
            conn.execute(f"COPY (SELECT * FROM main.\"{name}\") TO '{_quote(target)}' (FORMAT parquet, KV_METADATA {{{pairs}}})")
            written[name] = conn.execute(f'SELECT count(*) FROM main."{name}"').fetchone()[0]
    return written


def _quote(value: object) -> str:
    return str(value).replace("'", "''")
