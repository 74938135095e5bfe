"""Reading anonymous sources: "مصادر مطلعة"، "مسؤول في وزارة الداخلية لم يكشف عن اسمه".

An anonymous head (مصدر، مسؤول، مصادر) takes adjectives, an affiliation
after في and a self-description that ends at اسمه or هويته.

>>> anonymity_clause_end(["مسءول", "لم", "يكشف", "عن", "اسمه", "ان"], 1)
5
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lexicons import MentionEntry
from .mention import Mention
from .organizations import read_organization
from .outlets import read_outlet

if TYPE_CHECKING:
    from .reader import MentionReader

__all__ = ["ANONYMITY_ENDS", "ANONYMITY_STARTS", "anonymity_clause_end", "read_anonymous"]

ANONYMITY_ENDS = frozenset(
    {"اسمه", "اسمها", "هويته", "هويتها", "اسمهم", "هويتهم", "اسمائهم", "هويتهما"}
)
"""Words that end an anonymous source's self-description: "مسؤول لم يكشف عن اسمه"."""

ANONYMITY_STARTS = frozenset({"لم", "طلب", "طلبت", "رفض", "رفضت", "فضل", "فضلت", "شريطة", "اشترط"})
"""Words that start an anonymous source's self-description: "طلب عدم نشر اسمه"."""


def anonymity_clause_end(words: list[str], start: int) -> int | None:
    """Return where "طلب عدم نشر اسمه" and the like ends, if one starts at ``start``.

    >>> anonymity_clause_end(["مسءول", "طلب", "عدم", "نشر", "اسمه"], 1)
    5
    """
    if start >= len(words) or words[start] not in ANONYMITY_STARTS:
        return None
    for end in range(start + 1, min(start + 7, len(words))):
        if words[end] in ANONYMITY_ENDS:
            return end + 1
    return None


def read_anonymous(reader: MentionReader, i: int, k: int, entry: MentionEntry) -> Mention:
    """Read an anonymous source whose head ``entry`` runs from ``i`` to ``k``.

    >>> from quoteattr.mentions import MentionReader
    >>> from quoteattr.tokens import tokenize
    >>> reader = MentionReader(tokenize("مصدر في وزارة الداخلية ان"))
    >>> reader.read(0).end
    4
    """
    k = reader.adjectives(k, 2)
    k = reader.indefinite_adjectives(k, 2)
    k = _affiliation(reader, k)
    k = anonymity_clause_end(reader.words, k) or k
    return Mention(i, k, "anonymous", i, k, entry.gender, None, entry.cls)


def _affiliation(reader: MentionReader, k: int) -> int:
    """Take "في وزارة الداخلية" after an anonymous head: مصدر في وزارة الاستثمار."""
    words = reader.words
    if k + 1 < len(words) and words[k] == "في":
        org = read_organization(reader, k + 1) or read_outlet(reader, k + 1)
        if org is not None:
            return org.end
        if words[k + 1] in ("منطقة", "مدينة", "محافظة", "حي", "قرية", "ولاية") and k + 2 < len(
            words
        ):
            return k + 3 if reader.is_name_like(k + 2) else k  # "سكان في منطقة الجهراء"
    return k
