"""Label Studio tasks with quoteattr's pre-annotations, and Label Studio exports read as gold.

An editor imports the tasks (``quoteattr --format labelstudio``) into a
project set up with :data:`LABEL_CONFIG`, corrects the pre-annotations, and
exports the project as JSON; :func:`load_labelstudio` reads that export into
gold :class:`~quoteattr.corpus.Document` objects that ``quoteattr evaluate``
scores against.

The mapping is the one of :mod:`quoteattr.standoff`, shared with brat:

- ``labels`` regions (``from_name`` ``label``) ``Content``, ``Cue``,
  ``Speaker``, ``Outlet`` and ``Addressee``; each ``Content`` is one
  attribution;
- per-region choices: ``kind`` on a content (``direct``, ``indirect``,
  ``mixed``), ``speaker_kind`` and ``speaker_gender`` on a speaker;
- per-region text ``name``: the cue's lemma, the speaker's canonical name,
  the outlet's canonical name; ``note`` on a content: what has no span
  (``sources: Reuters``);
- relations from a content to its parts (labelled ``cue``, ``speaker``,
  ``outlet``, ``addressee``; what a relation links is read from the other
  region's label, so its direction and labels do not matter).

Offsets are Python ``str`` indices, as Label Studio counts characters.

>>> import quoteattr
>>> text = "وقالت وزيرة الصحة ليلى حداد: «سنفتح ثلاثة مستشفيات»."
>>> [written] = tasks([("خبر-1", text, quoteattr.extract(text))])
>>> [(r["value"]["labels"][0], r["value"]["text"]) for r in written["predictions"][0]["result"]
...  if r["type"] == "labels"]
[('Content', 'سنفتح ثلاثة مستشفيات'), ('Cue', 'وقالت'), ('Speaker', 'وزيرة الصحة ليلى حداد')]
>>> [gold] = parse_task(written).attributions
>>> gold.speaker_name, gold.kind.value
('ليلى حداد', 'direct')
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

from .corpus import CorpusError, Document, GoldAttribution
from .model import Attribution, Span
from .standoff import Part, assemble, parts_of, read_note

__all__ = [
    "LABEL_CONFIG",
    "load_labelstudio",
    "parse_task",
    "result",
    "task",
    "tasks",
    "write_tasks",
]

LABEL_CONFIG = """\
<View>
  <Labels name="label" toName="text">
    <Label value="Content" background="#ffd84d"/>
    <Label value="Cue" background="#c0182a"/>
    <Label value="Speaker" background="#1747a6"/>
    <Label value="Outlet" background="#7b2cbf"/>
    <Label value="Addressee" background="#0f8a8a"/>
  </Labels>
  <Relations>
    <Relation value="cue"/>
    <Relation value="speaker"/>
    <Relation value="outlet"/>
    <Relation value="addressee"/>
  </Relations>
  <View style="direction: rtl; text-align: right">
    <Text name="text" value="$text" granularity="symbol"/>
  </View>
  <View visibleWhen="region-selected" whenLabelValue="Content">
    <Header value="Kind"/>
    <Choices name="kind" toName="text" perRegion="true" choice="single">
      <Choice value="direct"/>
      <Choice value="indirect"/>
      <Choice value="mixed"/>
    </Choices>
    <TextArea name="note" toName="text" perRegion="true" maxSubmissions="1" editable="true"
              placeholder="sources: outlets named without a span"/>
  </View>
  <View visibleWhen="region-selected" whenLabelValue="Speaker">
    <Header value="Speaker"/>
    <Choices name="speaker_kind" toName="text" perRegion="true" choice="single">
      <Choice value="person"/>
      <Choice value="organization"/>
      <Choice value="outlet"/>
      <Choice value="anonymous"/>
      <Choice value="unknown"/>
    </Choices>
    <Choices name="speaker_gender" toName="text" perRegion="true" choice="single">
      <Choice value="female"/>
      <Choice value="male"/>
    </Choices>
  </View>
  <View visibleWhen="region-selected">
    <TextArea name="name" toName="text" perRegion="true" maxSubmissions="1" editable="true"
              placeholder="canonical name: the speaker's, the outlet's, or the cue's lemma"/>
  </View>
