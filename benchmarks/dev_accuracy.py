"""Measure quoteattr on the team's annotated development set of real news and write the docs table.

Usage::

    python benchmarks/dev_accuracy.py [--dev DIR] [--out FILE] [--baseline FILE]

Reads ``../shared/dev/`` (47 real articles, 311 attributions annotated under
its ``GUIDELINES.md``; not part of the project and never copied into it),
runs :func:`quoteattr.extract` on every text and prints, and writes to
``docs/_measured/dev-accuracy.md``, a table with two columns of figures:

- the team's scorer (``../shared/dev/score.py``, the one ``score.sh`` runs and
  the held-out set is scored with), which accepts any antecedent of a
  dropped subject as the speaker;
- ``quoteattr evaluate`` on ``dev.jsonl`` with the set's outlet aliases, which
  knows only the nearest full mention of each speaker.

Content, strict content and outlet figures agree between the two by
construction. ``--baseline FILE`` also rewrites the regression guard's
figures (``tests/dev_baseline.json``): run it after a landing that raises them.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from devset import scorer
from quoteattr.corpus import load
from quoteattr.outlet_names import read_outlet_aliases
from quoteattr.scoring import EvaluationOptions, Report, evaluate, predict

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"
OUT = ROOT / "docs" / "_measured" / "dev-accuracy.md"


def team_scorer(dev: Path) -> ModuleType | None:
    """Import the team's ``score.py`` from the development set's folder, if it is there."""
    return scorer(dev) if (dev / "score.py").is_file() else None


def team_figures(dev: Path, predicted: list[Any]) -> dict[str, Any] | None:
    """Score the predictions with the team's scorer against its own gold (acceptable speakers)."""
    score = team_scorer(dev)
    if score is None:
        return None
    gold_records = [
        json.loads(line)
        for path in sorted((dev / "gold").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    texts = {
        record["doc_id"]: (dev / "texts" / f"{record['doc_id']}.txt").read_text(encoding="utf-8")
        for record in gold_records
    }
    # A prediction record is a gold record: the scorer reads the annotation's JSON shape.
    predictions = {document.id: document.to_json()["attributions"] for document in predicted}
    result: dict[str, Any] = score.score(gold_records, predictions, texts, score.load_outlets())
    return result


def own_report(dev: Path) -> tuple[Report, list[Any]]:
    """Run quoteattr on ``dev.jsonl`` and score it with ``quoteattr evaluate``'s scorer."""
    gold = load(dev / "dev.jsonl")
    aliases = read_outlet_aliases(dev / "outlets.tsv") if (dev / "outlets.tsv").is_file() else {}
    predicted = predict(gold)
    return evaluate(gold, predicted, EvaluationOptions(outlets=aliases)), predicted


def _number(value: float | None) -> str:
    # Rounded to four places first, as the team's scorer rounds, so equal figures print alike.
    return "–" if value is None else f"{round(value, 4):.3f}"


def table(report: Report, team: dict[str, Any] | None) -> str:
    """The Markdown table the accuracy page includes."""

    def team_cell(*keys: str) -> str:
        if team is None:
            return "–"
        value: Any = team
        for key in keys:
            value = value[key]
        return _number(value)

    outlets = report.outlets
    rows = [
        (
            "content F1 (overlap ≥ ½ of the shorter span)",
            team_cell("content", "f1"),
            _number(report.content.f1),
        ),
        (
            "content F1, strict (≥ 80 % of the longer span)",
            team_cell("content_strict", "f1"),
            _number(report.content_strict.f1),
        ),
        (
            "speaker right, among matched",
            team_cell("speaker_accuracy"),
            _number(report.speaker.value),
        ),
        (
            "end-to-end F1 (content and speaker right)",
            team_cell("end_to_end", "f1"),
            _number(report.end_to_end.f1),
        ),
        (
            "outlets F1 over (attribution, outlet) pairs",
            team_cell("outlets", "f1"),
            _number(outlets.f1),
        ),
        (
            "  outlets precision / recall",
            "–"
            if team is None
            else f"{team['outlets']['precision']:.3f} / {team['outlets']['recall']:.3f}",
            f"{_number(outlets.precision)} / {_number(outlets.recall)}",
        ),
        ("kind right, among matched", team_cell("kind_accuracy"), _number(report.kind.value)),
    ]
    lines = [
        f"Measured {datetime.date.today().isoformat()} on {report.documents} documents, "
        f"{report.content.gold} gold attributions ({report.content.predicted} found), "
        "with `python benchmarks/dev_accuracy.py`.",
        "",
        "| measure | team scorer (`score.sh`) | `quoteattr evaluate` |",
        "| --- | --- | --- |",
        *(f"| {name} | {team_value} | {own} |" for name, team_value, own in rows),
    ]
    return "\n".join(lines) + "\n"


def baseline(report: Report) -> dict[str, Any]:
    """The guard's figures: what ``tests/test_dev_accuracy.py`` measures, rounded down."""

    def floor(value: float | None) -> float:
        return 0.0 if value is None else int(value * 1000) / 1000

    return {
        "comment": (
            "Regression guard for tests/test_dev_accuracy.py: figures reached on main, measured "
            "with `quoteattr evaluate ../shared/dev/dev.jsonl "
            "--outlets ../shared/dev/outlets.tsv`. "
            "The test fails when one drops more than `tolerance` below. Any landing that "
            "raises them raises them here: python benchmarks/dev_accuracy.py --baseline "
            "tests/dev_baseline.json"
        ),
        "tolerance": 0.02,
        "content_f1": floor(report.content.f1),
        "end_to_end_f1": floor(report.end_to_end.f1),
        "outlets_f1": floor(report.outlets.f1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV, help="development set folder")
    parser.add_argument("--out", type=Path, default=OUT, help="Markdown table to write")
    parser.add_argument("--baseline", type=Path, help="also rewrite the guard's baseline JSON")
    arguments = parser.parse_args(argv)
    if not (arguments.dev / "dev.jsonl").is_file():
        print(f"dev_accuracy: no dev.jsonl in {arguments.dev}", file=sys.stderr)
        return 2
    report, predicted = own_report(arguments.dev)
    text = table(report, team_figures(arguments.dev, predicted))
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    arguments.out.write_text(text, encoding="utf-8")
    print(text, end="")
    if arguments.baseline is not None:
        figures = json.dumps(baseline(report), ensure_ascii=False, indent=2)
        arguments.baseline.write_text(figures + "\n", encoding="utf-8")
        print(figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
