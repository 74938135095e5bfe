"""What brat and Label Studio share: an attribution as a content span and its labelled parts.

Both tools store spans apart from the text ("standoff") and join each
``Content`` to its ``Cue``, ``Speaker``, ``Addressee`` and ``Source`` spans
by relations. A part may carry a canonical name (the cue's lemma, the
speaker's name, the outlet's name) and, for a speaker, its kind and gender.
What has no span to hang on (a source known only by name, a speaker name
without a mention) goes in a note on the content: ``key: value`` pairs
separated by ``;``.

>>> from quoteattr.model import Kind, Span
>>> text = "قال الوزير: «سنواصل العمل»"
>>> gold = GoldAttribution(Span.of(text, 13, 25), Kind.DIRECT, speaker=Span.of(text, 4, 10),
...                        speaker_name="الوزير", sources=("Reuters",))
>>> parts, note = parts_of(gold)
>>> [(part.type, part.span.text, part.name) for part in parts], note
([('Speaker', 'الوزير', 'الوزير')], 'sources: Reuters')
>>> assemble(gold.content, "direct", parts, read_note([note])) == gold
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from attrs import frozen

from .corpus import GoldAttribution
from .model import Gender, Kind, Span, SpeakerKind

__all__ = ["NOTE_KEYS", "PART_TYPES", "Part", "assemble", "parts_of", "read_note"]

PART_TYPES = ("Cue", "Speaker", "Addressee", "Source")
"""The span types joined to a ``Content``, in the order they are written."""

NOTE_KEYS = ("sources", "speaker_name", "speaker_kind", "speaker_gender", "cue_lemma")
"""The keys a content's note may set."""


@frozen
class Part:
    """One span joined to a content, with what the annotation says about it.

    ``ref`` names the annotation (a brat entity id, a Label Studio region id)
    in error messages.

    >>> Part("Cue", Span.of("قالت", 0, 4), name="قال").name
    'قال'
    """

    type: str
    span: Span
    name: str | None = None
    speaker_kind: str | None = None
    speaker_gender: str | None = None
    ref: str = ""


def parts_of(gold: GoldAttribution) -> tuple[list[Part], str | None]:
    """Return an attribution's parts, in :data:`PART_TYPES` order, and its content note.

    >>> from quoteattr.model import Kind
    >>> text = "بحسب رويترز، فإن المحادثات مستمرة"
    >>> gold = GoldAttribution(Span.of(text, 17, 33), Kind.INDIRECT, cue=Span.of(text, 0, 4),
    ...                        cue_lemma="بحسب", sources=("Reuters",),
    ...                        source_spans=(Span.of(text, 5, 11),))
    >>> [(part.type, part.name) for part in parts_of(gold)[0]]
    [('Cue', 'بحسب'), ('Source', 'Reuters')]
    """
    found: list[Part] = []
    gender = None if gold.speaker_gender is None else gold.speaker_gender.value
    if gold.cue is not None:
        found.append(Part("Cue", gold.cue, gold.cue_lemma))
    if gold.speaker is not None:
        kind = None if gold.speaker_kind is None else gold.speaker_kind.value
        found.append(Part("Speaker", gold.speaker, gold.speaker_name, kind, gender))
    if gold.addressee is not None:
        found.append(Part("Addressee", gold.addressee))
    spans = gold.source_spans or (None,) * len(gold.sources)
    unplaced = []
    for name, span in zip(gold.sources, spans, strict=True):
        if span is None:
            unplaced.append(name)
        else:
            found.append(Part("Source", span, name))
    note = []
    if unplaced:
        note.append("sources: " + ", ".join(unplaced))
    if gold.speaker is None:
        if gold.speaker_name is not None:
            note.append(f"speaker_name: {gold.speaker_name}")
        if gold.speaker_kind is not None:
            note.append(f"speaker_kind: {gold.speaker_kind.value}")
        if gender is not None:
            note.append(f"speaker_gender: {gender}")
    if gold.cue is None and gold.cue_lemma is not None:
        note.append(f"cue_lemma: {gold.cue_lemma}")
    return found, "; ".join(note) or None


def read_note(notes: Iterable[str]) -> dict[str, str]:
    """Read the ``key: value`` pairs of a content's notes; other text is a comment.

    >>> read_note(["checked twice", "sources: Reuters, AFP; cue_lemma: قال"])
    {'sources': 'Reuters, AFP', 'cue_lemma': 'قال'}
    """
    fields = {}
    for note in notes:
        for piece in note.split(";"):
            key, colon, value = piece.partition(":")
            if colon and key.strip() in NOTE_KEYS:
                fields[key.strip()] = value.strip()
    return fields


def assemble(
    content: Span,
    kind: str | None,
    parts: Iterable[Part],
    note: Mapping[str, str],
    fail: Callable[[str], Exception] = ValueError,
) -> GoldAttribution:
    """Build a gold attribution from a content, its kind, its parts and its note.

    ``fail`` makes the exception raised for a problem (its message says what
    to fix); sources are ordered by where they are mentioned.

    >>> text = "قال الوزير: نعم"
    >>> speakers = [Part("Speaker", Span.of(text, 4, 10), ref="T2"),
    ...             Part("Speaker", Span.of(text, 0, 3), ref="T3")]
    >>> assemble(Span.of(text, 12, 15), "direct", speakers, {})
    Traceback (most recent call last):
    ...
    ValueError: linked to two Speaker entities, T2 and T3; keep one
    """
    if kind is None:
        raise fail("the content has no kind: mark it direct, indirect or mixed")
    try:
        read_kind = Kind(kind)
    except ValueError:
        raise fail(f"Kind must be direct, indirect or mixed, not {kind!r}") from None
    single: dict[str, Part] = {}
    sources: list[Part] = []
    for part in parts:
        if part.type == "Source":
            sources.append(part)
        elif part.type in single and single[part.type].span != part.span:
            first = single[part.type].ref
            raise fail(f"linked to two {part.type} entities, {first} and {part.ref}; keep one")
        else:
            single[part.type] = part
    speaker = single.get("Speaker")
    speaker_kind = (speaker.speaker_kind if speaker else None) or note.get("speaker_kind")
    speaker_gender = (speaker.speaker_gender if speaker else None) or note.get("speaker_gender")
    try:
        read_speaker_kind = None if speaker_kind is None else SpeakerKind(speaker_kind)
    except ValueError:
        choices = ", ".join(member.value for member in SpeakerKind)
        raise fail(f"SpeakerKind must be one of {choices}, not {speaker_kind!r}") from None
    try:
        read_gender = None if speaker_gender is None else Gender(speaker_gender)
    except ValueError:
        raise fail(f"SpeakerGender must be female or male, not {speaker_gender!r}") from None
    sources.sort(key=lambda part: (part.span.start, part.span.end))
    unplaced = [name.strip() for name in note.get("sources", "").split(",") if name.strip()]

    def span(type: str) -> Span | None:
        return single[type].span if type in single else None

    def name(type: str) -> str | None:
        return single[type].name if type in single else None

    return GoldAttribution(
        content=content,
        kind=read_kind,
        cue=span("Cue"),
        cue_lemma=name("Cue") or note.get("cue_lemma"),
        speaker=span("Speaker"),
        speaker_name=name("Speaker") or note.get("speaker_name"),
        speaker_kind=read_speaker_kind,
        addressee=span("Addressee"),
        sources=(*(part.name or part.span.text for part in sources), *unplaced),
        source_spans=(*(part.span for part in sources), *(None for _ in unplaced)),
        speaker_gender=read_gender,
    )
