"""Parse: one spaCy pass per canonical article, stored so later stages never run the model again.

Parses are cached by article id (derived from the body's content) and model name: an unchanged
article is not parsed again on the next run.
"""

from collections.abc import Iterator

import dagster as dg
import polars as pl

from pipelines import nlp
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.store import connect, read_table, write_table

PARSE_SCHEMA = {"article_id": pl.String, "model": pl.String, "doc": pl.Binary}
# Below this many articles, starting worker processes costs more than it saves.
MIN_ARTICLES_PER_PROCESS = 40


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
        articles = read_table(conn, "main.articles", "article_id, body")
        spans = {aid: [(start, end) for _, start, end in rows] for aid, rows in load_sentences(conn).items()}
        cached = read_table(conn, "staging.parses")
        keep = (
            cached.filter((pl.col("model") == settings.spacy_model) & pl.col("article_id").is_in(articles["article_id"].to_list()))
            if not cached.is_empty()
            else pl.DataFrame(schema=PARSE_SCHEMA)
        )
        todo = articles.filter(~pl.col("article_id").is_in(keep["article_id"].to_list()))
        model = nlp.load_pipeline(settings.spacy_model)
        processes = max(1, min(settings.processes, todo.height // MIN_ARTICLES_PER_PROCESS))
        docs = nlp.parse(
            model,
            ((body, spans.get(article_id, [])) for article_id, body in todo.iter_rows()),
            n_process=processes,
        )
        fresh = pl.DataFrame(
            [
                {"article_id": aid, "model": settings.spacy_model, "doc": nlp.to_bytes(doc)}
                for aid, doc in zip(todo["article_id"], docs, strict=True)
            ],
            schema=PARSE_SCHEMA,
        )
        frame = pl.concat([keep.cast(PARSE_SCHEMA), fresh]).sort("article_id")
        write_table(conn, "staging.parses", frame)
    context.log.info(f"parsed {fresh.height} articles, reused {keep.height}")
    return dg.MaterializeResult(
        metadata={"dagster/row_count": frame.height, "parsed": fresh.height, "reused": keep.height, "model": settings.spacy_model}
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
    for article_id, data in conn.execute("SELECT article_id, doc FROM staging.parses ORDER BY article_id").fetchall():
        yield article_id, nlp.from_bytes(model, data)
