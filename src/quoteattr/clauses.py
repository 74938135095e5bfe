"""Clause geometry: where a reported clause ends, what is trimmed off it, what kind it is.

Every rule that takes a clause as content asks this module where it stops
(a sentence end, a semicolon, a comma before a new clause or a new
attribution) and which edge punctuation to drop. Offsets are in the
normalised text; token indices index ``document.words``.

>>> from quoteattr.pipeline import read_document
>>> document = read_document("اكد ان الحل قريب، مشيرا الى ان")
>>> document.words[clause_end(document, 2)]
'،'
"""

from __future__ import annotations

import bisect

from .context import SPEECH_QUOTE_WORDS, Context
from .cues import AN_WORDS
from .drafts import Linking
from .fragments import is_speech_fragment
from .mentions import anonymity_clause_end
from .mentions.anonymous import ANONYMITY_STARTS
from .model import Kind
from .quotes import QUOTE_MARKS, Quote
from .tokens import SENTENCE_END

__all__ = [
    "CLAUSE_OPENERS",
    "CONTRASTS",
    "ENDING_OPENERS",
    "KANA",
    "RELATIVES",
    "classify",
    "clause_end",
    "content_kind",
    "inside_anonymity",
    "inside_speech",
    "is_speech_quote",
    "is_time_colon",
    "new_attribution",
    "quote_content",
    "quote_token_end",
    "trimmed",
]

CLAUSE_OPENERS = frozenset(
    {"كما", "فيما", "حيث", "اذ", "بينما", "وفيما", "وكما", "وحيث", "كان", "وكان", "كانت", "وكانت"}
)
"""Words that, after a comma, start a new clause and so end a reported one."""

ENDING_OPENERS = CLAUSE_OPENERS - {"حيث", "وحيث", "اذ"}
"""Openers that end a reported clause after a comma; a حيث/إذ clause goes on explaining it."""

CONTRASTS = frozenset({"بينما", "وبينما"})
"""Words that open a contrasting clause of the writer's, with or without a comma before."""

_DESPITE = frozenset({"رغم", "برغم", "ورغم"})

RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "من", "ما"})
"""Relative pronouns: a verb after one belongs to a relative clause (الشرطة التي رجحت)."""

KANA = frozenset({"كان", "وكان", "كانت", "وكانت", "كانوا", "وكانوا", "فكان", "فكانت", "قد", "وقد"})
"""Forms of كان that open a clause whose subject comes before its verb: وكانت تقارير … قد أفادت."""


def inside_speech(document: Context, i: int) -> bool:
    """Tell whether token ``i`` lies inside a quote long enough to be speech.

    >>> from quoteattr.pipeline import read_document
    >>> inside_speech(read_document("قال: «لقد أكد الجميع أن الحل قريب»"), 5)
    True
    """
    if not document.speech_spans:
        return False  # most documents quote no long stretch
    position = document.tokens.starts[i]
    k = bisect.bisect_right(document.speech_starts, position) - 1
    return k >= 0 and document.speech_spans[k][0] <= position < document.speech_spans[k][1]


def inside_anonymity(document: Context, i: int) -> bool:
    """Tell whether token ``i`` is inside "طلب عدم نشر اسمه" (its verbs report nothing).

    >>> from quoteattr.pipeline import read_document
    >>> inside_anonymity(read_document("قال مسؤول طلب عدم نشر اسمه"), 4)
    True
    """
    words = document.words
    first = max(0, i - 3)
    if ANONYMITY_STARTS.isdisjoint(words[first : i + 1]):
        return False  # nearly always: one test in C for the four words
    for j in range(first, i + 1):
        if words[j] not in ANONYMITY_STARTS:
            continue  # the clause starts at one of these
        end = anonymity_clause_end(words, j)
        if end is not None:
            return i < end
    return False


def quote_token_end(document: Context, quote: Quote) -> int:
    """Return the token index just past a quote (after its closing mark or content).

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("قال: «نعم» ثم غادر")
    >>> quote_token_end(document, document.quotes[0])
    5
    """
    return document.token_start(quote.outer_end)


def is_speech_quote(quote: Quote, after_cue: bool) -> bool:
    """Tell speech from a quoted name: long enough, or short right after a cue or colon.

    >>> from quoteattr.quotes import find_quotes
    >>> is_speech_quote(find_quotes("صواريخ «باتريوت»")[0], after_cue=False)
    False
    """
    if quote.words >= SPEECH_QUOTE_WORDS:
        return True
    return after_cue and quote.words >= 1


def is_time_colon(words: list[str], k: int) -> bool:
    """Tell whether the colon at token ``k`` is inside a time or a ratio ("18:44", "3:2").

    A colon between two numbers opens nothing: "ورد بلاغ الساعة 18:44 مساء"
    reports no content after it.

    >>> is_time_colon(["الساعة", "18", ":", "44"], 2), is_time_colon(["وقال", ":"], 1)
    (True, False)
    """
    return (
        words[k] == ":"
        and 0 < k < len(words) - 1
        and words[k - 1].isdigit()
        and words[k + 1].isdigit()
    )


