"""The arrival sensor: a run of the whole job when files under the input folders (or the inbox)
are added, changed or removed, so `python -m pipelines ui` keeps the warehouse current with no
command. The logic is `ingest/arrival.py`; the build itself is incremental, so a run for a few new
files reads, cleans and parses only those."""

from __future__ import annotations

import time

import dagster as dg

from pipelines.ingest.arrival import Snapshot, scan
from pipelines.settings import WarehouseSettings

ARRIVAL_INTERVAL_SECONDS = 30
BUILD_JOB = "build_warehouse"


@dg.sensor(
    job_name=BUILD_JOB,
    minimum_interval_seconds=ARRIVAL_INTERVAL_SECONDS,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Builds the warehouse when input files are added, changed (by content) or removed.",
)
def new_files(context: dg.SensorEvaluationContext, settings: WarehouseSettings) -> dg.RunRequest | dg.SkipReason:
    folders = settings.input_paths()
    if settings.inbox_dir:
        folders[-1].mkdir(parents=True, exist_ok=True)  # the inbox, last: a feed can start writing at once
    try:
        arrival = scan(folders, Snapshot.loads(context.cursor), time.time_ns(), settings.arrival_settle_seconds)
    except ValueError as error:  # input folders sharing a name: the build would refuse them too
        return dg.SkipReason(str(error))
    if not arrival.any:
        waiting = f"; {len(arrival.settling)} still being written" if arrival.settling else ""
        return dg.SkipReason(f"no new, changed or removed files{waiting}")
    context.update_cursor(arrival.snapshot.dumps())
    counts = {"added": len(arrival.added), "changed": len(arrival.changed), "removed": len(arrival.removed)}
    context.log.info(", ".join(f"{n} {what}" for what, n in counts.items()))
    return dg.RunRequest(run_key=arrival.snapshot.run_key, tags={f"news/files_{what}": str(n) for what, n in counts.items()})
