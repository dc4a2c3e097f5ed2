"""The SQL model loader: dependencies come from the SQL itself, and bad models fail loudly."""

from pathlib import Path

import dagster as dg
import pytest

from pipelines.warehouse.sqlmodels import (
    SqlModelError,
    cached_column_lineage,
    load_checks,
    load_models,
    parse_model,
    validate,
)


def write(folder: Path, name: str, sql: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(sql)
    return path


def test_upstream_tables_are_found_by_parsing_and_ctes_are_not_tables(tmp_path):
    path = write(
        tmp_path / "marts",
        "articles.sql",
        "-- Articles.\n-- @column article_id: The id.\n"
        "WITH canonical AS (SELECT * FROM staging.assignments)\n"
        "SELECT c.article_id FROM canonical c JOIN staging.clean USING (source_file) JOIN sentences s ON true",
    )
    model = parse_model(path)
    assert model.key == dg.AssetKey(["warehouse", "articles"])
    assert model.upstream == (
        dg.AssetKey(["staging", "assignments"]),
        dg.AssetKey(["staging", "clean"]),
        dg.AssetKey(["warehouse", "sentences"]),
    )
    assert model.description == "Articles."
    assert model.column_docs == {"article_id": "The id."}


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("SELECT FROM WHERE (", "does not parse"),
        ("SELECT 1; SELECT 2", "exactly one SELECT"),
        ("DELETE FROM articles", "exactly one SELECT"),
    ],
)
def test_a_bad_model_names_its_file(tmp_path, sql, message):
    path = write(tmp_path / "marts", "broken.sql", sql)
    with pytest.raises(SqlModelError, match=message) as error:
        parse_model(path)
    assert "broken.sql" in str(error.value)


def test_a_model_reading_a_table_nobody_produces_is_rejected(tmp_path):
    write(tmp_path / "marts", "articles.sql", "SELECT * FROM staging.typo_table")
    with pytest.raises(SqlModelError, match="staging/typo_table"):
        validate(load_models(tmp_path), [], known=[dg.AssetKey(["staging", "clean"])])


def test_checks_are_named_table__check_and_must_guard_a_model(tmp_path):
    write(tmp_path / "marts", "articles.sql", "SELECT 1 AS article_id")
    write(tmp_path / "checks", "articles__unique.sql", "-- Unique ids.\nSELECT article_id FROM articles GROUP BY 1 HAVING count(*) > 1")
    write(tmp_path / "checks", "nosuch__unique.sql", "SELECT 1")
    checks = load_checks(tmp_path)
    assert [(table, check.name) for table, check in checks] == [("articles", "unique"), ("nosuch", "unique")]
    with pytest.raises(SqlModelError, match="no model in sql/marts builds"):
        validate(load_models(tmp_path), checks, known=[])


def test_the_project_models_all_load_and_validate():
    from pipelines.definitions import defs

    keys = {key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys()}
    for table in ["articles", "article_sources", "rejected_inputs", "sentences", "actors", "mentions", "events", "event_mentions"]:
        assert f"warehouse/{table}" in keys


def test_column_lineage_traces_each_column_to_its_sources_and_is_traced_once(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWS_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "pairs.sql"
    path.write_text(
        "SELECT e.event_id, a.name AS source_name, upper(e.event_code) || a.role AS code, 1 AS one\n"
        "FROM events e JOIN staging.actors a ON a.actor_id = e.actor1_id"
    )
    model = parse_model(path)
    schema = {
        "main": {"events": {"event_id": "VARCHAR", "event_code": "VARCHAR", "actor1_id": "VARCHAR"}},
        "staging": {"actors": {"actor_id": "VARCHAR", "name": "VARCHAR", "role": "VARCHAR"}},
    }
    columns = ["event_id", "source_name", "code", "one"]
    deps = cached_column_lineage(model, columns, schema)
    named = {column: sorted((d.asset_key.to_user_string(), d.column_name) for d in found) for column, found in deps.items()}
    assert named == {
        "event_id": [("warehouse/events", "event_id")],
        "source_name": [("staging/actors", "name")],
        "code": [("staging/actors", "role"), ("warehouse/events", "event_code")],
    }  # a constant has no source and is left out
    calls = []
    monkeypatch.setattr("pipelines.warehouse.sqlmodels.column_lineage", lambda *args: calls.append(args) or {})
    assert cached_column_lineage(model, columns, schema) == deps and calls == []  # read back, not traced again
    schema["staging"]["actors"]["country"] = "VARCHAR"
    assert cached_column_lineage(model, columns, schema) == {} and len(calls) == 1  # an upstream change traces again
