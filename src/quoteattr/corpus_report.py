"""What a news archive says about who gets quoted: speakers, outlets, women's share, cue verbs.

:func:`report` runs the extractor over many documents and sums up what an
editor or a researcher asks first: the most-quoted speakers (one entry per
person across the archive), the outlets statements were cited through and
which publishers cite them, the share of women among the people quoted, the
cue verbs by frequency and how many statements have no speaker. The views in
:mod:`quoteattr.views.report` print it as a text table, JSON or an HTML page.

>>> found = report([
...     "قالت وزيرة الصحة هالة منصور إن المستشفيات جاهزة، بحسب رويترز.",
...     "أكدت الوزيرة هالة منصور أن اللقاحات وصلت.",
...     "وقال المتحدث باسم الشرطة سامي نادر إن الطرق آمنة.",
... ])
>>> [(s.name, s.attributions, s.gender.value) for s in found.speakers]
[('هالة منصور', 2, 'female'), ('سامي نادر', 1, 'male')]
>>> found.women.by_attribution, found.women.by_person
(0.6666666666666666, 0.5)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from attrs import define, field, frozen

from .batch import DocumentResult, ExtractFunction
from .inputs import InputDocument
from .lexicons import Lexicon
from .model import Attribution, Gender, Kind, SpeakerKind
from .normalize import fold

__all__ = [
    "CitedOutlet",
    "CorpusReport",
    "Count",
    "QuotedSpeaker",
    "ReportBuilder",
    "WomenShare",
    "report",
]

DEFAULT_TOP = 25
"""How many speakers, outlets and cue verbs a report keeps by default."""


@frozen
class Count:
    """A name and how many times it was counted.

    >>> Count("Reuters", 3).to_dict()
    {'name': 'Reuters', 'count': 3}
    """

    name: str
    count: int

    def to_dict(self) -> dict[str, Any]:
        """Return the count as JSON-ready data."""
        return {"name": self.name, "count": self.count}


def _counts(counter: Mapping[str, int], top: int | None = None) -> tuple[Count, ...]:
    ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    return tuple(Count(name, n) for name, n in ranked[:top])


@frozen
class QuotedSpeaker:
    """One speaker across the archive: how often quoted, how, and through which outlets.

    ``by_kind`` counts direct, indirect and mixed statements; ``documents``
    the documents quoting the speaker; ``gender`` is the one most of the
    speaker's statements mark (``None`` for bodies, groups and unmarked ones).

    >>> speaker = report(["قال الوزير سالم أحمد إن الحل قريب."]).speakers[0]
    >>> speaker.name, speaker.kind.value, speaker.by_kind
    ('سالم أحمد', 'person', {'direct': 0, 'indirect': 1, 'mixed': 0})
    """

    name: str
    kind: SpeakerKind
    gender: Gender | None
    attributions: int
    documents: int
    by_kind: Mapping[str, int] = field(hash=False)
    outlets: tuple[Count, ...] = ()
    publishers: tuple[Count, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the speaker's figures as JSON-ready data."""
        return {
            "name": self.name,
            "kind": self.kind.value,
            "gender": None if self.gender is None else self.gender.value,
            "attributions": self.attributions,
            "documents": self.documents,
            "by_kind": dict(self.by_kind),
            "outlets": [count.to_dict() for count in self.outlets],
            "publishers": [count.to_dict() for count in self.publishers],
        }


