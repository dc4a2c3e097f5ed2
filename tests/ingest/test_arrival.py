"""Arrival: the sensor asks for a run exactly when the input folders' content changed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import dagster as dg
import pytest

from pipelines.definitions import defs
from pipelines.ingest.arrival import Snapshot, scan
from pipelines.ingest.sensor import new_files
from pipelines.settings import WarehouseSettings


def tick(folder: Path, cursor: str | None, inbox: Path | None = None):
    settings = WarehouseSettings(
        input_dirs=[str(folder)], inbox_dir=str(inbox) if inbox else None, arrival_settle_seconds=0, warehouse_path=str(folder / "w.duckdb")
    )
    with dg.build_sensor_context(cursor=cursor, resources={"settings": settings}) as context:
        return new_files(context), context.cursor


def test_the_sensor_runs_the_build_job_and_is_on_by_default() -> None:
    sensor = defs.resolve_sensor_def("new_files")
    assert sensor.job_name == "build_warehouse"
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING


def test_a_run_for_new_changed_and_removed_files_and_none_for_a_touch(tmp_path: Path) -> None:
    inputs = tmp_path / "news"
    inputs.mkdir()
    (inputs / "a.txt").write_text("First story.", encoding="utf-8")
    first, cursor = tick(inputs, None)
    assert isinstance(first, dg.RunRequest) and first.tags["news/files_added"] == "1"

    quiet, same = tick(inputs, cursor)
    assert isinstance(quiet, dg.SkipReason) and same == cursor

    stat = (inputs / "a.txt").stat()
    os.utime(inputs / "a.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # touched, same bytes
    touched, _ = tick(inputs, cursor)
    assert isinstance(touched, dg.SkipReason)

    (inputs / "b.txt").write_text("Second story.", encoding="utf-8")
    (inputs / "a.txt").write_text("First story, corrected.", encoding="utf-8")
    grown, cursor = tick(inputs, cursor)
    assert isinstance(grown, dg.RunRequest)
    assert (grown.tags["news/files_added"], grown.tags["news/files_changed"]) == ("1", "1")
    assert grown.run_key != first.run_key

    (inputs / "b.txt").unlink()
    shrunk, cursor = tick(inputs, cursor)
    assert isinstance(shrunk, dg.RunRequest) and shrunk.tags["news/files_removed"] == "1"


def test_a_folder_changed_back_gets_a_run_of_its_own(tmp_path: Path) -> None:
    inputs = tmp_path / "news"
    inputs.mkdir()
    story = inputs / "a.txt"
    story.write_text("One.", encoding="utf-8")
    keys = []
    cursor = None
    for text in ("One.", "Two.", "One."):
        story.write_text(text, encoding="utf-8")
        os.utime(story, ns=(time.time_ns(), time.time_ns() + len(keys)))  # a new mtime each time
        request, cursor = tick(inputs, cursor)
        assert isinstance(request, dg.RunRequest)
        keys.append(request.run_key)
    assert len(set(keys)) == 3


def test_the_inbox_is_created_and_watched_with_the_input_folders(tmp_path: Path) -> None:
    inputs, inbox = tmp_path / "news", tmp_path / "inbox"
    inputs.mkdir()
    request, cursor = tick(inputs, None, inbox)
    assert isinstance(request, dg.SkipReason) and inbox.is_dir()
    (inbox / "flash.txt").write_text("Rebels seized the town.", encoding="utf-8")
    request, _ = tick(inputs, cursor, inbox)
    assert isinstance(request, dg.RunRequest) and request.tags["news/files_added"] == "1"


def test_a_file_still_being_written_waits_for_a_later_look(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Half a sto", encoding="utf-8")
    now = time.time_ns()
    waiting = scan([tmp_path], Snapshot(), now, settle_seconds=60)
    assert not waiting.any and waiting.settling == [f"{tmp_path.name}/a.txt"]
    later = scan([tmp_path], waiting.snapshot, now + 61 * 10**9, settle_seconds=60)
    assert later.added == [f"{tmp_path.name}/a.txt"]


def test_the_cursor_round_trips(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    snapshot = scan([tmp_path], Snapshot(), time.time_ns(), 0).snapshot
    assert Snapshot.loads(snapshot.dumps()) == snapshot and snapshot.generation == 1


@pytest.mark.parametrize("cursor", [None, ""])
def test_no_cursor_is_an_empty_snapshot(cursor: str | None) -> None:
    assert Snapshot.loads(cursor) == Snapshot()
