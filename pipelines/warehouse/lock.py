"""One build at a time per warehouse: an exclusive lock on its working folder.

DuckDB allows one writing process, and two builds of one warehouse would fight over its working
database. Every run of the job, whether `build` started it or the UI or the arrival sensor did,
holds this lock for its whole length (the settings resource takes it); a run that finds it held
fails at once with one line naming the warehouse, and never disturbs the running one. The lock
is the kernel's (`flock`), so a killed build's lock goes with its process.
"""

from __future__ import annotations

import fcntl
from pathlib import Path
from typing import IO


class WarehouseBusy(Exception):
    """Another build of the warehouse holds its lock."""


def lock_path(warehouse: Path) -> Path:
    return warehouse.parent / ".work" / f"{warehouse.name}.lock"


def take(warehouse: Path) -> IO[str]:
    """The held lock (close the handle to release it); WarehouseBusy when another build holds it."""
    path = lock_path(warehouse)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+")  # noqa: SIM115 - the caller holds it for the build
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise WarehouseBusy(f"another build of {warehouse} is running; wait for it to finish") from None
    return handle


def is_free(warehouse: Path) -> bool:
    """Whether no build holds the warehouse's lock now (a check for a friendly refusal; the run
    itself takes the lock)."""
    try:
        take(warehouse).close()
    except WarehouseBusy:
        return False
    return True
