"""Pair quotation marks the way Arabic news writes them; unpaired marks are data, not errors.

A mark's direction is read from its neighbours first (a space before and a
letter after opens) and from its glyph only when the neighbours cannot tell,
so ``” … ”``, mirrored ``» … «`` and straight ``" … "`` all pair. A quote left
open at a paragraph end closes there, unless the next paragraph reopens it
(the long-quote convention) or closes it.

>>> [(q.start, q.end, q.closed) for q in find_quotes("قال: «نعم» و”لا”")]
[(6, 9, True), (13, 15, True)]
"""

from __future__ import annotations

import re
from collections.abc import Callable

from attrs import field, frozen

from .model import slot_setters

__all__ = ["QUOTE_MARKS", "Quote", "find_quotes"]

_FAMILY = {
    "«": "guillemet",
    "»": "guillemet",
    "“": "curly",
    "”": "curly",
    "„": "curly",
    "‟": "curly",
    '"': "straight",
    "″": "straight",
    "＂": "straight",
    "‘": "single",
    "’": "single",
    "'": "single",
}
QUOTE_MARKS = frozenset(_FAMILY)
"""Every character treated as a quotation mark."""

_OPENING_GLYPHS = frozenset("«“„‟‘")
_SYMMETRIC = frozenset({"straight", "single"})
# Characters after which a mark still stands at the start of a phrase.
_OPENS_AFTER = frozenset(" \n:([{،,؛;-–—/")
# Characters before which a mark still stands at the end of a phrase.
_CLOSES_BEFORE = frozenset(" \n.,،؛;:!?؟)]}-–—")
# A one-letter proclitic glued to a mark still lets it open: "لـ«عكاظ»", "و”لقد".
_PROCLITICS = frozenset("وفلبك")


@frozen(init=False)
class Quote:
    """A quoted stretch: where its marks stand and where its content lies (normalised offsets).

    ``close`` is ``None`` for a quote never closed; ``end`` then lies at the
    paragraph end. ``words`` counts the words inside.

    >>> q = find_quotes("صواريخ «باتريوت»")[0]
    >>> q.words, q.family
    (1, 'guillemet')
    """

    open: int
    close: int | None
    start: int
    end: int
    family: str
    words: int = 0
    paragraphs: int = field(default=1)

    def __init__(
        self,
        open: int,
        close: int | None,
        start: int,
        end: int,
        family: str,
        words: int = 0,
        paragraphs: int = 1,
    ) -> None:
        # Written by hand, as model.Span's: the frozen slots set through their
        # descriptors, bound once below (the generated __init__ looks up and
        # binds object.__setattr__ anew for every quote).
        _set_open(self, open)
        _set_close(self, close)
        _set_start(self, start)
        _set_end(self, end)
        _set_family(self, family)
        _set_words(self, words)
        _set_paragraphs(self, paragraphs)

    @property
    def closed(self) -> bool:
        """Tell whether a closing mark was found.

        >>> find_quotes("«نعم")[0].closed
        False
        """
        return self.close is not None

    @property
    def outer_end(self) -> int:
        """Return the offset just past the closing mark (or the content end when unclosed).

        >>> find_quotes("«نعم» قال")[0].outer_end
        5
        """
        return self.end if self.close is None else self.close + 1


_set_open, _set_close, _set_start, _set_end, _set_family, _set_words, _set_paragraphs = (
    slot_setters(Quote, "open", "close", "start", "end", "family", "words", "paragraphs")
)


