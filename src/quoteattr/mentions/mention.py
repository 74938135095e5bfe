"""A mention: a token range and what it names (a person, an organisation, an outlet…).

>>> Mention(0, 2, "person", 1, 2).named
True
"""

from __future__ import annotations

from attrs import frozen

from ..quotes import QUOTE_MARKS
from ..tokens import Tokens

__all__ = ["Mention"]


@frozen
class Mention:
    """A mention read from the tokens: ``[start, end)`` token range and what it names.

    ``name`` is the canonical short name as token range ``[name_start, name_end)``
    (a person's name without title); ``outlet`` is the canonical outlet name
    when the mention is a news outlet.

    >>> from quoteattr.mentions import MentionReader
    >>> from quoteattr.tokens import tokenize
    >>> MentionReader(tokenize("مصادر مطلعة")).read(0).kind
    'anonymous'
    """

    start: int
    end: int
    kind: str
    name_start: int
    name_end: int
    gender: str = ""
    outlet: str | None = None
    head_class: str = ""
    lead: int = 0

    @property
    def named(self) -> bool:
        """Tell whether the mention gives a personal name, not only a title.

        >>> from quoteattr.mentions import MentionReader
        >>> from quoteattr.tokens import tokenize
            >>> MentionReader(tokenize("الوزير")).read(0).named
            False
        """
        return self.kind == "person" and (
            self.name_start > self.start or self.head_class in ("", "bare")
        )

    def char_start(self, tokens: Tokens) -> int:
        """Return the normalised offset where the mention starts.

        >>> from quoteattr.mentions import MentionReader
        >>> from quoteattr.tokens import tokenize
            >>> t = tokenize("قالت مصادر")
            >>> MentionReader(t).read(1).char_start(t)
            5
        """
        return tokens.starts[self.start] + self.lead

    def char_end(self, tokens: Tokens) -> int:
        """Return the normalised offset where the mention ends.

        >>> from quoteattr.mentions import MentionReader
        >>> from quoteattr.tokens import tokenize
            >>> t = tokenize("قالت مصادر")
            >>> MentionReader(t).read(1).char_end(t)
            10
        """
        return tokens.ends[self.end - 1]

    def name_span(self, tokens: Tokens) -> tuple[int, int]:
        """Return the normalised offsets of the canonical name, quote marks dropped.

        >>> from quoteattr.mentions import MentionReader
        >>> from quoteattr.tokens import tokenize
            >>> t = tokenize("وكالة «بلومبرغ»")
            >>> start, end = MentionReader(t).read(0).name_span(t)
            >>> t.text[start:end]
            'بلومبرغ'
        """
        start = self.name_start
        end = self.name_end
        while start < end and tokens.words[start] in QUOTE_MARKS:
            start += 1
        while end > start and tokens.words[end - 1] in QUOTE_MARKS:
            end -= 1
        if start >= end:
            return self.char_start(tokens), self.char_end(tokens)
        lead = self.lead if start == self.start else 0
        return tokens.starts[start] + lead, tokens.ends[end - 1]
