"""The Spark engine (`build --engine spark`): the same Dagster job and assets, with the heavy work on Spark.

- The per-article maps (the spaCy parse; the mentions and the event candidates read off a parse,
  `pipelines/maps.py`) run as `mapInArrow` over Parquet: the working database writes the
  articles to map as a Parquet file, Spark spreads it over its Python workers (each loads the
  model once, `nlp.load_pipeline` is cached per process, and maps `MAP_BATCH` articles an Arrow
  batch) and writes the results as Parquet, which the asset loads back.
- The near-duplicate pass's banding, its cross-article join, is a Spark SQL join (`lsh_pairs`).
- A SQL mart that is a table runs on Spark SQL: its `sql/marts` file, transpiled from DuckDB SQL by
  sqlglot, reads Parquet copies of the tables it reads (staging tables exported from the working
  database, marts from Spark's own output) and writes `<warehouse>/.work/parquet/marts/<name>/`.
  That Parquet is loaded into the working database under the column types DuckDB itself binds for
  the model, so both engines give tables of one shape, and the blocking checks and the publish
  step read them unchanged. Views stay DuckDB views: they cost nothing until read.

The working database stays the run's record (memo fingerprints, parse cache, checks): Spark gets
inputs from it and returns outputs to it, so a build may switch engines between runs.

This module is imported only when a build runs on Spark, and imports pyspark only inside its
functions: pyspark is an optional dependency group (`uv sync --group spark`).
"""

from __future__ import annotations

import functools
import importlib.util
import os
import re
import shutil
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import sqlglot
from sqlglot import exp

from pipelines.warehouse.memo import grouped_rows, keyed_schema
from pipelines.warehouse.sqlmodels import WAREHOUSE_PREFIX, SqlModel

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

# What `--master` accepts: the URL forms Spark's own launcher knows.
MASTER_URL = re.compile(r"^(local(\[(\d+|\*)(,\d+)?\])?|yarn|(spark|k8s|mesos)://\S+)$")
# Articles a Python worker maps at a time: enough to amortise a batch, few enough that a batch of
# parses (5 to 15 KB each for news-length articles) stays small in a worker's memory.
MAP_BATCH = 256

_session: SparkSession | None = None


def problem(master: str) -> str | None:
    """Why a build cannot run on Spark here, as one line; None when it can."""
    if importlib.util.find_spec("pyspark") is None:
        return "the Spark engine needs pyspark: install the optional group with `uv sync --group spark`"
    java_home = os.environ.get("JAVA_HOME")
    if shutil.which("java") is None and not (java_home and (Path(java_home) / "bin" / "java").exists()):
        return "the Spark engine needs Java 17 or later: install a JRE (e.g. apt-get install openjdk-17-jre-headless) or set JAVA_HOME"
    if not MASTER_URL.match(master):
        return f"not a Spark master URL: {master!r} (local[N], yarn, spark://host:port, k8s://https://host:port)"
    return None


def session(master: str) -> SparkSession:
    """The run's Spark session, started on first use (a JVM child of the build process in local
    mode, a driver attached to the cluster otherwise) and kept until `stop()`."""
    global _session
    if _session is None:
        from pyspark.sql import SparkSession

        # Python workers run this interpreter, so they import the installed pipelines package and its
        # dependencies (the driver's config alone does not reach a local-mode worker).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        _session = (
            SparkSession.builder.master(master)
            .appName("news-warehouse")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")  # progress bars would garble the build's log lines
            .config("spark.sql.session.timeZone", "UTC")  # dates are days, never shifted by a worker's zone
            .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(MAP_BATCH))
            .getOrCreate()
        )
        _session.sparkContext.setLogLevel("ERROR")
    return _session


def stop() -> None:
    """End the run's session and its JVM, when one was started."""
    global _session
    if _session is not None:
        _session.stop()
        _session = None


def parquet_root(work_db: Path) -> Path:
    """Where the Spark engine keeps its Parquet: beside the working database."""
    return work_db.parent / "parquet"


def map_on_spark(
    master: str,
    inputs: pa.Table,
    fn: Callable[[list[dict[str, Any]]], Sequence[Mapping[str, Any]]],
    output: Mapping[str, pl.DataType],
    folder: Path,
) -> pl.DataFrame:
    """`fn` over batches of `inputs`' rows on Spark's Python workers, through Parquet in `folder`;
    its rows (of the `output` columns) as one frame, in no particular order. `fn` must be a
    module-level function or a partial of one: Spark pickles it to every worker."""
    from pyspark.sql.pandas.types import from_arrow_schema

    spark = session(master)
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(inputs, folder / "input.parquet")
    schema = pa.schema([(name, _arrow_type(dtype)) for name, dtype in output.items()])
    frame = spark.read.parquet(str(folder / "input.parquet"))
    # One file of a few thousand rows is one Spark partition: spread it over every worker.
    frame = frame.repartition(max(1, min(inputs.num_rows, spark.sparkContext.defaultParallelism)))
    mapped = frame.mapInArrow(functools.partial(_apply, fn, schema), from_arrow_schema(schema))
    mapped.write.mode("overwrite").parquet(str(folder / "output"))
    result = pl.read_parquet(folder / "output" / "*.parquet") if inputs.num_rows else pl.DataFrame()
    return result.select(output.keys()).cast(dict(output)) if result.width else pl.DataFrame(schema=dict(output))