def clause_end(document: Context, start: int) -> int:
    """Return the token index where a reported clause starting at ``start`` ends.

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("قال ان الحل قريب؛ وغادر")
    >>> document.words[clause_end(document, 2)]
    '؛'
    """
    words = document.words
    tokens = document.tokens
    quote_at_open = document.quote_at_open
    cue_at = document.cue_at
    n = len(words)
    k = start
    while k < n:
        word = words[k]
        if word not in _CLAUSE_SIGNALS and k not in cue_at and k not in quote_at_open:
            k += 1  # one lookup an ordinary word: none of the tests below can stop here
            continue
        quote = quote_at_open.get(k)
        if quote is not None:
            k = max(k + 1, quote_token_end(document, quote))
            continue
        if word == ":" and is_time_colon(words, k):
            k += 1
            continue
        if (word in SENTENCE_END and tokens.ends_sentence(k)) or word in ("؛", ";", ":"):
            break
        if word == ")" and "(" not in words[start:k]:
            break  # the writer's bracket closes around the report
        if (
            k > start
            and (word == "،" or word == ",")
            and k + 1 < n
            and _opens_clause(document, k + 1)
        ):
            break
        if k > start + 1 and (
            (k in cue_at and new_attribution(document, k))
            or ((word in _REPORT_ENDERS or k in cue_at) and _ends_report(document, k))
        ):
            break  # (both tests find nothing at a word that is neither)
        k += 1
    return k


# Every word a test of clause_end or _ends_report stops at without a cue or a
# quotation there: keep it in step with them.
_CLAUSE_SIGNALS = (
    SENTENCE_END
    | CONTRASTS
    | _DESPITE
    | {"؛", ";", ":", ")", "،", ",", "في", "وفي", "على", "وعلى", "وهو", "وهي", "وهذا"}
)
_REPORT_ENDERS = CONTRASTS | _DESPITE | {"في", "وفي", "على", "وعلى", "وهو", "وهي", "وهذا"}
"""The words :func:`_ends_report` can stop at without a cue there."""


def _ends_report(document: Context, k: int) -> bool:
    """Tell whether token ``k`` opens the writer's own clause, comma or not.

    بينما، في حين، رغم أن، على الرغم من أن، وهو ما، and a postposed على حد
    تعبيره end what was reported.

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("قال انه غادر على الرغم من ان الطريق مغلق")
    >>> _ends_report(document, 3)
    True
    """
    words = document.words
    n = len(words)
    word = words[k]
    if word in CONTRASTS or (word in ("في", "وفي") and k + 1 < n and words[k + 1] == "حين"):
        return True
    if word in _DESPITE and k + 1 < n and words[k + 1] in AN_WORDS:
        return True
    if word in ("على", "وعلى") and words[k + 1 : k + 4] == ["الرغم", "من", "ان"]:
        return True
    if word in ("وهو", "وهي", "وهذا") and k + 1 < n and words[k + 1] == "ما":
        return True  # "، وهو ما تنفيه الدوحة": the writer's comment on it
    cue = document.cue_at.get(k)
    return cue is not None and cue.phrase is not None and cue.phrase.text.startswith("على حد")


def _opens_clause(document: Context, k: int) -> bool:
    """After a comma: a clause opener, a relative clause running to the sentence end, a new cue."""
    words = document.words
    word = words[k]
    if word in ENDING_OPENERS or (word == "في" and k + 1 < len(words) and words[k + 1] == "حين"):
        return True
    if word in _TAIL_RELATIVES and _runs_to_sentence_end(document, k):
        return True  # "…مسار الصحفي، الذي عرف بانتقاده…." : the writer's background
    if word in _OPENERS_OF_SPEECH and _speech_verb_at(document, k + 1):
        return True  # "…، إذ قال مسؤول…"، "…، حيث أكد…": the next statement, not this one
    cue = document.cue_at.get(k)
    if cue is None:
        return False
    if cue.phrase is not None:
        return cue.phrase.role in ("according_to", "noun_cue")
    verb = cue.verb
    if verb is not None and verb.tense == "participle":
        return True  # "، واصفا…"، "، متعهدا ب…": a new participial statement
    if (
        verb is not None
        and verb.tier != "weak"
        and verb.tense == "past"
        and (not verb.risky or words[k][0] in "وف")
        and k + 1 < len(words)
        and words[k + 1] in AN_WORDS
    ):
        return True  # "…، أكد أن…"، "…، واعتبر أن…": a new statement, the subject dropped
    return new_attribution(document, k)


_OPENERS_OF_SPEECH = frozenset({"اذ", "حيث", "كما", "فيما", "بينما"})
"""Clause openers that, right before a speech verb, start a statement of its own."""