def _is_opening_context(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after in " \n" or (after in QUOTE_MARKS and after != text[i]):
        return False
    if before in _OPENS_AFTER or before in QUOTE_MARKS:
        return True
    return before in _PROCLITICS and (i < 2 or text[i - 2] in " \n")


def _is_closing_context(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before not in " \n" and (after in _CLOSES_BEFORE or after in QUOTE_MARKS)


def _is_apostrophe(text: str, i: int) -> bool:
    """Tell a Latin apostrophe (``don't``) from a single quote."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isascii() and before.isalpha() and after.isascii() and after.isalpha()


class _Open:
    """A mark waiting for its closer; ``done`` once closed (then skipped where it still sits)."""

    __slots__ = ("done", "family", "mark", "paragraphs")

    def __init__(self, mark: int, family: str) -> None:
        self.mark = mark
        self.family = family
        self.paragraphs = [1]
        self.done = False


class _Stack:
    """The open marks, innermost last, with the innermost of each family found in O(1)."""

    def __init__(self) -> None:
        self.all: list[_Open] = []
        self.by_family: dict[str, list[_Open]] = {}

    def push(self, draft: _Open) -> None:
        self.all.append(draft)
        self.by_family.setdefault(draft.family, []).append(draft)

    def innermost(self, family: str) -> _Open | None:
        same = self.by_family.get(family)
        while same and same[-1].done:
            same.pop()
        return same[-1] if same else None

    def pop(self) -> _Open | None:
        """Remove and return the innermost open mark of any family."""
        while self.all:
            draft = self.all.pop()
            if not draft.done:
                draft.done = True
                return draft
        return None

    def remove(self, draft: _Open) -> None:
        draft.done = True  # left in place; pop() and innermost() skip it

    def live(self) -> list[_Open]:
        self.all = [draft for draft in self.all if not draft.done]
        return self.all

    def replace(self, kept: list[_Open]) -> None:
        for draft in self.all:
            draft.done = True
        self.all, self.by_family = [], {}
        for draft in kept:
            draft.done = False
            self.push(draft)


def _space_before(text: str, end: int) -> int:
    """Return where the run of spaces ending at ``end`` begins (``end`` itself if none)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# A letter or digit and the rest of its whitespace-delimited word: one match per
# word that has a letter or digit (``[^\W_]`` is ``str.isalnum``). The empty group
# makes findall return "" for each match, the one shared empty string, instead
# of copying every word out of the text only to count them.
_WORD_WITH_ALNUM = re.compile(r"[^\W_]\S*()")


# A word of marks alone ("،", "-", "..."), found by the space before it: one
# search for the space in C, and a closer look only there.
_SPACE_AND_BARE_WORD = re.compile(r" [^\w\s]+(?!\S)")


def _count_words(text: str, start: int, end: int) -> int:
    """Count the words between ``start`` and ``end`` that have a letter or digit.

    Where single spaces part the words (the common case), the spaces count
    them and the few words of marks alone are subtracted: a regex match a
    word costs a thousand instructions or more (``findall`` frees and
    allocates its stack at each match), counting spaces a few a character.
    Any other whitespace (``isprintable`` is false for every whitespace
    character but the space), two spaces in a row or an underscore (a word
    character without a letter) take the general form,
    :data:`_WORD_WITH_ALNUM`.

    >>> _count_words("قال: « نعم ، 3 » .", 5, 16)
    2
    """
    words = text[start:end].strip(" ")
    if "_" in words or "  " in words or not words.isprintable():
        return len(_WORD_WITH_ALNUM.findall(text, start, end))
    if not words:
        return 0
    return words.count(" ") + 1 - len(_SPACE_AND_BARE_WORD.findall(" " + words))


_MARKS_AND_NEWLINE = (*sorted(QUOTE_MARKS), "\n")


def _marks(text: str) -> list[tuple[int, str]]:
    """Return every quotation mark and newline of a text with its offset, in text order.

    Each of the thirteen characters is looked for with ``str.find``, which
    runs through the text in C at a few instructions a character (a regex
    class scan takes tens), and a text holds only a handful of them.

    >>> _marks("قال: «نعم»\\n")
    [(5, '«'), (9, '»'), (10, '\\n')]
    """
    found = []
    for mark in _MARKS_AND_NEWLINE:
        at = text.find(mark)
        while at != -1:
            found.append((at, mark))
            at = text.find(mark, at + 1)
    found.sort()
    return found


def find_quotes(text: str) -> list[Quote]:
    """Return the quotes of a normalised text in order of their opening marks.

    A stray closing mark opens nothing, and an opening mark never closed ends at
    its paragraph end, so one bad mark cannot swallow the document.

    >>> [q.closed for q in find_quotes("أكد أن الحرب ستستمر”. وقال: «نعم")]
    [False]
    """
    marks = _marks(text)
    found: list[Quote] = []
    stack = _Stack()
    skip: set[int] = set()
    trimmed_ends: dict[int, int] = {}

    left_open: list[tuple[_Open, int]] = []

    def quote(draft: _Open, closing: int | None, end: int) -> Quote:
        if end not in trimmed_ends:  # every quote left open shares its paragraph's end
            trimmed_ends[end] = _space_before(text, end)
        start = draft.mark + 1
        if trimmed_ends[end] <= start:  # nothing but spaces inside
            start = end
        else:
            start, end = _trimmed(text, start, trimmed_ends[end])
        count = _count_words(text, start, end)
        return Quote(draft.mark, closing, start, end, draft.family, count, draft.paragraphs[0])

    def close(draft: _Open, closing: int | None, end: int) -> None:
        draft.done = True
        if closing is None:
            left_open.append((draft, end))
        else:
            found.append(quote(draft, closing, end))

    for index, (position, mark) in enumerate(marks):
        if position in skip:
            continue
        if mark == "\n":
            if stack.all:  # most paragraphs end with no quote open: nothing to close
                _end_paragraph(text, marks, index, stack, skip, close)
            continue
        if mark in "'’" and _is_apostrophe(text, position):
            continue
        family = _FAMILY[mark]
        opening = _is_opening_context(text, position)
        closing = not opening and _is_closing_context(text, position)
        innermost = stack.innermost(family)
        if closing or (not opening and innermost is not None and mark not in _OPENING_GLYPHS):
            if innermost is None:
                continue  # a stray closer: data, not an error
            while (inner := stack.pop()) is not None and inner is not innermost:
                close(inner, None, position)
            close(innermost, position, position)
        elif (
            opening
            and family in _SYMMETRIC
            and innermost is not None
            and _is_closing_context(text, position)
        ):
            stack.remove(innermost)
            close(innermost, position, position)
        else:
            stack.push(_Open(position, family))
    while (draft := stack.pop()) is not None:
        close(draft, None, len(text))
    # "قال: «نعم … قال: «لا …": a quote never closed ends at its paragraph end or where
    # the next one never closed of its family opens; without this, a page of marks left
    # open would give each quote the rest of the paragraph, thousands of overlapping copies.
    following: dict[str, int] = {}
    for draft, end in sorted(left_open, key=lambda pair: pair[0].mark, reverse=True):
        later = following.get(draft.family)
        following[draft.family] = draft.mark
        found.append(quote(draft, None, end if later is None else min(end, later)))
    found.sort(key=lambda q: q.open)
    return found


def _end_paragraph(
    text: str,
    marks: list[tuple[int, str]],
    index: int,
    stack: _Stack,
    skip: set[int],
    close: Callable[[_Open, int | None, int], None],
) -> None:
    """Close quotes left open at a paragraph end, unless the next paragraph carries them on."""
    open_marks = stack.live()
    if not open_marks:
        return
    newline = marks[index][0]
    next_start = newline + 1
    while next_start < len(text) and text[next_start].isspace():
        next_start += 1
    paragraph_end = text.find("\n", next_start)
    if paragraph_end == -1:
        paragraph_end = len(text)
    first = None
    following = index + 1
    while following < len(marks) and marks[following][0] < next_start:
        following += 1  # the blank lines between the paragraphs
    if following < len(marks) and marks[following][0] < paragraph_end:
        first = marks[following]
    keep: list[_Open] = []
    for draft in open_marks:
        same_family = first is not None and _FAMILY[first[1]] == draft.family
        if (
            same_family
            and first is not None
            and first[0] == next_start
            and _is_opening_context(text, first[0])
        ):
            # "«…\n«…\n«…»": each paragraph of a long quote reopens it.
            skip.add(first[0])
            draft.paragraphs[0] += 1
            keep.append(draft)
        elif same_family and first is not None and _is_closing_context(text, first[0]):
            # "«…\n…»": the quote runs on into the next paragraph and closes there.
            draft.paragraphs[0] += 1
            keep.append(draft)
        else:
            close(draft, None, newline)
    stack.replace(keep)
