"""Command line: `python -m pipelines build | ui | report | query | export | docs | bench | evaluate`."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

from pipelines.instance import ensure_dagster_home
from pipelines.paths import DEFAULT_INPUT, DEFAULT_WAREHOUSE, PROJECT_ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="materialise the whole asset graph through Dagster and publish the warehouse")
    build.add_argument(
        "--input", action="append", type=Path, help=f"input folder, repeatable (default: {DEFAULT_INPUT.relative_to(PROJECT_ROOT)})"
    )
    build.add_argument("--warehouse", type=Path, default=DEFAULT_WAREHOUSE, help="published DuckDB file (default: %(default)s)")
    build.add_argument("--model", help="spaCy pipeline package to parse with")
    build.add_argument(
        "--engine",
        choices=["duckdb", "spark"],
        default="duckdb",
        help="spark runs the parse, the entity and event maps, the dedup banding and the table marts on Spark (default: %(default)s)",
    )
    build.add_argument("--master", help="Spark master URL for --engine spark (default: local[2]; yarn, spark://host:port, k8s://...)")

    ui = commands.add_parser("ui", help="start the Dagster UI on 127.0.0.1 against the project's instance")
    ui.add_argument("--port", type=int, default=3000)

    report = commands.add_parser("report", help="top actors or events of a warehouse, as markdown")
    report.add_argument("what", nargs="?", choices=["actors", "events"], default="actors")
    report.add_argument("--warehouse", type=Path, default=DEFAULT_WAREHOUSE)
    report.add_argument("--limit", type=int, default=25)

    query = commands.add_parser("query", help="run one SQL query against the published warehouse (read-only)")
    query.add_argument("sql", help="the query; '-' reads it from standard input")
    query.add_argument("--warehouse", type=Path, default=DEFAULT_WAREHOUSE)
    query.add_argument(
        "--dialect", default="duckdb", help="any sqlglot dialect: bigquery, postgres, snowflake, spark, tsql, ... (default: %(default)s)"
    )
    query.add_argument(
        "--format", choices=["table", "csv", "json", "parquet"], default="table", help="json is JSON Lines; parquet needs --output"
    )
    query.add_argument("--output", type=Path, help="write to this file instead of standard output")

    export = commands.add_parser("export", help="write every published table and view as Parquet, one file each")
    export.add_argument("--format", choices=["parquet"], default="parquet")
    export.add_argument("--output", type=Path, required=True, help="folder for the files (created when missing)")
    export.add_argument("--warehouse", type=Path, default=DEFAULT_WAREHOUSE)

    commands.add_parser("docs", help="regenerate docs/warehouse.md from the SQL models' documentation")
    commands.add_parser("bench", help="run the benchmark (see pipelines/benchmark.py --help)", add_help=False)
    commands.add_parser("evaluate", help="score mentions and events against the gold annotation; writes docs/evaluation.md", add_help=False)

    args, rest = parser.parse_known_args(argv)
    if args.command in {"report", "query", "export"} and not args.warehouse.exists():
        print(f"error: no warehouse at {args.warehouse}; build one first (make build)", file=sys.stderr)
        return 2
    if args.command == "bench":
        from pipelines.benchmark import main as bench_main

        return bench_main(rest)
    if args.command == "evaluate":
        from pipelines.evaluation import main as evaluate_main

        return evaluate_main(rest)
    if rest:
        parser.error(f"unrecognised arguments: {' '.join(rest)}")
    commands_run = {"build": run_build, "ui": run_ui, "report": run_report, "query": run_query, "export": run_export, "docs": run_docs}
    return commands_run[args.command](args)


def run_build(args: argparse.Namespace) -> int:
    ensure_dagster_home()
    import dagster as dg

    from pipelines.definitions import defs
    from pipelines.settings import DEFAULT_SPARK_MASTER

    inputs = [str(p.resolve()) for p in (args.input or [DEFAULT_INPUT])]
    missing = [p for p in inputs if not Path(p).is_dir()]
    if missing:
        print(f"error: input folder not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    names = [Path(p).name for p in inputs]
    if len(set(names)) != len(names):  # source files are named "<folder>/<path>": folders must differ
        print(f"error: input folders must have distinct names: {', '.join(inputs)}", file=sys.stderr)
        return 2
    settings = {"input_dirs": inputs, "warehouse_path": str(args.warehouse.resolve()), "engine": args.engine}
    if args.model:
        settings["spacy_model"] = args.model
    if args.master and args.engine != "spark":
        print("error: --master needs --engine spark", file=sys.stderr)
        return 2
    if args.engine == "spark":
        from pipelines.engines import spark

        settings["spark_master"] = args.master or DEFAULT_SPARK_MASTER
        if reason := spark.problem(settings["spark_master"]):  # one line before any run starts, never a traceback
            print(f"error: {reason}", file=sys.stderr)
            return 2
    from pipelines.warehouse.lock import is_free

    if not is_free(args.warehouse.resolve()):  # the run takes the lock itself; refuse in one line before starting it
        print(f"error: another build of {args.warehouse} is running; wait for it to finish", file=sys.stderr)
        return 2
    started = time.perf_counter()
    with dg.DagsterInstance.get() as instance:
        warehouse_tag = str(args.warehouse.resolve())
        fail_abandoned_runs(instance, warehouse_tag)
        result = defs.resolve_job_def("build_warehouse").execute_in_process(
            tags={WAREHOUSE_TAG: warehouse_tag, PID_TAG: str(os.getpid())},
            run_config={
                "resources": {"settings": {"config": settings}},
                # Step-level progress on the terminal; DEBUG events stay in the instance for the UI.
                "loggers": {"console": {"config": {"log_level": "INFO"}}},
            },
            instance=instance,
            raise_on_error=False,
        )
        stage_seconds = _seconds_per_stage(instance, result.run_id, defs)
    print(f"run {result.run_id} {'succeeded' if result.success else 'FAILED'} in {time.perf_counter() - started:.1f} s")
    _print_failed_checks(result)
    if not result.success:
        print("the published warehouse was left as it was; see the run in `python -m pipelines ui`", file=sys.stderr)
        return 1
    _print_summary(args.warehouse, stage_seconds)
    return 0


WAREHOUSE_TAG, PID_TAG = "news/warehouse", "news/pid"


def fail_abandoned_runs(instance, warehouse: str) -> int:
    """Mark as failed the earlier `build` runs of this warehouse that a kill left STARTED: their
    process is gone, so they cannot be running (a live build would also hold the warehouse's lock,
    which the caller found free). Runs the UI launched carry no such tags and are the daemon's to watch."""
    import dagster as dg

    from pipelines.warehouse.publish import process_alive

    unfinished = [dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING, dg.DagsterRunStatus.STARTED]
    records = instance.get_run_records(dg.RunsFilter(job_name="build_warehouse", statuses=unfinished, tags={WAREHOUSE_TAG: warehouse}))
    abandoned = [r.dagster_run for r in records if not process_alive(int(r.dagster_run.tags.get(PID_TAG, "0")))]
    for run in abandoned:
        instance.report_run_failed(run, message="The build was killed before it finished; a later build took over.")
    return len(abandoned)