</View>
"""
"""The labelling configuration for these tasks (Settings → Labeling Interface → Code)."""

# Label Studio's label for each standoff part type, and back.
_LABELS = {"Cue": "Cue", "Speaker": "Speaker", "Addressee": "Addressee", "Source": "Outlet"}
_TYPES = {label: type for type, label in _LABELS.items()}


class _Regions:
    """Numbers regions and shares one region between attributions with the same part."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []
        self._ids: dict[tuple[Any, ...], str] = {}

    def region(self, label: str, span: Span, key: tuple[Any, ...] = ()) -> tuple[str, bool]:
        whole = (label, span.start, span.end, *key)
        if whole in self._ids:
            return self._ids[whole], False
        region = f"{label.lower()}{len(self._ids) + 1}"
        self._ids[whole] = region
        self.add(region, "labels", "label", span, text=span.text, labels=[label])
        return region, True

    def add(self, region: str, type: str, name: str, span: Span, **value: Any) -> None:
        self.items.append(
            {
                "id": region,
                "from_name": name,
                "to_name": "text",
                "type": type,
                "value": {"start": span.start, "end": span.end, **value},
            }
        )

    def relation(self, content: str, part: str, label: str) -> None:
        self.items.append(
            {
                "type": "relation",
                "from_id": content,
                "to_id": part,
                "direction": "right",
                "labels": [label],
            }
        )


def result(attributions: Iterable[GoldAttribution]) -> list[dict[str, Any]]:
    """Return the Label Studio ``result`` list (regions and relations) of gold attributions.

    >>> from quoteattr.model import Kind
    >>> text = "قال الوزير: «نعم»"
    >>> gold = GoldAttribution(Span.of(text, 13, 16), Kind.DIRECT, speaker=Span.of(text, 4, 10))
    >>> [(item["type"], item.get("from_name")) for item in result([gold])]
    [('labels', 'label'), ('choices', 'kind'), ('labels', 'label'), ('relation', None)]
    """
    regions = _Regions()
    for gold in attributions:
        content, _ = regions.region("Content", gold.content, (len(regions.items),))
        regions.add(content, "choices", "kind", gold.content, choices=[gold.kind.value])
        parts, note = parts_of(gold)
        if note:
            regions.add(content, "textarea", "note", gold.content, text=[note])
        for part in parts:
            label = _LABELS[part.type]
            key = (part.name, part.speaker_kind, part.speaker_gender)
            region, new = regions.region(label, part.span, key)
            if new and part.name is not None:
                regions.add(region, "textarea", "name", part.span, text=[part.name])
            if new and part.speaker_kind is not None:
                regions.add(
                    region, "choices", "speaker_kind", part.span, choices=[part.speaker_kind]
                )
            if new and part.speaker_gender is not None:
                regions.add(
                    region, "choices", "speaker_gender", part.span, choices=[part.speaker_gender]
                )
            regions.relation(content, region, label.lower())
    return regions.items


def task(
    id: str, text: str, attributions: Sequence[Attribution], *, model_version: str = ""
) -> dict[str, Any]:
    """Return one Label Studio task: the text, its id, and quoteattr's output as a prediction.

    The prediction's ``score`` is the lowest confidence among the
    attributions, so sorting tasks by score puts the least sure first.

    >>> import quoteattr
    >>> text = "أكد المتحدث أن الحوار مستمر."
    >>> found = task("d1", text, quoteattr.extract(text), model_version="quoteattr")
    >>> found["data"], 0 < found["predictions"][0]["score"] <= 1
    ({'text': 'أكد المتحدث أن الحوار مستمر.', 'doc_id': 'd1'}, True)
    """
    golds = [GoldAttribution.from_attribution(a) for a in attributions]
    for gold in golds:  # spans must slice the task's text; Document checks it
        Document(id, text, [gold])
    score = min((a.confidence for a in attributions), default=1.0)
    prediction = {"model_version": model_version, "score": score, "result": result(golds)}
    return {"data": {"text": text, "doc_id": id}, "predictions": [prediction]}


