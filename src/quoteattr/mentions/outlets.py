"""Reading outlets: a known spelling, or a type noun with a (quoted) name.

What an outlet does for a statement (a source, a relay) is decided later,
in :mod:`quoteattr.outlets`; this module only says where one is written.

>>> from quoteattr.mentions import MentionReader
>>> from quoteattr.tokens import tokenize
>>> read_outlet(MentionReader(tokenize("صحيفة «صوت المدينة»")), 0).outlet
'صوت المدينة'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicons import ARTICLE, OutletEntry
from ..quotes import QUOTE_MARKS
from .mention import Mention
from .words import OUTLET_TYPE_NOUNS

if TYPE_CHECKING:
    from .reader import MentionReader

__all__ = ["DEFINITE_TYPE_NOUNS", "NAMING_TYPE_NOUNS", "OUTLET_STARTS", "SITE_NOUN", "read_outlet"]

NAMING_TYPE_NOUNS = frozenset(
    {"صحيفة", "صحيفه", "جريدة", "جريده", "مجلة", "مجله", "قناة", "قناه", "وكالة", "وكاله"}
)
"""Type nouns that name an outlet even unquoted ("موقع" is also "site", "حساب" "account")."""

DEFINITE_TYPE_NOUNS = frozenset(
    {"الوكالة", "الصحيفة", "الجريدة", "القناة", "المجلة", "الاذاعة", "الشبكة"}
)
"""Type nouns that refer back to the outlet named before: "الوكالة"، "الصحيفة"."""

SITE_NOUN = "الموقع"
""""The site": a website named before when it is the subject right after a speech verb."""

OUTLET_STARTS = (
    OUTLET_TYPE_NOUNS
    | DEFINITE_TYPE_NOUNS
    | {noun[1:] for noun in DEFINITE_TYPE_NOUNS}
    | {SITE_NOUN}
)
"""Words besides known spellings and quotation marks that an outlet can start with.

