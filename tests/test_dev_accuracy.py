"""Regression guard on real news: the team's annotated development set (``../shared/dev/``).

The set lives outside the project and is never copied into it; the tests
skip cleanly when it is absent. They fail when content, end-to-end or
outlet F1 drop more than the tolerance below ``tests/dev_baseline.json``.
That file holds the figures main reached at its last landing: a landing
that raises them rewrites it (``python benchmarks/dev_accuracy.py
--baseline tests/dev_baseline.json``), so the guard follows progress and
never becomes a target.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from quoteattr.corpus import Document, load
from quoteattr.outlet_names import read_outlet_aliases
from quoteattr.scoring import EvaluationOptions, Report, evaluate, predict

DEV = Path(__file__).resolve().parents[2] / "shared" / "dev"
BASELINE = Path(__file__).resolve().parent / "dev_baseline.json"

pytestmark = [
    pytest.mark.dev,
    pytest.mark.skipif(
        not (DEV / "dev.jsonl").is_file(), reason="the development set is not in ../shared/dev"
    ),
]


@pytest.fixture(scope="module")
def predicted() -> tuple[list[Document], list[Document]]:
    gold = load(DEV / "dev.jsonl")
    return gold, predict(gold)


@pytest.fixture(scope="module")
def report(predicted: tuple[list[Document], list[Document]]) -> Report:
    gold, guesses = predicted
    aliases = read_outlet_aliases(DEV / "outlets.tsv")
    return evaluate(gold, guesses, EvaluationOptions(outlets=aliases))


BASELINE_FIGURES = json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("figure", ["content_f1", "end_to_end_f1", "outlets_f1"])
def test_no_regression_below_the_baseline(report: Report, figure: str) -> None:
    measured = {
        "content_f1": report.content.f1,
        "end_to_end_f1": report.end_to_end.f1,
        "outlets_f1": report.outlets.f1,
    }[figure]
    floor = BASELINE_FIGURES[figure] - BASELINE_FIGURES["tolerance"]
    assert measured is not None
    assert measured >= floor, (
        f"{figure} on the development set fell to {measured:.3f}, more than "
        f"{BASELINE_FIGURES['tolerance']} below the baseline {BASELINE_FIGURES[figure]}"
    )


def _team_scorer() -> ModuleType:
    path = DEV / "score.py"
    if not path.is_file():
        pytest.skip("the team's score.py is not in ../shared/dev")
    spec = importlib.util.spec_from_file_location("team_score", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _team_result(predicted: list[Document], gold: list[Document]) -> dict[str, Any]:
    score = _team_scorer()
    records = [
        json.loads(line)
        for path in sorted((DEV / "gold").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    texts = {document.id: document.text for document in gold}
    predictions = {document.id: document.to_json()["attributions"] for document in predicted}
    result: dict[str, Any] = score.score(records, predictions, texts, score.load_outlets())
    return result


def test_quoteattr_evaluate_agrees_with_the_team_scorer(
    predicted: tuple[list[Document], list[Document]], report: Report
) -> None:
    gold, guesses = predicted
    team = _team_result(guesses, gold)
    ours = {
        "content": (report.content.correct_gold, report.content.predicted, report.content.gold),
        "content_strict": (
            report.content_strict.correct_gold,
            report.content_strict.predicted,
            report.content_strict.gold,
        ),
        "outlets": (report.outlets.correct_gold, report.outlets.predicted, report.outlets.gold),
    }
    theirs = {key: (team[key]["tp"], team[key]["n_pred"], team[key]["n_gold"]) for key in ours}
    assert ours == theirs
    assert report.kind.value == pytest.approx(team["kind_accuracy"], abs=1e-4)
