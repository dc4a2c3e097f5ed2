"""Full-text search in the published warehouse: a BM25 index over article titles and bodies, and
the table macro `search_articles(q)` that ranks articles by it.

DuckDB's `fts` extension cannot be downloaded here; the `duckdb-extension-fts` package carries
DuckDB's signed build of it for the pinned duckdb version, loaded from its file. A reader of the
published file needs the extension loaded to call the macro: `python -m pipelines query` loads it;
another client runs `INSTALL '<path>'` once with `extension_path()`'s file (or `INSTALL fts`
where it has internet) and then `LOAD fts`.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import duckdb

INDEX_SCHEMA = "fts_main_articles"  # the schema create_fts_index names after the table
SEARCH_MACRO = f"""
CREATE OR REPLACE MACRO search_articles(q) AS TABLE
SELECT article_id, title, publisher, published_date, url, score
FROM (SELECT *, {INDEX_SCHEMA}.match_bm25(article_id, q) AS score FROM main.articles)
WHERE score IS NOT NULL
ORDER BY score DESC, article_id
"""
SEARCH_DOC = (
    "search_articles(q): articles matching the words of q, ranked by BM25 over title and body (score, highest first), "
    "with title, publisher, published_date and url. Needs the fts extension loaded."
)


def extension_path() -> Path:
    return Path(str(files("duckdb_extension_fts") / "extensions" / f"v{duckdb.__version__}" / "fts.duckdb_extension"))


def load_fts(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute(f"LOAD '{str(extension_path()).replace(chr(39), chr(39) * 2)}'")


def create_search(conn: duckdb.DuckDBPyConnection) -> None:
    """Index main.articles and create the macro, documenting the index's own tables."""
    load_fts(conn)
    conn.execute("PRAGMA create_fts_index('main.articles', 'article_id', 'title', 'body', overwrite = 1)")
    conn.execute(SEARCH_MACRO)
    conn.execute(f"COMMENT ON MACRO TABLE search_articles IS '{SEARCH_DOC}'")
    tables = conn.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = ?", [INDEX_SCHEMA]).fetchall()
    for (table,) in tables:
        conn.execute(f"COMMENT ON TABLE {INDEX_SCHEMA}.{table} IS 'Internal table of the full-text index behind search_articles(q).'")
        columns = conn.execute(
            "SELECT column_name FROM duckdb_columns() WHERE schema_name = ? AND table_name = ?", [INDEX_SCHEMA, table]
        ).fetchall()
        for (column,) in columns:
            conn.execute(f"COMMENT ON COLUMN {INDEX_SCHEMA}.{table}.{column} IS 'Full-text index internals (fts extension).'")