The type nouns, and the definite ones without their alef ("للصحيفة" read without its ل).
"""


def read_outlet(reader: MentionReader, i: int, *, context: bool = False) -> Mention | None:
    """Read an outlet: a known spelling, or a type noun with a (quoted) name.

    ``context`` says an according-to phrase stands before it, where "الفرنسية"
    is AFP and not a nationality.

    >>> from quoteattr.mentions import MentionReader
    >>> from quoteattr.tokens import tokenize
    >>> read_outlet(MentionReader(tokenize("صحيفة «الوطن»")), 0).outlet
    'Al-Watan'
    """
    words = reader.words
    outlets = reader.lexicon.outlets
    stripped = reader.stripped  # reader.word(i), without the call: most words end here
    word = stripped[1] if stripped is not None and stripped[0] == i else words[i]
    if word not in outlets.heads and word not in OUTLET_STARTS and words[i] not in QUOTE_MARKS:
        return None  # most words start no outlet: a few lookups instead of the tests below
    if word == SITE_NOUN:
        # "وأشار الموقع إلى أن…": the website named before speaks; elsewhere "الموقع" is a place.
        before = words[i - 1] if i > 0 else ""
        verbs = reader.lexicon.verb_forms
        if before in verbs or (before[:1] in ("و", "ف") and before[1:] in verbs):
            return Mention(i, i + 1, "outlet", i, i + 1, "m", None, "media")
        return None
    typed = word in OUTLET_TYPE_NOUNS
    start = i
    if not OFFICIAL_WORDS.isdisjoint(words[i + 1 : i + 4]):  # in C: no generator a call
        described = _described(reader, i)
        if described is not None:
            return described
    if typed:
        # A descriptive name with its type noun first: "وكالة أنباء الشرق الأوسط"
        # is MENA, not the newspaper "الشرق الأوسط".
        match = outlets.match(words, i, reader.first(i))
        if match is not None:
            length, entry = match
            return Mention(i, i + length, "outlet", i, i + length, "f", entry.name, "media")
    elif (
        reader.word(i) in DEFINITE_TYPE_NOUNS
        or (reader.first(i) is not None and "ا" + reader.word(i) in DEFINITE_TYPE_NOUNS)
    ) and not _other_body(words, i + 1):
        # "الوكالة"، "الصحيفة", "للصحيفة" (ل + ال): the outlet named before; the linker says which.
        return Mention(i, i + 1, "outlet", i, i + 1, "f", None, "media")
    k = i + 1 if typed else i
    if typed and k < len(words) and words[k] in NOT_NEWS and not words[k].startswith("ال"):
        # "وكالة ناسا", "وكالة موديز": a body that speaks for itself, not a news agency.
        return Mention(i, k + 1, "organization", i, k + 1, "f", None, "name")
    if typed and k < len(words) and words[k] in ("الانباء", "انباء", "الاخبارية", "الاخباري"):
        k += 1
        described = _news_agency_described(reader, i, k)
        if described is not None:
            return described
    quoted = k < len(words) and words[k] in QUOTE_MARKS
    name_at = k + 1 if quoted else k
    if name_at >= len(words):
        return None
    match = outlets.match(words, name_at, reader.first(name_at))
    if match is not None:
        length, entry = match
        end = name_at + length
        closed = quoted and end < len(words) and words[end] in QUOTE_MARKS
        # "صحيفة «الفجر الجديد»" is not "الفجر": a longer quoted name is read whole below.
        if not quoted or closed:
            if not _outlet_allowed(entry, typed or (context and entry.mode == "ctx"), closed):
                return None  # "الفرنسية" is AFP after بحسب, a nationality elsewhere
            end_all = end + 1 if closed else end
            return Mention(start, end_all, "outlet", name_at, end, "f", entry.name, "media")
    if typed:
        return _unknown_outlet(reader, i, name_at, quoted)
    return None


OFFICIAL_WORDS = frozenset({"الرسمية", "الرسمي", "شبه", "الحكومية", "الحكومي"})
"""Words that describe a known outlet without being part of its name: وكالة الأنباء الرسمية X."""


def _described(reader: MentionReader, i: int) -> Mention | None:
    """A known outlet with "official" inside its name: "وكالة الأنباء الرسمية الكويتية".

    The words of :data:`OFFICIAL_WORDS` are passed over; only a match that
    needed that counts here (the plain spelling is read as usual).
    """
    words = reader.words
    kept = [i]
    j = i + 1
    while j < len(words) and len(kept) < 6:
        if words[j] not in OFFICIAL_WORDS:
            kept.append(j)
        j += 1
    window = [reader.word(i)] + [words[k] for k in kept[1:]]
    match = reader.lexicon.outlets.match(window, 0)
    if match is None:
        return None
    length, entry = match
    end = kept[length - 1] + 1
    if end - i == length or entry.mode == "trig":
        return None  # nothing was passed over, or a name that needs its type noun first
    return Mention(i, end, "outlet", i, end, "f", entry.name, "media")


NOT_NEWS = frozenset(
    {
        "ناسا",
        "الفضاء",
        "الطاقة",
        "للطاقة",
        "الاستخبارات",
        "المخابرات",
        "الامن",
        "التنمية",
        "للتنمية",
        "الغوث",
        "الاغاثة",
        "الادوية",
        "البيئة",
        "التصنيف",
        "السياحة",
        "الاونروا",
        "فيتش",
        "موديز",
    }
)
"""Words after وكالة that make it a government or international body, not a news agency:
وكالة ناسا، وكالة الفضاء الأوروبية، الوكالة الدولية للطاقة الذرية، وكالة موديز."""

_BODY_ADJECTIVES = frozenset({"الدولية", "الاوروبية", "الاممية", "الوطنية", "الامريكية"})


def _other_body(words: list[str], k: int) -> bool:
    """Tell whether the words at ``k`` make "الوكالة" another body: الوكالة الدولية للطاقة."""
    if k >= len(words):
        return False
    if words[k] in _BODY_ADJECTIVES or words[k] in NOT_NEWS or words[k].startswith("لل"):
        return True
    # "الشبكة السورية لحقوق الإنسان": an adjective, then the body's purpose after ل.
    return (
        words[k].startswith("ال")
        and k + 1 < len(words)
        and words[k + 1].startswith("ل")
        and not words[k + 1].startswith("لل")
        and len(words[k + 1]) > 3
    )


def _news_agency_described(reader: MentionReader, i: int, k: int) -> Mention | None:
    """A news agency the lexicon does not know, named by its country: "وكالة الأنباء الموريتانية".

    Its name is the description as written, or the known agency named in
    brackets after it ("وكالة الأنباء الرسمية السودانية (سونا)"). "وكالة
    الأنباء الرسمية" with no country is the agency named before (the linker
    resolves it).

    >>> from quoteattr.mentions import MentionReader
    >>> from quoteattr.tokens import tokenize
    >>> reader = MentionReader(tokenize("وكالة الانباء الرسمية (سانا) ان"))
    >>> _news_agency_described(reader, 0, 2).outlet
    'SANA'
    """
    words = reader.words
    end = k
    while end < len(words) and end - k < 3 and words[end].startswith(ARTICLE):
        if not (words[end] in OFFICIAL_WORDS or words[end].endswith(("ية", "يه"))):
            break
        end += 1
    if end == k or (end < len(words) and words[end] in QUOTE_MARKS):
        return None  # no adjective, or a quoted name follows: وكالة الأنباء اليمنية «سبأ»
    acronym = _bracketed_outlet(reader, end)
    if acronym is not None:
        # "وكالة الأنباء الرسمية (سانا)": the name in brackets says which agency.
        name, close = acronym
        return Mention(i, close, "outlet", i, close, "f", name, "media")
    if all(word in OFFICIAL_WORDS for word in words[k:end]):
        return Mention(i, end, "outlet", i, end, "f", None, "media")
    tokens = reader.tokens
    name = reader.word(i) + " " + tokens.text[tokens.starts[i + 1] : tokens.ends[end - 1]]
    return Mention(i, end, "outlet", i, end, "f", name, "media")


def _bracketed_outlet(reader: MentionReader, k: int) -> tuple[str, int] | None:
    """A known outlet in brackets at token ``k``: "(سونا)"; its name and the token after ")"."""
    words = reader.words
    if k + 2 >= len(words) or words[k] != "(":
        return None
    match = reader.lexicon.outlets.match(words, k + 1)
    if match is None:
        return None
    length, entry = match
    close = k + 1 + length
    if close >= len(words) or words[close] != ")":
        return None
    return entry.name, close + 1


def _unknown_outlet(reader: MentionReader, i: int, name_at: int, quoted: bool) -> Mention | None:
    """An outlet the lexicon does not know, after its type noun: unquoted or in quotes."""
    words = reader.words
    text = reader.tokens.text
    starts, ends = reader.tokens.starts, reader.tokens.ends
    unquoted_name = (
        not quoted
        and words[name_at] not in NOT_NEWS
        and reader.word(i) in NAMING_TYPE_NOUNS
        and reader.is_name_like(name_at)
        and not words[name_at].startswith(ARTICLE)
        and words[name_at] not in reader.lexicon.first_names
    )
    if unquoted_name:
        # An outlet we do not know, unquoted: "صحيفة سبورت الكتالونية".
        end = name_at + 1
        if end < len(words) and reader.is_name_like(end) and not words[end].startswith(ARTICLE):
            end += 1
        after = reader.adjectives(end, 2, free_first=False)
        name = text[starts[name_at] : ends[end - 1]]
        return Mention(i, after, "outlet", name_at, end, "f", name, "media")
    if quoted:
        # An outlet we do not know, named in quotes: صحيفة «الوسط».
        end = name_at
        while (
            end < len(words)
            and end - name_at < 4
            and words[end] not in QUOTE_MARKS
            and words[end] != "\n"
        ):
            end += 1
        if end < len(words) and words[end] in QUOTE_MARKS and end > name_at:
            name = text[starts[name_at] : ends[end - 1]]
            return Mention(i, end + 1, "outlet", name_at, end, "f", name, "media")
    return None


def _outlet_allowed(entry: OutletEntry, typed: bool, quoted: bool) -> bool:
    if entry.mode == "bare":
        return True
    if entry.mode == "ctx":
        return typed or quoted
    return typed
