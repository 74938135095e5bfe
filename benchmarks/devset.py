"""The development set, matched the way its own scorer matches: shared by the dev-set scripts.

``../shared/dev`` holds the gold annotations, the article texts and
``score.py``. :func:`matched` runs quoteattr over every text and pairs each
prediction with the gold attribution ``score.py`` pairs it with (or with
none), so a script can ask of each prediction what the scorer would say.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import quoteattr

DEV = Path(__file__).resolve().parents[1] / ".." / "shared" / "dev"
"""The shared development set, next to the worktree (``../shared/dev``)."""


def scorer(dev: Path = DEV) -> ModuleType:
    """Import the development set's own ``score.py``."""
    spec = importlib.util.spec_from_file_location("dev_score", dev / "score.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"no score.py in {dev}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Pair:
    """One prediction and the gold attribution the scorer matches it with (``None``: none)."""

    doc_id: str
    text: str
    predicted: quoteattr.Attribution
    gold: dict[str, Any] | None
    speaker_right: bool


def as_scored(attribution: quoteattr.Attribution) -> dict[str, Any]:
    """Turn an attribution into the record ``score.py`` reads (as ``predict.py`` does)."""
    speaker, cue = attribution.speaker, attribution.cue
    return {
        "content": [attribution.content.start, attribution.content.end],
        "cue": None if cue is None else [cue.span.start, cue.span.end],
        "speaker": None if speaker is None else [speaker.span.start, speaker.span.end],
        "speaker_name": None if speaker is None else speaker.name,
        "sources": [source.name for source in attribution.sources],
    }


def documents(dev: Path = DEV) -> Iterator[tuple[dict[str, Any], str]]:
    """Yield every gold record with its text."""
    for path in sorted((dev / "gold").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                text = (dev / "texts" / f"{record['doc_id']}.txt").read_text(encoding="utf-8")
                yield record, text


def matched(dev: Path = DEV) -> Iterator[Pair]:
    """Yield every prediction on the development set with its scorer match."""
    score = scorer(dev)
    for record, text in documents(dev):
        predicted = quoteattr.extract(text)
        scored = [as_scored(a) for a in predicted]
        gold = record["attributions"]
        pairs, _, _ = score.match_doc(text, gold, scored)
        partner = {pi: gi for gi, pi, _ in pairs}
        for pi, attribution in enumerate(predicted):
            g = gold[partner[pi]] if pi in partner else None
            right = g is not None and bool(score.speaker_ok(g, scored[pi]))
            yield Pair(record["doc_id"], text, attribution, g, right)
