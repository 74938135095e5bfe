"""According to (``according_to_preposed``, ``according_to_postposed``): بحسب، وفقا لـ، نقلا عن.

The phrase names a source. It joins an attribution of its own sentence when
it stands between that attribution's cue and content, right after its
content, or at the start of the sentence before its cue; with none to join,
it makes its own: the clause after the phrase when the phrase opens the
sentence, the clause before it otherwise.

>>> from quoteattr.pipeline import link, read_document
>>> [d.rule for d in link(read_document("ارتفعت الاسعار، بحسب رويترز.")).drafts]
['according_to_postposed']
"""

from __future__ import annotations

import bisect

from ..clauses import (
    classify,
    clause_end,
    inside_speech,
    is_time_colon,
    quote_content,
    trimmed,
)
from ..context import Context
from ..cues import AN_WORDS, Cue
from ..drafts import Draft, Linking
from ..mentions import Mention, head_noun
from ..model import Kind
from ..outlets import coordinated, named_outlet, source_after_phrase
from ..quotes import QUOTE_MARKS

__all__ = [
    "RESUMPTIVES",
    "STATEMENT_DOCUMENTS",
    "DraftsSoFar",
    "according_to",
    "according_to_phrases",
]

STATEMENT_DOCUMENTS = frozenset(
    {
        "بيان",
        "تقرير",
        "دراسة",
        "احصاءية",
        "احصاءات",
        "مسح",
        "استطلاع",
        "وثيقة",
        "رسالة",
        "مذكرة",
        "بحث",
        "تصريح",
        "تصريحات",
    }
)
"""Documents that state things (وفقا للبيان، بحسب التقرير), unlike rules and plans (وفقا للائحة)."""

RESUMPTIVES = frozenset({"فان", "فقد", "فانه", "فانها", "ف", "فهناك"})
"""Particles that may stand between a preposed "according to" and the reported clause."""


def according_to_phrases(linking: Linking) -> None:
    """Apply :func:`according_to` to every according-to phrase outside a quotation, in order.

    >>> from quoteattr.pipeline import link, read_document
    >>> drafts = link(read_document("وبحسب رويترز، فان الوفد وصل.")).drafts
    >>> [s.outlet for d in drafts for s in d.sources]
    ['Reuters']
    """
    document = linking.document
    so_far: DraftsSoFar | None = None  # indexed at the first phrase: most documents have none
    for cue in document.cues:
        if (
            cue.phrase is not None
            and cue.phrase.role == "according_to"
            and not inside_speech(document, cue.index)
        ):
            if so_far is None:
                so_far = DraftsSoFar(linking.drafts)
            according_to(linking, cue, so_far)


class DraftsSoFar:
    """The drafts made so far, by sentence and by cue token, kept as the phrases add theirs.

    Each phrase looks only at its own sentence's drafts, so a long document is
    read once, not once per phrase.

    >>> from quoteattr.drafts import Draft
    >>> from quoteattr.model import Kind
    >>> so_far = DraftsSoFar([Draft((9, 20), Kind.INDIRECT, "verb_an", cue_index=1, sentence=0)])
    >>> [d.rule for d in so_far.in_sentence(0)], 1 in so_far.cue_indexes, so_far.in_sentence(1)
    (['verb_an'], True, [])
    """

    def __init__(self, drafts: list[Draft]) -> None:
        self.by_sentence: dict[int, list[Draft]] = {}
        self.cue_indexes: set[int] = set()
        for draft in drafts:
            self.add(draft)

    def add(self, draft: Draft) -> None:
        """Index one more draft."""
        self.by_sentence.setdefault(draft.sentence, []).append(draft)
        self.cue_indexes.add(draft.cue_index)

    def in_sentence(self, sentence: int) -> list[Draft]:
        """The drafts of one sentence, in the order they were made."""
        return self.by_sentence.get(sentence, [])


