"""The values quoteattr returns: spans, cues, speakers, sources and attributions.

Every type is a frozen attrs class with slots. Offsets always index the
caller's original string, so ``text[span.start:span.end] == span.text``.

>>> text = "قال الوزير إن المحادثات مستمرة"
>>> span = Span(14, 30, text[14:30])
>>> span.text
'المحادثات مستمرة'
>>> span.to_dict()
{'start': 14, 'end': 30, 'text': 'المحادثات مستمرة'}
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from typing import Any

import attrs
from attrs import field, frozen

__all__ = [
    "Attribution",
    "Cue",
    "Gender",
    "Kind",
    "Source",
    "Span",
    "Speaker",
    "SpeakerKind",
]


class Kind(enum.Enum):
    """How the content is reported: quoted verbatim, paraphrased, or both.

    >>> text = "قال الوزير: «نعم»"
    >>> Attribution(Span.of(text, 13, 16), Kind.DIRECT).kind.value
    'direct'
    >>> Kind("mixed") is Kind.MIXED
    True
    """

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class Gender(enum.Enum):
    """The grammatical gender of one human speaker, as the text marks it.

    Arabic marks it on the cue (قالت، مضيفة), on titles (الوزيرة) and on
    given names; a speaker that is not one human (a ministry, a country,
    a group) has no gender: :attr:`Speaker.gender` is ``None``.

    >>> Gender("female") is Gender.FEMALE
    True
    """

    FEMALE = "female"
    MALE = "male"


class SpeakerKind(enum.Enum):
    """What sort of source a speaker is.

    >>> text = "وبحسب رويترز، فإن المحادثات مستمرة"
    >>> Speaker(Span.of(text, 6, 12), "Reuters", SpeakerKind.OUTLET).to_dict()["kind"]
    'outlet'
    >>> SpeakerKind("person") is SpeakerKind.PERSON
    True
    """

    PERSON = "person"
    ORGANIZATION = "organization"
    OUTLET = "outlet"
    ANONYMOUS = "anonymous"
    UNKNOWN = "unknown"


@frozen(order=True, init=False)
class Span:
    """A stretch of the caller's text: ``start`` and ``end`` offsets and the text between.

    >>> Span(0, 3, "قال").end
    3
    >>> Span(3, 0, "")
    Traceback (most recent call last):
    ValueError: Span.end (0) must be >= Span.start (3)
    """

    start: int
    end: int
    text: str = field(order=False)

    def __init__(self, start: int, end: int, text: str) -> None:
        # Written by hand, not generated: the pipeline builds thousands of spans a
        # corpus. The checks run inline (no __attrs_post_init__ call) and the
        # frozen slots are set through their descriptors, bound once below (the
        # generated __init__ binds object.__setattr__ anew for every span).
        if start < 0:
            raise ValueError(f"Span.start must be >= 0, got {start}")
        if end < 0:
            raise ValueError(f"Span.end must be >= 0, got {end}")
        if end < start:
            raise ValueError(f"Span.end ({end}) must be >= Span.start ({start})")
        if len(text) != end - start:
            raise ValueError(
                f"Span.text has {len(text)} characters but end - start is "
                f"{end - start}: build spans with Span.of(text, start, end)"
            )
        _set_span_start(self, start)
        _set_span_end(self, end)
        _set_span_text(self, text)

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Make the span of ``text`` between ``start`` and ``end``.

        >>> Span.of("أكدت الوزارة", 5, 12).text
        'الوزارة'
        """
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        """Return the span as JSON-ready data.

        >>> Span.of("بحسب رويترز", 5, 11).to_dict()
        {'start': 5, 'end': 11, 'text': 'رويترز'}
        """
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        """Rebuild a span from :meth:`to_dict` output.

        >>> Span.from_dict({"start": 0, "end": 3, "text": "قال"})
        Span(start=0, end=3, text='قال')
        """
        return cls(int(data["start"]), int(data["end"]), str(data["text"]))


def slot_setters(cls: type, *names: str) -> tuple[Callable[[Any, Any], None], ...]:
    """Return the ``__set__`` of each named slot of a frozen class, bound once.

    Calling one sets the slot of an instance, bypassing the frozen ``__setattr__``
    as attrs' own ``__init__`` does with ``object.__setattr__``, for less: the
    hand-written constructors of the package's most built classes use them.

    >>> set_start, set_end, set_text = slot_setters(Span, "start", "end", "text")
    >>> span = object.__new__(Span)
    >>> set_start(span, 0); set_end(span, 3); set_text(span, "قال")
    >>> span == Span(0, 3, "قال")
    True
    """
    return tuple(cls.__dict__[name].__set__ for name in names)


