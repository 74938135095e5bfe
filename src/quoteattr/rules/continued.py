"""Continued quotations (``continued_quote``): a quotation that goes on in the same voice.

A long quotation opening a paragraph right after an attributed one (direct,
mixed, or after a colon) is the same speaker going on; it copies that
attribution's speaker and sources.

>>> from quoteattr.pipeline import link, read_document
>>> text = "وقال الوزير: «سنبدأ العمل غدا في كل المدن»\\n«وسنكمل المشروع قبل نهاية العام»"
>>> [d.rule for d in link(read_document(text)).drafts]
['verb_colon_quote', 'continued_quote']
"""

from __future__ import annotations

import bisect

from ..clauses import quote_content
from ..context import SPEECH_QUOTE_WORDS
from ..drafts import Draft, Linking
from ..model import Kind

__all__ = ["Earlier", "continued_quotes"]


def continued_quotes(linking: Linking) -> None:
    """Attribute every unowned long quotation that opens a paragraph after an attributed one.

    >>> from quoteattr.drafts import Linking
    >>> from quoteattr.pipeline import read_document
    >>> linking = Linking(read_document("«سنبدأ العمل غدا في كل المدن»"))
    >>> continued_quotes(linking)
    >>> linking.drafts
    []
    """
    if not linking.drafts:
        return
    document = linking.document
    text = document.text
    earlier: Earlier | None = None  # made at the first quotation that asks: most have none
    for quote in document.quotes:
        if quote.open in linking.owned_quotes or quote.words < SPEECH_QUOTE_WORDS:
            continue
        paragraph_start = text.rfind("\n", 0, quote.open) + 1
        if text[paragraph_start : quote.open].strip():
            continue
        if earlier is None:
            earlier = Earlier(linking.drafts)
        last = earlier.last_ending_by(quote.open)
        if last is None:
            continue
        between = text[last.content[1] : paragraph_start]
        unquoted = last.kind == Kind.INDIRECT and last.rule != "verb_colon"
        if between.count("\n") > 2 or unquoted:
            continue
        linking.owned_quotes.add(quote.open)
        linking.drafts.append(
            Draft(
                quote_content(document, quote),
                Kind.DIRECT,
                "continued_quote",
                cue=None,
                lemma=None,
                speaker=last.speaker,
                needs_speaker=last.speaker is None and last.needs_speaker,
                sources=list(last.sources),
                cue_index=last.cue_index,
                sentence=document.sentence_of[document.token_start(quote.open)],
            )
        )


class Earlier:
    """The drafts other than headlines by content start, asked which ends last by an offset.

    >>> from quoteattr.model import Kind
    >>> direct = Draft((0, 9), Kind.DIRECT, "verb_quote")
    >>> earlier = Earlier([Draft((5, 30), Kind.MIXED, "verb_an"), direct])
    >>> earlier.last_ending_by(20).content, earlier.last_ending_by(8)
    ((0, 9), None)
    """

    def __init__(self, drafts: list[Draft]) -> None:
        ordered = sorted(drafts, key=lambda d: d.content[0])
        self.ordered = [d for d in ordered if d.rule != "headline"]
        self.starts = [d.content[0] for d in self.ordered]
        self.forward = all(start <= end for start, end in (d.content for d in self.ordered))

    def last_ending_by(self, offset: int) -> Draft | None:
        """Return the last draft, by content start, whose content ends by ``offset``.

        The answer of ``[d for d in ordered if d.content[1] <= offset][-1]``
        without a walk over every draft at every quotation: a content ending
        by ``offset`` starts by it too (contents run forward, start ≤ end), so
        the walk goes back from the last draft starting by ``offset`` and
        passes only contents that run across it.
        """
        ordered = self.ordered
        if not self.forward:  # (no rule makes a content that ends before it starts)
            previous = [d for d in ordered if d.content[1] <= offset]
            return previous[-1] if previous else None
        for i in range(bisect.bisect_right(self.starts, offset) - 1, -1, -1):
            if ordered[i].content[1] <= offset:
                return ordered[i]
        return None