def _seconds_per_stage(instance, run_id: str, defs) -> dict[str, float]:
    # Steps are named after ops; a stage is the asset group of the op's assets. Checks are steps too.
    groups = {asset.op.name: next(iter(asset.group_names_by_key.values())) for asset in defs.assets or []}
    totals: dict[str, float] = defaultdict(float)
    for stat in instance.get_run_step_stats(run_id):
        if stat.start_time and stat.end_time:
            totals[groups.get(stat.step_key, "checks")] += stat.end_time - stat.start_time
    return dict(totals)


def _print_failed_checks(result) -> None:
    for evaluation in result.get_asset_check_evaluations():
        if not evaluation.passed:
            print(
                f"check failed: {evaluation.asset_key.to_user_string()} {evaluation.check_name} {evaluation.metadata.get('offending_rows')}"
            )


def _print_summary(warehouse: Path, stage_seconds: dict[str, float]) -> None:
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as conn:

        def count(table: str) -> int:
            return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

        sources = dict(conn.execute("SELECT relation, count(*) FROM article_sources GROUP BY relation").fetchall())
        rejected = conn.execute("SELECT reason, count(*) FROM rejected_inputs GROUP BY reason ORDER BY reason").fetchall()
        reasons = f" ({', '.join(f'{reason}: {n}' for reason, n in rejected)})" if rejected else ""
        lines = [
            f"warehouse      {warehouse}",
            f"inputs seen    {count('article_sources') + count('rejected_inputs')}",
            f"articles       {count('articles')}",
            f"duplicates     {sources.get('exact_duplicate', 0)} exact, {sources.get('near_duplicate', 0)} near",
            f"rejected       {sum(n for _, n in rejected)}{reasons}",
            f"actors         {count('actors')} ({count('mentions')} mentions)",
            f"events         {count('events')} ({count('event_mentions')} reports)",
        ]
    print("\n".join(lines))
    print("seconds per stage: " + ", ".join(f"{stage} {seconds:.2f}" for stage, seconds in stage_seconds.items()))


UI_STOP_SECONDS = 10  # how long `ui` waits on SIGTERM or Ctrl-C for Dagster to stop before killing it


def run_ui(args: argparse.Namespace) -> int:
    """`dagster dev` in a process group of its own. Asked to stop (SIGTERM, Ctrl-C), it passes the
    signal on and kills what is left after UI_STOP_SECONDS: `dagster dev` alone can take most of a
    minute to stop while a run is in progress (the run's tables are written atomically, and the
    next build marks a killed run failed)."""
    import signal
    import subprocess

    home = ensure_dagster_home()
    print(f"Dagster UI on http://127.0.0.1:{args.port} (instance: {home})", flush=True)
    command = [sys.executable, "-m", "dagster", "dev", "-m", "pipelines.definitions", "-h", "127.0.0.1", "-p", str(args.port)]
    child = subprocess.Popen(command, cwd=PROJECT_ROOT, start_new_session=True)
    asked: list[float] = []  # when a stop was asked for

    def stop(_signum: int, _frame) -> None:
        asked.append(time.monotonic())
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while child.poll() is None:
        time.sleep(0.2)  # a blocking wait would resume after the signal and never time out
        if asked and time.monotonic() - asked[0] > UI_STOP_SECONDS:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGKILL)
            child.wait()
    return 0 if asked else child.returncode


def run_report(args: argparse.Namespace) -> int:
    from pipelines.report import render_report

    print(render_report(args.warehouse, args.what, args.limit))
    return 0


def run_query(args: argparse.Namespace) -> int:
    from pipelines.query import QueryError, run_query

    sql = sys.stdin.read() if args.sql == "-" else args.sql
    try:
        return run_query(args.warehouse, sql, args.dialect, args.format, args.output)
    except QueryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def run_export(args: argparse.Namespace) -> int:
    from pipelines.export import ExportError, export_parquet

    try:
        written = export_parquet(args.warehouse, args.output)
    except ExportError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for name, rows in written.items():
        print(f"{args.output / (name + '.parquet')}  {rows} rows")
    return 0


def run_docs(args: argparse.Namespace) -> int:
    from pipelines.warehouse.docs import write_reference

    path = write_reference()
    print(f"wrote {path}")
    return 0
