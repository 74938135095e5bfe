"""The mention reader: one document's tokens and lexicon, and the word tests every reader shares.

:meth:`MentionReader.read` tries the kinds in turn: an outlet
(:mod:`~quoteattr.mentions.outlets`), a title with its complements and name
(:mod:`~quoteattr.mentions.titled`; anonymous sources in
:mod:`~quoteattr.mentions.anonymous`) or an organisation
(:mod:`~quoteattr.mentions.organizations`), then a personal name
(:mod:`~quoteattr.mentions.names`).

>>> from quoteattr.tokens import tokenize
>>> MentionReader(tokenize("وزارة الخارجية الأوكرانية استدعاء")).read(0).end
3
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from attrs import evolve

from ..cues import AN_WORDS
from ..lexicons import ARTICLE, Lexicon
from ..quotes import QUOTE_MARKS
from ..tokens import Tokens
from .mention import Mention
from .names import read_person
from .organizations import read_organization
from .outlets import DEFINITE_TYPE_NOUNS, OUTLET_STARTS, read_outlet
from .titled import read_titled
from .words import (
    ADJECTIVE_ENDINGS,
    DEFINITE_ADJECTIVES,
    NAME_CONNECTORS,
    OUTLET_TYPE_NOUNS,
    PLAIN_ADJECTIVES,
)

__all__ = ["MentionReader"]

_OTHER_STARTS = OUTLET_STARTS | NAME_CONNECTORS | QUOTE_MARKS  # «عكاظ»: a quoted outlet
"""Words besides the lexicon's heads and known surnames where a reader can start."""

_UNREAD = Mention(-1, -1, "", -1, -1)
"""Marks a position not read yet in the memo of :meth:`MentionReader.read` (``None`` answers)."""


