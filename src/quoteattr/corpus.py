"""Gold corpora: typed documents with their attributions, read from and written to JSON Lines.

A gold file holds one JSON object a line::

    {"id": "synthetic-001", "text": "...", "attributions": [...], "note": "optional"}

and each attribution is::

    {"content": [start, end], "kind": "direct" | "indirect" | "mixed",
     "cue": [start, end] | null, "cue_lemma": str | null,
     "speaker": [start, end] | null, "speaker_name": str | null,
     "speaker_kind": "person" | "organization" | "outlet" | "anonymous" | "unknown" | null,
     "speaker_gender": "female" | "male" | null,
     "addressee": [start, end] | null, "sources": ["Reuters", ...]}

Offsets are Python ``str`` indices into ``text``. Keys other than ``id``,
``text`` and ``attributions`` are kept in :attr:`Document.meta`; an
attribution accepts only the keys above. :func:`schema` returns the JSON
Schema shipped with the package; :func:`load` checks more than the schema
can (every span must lie inside its text) and names the file, line,
document and field of each problem.

>>> [document] = loads(
...     '{"id": "d1", "text": "قال: نعم", "attributions": [{"content": [5, 8], "kind": "direct"}]}'
... )
>>> document.attributions[0].content.text
'نعم'
>>> document.attributions[0].sources
()
"""

from __future__ import annotations

import enum
import json
import os
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from attrs import field, frozen

from .model import Attribution, Gender, Kind, Span, SpeakerKind

__all__ = [
    "CorpusError",
    "Document",
    "GoldAttribution",
    "builtin",
    "builtin_names",
    "dump",
    "dumps",
    "load",
    "load_labelstudio",
    "loads",
    "schema",
]

_SPAN_FIELDS = ("content", "cue", "speaker", "addressee")
_ATTRIBUTION_KEYS = frozenset(
    {
        *_SPAN_FIELDS,
        *("kind", "cue_lemma", "speaker_name", "speaker_kind", "speaker_gender", "sources"),
    }
)
_DOCUMENT_KEYS = ("id", "text", "attributions")

E = TypeVar("E", bound=enum.Enum)


class CorpusError(ValueError):
    """A gold file that does not follow the format; the message says where and what to fix.

    >>> line = '{"id": "خبر-1", "text": "قال: نعم", "attributions": [{"content": [5, 80]}]}'
    >>> try:
    ...     loads(line, source="gold.jsonl")
    ... except CorpusError as error:
    ...     print(error.line, error.document, error.field)
    ...     print(error.problem)
    1 خبر-1 attributions[0].content
    end 80 is past the end of the text (8 characters)
    >>> str(CorpusError("offset past the end", source="gold.jsonl", line=3, document="d1",
    ...                 field="attributions[0].content"))
    "gold.jsonl:3: document 'd1': attributions[0].content: offset past the end"
    """

    def __init__(
        self,
        problem: str,
        *,
        source: str | None = None,
        line: int | None = None,
        document: str | None = None,
        field: str | None = None,
    ) -> None:
        self.problem = problem
        self.source = source
        self.line = line
        self.document = document
        self.field = field
        super().__init__(self._message())

    def _message(self) -> str:
        where = []
        if self.source is not None:
            where.append(self.source if self.line is None else f"{self.source}:{self.line}")
        if self.document is not None:
            where.append(f"document {self.document!r}")
        if self.field is not None:
            where.append(self.field)
        return ": ".join([*where, self.problem])


def _check_source_spans(
    instance: GoldAttribution, attribute: Any, value: tuple[Span | None, ...]
) -> None:
    if value and len(value) != len(instance.sources):
        raise ValueError(
            f"GoldAttribution.source_spans has {len(value)} entries for "
            f"{len(instance.sources)} sources: give one span (or None) per source, or none at all"
        )