_set_span_start, _set_span_end, _set_span_text = slot_setters(Span, "start", "end", "text")
_new_object = object.__new__


def unchecked_span(start: int, end: int, text: str) -> Span:
    """Make ``Span(start, end, text)`` without its checks, for a caller that has made them.

    The pipeline builds every span by slicing the caller's text between two
    offsets of the normalisation map (``0 <= start <= end``): the checks of
    :class:`Span` cannot fail there, and skipping them and the call of
    ``__init__`` halves the cost of a span.

    >>> unchecked_span(0, 3, "قال") == Span(0, 3, "قال")
    True
    """
    span = _new_object(Span)
    _set_span_start(span, start)
    _set_span_end(span, end)
    _set_span_text(span, text)
    return span


@frozen(init=False)
class Cue:
    """The word or phrase that introduces reported speech, with its lemma.

    >>> Cue(Span.of("قالت", 0, 4), "قال").lemma
    'قال'
    """

    span: Span
    lemma: str

    def __init__(self, span: Span, lemma: str) -> None:
        # The frozen slots set through descriptors bound once (see Span.__init__).
        _set_cue_span(self, span)
        _set_cue_lemma(self, lemma)

    def to_dict(self) -> dict[str, Any]:
        """Return the cue as JSON-ready data.

        >>> Cue(Span.of("بحسب", 0, 4), "بحسب").to_dict()["lemma"]
        'بحسب'
        """
        return {"span": self.span.to_dict(), "lemma": self.lemma}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Cue:
        """Rebuild a cue from :meth:`to_dict` output.

        >>> Cue.from_dict({"span": {"start": 0, "end": 3, "text": "قال"}, "lemma": "قال"}).lemma
        'قال'
        """
        return cls(Span.from_dict(data["span"]), str(data["lemma"]))


_set_cue_span, _set_cue_lemma = slot_setters(Cue, "span", "lemma")


