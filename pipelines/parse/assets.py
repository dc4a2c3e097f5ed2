"""Parse: one spaCy pass per canonical article, stored so later stages never run the model again.

Parses are cached by article id (derived from the body's content) and model name: an unchanged
article is not parsed again on the next run.
"""

from collections.abc import Iterator

import dagster as dg
import polars as pl

from pipelines import nlp
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.store import append_rows, connect

PARSE_SCHEMA = {"article_id": pl.String, "model": pl.String, "doc": pl.Binary}
# Below this many articles, starting worker processes costs more than it saves.
MIN_ARTICLES_PER_PROCESS = 40
INSERT_BATCH = 256  # parses written as they come, so memory does not grow with the corpus


@dg.asset(
    key=["staging", "parses"],
    deps=[["warehouse", "articles"], ["warehouse", "sentences"]],
    group_name="nlp",
    kinds={"spacy", "duckdb"},
    pool="duckdb",
    description="The spaCy parse (tokens, tags, dependencies, entities) of each canonical article, with the clean stage's sentence boundaries.",
)
def parses(context: dg.AssetExecutionContext, settings: WarehouseSettings) -> dg.MaterializeResult:
    with connect(settings.work_db_path) as conn:
        conn.execute("CREATE SCHEMA IF NOT EXISTS staging")
        conn.execute("CREATE TABLE IF NOT EXISTS staging.parses (article_id VARCHAR, model VARCHAR, doc BLOB)")
        # Drop parses of articles that are gone or were parsed by another model; keep the rest.
        conn.execute(
            "DELETE FROM staging.parses WHERE model <> ? OR article_id NOT IN (SELECT article_id FROM main.articles)",
            [settings.spacy_model],
        )
        todo = conn.execute(
            "SELECT article_id, body FROM main.articles WHERE article_id NOT IN (SELECT article_id FROM staging.parses) ORDER BY article_id"
        ).fetchall()
        spans = {aid: [(start, end) for _, start, end in rows] for aid, rows in load_sentences(conn).items()}
        model = nlp.load_pipeline(settings.spacy_model)
        processes = max(1, min(settings.processes, len(todo) // MIN_ARTICLES_PER_PROCESS))
        docs = nlp.parse(model, ((body, spans.get(article_id, [])) for article_id, body in todo), n_process=processes)
        batch = []
        for (article_id, _), doc in zip(todo, docs, strict=True):
            batch.append({"article_id": article_id, "model": settings.spacy_model, "doc": nlp.to_bytes(doc)})
            if len(batch) == INSERT_BATCH:
                append_rows(conn, "staging.parses", pl.DataFrame(batch, schema=PARSE_SCHEMA))
                batch = []
        append_rows(conn, "staging.parses", pl.DataFrame(batch, schema=PARSE_SCHEMA))
        total = conn.execute("SELECT count(*) FROM staging.parses").fetchone()[0]
    context.log.info(f"parsed {len(todo)} articles, reused {total - len(todo)}")
    return dg.MaterializeResult(
        metadata={"dagster/row_count": total, "parsed": len(todo), "reused": total - len(todo), "model": settings.spacy_model}
    )


def load_sentences(conn) -> dict[str, list[tuple[str, int, int]]]:
    """article_id -> its (sentence_id, start_char, end_char), in order: what every NLP stage needs."""
    grouped: dict[str, list[tuple[str, int, int]]] = {}
    rows = conn.execute("SELECT article_id, sentence_id, start_char, end_char FROM main.sentences ORDER BY article_id, sentence_index")
    for article_id, sentence_id, start, end in rows.fetchall():
        grouped.setdefault(article_id, []).append((sentence_id, start, end))
    return grouped


def load_docs(conn, model_name: str) -> Iterator[tuple[str, object]]:
    """(article_id, Doc) for every stored parse, deserialised one at a time."""
    model = nlp.load_pipeline(model_name)
    cursor = conn.execute("SELECT article_id, doc FROM staging.parses ORDER BY article_id")
    while rows := cursor.fetchmany(256):  # a few hundred parses in memory at a time, not the corpus
        for article_id, data in rows:
            yield article_id, nlp.from_bytes(model, data)