@frozen
class CitedOutlet:
    """A news outlet statements were cited through, and the publishers that cite it.

    >>> report(["قال الوزير سالم أحمد إن الحل قريب، بحسب رويترز."]).outlets[0].name
    'Reuters'
    """

    name: str
    citations: int
    publishers: tuple[Count, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return the outlet's figures as JSON-ready data."""
        return {
            "name": self.name,
            "citations": self.citations,
            "publishers": [count.to_dict() for count in self.publishers],
        }


@frozen
class WomenShare:
    """The share of women among quoted people whose gender the text marks.

    Counted by attribution (every statement of a gendered speaker) and by
    distinct person. ``publisher`` is ``None`` for the whole archive.

    >>> share = WomenShare(None, 1, 4, 1, 2)
    >>> share.by_attribution, share.by_person
    (0.25, 0.5)
    >>> WomenShare("Okaz", 0, 0, 0, 0).by_person is None
    True
    """

    publisher: str | None
    women_attributions: int
    gendered_attributions: int
    women: int
    gendered_people: int

    @property
    def by_attribution(self) -> float | None:
        """Return women's statements over gendered statements (``None`` when there are none)."""
        if not self.gendered_attributions:
            return None
        return self.women_attributions / self.gendered_attributions

    @property
    def by_person(self) -> float | None:
        """Return women over distinct gendered people (``None`` when there are none)."""
        return None if not self.gendered_people else self.women / self.gendered_people

    def to_dict(self) -> dict[str, Any]:
        """Return the shares and their counts as JSON-ready data."""
        return {
            "publisher": self.publisher,
            "by_attribution": self.by_attribution,
            "women_attributions": self.women_attributions,
            "gendered_attributions": self.gendered_attributions,
            "by_person": self.by_person,
            "women": self.women,
            "gendered_people": self.gendered_people,
        }


@frozen
class CorpusReport:
    """The figures of one archive, as :func:`report` sums them up.

    >>> found = report(["قال الوزير سالم أحمد إن الحل قريب.", "قيل إن الجسر سيفتح."])
    >>> found.documents, found.attributions, found.without_speaker
    (2, 2, 1)
    >>> sorted(found.to_dict())  # doctest: +NORMALIZE_WHITESPACE
    ['attributions', 'cues', 'documents', 'failed', 'outlets', 'people', 'publishers',
     'speakers', 'without_speaker', 'women', 'women_by_publisher']
    """

    documents: int
    failed: int
    attributions: int
    without_speaker: int
    people: int
    speakers: tuple[QuotedSpeaker, ...]
    outlets: tuple[CitedOutlet, ...]
    women: WomenShare
    women_by_publisher: tuple[WomenShare, ...]
    cues: tuple[Count, ...]
    publishers: tuple[Count, ...]

    def to_dict(self) -> dict[str, Any]:
        """Return every figure as JSON-ready data."""
        return {
            "documents": self.documents,
            "failed": self.failed,
            "attributions": self.attributions,
            "without_speaker": self.without_speaker,
            "people": self.people,
            "publishers": [count.to_dict() for count in self.publishers],
            "speakers": [speaker.to_dict() for speaker in self.speakers],
            "outlets": [outlet.to_dict() for outlet in self.outlets],
            "women": self.women.to_dict(),
            "women_by_publisher": [share.to_dict() for share in self.women_by_publisher],
            "cues": [count.to_dict() for count in self.cues],
        }


@define
class _Person:
    """What the builder knows of one speaker so far."""

    name: str
    kinds: Counter[SpeakerKind] = field(factory=Counter)
    genders: Counter[Gender] = field(factory=Counter)
    by_kind: Counter[str] = field(factory=Counter)
    outlets: Counter[str] = field(factory=Counter)
    publishers: Counter[str] = field(factory=Counter)
    documents: set[int] = field(factory=set)

    def absorb(self, other: _Person) -> None:
        """Take in the counts of another mention of the same person."""
        self.kinds.update(other.kinds)
        self.genders.update(other.genders)
        self.by_kind.update(other.by_kind)
        self.outlets.update(other.outlets)
        self.publishers.update(other.publishers)
        self.documents |= other.documents

    @property
    def attributions(self) -> int:
        return sum(self.by_kind.values())

    @property
    def gender(self) -> Gender | None:
        ranked = self.genders.most_common()
        if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]


_NO_PUBLISHER = ""