# Typed converters: attrs' mypy plugin cannot infer a type from a bare ``tuple``.
def _names(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _optional_spans(values: Iterable[Span | None]) -> tuple[Span | None, ...]:
    return tuple(values)


def _attributions(values: Iterable[GoldAttribution]) -> tuple[GoldAttribution, ...]:
    return tuple(values)


@frozen
class GoldAttribution:
    """One annotated attribution: its spans, as a gold file records them.

    ``sources`` are canonical outlet names. ``source_spans`` optionally says
    where each of them is mentioned (one entry per source, ``None`` when
    unknown); the JSON format keeps names only, so it is ignored by ``==``.
    ``speaker_gender`` is the gender of one human speaker, ``None`` when the
    speaker is not one human or the gold file does not say.

    >>> text = "قالت الوزيرة: «سنواصل العمل»"
    >>> gold = GoldAttribution(Span.of(text, 15, 27), Kind.DIRECT, speaker=Span.of(text, 5, 12))
    >>> gold.content.text, gold.speaker.text
    ('سنواصل العمل', 'الوزيرة')
    """

    content: Span
    kind: Kind
    cue: Span | None = None
    cue_lemma: str | None = None
    speaker: Span | None = None
    speaker_name: str | None = None
    speaker_kind: SpeakerKind | None = None
    addressee: Span | None = None
    sources: tuple[str, ...] = field(default=(), converter=_names)
    source_spans: tuple[Span | None, ...] = field(
        default=(), converter=_optional_spans, eq=False, validator=_check_source_spans
    )
    speaker_gender: Gender | None = None

    def spans(self) -> tuple[Span, ...]:
        """Return every span this attribution holds, content first.

        >>> text = "بحسب رويترز، فإن المحادثات مستمرة"
        >>> gold = GoldAttribution(Span.of(text, 17, 33), Kind.INDIRECT, cue=Span.of(text, 0, 4))
        >>> [span.text for span in gold.spans()]
        ['المحادثات مستمرة', 'بحسب']
        """
        found = [self.content, self.cue, self.speaker, self.addressee, *self.source_spans]
        return tuple(span for span in found if span is not None)

    @classmethod
    def from_attribution(cls, attribution: Attribution) -> GoldAttribution:
        """Record what an extractor found, in the gold format's terms.

        >>> from quoteattr.model import Cue, Speaker
        >>> text = "وقال الوزير: «سنواصل العمل»"
        >>> found = Attribution(
        ...     Span.of(text, 14, 26), Kind.DIRECT, Cue(Span.of(text, 0, 4), "قال"),
        ...     Speaker(Span.of(text, 5, 11), "الوزير", SpeakerKind.PERSON))
        >>> gold = GoldAttribution.from_attribution(found)
        >>> gold.cue_lemma, gold.speaker_name, gold.speaker_kind.value
        ('قال', 'الوزير', 'person')
        """
        cue, speaker = attribution.cue, attribution.speaker
        return cls(
            content=attribution.content,
            kind=attribution.kind,
            cue=None if cue is None else cue.span,
            cue_lemma=None if cue is None else cue.lemma,
            speaker=None if speaker is None else speaker.span,
            speaker_name=None if speaker is None else speaker.name,
            speaker_kind=None if speaker is None else speaker.kind,
            speaker_gender=None if speaker is None else speaker.gender,
            addressee=attribution.addressee,
            sources=tuple(source.name for source in attribution.sources),
            source_spans=tuple(source.span for source in attribution.sources),
        )

    def to_json(self) -> dict[str, Any]:
        """Return the attribution as a gold-format JSON object.

        >>> text = "قال: نعم"
        >>> GoldAttribution(Span.of(text, 5, 8), Kind.DIRECT).to_json()["content"]
        [5, 8]
        """

        def pair(span: Span | None) -> list[int] | None:
            return None if span is None else [span.start, span.end]

        return {
            "content": pair(self.content),
            "kind": self.kind.value,
            "cue": pair(self.cue),
            "cue_lemma": self.cue_lemma,
            "speaker": pair(self.speaker),
            "speaker_name": self.speaker_name,
            "speaker_kind": None if self.speaker_kind is None else self.speaker_kind.value,
            "speaker_gender": None if self.speaker_gender is None else self.speaker_gender.value,
            "addressee": pair(self.addressee),
            "sources": list(self.sources),
        }

    @classmethod
    def from_json(cls, data: Any, text: str, *, where: str = "attribution") -> GoldAttribution:
        """Read a gold-format JSON object, checking each span against ``text``.

        ``where`` names the attribution in error messages; :func:`load` adds
        the file, line and document.

        >>> GoldAttribution.from_json({"content": [5, 8], "kind": "direct"}, "قال: نعم").kind
        <Kind.DIRECT: 'direct'>
        >>> GoldAttribution.from_json({"content": [5, 80], "kind": "direct"}, "قال: نعم")
        Traceback (most recent call last):
        ...
        quoteattr.corpus.CorpusError: attribution.content: end 80 is past the end of the text ...
        """
        if not isinstance(data, Mapping):
            raise CorpusError(f"expected a JSON object, got {_json_type(data)}", field=where)
        unknown = sorted(set(data) - _ATTRIBUTION_KEYS)
        if unknown:
            raise CorpusError(
                f"unknown key {unknown[0]!r}; an attribution has only "
                + ", ".join(sorted(_ATTRIBUTION_KEYS)),
                field=where,
            )
        if data.get("content") is None:
            raise CorpusError("content is required: give its [start, end]", field=where)
        spans = {name: _read_span(data.get(name), text, f"{where}.{name}") for name in _SPAN_FIELDS}
        content = spans["content"]
        assert content is not None  # checked above; keeps mypy informed
        return cls(
            content=content,
            kind=_read_enum(Kind, data.get("kind"), f"{where}.kind"),
            cue=spans["cue"],
            cue_lemma=_read_string(data.get("cue_lemma"), f"{where}.cue_lemma"),
            speaker=spans["speaker"],
            speaker_name=_read_string(data.get("speaker_name"), f"{where}.speaker_name"),
            speaker_kind=(
                None
                if data.get("speaker_kind") is None
                else _read_enum(SpeakerKind, data["speaker_kind"], f"{where}.speaker_kind")
            ),
            addressee=spans["addressee"],
            sources=_read_sources(data.get("sources", []), f"{where}.sources"),
            speaker_gender=(
                None
                if data.get("speaker_gender") is None
                else _read_enum(Gender, data["speaker_gender"], f"{where}.speaker_gender")
            ),
        )


def _check_spans_fit(
    instance: Document, attribute: Any, value: tuple[GoldAttribution, ...]
) -> None:
    for number, attribution in enumerate(value):
        for span in attribution.spans():
            if span.end > len(instance.text) or instance.text[span.start : span.end] != span.text:
                raise ValueError(
                    f"Document {instance.id!r}: attribution {number} has span "
                    f"{span.start}:{span.end} {span.text!r} that is not a slice of the text; "
                    "build spans with Span.of(text, start, end)"
                )


@frozen
class Document:
    """A text and the attributions in it, with any extra document-level keys in ``meta``.

    >>> text = "أكد الوزير أن المحادثات مستمرة"
    >>> doc = Document("d1", text, [GoldAttribution(Span.of(text, 14, 30), Kind.INDIRECT)])
    >>> doc.attributions[0].content.text
    'المحادثات مستمرة'
    """

    id: str
    text: str
    attributions: tuple[GoldAttribution, ...] = field(
        default=(), converter=_attributions, validator=_check_spans_fit
    )
    meta: Mapping[str, Any] = field(factory=dict, hash=False)

    @classmethod
    def from_predictions(cls, id: str, text: str, attributions: Iterable[Attribution]) -> Document:
        """Wrap an extractor's output for ``text`` as a document, ready to score or save.

        >>> text = "قال: نعم"
        >>> found = [Attribution(Span.of(text, 5, 8), Kind.DIRECT)]
        >>> doc = Document.from_predictions("d1", text, found)
        >>> doc.attributions[0].kind
        <Kind.DIRECT: 'direct'>
        """
        return cls(id, text, [GoldAttribution.from_attribution(a) for a in attributions])

    def to_json(self) -> dict[str, Any]:
        """Return the document as one gold-format JSON object, ``meta`` keys last.

        >>> Document("d1", "لا شيء هنا", meta={"note": "negative"}).to_json()
        {'id': 'd1', 'text': 'لا شيء هنا', 'attributions': [], 'note': 'negative'}
        """
        data: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "attributions": [a.to_json() for a in self.attributions],
        }
        data.update((key, value) for key, value in self.meta.items() if key not in data)
        return data

    @classmethod
    def from_json(cls, data: Any) -> Document:
        """Read one gold-format JSON object, checking every span against the text.

        >>> Document.from_json({"id": "d1", "text": "نعم", "attributions": [], "note": "x"}).meta
        {'note': 'x'}
        """
        if not isinstance(data, Mapping):
            raise CorpusError(f"expected a JSON object, got {_json_type(data)}")
        identifier = data.get("id")
        if not isinstance(identifier, str) or not identifier:
            raise CorpusError("id must be a non-empty string", field="id")
        text = data.get("text")
        if not isinstance(text, str):
            raise CorpusError(
                f"text must be a string, got {_json_type(text)}", document=identifier, field="text"
            )
        attributions = data.get("attributions")
        if not isinstance(attributions, list):
            raise CorpusError(
                f"attributions must be a list, got {_json_type(attributions)}",
                document=identifier,
                field="attributions",
            )
        read = []
        for number, item in enumerate(attributions):
            try:
                read.append(GoldAttribution.from_json(item, text, where=f"attributions[{number}]"))
            except CorpusError as error:
                raise CorpusError(error.problem, document=identifier, field=error.field) from None
        meta = {key: value for key, value in data.items() if key not in _DOCUMENT_KEYS}
        return cls(identifier, text, read, meta)


