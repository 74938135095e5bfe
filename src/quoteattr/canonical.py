"""Canonical names: a short speaker mention takes the name of the fuller one it stands for.

Runs after coreference (:func:`quoteattr.speakers.resolve_speakers`), on the
speakers every statement ends with; :func:`name_speakers` says which fuller
mention each one takes.

>>> from quoteattr.pipeline import link, read_document
>>> text = "قالت وزارة الصحة ان المستشفيات جاهزة. واكدت الوزارة ان الحالات تراجعت."
>>> linking = link(read_document(text))
>>> start, end = linking.canonical[linking.drafts[1].speaker.start]
>>> linking.document.text[start:end]
'وزارة الصحة'
"""

from __future__ import annotations

import bisect

from .drafts import Linking
from .mentions import Mention, head_noun

__all__ = ["name_speakers"]

# Heads of a title that refers back to any named official of the story.
_GENERIC_OFFICIALS = frozenset({"مسءول", "مسءوله", "مسءولة", "دبلوماسي", "دبلوماسية"})


def name_speakers(linking: Linking) -> None:
    """Give every speaker mention its canonical name.

    A title without a name (الوزير، المسؤول الأمريكي) or a short organisation
    (الوزارة) takes the name of the earlier full mention it refers back to; a
    surname alone takes the full name given elsewhere in the document.

    >>> from quoteattr.pipeline import link, read_document
    >>> text = "قال الوزير سالم احمد ان الحل قريب. وقال الوزير ان الاتفاق جاهز."
    >>> linking = link(read_document(text))
    >>> start, end = linking.canonical[linking.drafts[1].speaker.start]
    >>> linking.document.text[start:end]
    'سالم احمد'
    """
    drafts = linking.drafts
    if not drafts:
        return  # (a quarter of articles quote nobody: nothing to set up for them)
    headlines = {d.speaker.start for d in drafts if d.speaker is not None and d.rule == "headline"}
    by_start = {d.speaker.start: d.speaker for d in drafts if d.speaker is not None}
    earlier: list[Mention] = []
    for mention in [by_start[start] for start in sorted(by_start)]:
        linking.canonical[mention.start] = _canonical(
            linking, mention, earlier, mention.start in headlines
        )
        earlier.append(mention)


def _canonical(
    linking: Linking, mention: Mention, earlier: list[Mention], headline: bool = False
) -> tuple[int, int]:
    document = linking.document
    words = document.words
    if mention.named:
        surname = words[mention.name_end - 1]
        full = document.names.get(surname)
        if full is not None and mention.name_end - mention.name_start == 1:
            return full  # "بيسكوف" → "دميتري بيسكوف"; a new full name stays its own
        return mention.name_span(document.tokens)
    head = head_noun(words[mention.start])
    if mention.kind == "person":
        for other in reversed(earlier):
            if other.kind != "person":
                continue
            same_title = head_noun(words[other.start]) == head and (
                # "رئيس رابطة…" is not "رئيس الوزراء": a longer title must match in full.
                mention.end - mention.start == 1
                or words[mention.start + 1 : mention.end]
                == words[other.start + 1 : other.start + mention.end - mention.start]
            )
            official = (
                head in _GENERIC_OFFICIALS
                and other.named
                and (not mention.gender or other.gender == mention.gender)
            )
            if same_title or official:
                return linking.canonical[other.start]
    elif mention.kind == "organization" and mention.end - mention.start == 1:
        for other in reversed(earlier):
            if (
                other.kind == "organization"
                and head_noun(words[other.start]) == head
                and other.end - other.start > 1
            ):
                return linking.canonical[other.start]
    if mention.kind in ("person", "organization"):
        found = _fuller_mention(linking, mention, head, forward=headline)
        if found is not None:
            return found
    return mention.name_span(document.tokens)  # the mention's own name


_FULLER_CANDIDATES = 256
"""How many words with the same head :func:`_fuller_mention` tries on each side, nearest first."""


def _fuller_mention(
    linking: Linking, mention: Mention, head: str, *, forward: bool
) -> tuple[int, int] | None:
    """Find the fuller mention a short one stands for.

    "الهيئة" stands for an earlier "هيئة قطر للسياحة", "اللاعب" for "لاعب
    الوسط المغربي يوسف بنعمر". The nearest earlier one wins. Only a
    headline looks ahead: its "وزير المالية" is the body's "وزير المالية
    محمد السبيعي".
    """
    document = linking.document
    same_head = document.words_with_head(head)  # indexed once per document, not rescanned
    split = bisect.bisect_left(same_head, mention.start)
    before = same_head[max(0, split - _FULLER_CANDIDATES) : split][::-1]
    later = bisect.bisect_left(same_head, mention.end)
    after = same_head[later : later + _FULLER_CANDIDATES] if forward else []
    for positions in (before, after):
        for j in positions:
            other = document.reader.read(j)
            if other is None or other.kind != mention.kind:
                continue
            if other.named:
                return _canonical(linking, other, [], forward)
            if other.end - other.start > mention.end - mention.start:
                return other.name_span(document.tokens)
    return None