class ReportBuilder:
    """Sums documents up one at a time; :meth:`build` returns the :class:`CorpusReport`.

    >>> from quoteattr.pipeline import extract
    >>> builder = ReportBuilder()
    >>> builder.add(extract("قالت الوزيرة هالة منصور إن الخطة جاهزة."), publisher="Okaz")
    >>> builder.add_failure()
    >>> built = builder.build()
    >>> built.documents, built.failed, built.women_by_publisher[0].publisher
    (2, 1, 'Okaz')
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon.default()
        self.documents = 0
        self.failed = 0
        self.without_speaker = 0
        self._people: dict[tuple[str, ...], _Person] = {}
        self._outlets: Counter[str] = Counter()
        self._outlet_publishers: dict[str, Counter[str]] = defaultdict(Counter)
        self._cues: Counter[str] = Counter()
        self._publishers: Counter[str] = Counter()
        self._attributions: Counter[str] = Counter()  # publisher → statements
        self._gendered: dict[str, Counter[Gender]] = defaultdict(Counter)
        self._quoted_in: dict[str, set[tuple[str, ...]]] = defaultdict(set)

    def add(self, attributions: Sequence[Attribution], *, publisher: str | None = None) -> None:
        """Count one document's attributions, under its publisher when it has one."""
        self.documents += 1
        where = publisher or _NO_PUBLISHER
        self._publishers[where] += 1
        names = _full_names(attributions)
        for attribution in attributions:
            self._attributions[where] += 1
            if attribution.cue is not None and attribution.cue.lemma:
                self._cues[attribution.cue.lemma] += 1
            for source in attribution.sources:
                self._outlets[source.name] += 1
                self._outlet_publishers[source.name][where] += 1
            speaker = attribution.speaker
            if speaker is None:
                self.without_speaker += 1
                continue
            name = names.get(speaker.name, speaker.name)
            key = self._key(name, speaker.kind)
            person = self._people.get(key)
            if person is None:
                person = self._people[key] = _Person(name)
            person.kinds[speaker.kind] += 1
            person.by_kind[attribution.kind.value] += 1
            person.outlets.update(source.name for source in attribution.sources)
            person.publishers[where] += 1
            person.documents.add(self.documents)
            if speaker.gender is not None:
                person.genders[speaker.gender] += 1
                self._gendered[where][speaker.gender] += 1
            self._quoted_in[where].add(key)

    def add_failure(self) -> None:
        """Count a document that could not be read or analysed."""
        self.documents += 1
        self.failed += 1

    def _key(self, name: str, kind: SpeakerKind) -> tuple[str, ...]:
        """One key per speaker across the archive, but one per document for a vague one.

        "الوزير", "الوزارة", "التقرير" or "مصادر مطلعة" in two articles are two
        different sources; "جون كيري" or "وزارة الصحة السعودية" are one.
        """
        folded = " ".join(fold(name).casefold().split())
        if self._vague(folded, kind):
            return (folded, str(self.documents))
        return (folded,)

    def _vague(self, folded: str, kind: SpeakerKind) -> bool:
        """Tell whether a name names nobody in particular outside its own article."""
        words = folded.split()
        if not words or kind in (SpeakerKind.ANONYMOUS, SpeakerKind.UNKNOWN):
            return True
        if kind is SpeakerKind.PERSON:
            return self.lexicon.titles.match(words, 0) is not None  # الوزير، المتحدث باسم
        if kind is SpeakerKind.ORGANIZATION:
            match = self.lexicon.organizations.match(words, 0)
            return match is not None and match[0] == len(words) and match[1].cls == "head"
        return False

    def build(self, *, top: int | None = DEFAULT_TOP) -> CorpusReport:
        """Return the report with the ``top`` speakers, outlets and cue verbs (all: ``None``)."""
        alias = self._variants()
        merged: dict[tuple[str, ...], _Person] = {}
        for key, person in self._people.items():
            target = alias.get(key, key)
            if target not in merged:
                merged[target] = _Person(self._people[target].name)
            merged[target].absorb(person)
        people = sorted(merged.values(), key=lambda p: (-p.attributions, p.name))
        return CorpusReport(
            documents=self.documents,
            failed=self.failed,
            attributions=sum(self._attributions.values()),
            without_speaker=self.without_speaker,
            people=len(merged),
            speakers=tuple(_speaker(person) for person in people[:top]),
            outlets=tuple(
                CitedOutlet(name, n, _counts(self._outlet_publishers[name]))
                for name, n in sorted(self._outlets.items(), key=lambda i: (-i[1], i[0]))[:top]
            ),
            women=self._share(None, merged, alias),
            women_by_publisher=tuple(
                self._share(name, merged, alias)
                for name, _ in sorted(self._publishers.items(), key=lambda i: (-i[1], i[0]))
                if name != _NO_PUBLISHER
            ),
            cues=_counts(self._cues, top),
            publishers=_counts({k: v for k, v in self._publishers.items() if k != _NO_PUBLISHER}),
        )

    def _variants(self) -> dict[tuple[str, ...], tuple[str, ...]]:
        """Map a shorter form of a person's name to the one longer name it is part of.

        "عادل الجبير" in one article and "عادل بن أحمد الجبير" in another are one
        person when no other longer name fits; so are "داود أوغلو" and "أحمد داود
        أوغلو". A name that fits two longer ones stays on its own.
        """
        named: list[tuple[str, ...]] = [
            key
            for key, person in self._people.items()
            if len(key) == 1 and person.kinds.most_common(1)[0][0] is SpeakerKind.PERSON
        ]
        by_last: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for key in named:
            by_last[key[0].split()[-1]].append(key)
        alias: dict[tuple[str, ...], tuple[str, ...]] = {}
        for key in named:
            words = key[0].split()
            longer = [
                other
                for other in by_last[words[-1]]
                if len(other[0].split()) > len(words) >= 2 and _part_of(words, other[0].split())
            ]
            if len(longer) == 1:
                alias[key] = longer[0]
        for key, target in list(alias.items()):
            seen: set[tuple[str, ...]] = {key}
            while target in alias and target not in seen:  # a chain: short → longer → longest
                seen.add(target)
                target = alias[target]
            alias[key] = target
        return alias

    def _share(
        self,
        publisher: str | None,
        people: dict[tuple[str, ...], _Person],
        alias: dict[tuple[str, ...], tuple[str, ...]],
    ) -> WomenShare:
        places = list(self._gendered) if publisher is None else [publisher]
        statements: Counter[Gender] = Counter()
        keys: set[tuple[str, ...]] = set()
        for place in places:
            statements.update(self._gendered.get(place, Counter()))
        for place in list(self._quoted_in) if publisher is None else [publisher]:
            keys.update(alias.get(key, key) for key in self._quoted_in.get(place, set()))
        genders = [people[key].gender for key in keys]
        return WomenShare(
            publisher,
            statements[Gender.FEMALE],
            statements[Gender.FEMALE] + statements[Gender.MALE],
            sum(gender is Gender.FEMALE for gender in genders),
            sum(gender is not None for gender in genders),
        )


