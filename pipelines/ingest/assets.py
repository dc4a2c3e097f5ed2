"""Ingest: every input file becomes raw documents or rejected inputs (see ingest.reading)."""

from functools import partial

import dagster as dg

from pipelines.ingest.incremental import ingest
from pipelines.ingest.reading import discover, file_sha256, read_files
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.store import connect, read_table, write_tables


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["staging", "input_files"], kinds={"python", "duckdb"}, description="Every file found under the input folders, with its hash."
        ),
        dg.AssetSpec(["staging", "raw_documents"], kinds={"python", "duckdb"}, description="Decoded documents (a JSONL line is one)."),
        dg.AssetSpec(
            ["staging", "ingest_rejections"],
            kinds={"python", "duckdb"},
            description="Inputs that could not be read as text, with the reason.",
        ),
    ],
    group_name="ingest",
    pool="duckdb",
)
def ingest_files(context: dg.AssetExecutionContext, settings: WarehouseSettings):
    files = discover(settings.input_paths())
    with connect(settings.work_db_path) as conn:
        result = ingest(
            files,
            read_table(conn, "staging.input_files"),
            read_table(conn, "staging.raw_documents"),
            read_table(conn, "staging.ingest_rejections"),
            file_sha256,
            partial(read_files, processes=settings.processes),
        )
        write_tables(
            conn,
            {
                "staging.input_files": result.input_files,
                "staging.raw_documents": result.documents,
                "staging.ingest_rejections": result.rejections,
            },
        )
    context.log.info(f"{len(files)} files, {result.files_read} read, {len(files) - result.files_read} unchanged")
    yield dg.MaterializeResult(
        asset_key=["staging", "input_files"],
        metadata={"dagster/row_count": result.input_files.height, "files_read": result.files_read},
    )
    yield dg.MaterializeResult(asset_key=["staging", "raw_documents"], metadata={"dagster/row_count": result.documents.height})
    yield dg.MaterializeResult(asset_key=["staging", "ingest_rejections"], metadata={"dagster/row_count": result.rejections.height})
