"""Attributions being built, in normalised offsets, and the state the linking rules share.

Every rule adds :class:`Draft` values to one :class:`Linking`; each draft
names the rule that made it, and :data:`CONFIDENCE` gives that rule's base
confidence. :mod:`quoteattr.pipeline` maps finished drafts back to the
caller's text.

>>> from quoteattr.pipeline import link, read_document
>>> [(d.rule, d.kind.value) for d in link(read_document("وقال الوزير ان المفاوضات مستمرة.")).drafts]
[('verb_an', 'indirect')]
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from operator import attrgetter

from attrs import define, field

from .context import Context
from .lexicons import VerbForm
from .mentions import Mention
from .model import Kind, Speaker

__all__ = ["CONFIDENCE", "Draft", "Linking", "drop_duplicates"]

CONFIDENCE = {
    "verb_colon_quote": 0.95,
    "verb_quote": 0.9,
    "verb_an": 0.9,
    "verb_colon": 0.8,
    "verb_object": 0.7,
    "verb_preposition": 0.7,
    "postposed_cue": 0.85,
    "continued_quote": 0.8,
    "according_to_preposed": 0.75,
    "according_to_postposed": 0.7,
    "headline": 0.7,
}
"""Every rule that produces attributions, with its base confidence, in the order the docs list them.

