"""The warehouse: SQL model assets and checks loaded from sql/, and the publish step."""

from collections.abc import Iterable
from pathlib import Path

import dagster as dg

from pipelines.paths import PROJECT_ROOT
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.publish import publish
from pipelines.warehouse.sqlmodels import check_asset, load_checks, load_models, model_asset, validate

SQL_DIR = PROJECT_ROOT / "sql"
PUBLISHED_KEY = dg.AssetKey(["warehouse", "published"])


def warehouse_definitions(
    produced_upstream: Iterable[dg.AssetKey], sql_dir: Path = SQL_DIR
) -> tuple[list[dg.AssetsDefinition], list[dg.AssetChecksDefinition]]:
    """Model assets with the publish asset, and the models' checks; fails loudly on a bad model."""
    models = load_models(sql_dir)
    checks = load_checks(sql_dir)
    validate(models, checks, produced_upstream)

    @dg.asset(
        key=PUBLISHED_KEY,
        deps=[model.key for model in models],
        group_name="publish",
        kinds={"duckdb"},
        pool="duckdb",
        description="Swaps the freshly built marts into the published DuckDB file in one atomic rename; runs only when every blocking check passed.",
    )
    def published(context: dg.AssetExecutionContext, settings: WarehouseSettings) -> dg.MaterializeResult:
        target = Path(settings.warehouse_path)
        counts = publish(settings.work_db_path, target, models)
        table = "\n".join(["| table | rows |", "|---|---|", *(f"| {name} | {rows} |" for name, rows in counts.items())])
        context.log.info(f"published {target}")
        return dg.MaterializeResult(
            metadata={
                "path": dg.MetadataValue.path(str(target)),
                "size_bytes": target.stat().st_size,
                "tables": dg.MetadataValue.md(table),
                **{f"rows/{name}": rows for name, rows in counts.items()},
            }
        )

    return [*(model_asset(m) for m in models), published], [check_asset(t, c) for t, c in checks]