@frozen(init=False)
class Speaker:
    """Who made the statement: the mention in the text and its canonical name.

    For a dropped or pronoun subject (وأضاف، وقالت) ``span`` is the antecedent
    mention that names the speaker. ``gender`` is set for one human speaker
    whose gender the text marks, ``None`` otherwise.

    >>> text = "قال المتحدث باسم الوزارة أحمد سالم"
    >>> Speaker(Span.of(text, 4, len(text)), "أحمد سالم", SpeakerKind.PERSON).name
    'أحمد سالم'
    """

    span: Span
    name: str
    kind: SpeakerKind = SpeakerKind.UNKNOWN
    gender: Gender | None = None

    def __init__(
        self,
        span: Span,
        name: str,
        kind: SpeakerKind = SpeakerKind.UNKNOWN,
        gender: Gender | None = None,
    ) -> None:
        # The frozen slots set through descriptors bound once (see Span.__init__).
        _set_speaker_span(self, span)
        _set_speaker_name(self, name)
        _set_speaker_kind(self, kind)
        _set_speaker_gender(self, gender)

    def to_dict(self) -> dict[str, Any]:
        """Return the speaker as JSON-ready data.

        >>> kremlin = Speaker(Span.of("الكرملين", 0, 8), "الكرملين", SpeakerKind.ORGANIZATION)
        >>> kremlin.to_dict()["kind"], kremlin.to_dict()["gender"]
        ('organization', None)
        """
        return {
            "span": self.span.to_dict(),
            "name": self.name,
            "kind": self.kind.value,
            "gender": None if self.gender is None else self.gender.value,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Speaker:
        """Rebuild a speaker from :meth:`to_dict` output.

        >>> data = {"span": {"start": 0, "end": 3, "text": "واس"}, "name": "واس", "kind": "outlet"}
        >>> Speaker.from_dict(data).kind
        <SpeakerKind.OUTLET: 'outlet'>
        >>> Speaker.from_dict({**data, "kind": "person", "gender": "female"}).gender
        <Gender.FEMALE: 'female'>
        """
        gender = data.get("gender")
        return cls(
            Span.from_dict(data["span"]),
            str(data["name"]),
            SpeakerKind(data["kind"]),
            None if gender is None else Gender(gender),
        )


_set_speaker_span, _set_speaker_name, _set_speaker_kind, _set_speaker_gender = slot_setters(
    Speaker, "span", "name", "kind", "gender"
)


@frozen
class Source:
    """A news outlet cited as the channel of a statement, by its canonical English name.

    >>> Source("Reuters", Span.of("بحسب رويترز", 5, 11)).name
    'Reuters'
    """

    name: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        """Return the source as JSON-ready data.

        >>> Source("SANA", Span.of("سانا", 0, 4)).to_dict()["name"]
        'SANA'
        """
        return {"name": self.name, "span": self.span.to_dict()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        """Rebuild a source from :meth:`to_dict` output.

        >>> Source.from_dict({"name": "TASS", "span": {"start": 0, "end": 3, "text": "تاس"}}).name
        'TASS'
        """
        return cls(str(data["name"]), Span.from_dict(data["span"]))


def _to_sources(sources: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(sources)


def _check_confidence(
    instance: Attribution, attribute: attrs.Attribute[float], value: float
) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"Attribution.confidence must be within [0, 1], got {value}")


@frozen(init=False)
class Attribution:
    """One reported statement, what introduced it, who said it and through which outlet.

    >>> text = "وقال الوزير: «سنواصل العمل»"
    >>> a = Attribution(
    ...     content=Span.of(text, 14, 26),
    ...     kind=Kind.DIRECT,
    ...     cue=Cue(Span.of(text, 0, 4), "قال"),
    ...     speaker=Speaker(Span.of(text, 5, 11), "الوزير", SpeakerKind.PERSON),
    ... )
    >>> a.content.text, a.kind.value
    ('سنواصل العمل', 'direct')
    """

    content: Span
    kind: Kind
    cue: Cue | None = None
    speaker: Speaker | None = None
    sources: tuple[Source, ...] = field(default=(), converter=_to_sources)
    addressee: Span | None = None
    confidence: float = field(default=1.0, validator=_check_confidence)
    rule: str = ""

    def __init__(
        self,
        content: Span,
        kind: Kind,
        cue: Cue | None = None,
        speaker: Speaker | None = None,
        sources: Iterable[Source] = (),
        addressee: Span | None = None,
        confidence: float = 1.0,
        rule: str = "",
    ) -> None:
        # What the generated __init__ does (the converter of sources, the check
        # of confidence, kept on the fields for attrs.validate), inline, with the
        # frozen slots set through descriptors bound once (see Span.__init__).
        _set_content(self, content)
        _set_kind(self, kind)
        _set_cue(self, cue)
        _set_speaker(self, speaker)
        _set_sources(self, tuple(sources))
        _set_addressee(self, addressee)
        _set_confidence(self, confidence)
        _set_rule(self, rule)
        if not 0.0 <= confidence <= 1.0:
            raise ValueError(f"Attribution.confidence must be within [0, 1], got {confidence}")

    def spans(self) -> tuple[Span, ...]:
        """Return every span this attribution holds, content first.

        >>> text = "قال: نعم"
        >>> len(Attribution(Span.of(text, 5, 8), Kind.INDIRECT).spans())
        1
        """
        found = [self.content]
        if self.cue is not None:
            found.append(self.cue.span)
        if self.speaker is not None:
            found.append(self.speaker.span)
        found.extend(source.span for source in self.sources)
        if self.addressee is not None:
            found.append(self.addressee)
        return tuple(found)

    def to_dict(self) -> dict[str, Any]:
        """Return the attribution as JSON-ready data (see :meth:`from_dict`).

        >>> text = "قال: نعم"
        >>> Attribution(Span.of(text, 5, 8), Kind.INDIRECT).to_dict()["kind"]
        'indirect'
        """
        return {
            "content": self.content.to_dict(),
            "kind": self.kind.value,
            "cue": None if self.cue is None else self.cue.to_dict(),
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
            "sources": [source.to_dict() for source in self.sources],
            "addressee": None if self.addressee is None else self.addressee.to_dict(),
            "confidence": self.confidence,
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        """Rebuild an attribution from :meth:`to_dict` output.

        >>> text = "قال: نعم"
        >>> a = Attribution(Span.of(text, 5, 8), Kind.INDIRECT, rule="colon")
        >>> Attribution.from_dict(a.to_dict()) == a
        True
        """
        return cls(
            content=Span.from_dict(data["content"]),
            kind=Kind(data["kind"]),
            cue=None if data.get("cue") is None else Cue.from_dict(data["cue"]),
            speaker=None if data.get("speaker") is None else Speaker.from_dict(data["speaker"]),
            sources=tuple(Source.from_dict(s) for s in data.get("sources", ())),
            addressee=None if data.get("addressee") is None else Span.from_dict(data["addressee"]),
            confidence=float(data.get("confidence", 1.0)),
            rule=str(data.get("rule", "")),
        )


(
    _set_content,
    _set_kind,
    _set_cue,
    _set_speaker,
    _set_sources,
    _set_addressee,
    _set_confidence,
    _set_rule,
) = slot_setters(
    Attribution, "content", "kind", "cue", "speaker", "sources", "addressee", "confidence", "rule"
)
