"""Where a document's lexicon words stand: one pass over the tokens serves every stage.

Cue finding wants the words that can start a cue, name finding the given
names, the rules that look back for a subject every title, organisation or
name word, and sentence numbering the sentence marks. Each used to walk all
the tokens for its own set; here one walk looks every token up once in
:attr:`quoteattr.lexicons.Lexicon.word_classes` and the few hits are sorted
into the lists each stage reads.

>>> from quoteattr.tokens import tokenize
>>> index = WordIndex.of(tokenize("وقال الوزير سالم العلي إن الاجتماع انتهى."))
>>> index.cue_heads, index.name_heads, index.first_names, index.sentence_marks
([0], [1, 2], [2], [7])
"""

from __future__ import annotations

from itertools import compress, count, repeat

from attrs import frozen

from .lexicons import CUE_HEAD, FIRST_NAME, NAME_HEAD, SENTENCE_MARK, Lexicon
from .tokens import Tokens

__all__ = ["WordIndex"]


@frozen
class WordIndex:
    """The token indices, in order, of the words of each lexicon class in one document.

    ``name_heads`` holds every word that can start a title, an organisation
    or a given name (:attr:`~quoteattr.lexicons.Lexicon.name_heads`), so
    ``first_names`` is a part of it.

    >>> from quoteattr.tokens import tokenize
    >>> WordIndex.of(tokenize("بحسب رويترز")).cue_heads
    [0]
    """

    cue_heads: list[int]
    name_heads: list[int]
    first_names: list[int]
    sentence_marks: list[int]

    @classmethod
    def of(cls, tokens: Tokens, lexicon: Lexicon | None = None) -> WordIndex:
        """Look every token up once and sort the hits by class.

        >>> from quoteattr.tokens import tokenize
        >>> WordIndex.of(tokenize("انتهى.\\nوقال")).sentence_marks
        [1, 2]
        """
        classes = (lexicon or Lexicon.default()).word_classes
        # One dictionary lookup a token and the indices of the hits, both in C (map,
        # compress): no Python step for the three quarters of the tokens that miss.
        found = list(map(classes.get, tokens.words, repeat(0)))  # 0: in no class
        hits = list(compress(count(), found))
        name_heads = [i for i in hits if found[i] & NAME_HEAD]
        return cls(
            [i for i in hits if found[i] & CUE_HEAD],
            name_heads,
            # A given name is a name head: sought among those, a third of the hits.
            [i for i in name_heads if found[i] & FIRST_NAME],
            [i for i in hits if found[i] & SENTENCE_MARK],
        )