def map_stage(
    conn: duckdb.DuckDBPyConnection,
    master: str,
    root: Path,
    stage: str,
    inputs_sql: str,
    todo: set[str],
    fn: Callable[[list[dict[str, Any]]], Sequence[Mapping[str, Any]]],
    row_type: type,
) -> dict[str, list[Any]]:
    """A stage's per-article map of the `todo` articles on Spark: `inputs_sql` reads one row per
    article from the working database (it selects from `_todo`, the articles' ids), `fn` maps a
    batch of them to the stage's keyed records (`pipelines/maps.py`); each article's rows back."""
    conn.register("_todo", pa.table({"article_id": pa.array(sorted(todo), pa.string())}))
    try:
        inputs = conn.execute(inputs_sql).to_arrow_table()
    finally:
        conn.unregister("_todo")
    return grouped_rows(map_on_spark(master, inputs, fn, keyed_schema(row_type), root / "maps" / stage), row_type)


def lsh_pairs(master: str, root: Path, signatures: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The near-duplicate pass's LSH candidate pairs (`dedup.near_duplicates.lsh_pairs`) as a Spark
    join: each text's MinHash cut into the index's bands, texts with an equal band paired. The
    bands and their test are the in-process index's, so the pairs are the same."""
    from pipelines.dedup.near_duplicates import lsh_bands

    bands, rows = lsh_bands()
    folder = root / "dedup"
    folder.mkdir(parents=True, exist_ok=True)
    table = pa.table(
        {
            "text_key": pa.array(list(signatures), pa.string()),
            "signature": pa.array([m.hashvalues.tolist() for m in signatures.values()], pa.list_(pa.int64())),
        }
    )
    pq.write_table(table, folder / "signatures.parquet")
    spark = session(master)
    spark.read.parquet(str(folder / "signatures.parquet")).createOrReplaceTempView("signatures")
    pairs = spark.sql(
        f"""
        WITH banded AS (
            SELECT text_key, band, concat_ws(',', transform(slice(signature, band * {rows} + 1, {rows}), v -> CAST(v AS STRING))) AS band_values
            FROM signatures LATERAL VIEW explode(sequence(0, {bands - 1})) AS band
        )
        SELECT DISTINCT a.text_key AS a, b.text_key AS b
        FROM banded AS a JOIN banded AS b ON a.band = b.band AND a.band_values = b.band_values AND a.text_key < b.text_key
        """
    )
    return [(row.a, row.b) for row in pairs.collect()]


def _apply(fn: Callable, schema: pa.Schema, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        yield pa.RecordBatch.from_pylist(list(fn(batch.to_pylist())), schema=schema)


_ARROW_TYPES: dict[type, pa.DataType] = {
    pl.String: pa.string(),
    pl.Int64: pa.int64(),
    pl.Int32: pa.int32(),
    pl.Float64: pa.float64(),
    pl.Boolean: pa.bool_(),
    pl.Binary: pa.binary(),
    pl.Date: pa.date32(),
}


def _arrow_type(dtype: pl.DataType) -> pa.DataType:
    """Plain Arrow types (no large or view variants), which Spark's Arrow reader takes as they are."""
    if isinstance(dtype, pl.List):
        return pa.list_(_arrow_type(dtype.inner))
    return _ARROW_TYPES[dtype.base_type()]


def build_mart(conn: duckdb.DuckDBPyConnection, model: SqlModel, master: str, root: Path) -> None:
    """Build the mart `main.<model>` on Spark SQL from its transpiled SQL (see the module doc)."""
    spark = session(master)
    for key in model.upstream:
        schema, table = ("main" if key.path[0] == WAREHOUSE_PREFIX else key.path[0]), key.path[-1]
        path = root / "marts" / table
        if schema != "main" or not path.is_dir():
            # A staging table (a Python stage's output) or a view lives in the working database: Spark reads a copy.
            path = root / schema / f"{table}.parquet"
            path.parent.mkdir(parents=True, exist_ok=True)
            conn.execute(f"COPY {schema}.{table} TO '{_quote(path)}' (FORMAT parquet)")
        spark.read.parquet(str(path)).createOrReplaceTempView(spark_name(schema, table))
    output = root / "marts" / model.name
    spark.sql(spark_sql(model)).write.mode("overwrite").parquet(str(output))
    declared = conn.execute(f"DESCRIBE SELECT * FROM ({model.sql})").fetchall()
    written = {name.lower() for name in spark.read.parquet(str(output)).columns}
    if written != {name.lower() for name, *_ in declared}:
        raise ValueError(f"{model.path}: Spark's columns {sorted(written)} differ from DuckDB's {sorted(n for n, *_ in declared)}")
    columns = ", ".join(f'CAST("{name}" AS {kind}) AS "{name}"' for name, kind, *_ in declared)
    conn.execute(f"CREATE OR REPLACE TABLE main.{model.name} AS SELECT {columns} FROM read_parquet('{_quote(output)}/*.parquet')")


def spark_name(schema: str, table: str) -> str:
    """The temporary view a table is read through on Spark: a mart by its name, `staging.x` as `staging__x`."""
    return table if schema == "main" else f"{schema}__{table}"


def spark_sql(model: SqlModel) -> str:
    """The model's SELECT in Spark SQL, reading the views `spark_name` registers."""
    tree = sqlglot.parse_one(model.sql, read="duckdb")
    ctes = {cte.alias_or_name.lower() for cte in tree.find_all(exp.CTE)}
    for table in tree.find_all(exp.Table):
        if table.db or table.name.lower() not in ctes:
            schema = table.db.lower() if table.db else "main"
            table.set("this", exp.to_identifier(spark_name(schema, table.name)))
            table.set("db", None)
    return tree.sql(dialect="spark")


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
