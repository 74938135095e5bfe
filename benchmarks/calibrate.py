"""Calibrate Attribution.confidence on the development set and measure how honest it is.

Usage::

    python benchmarks/calibrate.py [--dev ../shared/dev] [--write] [--bins 10]

Each prediction on the development set is labelled right when the set's own
scorer (``score.py``) matches its content with a gold attribution and finds
the speaker right (the end-to-end criterion). Its features are read from the
extractor (:func:`quoteattr.confidence.features_of`).

The honest figure comes from leave-one-document-out cross-validation: every
document's attributions get probabilities from a table fitted on the other
46 documents. The script prints the reliability table (confidence bins
against the share right) and the expected calibration error (ECE) of those
held-out probabilities, beside the same for the rule constants quoteattr used
before. With ``--write`` it fits the table on every document and writes
``src/quoteattr/lexicons/calibration.tsv``, the table the extractor reads,
and puts the reliability table and the precision and recall above thresholds
into ``docs/confidence.md`` (between its ``calibrate.py`` markers).
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import re
from collections.abc import Sequence
from pathlib import Path

import quoteattr
from devset import DEV, as_scored, documents, scorer
from quoteattr.confidence import FEATURES, PRIOR_WEIGHTS, Calibration, Features, features_of
from quoteattr.normalize import normalize
from quoteattr.pipeline import link, read_document

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "src" / "quoteattr" / "lexicons" / "calibration.tsv"
DOCS = ROOT / "docs" / "confidence.md"

HEADER = f"""\
# Calibration of Attribution.confidence: right / total on the development set
# (../shared/dev, 47 articles), for every prefix of the features {", ".join(FEATURES)}
# ('*' = any value). Right = content matched and speaker right, as score.py judges.
# Written by benchmarks/calibrate.py --write; do not edit by hand.
"""


class Sample:
    """One prediction: its document, features, label and the old constant confidence."""

    def __init__(self, doc_id: str, features: Features, right: bool, constant: float) -> None:
        self.doc_id = doc_id
        self.features = features
        self.right = right
        self.constant = constant


def samples(dev: Path) -> list[Sample]:
    """Label every prediction on the development set with its features."""
    score = scorer(dev)
    found: list[Sample] = []
    for record, text in documents(dev):
        predicted = quoteattr.extract(text)
        linking = link(read_document(normalize(text).text))
        drafts = linking.drafts
        if len(drafts) != len(predicted):
            raise SystemExit(f"{record['doc_id']}: drafts and attributions differ in number")
        scored = [as_scored(a) for a in predicted]
        gold = record["attributions"]
        pairs, _, _ = score.match_doc(text, gold, scored)
        partner = {pi: gi for gi, pi, _ in pairs}
        for pi, draft in enumerate(drafts):
            right = pi in partner and bool(score.speaker_ok(gold[partner[pi]], scored[pi]))
            found.append(
                Sample(record["doc_id"], features_of(draft, linking), right, draft.confidence)
            )
    return found


def _left_out_tables(found: Sequence[Sample]) -> dict[str, Calibration]:
    """For each document, the table fitted on every other document's samples."""
    by_doc: dict[str, list[Sample]] = {}
    for sample in found:
        by_doc.setdefault(sample.doc_id, []).append(sample)
    everything = Calibration.fit((s.features, s.right) for s in found)
    return {
        doc_id: everything.without(Calibration.fit((s.features, s.right) for s in members))
        for doc_id, members in by_doc.items()
    }


def held_out(found: Sequence[Sample], weights: tuple[float, ...] = PRIOR_WEIGHTS) -> list[float]:
    """Give each sample a probability from a table fitted without its document."""
    tables = _left_out_tables(found)
    return [tables[s.doc_id].probability(s.features, weights) for s in found]


def brier(probabilities: Sequence[float], labels: Sequence[bool]) -> float:
    """Mean squared gap between probability and outcome (a proper score: lower is better)."""
    return sum((p - y) ** 2 for p, y in zip(probabilities, labels, strict=True)) / len(labels)


def weight_grid() -> list[tuple[float, ...]]:
    """The prior weights tried, level by level (the first level is the coarsest)."""
    first, others = (1, 4, 16), (1, 4, 16, 64, 256)
    levels = (first, *[others] * (len(FEATURES) - 1))
    return [tuple(float(w) for w in ws) for ws in itertools.product(*levels)]


def best_weights(found: Sequence[Sample]) -> tuple[float, ...]:
    """The grid's weights with the lowest held-out Brier score (never chosen by the ECE)."""
    tables = _left_out_tables(found)
    labels = [s.right for s in found]

    def score(weights: tuple[float, ...]) -> float:
        return brier([tables[s.doc_id].probability(s.features, weights) for s in found], labels)

    return min(weight_grid(), key=score)


def nested(found: Sequence[Sample]) -> list[float]:
    """Held-out probabilities whose weights, too, were chosen without the document.

    For each document the weights are chosen by leave-one-document-out on the
    other documents, then its samples are scored with a table fitted on those
    others: an estimate the choice of weights does not flatter.
    """
    tables = _left_out_tables(found)
    probability = [0.0] * len(found)
    for doc_id, table in tables.items():
        weights = best_weights([s for s in found if s.doc_id != doc_id])
        for i, sample in enumerate(found):
            if sample.doc_id == doc_id:
                probability[i] = table.probability(sample.features, weights)
    return probability