def according_to(linking: Linking, cue: Cue, so_far: DraftsSoFar | None = None) -> None:
    """وفقا لـ، بحسب، نقلا عن: a source for a neighbouring statement, or a statement of its own.

    >>> from quoteattr.drafts import Linking
    >>> from quoteattr.pipeline import read_document
    >>> linking = Linking(read_document("بحسب الخطة، ستبدأ الاعمال."))
    >>> according_to(linking, linking.document.cues[0])
    >>> linking.drafts
    []
    """
    phrase = cue.phrase
    assert phrase is not None
    if so_far is None:
        so_far = DraftsSoFar(linking.drafts)
    if cue.end - 1 in so_far.cue_indexes:
        return  # the phrase's own verb made the statement: "كما أفادت الوكالة بأن…"
    found = _source(linking, cue)
    if found is None:
        return
    mention, outlets, after_mention = found
    document = linking.document
    sentence = document.sentence_of[cue.index]
    if _join(linking, cue, mention, outlets, so_far):
        return
    cue_span, lemma, verb = document.cue_span(cue), phrase.lemma, None
    span: tuple[int, int] | None
    interposed = _interposed(linking, cue, mention, outlets, after_mention)
    if interposed is not None:
        mention, span, said = interposed
        rule = "according_to_preposed"
        if said is not None and said.verb is not None:
            cue_span, lemma, verb = document.cue_span(said), said.verb.lemma, said.verb
    elif document.sentence_start(cue.index):
        rule = "according_to_preposed"
        span = _clause_after(linking, after_mention)
    else:
        rule = "according_to_postposed"
        span = _clause_before(linking, cue.index)
    if span is None or span[1] - span[0] < 2:
        return
    kind, content = _whole_quote(linking, span) or classify(linking, *span)
    draft = Draft(
        content=content,
        kind=kind,
        rule=rule,
        cue=cue_span,
        lemma=lemma,
        verb=verb,
        speaker=mention,
        sources=outlets,
        cue_index=cue.index,
        sentence=sentence,
    )
    linking.drafts.append(draft)
    so_far.add(draft)


SPEAKING_SOURCES = frozenset({"نقل", "على لسان"})
"""Phrase lemmas whose source is the one who speaks (نقلا عن X، على لسان X), not a channel."""


def _interposed(
    linking: Linking, cue: Cue, mention: Mention, outlets: list[Mention], after: int
) -> tuple[Mention, tuple[int, int], Cue | None] | None:
    """The phrase between a verb and its أن: "وأوضح التقرير، وفقا لـ«واس»، أن…".

    The verb's own reading stopped before its أن (a long subject), so the
    phrase stands inside an attribution that was never made: what was said
    follows the أن, and the verb's subject says it (its source after نقلا عن
    or على لسان). Returns the speaker, the content and the verb (the cue), or ``None``.

    >>> from quoteattr.pipeline import link, read_document
    >>> document = read_document("واوضح التقرير، وفقا لـ«واس»، ان الانتاج زاد.")
    >>> [(d.lemma, document.text[d.content[0] : d.content[1]]) for d in link(document).drafts]
    [('أوضح', 'الانتاج زاد')]
    """
    document = linking.document
    words = document.words
    k = after
    while k < len(words) and words[k] in ("،", ","):
        k += 1
    if k + 1 >= len(words) or words[k] not in AN_WORDS or document.sentence_start(cue.index):
        return None
    speaker, verb = mention, None
    phrase = cue.phrase
    if phrase is None or phrase.lemma not in SPEAKING_SOURCES:
        verb = document.speech_verb_before(cue.index)
        if verb is None:
            return None
        subject = document.reader.read(verb.end)
        if subject is None or subject.end > cue.index:
            return None
        speaker = named_outlet(document, subject)
        if speaker.kind == "outlet":
            outlets.insert(0, speaker)
    span = trimmed(document, k + 1, clause_end(document, k + 1))
    return None if span is None else (speaker, span, verb)


