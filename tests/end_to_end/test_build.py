"""End to end: the whole asset graph through Dagster on the sample articles plus bad input.

One build (and one rerun) is shared by every test here; each test reads the published file.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.definitions import defs
from tests.contract import CONTRACT

SEEDS = Path(__file__).resolve().parents[2] / "seeds" / "articles"
PAGES = Path(__file__).resolve().parents[1] / "clean" / "fixtures"
QUOTE = (
    '"We will not accept any settlement that leaves the families of the victims without answers, and we will keep '
    'pressing every government involved until the full truth of what happened that night is known," the statement said.'
)
TABLES = ["articles", "article_sources", "rejected_inputs", "sentences", "actors", "mentions", "events", "event_mentions"]

pytestmark = pytest.mark.e2e


def make_inputs(folder: Path) -> None:
    """The five samples, copies of one, a raw HTML page, and one file of every kind of bad input.

    The syndicated copy has other furniture and lacks the last paragraph: a near copy, not an exact one.
    """
    articles = folder / "news"
    shutil.copytree(SEEDS, articles)
    sample = sorted(SEEDS.glob("*.txt"))[3]
    text = sample.read_text(encoding="utf-8")
    (articles / "copy_exact.txt").write_text(text, encoding="utf-8")
    body_lines = [line for line in text.splitlines() if len(line.split()) > 12]
    (articles / "copy_syndicated.txt").write_text(
        "Home | World | Politics\nSign in\n\n" + "\n\n".join(body_lines[:-1]) + "\n\nShare this story\n© 2024 Some Wire Service\n",
        encoding="utf-8",
    )
    shutil.copy(PAGES / "wire_agency.html", articles / "wire_agency.html")
    bad = folder / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (bad / "undecodable.txt").write_bytes(bytes(range(128, 256)) * 3)
    with open(bad / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    (bad / "furniture.txt").write_text("Home\nNews\nSports\nSubscribe\nSign in\nMenu\nPrivacy Policy\nCookie settings\n© 2024\n")
    lines = [
        json.dumps({"text": body_lines[0] + " " + body_lines[1], "url": "https://example.org/a"}),
        "{not json",
        json.dumps({"title": "no text"}),
    ]
    (bad / "dump.jsonl").write_text("\n".join(lines) + "\n")
    (bad / "table.csv").write_text("a,b\n1,2\n")
    os.symlink("loop", bad / "loop")  # a link to itself
    os.symlink("missing.txt", bad / "dangling.txt")
    os.mkfifo(bad / "pipe")  # opening it would block the build forever
    # A 2.2 MB JSONL line: a story lost in a page of repeated menus.
    menu = "\n".join(["Home | News | Sport | Weather | Business | Contact us"] * 40_000)
    (bad / "big.jsonl").write_text(json.dumps({"text": menu + "\n\n" + "\n\n".join(body_lines[:3])}) + "\n")
    # Two different stories of one folder quoting one long statement verbatim: a quote, not furniture.
    story_a = (
        "Relatives of the passengers gathered outside the transport ministry on Monday to demand the release of the crash "
        "investigation, six months after the ferry sank off the northern coast with 212 people on board.\n\n"
        "Their lawyers said the ministry had missed two deadlines it set itself and had not answered their letters."
    )
    story_b = (
        "The foreign ministry summoned the ambassador of the shipping company's home country on Thursday, saying the owners had "
        "refused to hand over the vessel's maintenance records to the inquiry.\n\n"
        "The owners said in a short reply that the records had been lost in a fire at their offices in March."
    )
    (articles / "quote_a.txt").write_text(f"{story_a}\n\n{QUOTE}\n", encoding="utf-8")
    (articles / "quote_b.txt").write_text(f"{QUOTE}\n\n{story_b}\n", encoding="utf-8")
    (bad / "french.txt").write_text(
        "Le conseil municipal a voté mardi la fermeture de trois écoles rurales, faute d'enseignants. "
        "Les parents ont dénoncé une décision prise sans concertation et ont annoncé une manifestation devant la mairie. "
        "Le maire a expliqué que le budget de la commune ne permettait pas de maintenir les classes ouvertes et "
        "qu'une solution de transport serait proposée aux familles dès la rentrée. Les syndicats demandent un report "
        "de la mesure et une rencontre avec le préfet avant la fin du mois.\n",
        encoding="utf-8",
    )


def build(inputs: list[Path], warehouse: Path, instance: dg.DagsterInstance) -> dg.ExecuteInProcessResult:
    config = {"input_dirs": [str(p) for p in inputs], "warehouse_path": str(warehouse), "processes": 1}
    return defs.resolve_job_def("build_warehouse").execute_in_process(
        run_config={"resources": {"settings": {"config": config}}}, instance=instance, raise_on_error=False
    )


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse), read_only=True) as conn:
        return {table: conn.execute(f"SELECT * FROM {table}").fetchall() for table in TABLES}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("e2e")
    make_inputs(root / "in")
    warehouse = root / "out" / "news.duckdb"
    inputs = [root / "in" / "news", root / "in" / "bad"]
    with dg.DagsterInstance.ephemeral() as instance:
        first = build(inputs, warehouse, instance)
        tables = snapshot(warehouse)
        second = build(inputs, warehouse, instance)
    return {"first": first, "second": second, "tables": tables, "warehouse": warehouse, "rerun_tables": snapshot(warehouse)}


@pytest.fixture
def conn(built):
    with duckdb.connect(str(built["warehouse"]), read_only=True) as connection:
        yield connection


def test_the_build_succeeds_and_every_blocking_check_passes(built):
    assert built["first"].success
    evaluations = built["first"].get_asset_check_evaluations()
    assert evaluations, "checks ran"
    assert [e.check_name for e in evaluations if not e.passed] == []


def test_a_rerun_gives_identical_tables_and_reuses_the_parse_and_the_stages_after_it(built):
    assert built["second"].success
    assert built["rerun_tables"] == built["tables"]
    parse = [m for m in built["second"].get_asset_materialization_events() if m.asset_key == dg.AssetKey(["staging", "parses"])]
    assert parse[0].materialization.metadata["parsed"].value == 0
    # the entity and event stages see the same parses, articles and rules, and keep their tables
    reused = {
        m.asset_key.to_user_string(): m.materialization.metadata["reused"].value
        for m in built["second"].get_asset_materialization_events()
        if m.asset_key.path in (["staging", "actors"], ["staging", "events"])
    }
    assert reused == {"staging/actors": True, "staging/events": True}


def test_every_input_file_is_an_article_a_duplicate_or_a_rejection(conn):
    sources = dict(conn.execute("SELECT source_file, relation FROM article_sources").fetchall())
    rejected = dict(conn.execute("SELECT source_file, reason FROM rejected_inputs").fetchall())
    assert sum(1 for s in SEEDS.iterdir()) == 5
    assert [sources[f"news/{p.name}"] for p in sorted(SEEDS.iterdir())].count("canonical") >= 4
    assert sources["news/copy_exact.txt"] == "exact_duplicate"
    assert sources["news/copy_syndicated.txt"] == "near_duplicate"
    assert sources["bad/dump.jsonl#L1"] in {"canonical", "near_duplicate"}
    assert rejected == {
        "bad/empty.txt": "empty",
        "bad/binary.txt": "binary",
        "bad/undecodable.txt": "undecodable",
        "bad/huge.txt": "too_large",
        "bad/furniture.txt": "boilerplate_only",
        "bad/dump.jsonl#L2": "malformed_jsonl",
        "bad/dump.jsonl#L3": "malformed_jsonl",
        "bad/table.csv": "unsupported_type",
        "bad/loop": "symlink_loop",
        "bad/dangling.txt": "broken_link",
        "bad/pipe": "not_a_file",
    }
    assert sources["bad/french.txt"] == "canonical"
    assert sources["bad/big.jsonl#L1"] in {"canonical", "near_duplicate"}  # the 2.2 MB line's story, out of its menus


def test_an_article_in_another_language_is_kept_with_its_language_and_is_not_analysed(conn):
    rows = conn.execute("SELECT language, nlp_status, article_id FROM articles WHERE source_file = 'bad/french.txt'").fetchall()
    assert [row[:2] for row in rows] == [("fr", "skipped_language")]
    assert conn.execute("SELECT count(*) FROM mentions WHERE article_id = ?", [rows[0][2]]).fetchone() == (0,)
    assert conn.execute("SELECT DISTINCT language, nlp_status FROM articles WHERE source_file LIKE 'news/%'").fetchall() == [
        ("en", "analysed")
    ]


def test_a_statement_two_stories_quote_stays_in_both(conn):
    bodies = conn.execute("SELECT body FROM articles WHERE source_file IN ('news/quote_a.txt', 'news/quote_b.txt')").fetchall()
    assert len(bodies) == 2 and all(QUOTE in body for (body,) in bodies)


SAMPLE_FURNITURE = [
    "Accessibility links",
    "Breaking News",
    "Skip to main content",
    "Clear icon",
    "Recommended Videos",
    "Loading...",
    "Advertisment",
    "Most Popular",
    "recent posts",
    "Enjoying this article?",
    "Get the Newsletter",
    "16x9 Image",
    "To find out more, click here.",
    "Editorial Staff",
    "is a journalist living in",
]


def test_a_raw_html_page_becomes_an_article_with_its_metadata(conn):
    row = conn.execute(
        "SELECT title, byline, publisher, published_date, body FROM articles WHERE source_file = 'news/wire_agency.html'"
    ).fetchone()
    title, byline, publisher, published, body = row
    assert (title, byline, publisher, str(published)) == (
        "Grain exporters warn of delays as port strike enters second week",
        "Helen Marsh and Tomasz Wilk",
        "Reuters",
        "2023-05-09",
    )
    assert body.startswith("LONDON (Reuters) - Grain exporters on Tuesday warned") and "<" not in body


def test_the_samples_become_clean_distinct_articles_without_their_page_furniture(conn):
    rows = conn.execute("SELECT source_file, title, body, word_count FROM articles WHERE source_file LIKE 'news/0%'").fetchall()
    assert len(rows) == 5
    for source_file, title, body, word_count in rows:
        assert title, source_file
        assert word_count > 300, source_file
        leftovers = [phrase for phrase in SAMPLE_FURNITURE if phrase in body]
        assert leftovers == [], source_file
        assert body.split("\n\n")[-1].rstrip().endswith((".", "?", "!", '"', "”", "’")), source_file


def test_mention_and_event_offsets_slice_the_body_exactly(conn):
    bodies = dict(conn.execute("SELECT article_id, body FROM articles").fetchall())
    for article_id, text, start, end in conn.execute("SELECT article_id, mention_text, start_char, end_char FROM mentions").fetchall():
        assert bodies[article_id][start:end] == text
    for article_id, start, end, s_start, s_end in conn.execute(
        "SELECT m.article_id, m.start_char, m.end_char, s.start_char, s.end_char FROM event_mentions m JOIN sentences s USING (sentence_id)"
    ).fetchall():
        assert s_start <= start < end <= s_end <= len(bodies[article_id])


def actor(conn, alias: str) -> dict:
    rows = conn.execute("SELECT * FROM actors WHERE list_contains(aliases, ?)", [alias]).pl().to_dicts()
    assert len(rows) == 1, (alias, rows)
    return rows[0]


def test_sample_actors_have_types_countries_and_merged_spellings(conn):
    tokayev = actor(conn, "Qasym-Zhomart Toqaev")
    assert "Kassym-Jomart Tokayev" in tokayev["aliases"]  # two romanisations, one actor
    assert (tokayev["actor_type"], tokayev["country_code"], tokayev["role"]) == ("person", "KAZ", "GOV")
    xi = actor(conn, "Xi Jinping")
    assert (xi["actor_type"], xi["country_code"]) == ("person", "CHN")
    assert actor(conn, "Kazakhstani")["country_code"] == "KAZ"
    capital = actor(conn, "Astana")  # the city, also called by its former name
    assert capital["actor_type"] == "location" and "Nur-Sultan" in capital["aliases"] and capital["latitude"] is not None
    # "as Nur-Sultan seeks to balance Moscow and the West": the capital acting is the country's government
    assert "Nur-Sultan" in actor(conn, "Kazakhstan")["aliases"]
    sco = actor(conn, "SCO")
    assert sco["name"] == "Shanghai Cooperation Organization" and sco["role"] == "IGO"
    assert actor(conn, "Francis")["actor_id"] != actor(conn, "John Paul II")["actor_id"]


def test_page_furniture_never_becomes_an_actor(conn):
    names = {alias for (aliases,) in conn.execute("SELECT aliases FROM actors").fetchall() for alias in aliases}
    assert not names & {"16x9 Image", "XS", "SM", "MD", "LG", "Breaking News", "Clear", "Recommended Videos"}


def test_the_state_visit_all_samples_report_is_one_event(conn):
    people = [actor(conn, "Xi Jinping")["actor_id"], actor(conn, "Tokayev")["actor_id"], actor(conn, "Kazakhstan")["actor_id"]]
    visits = conn.execute(
        """
        SELECT event_code, actor1_id, actor2_id, event_date, num_articles FROM events
        WHERE event_root_code = '04' AND list_contains(?, actor1_id) AND list_contains(?, actor2_id)
          AND event_date BETWEEN DATE '2022-09-12' AND DATE '2022-09-16' AND modality <> 'negated'
        ORDER BY num_articles DESC
        """,
        [people, people],
    ).fetchall()
    assert 1 <= len(visits) <= 2, visits  # at most one per direction
    assert len({(a1, a2) for _, a1, a2, _, _ in visits}) == len(visits)
    assert visits[0][4] >= 3  # reported by most of the articles, counted once


def test_the_popes_visit_is_one_event_of_several_articles_and_he_condemns_the_war(conn):
    (pope,) = conn.execute("SELECT actor_id FROM actors WHERE name = 'Pope Francis'").fetchone()
    visits = conn.execute(
        "SELECT num_articles FROM events WHERE event_code = '042' AND actor1_id = ? AND event_date BETWEEN DATE '2022-09-12' AND DATE '2022-09-16'",
        [pope],
    ).fetchall()
    assert len(visits) == 1 and visits[0][0] >= 2, visits
    assert conn.execute("SELECT count(*) FROM events WHERE event_root_code = '11' AND actor1_id = ?", [pope]).fetchone()[0] >= 1


def test_events_are_not_inflated_and_carry_modality(conn):
    per_article = dict(conn.execute("SELECT article_id, count(*) FROM event_mentions GROUP BY article_id").fetchall())
    samples = [a for (a,) in conn.execute("SELECT article_id FROM articles WHERE source_file LIKE 'news/0%'").fetchall()]
    assert all(3 <= per_article.get(article, 0) <= 60 for article in samples), per_article
    modalities = {m for (m,) in conn.execute("SELECT DISTINCT modality FROM events").fetchall()}
    assert "asserted" in modalities and modalities & {"negated", "planned"}


def test_the_published_tables_keep_the_contract_columns_in_order(conn):
    for table, columns in CONTRACT.items():
        published = [
            name
            for (name,) in conn.execute(
                f"SELECT column_name FROM duckdb_columns() WHERE table_name = '{table}' ORDER BY column_index"
            ).fetchall()
        ]
        assert published[: len(columns)] == columns, table


def test_the_readme_example_queries_run(conn):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sql\n", 1)[1].split("```", 1)[0]
    queries = [query for query in block.split(";") if query.strip()]
    assert len(queries) == 3
    for query in queries:
        assert conn.execute(query).fetchall(), query


def test_the_documented_queries_return_rows(built):
    from pipelines.query import run_query

    doc = (Path(__file__).resolve().parents[2] / "docs" / "queries.md").read_text(encoding="utf-8")
    blocks = [block.split("```", 1)[0] for block in doc.split("```sql\n")[1:]]
    assert len(blocks) >= 10
    for block in blocks:
        first, sql = block.split("\n", 1)
        dialect = first.removeprefix("-- dialect:").strip()
        out = Path(built["warehouse"]).parent / "query.json"
        assert run_query(built["warehouse"], sql, dialect, "json", out) == 0
        assert out.read_text(encoding="utf-8").strip(), sql


def test_full_text_search_ranks_articles_and_every_published_column_is_documented(built):
    from pipelines.query import run_query

    out = Path(built["warehouse"]).parent / "search.json"
    sql = "SELECT article_id, score FROM search_articles('Xi Kazakhstan visit')"
    assert run_query(built["warehouse"], sql, "duckdb", "json", out) == 0
    scores = [json.loads(line)["score"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert scores and scores == sorted(scores, reverse=True)
    with duckdb.connect(str(built["warehouse"]), read_only=True) as conn:
        undocumented = conn.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE comment IS NULL AND NOT internal AND database_name = current_database()"
        ).fetchall()
    assert undocumented == []


def test_every_sql_model_shows_its_column_lineage(built):
    events = built["first"].get_asset_materialization_events()
    lineage = {
        e.asset_key.path[-1]: e.materialization.metadata.get("dagster/column_lineage")
        for e in events
        if e.asset_key.path[0] == "warehouse" and e.asset_key.path[-1] != "published"
    }
    assert len(lineage) >= 16 and all(value is not None for value in lineage.values()), lineage.keys()


def test_the_published_tables_declare_their_primary_keys(conn):
    keys = dict(
        conn.execute(
            "SELECT table_name, constraint_column_names FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
        ).fetchall()
    )
    assert keys["articles"] == ["article_id"] and keys["events"] == ["event_id"] and keys["mentions"] == ["mention_id"]
    assert keys["event_mentions"] == ["event_id", "article_id", "sentence_id"]


READER = """
import json, sys, time
from pathlib import Path
import sqlalchemy as sa

