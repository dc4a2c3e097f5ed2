"""Turn the SQL models in `sql/` into Dagster assets and asset checks.

- `sql/marts/<table>.sql` holds one SELECT; it builds the warehouse table `<table>` (asset key
  `warehouse/<table>`). Its upstream assets are the tables it reads, found by parsing it with
  sqlglot: `staging.x` is the Python stage output `staging/x`, an unqualified `y` is the mart `y`.
- `sql/checks/<table>__<name>.sql` holds one SELECT returning offending rows; it becomes a
  blocking asset check on `<table>`: any row fails it and stops everything downstream (publish).
- The leading `--` comment block documents the model; `-- @column name: text` lines document
  columns. They become asset descriptions, DuckDB `COMMENT ON` and docs/warehouse.md. An
  `-- @group name` line puts the model in a Dagster asset group (default: warehouse), so the UI
  shows the marts beside the stage that feeds them. An `-- @view` line makes the model a view,
  in the working database and in the published file; a view reads only other models (marts or
  views), since the staging tables stay behind when the warehouse is published. An
  `-- @key col[, col]` line names a table's primary key, declared in the published file so BI
  tools find the joins (its uniqueness is a blocking check's job before that).

A model that does not parse, is not exactly one SELECT, or reads a table no asset produces fails
loudly when the code location loads, not in the middle of a run. Each materialisation carries the
table's column schema, row count, a preview and its column-level lineage (`dagster/column_lineage`,
traced by sqlglot over the model's SQL and the schemas of the tables it reads).
"""

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import duckdb
import sqlglot
from sqlglot import exp
from sqlglot.errors import SqlglotError
from sqlglot.lineage import lineage

from pipelines.faults import passed
from pipelines.markdown import frame_table
from pipelines.paths import cache_dir
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.memo import forget, remember, remembered
from pipelines.warehouse.store import connect, table_exists

WAREHOUSE_PREFIX = "warehouse"
_COLUMN_DOC = re.compile(r"^@column\s+(\w+)\s*:\s*(.+)$")
_GROUP = re.compile(r"^@group\s+(\w+)$")
_VIEW = "@view"
_KEY = re.compile(r"^@key\s+(\w+(?:\s*,\s*\w+)*)$")


class SqlModelError(ValueError):
    """A model in sql/ that cannot become an asset; the message names the file."""


@dataclass(frozen=True)
class SqlModel:
    name: str  # the table it builds (or, for a check, the check's name)
    path: Path
    sql: str
    description: str
    column_docs: dict[str, str]
    upstream: tuple[dg.AssetKey, ...]
    group: str = WAREHOUSE_PREFIX
    view: bool = False
    primary_key: tuple[str, ...] = ()

    @property
    def key(self) -> dg.AssetKey:
        return dg.AssetKey([WAREHOUSE_PREFIX, self.name])


def parse_model(path: Path, name: str | None = None) -> SqlModel:
    sql = path.read_text(encoding="utf-8")
    try:
        statements = [s for s in sqlglot.parse(sql, dialect="duckdb") if s is not None]
    except sqlglot.errors.ParseError as error:
        raise SqlModelError(f"{path}: does not parse as DuckDB SQL: {error}") from error
    if len(statements) != 1 or not isinstance(statements[0], exp.Query):
        raise SqlModelError(f"{path}: must hold exactly one SELECT, found {len(statements)} statement(s)")
    description, column_docs, group, view, primary_key = _header_docs(sql)
    return SqlModel(
        name=name or path.stem,
        path=path,
        sql=sql.strip().rstrip(";"),
        description=description,
        column_docs=column_docs,
        upstream=tuple(sorted(upstream_keys(statements[0]), key=lambda k: k.to_user_string())),
        group=group,
        view=view,
        primary_key=primary_key,
    )


def upstream_keys(query: exp.Expression) -> set[dg.AssetKey]:
    """Asset keys of the tables a query reads; CTE names are not tables."""
    ctes = {cte.alias_or_name.lower() for cte in query.find_all(exp.CTE)}
    keys = set()
    for table in query.find_all(exp.Table):
        if not table.name or (not table.db and table.name.lower() in ctes):
            continue
        schema = table.db.lower() if table.db and table.db.lower() != "main" else WAREHOUSE_PREFIX
        keys.add(dg.AssetKey([schema, table.name]))
    return keys


def _header_docs(sql: str) -> tuple[str, dict[str, str], str, bool, tuple[str, ...]]:
    lines, columns, group, view, key = [], {}, WAREHOUSE_PREFIX, False, ()
    for raw in sql.splitlines():
        if not raw.startswith("--"):
            break
        text = raw[2:].strip()
        if match := _COLUMN_DOC.match(text):
            columns[match.group(1)] = match.group(2).strip()
        elif match := _GROUP.match(text):
            group = match.group(1)
        elif text == _VIEW:
            view = True
        elif match := _KEY.match(text):
            key = tuple(part.strip() for part in match.group(1).split(","))
        else:
            lines.append(text)
    return " ".join(line for line in lines if line).strip(), columns, group, view, key