def _speech_verb_at(document: Context, k: int) -> bool:
    cue = document.cue_at.get(k)
    verb = None if cue is None else cue.verb
    return verb is not None and verb.tier == "safe" and verb.tense in ("past", "present")


_TAIL_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"})


def _runs_to_sentence_end(document: Context, k: int) -> bool:
    """Tell whether the clause from token ``k`` reaches its sentence end without a comma."""
    words = document.words
    tokens = document.tokens
    for j in range(k, len(words)):
        if tokens.ends_sentence(j) or words[j] in ("؛", ";"):
            return True
        if words[j] in ("،", ","):
            return False
    return True


def new_attribution(document: Context, k: int) -> bool:
    """Tell whether token ``k`` opens a new attribution: a participle cue or و+speech verb.

    >>> from quoteattr.pipeline import read_document
    >>> new_attribution(read_document("الحل قريب واضاف"), 2)
    True
    """
    cue = document.cue_at.get(k)
    if cue is None or cue.verb is None or cue.verb.risky:
        return False
    if cue.verb.tense == "participle":
        return True
    return document.words[k][0] in "وف" and cue.verb.tense in ("past", "present")


def trimmed(document: Context, start: int, end: int) -> tuple[int, int] | None:
    """Return the character span of tokens ``[start, end)`` without edge punctuation.

    >>> from quoteattr.pipeline import read_document
    >>> trimmed(read_document("، الحل قريب ."), 0, 4)
    (2, 11)
    """
    while start < end and not _keeps_at_start(document, start):
        start += 1
    while end > start and not _keeps_at_end(document, end - 1, start):
        end -= 1
    if start >= end:
        return None
    return document.tokens.starts[start], document.tokens.ends[end - 1]


def _keeps_at_start(document: Context, i: int) -> bool:
    word = document.words[i]
    if word[0].isalnum():
        return True
    quote = document.quote_at_open.get(i)
    return quote is not None and word in QUOTE_MARKS


def _keeps_at_end(document: Context, i: int, start: int) -> bool:
    word = document.words[i]
    if word[0].isalnum():
        return True
    if word in ")]}" or word == "%":
        return True
    quote = document.quote_at_close.get(i)
    return quote is not None and quote.open >= document.tokens.starts[start]


def content_kind(linking: Linking, start_char: int, end_char: int) -> Kind:
    """Return MIXED when reported content holds a quoted fragment of speech.

    A short quotation counts unless it is a name (:mod:`quoteattr.fragments`).

    >>> from quoteattr.drafts import Linking
    >>> from quoteattr.pipeline import read_document
    >>> text = "ان الوضع «ينذر بكارثة صحية وشيكة» الان"
    >>> content_kind(Linking(read_document(text)), 3, len(text))
    <Kind.MIXED: 'mixed'>
    """
    return classify(linking, start_char, end_char)[0]


def classify(linking: Linking, start_char: int, end_char: int) -> tuple[Kind, tuple[int, int]]:
    """Return a clause's kind and span; a clause that is all quote is DIRECT, unmarked.

    The quote of a DIRECT clause is marked as used.

    >>> from quoteattr.drafts import Linking
    >>> from quoteattr.pipeline import read_document
    >>> text = "«الحل قريب جدا الان»"
    >>> kind, (start, end) = classify(Linking(read_document(text)), 0, len(text))
    >>> kind.value, text[start:end]
    ('direct', 'الحل قريب جدا الان')
    """
    document = linking.document
    quotes = document.quotes
    for i in range(bisect.bisect_left(document.quote_opens, start_char - 1), len(quotes)):
        quote = quotes[i]
        if quote.open >= end_char:
            break
        if is_speech_fragment(document, quote):
            if quote.open <= start_char and (
                quote.end >= end_char - 1 or _comma_after(document, quote)
            ):
                linking.owned_quotes.add(quote.open)
                return Kind.DIRECT, quote_content(document, quote)
            return Kind.MIXED, (start_char, end_char)
    return Kind.INDIRECT, (start_char, end_char)


def _comma_after(document: Context, quote: Quote) -> bool:
    """Tell whether a closed quotation is followed by a comma: «…»، وأضاف / «…»، متهما."""
    if quote.close is None:
        return False
    rest = document.text[quote.close + 1 : quote.close + 3].lstrip(" ")
    return rest[:1] in ("،", ",")


def quote_content(document: Context, quote: Quote) -> tuple[int, int]:
    """Return a quote's content span without trailing marks (and, if unclosed, punctuation).

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("قال: «نعم»")
    >>> quote_content(document, document.quotes[0])
    (6, 9)
    """
    start, end = quote.start, quote.end
    text = document.text
    while end > start and (
        text[end - 1] in QUOTE_MARKS or (quote.close is None and text[end - 1] in ".،,؛")
    ):
        end -= 1
    return start, end
