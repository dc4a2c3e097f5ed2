"""The per-article maps of the entity and event stages as functions of plain rows, for the Spark
engine's Python workers (`engines/spark.py`): a row carries an article's stored parse and what
the map reads beside it, and each map returns the records of its stage's per-article table
(`memo.keyed_schema`). They call the same stage functions the default engine calls."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pipelines import nlp
from pipelines.entities.recognise import find_mentions
from pipelines.events.extract import ArticleContext, extract_events
from pipelines.records import ActorMention
from pipelines.warehouse.memo import keyed_records


def _spans(row: Mapping[str, Any]) -> list[tuple[str, int, int]]:
    return [(s["sentence_id"], s["start_char"], s["end_char"]) for s in row["sentences"]]


def mention_rows(model_name: str, rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rows of (article_id, doc, sentences) → their entity mentions (`find_mentions`)."""
    model = nlp.load_pipeline(model_name)  # once per worker process: the pipeline is cached
    records: list[dict[str, Any]] = []
    for row in rows:
        doc = nlp.from_bytes(model, row["doc"])
        records.extend(keyed_records(row["article_id"], find_mentions(doc, row["article_id"], _spans(row))))
    return records


def event_rows(model_name: str, rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rows of (article_id, doc, published_date, publisher, sentences, mentions) → their event
    candidates (`extract_events`)."""
    model = nlp.load_pipeline(model_name)
    records: list[dict[str, Any]] = []
    for row in rows:
        doc = nlp.from_bytes(model, row["doc"])
        context = ArticleContext(row["article_id"], row["published_date"], row["publisher"], _spans(row))
        mentions = [ActorMention(**mention) for mention in row["mentions"]]
        records.extend(keyed_records(row["article_id"], extract_events(doc, mentions, context)))
    return records