class MentionReader:
    """Reads mentions at token positions of one document, with its lexicon.

    ``stripped`` is ``(k, form)`` while reading from token ``k`` without its
    clitic (لوكالة read as وكالة); ``in_organization`` is set while reading an
    organisation's name, where "للطيران المدني" is a complement, not an addressee.

    >>> from quoteattr.tokens import tokenize
    >>> MentionReader(tokenize("الجانب الاوكراني ان")).read(0).end
    2
    """

    def __init__(
        self,
        tokens: Tokens,
        lexicon: Lexicon | None = None,
        surnames: Mapping[str, object] | None = None,
    ) -> None:
        self.tokens = tokens
        self.words = tokens.words
        self.lexicon = lexicon or Lexicon.default()
        self.surnames = surnames or {}
        self.heads = self.lexicon.mention_heads
        self._stops = self.lexicon.stop_words
        self.stripped: tuple[int, str] | None = None
        self.in_organization = False
        self._read: dict[tuple[int, bool, int, bool], Mention | None] = {}
        self._counts: Counter[str] | None = None

    def word(self, k: int) -> str:
        """Return token ``k``, or its clitic-stripped form while reading from a stripped start.

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("لوكالة رويترز")).word(0)
        'لوكالة'
        """
        stripped = self.stripped
        if stripped is not None and stripped[0] == k:
            return stripped[1]
        return self.words[k]

    def first(self, k: int) -> str | None:
        """Return the stripped form of token ``k`` if reading started there without its clitic.

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("لرويترز")).first(0) is None
        True
        """
        stripped = self.stripped
        return stripped[1] if stripped is not None and stripped[0] == k else None

    def may_start(self, word: str) -> bool:
        """Tell whether a mention other than a bare unknown name can start with ``word``.

        Every reader needs a lexicon head, a type noun, a name connector, a
        quotation mark or a surname of the document at its first word, so a
        word that is none of these starts no mention (it may be more lenient
        than the readers, never stricter).

        >>> from quoteattr.tokens import tokenize
        >>> reader = MentionReader(tokenize("قال وزير"))
        >>> reader.may_start("قال"), reader.may_start("وزير")
        (False, True)
        """
        return word in self.heads or word in _OTHER_STARTS or word in self.surnames

    # -- readers ----------------------------------------------------------

    def read(
        self, i: int, *, allow_bare_name: bool = False, strip: int = 0, outlet_context: bool = False
    ) -> Mention | None:
        """Read the mention starting at token ``i``, or return ``None``.

        A lone unknown word counts as a person only with ``allow_bare_name``
        (the caller has seen أن or a colon after it) or when it is the surname
        of a name given in full elsewhere in the document.

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("لوكالة رويترز")).read(0, strip=1).outlet
        'Reuters'
        """
        words = self.words
        if i >= len(words):
            return None
        word = words[i]
        if strip:
            if strip >= len(word):
                return None
            word = word[strip:]
        # self.may_start(word), without the call: this runs at most words after a cue
        startable = word in self.heads or word in _OTHER_STARTS or word in self.surnames
        if not (allow_bare_name or startable):
            return None  # most words start nothing: one lookup here instead of four readers
        # Several rules read at the same token (the verbs after one another, the
        # search for an antecedent): a document's mentions are read once each.
        key = (i, allow_bare_name, strip, outlet_context)
        found = self._read.get(key, _UNREAD)
        if found is _UNREAD:
            found = self._read_all(i, allow_bare_name, strip, outlet_context, startable)
            self._read[key] = found
        return found

    def _read_all(
        self, i: int, allow_bare_name: bool, strip: int, outlet_context: bool, startable: bool
    ) -> Mention | None:
        """Try the readers at token ``i``: an outlet, a titled mention or organisation, a person.

        Where :meth:`may_start` says no other reader can start, only a bare name is looked for.
        """
        word = self.words[i]
        if strip:
            word = word[strip:]
            self.stripped = (i, word)
        lexicon = self.lexicon
        try:
            # Each reader needs its table's head (or a type noun, a quotation
            # mark) at its first word: where there is none it is not called.
            found = (
                read_outlet(self, i, context=outlet_context)
                if startable
                and (
                    word in lexicon.outlets.heads
                    or word in OUTLET_STARTS
                    or self.words[i] in QUOTE_MARKS
                )
                else None
            )
            if startable and found is None:
                titled = read_titled(self, i) if word in lexicon.titles.heads else None
                organization = (
                    read_organization(self, i) if word in lexicon.organizations.heads else None
                )
                if titled is not None and organization is not None:
                    # "النيابة العامة" is an organisation, "رئيس النيابة" a person.
                    found = (
                        organization
                        if organization.end >= titled.end and not titled.named
                        else titled
                    )
                else:
                    found = titled or organization
            if found is None:
                found = read_person(self, i, allow_bare_name=allow_bare_name)
        finally:
            self.stripped = None
        if found is not None and strip and found.start == i:
            # evolve(found, lead=strip), spelt out: evolve looks every field up by name
            found = Mention(
                found.start,
                found.end,
                found.kind,
                found.name_start,
                found.name_end,
                found.gender,
                found.outlet,
                found.head_class,
                strip,
            )
        return found

    def read_outlet(self, i: int, *, context: bool = False) -> Mention | None:
        """Read an outlet at token ``i``: see :func:`quoteattr.mentions.outlets.read_outlet`.

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("صحيفة «الوطن»")).read_outlet(0).outlet
        'Al-Watan'
        """
        return read_outlet(self, i, context=context)

    def read_addressed_outlet(self, i: int) -> Mention | None:
        """Read an outlet glued to the لـ of its addressee at token ``i``: لرويترز، للعربية.

        "للعربية" is ل + العربية with the article's alef dropped. After لـ a
        name the lexicon only trusts in context ("العربية" is also "Arabic") is
        the outlet: a statement is given to a channel, not to an adjective.

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("الوزير للعربية:")).read_addressed_outlet(1).outlet
        'Al Arabiya'
        >>> MentionReader(tokenize("للتعاون")).read_addressed_outlet(0) is None
        True
        """
        word = self.words[i] if i < len(self.words) else ""
        if not word.startswith("ل") or len(word) < 3:
            return None
        self.stripped = (i, "ا" + word[1:] if word.startswith("لل") else word[1:])
        try:
            found = read_outlet(self, i, context=True)
        finally:
            self.stripped = None
        return None if found is None or found.start != i else evolve(found, lead=1)

    # -- word tests shared by the readers ---------------------------------

    def repeated(self, word: str) -> bool:
        """Tell whether ``word`` occurs more than once in the document.

        >>> from quoteattr.tokens import tokenize
        >>> reader = MentionReader(tokenize("قال اردوغان ان اردوغان سيزور"))
        >>> reader.repeated("اردوغان"), reader.repeated("سيزور")
        (True, False)
        """
        # Every word counted once a document, when first asked: counting the one
        # word asked about would rescan the document at every question.
        if self._counts is None:
            self._counts = Counter(self.words)
        return self._counts[word] > 1

    def is_stop(self, i: int) -> bool:
        """Tell whether token ``i`` cannot belong to a name: punctuation, function word, cue or AN.

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("في")).is_stop(0)
        True
        """
        words = self.words
        if i >= len(words):
            return True
        stripped = self.stripped  # self.word(i), without the call: this runs for most words
        word = stripped[1] if stripped is not None and stripped[0] == i else words[i]
        return not word or not word[0].isalpha() or word in AN_WORDS or word in self._stops

    def is_name_like(self, i: int) -> bool:
        """Tell whether token ``i`` could be part of a personal name.

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("بيسكوف إن")).is_name_like(0)
        True
        """
        if self.is_stop(i):
            return False
        word = self.word(i)
        if len(word) < 2 or word in self.lexicon.titles.heads or word in OUTLET_TYPE_NOUNS:
            return False
        if word.startswith("لل"):
            return False  # ل + ال: "للإغاثة"، "للمسؤول" is never part of a name
        # "لرويترز"، "لوكالة": an outlet the statement was given to, glued to its ل.
        return not (
            word[0] in "لب"
            and (
                word[1:] in OUTLET_TYPE_NOUNS
                or self.lexicon.outlets.match(self.words, i, word[1:]) is not None
            )
        )

    def adjectives(self, i: int, limit: int = 3, *, free_first: bool = True) -> int:
        """Skip definite words that qualify a head (الخارجية الروسية، الصحة العامة).

        The first may be any definite noun (وزارة الخارجية، نادي الهلال); the
        ones after it must look like adjectives, so "أعلن نادي الهلال التعاقد"
        leaves the object alone. Returns where they end.

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("وزارة الخارجية الروسية امس")).adjectives(1)
        3
        """
        k = i
        while k < len(self.words) and k - i < limit and self.is_qualifier(k):
            word = self.words[k]
            if (
                (k > i or not free_first)
                and word.startswith(ARTICLE)
                and not self.adjective_like(k)
            ):
                break
            k += 1
        return k

    def indefinite_adjectives(self, i: int, limit: int) -> int:
        """Skip indefinite adjectives after an indefinite head: مصادر مطلعة، تقارير إعلامية.

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("مصادر دبلوماسية غربية ان")).indefinite_adjectives(1, 2)
        3
        """
        k = i
        lexicon = self.lexicon
        while k < len(self.words) and k - i < limit:
            word = self.word(k)
            if (
                self.is_stop(k)
                or word in lexicon.first_names
                or word in lexicon.titles
                or word.startswith(ARTICLE)
            ):
                break
            if not word.endswith(ADJECTIVE_ENDINGS) and word not in PLAIN_ADJECTIVES:
                break
            if word[0] in "لب" and (
                word[1:] in OUTLET_TYPE_NOUNS or word[1:] in lexicon.organizations
            ):
                break  # "مصادر دبلوماسية لوكالة…": the outlet is not an adjective
            k += 1
        return k

    def is_qualifier(self, k: int) -> bool:
        """Tell whether token ``k`` can qualify the head before it: a definite word, وال…, لل….

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("الامين العام للامم المتحدة")).is_qualifier(2)
        True
        """
        word = self.word(k)
        if self.is_stop(k) or word in self.lexicon.first_names:
            return False
        if word.startswith("لل") and ARTICLE + word[2:] in DEFINITE_TYPE_NOUNS:
            return False  # "مدير الشركة للصحيفة": the outlet spoken to, not a complement
        if word.startswith(ARTICLE) and len(word) > 3:
            return True
        if (
            word.startswith("وال")
            and len(word) > 5
            and k > 0
            and self.words[k - 1].startswith(ARTICLE)
        ):
            return True  # "وزارة النقل والاتصالات"
        # "الأمين العام للأمم المتحدة": لل + an organisation is a complement of the
        # title; "للصحفيين" (to the journalists) is not.
        if word.startswith("لل") and len(word) > 4:
            definite = ARTICLE + word[2:]
            following = self.words[k + 1] if k + 1 < len(self.words) else ""
            return (
                self.lexicon.organizations.match(self.words, k, definite) is not None
                or definite in self.lexicon.titles
                or definite.endswith(("ية", "ي"))
                or self.in_organization
                # "مساعد الرئيس للشؤون الخارجية": لل + a noun its adjective qualifies
                or (following.startswith(ARTICLE) and following.endswith(("ية", "ي")))
            )
        return False

    def adjective_like(self, k: int) -> bool:
        """Tell whether token ``k`` looks like an adjective or complement: الرسمي، العام، للأمم.

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("الرسمي")).adjective_like(0)
        True
        """
        word = self.words[k]
        return (
            word.endswith(("ي", "ية", "يه", "يون", "يين"))
            or word in DEFINITE_ADJECTIVES
            or word.startswith(("لل", "وال"))
        )

    def quoted_name(self, k: int) -> int | None:
        """Skip a short quoted name «أرامكو» at token ``k``; return the index after it.

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("شركة «ارامكو» السعودية")).quoted_name(1)
        4
        """
        words = self.words
        end = k + 1
        while end < len(words) and end - k <= 4 and words[end] not in QUOTE_MARKS:
            end += 1
        if end < len(words) and words[end] in QUOTE_MARKS and end > k + 1:
            return end + 1
        return None