def _source(linking: Linking, cue: Cue) -> tuple[Mention, list[Mention], int] | None:
    """Read the phrase's source: the speaker, the outlets and where they end, or ``None``."""
    document = linking.document
    words = document.words
    mention = source_after_phrase(document, cue)
    if mention is None or (mention.kind == "unknown" and mention.head_class != "document"):
        return None
    if (
        mention.head_class == "document"
        and head_noun(words[mention.start]) not in STATEMENT_DOCUMENTS
    ):
        return None  # "وفقا للائحة": in accordance with a rule, not according to a source
    if mention.kind == "organization" and mention.head_class == "generic":
        return None
    mention = named_outlet(document, mention)
    outlets = [mention] if mention.kind == "outlet" else []
    after_mention = coordinated(document, mention.end, outlets) if outlets else mention.end
    if not outlets and mention.head_class == "document":
        publisher = _publisher(document, mention.end)
        if publisher is not None:
            outlets.append(publisher)
            after_mention = publisher.end
    if outlets and after_mention + 1 < len(words) and words[after_mention] == "عن":
        # "وفق ما نقلت وكالة رويترز عن مسؤول…": the outlet relays, the official speaks.
        origin = document.reader.read(after_mention + 1)
        if origin is not None:
            mention, after_mention = origin, origin.end
    addressee = None if outlets else _spoken_to(document, after_mention)
    if addressee is not None:
        outlets.append(named_outlet(document, addressee))
        after_mention = addressee.end
    if (
        mention.kind == "person"
        and mention.head_class == ""
        and mention.name_end - mention.name_start == 1
    ) and words[mention.name_start] not in document.names:
        return None  # "بحسب الخطة": a bare word is no source
    return mention, outlets, after_mention


PUBLISHING_WORDS = 5
"""How many words a relative clause may take before its publisher: "التي سلطت عليها الضوء"."""


def _publisher(document: Context, k: int) -> Mention | None:
    """The outlet that published a document source: "حسب الدراسة التي نشرتها صحيفة X".

    The relative clause after the document (التي / الذي) names the outlet as
    its subject within a few words, before any punctuation or cue.

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("بحسب التقرير الذي أوردته وكالة رويترز")
    >>> _publisher(document, 2).outlet
    'Reuters'
    >>> _publisher(read_document("بحسب التقرير الذي أعده الخبراء"), 2) is None
    True
    """
    words = document.words
    if k >= len(words) or words[k] not in ("التي", "الذي"):
        return None
    for j in range(k + 1, min(k + 1 + PUBLISHING_WORDS, len(words))):
        if not words[j][0].isalpha() and words[j] not in QUOTE_MARKS:
            return None
        found = document.reader.read_outlet(j)
        if found is not None:
            return named_outlet(document, found) if found.outlet is not None else None
    return None


def _spoken_to(document: Context, k: int) -> Mention | None:
    """The outlet a phrase's source spoke to: "وفق ما أفاد المحامي (…) لوكالة رويترز".

    It may follow the source's mention after a name part the mention left out
    (up to two words, no punctuation between).
    """
    words = document.words
    for j in range(k, min(k + 3, len(words))):
        word = words[j]
        if not word[0].isalpha():
            return None
        if word in ("ل", "لـ"):
            found = document.reader.read_outlet(j + 1)
        elif word.startswith("ل") and len(word) > 2:
            found = document.reader.read(j, strip=1)
        else:
            continue
        return found if found is not None and found.kind == "outlet" else None
    return None


def _join(
    linking: Linking, cue: Cue, mention: Mention, outlets: list[Mention], so_far: DraftsSoFar
) -> bool:
    """Add the source to an attribution of the same sentence; tell whether one took it.

    The phrase sits inside an attribution's cue-to-content stretch, right after
    its content, or opens the sentence before its cue.
    """
    document = linking.document
    sentence = document.sentence_of[cue.index]
    position = document.tokens.starts[cue.index]
    for draft in so_far.in_sentence(sentence):
        if draft.rule.startswith("according"):
            continue
        inside = draft.cue is not None and draft.cue[0] < position < draft.content[0]
        after = 0 <= position - draft.content[1] <= 3
        before = cue.index == 0 or (
            document.sentence_start(cue.index) and draft.cue is not None and draft.cue[0] > position
        )
        if inside or after or before:
            draft.sources.extend(outlets)
            if after:
                _share_with_main_statement(so_far, draft, outlets)
            # "وأضاف أن…، بحسب رويترز": the dropped subject still speaks (coreference
            # finds it); the agency is only the channel. A non-outlet source can speak.
            if draft.speaker is None and mention.kind != "outlet" and not inside:
                draft.speaker = mention
                draft.needs_speaker = False
            return True
    return False


