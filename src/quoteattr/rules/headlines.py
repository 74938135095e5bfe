"""Headlines (``headline``): ``SPEAKER: CONTENT``, ``SPEAKER لـADDRESSEE: …``, ``X عن TOPIC: …``.

At the start of a line no cue is needed: "وزير المالية: العجز سيتراجع" reports the minister. A
dateline (الرياض - واس:), a one-word list label (الدفاع:) and a credit line
(المصدر: وكالة…) are not headlines.

>>> from quoteattr.pipeline import link, read_document
>>> [d.rule for d in link(read_document("وزير المالية: العجز سيتراجع هذا العام")).drafts]
['headline']
"""

from __future__ import annotations

from attrs import evolve

from ..clauses import content_kind, quote_content, trimmed
from ..drafts import Draft, Linking
from ..mentions import Mention
from ..model import Kind
from ..quotes import QUOTE_MARKS

__all__ = ["headlines"]


def headlines(linking: Linking) -> None:
    """Read a headline at the start of every line.

    >>> from quoteattr.drafts import Linking
    >>> from quoteattr.pipeline import read_document
    >>> linking = Linking(read_document("الرياض - واس: وصل الوفد الى المدينة"))
    >>> headlines(linking)
    >>> linking.drafts
    []
    """
    if ":" not in linking.document.text:
        return  # every headline has its colon; most articles have none at all (one search, in C)
    words = linking.document.words
    n = len(words)
    marks = linking.document.index.sentence_marks
    newlines = [i for i in marks if words[i] == "\n"]
    starts = [0] + [i + 1 for i in newlines]
    for line, start in enumerate(starts):
        if start >= n or not words[start][0].isalpha():
            continue
        colon = _line_colon(words, start, newlines[line] if line < len(newlines) else n)
        if colon is None or colon == start:
            continue
        _headline(linking, start, colon)


def _line_colon(words: list[str], start: int, line_end: int) -> int | None:
    """Return the first colon among the first ten words of the line ``[start, line_end)``.

    Looked for with ``list.index`` in C, not a Python step a word.

    >>> _line_colon(["وزير", "المالية", ":", "نعم", ":"], 0, 5), _line_colon(["نعم"], 0, 1)
    (2, None)
    """
    first = words[start : min(start + 10, line_end)]
    return start + first.index(":") if ":" in first else None


def _headline(linking: Linking, start: int, colon: int) -> None:
    """The headline whose speaker starts at ``start`` and whose colon is at ``colon``, if any."""
    document = linking.document
    words = document.words
    reader = document.reader
    n = len(words)
    if any(document.cue_at.get(j) is not None for j in range(start, colon)):
        return
    if any(not words[j][0].isalpha() and words[j] not in QUOTE_MARKS for j in range(start, colon)):
        return  # "الرياض - واس:" is a dateline
    about = next((j for j in range(start + 1, colon) if words[j] == "عن"), None)
    given_to = reader.read_addressed_outlet(colon - 1) if colon - 1 > start else None
    mention = reader.read(start)
    if given_to is not None and mention is None:
        # "UCLA للعربية: …": the channel the statement was given to marks the
        # words before it as the speaker, even ones the readers do not know.
        mention = Mention(start, given_to.start, "unknown", start, given_to.start, "", None, "")
    elif given_to is not None and mention is not None and mention.end > given_to.start:
        # "وزير المالية للعربية": the channel ends the speaker's mention.
        end = given_to.start
        mention = evolve(mention, end=end, name_end=min(mention.name_end, end))
    if mention is None or mention.kind == "outlet":
        return
    if (
        given_to is None
        and mention.kind in ("organization", "unknown")
        and mention.end - mention.start == 1
        and (mention.head_class != "name" or words[start].startswith("ال"))
    ):
        return  # "الدفاع: …" is a list label; "حماس: …" names its speaker
    k = mention.end
    if about == k:
        k = colon  # "قرقاش عن «الاستيلاء» على الميناء: …": SPEAKER عن TOPIC: CONTENT
    addressee = None
    sources: list[Mention] = []
    if k + 1 < colon and words[k] in ("ل", "لـ") and words[k + 1] in QUOTE_MARKS:
        # "مدير تعليم جدة لـ«عكاظ»: …": the outlet the statement was given to.
        outlet = reader.read_outlet(k + 1)
        if outlet is None:
            return
        sources.append(outlet)
        k = outlet.end
    if given_to is not None and k == given_to.start:
        sources.append(given_to)
        k = colon
    if k < colon and words[k].startswith("ل") and len(words[k]) > 2:
        # "زاخاروفا للناتو:": لـ + the one spoken to; "للناتو" keeps its لل
        # (ل + ال with the alef dropped), "لزيلينسكي" loses its ل.
        strip = 0 if words[k].startswith("لل") else 1
        addressee = (document.tokens.starts[k] + strip, document.tokens.ends[colon - 1])
        k = colon
    if k != colon:
        return
    line_end = k + 1
    while line_end < n and words[line_end] != "\n":
        line_end += 1
    credited = reader.read(colon + 1) if colon + 1 < n and words[colon + 1][0].isalpha() else None
    if credited is not None and credited.kind == "outlet":
        return  # "المصدر: وكالة الأنباء السعودية" is a credit line
    if sum(1 for j in range(colon + 1, line_end) if words[j][0].isalpha()) < 2:
        return
    if colon + 1 in document.quote_at_open:
        quote = document.quote_at_open[colon + 1]
        linking.owned_quotes.add(quote.open)
        span: tuple[int, int] | None = quote_content(document, quote)
        kind = Kind.DIRECT
    else:
        span = trimmed(document, colon + 1, line_end)
        kind = Kind.INDIRECT if span is None else content_kind(linking, *span)
    if span is None:
        return
    linking.drafts.append(
        Draft(
            span,
            kind,
            "headline",
            speaker=mention,
            addressee=addressee,
            sources=sources,
            sentence=document.sentence_of[start],
        )
    )