def loads(lines: str | Iterable[str], *, source: str = "<string>") -> list[Document]:
    """Read gold documents from JSON Lines text; blank lines are skipped.

    ``source`` names the input in error messages.

    >>> loads('{"id": "d1", "text": "نعم", "attributions": []}')[0].id
    'd1'
    >>> loads('{"id": "d1", "text": "نعم", "attributions": [{"kind": "direct"}]}', source="x.jsonl")
    Traceback (most recent call last):
    ...
    quoteattr.corpus.CorpusError: x.jsonl:1: document 'd1': attributions[0]: content is required...
    """
    if isinstance(lines, str):
        lines = lines.splitlines()
    documents: list[Document] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise CorpusError(
                f"not valid JSON ({error.msg} at column {error.colno})", source=source, line=number
            ) from None
        try:
            document = Document.from_json(data)
        except CorpusError as error:
            raise CorpusError(
                error.problem,
                source=source,
                line=number,
                document=error.document,
                field=error.field,
            ) from None
        if document.id in first_line:
            raise CorpusError(
                f"id already used on line {first_line[document.id]}; ids must be unique in a file",
                source=source,
                line=number,
                document=document.id,
                field="id",
            )
        first_line[document.id] = number
        documents.append(document)
    return documents


def load(path: str | os.PathLike[str]) -> list[Document]:
    """Read a gold JSON Lines file into documents, naming the file and line of any problem.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "gold.jsonl").write_text('{"id": "d1", "text": "نعم", "attributions": []}\\n')
    >>> [doc.id for doc in load(folder / "gold.jsonl")]
    ['d1']
    """
    path = Path(path)
    with path.open(encoding="utf-8-sig") as lines:  # a byte order mark is not JSON
        return loads(lines, source=str(path))