def tasks(
    documents: Iterable[tuple[str, str, Sequence[Attribution]]], *, model_version: str = ""
) -> list[dict[str, Any]]:
    """Return a task (:func:`task`) for each ``(id, text, attributions)``, ready to import.

    >>> tasks([("d1", "لا شيء هنا", [])])[0]["predictions"][0]["result"]
    []
    """
    return [task(id, text, found, model_version=model_version) for id, text, found in documents]


def _chosen(task: Mapping[str, Any]) -> tuple[str, list[Any]]:
    """The result to read: the latest annotation not cancelled, else the first prediction."""
    annotations = [
        a
        for a in task.get("annotations") or []
        if isinstance(a, Mapping) and not a.get("was_cancelled")
    ]
    if annotations:
        latest = max(
            annotations, key=lambda a: str(a.get("updated_at") or a.get("created_at") or "")
        )
        return "annotations", list(latest.get("result") or [])
    predictions = [p for p in task.get("predictions") or [] if isinstance(p, Mapping)]
    if predictions:
        return "predictions", list(predictions[0].get("result") or [])
    return "none", []


def parse_task(task: Mapping[str, Any], *, source: str = "<task>") -> Document:
    """Read one exported Label Studio task into a gold document.

    The document id is ``data.doc_id`` (as :func:`task` writes it), else
    ``data.id``, else the task's own ``id``. Problems raise a
    :class:`~quoteattr.corpus.CorpusError` naming the task and region.

    >>> parse_task({"id": 7, "data": {"text": "قال: نعم"}, "annotations": [{"result": [
    ...     {"id": "c1", "from_name": "label", "to_name": "text", "type": "labels",
    ...      "value": {"start": 5, "end": 8, "text": "نعم", "labels": ["Content"]}}]}]})
    Traceback (most recent call last):
    ...
    quoteattr.corpus.CorpusError: <task>: document '7': c1: the content has no kind: ...
    """
    if not isinstance(task, Mapping) or not isinstance(task.get("data"), Mapping):
        raise CorpusError("a Label Studio task is an object with a 'data' object", source=source)
    data = task["data"]
    id = str(data.get("doc_id") or data.get("id") or task.get("id") or "")
    text = data.get("text")
    if not id or not isinstance(text, str):
        raise CorpusError("the task needs an id and a 'text' string in 'data'", source=source)
    _, items = _chosen(task)

    def fail(region: str | None, problem: str) -> CorpusError:
        return CorpusError(problem, source=source, document=id, field=region)

    labels: dict[str, tuple[str, Span]] = {}
    extras: dict[str, dict[str, str]] = defaultdict(dict)
    links: dict[str, list[str]] = defaultdict(list)
    relations: list[tuple[str, str]] = []
    for item in items:
        if not isinstance(item, Mapping):
            raise fail(None, f"a result item must be an object, not {item!r}")
        if item.get("type") == "relation":
            relations.append((str(item.get("from_id")), str(item.get("to_id"))))
            continue
        region, value = str(item.get("id")), item.get("value") or {}
        if item.get("type") == "labels":
            label = (value.get("labels") or [""])[0]
            labels[region] = (label, _read_span(text, value, partial(fail, region)))
        elif item.get("type") == "choices" and value.get("choices"):
            extras[region][str(item.get("from_name"))] = str(value["choices"][0])
        elif item.get("type") == "textarea" and value.get("text"):
            extras[region][str(item.get("from_name"))] = str(value["text"][0]).strip()
    for first, second in relations:
        ends = [labels.get(first, ("", None))[0], labels.get(second, ("", None))[0]]
        if "Content" in ends:
            content, part = (first, second) if ends[0] == "Content" else (second, first)
            if part not in labels:
                raise fail(content, f"a relation points at {part}, which is not a labelled region")
            links[content].append(part)
    attributions = []
    for region, (label, span) in labels.items():
        if label != "Content":
            continue
        parts = [
            Part(
                _TYPES[labels[part][0]],
                labels[part][1],
                name=extras[part].get("name"),
                speaker_kind=extras[part].get("speaker_kind"),
                speaker_gender=extras[part].get("speaker_gender"),
                ref=part,
            )
            for part in dict.fromkeys(links[region])
            if labels[part][0] in _TYPES
        ]
        note = read_note([extras[region]["note"]] if "note" in extras[region] else [])
        attributions.append(
            assemble(span, extras[region].get("kind"), parts, note, partial(fail, region))
        )
    attributions.sort(key=lambda gold: (gold.content.start, gold.content.end))
    return Document(id, text, attributions)


