"""The golden corpus: hand-written news paragraphs with every attribution annotated.

Each document is one test. A gold attribution is found when a prediction's
content overlaps it by at least half of the shorter span (the project's match
criterion, as in ``quoteattr evaluate``) and the prediction has the same kind,
cue lemma, speaker (canonical name and kind) and sources; nothing else may be
predicted. Documents in ``known_failures.jsonl`` are strict xfails: each says
why in its ``note``, and the suite fails as soon as one starts passing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr.normalize import fold

GOLDEN = Path(quoteattr.__file__).parent / "golden"
_EDGE = " \n\t«»“”„‟\"'″.،,:؛;!؟?()-"


def _documents(name: str) -> list[dict[str, Any]]:
    path = GOLDEN / name
    if not path.exists():
        return []
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _overlaps(text: str, gold: list[int], predicted: quoteattr.Span) -> bool:
    gs, ge = _trimmed(text, *gold)
    ps, pe = _trimmed(text, predicted.start, predicted.end)
    shorter = min(ge - gs, pe - ps)
    return shorter > 0 and min(ge, pe) - max(gs, ps) >= 0.5 * shorter


def _name(value: str | None) -> str | None:
    return None if value is None else " ".join(fold(value).split())


def _differences(document: dict[str, Any]) -> list[str]:
    text = document["text"]
    predicted = quoteattr.extract(text)
    problems = []
    unmatched = list(predicted)
    for gold in document["attributions"]:
        match = next((p for p in unmatched if _overlaps(text, gold["content"], p.content)), None)
        label = repr(text[gold["content"][0] : gold["content"][1]][:40])
        if match is None:
            problems.append(f"missed {label}")
            continue
        unmatched.remove(match)
        got = {
            "kind": match.kind.value,
            "cue_lemma": match.cue.lemma if match.cue else None,
            "speaker_name": _name(match.speaker.name) if match.speaker else None,
            "speaker_kind": match.speaker.kind.value if match.speaker else None,
            "sources": sorted(s.name for s in match.sources),
        }
        want = {
            "kind": gold["kind"],
            "cue_lemma": gold.get("cue_lemma"),
            "speaker_name": _name(gold.get("speaker_name")),
            "speaker_kind": gold.get("speaker_kind"),
            "sources": sorted(gold.get("sources", [])),
        }
        for field, value in want.items():
            if got[field] != value:
                problems.append(f"{label}: {field} is {got[field]!r}, gold {value!r}")
    for extra in unmatched:
        problems.append(f"false alarm {extra.content.text[:40]!r} ({extra.rule})")
    return problems


def _cases() -> list[Any]:
    cases = []
    for name in ("seed.jsonl", "synthetic.jsonl", "negative.jsonl"):
        cases += [pytest.param(d, id=d["id"]) for d in _documents(name)]
    for document in _documents("known_failures.jsonl"):
        reason = document.get("note") or "known failure"
        cases.append(
            pytest.param(
                document, id=document["id"], marks=pytest.mark.xfail(strict=True, reason=reason)
            )
        )
    return cases


CASES = _cases()


def test_the_golden_corpus_is_big_enough() -> None:
    attributions = sum(len(case.values[0]["attributions"]) for case in CASES)
    negatives = len(_documents("negative.jsonl"))
    assert attributions >= 150
    assert negatives >= 20


@pytest.mark.parametrize("document", CASES)
def test_golden_document(document: dict[str, Any]) -> None:
    problems = _differences(document)
    assert not problems, "\n".join(problems)


def test_the_built_corpus_matches_its_markup() -> None:
    """The shipped JSON Lines are exactly what ``tests/golden/build.py`` makes of the markup."""
    import subprocess
    import sys

    build = Path(__file__).parent / "golden" / "build.py"
    result = subprocess.run([sys.executable, str(build), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
