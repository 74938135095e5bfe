"""Find speech cues: verbs in every form, participles and attribution phrases.

One pass over the tokens with dictionary lookups: a word is a cue candidate
when its folded form is a generated form of a speech verb, or when an
attribution phrase (وفقا لـ، نقلا عن، من جهته…) starts at it. Whether a
candidate really introduces speech is decided later, by :mod:`quoteattr.rules`,
from what follows it.

>>> from quoteattr.normalize import normalize
>>> from quoteattr.tokens import tokenize
>>> [c.lemma for c in find_cues(tokenize(normalize("وقالت الوزارة، وفقا لرويترز").text))]
['قال', 'وفقا']
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from .lexicons import Lexicon, PhraseEntry, VerbForm, strip_conjunction
from .model import slot_setters
from .tokens import Tokens
from .word_index import WordIndex

__all__ = ["AN_WORDS", "Cue", "find_cues"]

AN_WORDS = frozenset(
    prefix + an + suffix
    for prefix in ("", "ب")
    for an in ("ان",)
    for suffix in ("", "ه", "ها", "هم", "هما", "هن", "نا", "ني", "ي", "ك", "كم")
)
"""The complementisers أن/إن/بأن with their pronoun suffixes, as folded (``ان``, ``بانه``…)."""

# "يذكر أن" and "يشار إلى أن" are the writer's own background formulas
# ("it is worth noting that"), not somebody's statement.
_WRITER_FORMULAS = frozenset({"يذكر", "ويذكر", "يشار", "ويشار", "والجدير", "الجدير"})


@frozen(init=False)
class Cue:
    """A cue candidate: token ``index``, how many tokens it spans and what the lexicon says.

    Exactly one of ``verb`` and ``phrase`` is set.

    >>> from quoteattr.tokens import tokenize
    >>> cue = find_cues(tokenize("مشيرا إلى أن"))[0]
    >>> cue.index, cue.length, cue.lemma
    (0, 1, 'أشار')
    """

    index: int
    length: int
    verb: VerbForm | None = None
    phrase: PhraseEntry | None = None

    def __init__(
        self,
        index: int,
        length: int,
        verb: VerbForm | None = None,
        phrase: PhraseEntry | None = None,
    ) -> None:
        # Written by hand, as model.Span's: the frozen slots set through their
        # descriptors, bound once below (the generated __init__ looks up and
        # binds object.__setattr__ anew for every cue, and a corpus has many).
        _set_index(self, index)
        _set_length(self, length)
        _set_verb(self, verb)
        _set_phrase(self, phrase)

    @property
    def lemma(self) -> str:
        """Return the canonical lemma reported for this cue.

        >>> from quoteattr.tokens import tokenize
        >>> find_cues(tokenize("بحسب رويترز"))[0].lemma
        'بحسب'
        """
        if self.verb is not None:
            return self.verb.lemma
        assert self.phrase is not None
        return self.phrase.lemma

    @property
    def end(self) -> int:
        """Return the token index just past the cue.

        >>> from quoteattr.tokens import tokenize
        >>> find_cues(tokenize("نقلا عن مصادر"))[0].end
        2
        """
        return self.index + self.length


_set_index, _set_length, _set_verb, _set_phrase = slot_setters(
    Cue, "index", "length", "verb", "phrase"
)


def find_cues(
    tokens: Tokens, lexicon: Lexicon | None = None, candidates: Iterable[int] | None = None
) -> list[Cue]:
    """Return every cue candidate in token order.

    ``candidates`` are the indices of the tokens in
    :attr:`~quoteattr.lexicons.Lexicon.cue_heads`, when the caller has them
    (:class:`quoteattr.word_index.WordIndex`).

    >>> from quoteattr.tokens import tokenize
    >>> [c.lemma for c in find_cues(tokenize("من جهتها اكدت المتحدثة"))]
    ['من جهته', 'أكد']
    """
    lexicon = lexicon or Lexicon.default()
    verbs = lexicon.verb_forms
    phrases = lexicon.phrases
    alone, pairs = lexicon.cue_starts
    words = tokens.words
    last_word = len(words) - 1
    found: list[Cue] = []
    covered = -1
    if candidates is None:  # one set lookup a token; the few hits get the closer look
        candidates = WordIndex.of(tokens, lexicon).cue_heads
    for i in candidates:
        if i < covered:
            continue
        word = words[i]
        if word not in alone and (i == last_word or (word, words[i + 1]) not in pairs):
            continue  # في، من، على: a cue only with the right word after them
        phrase = phrases.match(words, i)
        if phrase is None and word[0] in "وف":
            bare = strip_conjunction(word)
            if bare is not None:
                phrase = phrases.match(words, i, bare)
        verb = verbs.get(word)
        if phrase is not None and (phrase[0] > 1 or verb is None):
            found.append(Cue(i, phrase[0], phrase=phrase[1]))
            covered = i + phrase[0]
            # "كما أفادت الوكالة بأن…": a phrase ending in a verb may head a statement
            # of its own; the verb is offered too, and linking decides.
            last = i + phrase[0] - 1
            inner = verbs.get(words[last]) if last > i else None
            if inner is not None:
                found.append(Cue(last, 1, verb=inner))
        elif verb is not None:
            if word not in _WRITER_FORMULAS:
                found.append(Cue(i, 1, verb=verb))
        elif phrase is not None:
            found.append(Cue(i, phrase[0], phrase=phrase[1]))
    return found
