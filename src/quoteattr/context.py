"""One document as every linking rule sees it: text, tokens, sentences, quotes, cues, mentions.

:func:`quoteattr.pipeline.read_document` runs the reading stages once and
hands their results here; the rules only read a :class:`Context`. The
indexes several rules share (the quote opening at a token, the cue at a
token, the sentence of a token) are built here, once, so that a rule never
searches the whole document for them. Indexes that later rules will want
(name → its mentions, sentence → its first token, for coreference in linear
time) belong here too.

>>> from quoteattr.pipeline import read_document
>>> document = read_document("بحسب رويترز، فان الاسعار سترتفع.")
>>> [c.lemma for c in document.cues], len(document.quotes), document.sentence_of[5]
(['بحسب'], 0, 0)
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator, Set
from itertools import compress, count

from .cues import Cue
from .lexicons import ARTICLE, Lexicon
from .mentions import MentionReader, head_noun
from .quotes import Quote
from .tokens import Tokens
from .word_index import WordIndex

__all__ = ["SPEECH_QUOTE_WORDS", "Context", "SentenceNumbers"]

SPEECH_QUOTE_WORDS = 4
"""A quoted stretch this long is speech wherever it stands.

Shorter ones are speech only right after a cue or a colon: most «…» of one
to three words are names (صواريخ «باتريوت»).
"""


def _indices_in(tokens: Tokens, wanted: set[str]) -> list[int]:
    """Return the indices, in order, of the tokens that are in ``wanted``.

    A few wanted words are searched for in the text (``str.find``, in C), and
    an occurrence counts where a token starts there and is that word: a few
    checks a hit instead of a set lookup a token. Many wanted words (the
    surnames of a whole feed in one document) would each rescan the text, so
    then every token is looked up once instead, still in C.

    >>> from quoteattr.tokens import tokenize
    >>> _indices_in(tokenize("قال الوزير إن والوزير الوزير"), {"الوزير"})
    [1, 4]
    """
    if len(wanted) > _SEARCHED_WORDS:
        return list(compress(count(), map(wanted.__contains__, tokens.words)))
    return sorted(k for word in wanted for k in _indices_ending_in(tokens, word, {word}))


_SEARCHED_WORDS = 8
"""At most this many words are searched for in the text; more are looked up token by token."""


def _indices_ending_in(tokens: Tokens, end: str, wanted: Set[str]) -> list[int]:
    """Return the indices, in order, of the tokens in ``wanted``, every one ending in ``end``.

    One search of the text for ``end`` finds them all: a hit counts where a
    token of ``wanted`` ends with it (the spellings of one head noun share it).

    >>> from quoteattr.tokens import tokenize
    >>> _indices_ending_in(tokenize("الوزير ووزير والوزير الوزيرة"), "وزير", {"الوزير", "والوزير"})
    [0, 2]
    """
    text, starts, ends, words = tokens.text, tokens.starts, tokens.ends, tokens.words
    found = []
    at = text.find(end) if end else -1
    while at != -1:
        k = bisect.bisect_right(starts, at) - 1
        if k >= 0 and ends[k] == at + len(end) and words[k] in wanted:
            found.append(k)
        at = text.find(end, at + 1)
    return found


_NEAR_TOKENS = 400
"""A stretch of at most this many tokens finds its known names by itself.

