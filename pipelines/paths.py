"""Where the project keeps things: a module without heavy imports, so the command line can answer
`--help` or a query without loading Dagster or spaCy."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUT = PROJECT_ROOT / "seeds" / "articles"
DEFAULT_WAREHOUSE = PROJECT_ROOT / "warehouse" / "news.duckdb"