_CONNECTORS = frozenset({"عبد", "ابو", "ابن", "بن", "ام", "بنت", "ال"})


def _part_of(short: list[str], long: list[str]) -> bool:
    """Tell whether a name is a shorter form of another, with the same last word.

    Either the same first word and the rest in order ("عادل الجبير" in "عادل بن
    أحمد الجبير"), or the long name's end ("داود أوغلو"), unless the short one
    starts with a connector ("عبد الله" is not the end of "محمد بن عبد الله").
    """
    if long[-len(short) :] == short:
        return short[0] not in _CONNECTORS
    if short[0] != long[0]:
        return False
    rest = iter(long[1:])
    return all(word in rest for word in short[1:])


def _speaker(person: _Person) -> QuotedSpeaker:
    kind = person.kinds.most_common(1)[0][0]
    return QuotedSpeaker(
        name=person.name,
        kind=kind,
        gender=person.gender if kind in (SpeakerKind.PERSON, SpeakerKind.ANONYMOUS) else None,
        attributions=person.attributions,
        documents=len(person.documents),
        by_kind={kind.value: person.by_kind[kind.value] for kind in Kind},
        outlets=_counts(person.outlets),
        publishers=_counts(person.publishers),
    )


def _full_names(attributions: Sequence[Attribution]) -> dict[str, str]:
    """Map a surname alone to the full name of a person quoted in the same document.

    The extractor already names "بيسكوف" by the full name it finds in the
    text; this catches a surname whose full name only a speaker carries.
    """
    full: dict[str, str] = {}
    for attribution in attributions:
        speaker = attribution.speaker
        if speaker is not None and speaker.kind is SpeakerKind.PERSON:
            words = speaker.name.split()
            if len(words) > 1:
                full.setdefault(words[-1], speaker.name)
    return full


def report(
    documents: Iterable[str | InputDocument | DocumentResult],
    *,
    extract: ExtractFunction | None = None,
    top: int | None = DEFAULT_TOP,
) -> CorpusReport:
    """Run the extractor over many documents and sum up who is quoted, how and through whom.

    ``documents`` are texts, :class:`~quoteattr.inputs.InputDocument` values
    (their ``publisher`` groups the figures by publisher) or results already
    extracted (:class:`~quoteattr.batch.DocumentResult`).

    >>> report(["قال الوزير سالم أحمد إن الحل قريب."]).speakers[0].name
    'سالم أحمد'
    >>> report("قال الوزير")
    Traceback (most recent call last):
    TypeError: quoteattr.report() needs an iterable of documents (texts), not one str: ...
    """
    if isinstance(documents, (str, bytes)):
        raise TypeError(
            f"quoteattr.report() needs an iterable of documents (texts), not one "
            f"{type(documents).__name__}: wrap a single text in a list"
        )
    if extract is None:
        from .pipeline import extract as extract_one

        extract = extract_one
    builder = ReportBuilder()
    for document in documents:
        if isinstance(document, str):
            builder.add(extract(document))
        elif isinstance(document, DocumentResult):
            if document.failed:
                builder.add_failure()
            else:
                builder.add(document.attributions, publisher=document.publisher)
        elif isinstance(document, InputDocument):
            if document.text is None:
                builder.add_failure()
            else:
                builder.add(extract(document.text), publisher=document.publisher)
        else:
            raise TypeError(
                "quoteattr.report() reads texts, InputDocument or DocumentResult values, "
                f"not {type(document).__name__}"
            )
    return builder.build(top=top)