(:meth:`Context.known_names_before`; a longer one reads them from :attr:`Context.known_names`.)
"""

_SEARCHED_HEADS = 8
"""At most this many head nouns are searched for in the text; past them words are indexed."""


@functools.lru_cache(maxsize=4096)
def _spellings(head: str) -> frozenset[str]:
    """Return the words whose head noun is ``head``, spelt once a head, not once a document.

    :func:`~quoteattr.mentions.head_noun` strips at most a conjunction and the
    article: four spellings, those it takes back to ``head``.

    >>> sorted(_spellings("وزير"))
    ['الوزير', 'فالوزير', 'والوزير', 'وزير']
    """
    forms = {head, ARTICLE + head, "و" + ARTICLE + head, "ف" + ARTICLE + head}
    return frozenset(form for form in forms if head_noun(form) == head)


class SentenceNumbers:
    """Sentence number of each token, from the sorted indices of sentence-ending tokens.

    >>> SentenceNumbers([2, 5])[3]
    1
    """

    def __init__(self, ends: list[int]) -> None:
        self.ends = ends

    def __getitem__(self, i: int) -> int:
        return bisect.bisect_left(self.ends, i)


class Context:
    """The text, tokens, quotes, cues and mention reader of one document, with their indexes.

    Offsets are in the normalised text. ``names`` maps a surname given in full
    somewhere in the document to that full name's offsets.

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("قال: «نعم» ثم غادر")
    >>> document.quote_at_open[2].start, document.cue_at[0].lemma
    (6, 'قال')
    """

    def __init__(
        self,
        text: str,
        lexicon: Lexicon,
        tokens: Tokens,
        quotes: list[Quote],
        cues: list[Cue],
        names: dict[str, tuple[int, int]],
        reader: MentionReader,
        index: WordIndex | None = None,
    ) -> None:
        self.text = text
        self.lexicon = lexicon
        self.tokens = tokens
        self.words = tokens.words
        self.quotes = quotes
        self.quote_opens = [quote.open for quote in quotes]
        """The opening offset of every quotation, in order (quotes are sorted by it)."""
        self.cues = cues
        self.names = names
        self.reader = reader
        self.index = index or WordIndex.of(tokens, lexicon)
        """Where the words of each lexicon class stand (:class:`.WordIndex`)."""
        self._by_head: dict[str, list[int]] = {}
        starts = tokens.starts
        self.token_at = {
            q: bisect.bisect_left(starts, q)
            for quote in quotes
            for q in (quote.open, quote.close)
            if q is not None
        }
        """The token index of every quotation mark's offset."""
        self.quote_at_open: dict[int, Quote] = {}
        self.quote_at_close: dict[int, Quote] = {}
        for quote in quotes:
            self.quote_at_open[self.token_at[quote.open]] = quote
            if quote.close is not None:
                self.quote_at_close[self.token_at[quote.close]] = quote
        self.speech_spans = sorted(
            (q.start, q.end) for q in quotes if q.words >= SPEECH_QUOTE_WORDS
        )
        self.speech_starts = [s for s, _ in self.speech_spans]
        self.cue_at = {c.index: c for c in cues}
        # Every sentence mark ends its sentence but a full stop inside a number or an
        # abbreviation (Tokens.ends_sentence, inlined: a document has hundreds of marks).
        words, ends, size, chars = tokens.words, tokens.ends, len(tokens.text), tokens.text
        self.sentence_of = SentenceNumbers(
            [
                i
                for i in self.index.sentence_marks
                if words[i] != "." or ends[i] >= size or not chars[ends[i]].isalnum()
            ]
        )

    @functools.cached_property
    def known_names(self) -> list[int]:
        """The token indices, in order, of every title, organisation or personal name word.

        Built once per document, for the rules that look back for a subject.

        >>> from quoteattr.pipeline import read_document
        >>> read_document("وصل الوزير إلى الرياض، وقال إن الزيارة ناجحة.").known_names
        [1, 3]
        """
        words = self.words
        found = self.index.name_heads
        surnames = self._surnames
        if surnames:
            found = sorted(found + _indices_in(self.tokens, surnames))
        return [i for i in found if words[i] != "الله"]

    @functools.cached_property
    def _surnames(self) -> set[str]:
        """The surnames of :attr:`names` that no lexicon word class finds (they are names too)."""
        return {word for word in self.names if word not in self.lexicon.name_heads}

    def words_with_head(self, head: str) -> list[int]:
        """Return the indices, in order, of the words whose head noun is ``head``.

        Computed once per head and document, for the rules that look for a
        fuller mention.

        >>> from quoteattr.pipeline import read_document
        >>> read_document("قال الوزير إن الوزيرة والوزير وصلا.").words_with_head("وزير")
        [1, 4]
        """
        found = self._by_head.get(head)
        if found is None:
            forms = _spellings(head)
            if not head:
                found = []
            elif len(self._by_head) < _SEARCHED_HEADS:
                found = _indices_ending_in(self.tokens, head, forms)
            else:
                # A long document asks for many heads, and a search of the text
                # each would make it quadratic: past a few, every token is put
                # in its word's list once, and each head is then a few lookups.
                at = self._word_positions
                found = sorted(k for form in forms for k in at.get(form, ()))
            self._by_head[head] = found
        return found

    @functools.cached_property
    def _word_positions(self) -> dict[str, list[int]]:
        """Every word of the document → the indices of its tokens, in order."""
        positions: dict[str, list[int]] = {}
        for k, word in enumerate(self.words):
            positions.setdefault(word, []).append(k)
        return positions

    def known_names_before(self, index: int, first: int, limit: int) -> list[int]:
        """Return up to ``limit`` of :attr:`known_names` in ``[first, index)``, nearest first.

        >>> from quoteattr.pipeline import read_document
        >>> document = read_document("وصل الوزير إلى الرياض، وقال إن الزيارة ناجحة.")
        >>> document.known_names_before(5, 0, 8), document.known_names_before(5, 0, 1)
        ([3, 1], [3])
        """
        first = max(first, 0)  # (token indices are never negative)
        if index <= first:
            return []
        if index - first > _NEAR_TOKENS:
            known = self.known_names
            stop = bisect.bisect_left(known, index)
            start = max(bisect.bisect_left(known, first), stop - limit)
            return known[start:stop][::-1]
        # A short stretch (nearly always: a sentence or two before a cue) looks its
        # own words up for surnames, in C, where building known_names would search
        # the whole text for each surname, a few times a document for few questions.
        heads = self.index.name_heads
        found = heads[bisect.bisect_left(heads, first) : bisect.bisect_left(heads, index)]
        surnames = self._surnames
        if surnames:
            words = self.words[first:index]
            more = list(compress(count(first), map(surnames.__contains__, words)))
            if more:
                found = sorted(found + more)
        words = self.words
        found = [i for i in found if words[i] != "الله"]
        return found[max(0, len(found) - limit) :][::-1]

    def speech_verb_before(self, index: int) -> Cue | None:
        """Return the last speech verb (not a verbal noun) before token ``index`` in its sentence.

        >>> from quoteattr.pipeline import read_document
        >>> document = read_document("وقال شاهد لرويترز في اتصال قائلا ان")
        >>> document.speech_verb_before(6).index, document.speech_verb_before(0)
        (0, None)
        """
        # Only the tokens with a cue, from the last before ``index`` back to the
        # sentence's first token: a handful, where a walk back costs a step a token.
        cue_indices = self._cue_indices
        first = self.first_token_of(self.sentence_of[index])
        for k in range(bisect.bisect_left(cue_indices, index) - 1, -1, -1):
            j = cue_indices[k]
            if j < first:
                return None
            found = self.cue_at[j]
            if found.verb is not None and found.verb.tense != "noun":
                return found
        return None

    def cues_before(self, index: int) -> Iterator[Cue]:
        """Yield the cues before token ``index``, nearest first.

        Cues are in text order, one a token: a binary search finds where to
        start, where a walk back from the document's last cue would cost a
        step a cue of the whole document at every question.

        >>> from quoteattr.pipeline import read_document
        >>> document = read_document("قال الوزير انه اكد ان الحل قريب")
        >>> [cue.lemma for cue in document.cues_before(4)], list(document.cues_before(0))
        (['أكد', 'قال'], [])
        """
        cue_indices = self._cue_indices
        cue_at = self.cue_at
        for k in range(bisect.bisect_left(cue_indices, index) - 1, -1, -1):
            yield cue_at[cue_indices[k]]

    @functools.cached_property
    def _cue_indices(self) -> list[int]:
        """The token indices that have a cue, in order."""
        return sorted(self.cue_at)

    def first_token_of(self, sentence: int) -> int:
        """Return the index of the first token of a sentence (0 for any sentence before the first).

        >>> from quoteattr.pipeline import read_document
        >>> document = read_document("انتهى الاجتماع. وقال الوزير إن الزيارة ناجحة.")
        >>> document.first_token_of(1), document.words[3]
        (3, 'وقال')
        """
        if sentence <= 0:
            return 0
        ends = self.sentence_of.ends
        return ends[sentence - 1] + 1 if sentence - 1 < len(ends) else len(self.words)

    def token_start(self, offset: int) -> int:
        """Return the index of the first token starting at or after a character offset.

        >>> from quoteattr.pipeline import read_document
        >>> read_document("قال الوزير").token_start(4)
        1
        """
        return bisect.bisect_left(self.tokens.starts, offset)

    def cue_span(self, cue: Cue) -> tuple[int, int]:
        """Return the character span of a cue's tokens.

        >>> from quoteattr.pipeline import read_document
        >>> document = read_document("وقال نقلا عن مصادر")
        >>> document.cue_span(document.cues[1])
        (5, 12)
        """
        return self.tokens.starts[cue.index], self.tokens.ends[cue.end - 1]

    def sentence_start(self, index: int) -> bool:
        """Tell whether token ``index`` opens a sentence.

        >>> from quoteattr.pipeline import read_document
        >>> document = read_document("انتهى. وقال")
        >>> document.sentence_start(2), document.sentence_start(1)
        (True, False)
        """
        return index == 0 or self.tokens.ends_sentence(index - 1)