warehouse, stop = sys.argv[1], Path(sys.argv[2])
failures, slowest, queries = [], 0.0, 0
engine = sa.create_engine(f"duckdb:///{warehouse}", connect_args={"read_only": True}, poolclass=sa.pool.NullPool)
while not stop.exists() or queries < 5:
    started = time.perf_counter()
    try:
        with engine.connect() as conn:  # a BI tool's refresh: a new connection, so it sees each published file
            conn.execute(sa.text("SELECT count(*) FROM events JOIN event_mentions USING (event_id)")).scalar()
    except Exception as error:
        failures.append(repr(error)[:200])
    slowest = max(slowest, time.perf_counter() - started)
    queries += 1
print(json.dumps({"failures": failures, "slowest": slowest, "queries": queries}))
"""


def test_a_bi_client_reading_in_a_loop_through_a_build_never_fails_or_waits(built, tmp_path):
    import subprocess
    import sys

    warehouse = Path(built["warehouse"])
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(warehouse), str(stop)], stdout=subprocess.PIPE, text=True)
    try:
        root = warehouse.parent.parent
        with dg.DagsterInstance.ephemeral() as instance:
            assert build([root / "in" / "news", root / "in" / "bad"], warehouse, instance).success
    finally:
        stop.touch()
        out, _ = reader.communicate(timeout=60)
    result = json.loads(out)
    assert result["failures"] == [] and result["slowest"] < 1.0 and result["queries"] >= 5, result
