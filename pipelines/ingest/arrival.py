"""Arrival: which input files are new, changed or gone since the last look, by content hash.

The sensor (`ingest/sensor.py`) keeps a `Snapshot` of every input file as its cursor: the file's
size, modification time and sha256. A file whose size and modification time did not change keeps
its hash without being read again, so a tick over a large, quiet folder costs a directory walk; a
touched file is hashed again, and counts as changed only when its bytes did. A file modified in the
last `settle_seconds` is left for a later tick: a writer may still be filling it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.ingest.reading import discover, entry_problem, file_sha256


@dataclass(frozen=True)
class FileState:
    size: int
    mtime_ns: int
    sha256: str


@dataclass(frozen=True)
class Snapshot:
    """source_file -> its state, for every input file seen; `generation` counts the snapshots that
    started a run, so a folder changed back to an earlier state still gets a run key of its own."""

    files: dict[str, FileState] = field(default_factory=dict)
    generation: int = 0

    @classmethod
    def loads(cls, cursor: str | None) -> Snapshot:
        if not cursor:
            return cls()
        raw = json.loads(cursor)
        return cls({name: FileState(*state) for name, state in raw["files"].items()}, raw["generation"])

    def dumps(self) -> str:
        files = {name: [s.size, s.mtime_ns, s.sha256] for name, s in sorted(self.files.items())}
        return json.dumps({"generation": self.generation, "files": files}, separators=(",", ":"))

    @property
    def run_key(self) -> str:
        """The generation and a hash of the folders' content (file names and bytes)."""
        content = "\n".join(f"{name}\t{s.sha256}" for name, s in sorted(self.files.items()))
        return f"{self.generation}-{hashlib.sha256(content.encode()).hexdigest()[:16]}"


@dataclass(frozen=True)
class Arrival:
    snapshot: Snapshot  # the state to remember
    added: list[str]
    changed: list[str]
    removed: list[str]
    settling: list[str]  # modified too recently to read; looked at again next time

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def scan(folders: list[Path], previous: Snapshot, now_ns: int, settle_seconds: float) -> Arrival:
    """Compare the folders with `previous`. `now_ns` is the caller's clock (time.time_ns()); a
    settling file keeps its previous state, so it shows up as added or changed once it is quiet."""
    files: dict[str, FileState] = {}
    added, changed, settling = [], [], []
    for path, source_file in discover([folder for folder in folders if folder.is_dir()]):
        try:
            stat = path.lstat() if path.is_symlink() and not path.exists() else path.stat()  # a dangling link is an entry too
        except OSError:
            continue  # gone between the walk and the look; the build accounts for what it finds
        before = previous.files.get(source_file)
        if now_ns - stat.st_mtime_ns < settle_seconds * 1e9:
            settling.append(source_file)
            if before is not None:
                files[source_file] = before
            continue
        if before is not None and (before.size, before.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
            files[source_file] = before
            continue
        problem = entry_problem(path, source_file)
        try:
            digest = problem.reason if problem is not None else file_sha256(path)  # a pipe is never opened
        except OSError:
            digest = f"unreadable:{stat.st_size}:{stat.st_mtime_ns}"  # the build records it as unreadable
        files[source_file] = FileState(stat.st_size, stat.st_mtime_ns, digest)
        if before is None:
            added.append(source_file)
        elif before.sha256 != digest:
            changed.append(source_file)
    removed = sorted(set(previous.files) - set(files))
    generation = previous.generation + 1 if added or changed or removed else previous.generation
    return Arrival(Snapshot(files, generation), added, changed, removed, settling)
