"""Calibrated confidence: the table, the features, and the filters that use them.

Every sentence here is made up in the style of news copy.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

import quoteattr
from quoteattr.confidence import FEATURES, PRIOR_WEIGHTS, Calibration, Features, features_of
from quoteattr.lexicons import read_tsv
from quoteattr.pipeline import link, read_document

SOURCE_ROOT = Path(quoteattr.__file__).resolve().parent.parent

NAMED = "قال الوزير سالم أحمد: «سنواصل العمل»."
DROPPED = "وأضاف أن المفاوضات ستستمر."


def test_every_confidence_is_a_probability_from_the_table() -> None:
    found = quoteattr.extract(NAMED + " " + DROPPED)
    table = Calibration.default()
    linking = link(read_document(_folded(NAMED + " " + DROPPED)))
    expected = [round(table.probability(features_of(d, linking)), 3) for d in linking.drafts]
    assert [a.confidence for a in found] == expected
    assert all(0.0 < a.confidence < 1.0 for a in found)


def _folded(text: str) -> str:
    from quoteattr.normalize import normalize

    return normalize(text).text


def test_a_named_speaker_is_surer_than_none() -> None:
    [named] = quoteattr.extract(NAMED)
    [nobody] = quoteattr.extract(DROPPED)
    assert nobody.speaker is None
    assert named.confidence > 0.8 > 0.5 > nobody.confidence


def test_features_say_how_the_speaker_was_found() -> None:
    text = _folded(
        "قال الوزير سالم أحمد إن الحل قريب. وأضاف أن الاتفاق جاهز. وتابع أن التوقيع غدا. "
        "ثم مضى. وأكد أن اللجنة ستجتمع."
    )
    linking = link(read_document(text))
    speakers = [features_of(d, linking).speaker for d in linking.drafts]
    assert speakers[:3] == ["overt", "dropped-1", "dropped-2+"]
    headline = link(read_document(_folded("الوزير سالم أحمد: «الحل قريب»")))
    assert features_of(headline.drafts[0], headline) == Features(
        "headline", "person", "none", "no", "headline"
    )
    cited = link(read_document(_folded("قال الوزير سالم أحمد إن الحل قريب، بحسب رويترز.")))
    assert features_of(cited.drafts[0], cited).outlet == "yes"


def test_a_cell_leans_on_its_parent_by_the_prior_weight() -> None:
    common = Features("overt", "person", "safe", "no", "verb_an")
    rare = Features("overt", "person", "safe", "no", "verb_object")
    table = Calibration.fit([(common, True)] * 20 + [(common, False)] * 20 + [(rare, True)])
    parent = table.probability(Features("overt", "person", "safe", "no", "never_seen"))
    weight = PRIOR_WEIGHTS[-1]
    assert table.probability(rare) == pytest.approx((1 + weight * parent) / (1 + weight))
    assert parent < table.probability(rare) < 1  # one success does not make a certainty


def test_rows_round_trip() -> None:
    table = Calibration.fit(
        [
            (Features("overt", "person", "safe", "no", "verb_an"), True),
            (Features("none", "none", "risky", "no", "verb_an"), False),
        ]
    )
    again = {}
    for row in table.rows():
        key = tuple(row[name] for name in FEATURES)
        depth = key.index("*") if "*" in key else len(key)
        again[key[:depth]] = (int(row["right"]), int(row["total"]))
    assert again == table.counts


def test_the_packaged_table_is_consistent() -> None:
    rows = list(read_tsv("calibration.tsv"))
    cells = {}
    for row in rows:
        key = tuple(row[name] for name in FEATURES)
        depth = key.index("*") if "*" in key else len(key)
        assert all(value == "*" for value in key[depth:]), row
        right, total = int(row["right"]), int(row["total"])
        assert 0 <= right <= total, row
        cells[key[:depth]] = (right, total)
    children: Counter[tuple[str, ...]] = Counter()
    for key, (_, total) in cells.items():
        if key:
            children[key[:-1]] += total
    for parent, total in children.items():
        assert cells[parent][1] == total, f"children of {parent} do not add up"
    assert cells[()][1] >= 200, "measured on a few hundred attributions"


def run(*args: str | Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quoteattr", *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={"PYTHONPATH": str(SOURCE_ROOT), "PATH": "/usr/bin:/bin"},
        check=False,
    )


# A dropped subject with nobody before it, then a named speaker: one unlikely, one likely.
BOTH = DROPPED + " " + NAMED


@pytest.mark.parametrize("output_format", ["jsonl", "tsv"])
def test_min_confidence_filters_every_format(output_format: str) -> None:
    text = BOTH
    every = run("--format", output_format, stdin=text)
    sure = run("--format", output_format, "--min-confidence", "0.5", stdin=text)
    assert every.returncode == sure.returncode == 0
    assert every.stdout.count("المفاوضات") == 1
    assert sure.stdout.count("المفاوضات") == 0
    assert sure.stdout.count("سنواصل العمل") == 1


def test_min_confidence_one_keeps_nothing_but_the_record() -> None:
    done = run("--format", "jsonl", "--min-confidence", "1", stdin=NAMED)
    assert json.loads(done.stdout)["attributions"] == []


def test_min_confidence_must_be_a_probability() -> None:
    done = run("--min-confidence", "1.5", stdin=NAMED)
    assert done.returncode == 2
    assert "probability" in done.stderr


def test_evaluate_scores_above_a_threshold(tmp_path: Path) -> None:
    text = BOTH
    start = text.index("سنواصل")
    clause = text.index("المفاوضات")
    gold = {
        "id": "d1",
        "text": text,
        "attributions": [
            {"content": [start, start + len("سنواصل العمل")], "kind": "direct"},
            {"content": [clause, len(text) - 1], "kind": "indirect"},
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    every = json.loads(run("evaluate", path, "--json").stdout)
    sure = json.loads(run("evaluate", path, "--json", "--min-confidence", "0.5").stdout)
    assert (every["content"]["predicted"], sure["content"]["predicted"]) == (2, 1)
    assert sure["content"]["recall"] == 0.5
    refused = run("evaluate", path, "--pred", path, "--min-confidence", "0.5")
    assert refused.returncode == 1
    assert "drop --pred" in refused.stderr
