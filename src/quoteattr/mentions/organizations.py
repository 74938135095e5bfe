"""Reading organisations: a known name or head (وزارة، هيئة) with what completes it.

"وزارة الخارجية الأوكرانية"، "منظمة أطباء بلا حدود"، "مركز الملك سلمان
للإغاثة"، "شركة «جسور» للمقاولات". A head alone ("وزارة") is no mention.

>>> from quoteattr.mentions import MentionReader
>>> from quoteattr.tokens import tokenize
>>> read_organization(MentionReader(tokenize("وزارة النقل والاتصالات امس")), 0).end
3
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicons import ARTICLE, MentionEntry
from ..quotes import QUOTE_MARKS
from .mention import Mention
from .names import read_name
from .words import OUTLET_TYPE_NOUNS

if TYPE_CHECKING:
    from .reader import MentionReader

__all__ = [
    "ROYAL_TITLES",
    "complement_organization",
    "names_an_organization",
    "read_organization",
]

ROYAL_TITLES = frozenset({"الملك", "الامير", "الشيخ", "السلطان"})
"""Titles a body may be named after: "مركز الملك سلمان للإغاثة"."""


def read_organization(reader: MentionReader, i: int) -> Mention | None:
    """Read an organisation starting at token ``i``, or return ``None``.

    >>> from quoteattr.mentions import MentionReader
    >>> from quoteattr.tokens import tokenize
    >>> read_organization(MentionReader(tokenize("وزارة قال")), 0) is None
    True
    """
    match = reader.lexicon.organizations.match(reader.words, i, reader.first(i))
    if match is None:
        return None
    reader.in_organization = True
    try:
        return _read_organization_at(reader, i, match)
    finally:
        reader.in_organization = False


def complement_organization(reader: MentionReader, k: int) -> int | None:
    """Read an organisation completing a title, bare or after ل/ب; return where it ends.

    "مدير مستشفى جنين الحكومي"، "الناطق الإعلامي لشركة «جسور» للمقاولات".

    >>> from quoteattr.mentions import MentionReader
    >>> from quoteattr.tokens import tokenize
    >>> complement_organization(MentionReader(tokenize("مدير لشركة «جسور» للمقاولات")), 1)
    6
    """
    word = reader.words[k]
    heads = reader.lexicon.organizations.heads
    if word not in heads and not (word[0] in "لب" and len(word) > 3 and word[1:] in heads):
        return None  # no organisation starts here, bare or after ل/ب: the loop would find none
    for strip in (0, 1):
        if strip and not (word.startswith(("ل", "ب")) and len(word) > 3):
            break
        saved = reader.stripped
        reader.stripped = (k, word[strip:]) if strip else None
        try:
            match = reader.lexicon.organizations.match(reader.words, k, reader.first(k))
            if match is not None:
                reader.in_organization = True
                found = _read_organization_at(reader, k, match)
                if found is None:
                    return reader.adjectives(k + match[0], 2)
                return reader.adjectives(found.end, 1)
        finally:
            reader.stripped = saved
            reader.in_organization = False
    return None


def names_an_organization(reader: MentionReader, k: int) -> bool:
    """Tell whether token ``k`` is an organisation head or type noun, bare or after ل/ب.

    >>> from quoteattr.mentions import MentionReader
    >>> from quoteattr.tokens import tokenize
    >>> names_an_organization(MentionReader(tokenize("لشركة")), 0)
    True
    """
    word = reader.words[k]
    for form in (word, word[1:] if word[:1] in ("ل", "ب") else ""):
        known = (
            form in OUTLET_TYPE_NOUNS or reader.lexicon.organizations.match([form], 0) is not None
        )
        if form and known:
            return True
    return False


def _read_organization_at(
    reader: MentionReader, i: int, match: tuple[int, MentionEntry]
) -> Mention | None:
    words = reader.words
    length, entry = match
    # A bare head takes any definite complement first (وزارة الخارجية); a full
    # name takes adjectives only ("النيابة العامة التوقيف" ends before التوقيف).
    k = reader.adjectives(
        i + length,
        3 if entry.cls == "head" else 2,
        free_first=entry.cls == "head" and length == 1,
    )
    if entry.cls == "head" and k == i + length + 1 and words[k - 1] in ROYAL_TITLES:
        # "مركز الملك سلمان للإغاثة": a body named after a king or prince.
        royal = read_name(reader, k)
        if royal is not None:
            k = royal[0]
            while k < len(words) and words[k].startswith("لل") and len(words[k]) > 4:
                k = reader.adjectives(k + 1, 2)
    if entry.cls == "head" and k == i + length and not reader.word(i).startswith(ARTICLE):
        k = _proper_name_after_head(reader, k)
        if k < 0:
            return None  # "وزارة" alone is no mention; "وزارة الخارجية" is
    return Mention(i, k, "organization", i, k, entry.gender, None, entry.cls)


def _proper_name_after_head(reader: MentionReader, k: int) -> int:
    """ "منظمة أوبك"، "شركة «جسور»": the proper name after a head; -1 when there is none."""
    words = reader.words
    lexicon = reader.lexicon
    quoted = reader.quoted_name(k) if k < len(words) and words[k] in QUOTE_MARKS else None
    named = lexicon.organizations.match(words, k) if k < len(words) else None
    if quoted is not None:
        k = quoted
    elif named is not None and named[1].cls == "name":
        k += named[0]  # "منظمة أطباء بلا حدود": a head before a known name
    elif (
        reader.is_name_like(k)
        and words[k] not in lexicon.first_names
        and not (words[k][0] in "لب" and words[k][1:] in OUTLET_TYPE_NOUNS)
        and lexicon.outlets.match(words, k, words[k][1:]) is None
    ):
        k += 1
    else:
        return -1
    return reader.adjectives(k, 2)
