"""Headlines: the line-start colon, found in C, checked against its definition on any lines."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from quoteattr.rules.headlines import _line_colon


@given(st.lists(st.sampled_from(["وزير", "المالية", ":", "\n", "نعم", "."]), max_size=30))
@example(["وزير", "\n", ":", "نعم"])
def test_a_headline_colon_is_the_first_one_before_the_line_ends(words: list[str]) -> None:
    newlines = [i for i, word in enumerate(words) if word == "\n"]
    for line, start in enumerate([0] + [i + 1 for i in newlines]):
        line_end = newlines[line] if line < len(newlines) else len(words)
        window = range(start, min(start + 10, len(words)))
        first = next((j for j in window if words[j] in (":", "\n")), None)
        expected = first if first is not None and words[first] == ":" else None
        assert _line_colon(words, start, line_end) == expected
