"""The test half's figures never drop below the ones recorded in figures.json (see docs/evaluation.md).

Improving a rule raises them; `python -m pipelines evaluate` then records the new figures. Both halves
run together, as they do there: actors resolve across all the stories, so the test half alone would
score differently. The article bodies are scored on their own (seconds, no spaCy)."""

import json

from pipelines.body_evaluation import evaluate_bodies, guarded_body_figures, load_bodies
from pipelines.evaluation import FIGURES_FILE, evaluate, guarded_figures, load_gold


def _drops(figures: dict[str, float]) -> dict[str, tuple[float, float]]:
    recorded = json.loads(FIGURES_FILE.read_text(encoding="utf-8"))
    return {name: (recorded[name], figures[name]) for name in figures if name in recorded and figures[name] < recorded[name]}


def test_test_half_figures_do_not_drop() -> None:
    drops = _drops(guarded_figures(evaluate(load_gold())["test"]))
    assert not drops, f"test-half figures dropped (recorded, now): {drops}"


def test_test_half_body_figures_do_not_drop() -> None:
    figures = guarded_body_figures(evaluate_bodies(load_bodies()))
    assert set(figures) <= set(json.loads(FIGURES_FILE.read_text(encoding="utf-8"))), "body figures are not recorded yet"
    drops = _drops(figures)
    assert not drops, f"test-half body figures dropped (recorded, now): {drops}"
