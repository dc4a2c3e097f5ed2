"""The project's own Dagster instance: runs of `build` and of the UI are recorded in one place."""

from __future__ import annotations

import os
from pathlib import Path

from pipelines.paths import PROJECT_ROOT

DAGSTER_HOME = PROJECT_ROOT / ".dagster_home"
# Telemetry posts to the internet with no timeout, and the first-run popup blocks the UI.
# One run at a time: every run writes the one DuckDB working database, which allows a single
# writing process (a run the sensor starts while another runs waits in the queue).
DAGSTER_YAML = """\
# The project's instance settings, kept by pipelines/instance.py (a changed copy is replaced).
telemetry:
  enabled: false
nux:
  enabled: false
concurrency:
  runs:
    max_concurrent_runs: 1
  pools:
    granularity: run
    default_limit: 1
"""


def ensure_dagster_home(home: Path | None = None) -> Path:
    """Create the instance folder with its dagster.yaml (idempotent) and point DAGSTER_HOME at it."""
    home = Path(os.environ.get("DAGSTER_HOME") or home or DAGSTER_HOME)
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists() or config.read_text(encoding="utf-8") != DAGSTER_YAML:
        config.write_text(DAGSTER_YAML, encoding="utf-8")
    os.environ["DAGSTER_HOME"] = str(home)
    return home
