"""Measure speaker gender on the development set against ``../shared/dev/gender.tsv``.

Usage::

    python benchmarks/gender_accuracy.py [--dev ../shared/dev] [--errors]

``gender.tsv`` gives the gold speaker's gender of every development-set
attribution (``female``, ``male``, ``none`` when the speaker is not one
human, ``unknown``), keyed by document and content span. Each prediction the
development set's scorer matches with a gold attribution is judged:

- accuracy among matches whose gold speaker is female or male (the figure the
  issue asks to be at least 0.97), and the same among those whose predicted
  speaker is right;
- among matches whose gold speaker is not one human, the share predicted
  without a gender.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from devset import DEV, matched


def gold_genders(dev: Path) -> dict[tuple[str, int, int], str]:
    """Read ``gender.tsv``: (doc_id, content start, content end) → gender label."""
    with (dev / "gender.tsv").open(encoding="utf-8", newline="") as lines:
        rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        return {
            (row["doc_id"], int(row["content_start"]), int(row["content_end"])): row["gender"]
            for row in rows
        }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV, help="the development set folder")
    parser.add_argument("--errors", action="store_true", help="list every wrong gender")
    args = parser.parse_args(argv)
    labels = gold_genders(args.dev)
    counts: Counter[str] = Counter()
    errors = []
    for pair in matched(args.dev):
        if pair.gold is None:
            continue
        start, end = pair.gold["content"]
        label = labels.get((pair.doc_id, start, end), "unknown")
        speaker = pair.predicted.speaker
        guess = None if speaker is None or speaker.gender is None else speaker.gender.value
        if label in ("female", "male"):
            counts["human"] += 1
            counts["human right"] += guess == label
            counts[f"{label}"] += 1
            counts[f"{label} right"] += guess == label
            if pair.speaker_right:
                counts["human, speaker right"] += 1
                counts["human, speaker right, right"] += guess == label
        elif label == "none":
            counts["none"] += 1
            counts["none right"] += guess is None
        if (label in ("female", "male") and guess != label) or (label == "none" and guess):
            errors.append((pair, label, guess))

    def share(right: str, total: str) -> str:
        return f"{counts[right] / max(1, counts[total]):.3f} ({counts[right]}/{counts[total]})"

    print("speaker gender on the development set, among matched attributions")
    print(f"  gold female or male:            {share('human right', 'human')}")
    print(f"    female:                       {share('female right', 'female')}")
    print(f"    male:                         {share('male right', 'male')}")
    right = share("human, speaker right, right", "human, speaker right")
    print(f"  ... and the speaker right:      {right}")
    print(f"  gold not one human, no gender:  {share('none right', 'none')}")
    if args.errors:
        for pair, label, guess in errors:
            a = pair.predicted
            who = "—" if a.speaker is None else f"{a.speaker.name} ({a.speaker.kind.value})"
            cue = "—" if a.cue is None else a.cue.span.text
            print(
                f"{pair.doc_id} {a.content.start}: gold {label}, got {guess}; cue {cue}; "
                f"speaker {who}; speaker right {pair.speaker_right}; rule {a.rule}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