A rule not named here (none should be) gets 0.6.
"""


@define
class Draft:
    """An attribution being built, in normalised character offsets.

    ``speaker`` is the mention that names the source; ``needs_speaker`` marks a
    dropped subject to be resolved by coreference; ``rule`` names the rule that
    made it; ``gender`` (``f``, ``m`` or empty) is set by :mod:`quoteattr.gender`,
    ``probability`` (the calibrated confidence) by :mod:`quoteattr.confidence`.

    >>> from quoteattr.pipeline import link, read_document
    >>> draft = link(read_document("واضاف ان الاتفاق جاهز.")).drafts[0]
    >>> draft.rule, draft.speaker is None
    ('verb_an', True)
    """

    content: tuple[int, int]
    kind: Kind
    rule: str
    cue: tuple[int, int] | None = None
    lemma: str | None = None
    verb: VerbForm | None = None
    speaker: Mention | None = None
    needs_speaker: bool = False
    sources: list[Mention] = field(factory=list)
    addressee: tuple[int, int] | None = None
    cue_index: int = -1
    sentence: int = 0
    gender: str = ""
    probability: float | None = None

    @property
    def confidence(self) -> float:
        """Return how sure the producing rule is, lowered for a risky cue or no speaker.

        >>> from quoteattr.pipeline import link, read_document
        >>> link(read_document("قال الوزير: «نعم»")).drafts[0].confidence
        0.95
        """
        value = CONFIDENCE.get(self.rule, 0.6)
        if self.verb is not None and self.verb.risky:
            value -= 0.15
        if self.speaker is None:
            value -= 0.1
        return round(max(0.05, min(1.0, value)), 2)


@define
class Linking:
    """One document's drafts as the rules add them, with the quotes they have used.

    ``owned_quotes`` holds the opening offsets of quotes that are already some
    draft's content; ``canonical`` maps a speaker mention's first token to the
    offsets of the name it stands for; ``speakers`` keeps the public
    :class:`~quoteattr.model.Speaker` built for a mention, for the next
    statement of the same speaker.

    >>> from quoteattr.pipeline import read_document
    >>> Linking(read_document("قال الوزير")).drafts
    []
    """

    document: Context
    drafts: list[Draft] = field(factory=list)
    owned_quotes: set[int] = field(factory=set)
    canonical: dict[int, tuple[int, int]] = field(factory=dict)
    speakers: dict[tuple[int, int, int, int, int, str, str], Speaker] = field(factory=dict)
    # What content_after knows of the drafts seen so far: the list it read, how
    # many of them, their highest cue index and their latest content start.
    _seen: tuple[list[Draft] | None, int, int, int] = field(
        default=(None, 0, -1, -1), init=False, repr=False, eq=False
    )

    def content_after(self, offset: int, cue_index: int, *, strict: bool = False) -> bool:
        """Tell whether a draft of a cue up to ``cue_index`` has its content start after ``offset``.

        With ``strict`` the cue must stand before ``cue_index``. The answer of
        ``any(d.cue_index <= cue_index and d.content[0] > offset for d in drafts)``
        without a walk over every draft at each question (quadratic over a long
        document): rules only append drafts, and one that drops some makes a new
        list, so the highest cue index and latest content start of the drafts
        seen are kept up to date; only when a draft of a later cue exists are the
        drafts walked.

        >>> from quoteattr.pipeline import read_document
        >>> from quoteattr.model import Kind
        >>> linking = Linking(read_document("قال الوزير ان الحل قريب."))
        >>> linking.drafts.append(Draft((11, 24), Kind.INDIRECT, "verb_an", cue_index=0))
        >>> linking.content_after(5, 2), linking.content_after(11, 2)
        (True, False)
        >>> linking.content_after(5, 0), linking.content_after(5, 0, strict=True)
        (True, False)
        """
        drafts = self.drafts
        seen, count, highest_cue, latest_start = self._seen
        if seen is not drafts or count > len(drafts):
            count, highest_cue, latest_start = 0, -1, -1
        for draft in drafts[count:]:
            highest_cue = max(highest_cue, draft.cue_index)
            latest_start = max(latest_start, draft.content[0])
        self._seen = (drafts, len(drafts), highest_cue, latest_start)
        if highest_cue < cue_index or (highest_cue == cue_index and not strict):
            return latest_start > offset  # every draft seen has a cue early enough
        if strict:
            return any(d.cue_index < cue_index and d.content[0] > offset for d in drafts)
        return any(d.cue_index <= cue_index and d.content[0] > offset for d in drafts)


def drop_duplicates(linking: Linking) -> None:
    """Drop duplicates (same content: keep the surest) and sort the drafts by content.

    A verb with only a noun complement (تشير إلى…) inside another statement's
    content is part of that statement, not a statement of its own.

    >>> from quoteattr.pipeline import read_document
    >>> from quoteattr.model import Kind
    >>> linking = Linking(read_document("قال الوزير ان الحل قريب."))
    >>> linking.drafts = [Draft((15, 24), Kind.INDIRECT, "verb_an")] * 2
    >>> drop_duplicates(linking)
    >>> len(linking.drafts)
    1
    """
    drafts = linking.drafts
    if not drafts:
        return  # (a quarter of articles quote nobody: nothing to set up for them)
    # Each cover is built only when some draft needs it: without a mixed
    # statement no draft is a fragment of one, and only a verb with a noun
    # complement asks what covers its cue.
    mixed_contents = [d.content for d in drafts if d.kind is Kind.MIXED]
    mixed = SpanCover(mixed_contents) if mixed_contents else None
    contents: SpanCover | None = None
    best: dict[tuple[int, int], Draft] = {}
    for draft in drafts:
        if mixed is not None and _fragment_of_mixed(draft, mixed):
            continue
        if draft.rule in ("verb_object", "verb_preposition") and draft.cue is not None:
            if contents is None:
                contents = SpanCover(d.content for d in drafts)
            if contents.covers(draft.cue[0], draft.cue[0] + 1, besides=draft.content):
                continue
        if draft.content[1] <= draft.content[0]:
            continue
        kept = best.get(draft.content)
        if kept is None or _preference(draft) > _preference(kept):
            best[draft.content] = draft
    linking.drafts = sorted(best.values(), key=_CONTENT)  # contents are unique: no ties


_CONTENT = attrgetter("content")


def _fragment_of_mixed(draft: Draft, mixed: SpanCover) -> bool:
    """Tell whether a direct draft is only the quoted fragment of a mixed statement.

    "أكد أن النتيجة ستعلن «مهما كانت»": the quote after ستعلن, or before a
    postposed على حد تعبيره, is part of the mixed content, not a statement of its own.
    """
    if draft.kind is not Kind.DIRECT or draft.rule == "verb_colon_quote":
        return False
    return mixed.covers(*draft.content, besides=draft.content)


class SpanCover:
    """Spans that answer "does another span cover this stretch?" in logarithmic time.

    Sorted by start, each prefix keeps the two distinct spans reaching furthest,
    so one binary search answers for a whole document's drafts without a rescan.

    >>> cover = SpanCover([(0, 10), (5, 20), (30, 40)])
    >>> cover.covers(6, 15), cover.covers(6, 15, besides=(5, 20)), cover.covers(21, 22)
    (True, False, False)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(set(spans))
        self._starts = [start for start, _ in ordered]
        self._furthest: list[tuple[tuple[int, int], tuple[int, int] | None]] = []
        first: tuple[int, int] | None = None
        second: tuple[int, int] | None = None
        for span in ordered:
            if first is None or span[1] > first[1]:
                first, second = span, first
            elif second is None or span[1] > second[1]:
                second = span
            self._furthest.append((first, second))

    def covers(self, start: int, end: int, besides: tuple[int, int] | None = None) -> bool:
        """Tell whether a span other than *besides* starts by *start* and reaches *end*."""
        i = bisect.bisect_right(self._starts, start)
        if i == 0:
            return False
        first, second = self._furthest[i - 1]
        if first != besides:
            return first[1] >= end
        return second is not None and second[1] >= end


def _preference(draft: Draft) -> tuple[bool, float, int]:
    """Rank drafts for one content: a finite verb (نقلت over قوله), confidence, earlier cue."""
    finite = draft.verb is None or draft.verb.tense != "noun"
    return finite, draft.confidence, -draft.cue_index
