"""Run configuration: where input comes from, where the warehouse goes, which model parses.

Defaults come from environment variables so the Dagster UI and the CLI build the same thing;
the CLI overrides them per run through run config.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
from pydantic import Field

from pipelines.nlp import DEFAULT_MODEL
from pipelines.paths import DEFAULT_INPUT, DEFAULT_WAREHOUSE
from pipelines.warehouse.lock import WarehouseBusy, take

ENGINES = ("duckdb", "spark")  # where the heavy stages run: this process, or Spark (pipelines/engines/spark.py)
DEFAULT_SPARK_MASTER = "local[2]"


def _env_list(name: str, default: str) -> list[str]:
    return [part for part in os.environ.get(name, default).split(os.pathsep) if part]


class WarehouseSettings(dg.ConfigurableResource):
    """Paths and knobs of one warehouse build."""

    input_dirs: list[str] = Field(
        default_factory=lambda: _env_list("NEWS_INPUT_DIRS", str(DEFAULT_INPUT)),
        description="Folders of raw news files (.txt, .html, .htm, .jsonl), read recursively.",
    )
    warehouse_path: str = Field(
        default_factory=lambda: os.environ.get("NEWS_WAREHOUSE", str(DEFAULT_WAREHOUSE)),
        description="The published DuckDB file analysts and BI tools open.",
    )
    spacy_model: str = Field(
        default_factory=lambda: os.environ.get("NEWS_SPACY_MODEL", DEFAULT_MODEL),
        description="Installed spaCy pipeline package; en_core_web_sm can replace the default.",
    )
    inbox_dir: str | None = Field(
        default_factory=lambda: os.environ.get("NEWS_INBOX") or None,
        description="A folder a feed or an analyst drops files into; read like the input folders, and watched with them.",
    )
    arrival_settle_seconds: float = Field(
        default_factory=lambda: float(os.environ.get("NEWS_ARRIVAL_SETTLE_SECONDS", "5")),
        description="The arrival sensor leaves a file modified this recently for its next tick (a writer may still be filling it).",
    )
    engine: str = Field(
        default_factory=lambda: os.environ.get("NEWS_ENGINE", "duckdb"),
        description="Where the heavy stages run: duckdb (this process) or spark (the parse, the maps, the dedup banding and the table marts; docs/scale-out.md).",
    )
    spark_master: str = Field(
        default_factory=lambda: os.environ.get("NEWS_SPARK_MASTER", DEFAULT_SPARK_MASTER),
        description="The Spark master URL a spark build runs on: local[N], yarn, spark://host:port, k8s://https://host:port.",
    )
    processes: int = Field(
        default_factory=lambda: int(os.environ.get("NEWS_PROCESSES", str(os.cpu_count() or 1))),
        description="Worker processes for reading, cleaning, parsing and the rules read off the parses; small batches run in one.",
    )

    @contextlib.contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator[WarehouseSettings]:
        """In a run, hold the warehouse's build lock from the first step to the last (see
        warehouse/lock.py) and, on the Spark engine, check it can run and stop its session when the
        run ends; a sensor's evaluation only reads the settings and takes no lock."""
        if context.run is None:
            yield self
            return
        if self.engine not in ENGINES:
            raise dg.Failure(f"unknown engine {self.engine!r}: one of {', '.join(ENGINES)}")
        if self.engine == "spark":
            from pipelines.engines import spark

            if reason := spark.problem(self.spark_master):
                raise dg.Failure(reason)
        try:
            held = take(Path(self.warehouse_path))
        except WarehouseBusy as busy:
            raise dg.Failure(str(busy)) from None
        with held:
            try:
                yield self
            finally:
                if self.engine == "spark":  # the session (and its JVM) lives for the run, started by the first step that needs it
                    from pipelines.engines import spark

                    spark.stop()

    @property
    def work_db_path(self) -> Path:
        """The working database: staging tables and marts, kept between runs for incremental work.

        Only this run's process opens it, so readers of the published file never block a build.
        """
        published = Path(self.warehouse_path)
        return published.parent / ".work" / published.name

    def input_paths(self) -> list[Path]:
        """The input folders, then the inbox when one is set."""
        return [Path(p).resolve() for p in [*self.input_dirs, *([self.inbox_dir] if self.inbox_dir else [])]]
