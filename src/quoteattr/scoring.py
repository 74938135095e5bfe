"""Score predicted attributions against gold ones: content, kind, speaker, outlets and cues.

A prediction matches a gold attribution when their contents overlap by at
least ``threshold`` (default one half) of the shorter of the two, after
quotation marks, punctuation and spaces are trimmed from both ends.
Matching is one-to-one and greedy: the pair sharing the most characters is
taken first, then the pair closest in length. A match is also *strict* when
the shared stretch covers at least 80 % of the longer content. Everything
except content precision and recall is measured on those matches. A speaker
is right when the mentions overlap by the threshold share of the longer one,
or when the names agree after Arabic folding (:func:`canonical_name`).
Outlet names on both sides are mapped to quoteattr's canonical names
(:func:`~quoteattr.outlet_names.outlet_name`) before (attribution, outlet) pairs are compared.

Content, strict content and outlet figures are computed exactly as the
team's development-set scorer computes them (same trimmed characters, same
tie-breaks); docs/evaluation.md lists where other figures differ.

>>> text = "قال الوزير: «سنواصل العمل»"
>>> gold = Document("d1", text, [GoldAttribution(Span.of(text, 13, 25), Kind.DIRECT)])
>>> guess = Document("d1", text, [GoldAttribution(Span.of(text, 12, 26), Kind.DIRECT)])
>>> report = evaluate([gold], [guess])
>>> report.content.f1, report.exact_boundaries.value
(1.0, 1.0)
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from attrs import field, frozen

from .corpus import Document, GoldAttribution
from .model import Attribution, Kind, Span
from .normalize import fold
from .outlet_names import outlet_name

__all__ = [
    "EvaluationOptions",
    "Mismatch",
    "MismatchKind",
    "Ratio",
    "Report",
    "Score",
    "canonical_name",
    "evaluate",
    "match",
    "predict",
    "spans_agree",
    "trim",
]

ExtractFunction = Callable[[str], Sequence[Attribution]]
"""Anything that maps a text to attributions, like :func:`quoteattr.extract`."""


STRICT_SHARE = 0.8
"""Share of the longer content a strict match must cover."""

_TRIMMED = frozenset("«»“”„‟\"'‘’`´.,،;؛:!?؟…-–—()[]{}/\\*+|\u00a0\u200f\u200e\u200b")


def _is_trimmed(character: str) -> bool:
    # Quotation marks, sentence punctuation, brackets, spaces and the
    # direction marks RLM/LRM: "«نعم»." and "نعم" say the same thing. The
    # set is the development-set scorer's, so both trim alike.
    return character.isspace() or character in _TRIMMED


def trim(span: Span) -> Span:
    """Drop quotation marks, punctuation, spaces and invisible marks from both ends of a span.

    >>> trim(Span.of("قال: «نعم».", 4, 11))
    Span(start=6, end=9, text='نعم')
    """
    text = span.text
    start, end = 0, len(text)
    while start < end and _is_trimmed(text[start]):
        start += 1
    while end > start and _is_trimmed(text[end - 1]):
        end -= 1
    return Span(span.start + start, span.start + end, text[start:end])


def _shared(first: Span, second: Span) -> int:
    return max(0, min(first.end, second.end) - max(first.start, second.start))


def spans_agree(first: Span, second: Span, threshold: float = 0.5) -> bool:
    """Tell whether two spans, trimmed, overlap by at least ``threshold`` of the shorter one.

    >>> text = "أكد الوزير أن المحادثات مستمرة"
    >>> spans_agree(Span.of(text, 14, 30), Span.of(text, 11, 23))
    True
    >>> spans_agree(Span.of(text, 14, 30), Span.of(text, 0, 3))
    False
    """
    first, second = trim(first), trim(second)
    shared = _shared(first, second)
    shorter = min(first.end - first.start, second.end - second.start)
    return shared > 0 and shared >= threshold * shorter


def canonical_name(name: str) -> str:
    """Fold a speaker's name for comparison: hamza and alef forms, harakat, spacing, case.

    >>> canonical_name("  إيمانويل   ماكرونُ ") == canonical_name("ايمانويل ماكرون")
    True
    """
    return " ".join(fold(name).casefold().split())


def _check_threshold(instance: Any, attribute: Any, value: float) -> None:
    if not 0.0 < value <= 1.0:
        raise ValueError(f"threshold must be greater than 0 and at most 1, got {value}")


@frozen
class EvaluationOptions:
    """How strict matching is, and extra outlet spellings to map to canonical names.

    ``threshold`` is the share of the shorter content two spans must share.
    ``outlets`` maps a spelling to a canonical outlet name, for outlets
    quoteattr's lexicon does not know or names a gold file spells its own way
    (:func:`~quoteattr.outlet_names.read_outlet_aliases` reads them from a TSV file).

    >>> text = "قالت الوزيرة: «سنواصل العمل من أجل السلام»"
    >>> gold = [Document("d1", text, [GoldAttribution(Span.of(text, 15, 27), Kind.DIRECT)])]
    >>> guess = [Document("d1", text, [GoldAttribution(Span.of(text, 22, 41), Kind.DIRECT)])]
    >>> evaluate(gold, guess).content.recall  # they share «العمل», 5 of 12 characters
    0.0
    >>> evaluate(gold, guess, EvaluationOptions(threshold=0.4)).content.recall
    1.0
    """

    threshold: float = field(default=0.5, validator=_check_threshold)
    outlets: Mapping[str, str] = field(factory=dict, hash=False)


def match(
    gold: Sequence[GoldAttribution],
    predicted: Sequence[GoldAttribution],
    threshold: float = 0.5,
) -> list[tuple[int, int]]:
    """Pair gold and predicted attributions one-to-one by content overlap, most shared first.

    Returns ``(gold index, predicted index)`` pairs sorted by gold index.

    >>> text = "قال: «نعم» ثم قال: «لا»"
    >>> yes, no = Span.of(text, 6, 9), Span.of(text, 20, 22)
    >>> gold = [GoldAttribution(yes, Kind.DIRECT), GoldAttribution(no, Kind.DIRECT)]
    >>> match(gold, [GoldAttribution(no, Kind.DIRECT)])
    [(1, 0)]
    """
    trimmed_gold = [trim(g.content) for g in gold]
    trimmed_predicted = [trim(p.content) for p in predicted]
    candidates = []
    for i, first in enumerate(trimmed_gold):
        for j, second in enumerate(trimmed_predicted):
            shared = _shared(first, second)
            shorter = min(first.end - first.start, second.end - second.start)
            if shared > 0 and shared >= threshold * shorter:
                difference = abs((first.end - first.start) - (second.end - second.start))
                candidates.append((-shared, difference, -i, -j))
    candidates.sort()
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for _, _, minus_i, minus_j in candidates:
        i, j = -minus_i, -minus_j
        if i not in used_gold and j not in used_predicted:
            used_gold.add(i)
            used_predicted.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _names(attribution: GoldAttribution) -> set[str]:
    names = {attribution.speaker_name}
    if attribution.speaker is not None:
        names.add(attribution.speaker.text)
    return {canonical_name(name) for name in names if name} - {""}


def _has_speaker(attribution: GoldAttribution) -> bool:
    return attribution.speaker is not None or bool(attribution.speaker_name)


def _same_speaker(gold: GoldAttribution, predicted: GoldAttribution, threshold: float) -> bool:
    # A speaker is right when its mention overlaps the gold one by the
    # threshold share of the *longer* mention, or when a name (or mention
    # text) agrees after folding. Measured on the shorter, "الكرملين" inside
    # "المتحدث باسم الكرملين دميتري بيسكوف" would pass for the spokesman.
    if not _has_speaker(gold) or not _has_speaker(predicted):
        return _has_speaker(gold) == _has_speaker(predicted)
    if gold.speaker is not None and predicted.speaker is not None:
        first, second = trim(gold.speaker), trim(predicted.speaker)
        longer = max(first.end - first.start, second.end - second.start)
        shared = _shared(first, second)
        if shared > 0 and shared >= threshold * longer:
            return True
    return bool(_names(gold) & _names(predicted))


def _strict(gold: Span, predicted: Span) -> bool:
    first, second = trim(gold), trim(predicted)
    longer = max(first.end - first.start, second.end - second.start)
    return _shared(first, second) >= STRICT_SHARE * longer


def _same_cue(gold: GoldAttribution, predicted: GoldAttribution, threshold: float) -> bool:
    if gold.cue is None or predicted.cue is None:
        return gold.cue is None and predicted.cue is None
    return spans_agree(gold.cue, predicted.cue, threshold)


def _outlets(attribution: GoldAttribution, extra: Mapping[str, str]) -> set[str]:
    return {outlet_name(name, extra) for name in attribution.sources}


@frozen
class Score:
    """Precision, recall and F1 from counts; ``None`` where a ratio has nothing to count.

    ``correct_predicted`` of the ``predicted`` items were right, and
    ``correct_gold`` of the ``gold`` items were found.

    >>> text = "قال الوزير: «نعم»"
    >>> yes = GoldAttribution(Span.of(text, 13, 16), Kind.DIRECT)
    >>> evaluate([Document("d1", text, [yes])], [Document("d1", text, [yes, yes])]).content
    Score(predicted=2, gold=1, correct_predicted=1, correct_gold=1)
    >>> score = Score(predicted=4, gold=5, correct_predicted=3, correct_gold=3)
    >>> score.precision, score.recall, round(score.f1, 3)
    (0.75, 0.6, 0.667)
    >>> Score(0, 0, 0, 0).f1 is None
    True
    """

    predicted: int
    gold: int
    correct_predicted: int
    correct_gold: int

    @property
    def precision(self) -> float | None:
        """Return the share of predictions that were right, or ``None`` without predictions.

        >>> text = "قال الوزير: «نعم»"
        >>> yes = GoldAttribution(Span.of(text, 13, 16), Kind.DIRECT)
        >>> said = GoldAttribution(Span.of(text, 0, 3), Kind.INDIRECT)  # a false alarm
        >>> gold, guess = Document("d1", text, [yes]), Document("d1", text, [yes, said])
        >>> evaluate([gold], [guess]).content.precision
        0.5
        >>> evaluate([gold], []).content.precision is None
        True
        """
        return None if self.predicted == 0 else self.correct_predicted / self.predicted

    @property
    def recall(self) -> float | None:
        """Return the share of gold items found, or ``None`` when there was nothing to find.

        >>> text = "قال الوزير: «نعم». وأضاف: «سنواصل العمل»."
        >>> yes = GoldAttribution(Span.of(text, 13, 16), Kind.DIRECT)
        >>> more = GoldAttribution(Span.of(text, 27, 39), Kind.DIRECT)
        >>> gold, guess = Document("d1", text, [yes, more]), Document("d1", text, [yes])
        >>> evaluate([gold], [guess]).content.recall
        0.5
        >>> evaluate([Document("d1", "لا تعليق")], []).content.recall is None
        True
        """
        return None if self.gold == 0 else self.correct_gold / self.gold

    @property
    def f1(self) -> float | None:
        """Return the harmonic mean of precision and recall.

        It is 0 when either side is 0 (including a wrong guess where nothing
        was to be found) and ``None`` only with neither gold nor predictions.

        >>> text = "قال الوزير: «نعم». وأضاف: «سنواصل العمل»."
        >>> yes = GoldAttribution(Span.of(text, 13, 16), Kind.DIRECT)
        >>> more = GoldAttribution(Span.of(text, 27, 39), Kind.DIRECT)
        >>> gold, guess = Document("d1", text, [yes, more]), Document("d1", text, [yes])
        >>> round(evaluate([gold], [guess]).content.f1, 3)  # precision 1, recall 0.5
        0.667
        >>> evaluate([Document("d1", text)], [guess]).content.f1  # nothing was to be found
        0.0
        >>> evaluate([Document("d1", text)], []).content.f1 is None
        True
        """
        precision, recall = self.precision, self.recall
        if precision is None and recall is None:
            return None
        if not precision or not recall:
            return 0.0
        return 2 * precision * recall / (precision + recall)

    def to_dict(self) -> dict[str, Any]:
        """Return counts and ratios as JSON-ready data.

        >>> text = "قال الوزير: «نعم»"
        >>> gold = Document("d1", text, [GoldAttribution(Span.of(text, 13, 16), Kind.DIRECT)])
        >>> evaluate([gold], [gold]).content.to_dict()  # doctest: +NORMALIZE_WHITESPACE
        {'precision': 1.0, 'recall': 1.0, 'f1': 1.0, 'gold': 1, 'predicted': 1,
         'correct_gold': 1, 'correct_predicted': 1}
        """
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "gold": self.gold,
            "predicted": self.predicted,
            "correct_gold": self.correct_gold,
            "correct_predicted": self.correct_predicted,
        }


@frozen
class Ratio:
    """An accuracy: ``right`` out of ``total``, ``None`` when there was nothing to judge.

    >>> text = "قال الوزير: «نعم». وأضاف: «سنواصل العمل»."
    >>> yes = GoldAttribution(Span.of(text, 12, 17), Kind.DIRECT)  # «نعم», marks and all
    >>> more = GoldAttribution(Span.of(text, 27, 39), Kind.DIRECT)
    >>> less = GoldAttribution(Span.of(text, 27, 33), Kind.DIRECT)  # سنواصل only
    >>> gold, guess = Document("d1", text, [yes, more]), Document("d1", text, [yes, less])
    >>> evaluate([gold], [guess]).exact_boundaries
    Ratio(right=1, total=2)
    >>> Ratio(3, 4).value, Ratio(0, 0).value
    (0.75, None)
    """

    right: int
    total: int

    @property
    def value(self) -> float | None:
        """Return ``right / total``, or ``None`` when ``total`` is 0.

        >>> text = "قال الوزير: «نعم»"
        >>> gold = Document("d1", text, [GoldAttribution(Span.of(text, 13, 16), Kind.DIRECT)])
        >>> evaluate([gold], [gold]).kind.value
        1.0
        >>> evaluate([gold], []).kind.value is None  # no match, so no kind to judge
        True
        """
        return None if self.total == 0 else self.right / self.total

    def to_dict(self) -> dict[str, Any]:
        """Return the accuracy and its counts as JSON-ready data.

        >>> text = "قال الوزير: «نعم»"
        >>> gold = Document("d1", text, [GoldAttribution(Span.of(text, 13, 16), Kind.DIRECT)])
        >>> guess = Document("d1", text, [GoldAttribution(Span.of(text, 13, 16), Kind.INDIRECT)])
        >>> evaluate([gold], [guess]).kind.to_dict()
        {'accuracy': 0.0, 'right': 0, 'total': 1}
        """
        return {"accuracy": self.value, "right": self.right, "total": self.total}


class MismatchKind(enum.Enum):
    """What went wrong with one attribution.

    >>> text = "قال الوزير: «نعم»"
    >>> gold = Document("d1", text, [GoldAttribution(Span.of(text, 13, 16), Kind.DIRECT)])
    >>> [mismatch.kind for mismatch in evaluate([gold], []).mismatches]
    [<MismatchKind.MISS: 'miss'>]
    >>> MismatchKind("false alarm").name
    'FALSE_ALARM'
    """

    MISS = "miss"
    FALSE_ALARM = "false alarm"
    WRONG_SPEAKER = "wrong speaker"


@frozen
class Mismatch:
    """One miss, false alarm or wrong speaker, with the sentence it happened in.

    >>> text = "وقال الوزير إن الحوار مستمر."
    >>> gold = GoldAttribution(Span.of(text, 15, 27), Kind.INDIRECT)
    >>> Mismatch("d1", MismatchKind.MISS, gold, None, text).describe().splitlines()[0]
    'miss in d1: indirect 15:27 «الحوار مستمر»'
    """

    document: str
    kind: MismatchKind
    gold: GoldAttribution | None
    predicted: GoldAttribution | None
    sentence: str

    def describe(self) -> str:
        """Return a few readable lines saying what was expected, what was found, and where.

        >>> text = "قال الوزير أمام السفير: «نعم»"
        >>> gold = GoldAttribution(Span.of(text, 25, 28), Kind.DIRECT, speaker=Span.of(text, 4, 10))
        >>> guess = GoldAttribution(gold.content, Kind.DIRECT, speaker=Span.of(text, 16, 22))
        >>> print(Mismatch("d1", MismatchKind.WRONG_SPEAKER, gold, guess, text).describe())
        wrong speaker in d1: direct 25:28 «نعم»
            gold speaker:      4:10 «الوزير»
            predicted speaker: 16:22 «السفير»
            sentence: قال الوزير أمام السفير: «نعم»
        """
        shown = self.gold if self.gold is not None else self.predicted
        assert shown is not None  # a mismatch always has one side
        head = (
            f"{self.kind.value} in {self.document}: {shown.kind.value} "
            f"{shown.content.start}:{shown.content.end} «{shown.content.text}»"
        )
        lines = [head]
        if self.kind is MismatchKind.WRONG_SPEAKER:
            lines.append(f"    gold speaker:      {_speaker_label(self.gold)}")
            lines.append(f"    predicted speaker: {_speaker_label(self.predicted)}")
        elif _has_speaker(shown):
            lines.append(f"    speaker: {_speaker_label(shown)}")
        lines.append(f"    sentence: {self.sentence}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """Return the mismatch as JSON-ready data, both sides in the gold format.

        >>> text = "قال: نعم"
        >>> Mismatch("d1", MismatchKind.FALSE_ALARM, None,
        ...          GoldAttribution(Span.of(text, 5, 8), Kind.DIRECT), text).to_dict()["kind"]
        'false alarm'
        """
        return {
            "document": self.document,
            "kind": self.kind.value,
            "gold": None if self.gold is None else self.gold.to_json(),
            "gold_content": None if self.gold is None else self.gold.content.text,
            "predicted": None if self.predicted is None else self.predicted.to_json(),
            "predicted_content": None if self.predicted is None else self.predicted.content.text,
            "sentence": self.sentence,
        }


def _speaker_label(attribution: GoldAttribution | None) -> str:
    if attribution is None or not _has_speaker(attribution):
        return "(none)"
    span = attribution.speaker
    where = "" if span is None else f" {span.start}:{span.end} «{span.text}»"
    name = attribution.speaker_name or ""
    return f"{name}{where}".strip()


_SENTENCE_ENDS = frozenset(".!?؟۔\n")
_CONTEXT = 200  # characters of context at most on each side of a long sentence


def _sentence(text: str, span: Span) -> str:
    start = span.start
    while start > 0 and text[start - 1] not in _SENTENCE_ENDS and span.start - start < _CONTEXT:
        start -= 1
    end = span.end
    while end < len(text) and text[end] not in _SENTENCE_ENDS and end - span.end < _CONTEXT:
        end += 1
    if end < len(text) and text[end] != "\n":
        end += 1
    return " ".join(text[start:end].split())


@frozen
class Report:
    """The scores of one evaluation, with every mismatch kept for explanation.

    ``content`` counts matched contents and ``content_strict`` those whose
    overlap also covers 80 % of the longer content; ``by_kind`` counts recall by the gold
    kind and precision by the predicted kind, so a kind confusion shows up in
    ``kind``, not as a miss. ``end_to_end`` counts a match as right only
    with the right speaker. ``outlets`` scores (attribution, outlet) pairs.
    ``exact_boundaries``, ``kind``, ``speaker`` and ``cue`` are accuracies
    among matches; ``gender`` among the matches whose gold speaker has a gender.

    >>> text = "قال الوزير: «نعم». وأضاف: «سنواصل العمل»."
    >>> yes = GoldAttribution(Span.of(text, 13, 16), Kind.DIRECT)
    >>> more = GoldAttribution(Span.of(text, 27, 39), Kind.DIRECT)
    >>> report = evaluate([Document("d1", text, [yes, more])], [Document("d1", text, [yes])])
    >>> report.documents, report.content.recall, report.by_kind[Kind.DIRECT].recall
    (1, 0.5, 0.5)
    >>> report.mismatches[0].gold.content.text
    'سنواصل العمل'
    """

    documents: int
    threshold: float
    content: Score
    content_strict: Score
    by_kind: Mapping[Kind, Score] = field(hash=False)
    end_to_end: Score
    outlets: Score
    exact_boundaries: Ratio
    kind: Ratio
    speaker: Ratio
    cue: Ratio
    gender: Ratio = Ratio(0, 0)
    mismatches: tuple[Mismatch, ...] = ()

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        """Return every score as JSON-ready data, and the mismatches when ``errors`` is true.

        >>> sorted(evaluate([], []).to_dict())  # doctest: +NORMALIZE_WHITESPACE
        ['by_kind', 'content', 'content_strict', 'cue', 'documents', 'end_to_end',
         'exact_boundaries', 'gender', 'kind', 'outlets', 'speaker', 'threshold']
        >>> text = "قال الوزير: «نعم»"
        >>> gold = Document("d1", text, [GoldAttribution(Span.of(text, 13, 16), Kind.DIRECT)])
        >>> evaluate([gold], []).to_dict(errors=True)["errors"][0]["gold_content"]
        'نعم'
        """
        data: dict[str, Any] = {
            "documents": self.documents,
            "threshold": self.threshold,
            "content": self.content.to_dict(),
            "content_strict": self.content_strict.to_dict(),
            "by_kind": {kind.value: score.to_dict() for kind, score in self.by_kind.items()},
            "end_to_end": self.end_to_end.to_dict(),
            "outlets": self.outlets.to_dict(),
            "exact_boundaries": self.exact_boundaries.to_dict(),
            "kind": self.kind.to_dict(),
            "speaker": self.speaker.to_dict(),
            "cue": self.cue.to_dict(),
            "gender": self.gender.to_dict(),
        }
        if errors:
            data["errors"] = [mismatch.to_dict() for mismatch in self.mismatches]
        return data

    def format_table(self) -> str:
        """Return the scores as a plain-text table for people.

        >>> text = "قال الوزير: «نعم»"
        >>> gold = Document("d1", text, [GoldAttribution(Span.of(text, 13, 16), Kind.DIRECT)])
        >>> print(evaluate([gold], [gold]).format_table())  # doctest: +ELLIPSIS
        1 document: 1 gold and 1 predicted attributions
        (contents match when they share at least 50% of the shorter one)
        <BLANKLINE>
                               precision  recall      F1   gold   pred
        content                    1.000   1.000   1.000      1      1
        ...
        """

        def number(value: float | None) -> str:
            return "-" if value is None else f"{value:.3f}"

        def score_row(label: str, score: Score) -> str:
            return (
                f"{label:<22}{number(score.precision):>10}{number(score.recall):>8}"
                f"{number(score.f1):>8}{score.gold:>7}{score.predicted:>7}"
            )

        def ratio_row(label: str, ratio: Ratio) -> str:
            return f"{label:<22}{number(ratio.value):>10}{ratio.right:>8}{ratio.total:>8}"

        lines = [
            f"{self.documents} document{'' if self.documents == 1 else 's'}: "
            f"{self.content.gold} gold and "
            f"{self.content.predicted} predicted attributions",
            f"(contents match when they share at least {self.threshold:.0%} of the shorter one)",
            "",
            f"{'':<22}{'precision':>10}{'recall':>8}{'F1':>8}{'gold':>7}{'pred':>7}",
            score_row("content", self.content),
            score_row("content, strict", self.content_strict),
            *(score_row(f"  {kind.value}", score) for kind, score in self.by_kind.items()),
            score_row("content + speaker", self.end_to_end),
            score_row("outlets", self.outlets),
            "",
            f"{'among matches':<22}{'accuracy':>10}{'right':>8}{'of':>8}",
            ratio_row("exact boundaries", self.exact_boundaries),
            ratio_row("kind", self.kind),
            ratio_row("speaker", self.speaker),
            ratio_row("cue", self.cue),
            ratio_row("speaker gender", self.gender),
        ]
        return "\n".join(lines)

    def format_errors(self) -> str:
        """Return every mismatch, grouped as misses, false alarms and wrong speakers.

        >>> text = "قال الوزير: «نعم»"
        >>> gold = Document("d1", text, [GoldAttribution(Span.of(text, 13, 16), Kind.DIRECT)])
        >>> print(evaluate([gold], []).format_errors())
        miss in d1: direct 13:16 «نعم»
            sentence: قال الوزير: «نعم»
        >>> evaluate([gold], [gold]).format_errors()
        'no misses, false alarms or wrong speakers'
        """
        if not self.mismatches:
            return "no misses, false alarms or wrong speakers"
        blocks = [
            mismatch.describe()
            for kind in MismatchKind
            for mismatch in self.mismatches
            if mismatch.kind is kind
        ]
        return "\n\n".join(blocks)


def _pair_documents(
    gold: Sequence[Document], predicted: Sequence[Document]
) -> list[tuple[Document, Document | None]]:
    by_id: dict[str, Document] = {}
    for document in gold:
        if document.id in by_id:
            raise ValueError(f"gold has two documents with id {document.id!r}; ids must be unique")
        by_id[document.id] = document
    guesses: dict[str, Document] = {}
    for document in predicted:
        expected = by_id.get(document.id)
        if expected is None:
            raise ValueError(
                f"predicted document {document.id!r} is not in the gold; "
                "predictions must use the gold documents' ids"
            )
        if document.text != expected.text:
            raise ValueError(
                f"predicted document {document.id!r} has a different text from the gold one; "
                "offsets are only comparable on the same text"
            )
        if document.id in guesses:
            raise ValueError(f"predictions have two documents with id {document.id!r}")
        guesses[document.id] = document
    return [(document, guesses.get(document.id)) for document in gold]


def evaluate(
    gold: Iterable[Document],
    predicted: Iterable[Document],
    options: EvaluationOptions | None = None,
) -> Report:
    """Score predicted documents against gold ones with the same ids and texts.

    A gold document without a predicted counterpart counts as predicting nothing.

    >>> text = "وبحسب رويترز، فإن المحادثات مستمرة. وقالت الوزيرة: «نعم»."
    >>> talks = GoldAttribution(Span.of(text, 18, 34), Kind.INDIRECT, sources=["Reuters"])
    >>> yes = GoldAttribution(Span.of(text, 52, 55), Kind.DIRECT)
    >>> report = evaluate([Document("d1", text, [talks, yes])], [Document("d1", text, [talks])])
    >>> report.content.precision, report.content.recall, report.outlets.f1
    (1.0, 0.5, 1.0)
    >>> [mismatch.kind.value for mismatch in report.mismatches]
    ['miss']
    """
    options = options or EvaluationOptions()
    threshold, extra = options.threshold, options.outlets
    pairs = _pair_documents(list(gold), list(predicted))
    names = ("gold", "predicted", "matched", "strict", "exact", "kind", "speaker", "cue")
    counts: dict[str, int] = dict.fromkeys((*names, "gendered", "gender"), 0)
    kind_counts = {kind: [0, 0, 0, 0] for kind in Kind}  # predicted, gold, right p, right g
    outlet_counts = [0, 0, 0]  # predicted, gold, shared
    mismatches: list[Mismatch] = []
    for gold_document, predicted_document in pairs:
        text = gold_document.text
        expected = gold_document.attributions
        found = () if predicted_document is None else predicted_document.attributions
        matches = match(expected, found, threshold)
        counts["gold"] += len(expected)
        counts["predicted"] += len(found)
        counts["matched"] += len(matches)
        for attribution in expected:
            kind_counts[attribution.kind][1] += 1
            outlet_counts[1] += len(_outlets(attribution, extra))
        for attribution in found:
            kind_counts[attribution.kind][0] += 1
            outlet_counts[0] += len(_outlets(attribution, extra))
        for i, j in matches:
            g, p = expected[i], found[j]
            kind_counts[p.kind][2] += 1
            kind_counts[g.kind][3] += 1
            counts["exact"] += trim(g.content) == trim(p.content)
            counts["strict"] += _strict(g.content, p.content)
            counts["kind"] += g.kind is p.kind
            counts["cue"] += _same_cue(g, p, threshold)
            if g.speaker_gender is not None:
                counts["gendered"] += 1
                counts["gender"] += p.speaker_gender is g.speaker_gender
            outlet_counts[2] += len(_outlets(g, extra) & _outlets(p, extra))
            if _same_speaker(g, p, threshold):
                counts["speaker"] += 1
            else:
                mismatches.append(
                    Mismatch(
                        gold_document.id,
                        MismatchKind.WRONG_SPEAKER,
                        g,
                        p,
                        _sentence(text, g.content),
                    )
                )
        matched_gold = {i for i, _ in matches}
        matched_predicted = {j for _, j in matches}
        mismatches.extend(
            Mismatch(gold_document.id, MismatchKind.MISS, g, None, _sentence(text, g.content))
            for i, g in enumerate(expected)
            if i not in matched_gold
        )
        mismatches.extend(
            Mismatch(
                gold_document.id, MismatchKind.FALSE_ALARM, None, p, _sentence(text, p.content)
            )
            for j, p in enumerate(found)
            if j not in matched_predicted
        )
    matched, strict = counts["matched"], counts["strict"]
    return Report(
        documents=len(pairs),
        threshold=threshold,
        content=Score(counts["predicted"], counts["gold"], matched, matched),
        content_strict=Score(counts["predicted"], counts["gold"], strict, strict),
        by_kind={kind: Score(*numbers) for kind, numbers in kind_counts.items()},
        end_to_end=Score(counts["predicted"], counts["gold"], counts["speaker"], counts["speaker"]),
        outlets=Score(outlet_counts[0], outlet_counts[1], outlet_counts[2], outlet_counts[2]),
        exact_boundaries=Ratio(counts["exact"], matched),
        kind=Ratio(counts["kind"], matched),
        speaker=Ratio(counts["speaker"], matched),
        cue=Ratio(counts["cue"], matched),
        gender=Ratio(counts["gender"], counts["gendered"]),
        mismatches=tuple(mismatches),
    )


def predict(
    documents: Iterable[Document], extract: ExtractFunction | None = None
) -> list[Document]:
    """Run an extractor (quoteattr's own by default) on each document's text.

    >>> def nothing(text):
    ...     return []
    >>> predict([Document("d1", "لا شيء")], nothing)
    [Document(id='d1', text='لا شيء', attributions=(), meta={})]
    """
    if extract is None:
        from .pipeline import extract as quoteattr_extract  # the extractor is optional here

        extract = quoteattr_extract
    return [
        Document.from_predictions(document.id, document.text, extract(document.text))
        for document in documents
    ]
