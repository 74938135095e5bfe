"""Tokenise the normalised text once: words, single punctuation marks and newlines.

Clitics stay attached (``وقال`` is one token); later stages strip them by
lookup, never by re-tokenising.

>>> tokens = tokenize("وقال: «نعم»")
>>> tokens.words
['وقال', ':', '«', 'نعم', '»']
>>> tokens.starts[3], tokens.ends[3]
(7, 10)
"""

from __future__ import annotations

import re
from itertools import accumulate

from attrs import frozen

__all__ = ["SENTENCE_END", "Tokens", "tokenize"]

# A word is a run of letters and digits; every other visible character is a
# token of its own, and so is a newline (a paragraph end). This is `re`, not
# `regex`: normalisation has already deleted the harakat that `re`'s \w does
# not match, so `regex`'s Unicode-property classes ([\p{L}\p{M}\p{N}]+) give
# the very same tokens on all 5,678 corpus articles, 30-45% slower.
# "\S" is any other visible character: a letter or digit never gets there, the
# first alternative has taken it (one class test instead of two for [^\w\s]).
_TOKEN = re.compile(r"([^\W_]+|\n|\S)")
# The same tokens in a text without "_" (nearly every one), where a word is \w+:
# one class test a character fewer for the regex engine.
_TOKEN_WITHOUT_UNDERSCORE = re.compile(r"(\w+|\S|\n)")

SENTENCE_END = frozenset({".", "؟", "?", "!", "\n"})
"""Tokens that end a sentence (a full stop only when followed by a space or the end)."""


@frozen
class Tokens:
    """Parallel lists of token texts and their offsets in the normalised text.

    >>> tokenize("قالت الوزارة").words[1]
    'الوزارة'
    """

    text: str
    words: list[str]
    starts: list[int]
    ends: list[int]

    def __len__(self) -> int:
        return len(self.words)

    def is_word(self, i: int) -> bool:
        """Tell whether token ``i`` is made of letters or digits.

        >>> tokenize("قال: نعم").is_word(1)
        False
        """
        return 0 <= i < len(self.words) and self.words[i][0].isalnum()

    def ends_sentence(self, i: int) -> bool:
        """Tell whether token ``i`` ends a sentence: ``. ؟ ? !`` or a newline.

        A full stop between digits (``3.5``) or letters (``أ.ف.ب``) does not.

        >>> t = tokenize("ارتفع 3.5 بالمئة. وقال")
        >>> t.ends_sentence(2), t.ends_sentence(5)
        (False, True)
        """
        word = self.words[i]
        if word not in SENTENCE_END:
            return False
        if word == ".":
            after = self.ends[i]
            return after >= len(self.text) or not self.text[after].isalnum()
        return True


def tokenize(text: str) -> Tokens:
    """Split normalised text into tokens with their offsets.

    >>> tokenize("بحسب رويترز.").words
    ['بحسب', 'رويترز', '.']
    """
    # Splitting on the captured tokens gives [space, token, space, token, ..., space];
    # the running sum of their lengths gives every token's start and end. This
    # runs in C, where reading each match's group, start and end took three
    # Python loops over the tokens.
    pieces = (_TOKEN if "_" in text else _TOKEN_WITHOUT_UNDERSCORE).split(text)
    bounds = list(accumulate(map(len, pieces)))
    return Tokens(text, pieces[1::2], bounds[0:-1:2], bounds[1::2])
