"""The project's own Dagster instance: runs of `build` and of the UI are recorded in one place."""

from __future__ import annotations

import os
from pathlib import Path

from pipelines.paths import PROJECT_ROOT

DAGSTER_HOME = PROJECT_ROOT / ".dagster_home"
# Telemetry posts to the internet with no timeout, and the first-run popup blocks the UI.
# One run at a time may hold a concurrency pool: DuckDB allows a single writing process.
DAGSTER_YAML = """\
telemetry:
  enabled: false
nux:
  enabled: false
concurrency:
  pools:
    granularity: run
    default_limit: 1
"""


def ensure_dagster_home(home: Path | None = None) -> Path:
    """Create the instance folder with its dagster.yaml (idempotent) and point DAGSTER_HOME at it."""
    home = Path(os.environ.get("DAGSTER_HOME") or home or DAGSTER_HOME)
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists():
        config.write_text(DAGSTER_YAML, encoding="utf-8")
    os.environ["DAGSTER_HOME"] = str(home)
    return home
