"""Parse: one spaCy pass per canonical article, stored so later stages never run the model again.

Parses are cached by article id (derived from the body's content), model name and sentence
boundaries: an unchanged article is not parsed again on the next run.
"""

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from functools import partial

import dagster as dg
import polars as pl

from pipelines import nlp
from pipelines.parallel import stream_chunks
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.store import append_rows, connect, only_articles, write_table

PARSE_SCHEMA = {"article_id": pl.String, "model": pl.String, "parse_key": pl.String, "doc": pl.Binary}
# Below this many articles, starting worker processes costs more than it saves.
MIN_ARTICLES_PER_PROCESS = 40
# What the stages after the parse read of it: which articles, parsed how (the key covers the
# article, the model and the sentence boundaries), as one value for their memo (warehouse/memo.py).
PARSES_DIGEST = "SELECT md5(coalesce(string_agg(parse_key, ',' ORDER BY parse_key), '')) FROM staging.parses"
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
        _ensure_cache(conn)
        # A parse is reusable while its article, the model and the sentence boundaries it was given
        # are unchanged; the key covers all three, so a new model or a new splitter reparses.
        conn.execute(
            """
            CREATE OR REPLACE TEMP TABLE current_parse_keys AS
            SELECT a.article_id, a.body,
                   md5(a.article_id || '|' || ? || '|' || coalesce(string_agg(s.start_char || ':' || s.end_char, ',' ORDER BY s.sentence_index), '')) AS parse_key
            FROM main.articles AS a LEFT JOIN main.sentences AS s USING (article_id)
            WHERE a.nlp_status = 'analysed'  -- the model and the rules after it read English only
            GROUP BY a.article_id, a.body
            """,
            [settings.spacy_model],
        )
        conn.execute("DELETE FROM staging.parses WHERE parse_key NOT IN (SELECT parse_key FROM current_parse_keys)")
        todo = conn.execute(
            "SELECT article_id, body, parse_key FROM current_parse_keys WHERE parse_key NOT IN (SELECT parse_key FROM staging.parses) ORDER BY article_id"
        ).to_arrow_table()
        if todo.num_rows and settings.engine == "spark":
            from pipelines.engines import spark

            folder = spark.parquet_root(settings.work_db_path) / "maps" / "parses"
            parsed = spark.map_on_spark(settings.spark_master, todo, partial(nlp.parse_rows, settings.spacy_model), PARSE_SCHEMA, folder)
            append_rows(conn, "staging.parses", parsed.sort("article_id"))
        elif todo.num_rows:  # the model loads only when there is something to parse
            processes = max(1, min(settings.processes, todo.num_rows // MIN_ARTICLES_PER_PROCESS))
            batch = []
            for record in nlp.parse_rows(settings.spacy_model, todo.to_pylist(), n_process=processes):
                batch.append(record)
                if len(batch) == INSERT_BATCH:
                    append_rows(conn, "staging.parses", pl.DataFrame(batch, schema=PARSE_SCHEMA))
                    batch = []
            append_rows(conn, "staging.parses", pl.DataFrame(batch, schema=PARSE_SCHEMA))
        total = conn.execute("SELECT count(*) FROM staging.parses").fetchone()[0]
    context.log.info(f"parsed {todo.num_rows} articles, reused {total - todo.num_rows}")
    return dg.MaterializeResult(
        metadata={"dagster/row_count": total, "parsed": todo.num_rows, "reused": total - todo.num_rows, "model": settings.spacy_model}
    )


def _ensure_cache(conn) -> None:
    """The parse cache table, recreated empty when an older layout of it is found."""
    columns = [
        name
        for (name,) in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'staging' AND table_name = 'parses' ORDER BY ordinal_position"
        ).fetchall()
    ]
    if columns != list(PARSE_SCHEMA):
        write_table(conn, "staging.parses", pl.DataFrame(schema=PARSE_SCHEMA))


def load_sentences(conn, only: Collection[str]) -> dict[str, list[tuple[str, int, int]]]:
    """article_id -> its (sentence_id, start_char, end_char), in order, for the `only` articles: what
    every NLP stage's map needs (read for the articles it maps, not the archive)."""
    grouped: dict[str, list[tuple[str, int, int]]] = {}
    if not only:
        return grouped
    with only_articles(conn, only):
        rows = conn.execute(
            "SELECT article_id, sentence_id, start_char, end_char FROM main.sentences WHERE article_id IN (SELECT article_id FROM _only) ORDER BY article_id, sentence_index"
        ).fetchall()
    for article_id, sentence_id, start, end in rows:
        grouped.setdefault(article_id, []).append((sentence_id, start, end))
    return grouped


def map_docs(
    conn,
    model_name: str,
    only: Collection[str],
    fn: Callable[..., list],
    args: Mapping[str, tuple],
    processes: int,
) -> Iterator[tuple[str, list]]:
    """(article_id, fn(doc, *args[article_id])) for the stored parses of the `only` articles, in
    article order, on up to `processes` cores; `fn` must be a module-level function (workers
    receive it pickled). The parses are read a chunk at a time, never the corpus at once; nothing
    is loaded, the model included, when `only` is empty."""
    if not only:
        return
    nlp.load_pipeline(model_name)  # loaded before the workers fork, so they share it
    with only_articles(conn, only):
        cursor = conn.execute(
            "SELECT article_id, doc FROM staging.parses WHERE article_id IN (SELECT article_id FROM _only) ORDER BY article_id"
        )
        chunks = (
            [(article_id, data, args[article_id]) for article_id, data in rows]
            for rows in iter(lambda: cursor.fetchmany(DOCS_PER_CHUNK), [])
        )
        workers = max(1, min(processes, len(only) // MIN_ARTICLES_PER_PROCESS))
        yield from stream_chunks(partial(_map_chunk, fn, model_name), chunks, workers)


DOCS_PER_CHUNK = 16  # parses sent to a worker at once: enough to amortise the hand-over, few enough to balance


def _map_chunk(fn: Callable[..., list], model_name: str, items: Sequence[tuple[str, bytes, tuple]]) -> list[tuple[str, list]]:
    model = nlp.load_pipeline(model_name)
    return [(article_id, fn(nlp.from_bytes(model, data), *args)) for article_id, data, args in items]
