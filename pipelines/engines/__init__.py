"""Engines a build can run its heavy stages on besides the working DuckDB database (`--engine`)."""
