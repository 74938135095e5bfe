"""Reading titled mentions: a title, its complements, and the name after them.

"وزير الخارجية الروسي سيرغي لافروف"، "المتحدث باسم الكرملين"، "مدير
تعليم جدة". A title with no name is a person of unknown name; a generic
head (الجانب الأوكراني) may be a party rather than a person; a document
head (البيان) is a source of unknown kind.

>>> from quoteattr.mentions import MentionReader
>>> from quoteattr.tokens import tokenize
>>> mention = read_titled(MentionReader(tokenize("وزير الخارجية الروسي سيرغي لافروف")), 0)
>>> mention.kind, mention.name_start, mention.end
('person', 3, 5)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..cues import AN_WORDS
from ..lexicons import ARTICLE
from ..quotes import QUOTE_MARKS
from .anonymous import read_anonymous
from .mention import Mention
from .names import read_name
from .organizations import complement_organization, names_an_organization
from .outlets import read_outlet
from .words import ADJECTIVE_ENDINGS, NAME_CONNECTORS, PLAIN_ADJECTIVES, head_noun

if TYPE_CHECKING:
    from .reader import MentionReader

__all__ = ["COLLECTIVE_HEADS", "SOME_OF", "read_titled"]

SOME_OF = frozenset({"احد", "احدى", "بعض", "عدد", "العديد", "الكثير", "كثير"})
"""Generic heads that, with the group after them, name unnamed people: "عدد من الأهالي"."""

COLLECTIVE_HEADS = frozenset({"جانب", "طرف", "اطراف", "جهات", "جهة", "سلطات"})
"""Generic heads that name a party, not a person: "الجانب الأوكراني"."""


def read_titled(reader: MentionReader, i: int) -> Mention | None:
    """Read a mention that starts with a title, or return ``None``.

    >>> from quoteattr.mentions import MentionReader
    >>> from quoteattr.tokens import tokenize
    >>> read_titled(MentionReader(tokenize("المتحدث باسم الكرملين")), 0).end
    3
    """
    words = reader.words
    match = reader.lexicon.titles.match(words, i, reader.first(i))
    if match is None:
        return None
    length, entry = match
    k = i + length
    if entry.cls == "pronoun":
        # "وأكد سموه": an honorific that stands for someone named before, alone.
        return Mention(i, k, "person", i, k, entry.gender, None, entry.cls)
    if entry.cls == "anonymous":
        return read_anonymous(reader, i, k, entry)
    if entry.cls == "document":
        k = reader.adjectives(k, 2)
        issuer = _issuer(reader, k)
        if issuer is not None:
            # "وقال بيان صادر باسم المدير العام إن…": the man the statement speaks for.
            return Mention(
                i,
                issuer.end,
                "person",
                issuer.name_start,
                issuer.name_end,
                issuer.gender,
                None,
                issuer.head_class,
            )
        return Mention(i, k, "unknown", i, k, entry.gender, None, entry.cls)
    if words[i] in SOME_OF and words[k - 1] == "من" and not reader.is_stop(k):
        # "عدد من الأهالي"، "الكثير من المحللين الاقتصاديين": the group and its adjectives.
        k = reader.adjectives(k + 1, 2)
        return Mention(i, k, "anonymous", i, k, entry.gender, None, "anonymous")
    k = _complements(reader, i, k)
    person = read_name(reader, k)
    if person is None:
        # "المتحدث الرسمي لشرطة منطقة مكة المكرمة العقيد سامي الحربي": a long
        # complement runs on to the name; look ahead for a given name.
        k, person = _name_ahead(reader, k)
    if person is not None:
        # "الدكتورة ملحة عبدالله": a woman's title outweighs the father's name after hers.
        feminine = entry.gender == "f" and entry.cls in ("role", "title")
        gender = entry.gender if feminine else person[1] or entry.gender
        return Mention(i, person[0], "person", k, person[0], gender, None, entry.cls)
    if entry.cls == "generic" and words[i] in SOME_OF and k > i + length:
        # "أحد المستثمرين"، "عدد من الأهالي": some of a group, unnamed.
        return Mention(i, k, "anonymous", i, k, entry.gender, None, "anonymous")
    if entry.cls == "generic":
        # "الجانب الأوكراني" is a party to talks; "المسؤول الأمريكي" a person.
        collective = head_noun(words[i]) in COLLECTIVE_HEADS
        kind = ("organization" if collective else "person") if k > i + length else "unknown"
        return Mention(i, k, kind, i, k, entry.gender, None, entry.cls)
    return Mention(i, k, "person", i, k, entry.gender, None, entry.cls)


ISSUED = frozenset({"صادر", "صادرة", "الصادر", "الصادرة", "صدر", "صدرت"})
"""Words saying a document was issued: "بيان صادر عن…"، "رسالة صدرت عن…"."""


def _issuer(reader: MentionReader, k: int) -> Mention | None:
    """Read the person a document at ``k`` was issued by or in the name of, or ``None``.

    "بيان صادر عن مدير الشركة"، "بيان صادر باسم المتحدث"، "بيان باسم الوزير";
    an organisation that issues it (بيان صادر عن الوزارة) leaves the document
    the speaker, and "بيان عن الوضع" is about something, not by someone.

    >>> from quoteattr.mentions import MentionReader
    >>> from quoteattr.tokens import tokenize
    >>> _issuer(MentionReader(tokenize("بيان صادر عن مديرة المدرسة")), 1).gender
    'f'
    >>> _issuer(MentionReader(tokenize("بيان صادر عن وزارة الصحة")), 1) is None
    True
    """
    words = reader.words
    issued = k < len(words) and words[k] in ISSUED
    k += issued
    if k + 1 >= len(words) or not (words[k] == "باسم" or (issued and words[k] in ("عن", "من"))):
        return None
    stripped, reader.stripped = reader.stripped, None  # reading inside another reading
    try:
        mention = reader.read(k + 1)
    finally:
        reader.stripped = stripped
    return mention if mention is not None and mention.kind == "person" else None


def _complements(reader: MentionReader, i: int, k: int) -> int:
    """More titles and their complements: وزير الخارجية الروسي، المتحدث باسم الكرملين."""
    words = reader.words
    lexicon = reader.lexicon
    steps = 0
    construct = 0
    while k < len(words) and steps < 6:
        steps += 1
        if words[k] in QUOTE_MARKS:
            # "رئيس شركة «أرامكو»": a quoted name after an organisation head;
            # "قال الوزير «سنعود»" is a quote, not part of the title.
            if not names_an_organization(reader, k - 1):
                break
            k = reader.quoted_name(k) or k
            if k < len(words) and words[k] in QUOTE_MARKS:
                break
            continue
        if words[k] in ("باسم", "لدى") and k + 1 < len(words):
            k += 1  # "الناطق الرسمي باسم الوفد"، "السفير لدى واشنطن"
            continue
        more = lexicon.titles.match(words, k)
        if more is not None and more[1].cls in ("role", "title"):
            k += more[0]
            continue
        outlet = read_outlet(reader, k)
        if outlet is not None:
            k = outlet.end
            continue
        organization = complement_organization(reader, k)
        if organization is not None:
            k = organization
            continue
        if reader.is_qualifier(k):
            if words[i].startswith(ARTICLE) and not reader.adjective_like(k):
                break  # "وصف الرئيس الاتفاق بأنه…": a definite title takes adjectives
            k += 1
            continue
        if (
            construct < 2
            and not words[k - 1].startswith(ARTICLE)
            and reader.is_name_like(k)
            and words[k] not in lexicon.first_names
            and words[k] not in reader.surnames
            and not words[k].startswith("م")
            and words[k] not in PLAIN_ADJECTIVES
            and not words[k].endswith(ADJECTIVE_ENDINGS[:2])
        ):
            # "مدير تعليم جدة"، "أمين منطقة القصيم": an indefinite title in
            # construct with the nouns after it.
            construct += 1
            k += 1
            continue
        break
    return k


def _name_ahead(
    reader: MentionReader, k: int, limit: int = 8
) -> tuple[int, tuple[int, str] | None]:
    """Find a personal name within ``limit`` words of complement after a title.

    Returns where the name starts and what :func:`~quoteattr.mentions.names.read_name`
    read there, or ``(k, None)`` when the complement meets a word that cannot
    belong to a title (a verb, أن, punctuation, a function word other than في).
    """
    words = reader.words
    names = reader.lexicon.first_names
    j = k
    while j < len(words) and j - k < limit:
        word = words[j]
        if word in names or (
            word in NAME_CONNECTORS and j + 1 < len(words) and words[j + 1] in names
        ):
            read = read_name(reader, j)
            return (j, read) if read is not None else (k, None)
        if word in QUOTE_MARKS:
            end = reader.quoted_name(j)
            if end is None:
                break
            j = end
            continue
        if not word[0].isalpha() or word in AN_WORDS or word in reader.lexicon.verb_forms:
            break
        if word in reader.lexicon.function_words and word != "في":
            break
        j += 1
    return k, None