def _read_span(text: str, value: Mapping[str, Any], fail: Any) -> Span:
    start, end = value.get("start"), value.get("end")
    if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end <= len(text):
        raise fail(f"start and end must be offsets inside the text, not {start!r} and {end!r}")
    shown = value.get("text")
    if isinstance(shown, str) and shown != text[start:end]:
        raise fail(f"the text at {start}:{end} is {text[start:end]!r}, not {shown!r}")
    return Span.of(text, start, end)


def load_labelstudio(path: str | os.PathLike[str]) -> list[Document]:
    """Read a Label Studio JSON export (a list of tasks) into gold documents, in export order.

    Each task gives the annotation a person last updated, or, for a task
    nobody annotated, quoteattr's prediction.

    >>> import tempfile, pathlib, quoteattr
    >>> text = "أكد المتحدث أن الحوار مستمر."
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "export.json"
    >>> _ = path.write_text(json.dumps(tasks([("d1", text, quoteattr.extract(text))])))
    >>> [(doc.id, doc.attributions[0].content.text) for doc in load_labelstudio(path)]
    [('d1', 'الحوار مستمر')]
    """
    path = Path(path)
    try:
        loaded = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as error:
        raise CorpusError(
            f"not valid JSON ({error.msg} at line {error.lineno})", source=str(path)
        ) from None
    exported = [loaded] if isinstance(loaded, Mapping) else loaded
    if not isinstance(exported, list):
        raise CorpusError("a Label Studio export is a JSON list of tasks", source=str(path))
    documents = [parse_task(item, source=f"{path}[{n}]") for n, item in enumerate(exported)]
    seen: set[str] = set()
    for document in documents:
        if document.id in seen:
            raise CorpusError(
                "id used by two tasks; ids must be unique", source=str(path), document=document.id
            )
        seen.add(document.id)
    return documents


def write_tasks(results: Iterable[Any], stream: Any, *, model_version: str = "") -> None:
    """Write a JSON list of tasks, one per document that was read, as ``quoteattr`` does.

    ``results`` are :class:`~quoteattr.batch.DocumentResult` objects; the
    failed ones are left out (the command reports them).

    >>> import io
    >>> from quoteattr.batch import DocumentResult
    >>> out = io.StringIO()
    >>> write_tasks([DocumentResult("d1", "لا شيء"), DocumentResult("d2", None, error="x")], out)
    >>> [t["data"]["doc_id"] for t in json.loads(out.getvalue())]
    ['d1']
    """
    stream.write("[")
    first = True
    for found in results:
        if found.text is None or found.failed:
            continue
        one = task(str(found.id), found.text, found.attributions, model_version=model_version)
        stream.write(("\n" if first else ",\n") + json.dumps(one, ensure_ascii=False))
        first = False
    stream.write("\n]\n")
