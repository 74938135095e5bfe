"""Brat standoff annotations (``.txt`` + ``.ann``) read into and written from gold documents.

The mapping, one line type at a time:

- ``T`` entities ``Content``, ``Cue``, ``Speaker``, ``Addressee`` and
  ``Source`` (an outlet mention) mark the spans. Each ``Content`` is one
  attribution.
- ``A`` attributes: ``Kind`` on every ``Content`` (``direct``, ``indirect``
  or ``mixed``), optional ``SpeakerKind`` on a ``Speaker`` (``person``,
  ``organization``, ``outlet``, ``anonymous``, ``unknown``) and optional
  ``SpeakerGender`` (``female``, ``male``: one human speaker's gender).
- ``R`` relations join a ``Content`` to its other parts. What a relation
  links is read from the other entity's type, so any relation name works;
  quoteattr writes ``HasCue``, ``HasSpeaker``, ``HasAddressee`` and
  ``HasSource`` with the ``Content`` as ``Arg1``.
- ``E`` events are read too: the trigger is the cue, the ``Content`` role
  (or ``Content2``...) names the attributions, the ``Speaker``,
  ``Addressee`` and ``Source`` roles (or ``Source2``...) the rest. ``Kind``
  may sit on the event instead of the ``Content``.
- ``#`` ``AnnotatorNotes`` give a ``Speaker`` its canonical name, a ``Cue``
  its lemma and a ``Source`` its canonical outlet name (without a note, the
  mention text). On a ``Content``, a note of ``key: value`` pairs separated
  by ``;`` records what has no span to hang on: ``sources: Reuters, AFP``,
  ``speaker_name: ...``, ``speaker_kind: ...``, ``speaker_gender: ...``,
  ``cue_lemma: ...``; other
  note text is a comment and is ignored.

Other entity, relation and attribute types are ignored, so a file can carry
other annotation layers. Brat splits a span at line breaks: fragments that
only whitespace separates are joined back into one span; any other
discontinuous span is an error. The document id is the file name without
its suffix. Offsets count every character of the ``.txt``, ``"\\r"``
included, as brat does.

>>> text = "قال الوزير: «سنواصل العمل»"
>>> ann = '''T1\\tContent 13 25\\tسنواصل العمل
... A1\\tKind T1 direct
... T2\\tSpeaker 4 10\\tالوزير
... R1\\tHasSpeaker Arg1:T1 Arg2:T2'''
>>> [gold] = parse_ann("d1", text, ann).attributions
>>> gold.content.text, gold.speaker.text, gold.kind.value
('سنواصل العمل', 'الوزير', 'direct')
"""

from __future__ import annotations

import itertools
import os
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from attrs import define, frozen

from .corpus import CorpusError, Document, GoldAttribution
from .model import Span
from .standoff import PART_TYPES, Part, assemble, parts_of, read_note

__all__ = ["dump_brat", "format_ann", "load_brat", "load_brat_folder", "parse_ann"]

_PARTS = PART_TYPES
_RELATION_NAMES = {part: f"Has{part}" for part in _PARTS}


class _SpanError(ValueError):
    """An entity's offsets that do not fit the text; the message says how."""


@frozen
class _Entity:
    type: str
    span: Span
    line: int


@define
class _Annotations:
    """Everything read from one ``.ann`` file, indexed by annotation id."""

    entities: dict[str, _Entity]
    attributes: dict[str, dict[str, str]]
    notes: dict[str, list[str]]
    links: dict[str, list[tuple[str, str]]]  # Content id -> (part entity id, role)
    event_kinds: dict[str, str]  # Content id -> Kind value set on its event


def parse_ann(id: str, text: str, ann: str, *, source: str = "<ann>") -> Document:
    """Build a gold document from a text and its brat annotations.

    ``source`` names the ``.ann`` in error messages.

    >>> parse_ann("d1", "قال: نعم", "T1\\tContent 5 8\\tنعم", source="d1.ann")
    Traceback (most recent call last):
    ...
    quoteattr.corpus.CorpusError: d1.ann:1: document 'd1': T1: Content has no Kind attribute; ...
    """
    annotations = _read_annotations(id, text, ann, source)
    attributions = [
        _attribution(id, name, entity, annotations, source)
        for name, entity in annotations.entities.items()
        if entity.type == "Content"
    ]
    attributions.sort(key=lambda gold: (gold.content.start, gold.content.end))
    return Document(id, text, tuple(attributions))