def load_models(sql_dir: Path) -> list[SqlModel]:
    return [parse_model(path) for path in sorted((sql_dir / "marts").glob("*.sql"))]


def load_checks(sql_dir: Path) -> list[tuple[str, SqlModel]]:
    """(table, check) pairs from sql/checks/<table>__<check>.sql."""
    checks = []
    for path in sorted((sql_dir / "checks").glob("*.sql")):
        table, sep, check_name = path.stem.partition("__")
        if not sep:
            raise SqlModelError(f"{path}: check files are named <table>__<check>.sql")
        checks.append((table, parse_model(path, name=check_name)))
    return checks


def validate(models: Sequence[SqlModel], checks: Sequence[tuple[str, SqlModel]], known: Iterable[dg.AssetKey]) -> None:
    """Every table a model reads must be produced by some asset; every check guards a model."""
    available = set(known) | {model.key for model in models}
    for model in [*models, *(check for _, check in checks)]:
        missing = [key.to_user_string() for key in model.upstream if key not in available]
        if missing:
            raise SqlModelError(f"{model.path}: reads tables no asset produces: {', '.join(missing)}")
        undocumented = [column for column in model.primary_key if column not in model.column_docs]
        if model.view and model.primary_key or undocumented:
            raise SqlModelError(f"{model.path}: a primary key names documented columns of a table: {', '.join(model.primary_key)}")
        staged = [key.to_user_string() for key in model.upstream if key.path[0] != WAREHOUSE_PREFIX]
        if model.view and staged:
            raise SqlModelError(f"{model.path}: a view reads only models, not staging tables: {', '.join(staged)}")
    for table, check in checks:
        if dg.AssetKey([WAREHOUSE_PREFIX, table]) not in {m.key for m in models}:
            raise SqlModelError(f"{check.path}: guards '{table}', which no model in sql/marts builds")


def model_asset(model: SqlModel) -> dg.AssetsDefinition:
    @dg.asset(
        key=model.key,
        deps=list(model.upstream),
        group_name=model.group,
        description=model.description or None,
        kinds={"duckdb", "sql", "view"} if model.view else {"duckdb", "sql"},
        metadata={"sql": dg.MetadataValue.md(f"```sql\n{model.sql}\n```"), "path": str(model.path)},
        pool="duckdb",
    )
    def _build(context: dg.AssetExecutionContext, settings: WarehouseSettings) -> dg.MaterializeResult:
        with connect(settings.work_db_path) as conn:
            inputs = None if model.view else inputs_fingerprint(conn, model)
            if inputs is not None and table_exists(conn, f"main.{model.name}") and remembered(conn, MART_MEMO, model.name) == inputs:
                context.log.info(f"main.{model.name}: the tables it reads are unchanged, kept as built")
            else:
                forget(conn, MART_MEMO, model.name)  # first, so a kill mid-build leaves no stale memo
                if settings.engine == "spark" and not model.view:
                    from pipelines.engines import spark

                    spark.build_mart(conn, model, settings.spark_master, spark.parquet_root(settings.work_db_path))
                else:
                    conn.execute(f"CREATE OR REPLACE {'VIEW' if model.view else 'TABLE'} main.{model.name} AS {model.sql}")
                passed(f"commit main.{model.name}")
                if inputs is not None:
                    remember(conn, MART_MEMO, model.name, inputs)
            rows = conn.execute(f"SELECT count(*) FROM main.{model.name}").fetchone()[0]
            preview = conn.execute(f"SELECT * FROM main.{model.name} LIMIT 10").pl()
            columns = conn.execute(f"SELECT column_name, column_type FROM (DESCRIBE main.{model.name})").fetchall()
            deps = cached_column_lineage(model, [name for name, _ in columns], _upstream_schema(conn, model))
        schema = dg.TableSchema(columns=[dg.TableColumn(name, kind, description=model.column_docs.get(name)) for name, kind in columns])
        metadata = {"dagster/row_count": rows, "dagster/column_schema": schema, "preview": dg.MetadataValue.md(frame_table(preview))}
        if deps:
            metadata["dagster/column_lineage"] = dg.TableColumnLineage(deps)
        return dg.MaterializeResult(metadata=metadata)

    return _build


# What each table mart was last built from, and which checks passed on which tables (see
# `inputs_fingerprint`): a rerun with nothing changed keeps the marts and passes the checks without
# recomputing them; staging tables stay behind when the warehouse is published.
MART_MEMO = "staging.mart_inputs"
CHECK_MEMO = "staging.check_inputs"


