"""Reference data: the dbt-style seed CSVs in seeds/reference/ that hold the pipeline's general knowledge.

Lexicons of page-furniture words, role titles, demonyms, organisation types, regions, CAMEO codes
and event predicates, and the word lists the entity and event rules test against, live there as data, so a
reviewer can read and extend them without code.
Each file has a header row; its columns are documented where it is loaded.
"""

from __future__ import annotations

import csv
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "seeds" / "reference"


def reference_rows(name: str) -> list[dict[str, str]]:
    """The rows of seeds/reference/<name> as dicts keyed by its header."""
    with (REFERENCE_DIR / name).open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))
