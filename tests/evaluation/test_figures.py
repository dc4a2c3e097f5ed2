"""The test half's figures never drop below the ones recorded in figures.json (see docs/evaluation.md).

Improving a rule raises them; `python -m pipelines evaluate` then records the new figures. Both halves
run together, as they do there: actors resolve across all the stories, so the test half alone would
score differently."""

import json

from pipelines.evaluation import FIGURES_FILE, evaluate, guarded_figures, load_gold


def test_test_half_figures_do_not_drop() -> None:
    recorded = json.loads(FIGURES_FILE.read_text(encoding="utf-8"))
    figures = guarded_figures(evaluate(load_gold())["test"])
    drops = {name: (recorded[name], figures[name]) for name in recorded if figures[name] < recorded[name]}
    assert not drops, f"test-half figures dropped (recorded, now): {drops}"
