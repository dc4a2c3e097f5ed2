"""Publishing swaps a complete, documented file into place without disturbing open readers."""

from pathlib import Path

import duckdb

from pipelines.warehouse.publish import publish
from pipelines.warehouse.sqlmodels import parse_model


def make_work_db(path, rows):
    with duckdb.connect(str(path)) as conn:
        conn.execute(
            "CREATE OR REPLACE TABLE articles AS SELECT i AS article_id, 'Story ' || i AS title, 'Rebels seized the town.' AS body, "
            "NULL AS publisher, NULL AS published_date, NULL AS url FROM range(?) t(i)",
            [rows],
        )


def articles_model(tmp_path):
    """The articles model, its working database and where it is published."""
    model_path = tmp_path / "articles.sql"
    model_path.write_text("-- One row per article.\n-- @column article_id: The id.\nSELECT 1")
    return parse_model(model_path), tmp_path / "work.duckdb", tmp_path / "out" / "news.duckdb"


def test_publish_copies_models_with_comments_and_replaces_the_file(tmp_path):
    model, work, published = articles_model(tmp_path)

    make_work_db(work, 3)
    assert publish(work, published, [model]) == {"articles": 3}
    reader = duckdb.connect(str(published), read_only=True)  # an analyst's open connection

    make_work_db(work, 5)
    assert publish(work, published, [model]) == {"articles": 5}

    assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 3  # its snapshot
    reader.close()
    with duckdb.connect(str(published), read_only=True) as fresh:
        assert fresh.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
        assert fresh.execute("SELECT comment FROM duckdb_tables() WHERE table_name = 'articles'").fetchone()[0] == "One row per article."
        assert fresh.execute("SELECT comment FROM duckdb_columns() WHERE column_name = 'article_id'").fetchone()[0] == "The id."
        assert fresh.execute("SELECT count(*) FROM duckdb_functions() WHERE function_name = 'search_articles'").fetchone()[0] == 1
    assert sorted(p.name for p in published.parent.iterdir()) == ["news.duckdb"]


def test_a_clients_write_ahead_log_and_a_killed_publishs_leftovers_are_removed(tmp_path):
    model, work, published = articles_model(tmp_path)
    make_work_db(work, 3)
    publish(work, published, [model])
    with duckdb.connect(str(published)) as client:  # a BI tool that opened the file read-write
        client.execute("SET checkpoint_threshold = '1GB'")
        client.execute("CREATE TABLE client_notes AS SELECT 42 AS n")
        stale = Path(f"{published}.wal")
        stale_copy = stale.read_bytes() if stale.exists() else b""
    if stale_copy:
        stale.write_bytes(stale_copy)  # the log the client left, as after a crash
    leftover = published.with_name(f".{published.name}.999999999.tmp")
    leftover.write_bytes(b"half a file")
    make_work_db(work, 5)
    assert publish(work, published, [model]) == {"articles": 5}
    with duckdb.connect(str(published), read_only=True) as fresh:
        tables = {name for (name,) in fresh.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()}
    assert tables == {"articles"}
    assert sorted(p.name for p in published.parent.iterdir()) == ["news.duckdb"]


def test_a_published_file_of_unchanged_marts_is_kept_and_a_touched_one_rewritten(tmp_path):
    from pipelines.warehouse.sqlmodels import MART_MEMO

    model, work, published = articles_model(tmp_path)
    make_work_db(work, 3)
    with duckdb.connect(str(work)) as conn:  # the marts' memo as the mart assets write it
        conn.execute(f"CREATE SCHEMA staging; CREATE TABLE {MART_MEMO} AS SELECT 'articles' AS name, 'v1' AS fingerprint")
    publish(work, published, [model])
    written = published.stat().st_mtime_ns

    assert publish(work, published, [model]) == {"articles": 3}
    assert published.stat().st_mtime_ns == written  # nothing changed: the file is kept

    with duckdb.connect(str(published)) as client:  # an analyst writes into the published file
        client.execute("CREATE TABLE notes AS SELECT 1 AS x")
    publish(work, published, [model])
    with duckdb.connect(str(published), read_only=True) as fresh:  # rewritten: the analyst's table is gone
        assert fresh.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'notes'").fetchone()[0] == 0

    with duckdb.connect(str(work)) as conn:
        conn.execute(f"UPDATE {MART_MEMO} SET fingerprint = 'v2'")  # the mart was rebuilt from other rows
    make_work_db(work, 5)
    assert publish(work, published, [model]) == {"articles": 5}
