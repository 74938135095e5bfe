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
import re
from collections.abc import Sequence
from pathlib import Path

import quoteattr
from devset import DEV, as_scored, documents, scorer
from quoteattr.confidence import FEATURES, Calibration, Features, features_of
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


def held_out(found: Sequence[Sample]) -> list[float]:
    """Give each sample a probability from a table fitted without its document."""
    by_doc: dict[str, list[int]] = {}
    for i, sample in enumerate(found):
        by_doc.setdefault(sample.doc_id, []).append(i)
    probability = [0.0] * len(found)
    for doc_id, members in by_doc.items():
        table = Calibration.fit((s.features, s.right) for s in found if s.doc_id != doc_id)
        for i in members:
            probability[i] = table.probability(found[i].features)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV, help="the development set folder")
    parser.add_argument("--bins", type=int, default=10, help="reliability bins (default: 10)")
    parser.add_argument("--write", action="store_true", help=f"write {TABLE.name}")
    args = parser.parse_args(argv)
    found = samples(args.dev)
    gold = sum(len(record["attributions"]) for record, _ in documents(args.dev))
    labels = [s.right for s in found]
    right = sum(labels)
    print(
        f"{len(found)} predictions on the development set, {right} right end to end "
        f"({right / len(found):.3f})"
    )
    rows, ece = reliability(held_out(found), labels, args.bins)
    print("\nleave-one-document-out calibrated confidence:")
    print(markdown(rows))
    print(f"\nECE {ece:.3f}")
    old_rows, old_ece = reliability([s.constant for s in found], labels, args.bins)
    print("\nthe rule constants (before calibration):")
    print(markdown(old_rows))
    print(f"\nECE {old_ece:.3f}")
    if args.write:
        table = Calibration.fit((s.features, s.right) for s in found)
        write_table(table, TABLE)
        summary = (
            f"{len(found)} statements, {right} right end to end; "
            f"ECE held out **{ece:.3f}** (the former rule values: {old_ece:.3f})"
        )
        fill(DOCS, "reliability", markdown(rows) + "\n\n" + summary)
        fill(DOCS, "thresholds", thresholds(found, table, gold))
        print(f"\nwrote {TABLE} and the tables of {DOCS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
