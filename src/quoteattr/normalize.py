"""Offset-keeping normalisation: the matching text and the way back to the caller's text.

Normalisation only deletes characters or replaces one character by one
(an HTML entity such as ``&quot;`` is its first character replaced and the
rest deleted), so every position of the normalised text has exactly one
position of origin and the map is monotonic.

>>> n = normalize("قالَ الوزيرُ")
>>> n.text
'قال الوزير'
>>> start, end = n.original_span(4, 10)
>>> "قالَ الوزيرُ"[start:end]
'الوزيرُ'
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate, chain, compress, repeat
from operator import add, sub

from attrs import frozen
from pyarabic import araby

__all__ = ["Normalized", "fold", "normalize"]

# Characters that are matched through: deleted from the matching text.
_HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\N{ARABIC LETTER SUPERSCRIPT ALEF}"
_QURANIC_MARKS = "".join(
    chr(c) for c in range(0x06D6, 0x06EE) if c not in (0x06DD, 0x06DE, 0x06E5, 0x06E6)
)
_INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f"  # zero width space, ZWNJ, ZWJ, LRM, RLM
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # bidi isolates
    "\N{ARABIC LETTER MARK}\N{ZERO WIDTH NO-BREAK SPACE}\N{SOFT HYPHEN}"
)
DELETED = frozenset(
    "".join(araby.TASHKEEL) + _HARAKAT + _QURANIC_MARKS + araby.TATWEEL + _INVISIBLE
)
"""Characters removed before matching (harakat, tatweel, bidi and zero-width marks)."""

_DELETED_CLASS = "[" + re.escape("".join(sorted(DELETED))) + "]"
# Written "[…][…]*", not "[…]+": a pattern that opens with a character class
# lets the regex engine skip ahead to the next such character in a tight loop,
# where "[…]+" opens with a repeat and is tried at every position (normalising
# took twice as many instructions).
DELETED_RUNS = re.compile(_DELETED_CLASS + _DELETED_CLASS + "*")
"""Runs of :data:`DELETED` characters: ``DELETED_RUNS.sub("", text)`` drops them all."""

_ONE_TO_ONE = {
    # Alef variants fold to bare alef: "أكد", "اكد" and "آكد" match alike.
    araby.ALEF_HAMZA_ABOVE: araby.ALEF,
    araby.ALEF_HAMZA_BELOW: araby.ALEF,
    araby.ALEF_MADDA: araby.ALEF,
    araby.ALEF_WASLA: araby.ALEF,
    # Hamza seats fold together: "مسؤول" and "مسئول" are one word.
    araby.WAW_HAMZA: araby.HAMZA,
    araby.YEH_HAMZA: araby.HAMZA,
    # Persian letters that Arabic text borrows by keyboard accident.
    "\N{ARABIC LETTER FARSI YEH}": araby.YEH,
    "\N{ARABIC LETTER KEHEH}": araby.KAF,
    # Spaces of every width are plain spaces; the old DOS end-of-file too.
    "\t": " ",
    "\N{NO-BREAK SPACE}": " ",
    "\N{NARROW NO-BREAK SPACE}": " ",
    "\N{MEDIUM MATHEMATICAL SPACE}": " ",
    "\N{IDEOGRAPHIC SPACE}": " ",
    "\x1a": " ",
    # Every line break is a newline; "\r\n" loses its "\r" below.
    "\r": "\n",
    "\x0b": "\n",
    "\x0c": "\n",
    "\x85": "\n",
    "\N{LINE SEPARATOR}": "\n",
    "\N{PARAGRAPH SEPARATOR}": "\n",
}
_ONE_TO_ONE.update({chr(c): " " for c in range(0x2000, 0x200B)})
_ONE_TO_ONE.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic digits
_ONE_TO_ONE.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Persian digits
_ONE_TO_ONE.update({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})


# The characters to fold that nearly every article has (hamza seats, alef
# variants, the no-break space): replaced without looking for them first.
_COMMON_FOLDS = "أإئؤآ\N{NO-BREAK SPACE}"
_RARE_FOLDS = re.compile(
    "[" + re.escape("".join(sorted(set(_ONE_TO_ONE).difference(_COMMON_FOLDS)))) + "]"
)
# A run of characters to delete, or one rare character to fold: splitting a
# text around these finds both in one regex pass (a class test a character
# costs the same for the two classes together as for one). Written as one
# class of both, then more deleted characters only after a deleted one: a
# pattern that opens with a class lets the engine skip ahead to the next
# such character in a tight loop, where "…|…" is tried at every position.
_DELETED_OR_RARE = re.compile(
    f"([{re.escape(''.join(sorted(DELETED)))}{_RARE_FOLDS.pattern[1:-1]}]"
    f"(?:(?<={_DELETED_CLASS}){_DELETED_CLASS}*)?)"
)


def _fold_common(text: str) -> str:
    """Replace the characters of ``_COMMON_FOLDS`` by their folded forms.

    >>> _fold_common("أكد")
    'اكد'
    """
    for character in _COMMON_FOLDS:
        text = text.replace(character, _ONE_TO_ONE[character])
    return text


def _fold_characters(text: str) -> str:
    """Replace every character of ``_ONE_TO_ONE`` by its folded form.

    The same as ``text.translate(str.maketrans(_ONE_TO_ONE))``, ten times as
    fast on news text: ``str.translate`` looks each non-ASCII character up in a
    dict, while ``str.replace`` runs in C, once for each of the few common
    characters and once for each rare one a regex scan finds. No folded form is
    itself folded again, so the order of the replacements is free.

    >>> _fold_characters("أعلن \N{ARABIC-INDIC DIGIT FIVE}")
    'اعلن 5'
    """
    text = _fold_common(text)
    if _RARE_FOLDS.search(text) is not None:
        for character in set(_RARE_FOLDS.findall(text)):
            text = text.replace(character, _ONE_TO_ONE[character])
    return text


# HTML entities that crawled news keeps: the first character becomes the
# entity's character, the rest is deleted.
_ENTITIES = {
    "&quot;": '"',
    "&#34;": '"',
    "&#039;": "'",
    "&#39;": "'",
    "&apos;": "'",
    "&laquo;": "«",
    "&raquo;": "»",
    "&ldquo;": "“",
    "&rdquo;": "”",
    "&bdquo;": "„",
    "&nbsp;": " ",
    "&amp;": "&",
}
_DELETABLE = re.compile(
    DELETED_RUNS.pattern + "|\r(?=\n)|" + "|".join(re.escape(e) for e in _ENTITIES),
    re.IGNORECASE,
)
# Marks that belong to the letter before them: a span ending after that
# letter takes them along, so "قالَ" is never cut before its fatha.
_ATTACHED = frozenset(
    "".join(araby.TASHKEEL) + _HARAKAT + _QURANIC_MARKS + araby.TATWEEL + "\u200d"
)


@frozen
class Normalized:
    """Matching text and the way back: ``original_offset(i)`` is where ``text[i]`` came from.

    The map is kept as breakpoints: from normalised position ``starts[k]`` on,
    the original position is the normalised one plus ``shifts[k]``.

    >>> n = normalize("ســلام")
    >>> n.text, n.original_offset(1)
    ('سلام', 3)
    """

    text: str
    original: str
    starts: tuple[int, ...]
    shifts: tuple[int, ...]

    def original_offset(self, i: int) -> int:
        """Return the position in the original string that normalised position ``i`` came from.

        >>> normalize("أَكَّدَ").original_offset(1)
        2
        """
        k = bisect.bisect_right(self.starts, i) - 1
        return i + self.shifts[k]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span back to the original, keeping marks attached to its last letter.

        >>> n = normalize("قالت\N{RIGHT-TO-LEFT MARK}: نعم")
        >>> n.original_span(0, 4)
        (0, 4)
        """
        starts, shifts = self.starts, self.shifts  # original_offset, inlined: called per span
        first = start + shifts[bisect.bisect_right(starts, start) - 1]
        if end <= start:
            return first, first
        last = end + shifts[bisect.bisect_right(starts, end - 1) - 1]
        original = self.original
        while last < len(original) and original[last] in _ATTACHED:
            last += 1
        return first, last

    @property
    def origin(self) -> tuple[int, ...]:
        """Return the full map, one entry per normalised character plus the final length.

        >>> normalize("قـال").origin
        (0, 2, 3, 4)
        """
        return tuple(self.original_offset(i) for i in range(len(self.text) + 1))


