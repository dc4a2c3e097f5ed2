"""Markdown tables for the Dagster UI's metadata and the command-line reports."""

from __future__ import annotations

import polars as pl


def cell(value: object, max_chars: int | None = None) -> str:
    """A value as one table cell: whitespace collapsed, pipes escaped, optionally shortened."""
    text = "" if value is None else " ".join(str(value).split()).replace("|", "\\|")
    if max_chars and len(text) > max_chars:
        text = text[: max_chars - 1] + "…"
    return text


def frame_table(frame: pl.DataFrame, max_chars: int = 80) -> str:
    """A small preview of a frame, every cell shortened to `max_chars`."""
    if frame.is_empty():
        return "_no rows_"
    rows = ["| " + " | ".join(cell(value, max_chars) for value in row) + " |" for row in frame.iter_rows()]
    return "\n".join(["| " + " | ".join(frame.columns) + " |", "|" + "---|" * len(frame.columns), *rows])
