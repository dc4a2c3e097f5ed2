"""Python stages write whole tables and read them back as polars frames."""

from dataclasses import dataclass

import polars as pl

from pipelines.warehouse.store import append_rows, connect, frame_of, read_table, write_table


@dataclass
class Row:
    key: str
    value: int
    note: str = "extra"


def test_writing_a_table_replaces_it_so_reruns_never_double_rows(tmp_path):
    with connect(tmp_path / "work.duckdb") as conn:
        assert read_table(conn, "staging.things").is_empty()  # first run: nothing yet
        write_table(conn, "staging.things", pl.DataFrame({"key": ["a", "b"]}))
        write_table(conn, "staging.things", pl.DataFrame({"key": ["a", "b"], "added": [1, 2]}))
        assert read_table(conn, "staging.things").to_dicts() == [{"key": "a", "added": 1}, {"key": "b", "added": 2}]


def test_frame_of_puts_contract_columns_first_with_their_types_and_keeps_extra_fields():
    schema = {"key": pl.String, "value": pl.Int64, "missing": pl.Float64}
    frame = frame_of([Row("a", 1)], schema)
    assert frame.columns == ["key", "value", "missing", "note"]
    assert frame.schema["missing"] == pl.Float64 and frame["missing"][0] is None
    empty = frame_of([], schema)
    assert empty.is_empty() and dict(empty.schema) == schema


def test_appending_rows_extends_a_table(tmp_path):
    with connect(tmp_path / "work.duckdb") as conn:
        write_table(conn, "staging.things", pl.DataFrame({"key": ["a"]}))
        assert append_rows(conn, "staging.things", pl.DataFrame({"key": ["b"]})) == 1
        assert append_rows(conn, "staging.things", pl.DataFrame(schema={"key": pl.String})) == 0
        assert read_table(conn, "staging.things")["key"].to_list() == ["a", "b"]


def test_a_row_dataclass_declares_its_table_shape() -> None:
    import datetime as dt
    from dataclasses import dataclass
    from typing import Literal

    import polars as pl

    from pipelines.warehouse.store import frame_of, schema_of

    @dataclass(frozen=True)
    class Row:
        key: str
        day: dt.date | None
        kind: Literal["a", "b"]
        count: int
        share: float | None
        names: list[str]

    schema = schema_of(Row)
    assert schema == {
        "key": pl.String,
        "day": pl.Date,
        "kind": pl.String,
        "count": pl.Int64,
        "share": pl.Float64,
        "names": pl.List(pl.String),
    }
    assert frame_of([], schema).schema == schema
    assert frame_of([Row("k", None, "a", 1, None, ["x"])], schema).schema == schema