def load_brat(path: str | os.PathLike[str]) -> Document:
    """Read one brat document; ``path`` may name the ``.txt``, the ``.ann`` or neither suffix.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "d1.txt").write_text("أكد الوزير أن الحوار مستمر", encoding="utf-8")
    >>> ann = "T1\\tContent 14 26\\tالحوار مستمر\\nA1\\tKind T1 indirect\\n"
    >>> _ = (folder / "d1.ann").write_text(ann, encoding="utf-8")
    >>> load_brat(folder / "d1.ann").attributions[0].content.text
    'الحوار مستمر'
    """
    path = Path(path)
    stem = path.with_suffix("") if path.suffix in (".txt", ".ann") else path
    text_path, ann_path = stem.with_name(stem.name + ".txt"), stem.with_name(stem.name + ".ann")
    for needed in (text_path, ann_path):
        if not needed.is_file():
            raise CorpusError(
                "file not found; brat needs both a .txt and a .ann file",
                source=str(needed),
                document=stem.name,
            )
    with text_path.open(encoding="utf-8", newline="") as file:
        text = file.read()
    with ann_path.open(encoding="utf-8", newline="") as file:
        ann = file.read()
    return parse_ann(stem.name, text, ann, source=str(ann_path))


def load_brat_folder(folder: str | os.PathLike[str]) -> list[Document]:
    """Read every ``.ann`` file in ``folder`` with its ``.txt``, sorted by name.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> text = "قال الوزير: «نعم»"
    >>> from quoteattr.model import Kind
    >>> _ = dump_brat(Document("خبر", text, [GoldAttribution(Span.of(text, 13, 16), Kind.DIRECT)]),
    ...               folder)
    >>> [(doc.id, doc.attributions[0].content.text) for doc in load_brat_folder(folder)]
    [('خبر', 'نعم')]
    >>> load_brat_folder(tempfile.mkdtemp())
    []
    """
    return [load_brat(path) for path in sorted(Path(folder).glob("*.ann"))]


def format_ann(document: Document) -> str:
    """Return a document's attributions as the text of a brat ``.ann`` file.

    >>> text = "قال الوزير: «سنواصل العمل»"
    >>> from quoteattr.model import Kind
    >>> gold = GoldAttribution(Span.of(text, 13, 25), Kind.DIRECT, speaker=Span.of(text, 4, 10),
    ...                        speaker_name="الوزير")
    >>> for line in format_ann(Document("d1", text, [gold])).splitlines():
    ...     print(line.split("\\t"))
    ['T1', 'Content 13 25', 'سنواصل العمل']
    ['A1', 'Kind T1 direct']
    ['T2', 'Speaker 4 10', 'الوزير']
    ['#1', 'AnnotatorNotes T2', 'الوزير']
    ['R1', 'HasSpeaker Arg1:T1 Arg2:T2']
    """
    writer = _AnnWriter()
    for gold in document.attributions:
        content = writer.entity("Content", gold.content, unique=True)
        writer.attribute("Kind", content, gold.kind.value)
        parts, content_note = parts_of(gold)
        for part in parts:
            entity = writer.entity(
                part.type,
                part.span,
                note=part.name,
                kind=part.speaker_kind,
                gender=part.speaker_gender,
            )
            writer.relation(_RELATION_NAMES[part.type], content, entity)
        if content_note:
            writer.note(content, content_note)
    return "".join(line + "\n" for line in writer.lines)