def normalize(text: str) -> Normalized:
    """Fold ``text`` for matching while remembering where each character came from.

    >>> normalize("إعلان \N{ARABIC-INDIC DIGIT THREE}").text
    'اعلان 3'
    """
    if "&" in text or "\r" in text:
        # The entity and "\r" branches make the scan of every character three
        # times slower: only a text with "&" or "\r" is scanned for them.
        return _normalize_entities(text)
    # Split around the runs to delete and the rare characters to fold, in C:
    # kept, separator, kept, ..., kept. Only the deleted runs move the map.
    parts = _DELETED_OR_RARE.split(text)
    if len(parts) == 1:
        return Normalized(_fold_common(text), text, (0,), (0,))
    separators = parts[1::2]
    folded = list(map(_ONE_TO_ONE.get, separators, repeat("")))  # "" for a deleted run
    kept = list(map(len, folded))  # 1 for a folded character, 0 for a deleted run
    deleted = list(map(sub, map(len, separators), kept))
    # A separator stands after the kept pieces and folded characters before it.
    at = accumulate(map(add, map(len, parts[0:-1:2]), chain((0,), kept)))
    starts = (0, *compress(at, deleted))
    shifts = (0, *compress(accumulate(deleted), deleted))
    parts[1::2] = folded
    return Normalized(_fold_common("".join(parts)), text, starts, shifts)


def _normalize_entities(text: str) -> Normalized:
    """Normalise a text that may hold HTML entities or "\\r\\n" line ends.

    >>> _normalize_entities("قال&quot;نعم&quot;\\r\\n").text
    'قال"نعم"\\n'
    """
    starts = [0]
    shifts = [0]
    if _DELETABLE.search(text) is None:
        return Normalized(_fold_characters(text), text, tuple(starts), tuple(shifts))
    pieces: list[str] = []
    kept = 0  # characters of the normalised text so far
    position = 0  # position in the original
    for match in _DELETABLE.finditer(text):
        begin, finish = match.span()
        pieces.append(text[position:begin])
        kept += begin - position
        replacement = _ENTITIES.get(match.group().lower())
        if replacement is not None:
            pieces.append(replacement)
            kept += 1
            begin += 1
        starts.append(kept)
        shifts.append(finish - kept)
        position = finish
    pieces.append(text[position:])
    return Normalized(_fold_characters("".join(pieces)), text, tuple(starts), tuple(shifts))


def fold(text: str) -> str:
    """Fold a lexicon entry exactly as running text is folded.

    >>> fold("أَعْلَنَ")
    'اعلن'
    """
    return normalize(text).text
