"""Reading personal names: given names from the lexicon, connectors, one family name.

"دميتري بيسكوف"، "محمد بن سلمان"، "أم فهد". A surname alone (بيسكوف) is a
person when the document gives the full name somewhere (:func:`find_names`);
an unknown word counts only where the caller has seen أن or a colon after it.

>>> from quoteattr.mentions import MentionReader
>>> from quoteattr.tokens import tokenize
>>> read_name(MentionReader(tokenize("محمد بن سلمان ان")), 0)
(3, 'm')
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..lexicons import ARTICLE, Lexicon
from ..tokens import Tokens
from ..word_index import WordIndex
from .mention import Mention
from .words import DEFINITE_ADJECTIVES, NAME_CONNECTORS

if TYPE_CHECKING:
    from .reader import MentionReader

__all__ = ["find_names", "read_name", "read_person", "read_unknown_name"]


def read_name(reader: MentionReader, k: int) -> tuple[int, str] | None:
    """Read a personal name from a given name or known surname; return ``(end, gender)``.

    >>> from quoteattr.mentions import MentionReader
    >>> from quoteattr.tokens import tokenize
    >>> read_name(MentionReader(tokenize("قال لي")), 1) is None
    True
    """
    words = reader.words
    lexicon = reader.lexicon
    names = lexicon.first_names
    start = k
    gender = ""
    stripped = reader.stripped  # reader.word(k) without the call, as in the loop below
    while k < len(words) and k - start < 5:
        word = stripped[1] if stripped is not None and stripped[0] == k else words[k]
        if word in lexicon.function_words:
            break  # "قال لي" is "said to me", not Lee
        if word in names and not (k > start and word.startswith(ARTICLE)):
            gender = gender or names[word]
            k += 1
        elif word in NAME_CONNECTORS and k + 1 < len(words) and words[k + 1][0].isalpha():
            if k == start and word in ("ام", "بنت"):
                gender = "f"  # "أم فهد" is a woman, whatever her son's name
            elif k == start and word == "ابو":
                gender = "m"  # "أبو فهد" is a man, whatever his son's name
            k += 2
        else:
            break
    if k == start:
        if k < len(words) and word in reader.surnames:  # the word the loop stopped at
            return k + 1, ""
        return None
    # One surname after the given names: دميتري بيسكوف، عادل الجبير; a family
    # name may also be a title word (سامي الخطيب، فهد القاضي).
    if (
        k < len(words)
        and words[k] not in lexicon.organizations
        and (reader.is_name_like(k) or _title_as_surname(reader, k))
        and (k - start < 2 or _surname_after_full_name(reader, k))
    ):
        k += 1
    return k, gender


def _surname_after_full_name(reader: MentionReader, k: int) -> bool:
    """Tell whether the word after two given names is a family name, not the verb's object.

    "خالد سامي العمر" and "خالد سامي مميش إن" end in a family name; in "التقى
    وزير الخارجية خالد سامي نظيره الفرنسي" and "وأكد … خالد سامي حرص بلاده"
    the word is the object. A family name has the article, is a surname the
    document knows or a word it repeats (أردوغان), or ends the phrase
    (punctuation, a function word, أن or a title follows).
    """
    word = reader.word(k)
    # The same four tests, the costliest last: repeated() counts the document's
    # words the first time it is asked.
    return (
        word.startswith(ARTICLE)
        or word in reader.surnames
        or _name_may_end_before(reader, k + 1)
        or reader.repeated(word)
    )


UNKNOWN_NAME_WORDS = 3
"""The most words an unknown personal name after a rank or honorific may take."""


def read_unknown_name(reader: MentionReader, k: int, gender: str) -> int | None:
    """Read a name the lexicon does not know after a rank or honorific; return its end.

    "قال اللواء مهاب مميش إن…"، "وأوضح العقيد طلعت المنصوري مدير إدارة…": up to
    three words, the first without the article (and, after a man's title, not
    ending in ة or ا, which a noun or an adverb does); the name must end where
    a name ends: at punctuation, a function word, a cue, أن or a title.

    >>> from quoteattr.mentions import MentionReader
    >>> from quoteattr.tokens import tokenize
    >>> read_unknown_name(MentionReader(tokenize("اللواء مهاب مميش ان")), 1, "m")
    3
    >>> read_unknown_name(MentionReader(tokenize("الشيخ مكانة كبيرة بين")), 1, "m") is None
    True
    """
    words = reader.words
    if k >= len(words) or not reader.is_name_like(k):  # is_name_like rules out stop words
        return None
    first = reader.word(k)
    endings = ("ا", "ات") + (("ة",) if gender == "m" else ())
    if first.startswith(ARTICLE) or first.endswith(endings):
        return None
    if first in reader.lexicon.organizations:
        return None
    end = k + 1
    while (
        end < len(words)
        and end - k < UNKNOWN_NAME_WORDS
        and reader.is_name_like(end)
        and words[end] not in reader.lexicon.organizations
        and not words[end].startswith("وال")  # "الأب والأم": a second person
    ):
        end += 1
    if end < len(words) and not _name_may_end_before(reader, end):
        return None  # the words run on: an object or a phrase, not a name
    return end


def _name_may_end_before(reader: MentionReader, k: int) -> bool:
    """Tell whether a name may end before token ``k``: a stop word (punctuation, أن…) or a title."""
    return reader.is_stop(k) or reader.lexicon.titles.match(reader.words, k) is not None


def _title_as_surname(reader: MentionReader, k: int) -> bool:
    """Tell whether a definite title word after given names is their family name.

    "سامي الخطيب"، "فهد القاضي": yes; "سامي أبو زهري المتحدث الرسمي باسم…"
    and "المتحدث باسم…": no, a title of more than one word follows the name.
    """
    words = reader.words
    word = words[k]
    if not word.startswith(ARTICLE):
        return False
    match = reader.lexicon.titles.match(words, k)
    if match is None or match[0] > 1:
        return False
    return k + 1 >= len(words) or words[k + 1] not in ("باسم", "لدى")


def read_person(reader: MentionReader, i: int, *, allow_bare_name: bool) -> Mention | None:
    """Read a person by name alone, or (with ``allow_bare_name``) an unknown word as one.

    >>> from quoteattr.mentions import MentionReader
    >>> from quoteattr.tokens import tokenize
    >>> read_person(MentionReader(tokenize("تيماء الحربي ان")), 0, allow_bare_name=True).end
    2
    """
    named = read_name(reader, i)
    if named is not None:
        return Mention(i, named[0], "person", i, named[0], named[1])
    if not allow_bare_name or not reader.is_name_like(i):
        return None
    word = reader.word(i)
    if word.startswith(ARTICLE):
        # "أكدت التحقيقات أن…": a definite noun right before أن is a source of
        # unknown kind (a report, an inquiry); a definite nisba is a family
        # name ("وأضاف الحارثي أن"); a feminine nisba or a common adjective
        # ("البريطانية") qualifies something before it and speaks for nobody.
        if word.endswith(("ية", "يه")) or word in DEFINITE_ADJECTIVES:
            return None
        kind = "person" if word.endswith("ي") else "unknown"
        return Mention(i, i + 1, kind, i, i + 1, "", head_class="bare")
    if word.endswith("ا") and word not in reader.lexicon.first_names:
        return None  # "وأكد مجددا أن"، "نجاحا": an adverb or an object, not a name
    # A name we do not know, right before أن or a colon: take up to three words
    # ("وقالت تيماء الحربي إن"); only the first may not carry the article.
    k = i + 1
    while k < len(reader.words) and k - i < 3 and reader.is_name_like(k):
        k += 1
    return Mention(i, k, "person", i, k, "", head_class="bare")


def find_names(
    tokens: Tokens, lexicon: Lexicon | None = None, candidates: Iterable[int] | None = None
) -> dict[str, tuple[int, int]]:
    """Map each surname given in full in the document to the first full name's offsets.

    ``candidates`` are the indices of the given names among the tokens, when
    the caller has them (:class:`quoteattr.word_index.WordIndex`).

    >>> from quoteattr.tokens import tokenize
    >>> t = tokenize("التقى دميتري بيسكوف الصحفيين. وقال بيسكوف")
    >>> start, end = find_names(t)["بيسكوف"]
    >>> t.text[start:end]
    'دميتري بيسكوف'
    """
    lexicon = lexicon or Lexicon.default()
    if candidates is None:  # only a first name can start a full name
        candidates = WordIndex.of(tokens, lexicon).first_names
    found: dict[str, tuple[int, int]] = {}
    if not candidates:
        return found  # no given name: no reader to build
    names = lexicon.first_names
    reader = _reader_class()(tokens, lexicon)
    words = tokens.words
    resume = 0  # a name read in full is not read again from its inner words
    for i in candidates:
        if i < resume:
            continue
        read = read_name(reader, i)
        if read is not None and read[0] - i >= 2:
            end = read[0]
            surname = words[end - 1]
            if surname not in names or end - i >= 3:
                found.setdefault(surname, (tokens.starts[i], tokens.ends[end - 1]))
            resume = end
    return found


@functools.cache
def _reader_class() -> type[MentionReader]:
    """Return :class:`~quoteattr.mentions.reader.MentionReader`, imported once, when first asked.

    reader.py imports this module, so the class cannot be imported at its
    top; an import statement inside :func:`find_names` ran the import
    machinery (about ten thousand instructions) at every document.

    >>> _reader_class().__name__
    'MentionReader'
    """
    from .reader import MentionReader

    return MentionReader