def inputs_fingerprint(conn: duckdb.DuckDBPyConnection, model: SqlModel) -> str | None:
    """A hash of a model's SQL and of the content of every table it reads (their row count and an
    order-free sum and XOR of row hashes: a scan, far cheaper than most marts and checks), under
    the DuckDB version that hashes; None when a table it reads is missing."""
    parts = [duckdb.__version__, model.sql]
    for key in sorted(model.upstream, key=lambda k: k.to_user_string()):
        table = f"{'main' if key.path[0] == WAREHOUSE_PREFIX else key.path[0]}.{key.path[-1]}"
        try:
            row = conn.execute(f"SELECT count(*), bit_xor(hash(t)), sum(hash(t)::HUGEINT) FROM {table} AS t").fetchone()
        except duckdb.CatalogException:
            return None
        parts.append(f"{table}\0{row}")
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _upstream_schema(conn, model: SqlModel) -> dict[str, dict[str, dict[str, str]]]:
    """schema -> table -> column -> type of the tables the model reads (only those: a mart and the
    staging table it is built from share a name)."""
    schema: dict[str, dict[str, dict[str, str]]] = {}
    for key in model.upstream:
        db = "main" if key.path[0] == WAREHOUSE_PREFIX else key.path[0]
        rows = conn.execute(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = ? AND table_name = ?",
            [db, key.path[-1]],
        ).fetchall()
        schema.setdefault(db, {})[key.path[-1]] = dict(rows)
    return schema


LINEAGE_FORMAT = 1  # bump when the cached layout below changes


def cached_column_lineage(model: SqlModel, columns: Sequence[str], schema: dict) -> dict[str, list[dg.TableColumnDep]]:
    """`column_lineage`, kept on disk per model (`cache_dir()/lineage/<model>.json`) with the key it
    was traced for: sqlglot's tracing costs a second or two over all marts on every run, and it
    changes only with a model's SQL, its upstream columns or sqlglot itself."""
    key = hashlib.sha256(json.dumps([LINEAGE_FORMAT, sqlglot.__version__, model.sql, list(columns), schema], sort_keys=True).encode())
    path = cache_dir() / "lineage" / f"{model.name}.json"
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
        traced = cached["traced"] if cached["key"] == key.hexdigest() else None
    except (OSError, ValueError, KeyError, TypeError):
        traced = None
    if traced is None:
        traced = column_lineage(model, columns, schema)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"key": key.hexdigest(), "traced": traced}, out)
        os.replace(tmp, path)  # whole or not at all, for a concurrent reader
    return {
        column: [
            dg.TableColumnDep(asset_key=dg.AssetKey([WAREHOUSE_PREFIX if db == "main" else db, table]), column_name=name)
            for db, table, name in sources
        ]
        for column, sources in traced.items()
    }


def column_lineage(model: SqlModel, columns: Sequence[str], schema: dict) -> dict[str, list[list[str]]]:
    """Each output column's source columns ([schema, table, column], sorted), by sqlglot's lineage
    over the model's SQL. A column sqlglot cannot trace (a constant, syntax it does not know) is
    left out, never an error."""
    traced: dict[str, list[list[str]]] = {}
    for column in columns:
        try:
            node = lineage(column, model.sql, schema=schema, dialect="duckdb")
        except SqlglotError:
            continue
        sources = {(n.source.db or "main", n.source.name, n.name.split(".")[-1]) for n in node.walk() if isinstance(n.source, exp.Table)}
        if sources:
            traced[column] = [list(source) for source in sorted(sources)]
    return traced


def check_asset(table: str, check: SqlModel) -> dg.AssetChecksDefinition:
    @dg.asset_check(
        asset=dg.AssetKey([WAREHOUSE_PREFIX, table]),
        name=check.name,
        description=check.description or None,
        blocking=True,
        additional_deps=[key for key in check.upstream if key != dg.AssetKey([WAREHOUSE_PREFIX, table])],
    )
    def _check(settings: WarehouseSettings) -> dg.AssetCheckResult:
        memo_key = f"{table}__{check.name}"
        with connect(settings.work_db_path) as conn:
            inputs = inputs_fingerprint(conn, check)
            if inputs is not None and remembered(conn, CHECK_MEMO, memo_key) == inputs:
                # it passed on exactly these tables: it passes again
                return dg.AssetCheckResult(passed=True, metadata={"offending_rows": 0, "rechecked": False})
            forget(conn, CHECK_MEMO, memo_key)
            # One pass over the check: a sample of offending rows, each carrying the total count.
            sample = conn.execute(f"SELECT *, count(*) OVER () AS offending_rows FROM ({check.sql}) LIMIT 20").pl()
            count = int(sample["offending_rows"][0]) if sample.height else 0
            if count == 0 and inputs is not None:
                remember(conn, CHECK_MEMO, memo_key, inputs)
        offending = sample.drop("offending_rows")
        return dg.AssetCheckResult(
            passed=count == 0,
            metadata={"offending_rows": count, "sample": dg.MetadataValue.md(frame_table(offending)), "rechecked": True},
        )

    return _check
