"""A mart whose tables are unchanged is kept; a check that passed on the same tables passes again."""

import dagster as dg
import duckdb

from pipelines.settings import WarehouseSettings
from pipelines.warehouse.assets import warehouse_definitions
from pipelines.warehouse.sqlmodels import CHECK_MEMO, MART_MEMO


def build(sql_dir, tmp_path):
    assets, checks = warehouse_definitions([], sql_dir)
    settings = WarehouseSettings(input_dirs=[], warehouse_path=str(tmp_path / "news.duckdb"), processes=1)
    return dg.materialize([*assets, *checks], resources={"settings": settings}, raise_on_error=False)


def test_marts_and_checks_rerun_only_when_the_tables_they_read_change(tmp_path):
    sql_dir = tmp_path / "sql"
    (sql_dir / "marts").mkdir(parents=True)
    (sql_dir / "checks").mkdir()
    (sql_dir / "marts" / "doubled.sql").write_text("-- Doubled numbers.\nSELECT n * 2 AS m FROM numbers")
    (sql_dir / "marts" / "numbers.sql").write_text("-- Numbers.\nSELECT range AS n FROM range(3)")
    (sql_dir / "checks" / "doubled__even.sql").write_text("-- Even.\nSELECT m FROM doubled WHERE m % 2 = 1")
    work = tmp_path / ".work" / "news.duckdb"

    assert build(sql_dir, tmp_path).success
    with duckdb.connect(str(work)) as conn:
        first = dict(conn.execute(f"SELECT name, fingerprint FROM {MART_MEMO}").fetchall())
        assert set(first) == {"doubled", "numbers"}
        assert conn.execute(f"SELECT count(*) FROM {CHECK_MEMO}").fetchone()[0] == 1

    rerun = build(sql_dir, tmp_path)
    assert rerun.success and rerun.get_asset_check_evaluations()[0].metadata["rechecked"].value is False

    (sql_dir / "marts" / "numbers.sql").write_text("-- Numbers.\nSELECT range AS n FROM range(5)")
    changed = build(sql_dir, tmp_path)
    assert changed.success and changed.get_asset_check_evaluations()[0].metadata["rechecked"].value is True
    with duckdb.connect(str(work), read_only=True) as conn:
        assert conn.execute("SELECT count(*) FROM doubled").fetchone()[0] == 5  # rebuilt from the new numbers
        second = dict(conn.execute(f"SELECT name, fingerprint FROM {MART_MEMO}").fetchall())
    assert second["doubled"] != first["doubled"] and second["numbers"] != first["numbers"]