def _share_with_main_statement(so_far: DraftsSoFar, draft: Draft, outlets: list[Mention]) -> None:
    """Give the outlets to the statement a participle goes on from: نفى X، واصفا Y، بحسب رويترز."""
    while draft.verb is not None and draft.verb.tense == "participle" and draft.cue is not None:
        cue_start = draft.cue[0]
        earlier = [
            d
            for d in so_far.in_sentence(draft.sentence)
            if d is not draft and d.content[1] <= cue_start
        ]
        if not earlier:
            return
        draft = max(earlier, key=lambda d: d.content[1])
        draft.sources.extend(o for o in outlets if o not in draft.sources)


def _whole_quote(linking: Linking, span: tuple[int, int]) -> tuple[Kind, tuple[int, int]] | None:
    """A clause that is one quotation, however short: "بحسب رويترز: «لا تعليق»" is direct."""
    document = linking.document
    quotes = document.quotes
    for i in range(bisect.bisect_left(document.quote_opens, span[0] - 1), len(quotes)):
        quote = quotes[i]
        if quote.open > span[0]:
            break
        if quote.end >= span[1] - 1:
            linking.owned_quotes.add(quote.open)
            return Kind.DIRECT, quote_content(linking.document, quote)
    return None


def _clause_after(linking: Linking, k: int) -> tuple[int, int] | None:
    """The clause after a preposed phrase and its source, past "، فإن" or a colon."""
    document = linking.document
    words = document.words
    while k < len(words) and (words[k] in ("،", ",", ":") or words[k] in RESUMPTIVES):
        k += 1
    return trimmed(document, k, clause_end(document, k))


RESUMING_DEMONSTRATIVES = frozenset({"وذلك", "ذلك", "وهذا"})
"""Words that point back at the clause before them: "…، وذلك بحسب رويترز" reports that clause."""


def _clause_before(linking: Linking, index: int) -> tuple[int, int] | None:
    """The clause before a postposed phrase, back to a comma, colon or sentence start.

    "…، وذلك بحسب رويترز" and "…. وذلك بحسب رويترز" report the clause
    before the demonstrative, even across the full stop; "وذلك" alone is
    only a pronoun.

    >>> from quoteattr.pipeline import link, read_document
    >>> document = read_document("ارتفعت الاسعار، وذلك بحسب رويترز.")
    >>> draft = link(document).drafts[0]
    >>> document.text[draft.content[0] : draft.content[1]]
    'ارتفعت الاسعار'
    """
    document = linking.document
    words = document.words
    k = index - 1
    if (
        k > 0
        and words[k] in RESUMING_DEMONSTRATIVES
        and (words[k] != "ذلك" or words[k - 1] in ("،", ",", "."))
    ):
        k -= 1  # not "جاء ذلك، وفقا لوكالة…", where ذلك is the verb's subject
        if words[k] == ".":
            k -= 1  # "…. وذلك بحسب البي بي سي"
    while k >= 0 and words[k] in ("،", ","):
        k -= 1
    end = k + 1
    while (
        k >= 0
        and not document.tokens.ends_sentence(k)
        and (words[k] not in ("،", ",", ":", "؛") or is_time_colon(words, k))
    ):
        quote = document.quote_at_close.get(k)
        if quote is not None:
            k = document.token_start(quote.open)
        k -= 1
    return trimmed(document, k + 1, end)
