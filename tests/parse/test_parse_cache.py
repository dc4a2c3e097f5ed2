"""The parse stage parses each article once and reuses it until the article, model or boundaries change."""

import dagster as dg

from pipelines.parse.assets import parses
from pipelines.settings import WarehouseSettings
from pipelines.warehouse.store import connect

BODY = "The minister arrived in the capital on Monday. She met the president for talks."


def prepare(path, second_sentence_start: int) -> None:
    with connect(path) as conn:
        conn.execute(
            "CREATE OR REPLACE TABLE main.articles AS SELECT * FROM (VALUES ('art_1', ?, 'analysed'), ('art_2', 'Le maire a parlé.', 'skipped_language')) t(article_id, body, nlp_status)",
            [BODY],
        )
        conn.execute(
            """
            CREATE OR REPLACE TABLE main.sentences AS
            SELECT * FROM (VALUES ('art_1', 0, 0, 47), ('art_1', 1, ?, 81)) t(article_id, sentence_index, start_char, end_char)
            """,
            [second_sentence_start],
        )
        conn.execute("ALTER TABLE main.sentences ADD COLUMN sentence_id VARCHAR DEFAULT 'x'")


def parsed_count(tmp_path) -> int:
    settings = WarehouseSettings(input_dirs=[], warehouse_path=str(tmp_path / "news.duckdb"), processes=1)
    result = dg.materialize([parses], resources={"settings": settings})
    return result.get_asset_materialization_events()[0].materialization.metadata["parsed"].value


def test_an_unchanged_article_is_not_parsed_again_but_new_boundaries_reparse_it(tmp_path):
    # art_2 is in a language the stage has no model for: never parsed
    work = WarehouseSettings(input_dirs=[], warehouse_path=str(tmp_path / "news.duckdb")).work_db_path
    prepare(work, 48)
    assert parsed_count(tmp_path) == 1
    assert parsed_count(tmp_path) == 0
    prepare(work, 52)  # the clean stage now splits differently: the stored parse is stale
    assert parsed_count(tmp_path) == 1