def reliability(
    probabilities: Sequence[float], labels: Sequence[bool], bins: int
) -> tuple[list[tuple[float, float, int, float, float]], float]:
    """Return (low, high, n, mean confidence, share right) per non-empty bin, and the ECE."""
    rows = []
    ece = 0.0
    total = len(probabilities)
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        members = [
            i for i, p in enumerate(probabilities) if low <= p < high or (b == bins - 1 and p == 1)
        ]
        if not members:
            continue
        mean = sum(probabilities[i] for i in members) / len(members)
        share = sum(labels[i] for i in members) / len(members)
        rows.append((low, high, len(members), mean, share))
        ece += len(members) / total * abs(mean - share)
    return rows, ece


def markdown(rows: list[tuple[float, float, int, float, float]]) -> str:
    lines = [
        "| confidence | attributions | mean confidence | share right |",
        "|---|---:|---:|---:|",
    ]
    for low, high, n, mean, share in rows:
        lines.append(f"| {low:.1f}–{high:.1f} | {n} | {mean:.3f} | {share:.3f} |")
    return "\n".join(lines)


def thresholds(found: Sequence[Sample], table: Calibration, gold: int) -> str:
    """Precision and recall (end to end, as score.py judges) above a few thresholds."""
    lines = [
        "| min confidence | kept | right | precision | recall |",
        "|---:|---:|---:|---:|---:|",
    ]
    scored = [(table.probability(s.features), s.right) for s in found]
    for threshold in (0.0, 0.3, 0.5, 0.7, 0.8, 0.9):
        kept = [ok for p, ok in scored if p >= threshold]
        right = sum(kept)
        precision = right / len(kept) if kept else 0.0
        lines.append(
            f"| {threshold:.1f} | {len(kept)} | {right} | {precision:.3f} | {right / gold:.3f} |"
        )
    return "\n".join(lines)


def fill(path: Path, name: str, block: str) -> None:
    """Replace the text between ``<!-- calibrate.py: NAME -->`` and its closing marker."""
    text = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"(<!-- calibrate.py: {name} -->\n).*?(<!-- /calibrate.py -->)", re.S)
    if not pattern.search(text):
        raise SystemExit(f"{path} has no calibrate.py: {name} markers")
    path.write_text(pattern.sub(lambda m: m.group(1) + block + "\n" + m.group(2), text), "utf-8")


def write_table(table: Calibration, path: Path) -> None:
    stream = io.StringIO()
    writer = csv.DictWriter(
        stream, [*FEATURES, "right", "total"], delimiter="\t", lineterminator="\n"
    )
    writer.writeheader()
    writer.writerows(table.rows())
    path.write_text(HEADER + stream.getvalue(), encoding="utf-8")


def _print_reliability(
    title: str, probabilities: Sequence[float], labels: Sequence[bool], bins: int
) -> float:
    rows, ece = reliability(probabilities, labels, bins)
    print(f"\n{title}:\n{markdown(rows)}")
    print(f"ECE {ece:.3f}   Brier {brier(probabilities, labels):.4f}")
    return ece


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV, help="the development set folder")
    parser.add_argument("--bins", type=int, default=10, help="reliability bins (default: 10)")
    parser.add_argument("--write", action="store_true", help=f"write {TABLE.name} and the docs")
    parser.add_argument(
        "--search", action="store_true", help="print the prior weights with the lowest Brier score"
    )
    parser.add_argument(
        "--nested", action="store_true", help="also choose the weights without each document"
    )
    args = parser.parse_args(argv)
    found = samples(args.dev)
    gold = sum(len(record["attributions"]) for record, _ in documents(args.dev))
    labels = [s.right for s in found]
    right = sum(labels)
    base = right / len(found)
    print(
        f"{len(found)} predictions on the development set, {right} right end to end "
        f"({base:.3f}); Brier of that one rate for all: {base * (1 - base):.4f}"
    )
    if args.search:
        print(f"\nlowest held-out Brier score on the grid: PRIOR_WEIGHTS = {best_weights(found)}")
    probabilities = held_out(found)
    rows, ece = reliability(probabilities, labels, args.bins)
    _print_reliability(
        "leave-one-document-out calibrated confidence", probabilities, labels, args.bins
    )
    nested_ece = None
    if args.nested or args.write:
        nested_ece = _print_reliability(
            "nested: the weights, too, chosen without each document",
            nested(found),
            labels,
            args.bins,
        )
    constants = [s.constant for s in found]
    old_ece = _print_reliability(
        "the rule constants (before calibration)", constants, labels, args.bins
    )
    if args.write:
        table = Calibration.fit((s.features, s.right) for s in found)
        write_table(table, TABLE)
        summary = (
            f"{len(found)} statements, {right} right end to end; ECE held out **{ece:.3f}**, "
            f"Brier score {brier(probabilities, labels):.4f} (one rate for all: "
            f"{base * (1 - base):.4f}); with the prior weights also chosen without each "
            f"document (nested) ECE {nested_ece:.3f}; the former rule values: ECE {old_ece:.3f}"
        )
        fill(DOCS, "reliability", markdown(rows) + "\n\n" + summary)
        fill(DOCS, "thresholds", thresholds(found, table, gold))
        print(f"\nwrote {TABLE} and the tables of {DOCS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
