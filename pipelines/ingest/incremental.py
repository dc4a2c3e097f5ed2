"""Incremental ingest: an input file whose bytes did not change since the last run is not read again.

The previous run's rows are kept in the working database keyed by `input_file` and the file's
sha256; hashing is a streamed read at disk speed, while decoding, charset detection and mojibake
repair (the work) only happen for new or changed files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipelines.ingest.reading import entry_problem
from pipelines.records import RawDocument, Rejection

RAW_DOCUMENT_SCHEMA = {
    "input_file": pl.String,
    "source_file": pl.String,
    "raw_sha256": pl.String,
    "size_bytes": pl.Int64,
    "kind": pl.String,
    "text": pl.String,
    "encoding": pl.String,
    "url": pl.String,
    "title": pl.String,
    "published": pl.String,
}
REJECTION_SCHEMA = {
    "input_file": pl.String,
    "source_file": pl.String,
    "reason": pl.String,
    "detail": pl.String,
    "size_bytes": pl.Int64,
}
INPUT_FILE_SCHEMA = {"input_file": pl.String, "path": pl.String, "file_sha256": pl.String, "size_bytes": pl.Int64, "reused": pl.Boolean}


@dataclass(frozen=True)
class IngestResult:
    """The three staging tables of one ingest run, as frames with the schemas above."""

    input_files: pl.DataFrame
    documents: pl.DataFrame
    rejections: pl.DataFrame

    @property
    def files_read(self) -> int:
        return int((~self.input_files["reused"]).sum())


def ingest(
    files: Sequence[tuple[Path, str]],
    previous_files: pl.DataFrame,
    previous_documents: pl.DataFrame,
    previous_rejections: pl.DataFrame,
    hash_file: Callable[[Path], str],
    read_files: Callable[[Sequence[tuple[Path, str]]], list[list[RawDocument | Rejection]]],
) -> IngestResult:
    """Rows for every file in `files`, reusing the previous rows of files whose hash is unchanged.

    `read_files` reads the new and changed files in one batch (in parallel) and returns one list of
    records per file, in order.
    """
    known = dict(zip(previous_files["input_file"], previous_files["file_sha256"], strict=True)) if not previous_files.is_empty() else {}
    file_rows, reused, to_read, rejection_rows = [], set(), [], []
    for path, input_file in files:
        problem = entry_problem(path, input_file)
        if problem is None:
            try:
                sha, size = hash_file(path), path.stat().st_size
            except OSError as error:  # gone or locked between the look and the read
                problem = Rejection(input_file, "unreadable", f"The file could not be read ({error.strerror}).", 0)
        if problem is not None:  # recorded, never opened: a pipe would block, a dangling link has nothing to read
            file_rows.append({"input_file": input_file, "path": str(path), "file_sha256": None, "size_bytes": 0, "reused": False})
            rejection_rows.append({"input_file": input_file, **problem.__dict__})
            continue
        is_reused = known.get(input_file) == sha
        file_rows.append({"input_file": input_file, "path": str(path), "file_sha256": sha, "size_bytes": size, "reused": is_reused})
        if is_reused:
            reused.add(input_file)
        else:
            to_read.append((path, input_file))
    doc_rows = []
    for (_, input_file), records in zip(to_read, read_files(to_read) if to_read else [], strict=True):
        for record in records:
            row = {"input_file": input_file, **record.__dict__}
            (rejection_rows if isinstance(record, Rejection) else doc_rows).append(row)
    documents = pl.concat(
        [_rows_of_files(previous_documents, reused, RAW_DOCUMENT_SCHEMA), pl.DataFrame(doc_rows, schema=RAW_DOCUMENT_SCHEMA)]
    ).sort("source_file")
    rejections = pl.concat(
        [_rows_of_files(previous_rejections, reused, REJECTION_SCHEMA), pl.DataFrame(rejection_rows, schema=REJECTION_SCHEMA)]
    ).sort("source_file")
    return IngestResult(pl.DataFrame(file_rows, schema=INPUT_FILE_SCHEMA).sort("input_file"), documents, rejections)


def _rows_of_files(previous: pl.DataFrame, files: set[str], schema: dict) -> pl.DataFrame:
    """The previous run's rows of `files`, in `schema`; none when there is no usable previous table
    (the first run, or a table written before a column was added)."""
    if previous.is_empty() or not set(schema) <= set(previous.columns):
        return pl.DataFrame(schema=schema)
    return previous.select(list(schema)).cast(schema).filter(pl.col("input_file").is_in(sorted(files)))
