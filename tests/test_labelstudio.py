"""Label Studio round trips: extract → tasks → export → gold gives back the same attributions.

Runs on the seed, the built-in gold corpus and real corpus articles
(``../shared/corpus``, skipped when absent). A Label Studio export is what
the tool writes: the imported task, with ``annotations`` added by editors.
"""

from __future__ import annotations

import copy
import gzip
import itertools
import json
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr.brat import format_ann, parse_ann
from quoteattr.corpus import CorpusError, Document, GoldAttribution, builtin, load_labelstudio
from quoteattr.labelstudio import LABEL_CONFIG, parse_task, result, task, tasks

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_2d0d44ca72966377.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "saudinewsnet-2015-07-22_25.jsonl.gz"


def exported(tasks_: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What Label Studio gives back for imported tasks nobody touched: JSON, ids added."""
    back: list[dict[str, Any]] = json.loads(json.dumps(tasks_, ensure_ascii=False))
    for number, item in enumerate(back, start=1):
        item["id"] = number
        item["annotations"] = []
    return back


def expected(text: str) -> list[GoldAttribution]:
    return [GoldAttribution.from_attribution(a) for a in quoteattr.extract(text)]


def check_round_trip(doc_id: str, text: str) -> int:
    [item] = exported([task(doc_id, text, quoteattr.extract(text))])
    document = parse_task(item)
    want = expected(text)
    assert (document.id, document.text) == (doc_id, text)
    assert list(document.attributions) == want
    for got, gold in zip(document.attributions, want, strict=True):
        assert got.source_spans == gold.source_spans  # not part of ==
    return len(want)


def test_the_seed_round_trips() -> None:
    assert check_round_trip("seed", SEED.read_text(encoding="utf-8")) > 5


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.exists(), reason="the shared news corpus is not on this machine")
def test_real_articles_round_trip() -> None:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        articles = [json.loads(line) for line in itertools.islice(lines, 300)]
    found = sum(check_round_trip(str(a.get("id", n)), a["text"]) for n, a in enumerate(articles))
    assert found > len(articles)


@pytest.mark.parametrize("document", builtin(), ids=lambda document: document.id)
def test_gold_documents_round_trip_as_annotations(document: Document) -> None:
    # Gold documents carry what predictions never have: outlets named without a span,
    # speaker names without a mention. They travel in the content's note.
    item = {"id": 1, "data": {"text": document.text, "doc_id": document.id}}
    item["annotations"] = [{"result": json.loads(json.dumps(result(document.attributions)))}]
    back = parse_task(item)
    assert back.attributions == document.attributions
    # And brat, which shares the standoff logic, reads the same thing.
    assert parse_ann(document.id, document.text, format_ann(document)) == back


def test_a_shared_speaker_is_one_region_with_two_relations() -> None:
    text = "وقال الوزير إن الحوار مستمر. وقال الوزير إن الاتفاق قريب."
    speaker = quoteattr.Span.of(text, 5, 11)
    golds = [
        GoldAttribution(
            quoteattr.Span.of(text, start, end), quoteattr.Kind.INDIRECT, speaker=speaker
        )
        for start, end in ((15, 27), (44, 56))
    ]
    items = result(golds)
    speakers = [i for i in items if i["type"] == "labels" and i["value"]["labels"] == ["Speaker"]]
    assert len(speakers) == 1
    relations = [i for i in items if i["type"] == "relation"]
    assert {r["to_id"] for r in relations} == {speakers[0]["id"]}
    assert len(relations) == 2


def test_the_editors_latest_annotation_wins_over_the_prediction() -> None:
    text = "قالت الوزارة إن المدارس ستفتح غدا. وأكد المتحدث أن الحوار مستمر."
    [item] = exported(tasks([("d1", text, quoteattr.extract(text))]))
    prediction = item["predictions"][0]["result"]
    assert len(parse_task(item).attributions) == 2
    corrected = copy.deepcopy(prediction)
    for region in corrected:  # the editor makes the first statement direct
        if region.get("from_name") == "kind" and region["value"]["start"] == 16:
            region["value"]["choices"] = ["direct"]
    first_content = next(r["id"] for r in prediction if r.get("value", {}).get("start") == 16)
    dropped = [r for r in prediction if first_content not in (r.get("id"), r.get("from_id"))]
    item["annotations"] = [
        {"result": dropped, "updated_at": "2026-01-01T10:00:00Z"},
        {"result": corrected, "updated_at": "2026-01-02T10:00:00Z"},
        {"result": [], "updated_at": "2026-01-03T10:00:00Z", "was_cancelled": True},
    ]
    kinds = [gold.kind.value for gold in parse_task(item).attributions]
    assert kinds == ["direct", "indirect"]
    item["annotations"] = item["annotations"][:1]
    assert [g.content.text for g in parse_task(item).attributions] == ["الحوار مستمر"]


def test_the_config_names_every_control_and_label_the_tasks_use() -> None:
    view = ElementTree.fromstring(LABEL_CONFIG)
    controls = {element.get("name") for element in view.iter() if element.get("toName")}
    labels = {element.get("value") for element in view.iter("Label")}
    relations = {element.get("value") for element in view.iter("Relation")}
    text = SEED.read_text(encoding="utf-8")
    items = task("seed", text, quoteattr.extract(text))["predictions"][0]["result"]
    used = {item["from_name"] for item in items if "from_name" in item}
    assert used <= controls
    assert {"label", "kind", "name", "speaker_kind", "note"} <= controls
    regions = [item for item in items if item["type"] == "labels"]
    assert {label for region in regions for label in region["value"]["labels"]} <= labels
    assert {label for i in items if i["type"] == "relation" for label in i["labels"]} <= relations
    assert {element.get("toName") for element in view.iter() if element.get("toName")} == {"text"}


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda r: r[0]["value"].update(text="غير"), "the text at"),
        (lambda r: r[0]["value"].update(end=10_000), "start and end must be offsets"),
        (lambda r: r.pop(1), "the content has no kind"),
        (lambda r: r[-1].update(to_id="nowhere"), "not a labelled region"),
    ],
    ids=["wrong-text", "past-the-end", "no-kind", "dangling-relation"],
)
def test_a_broken_export_names_the_task_and_region(change: Any, problem: str) -> None:
    text = "قال الوزير: «سنواصل العمل»"
    [item] = exported(tasks([("خبر", text, quoteattr.extract(text))]))
    change(item["predictions"][0]["result"])
    with pytest.raises(CorpusError, match=problem) as raised:
        parse_task(item, source="export.json")
    assert raised.value.document == "خبر"
    assert raised.value.field is not None


def test_an_export_that_is_not_a_list_of_tasks(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text('"tasks"', encoding="utf-8")
    with pytest.raises(CorpusError, match="a JSON list of tasks"):
        load_labelstudio(path)
    path.write_text("[1, 2", encoding="utf-8")
    with pytest.raises(CorpusError, match="not valid JSON"):
        load_labelstudio(path)


def run(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quoteattr", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


def test_the_command_writes_tasks_that_evaluate_reads_as_gold(tmp_path: Path) -> None:
    done = run("--format", "labelstudio", "--output", "tasks.json", str(SEED), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    [item] = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    assert item["data"]["doc_id"] == str(SEED)
    assert item["predictions"][0]["model_version"] == f"quoteattr {quoteattr.__version__}"
    # An export of the untouched project scores perfectly against quoteattr itself...
    export = tmp_path / "export.json"
    export.write_text(json.dumps(exported([item]), ensure_ascii=False), encoding="utf-8")
    scored = run("evaluate", str(export), "--json", cwd=tmp_path)
    assert scored.returncode == 0, scored.stderr
    scores = json.loads(scored.stdout)
    found = len(quoteattr.extract(SEED.read_text(encoding="utf-8")))
    assert scores["content"]["gold"] == scores["content"]["predicted"] == found
    assert scores["content_strict"]["f1"] == scores["end_to_end"]["f1"] == 1.0
    # ...and an editor's correction (one content removed) shows as a false alarm.
    [edited] = exported([item])
    regions = edited["predictions"][0]["result"]
    first = regions[0]["id"]
    edited["annotations"] = [
        {"result": [r for r in regions if first not in (r.get("id"), r.get("from_id"))]}
    ]
    export.write_text(json.dumps([edited], ensure_ascii=False), encoding="utf-8")
    scored = run("evaluate", str(export), "--json", cwd=tmp_path)
    assert scored.returncode == 0, scored.stderr
    content = json.loads(scored.stdout)["content"]
    assert (content["gold"], content["predicted"]) == (found - 1, found)
    assert content["recall"] == 1.0
    assert content["precision"] < 1.0
