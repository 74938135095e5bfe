"""Outlet attachment: which news outlets a statement is cited through, and who they relay.

The mention readers (:mod:`quoteattr.mentions`) recognise an outlet where it
is written; this module decides what it does for a statement: "رويترز
وفرانس برس" are two sources, "نقلت رويترز عن مصدر" makes the source the
speaker and the agency a source, "الوكالة" takes the name of the agency
cited before it, and "وفقا لوكالة…" names the source after a phrase.

>>> from quoteattr.pipeline import read_document
>>> document = read_document("نقلت رويترز وفرانس برس عن مصدر ان")
>>> sources = []
>>> speaker, end = relay(document, document.reader.read(1), 2, sources)
>>> speaker.kind, [s.outlet for s in sources]
('anonymous', ['AFP', 'Reuters'])
"""

from __future__ import annotations

from attrs import evolve

from .context import Context
from .cues import Cue
from .mentions import OUTLET_TYPE_NOUNS, Mention
from .quotes import QUOTE_MARKS

__all__ = ["coordinated", "named_outlet", "relay", "source_after_phrase"]


def coordinated(document: Context, k: int, sources: list[Mention]) -> int:
    """Take outlets joined by و after an outlet: "رويترز وفرانس برس"; return where they end.

    >>> from quoteattr.pipeline import read_document
    >>> sources = []
    >>> coordinated(read_document("رويترز وفرانس برس"), 1, sources), sources[0].outlet
    (3, 'AFP')
    """
    words = document.words
    while k < len(words) and words[k].startswith("و") and len(words[k]) > 2:
        more = document.reader.read(k, strip=1)
        if more is None or more.kind != "outlet":
            break
        sources.append(more)
        k = more.end
    return k


def named_outlet(document: Context, mention: Mention) -> Mention:
    """Give "الوكالة" the name of the outlet cited last before it.

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("نقلت رويترز الخبر. وقالت الوكالة")
    >>> named_outlet(document, document.reader.read(5)).outlet
    'Reuters'
    """
    if mention.kind != "outlet" or mention.outlet is not None:
        return mention
    words = document.words
    outlets = document.lexicon.outlets
    for j in range(mention.start - 1, -1, -1):
        if words[j] in OUTLET_TYPE_NOUNS or words[j] in outlets or words[j] in QUOTE_MARKS:
            earlier = document.reader.read_outlet(j)
            if earlier is not None and earlier.outlet is not None:
                return evolve(
                    mention,
                    outlet=earlier.outlet,
                    name_start=earlier.name_start,
                    name_end=earlier.name_end,
                )
    return mention


def relay(
    document: Context, speaker: Mention, k: int, sources: list[Mention]
) -> tuple[Mention, int]:
    """An outlet as subject: outlets joined by و, and the source it relays after عن.

    "نقلت وكالتا رويترز وفرانس برس عن مصدر…": both agencies are sources and
    the source they quote speaks. Returns the speaker and where its mention ends;
    a speaker that is no outlet comes back unchanged.
    """
    words = document.words
    if speaker.kind == "outlet":
        speaker = named_outlet(document, speaker)
        k = coordinated(document, k, sources)
        if k + 1 < len(words) and words[k] == "عن":
            origin = document.reader.read(k + 1, allow_bare_name=True)
            if origin is not None:
                sources.append(speaker)
                speaker, k = origin, origin.end
    return speaker, k


def source_after_phrase(document: Context, cue: Cue) -> Mention | None:
    """Read the source named after an attribution phrase (وفقا لوكالة…, نقلا عن مصادر).

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("وفقا لوكالة رويترز")
    >>> source_after_phrase(document, document.cues[0]).outlet
    'Reuters'
    """
    k = cue.end
    words = document.words
    reader = document.reader
    cue_at = document.cue_at
    # "بحسب ما ذكرت", "حسبما أفادت": skip the verb to its subject.
    while k < len(words) and (
        words[k] in ("ما", "ل") or (k in cue_at and cue_at[k].verb is not None)
    ):
        k += 1
    if k >= len(words):
        return None
    phrase = cue.phrase
    glued = phrase is not None and phrase.text.rstrip().endswith("ـ") and k == cue.end
    if (
        (glued or (words[k].startswith("ل") and words[k - 1] not in ("ل",) and not reader.read(k)))
        and words[k].startswith("ل")
        and len(words[k]) > 2
    ):
        return reader.read(k, strip=1, outlet_context=True)
    return reader.read(k, outlet_context=True)