def load_labelstudio(path: str | os.PathLike[str]) -> list[Document]:
    """Read a Label Studio JSON export into gold documents (see :mod:`quoteattr.labelstudio`).

    Each task gives its latest annotation, or quoteattr's prediction when
    nobody annotated it.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "export.json"
    >>> _ = path.write_text('[{"id": 3, "data": {"text": "نعم"}, "annotations": []}]')
    >>> [(doc.id, doc.attributions) for doc in load_labelstudio(path)]
    [('3', ())]
    """
    from .labelstudio import load_labelstudio as load_export

    return load_export(path)


def dumps(documents: Iterable[Document]) -> str:
    """Return documents as JSON Lines text, one document a line, Arabic left readable.

    >>> dumps([Document("d1", "نعم")])
    '{"id": "d1", "text": "نعم", "attributions": []}\\n'
    """
    return "".join(json.dumps(doc.to_json(), ensure_ascii=False) + "\n" for doc in documents)


def dump(documents: Iterable[Document], path: str | os.PathLike[str]) -> None:
    """Write documents to a gold JSON Lines file that :func:`load` reads back unchanged.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "out.jsonl"
    >>> dump([Document("d1", "لا")], path)
    >>> load(path) == [Document("d1", "لا")]
    True
    """
    Path(path).write_text(dumps(documents), encoding="utf-8", newline="\n")


