"""Quote pairing's fast paths, checked against their definitions on any text."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from quoteattr.quotes import QUOTE_MARKS, _marks

_MARK_OR_NEWLINE = re.compile("[" + re.escape("".join(QUOTE_MARKS)) + "\n]")
_PIECES = st.sampled_from([*QUOTE_MARKS, "\n", "قال", "ا", "س", " ", "'s", "\r\n"])
_TEXTS = st.lists(_PIECES, max_size=30).map("".join) | st.text(max_size=60)


@given(_TEXTS)
@example('قال: «نعم» و”لا”\n"ok" ‘it’s’ ″3″ ＂x＂ „y‟')
def test_the_marks_are_every_quotation_mark_and_newline_in_order(text: str) -> None:
    expected = [(m.start(), m.group()) for m in _MARK_OR_NEWLINE.finditer(text)]
    assert _marks(text) == expected


@given(_TEXTS)
@example("قال: « نعم ، 3 » . _ snake_case")
def test_the_words_of_a_quote_are_its_runs_with_a_letter_or_digit(text: str) -> None:
    from quoteattr.quotes import _count_words

    expected = sum(any(c.isalnum() for c in run) for run in text.split())
    assert _count_words(text, 0, len(text)) == expected


_WORD_PIECES = st.sampled_from(
    ["قال", "نعم،", "،", " ", "  ", "-", "...", "«", "»", "3", "_", "\n", "\u00a0", "\t", "x_y"]
)


@given(st.lists(_WORD_PIECES, max_size=30).map("".join) | st.text(max_size=60), st.data())
@example(" ، نعم - 3 ... « لا » ", None)
def test_counting_spaces_agrees_with_the_general_form(
    text: str, data: st.DataObject | None
) -> None:
    from quoteattr.quotes import _WORD_WITH_ALNUM, _count_words

    start, end = 0, len(text)
    if data is not None:
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
    assert _count_words(text, start, end) == len(_WORD_WITH_ALNUM.findall(text, start, end))
