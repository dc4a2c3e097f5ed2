"""docs/warehouse.md is generated from the SQL models and must be kept current."""

from pipelines.warehouse.docs import REFERENCE_PATH, render_reference
from tests.contract import CONTRACT


def test_the_warehouse_reference_is_current():
    assert REFERENCE_PATH.read_text(encoding="utf-8") == render_reference(), "run `python -m pipelines docs`"


def test_every_contract_column_is_documented():
    text = render_reference()
    for table, columns in CONTRACT.items():
        section = text.split(f"## `{table}`")[1].split("\n## ")[0]
        for column in columns:
            assert f"| `{column}` |" in section, (table, column)