def _golden_folder() -> Path:
    return Path(str(resources.files("quoteattr").joinpath("golden")))


def builtin_names() -> list[str]:
    """Return the names of the gold collections shipped with quoteattr, sorted.

    >>> "seed" in builtin_names()
    True
    >>> [seed] = builtin("seed")  # one article, about the Kremlin among others
    >>> "الكرملين" in seed.text
    True
    >>> all(name.isidentifier() for name in builtin_names())
    True
    """
    folder = _golden_folder()
    if not folder.is_dir():
        return []
    return sorted(path.stem for path in folder.glob("*.jsonl"))


def builtin(*names: str) -> list[Document]:
    """Load the team's gold corpus shipped with quoteattr: every collection, or those named.

    Collections are split by provenance (``seed``, ``synthetic``,
    ``negative``, ``known_failures``); see :func:`builtin_names`.

    >>> [seed] = builtin("seed")
    >>> "دميتري بيسكوف" in {gold.speaker_name for gold in seed.attributions}
    True
    >>> all(isinstance(doc, Document) for doc in builtin())
    True
    >>> builtin("no_such_collection")
    Traceback (most recent call last):
    ...
    ValueError: no built-in gold collection 'no_such_collection'; available: ...
    """
    available = builtin_names()
    for name in names:
        if name not in available:
            raise ValueError(
                f"no built-in gold collection {name!r}; available: {', '.join(available) or 'none'}"
            )
    folder = _golden_folder()
    documents: list[Document] = []
    for name in names or available:
        documents.extend(load(folder / f"{name}.jsonl"))
    return documents


def schema() -> dict[str, Any]:
    """Return the JSON Schema of one line of a gold file.

    >>> schema()["required"]
    ['id', 'text', 'attributions']
    >>> line = dumps([Document("d1", "قال الوزير: «نعم»")])
    >>> sorted(json.loads(line)) == sorted(schema()["required"])
    True
    """
    source = resources.files("quoteattr").joinpath("schema").joinpath("gold.schema.json")
    loaded: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return loaded


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"the number {value!r}"
    return names.get(type(value), type(value).__name__)


def _read_span(value: Any, text: str, where: str) -> Span | None:
    if value is None:
        return None
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        raise CorpusError(
            f"expected [start, end] (two integers) or null, got {value!r}", field=where
        )
    start, end = value
    if start < 0:
        raise CorpusError(f"start {start} is negative", field=where)
    if end < start:
        raise CorpusError(f"end {end} is before start {start}", field=where)
    if end > len(text):
        raise CorpusError(
            f"end {end} is past the end of the text ({len(text)} characters)", field=where
        )
    return Span.of(text, start, end)


def _read_string(value: Any, where: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise CorpusError(f"expected a string or null, got {_json_type(value)}", field=where)


def _read_enum(kind: type[E], value: Any, where: str) -> E:
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(repr(member.value) for member in kind)
        raise CorpusError(f"expected one of {choices}, got {value!r}", field=where) from None


def _read_sources(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise CorpusError(f"expected a list of outlet names, got {_json_type(value)}", field=where)
    for number, name in enumerate(value):
        if not isinstance(name, str) or not name.strip():
            raise CorpusError(
                f"expected a non-empty outlet name, got {name!r}", field=f"{where}[{number}]"
            )
    return tuple(value)