def dump_brat(document: Document, folder: str | os.PathLike[str]) -> tuple[Path, Path]:
    """Write ``<id>.txt`` and ``<id>.ann`` into ``folder`` and return their paths.

    The text is written byte for byte, so brat's offsets stay right.

    >>> import tempfile
    >>> text_path, ann_path = dump_brat(Document("d1", "لا شيء"), tempfile.mkdtemp())
    >>> text_path.name, ann_path.read_text()
    ('d1.txt', '')
    """
    if not document.id or "/" in document.id or "\\" in document.id or document.id in (".", ".."):
        raise ValueError(
            f"document id {document.id!r} cannot be a file name; give the document a plain id"
        )
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    text_path, ann_path = folder / f"{document.id}.txt", folder / f"{document.id}.ann"
    with text_path.open("w", encoding="utf-8", newline="") as file:
        file.write(document.text)
    with ann_path.open("w", encoding="utf-8", newline="") as file:
        file.write(format_ann(document))
    return text_path, ann_path


class _AnnWriter:
    """Numbers annotations and shares identical part entities between attributions."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._entities: dict[tuple[str, int, int, str | None, str | None, str | None], str] = {}
        self._counts: dict[str, int] = defaultdict(int)

    def _next(self, prefix: str) -> str:
        self._counts[prefix] += 1
        return f"{prefix}{self._counts[prefix]}"

    def entity(
        self,
        type: str,
        span: Span,
        *,
        note: str | None = None,
        kind: str | None = None,
        gender: str | None = None,
        unique: bool = False,
    ) -> str:
        key = (type, span.start, span.end, note, kind, gender)
        if not unique and key in self._entities:
            return self._entities[key]
        name = self._next("T")
        self._entities[key] = name
        fragments = _fragments(span)
        offsets = ";".join(f"{start} {end}" for start, end, _ in fragments)
        shown = " ".join(piece for _, _, piece in fragments)
        self.lines.append(f"{name}\t{type} {offsets}\t{shown}")
        if kind is not None:
            self.attribute("SpeakerKind", name, kind)
        if gender is not None:
            self.attribute("SpeakerGender", name, gender)
        if note is not None:
            self.note(name, note)
        return name

    def attribute(self, type: str, target: str, value: str) -> None:
        self.lines.append(f"{self._next('A')}\t{type} {target} {value}")

    def note(self, target: str, text: str) -> None:
        flat = " ".join(text.split())  # a note is one line
        self.lines.append(f"{self._next('#')}\tAnnotatorNotes {target}\t{flat}")

    def relation(self, type: str, first: str, second: str) -> None:
        self.lines.append(f"{self._next('R')}\t{type} Arg1:{first} Arg2:{second}")


def _fragments(span: Span) -> list[tuple[int, int, str]]:
    """Split a span at line breaks, as brat shows multi-line spans."""
    pieces = [
        (span.start + match.start(), span.start + match.end(), match.group())
        for match in re.finditer(r"[^\r\n]+", span.text)
    ]
    return pieces or [(span.start, span.end, span.text)]


def _lines(ann: str) -> Iterator[tuple[int, list[str]]]:
    # Split on "\n" only: an entity's text may hold other Unicode line separators.
    for number, line in enumerate(ann.split("\n"), start=1):
        line = line.rstrip("\r")
        if line.strip():
            yield number, line.split("\t", 2)


def _read_annotations(id: str, text: str, ann: str, source: str) -> _Annotations:
    found = _Annotations({}, defaultdict(dict), defaultdict(list), defaultdict(list), {})
    relations: list[tuple[int, str, str]] = []
    events: list[tuple[int, str, list[tuple[str, str]]]] = []

    def fail(number: int, problem: str, field: str | None = None) -> CorpusError:
        return CorpusError(problem, source=source, line=number, document=id, field=field)

    for number, fields in _lines(ann):
        name = fields[0]
        words = fields[1].split() if len(fields) > 1 else []
        try:
            if name.startswith("T"):
                type, offsets = words[0], " ".join(words[1:])
                span = _read_span(text, offsets, fields[2] if len(fields) > 2 else "")
                found.entities[name] = _Entity(type, span, number)
            elif name.startswith(("A", "M")):
                type, target = words[0], words[1]
                found.attributes[target][type] = words[2] if len(words) > 2 else "true"
            elif name.startswith("#"):
                found.notes[words[1]].append(fields[2] if len(fields) > 2 else "")
            elif name.startswith("R"):
                relation = dict(_role(word) for word in words[1:])
                relations.append((number, relation["Arg1"], relation["Arg2"]))
            elif name.startswith("E"):
                events.append((number, name, [_role(word) for word in words]))
        except (IndexError, KeyError, ValueError) as error:
            problem = error.args[0] if isinstance(error, _SpanError) else "malformed line"
            shown = "\t".join(fields)
            raise fail(number, f"{problem}: {shown!r}", name) from None

    def entity_type(name: str) -> str | None:
        entity = found.entities.get(name)
        return None if entity is None else entity.type

    for number, first, second in relations:
        types = (entity_type(first), entity_type(second))
        if "Content" not in types:
            continue
        content, part = (first, second) if types[0] == "Content" else (second, first)
        part_type = entity_type(part)
        if part_type in _PARTS:
            found.links[content].append((part, part_type))
        elif part_type is None:
            raise fail(number, f"relation points at {part}, which is not an entity in this file")
    for number, event, roles in events:
        (_, trigger), arguments = roles[0], roles[1:]
        if trigger not in found.entities:
            raise fail(number, f"event trigger {trigger} is not an entity in this file", event)
        contents = [target for role, target in arguments if role.rstrip("0123456789") == "Content"]
        for content in contents:
            found.links[content].append((trigger, "Cue"))
            for role, target in arguments:
                part = role.rstrip("0123456789")
                if part in _PARTS:
                    found.links[content].append((target, part))
            if "Kind" in found.attributes.get(event, {}):
                found.event_kinds[content] = found.attributes[event]["Kind"]
    return found


def _role(word: str) -> tuple[str, str]:
    """Split a relation or event argument such as ``Arg1:T3`` into role and target."""
    role, colon, target = word.partition(":")
    if not colon or not target:
        raise ValueError(word)
    return role, target


def _read_span(text: str, offsets: str, shown: str) -> Span:
    try:
        fragments = sorted(
            (int(start), int(end)) for start, end in (piece.split() for piece in offsets.split(";"))
        )
    except ValueError:
        raise _SpanError("offsets must be 'start end' pairs separated by ';'") from None
    for start, end in fragments:
        if not 0 <= start <= end <= len(text):
            raise _SpanError(
                f"offsets {start} {end} fall outside the text ({len(text)} characters)"
            )
    for (_, end), (start, _) in itertools.pairwise(fragments):
        if text[end:start].strip():
            raise _SpanError("discontinuous spans are supported only across whitespace")
    expected = " ".join(text[start:end] for start, end in fragments)
    if shown != expected:
        raise _SpanError(f"the text at these offsets is {expected!r}, not {shown!r}")
    return Span.of(text, fragments[0][0], fragments[-1][1])


def _attribution(
    id: str, name: str, content: _Entity, found: _Annotations, source: str
) -> GoldAttribution:
    def fail(problem: str) -> CorpusError:
        return CorpusError(problem, source=source, line=content.line, document=id, field=name)

    kind = found.attributes.get(name, {}).get("Kind") or found.event_kinds.get(name)
    if kind is None:
        raise fail(
            f'Content has no Kind attribute; add a line "A<n>\\tKind {name} direct" '
            "(or indirect, mixed)"
        )
    parts = []
    for entity_id, type in dict.fromkeys(found.links.get(name, [])):
        notes = found.notes.get(entity_id)
        attributes = found.attributes.get(entity_id, {})
        parts.append(
            Part(
                type,
                found.entities[entity_id].span,
                name=notes[0].strip() if notes else None,
                speaker_kind=attributes.get("SpeakerKind") if type == "Speaker" else None,
                speaker_gender=attributes.get("SpeakerGender") if type == "Speaker" else None,
                ref=entity_id,
            )
        )
    return assemble(content.span, kind, parts, read_note(found.notes.get(name, [])), fail)
