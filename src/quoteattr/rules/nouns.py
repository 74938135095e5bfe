"""Noun cues: a verbal noun that points back at what was said (على حد قوله، وفق قولها).

"«…»، على حد قوله" is a postposed cue; "…، على حد قولها" after an
unquoted clause takes that clause back to the sentence start
(``postposed_cue`` too); a phrase that opens what follows ("وجاء في البيان
أن…") is read like a verb cue.

>>> from quoteattr.pipeline import link, read_document
>>> [d.rule for d in link(read_document("«سنعود قريبا الى المفاوضات»، على حد قوله.")).drafts]
['postposed_cue']
"""

from __future__ import annotations

from attrs import evolve

from ..clauses import classify, trimmed
from ..cues import Cue
from ..drafts import Draft, Linking
from ..lexicons import VerbForm
from .postposed import postposed_cue
from .verbs import verb_cue

__all__ = ["noun_cue"]


def noun_cue(linking: Linking, cue: Cue) -> None:
    """A verbal-noun cue after what was said: «…»، على حد قوله / …، وفق قولها.

    A quote right before it is the content; otherwise, after a comma, the
    clause before it back to the sentence start.

    >>> from quoteattr.pipeline import link, read_document
    >>> [d.content for d in link(read_document("الاسعار سترتفع، على حد قوله.")).drafts]
    [(0, 14)]
    """
    document = linking.document
    words = document.words
    tokens = document.tokens
    lemma = cue.phrase.lemma if cue.phrase else ""
    if postposed_cue(linking, cue, lemma):
        return
    k = cue.index - 1
    last = words[cue.end - 1]
    if (
        k < 1
        or words[k] not in ("،", ",")
        or not last.endswith(("ه", "ها", "هم"))
        or last in ("له", "لها")
    ):
        # "وجاء في البيان أن…"، "وفي تصريح له، أكد…": the phrase opens what follows.
        if not linking.content_after(tokens.starts[cue.index], cue.index):
            length = cue.length
            named = document.reader.read(cue.end - 1) if length > 1 else None
            if named is not None and named.head_class == "document":
                length -= 1  # "وجاء في البيان أن…": the statement is the speaker
            # No gender: "في حديث لـ" says nothing of who spoke (agreement reads "" as "m").
            verb = VerbForm(lemma, "safe", "speech", "noun", "", "s", frozenset())
            verb_cue(linking, evolve(cue, length=length, verb=verb, phrase=None))
        return
    if linking.content_after(tokens.starts[cue.index], cue.index, strict=True):
        return  # "وأوضح المدير، في تصريحات نقلتها الوكالة، أن…": the verb's own setting
    start = k
    while start > 0 and not tokens.ends_sentence(start - 1):
        start -= 1
    span = trimmed(document, start, k)
    if span is None:
        return
    kind, span = classify(linking, *span)
    linking.drafts.append(
        Draft(
            content=span,
            kind=kind,
            rule="postposed_cue",
            cue=document.cue_span(cue),
            lemma=lemma,
            needs_speaker=True,
            cue_index=cue.index,
            sentence=document.sentence_of[cue.index],
        )
    )
