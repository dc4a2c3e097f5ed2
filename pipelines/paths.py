"""Where the project keeps things: a module without heavy imports, so the command line can answer
`--help` or a query without loading Dagster or spaCy."""

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = PROJECT_ROOT / "seeds" / "articles"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse" / "news.duckdb"


def cache_dir() -> Path:
    """Where derived files are kept between runs (the gazetteer index, the marts' column lineage):
    $NEWS_CACHE_DIR, else the XDG cache home."""
    explicit = os.environ.get("NEWS_CACHE_DIR")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "news-warehouse"
