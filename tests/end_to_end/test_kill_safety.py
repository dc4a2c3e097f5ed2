"""SIGKILL at every commit boundary of a build: the published warehouse stays as it was, and the
next build completes the work to exactly what a clean build of the same files makes.

The boundaries are not listed by hand: a build run with `NEWS_POINTS_LOG` names every point it
passes (`pipelines/faults.py`), so a new stage or table is covered by this test the day it exists.
The kills are chained to keep the test at a dozen builds: build k is killed (the whole process
group, as `kill -9` of a terminal's job would) just after point k, from the state build k-1's
kill left, so every build must first recover its predecessor's crash to reach its own point.
The marts' commits are all of one kind (a table replaced from staging), so the first and last
of them stand for the rest.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"
MARTS = ["articles", "article_sources", "rejected_inputs", "sentences", "actors", "mentions", "events", "event_mentions"]

pytestmark = pytest.mark.e2e


def build(inputs: Path, warehouse: Path, home: Path, **env: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pipelines", "build", "--input", str(inputs), "--warehouse", str(warehouse)]
    environment = {**os.environ, "DAGSTER_HOME": str(home), **env}
    return subprocess.run(command, env=environment, capture_output=True, text=True, timeout=900, start_new_session=True)


def marts(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall() for table in MARTS}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def boundaries(log: Path) -> list[str]:
    """The points a build passed, once each in order, with the marts' commits cut to first and last."""
    points = list(dict.fromkeys(log.read_text(encoding="utf-8").splitlines()))
    built = [p for p in points if p.startswith("commit main.")]
    return [p for p in points if not p.startswith("commit main.") or p in (built[0], built[-1])]


def test_a_build_killed_at_any_commit_leaves_the_warehouse_and_the_next_build_completes_it(tmp_path):
    samples = sorted(SEEDS.glob("*.txt"))
    inputs, home = tmp_path / "news", tmp_path / "dagster_home"
    inputs.mkdir()
    for sample in samples[:2]:
        shutil.copy(sample, inputs / sample.name)
    warehouse = tmp_path / "out" / "news.duckdb"
    assert build(inputs, warehouse, home).returncode == 0
    for sample in samples[2:]:  # the folder grows: the chain has new files to ingest, parse and publish
        shutil.copy(sample, inputs / sample.name)
    (inputs / "empty.txt").write_bytes(b"")

    # A rehearsal on a copy of the warehouse names the points the grown build passes.
    rehearsal, log = tmp_path / "rehearsal", tmp_path / "points.log"
    shutil.copytree(warehouse.parent, rehearsal / "out")
    assert build(inputs, rehearsal / "out" / "news.duckdb", home, NEWS_POINTS_LOG=str(log)).returncode == 0
    points = boundaries(log)
    assert {"commit staging.input_files + staging.raw_documents + staging.ingest_rejections", "append staging.parses"} <= set(points)
    assert points[-2:] == ["publish written", "publish replaced"]

    before = digest(warehouse)
    for point in points:
        killed = build(inputs, warehouse, home, NEWS_KILL_AT=point)
        assert killed.returncode == -9, (point, killed.stdout[-2000:], killed.stderr[-2000:])
        if point != "publish replaced":
            assert digest(warehouse) == before, point  # what readers see is untouched by the crash
    finished = build(inputs, warehouse, home)
    assert finished.returncode == 0, finished.stderr[-2000:]

    clean = tmp_path / "clean" / "news.duckdb"
    assert build(inputs, clean, home).returncode == 0
    assert marts(warehouse) == marts(clean)
    assert sorted(p.name for p in warehouse.parent.iterdir()) == [".work", "news.duckdb"]  # no leftovers of the kills
