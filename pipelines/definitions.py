"""The Dagster code location: every stage's assets, the SQL warehouse, one job that builds it all."""

from __future__ import annotations

import dagster as dg

from pipelines.clean.assets import clean_articles
from pipelines.dedup.assets import article_assignments
from pipelines.entities.assets import actors_and_mentions
from pipelines.events.assets import cameo_codebook, events_and_mentions
from pipelines.ingest.assets import ingest_files
from pipelines.ingest.sensor import BUILD_JOB, new_files
from pipelines.parse.assets import parses
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.assets import warehouse_definitions

STAGE_ASSETS = [ingest_files, clean_articles, article_assignments, parses, actors_and_mentions, events_and_mentions, cameo_codebook]

build_warehouse = dg.define_asset_job(
    BUILD_JOB,
    selection=dg.AssetSelection.all(),
    description="Ingest, clean, deduplicate, parse, extract actors and events, build the marts, check and publish.",
)

warehouse_assets, warehouse_checks = warehouse_definitions(key for asset in STAGE_ASSETS for key in asset.keys)

defs = dg.Definitions(
    assets=[*STAGE_ASSETS, *warehouse_assets],
    asset_checks=warehouse_checks,
    jobs=[build_warehouse],
    sensors=[new_files],
    resources={"settings": WarehouseSettings()},
    # DuckDB allows one writing process: steps run one after another in the run's own process.
    executor=dg.in_process_executor,
)
