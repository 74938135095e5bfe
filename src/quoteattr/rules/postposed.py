"""Postposed cues (``postposed_cue``): the quotation comes first, the cue after it.

"«…»، قال قائد الفريق" and "«…»، كما قال". A quotation of two words or more
right before a verb or noun cue is its content; the speaker, if any, follows
the cue, and an outlet after the speaker (لرويترز) is the one it was given to.

>>> from quoteattr.pipeline import link, read_document
>>> [d.rule for d in link(read_document("«الوضع تحت السيطرة»، قال المدير.")).drafts]
['postposed_cue']
"""

from __future__ import annotations

from ..clauses import quote_content
from ..cues import Cue
from ..drafts import Draft, Linking
from ..model import Kind
from ..speakers import mention_at

__all__ = ["postposed_cue"]


def postposed_cue(linking: Linking, cue: Cue, lemma: str) -> bool:
    """Take the quotation right before ``cue`` as its content; tell whether there was one.

    >>> from quoteattr.drafts import Linking
    >>> from quoteattr.pipeline import read_document
    >>> linking = Linking(read_document("«داعش»، قال الوزير"))
    >>> postposed_cue(linking, linking.document.cues[0], "قال")
    False
    """
    document = linking.document
    words = document.words
    reader = document.reader
    k = cue.index - 1
    while k >= 0 and words[k] in ("،", ",", "-", "–", "كما", "وكما"):
        k -= 1  # «…»، قال الوزير / «…»، كما قال
    quote = document.quote_at_close.get(k)
    if quote is None or quote.open in linking.owned_quotes or quote.words < 2:
        return False  # «داعش»، قال…: a one-word quote before a cue is a name
    if any(d.content[0] <= quote.open < d.content[1] for d in linking.drafts):
        return False  # "رأى الوزير أنه «…»، وجدد دعوته…": the quote is already reported
    opening = document.token_at[quote.open]
    if reader.read_outlet(opening) is not None:
        return False
    if cue.phrase is not None and opening > 0 and words[opening - 1][0].isalpha():
        return False  # "الأسعار «عادلة…»، على حد قوله": the whole clause, a mixed quote
    speaker = reader.read(cue.end, allow_bare_name=True) if cue.end < len(words) else None
    sources = [speaker] if speaker is not None and speaker.kind == "outlet" else []
    after = speaker.end if speaker is not None else cue.end
    if after < len(words):
        given_to = mention_at(document, after, False)
        if given_to is not None and given_to.kind == "outlet" and given_to.lead:
            sources.append(given_to)  # «…»، قال الوزير لرويترز
    linking.owned_quotes.add(quote.open)
    linking.drafts.append(
        Draft(
            content=quote_content(document, quote),
            kind=Kind.DIRECT,
            rule="postposed_cue",
            cue=document.cue_span(cue),
            lemma=lemma,
            verb=cue.verb,
            speaker=speaker,
            needs_speaker=speaker is None,
            sources=sources,
            cue_index=cue.index,
            sentence=document.sentence_of[cue.index],
        )
    )
    return True
