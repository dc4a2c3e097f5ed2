"""The stages after the parse map a function over stored parses, on several cores, in article order."""

import os

import polars as pl

from pipelines import nlp, parallel
from pipelines.parse import assets
from pipelines.parse.assets import PARSE_SCHEMA, map_docs
from pipelines.warehouse.store import connect, write_table

TEXTS = {
    "art_a": "Rebels attacked the town. The army withdrew.",
    "art_b": "The president met the envoy in Paris.",
    "art_c": "Police arrested three men on Monday.",
    "art_d": "Protesters marched through the capital.",
    "art_e": "The minister said talks would resume.",
}


def nouns_and_pid(doc, tag: str) -> list[tuple[str, str, int]]:
    """What a worker read off its parse, and which process read it."""
    return [(tag, token.lemma_, os.getpid()) for token in doc if token.pos_ == "NOUN"]


def store_parses(path) -> None:
    model = nlp.load_pipeline()
    rows = [{"article_id": a, "model": nlp.DEFAULT_MODEL, "parse_key": a, "doc": nlp.to_bytes(model(t))} for a, t in TEXTS.items()]
    with connect(path) as conn:
        conn.execute("CREATE SCHEMA IF NOT EXISTS staging")
        write_table(conn, "staging.parses", pl.DataFrame(rows, schema=PARSE_SCHEMA))


def run(path, only, processes: int) -> list[tuple[str, list]]:
    with connect(path) as conn:
        return list(map_docs(conn, nlp.DEFAULT_MODEL, only, nouns_and_pid, {a: (a.upper(),) for a in only}, processes))


def test_workers_give_what_one_process_gives_in_article_order(tmp_path, monkeypatch):
    path = tmp_path / "work.duckdb"
    store_parses(path)
    only = {"art_e", "art_a", "art_c", "art_b"}
    inline = run(path, only, processes=1)
    monkeypatch.setattr(assets, "MIN_ARTICLES_PER_PROCESS", 1)
    monkeypatch.setattr(assets, "DOCS_PER_CHUNK", 1)
    pooled = run(path, only, processes=2)
    assert [a for a, _ in pooled] == ["art_a", "art_b", "art_c", "art_e"]
    assert [(a, [r[:2] for r in rows]) for a, rows in pooled] == [(a, [r[:2] for r in rows]) for a, rows in inline]
    assert ("ART_A", "town") in {r[:2] for _, rows in pooled for r in rows}
    assert os.getpid() not in {r[2] for _, rows in pooled for r in rows}  # read in workers


def test_nothing_to_map_reads_nothing(tmp_path):
    assert run(tmp_path / "missing.duckdb", set(), processes=2) == []  # not even the parse table


def double(chunk: list[int]) -> list[int]:
    return [2 * x for x in chunk]


def test_streamed_chunks_keep_their_order_and_are_read_only_as_workers_keep_up():
    pulled: list[int] = []

    def chunks():
        for i in range(40):
            pulled.append(i)
            yield [i, i]

    results = parallel.stream_chunks(double, chunks(), processes=2)
    first = next(results)
    assert first == 0 and len(pulled) <= 2 * 2 + 1  # a few chunks in flight, not the whole input
    assert [first, *results] == [2 * i for i in range(40) for _ in (0, 1)]
