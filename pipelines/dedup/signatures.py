"""The near-duplicate pass's per-text map kept between runs: each distinct body's signature
(`fingerprints.text_signature`) is stored under the body's md5 and the signature version, so a
rerun reads, normalises and hashes only the bodies it has not seen, and the reduce
(`near_duplicates.assign`) runs over stored and fresh signatures alike."""

from __future__ import annotations

from dataclasses import asdict, fields

import duckdb
import polars as pl

from pipelines.dedup.fingerprints import TextSignature, signature_version, text_signature
from pipelines.dedup.near_duplicates import DedupDocument
from pipelines.warehouse.store import column_names, frame_of, schema_of, table_exists, write_table

TABLE = "staging.dedup_signatures"
# Keyed by the body as the clean stage wrote it (md5, which DuckDB computes without Python reading
# the text); the normal form's hash, which copies differing in case or spacing share, is a column.
SCHEMA = {"body_md5": pl.String(), "version": pl.String(), **schema_of(TextSignature)}
# Every document, with its stored signature's content hash where there is one and its body only
# where there is none.
DOCUMENTS = f"""
WITH clean AS (SELECT source_file, published_date, body, md5(body) AS body_md5 FROM staging.clean_articles)
SELECT c.source_file, c.published_date, c.body_md5, s.content_hash, CASE WHEN s.body_md5 IS NULL THEN c.body END AS body
FROM clean AS c LEFT JOIN {TABLE} AS s ON s.body_md5 = c.body_md5 AND s.version = $version
ORDER BY c.source_file
"""
KEPT = f"SELECT * FROM {TABLE} WHERE version = $version AND body_md5 IN (SELECT md5(body) FROM staging.clean_articles) ORDER BY body_md5"


def documents_and_signatures(conn: duckdb.DuckDBPyConnection) -> tuple[list[DedupDocument], dict[str, TextSignature], pl.DataFrame, int]:
    """Every cleaned document as the reduce reads it, the signature of every text (content hash ->
    signature), the frame to store in TABLE (the current bodies' signatures only, so it never
    outgrows the corpus; to write with the pass's other tables) and how many were computed anew."""
    if not table_exists(conn, TABLE) or column_names(conn, TABLE) != list(SCHEMA):
        write_table(conn, TABLE, pl.DataFrame(schema=SCHEMA))  # first run, or an older layout: nothing to reuse
    version = {"version": signature_version()}
    rows = conn.execute(DOCUMENTS, version).fetchall()
    fresh: dict[str, TextSignature] = {}
    for _, _, body_md5, stored_hash, body in rows:
        if stored_hash is None and body_md5 not in fresh:
            fresh[body_md5] = text_signature(body)
    documents = [
        DedupDocument(source_file, stored_hash or fresh[body_md5].content_hash, published_date)
        for source_file, published_date, body_md5, stored_hash, _ in rows
    ]
    kept = conn.execute(KEPT, version).pl()
    new = frame_of([{"body_md5": md5, **version, **asdict(signature)} for md5, signature in fresh.items()], SCHEMA)
    frame = pl.concat([kept.cast(SCHEMA), new]).sort("body_md5")
    names = [f.name for f in fields(TextSignature)]
    signatures = {row[0]: TextSignature(*row) for row in frame.select(names).iter_rows()}
    return documents, signatures, frame, len(fresh)
