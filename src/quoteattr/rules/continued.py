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

from ..clauses import quote_content
from ..context import SPEECH_QUOTE_WORDS
from ..drafts import Draft, Linking
from ..model import Kind

__all__ = ["continued_quotes"]


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
    ordered = sorted(linking.drafts, key=lambda d: d.content[0])
    for quote in document.quotes:
        if quote.open in linking.owned_quotes or quote.words < SPEECH_QUOTE_WORDS:
            continue
        paragraph_start = text.rfind("\n", 0, quote.open) + 1
        if text[paragraph_start : quote.open].strip():
            continue
        previous = [d for d in ordered if d.content[1] <= quote.open and d.rule != "headline"]
        if not previous:
            continue
        last = previous[-1]
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
