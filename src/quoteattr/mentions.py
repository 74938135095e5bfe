"""Read speaker mentions: titled names, organisations, outlets and anonymous sources.

Mentions are read only where a cue asks for one (after a verb, before it,
after وفقا لـ…), so this module offers readers rather than a document-wide
scan; the one document-wide pass, :func:`find_names`, collects the given
names that let a later bare surname (بيسكوف، ماكرون) be recognised as a person.

>>> from quoteattr.normalize import normalize
>>> from quoteattr.tokens import tokenize
>>> tokens = tokenize(normalize("قال المتحدث باسم الكرملين دميتري بيسكوف إن").text)
>>> m = MentionReader(tokens).read(1)
>>> m.kind, tokens.text[m.char_start(tokens):m.char_end(tokens)]
('person', 'المتحدث باسم الكرملين دميتري بيسكوف')
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import evolve, frozen

from .cues import AN_WORDS
from .lexicons import ARTICLE, Lexicon, MentionEntry, OutletEntry
from .quotes import QUOTE_MARKS
from .tokens import Tokens

__all__ = ["Mention", "MentionReader", "anonymity_clause_end", "find_names", "head_noun"]

# Nouns that introduce an outlet's name: صحيفة «عكاظ»، وكالة رويترز.
OUTLET_TYPE_NOUNS = frozenset(
    {
        "وكاله",
        "وكالة",
        "وكالتا",
        "وكالتي",
        "صحيفة",
        "صحيفتا",
        "صحيفه",
        "جريدة",
        "جريده",
        "قناة",
        "قناه",
        "موقع",
        "مجلة",
        "مجله",
        "اذاعة",
        "اذاعه",
        "تلفزيون",
        "التلفزيون",
        "شبكة",
        "راديو",
        "يومية",
        "اسبوعية",
        "نشرة",
        "منصة",
        "حساب",
        "صحف",
        "وكالات",
        "محطة",
    }
)
_DEFINITE_ADJECTIVES = frozenset(
    {
        "الاول",
        "الثاني",
        "الاسبق",
        "السابق",
        "الحالي",
        "الجديد",
        "المساعد",
        "المناوب",
        "الدائم",
        "التنفيذي",
        "العام",
        "العامة",
        "الكبرى",
        "العليا",
        "المتحدة",
        "المركزي",
        "الاعلى",
        "الاولى",
        "الخاص",
        "الخاصة",
        "المحلي",
        "المدني",
        "الوطني",
        "الرسمي",
        "الرسمية",
        "المكرمة",
        "المنورة",
        "المقدسة",
        "الاحمر",
    }
)
# Type nouns that name an outlet even without quote marks ("موقع" is also "site", "حساب" "account").
_NAMING_TYPE_NOUNS = frozenset(
    {"صحيفة", "صحيفه", "جريدة", "جريده", "مجلة", "مجله", "قناة", "قناه", "وكالة", "وكاله"}
)
_ROYAL_TITLES = frozenset({"الملك", "الامير", "الشيخ", "السلطان"})
_DEFINITE_TYPE_NOUNS = frozenset({"الوكالة", "الصحيفة", "الجريدة", "القناة", "المجلة", "الاذاعة"})
# Words that glue the parts of one personal name together: محمد بن سلمان.
NAME_CONNECTORS = frozenset(
    {"بن", "ابن", "ابو", "ابي", "ام", "ال", "عبد", "بنت", "دي", "فون", "فان"}
)
# "مسؤول لم يكشف عن اسمه": an anonymous source's self-description ends at one of these.
_ANONYMITY_ENDS = frozenset(
    {"اسمه", "اسمها", "هويته", "هويتها", "اسمهم", "هويتهم", "اسمائهم", "هويتهما"}
)
_ANONYMITY_STARTS = frozenset({"لم", "طلب", "طلبت", "رفض", "رفضت", "فضل", "فضلت", "شريطة", "اشترط"})
# Endings of relational (nisba) and feminine adjectives: أمني، إعلامية، غربيون.
_ADJECTIVE_ENDINGS = ("ي", "ية", "يه", "يون", "يين", "ة")
_PLAIN_ADJECTIVES = frozenset(
    {
        "سابق",
        "اسبق",
        "حالي",
        "جديد",
        "مطلع",
        "رفيع",
        "موثوق",
        "كبير",
        "كبار",
        "مسءول",
        "مسءولة",
        "مقرب",
        "مقربة",
        "متطابقة",
        "عديدة",
        "متعددة",
    }
)


_COLLECTIVE_HEADS = frozenset({"جانب", "طرف", "اطراف", "جهات", "جهة", "سلطات"})


def head_noun(word: str) -> str:
    """Return a mention's head noun without its conjunction and article.

    >>> head_noun("والوزيرة"), head_noun("هيئة")
    ('وزيرة', 'هيئة')
    """
    if word.startswith(("و", "ف")) and len(word) > 4 and word[1:3] == ARTICLE:
        word = word[1:]
    return word[2:] if word.startswith(ARTICLE) and len(word) > 3 else word


def anonymity_clause_end(words: list[str], start: int) -> int | None:
    """Return where "طلب عدم نشر اسمه" and the like ends, if one starts at ``start``.

    >>> anonymity_clause_end(["مسءول", "لم", "يكشف", "عن", "اسمه", "ان"], 1)
    5
    """
    if start >= len(words) or words[start] not in _ANONYMITY_STARTS:
        return None
    for end in range(start + 1, min(start + 7, len(words))):
        if words[end] in _ANONYMITY_ENDS:
            return end + 1
    return None


@frozen
class Mention:
    """A mention read from the tokens: ``[start, end)`` token range and what it names.

    ``name`` is the canonical short name as token range ``[name_start, name_end)``
    (a person's name without title); ``outlet`` is the canonical outlet name
    when the mention is a news outlet.

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

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("الوزير")).read(0).named
        False
        """
        return self.kind == "person" and (
            self.name_start > self.start or self.head_class in ("", "bare")
        )

    def char_start(self, tokens: Tokens) -> int:
        """Return the normalised offset where the mention starts.

        >>> from quoteattr.tokens import tokenize
        >>> t = tokenize("قالت مصادر")
        >>> MentionReader(t).read(1).char_start(t)
        5
        """
        return tokens.starts[self.start] + self.lead

    def char_end(self, tokens: Tokens) -> int:
        """Return the normalised offset where the mention ends.

        >>> from quoteattr.tokens import tokenize
        >>> t = tokenize("قالت مصادر")
        >>> MentionReader(t).read(1).char_end(t)
        10
        """
        return tokens.ends[self.end - 1]

    def name_span(self, tokens: Tokens) -> tuple[int, int]:
        """Return the normalised offsets of the canonical name, quote marks dropped.

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


class MentionReader:
    """Reads mentions at token positions of one document, with its lexicon.

    >>> from quoteattr.tokens import tokenize
    >>> MentionReader(tokenize("وزارة الخارجية الأوكرانية استدعاء")).read(0).end
    3
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
        self._override: tuple[int, str] | None = None
        # Inside an organisation's name "للطيران المدني" is a complement, not an addressee.
        self._org_context = False

    def word(self, k: int) -> str:
        """Return token ``k``, or its clitic-stripped form while reading from a stripped start.

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("لوكالة رويترز")).word(0)
        'لوكالة'
        """
        override = self._override
        if override is not None and override[0] == k:
            return override[1]
        return self.words[k]

    def first(self, k: int) -> str | None:
        """Return the stripped form of token ``k`` if reading started there without its clitic.

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("لرويترز")).first(0) is None
        True
        """
        override = self._override
        return override[1] if override is not None and override[0] == k else None

    # -- small word tests -------------------------------------------------

    def is_stop(self, i: int) -> bool:
        """Tell whether token ``i`` cannot belong to a name: punctuation, function word, cue or AN.

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("في")).is_stop(0)
        True
        """
        if i >= len(self.words):
            return True
        word = self.word(i)
        if not word or not word[0].isalpha() or word in AN_WORDS:
            return True
        lexicon = self.lexicon
        return word in lexicon.function_words or word in lexicon.verb_forms

    def is_name_like(self, i: int) -> bool:
        """Tell whether token ``i`` could be part of a personal name.

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("بيسكوف إن")).is_name_like(0)
        True
        """
        if self.is_stop(i):
            return False
        word = self.word(i)
        if len(word) < 2 or word in self.lexicon.titles or word in OUTLET_TYPE_NOUNS:
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

    def _adjectives(self, i: int, limit: int = 3, *, free_first: bool = True) -> int:
        """Skip definite words that qualify a head (الخارجية الروسية، الصحة العامة).

        The first may be any definite noun (وزارة الخارجية، نادي الهلال); the
        ones after it must look like adjectives, so "أعلن نادي الهلال التعاقد"
        leaves the object alone.
        """
        k = i
        while k < len(self.words) and k - i < limit and self._is_qualifier(k):
            word = self.words[k]
            if (
                (k > i or not free_first)
                and word.startswith(ARTICLE)
                and not self._adjective_like(k)
            ):
                break
            k += 1
        return k

    def _indefinite_adjectives(self, i: int, limit: int) -> int:
        """Skip indefinite adjectives after an indefinite head: مصادر مطلعة، تقارير إعلامية."""
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
            if not word.endswith(_ADJECTIVE_ENDINGS) and word not in _PLAIN_ADJECTIVES:
                break
            if word[0] in "لب" and (
                word[1:] in OUTLET_TYPE_NOUNS or word[1:] in lexicon.organizations
            ):
                break  # "مصادر دبلوماسية لوكالة…": the outlet is not an adjective
            k += 1
        return k

    def _is_qualifier(self, k: int) -> bool:
        word = self.word(k)
        if self.is_stop(k) or word in self.lexicon.first_names:
            return False
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
                or self._org_context
                # "مساعد الرئيس للشؤون الخارجية": لل + a noun its adjective qualifies
                or (following.startswith(ARTICLE) and following.endswith(("ية", "ي")))
            )
        return False

    # -- readers ----------------------------------------------------------

    def read(
        self, i: int, *, allow_bare_name: bool = False, strip: int = 0, outlet_context: bool = False
    ) -> Mention | None:
        """Read the mention starting at token ``i``, or return ``None``.

        A lone unknown word counts as a person only with ``allow_bare_name``
        (the caller has seen أن or a colon after it) or when it is the surname
        of a name given in full elsewhere in the document.

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("الجانب الاوكراني ان")).read(0).end
        2
        """
        if i >= len(self.words) or strip >= len(self.words[i]):
            return None
        if strip:
            self._override = (i, self.words[i][strip:])
        try:
            found = self.read_outlet(i, context=outlet_context)
            if found is None:
                titled = self._read_titled(i)
                organization = self._read_organization(i)
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
                found = self._read_person(i, allow_bare_name=allow_bare_name)
        finally:
            self._override = None
        if found is not None and strip and found.start == i:
            found = evolve(found, lead=strip)
        return found

    def read_outlet(self, i: int, *, context: bool = False) -> Mention | None:
        """Read an outlet: a known spelling, or a type noun with a (quoted) name.

        >>> from quoteattr.tokens import tokenize
        >>> MentionReader(tokenize("صحيفة «الوطن»")).read_outlet(0).outlet
        'Al-Watan'
        """
        words = self.words
        outlets = self.lexicon.outlets
        typed = self.word(i) in OUTLET_TYPE_NOUNS
        start = i
        if typed:
            # A descriptive name with its type noun first: "وكالة أنباء الشرق الأوسط"
            # is MENA, not the newspaper "الشرق الأوسط".
            match = outlets.match(words, i, self.first(i))
            if match is not None:
                length, entry = match
                return Mention(i, i + length, "outlet", i, i + length, "f", entry.name, "media")
        elif self.word(i) in _DEFINITE_TYPE_NOUNS:
            # "الوكالة"، "الصحيفة": the outlet named before; the linker says which.
            return Mention(i, i + 1, "outlet", i, i + 1, "f", None, "media")
        k = i + 1 if typed else i
        if typed and k < len(words) and words[k] in ("الانباء", "انباء", "الاخبارية", "الاخباري"):
            k += 1
        quoted = k < len(words) and words[k] in QUOTE_MARKS
        name_at = k + 1 if quoted else k
        if name_at >= len(words):
            return None
        match = outlets.match(words, name_at, self.first(name_at))
        if match is not None:
            length, entry = match
            end = name_at + length
            closed = quoted and end < len(words) and words[end] in QUOTE_MARKS
            # "صحيفة «الفجر الجديد»" is not "الفجر": a longer quoted name is read whole below.
            if not quoted or closed:
                if not _outlet_allowed(entry, typed or (context and entry.mode == "ctx"), closed):
                    return None  # "الفرنسية" is AFP after بحسب, a nationality elsewhere
                end_all = end + 1 if closed else end
                return Mention(start, end_all, "outlet", name_at, end, "f", entry.name, "media")
        unquoted_name = (
            typed
            and not quoted
            and self.word(i) in _NAMING_TYPE_NOUNS
            and self.is_name_like(name_at)
            and not words[name_at].startswith(ARTICLE)
            and words[name_at] not in self.lexicon.first_names
        )
        if unquoted_name:
            # An outlet we do not know, unquoted: "صحيفة سبورت الكتالونية".
            end = name_at + 1
            if end < len(words) and self.is_name_like(end) and not words[end].startswith(ARTICLE):
                end += 1
            after = self._adjectives(end, 2, free_first=False)
            name = self.tokens.text[self.tokens.starts[name_at] : self.tokens.ends[end - 1]]
            return Mention(start, after, "outlet", name_at, end, "f", name, "media")
        if typed and quoted:
            # An outlet we do not know, named in quotes: صحيفة «الوسط».
            end = name_at
            while (
                end < len(words)
                and end - name_at < 4
                and words[end] not in QUOTE_MARKS
                and words[end] != "\n"
            ):
                end += 1
            if end < len(words) and words[end] in QUOTE_MARKS and end > name_at:
                name = self.tokens.text[self.tokens.starts[name_at] : self.tokens.ends[end - 1]]
                return Mention(start, end + 1, "outlet", name_at, end, "f", name, "media")
        return None

    def _read_titled(self, i: int) -> Mention | None:
        words = self.words
        lexicon = self.lexicon
        match = lexicon.titles.match(words, i, self.first(i))
        if match is None:
            return None
        length, entry = match
        k = i + length
        if entry.cls == "anonymous":
            k = self._adjectives(k, 2)
            k = self._indefinite_adjectives(k, 2)
            k = self._affiliation(k)
            k = self._anonymity_clause(k)
            return Mention(i, k, "anonymous", i, k, entry.gender, None, entry.cls)
        if entry.cls == "document":
            k = self._adjectives(k, 2)
            return Mention(i, k, "unknown", i, k, entry.gender, None, entry.cls)
        # More titles and their complements: وزير الخارجية الروسي، المتحدث باسم الكرملين.
        steps = 0
        construct = 0
        while k < len(words) and steps < 6:
            steps += 1
            if words[k] in QUOTE_MARKS:
                # "رئيس شركة «أرامكو»": a quoted name after an organisation head;
                # "قال الوزير «سنعود»" is a quote, not part of the title.
                if not self._names_an_organization(k - 1):
                    break
                k = self._quoted_name(k) or k
                if k < len(words) and words[k] in QUOTE_MARKS:
                    break
                continue
            if words[k] in ("باسم", "لدى") and k + 1 < len(words):
                k += 1  # "الناطق الرسمي باسم الوفد"، "السفير لدى واشنطن"
                continue
            more = lexicon.titles.match(words, k)
            if more is not None and more[1].cls in ("role", "title"):
                k += more[0]
                continue
            outlet = self.read_outlet(k)
            if outlet is not None:
                k = outlet.end
                continue
            organization = self._complement_organization(k)
            if organization is not None:
                k = organization
                continue
            if self._is_qualifier(k):
                if words[i].startswith(ARTICLE) and not self._adjective_like(k):
                    break  # "وصف الرئيس الاتفاق بأنه…": a definite title takes adjectives
                k += 1
                continue
            if (
                construct < 2
                and not words[k - 1].startswith(ARTICLE)
                and self.is_name_like(k)
                and words[k] not in lexicon.first_names
                and words[k] not in self.surnames
                and not words[k].startswith("م")
                and words[k] not in _PLAIN_ADJECTIVES
                and not words[k].endswith(_ADJECTIVE_ENDINGS[:2])
            ):
                # "مدير تعليم جدة"، "أمين منطقة القصيم": an indefinite title in
                # construct with the nouns after it.
                construct += 1
                k += 1
                continue
            break
        person = self._read_name(k)
        if person is None:
            # "المتحدث الرسمي لشرطة منطقة مكة المكرمة العقيد سامي الحربي": a long
            # complement runs on to the name; look ahead for a given name.
            k, person = self._name_ahead(k)
        if person is not None:
            return Mention(
                i, person[0], "person", k, person[0], person[1] or entry.gender, None, entry.cls
            )
        if entry.cls == "generic" and words[i] in ("احد", "احدى", "بعض") and k > i + length:
            return Mention(
                i, k, "anonymous", i, k, entry.gender, None, "anonymous"
            )  # "أحد المستثمرين"
        if entry.cls == "generic":
            # "الجانب الأوكراني" is a party to talks; "المسؤول الأمريكي" a person.
            collective = head_noun(words[i]) in _COLLECTIVE_HEADS
            kind = ("organization" if collective else "person") if k > i + length else "unknown"
            return Mention(i, k, kind, i, k, entry.gender, None, entry.cls)
        return Mention(i, k, "person", i, k, entry.gender, None, entry.cls)

    def _name_ahead(self, k: int, limit: int = 8) -> tuple[int, tuple[int, str] | None]:
        """Find a personal name within ``limit`` words of complement after a title.

        Returns where the name starts and what :meth:`_read_name` read there, or
        ``(k, None)`` when the complement meets a word that cannot belong to a
        title (a verb, أن, punctuation, a function word other than في).
        """
        words = self.words
        names = self.lexicon.first_names
        j = k
        while j < len(words) and j - k < limit:
            word = words[j]
            if word in names or (
                word in NAME_CONNECTORS and j + 1 < len(words) and words[j + 1] in names
            ):
                read = self._read_name(j)
                return (j, read) if read is not None else (k, None)
            if word in QUOTE_MARKS:
                end = self._quoted_name(j)
                if end is None:
                    break
                j = end
                continue
            if not word[0].isalpha() or word in AN_WORDS or word in self.lexicon.verb_forms:
                break
            if word in self.lexicon.function_words and word != "في":
                break
            j += 1
        return k, None

    def _adjective_like(self, k: int) -> bool:
        """Tell whether token ``k`` looks like an adjective or complement: الرسمي، العام، للأمم."""
        word = self.words[k]
        return (
            word.endswith(("ي", "ية", "يه", "يون", "يين"))
            or word in _DEFINITE_ADJECTIVES
            or word.startswith(("لل", "وال"))
        )

    def _complement_organization(self, k: int) -> int | None:
        """Read an organisation completing a title, bare or after ل/ب; return where it ends.

        "مدير مستشفى جنين الحكومي"، "الناطق الإعلامي لشركة «جسور» للمقاولات".
        """
        word = self.words[k]
        for strip in (0, 1):
            if strip and not (word.startswith(("ل", "ب")) and len(word) > 3):
                break
            saved = self._override
            self._override = (k, word[strip:]) if strip else None
            try:
                match = self.lexicon.organizations.match(self.words, k, self.first(k))
                if match is not None:
                    self._org_context = True
                    found = self._read_organization_at(k, match)
                    if found is None:
                        return self._adjectives(k + match[0], 2)
                    return self._adjectives(found.end, 1)
            finally:
                self._override = saved
                self._org_context = False
        return None

    def _names_an_organization(self, k: int) -> bool:
        """Tell whether token ``k`` is an organisation head or type noun, bare or after ل/ب."""
        word = self.words[k]
        for form in (word, word[1:] if word[:1] in ("ل", "ب") else ""):
            known = (
                form in OUTLET_TYPE_NOUNS or self.lexicon.organizations.match([form], 0) is not None
            )
            if form and known:
                return True
        return False

    def _quoted_name(self, k: int) -> int | None:
        """Skip a short quoted name «أرامكو» inside a title; return the index after it."""
        words = self.words
        end = k + 1
        while end < len(words) and end - k <= 4 and words[end] not in QUOTE_MARKS:
            end += 1
        if end < len(words) and words[end] in QUOTE_MARKS and end > k + 1:
            return end + 1
        return None

    def _affiliation(self, k: int) -> int:
        """Take "في وزارة الداخلية" after an anonymous head: مصدر في وزارة الاستثمار."""
        words = self.words
        if k + 1 < len(words) and words[k] == "في":
            org = self._read_organization(k + 1) or self.read_outlet(k + 1)
            if org is not None:
                return org.end
            if words[k + 1] in ("منطقة", "مدينة", "محافظة", "حي", "قرية", "ولاية") and k + 2 < len(
                words
            ):
                return k + 3 if self.is_name_like(k + 2) else k  # "سكان في منطقة الجهراء"
        return k

    def _anonymity_clause(self, k: int) -> int:
        """Take "لم يكشف عن اسمه" and the like after an anonymous head."""
        return anonymity_clause_end(self.words, k) or k

    def _read_organization(self, i: int) -> Mention | None:
        match = self.lexicon.organizations.match(self.words, i, self.first(i))
        if match is None:
            return None
        self._org_context = True
        try:
            return self._read_organization_at(i, match)
        finally:
            self._org_context = False

    def _read_organization_at(self, i: int, match: tuple[int, MentionEntry]) -> Mention | None:
        length, entry = match
        # A bare head takes any definite complement first (وزارة الخارجية); a full
        # name takes adjectives only ("النيابة العامة التوقيف" ends before التوقيف).
        k = self._adjectives(
            i + length,
            3 if entry.cls == "head" else 2,
            free_first=entry.cls == "head" and length == 1,
        )
        if entry.cls == "head" and k == i + length + 1 and self.words[k - 1] in _ROYAL_TITLES:
            # "مركز الملك سلمان للإغاثة": a body named after a king or prince.
            royal = self._read_name(k)
            if royal is not None:
                k = royal[0]
                while (
                    k < len(self.words)
                    and self.words[k].startswith("لل")
                    and len(self.words[k]) > 4
                ):
                    k = self._adjectives(k + 1, 2)
        if entry.cls == "head" and k == i + length and not self.word(i).startswith(ARTICLE):
            # "منظمة أوبك"، "شركة «جسور»": a head with a proper name after it.
            quoted = (
                self._quoted_name(k)
                if k < len(self.words) and self.words[k] in QUOTE_MARKS
                else None
            )
            named = self.lexicon.organizations.match(self.words, k) if k < len(self.words) else None
            if quoted is not None:
                k = quoted
            elif named is not None and named[1].cls == "name":
                k += named[0]  # "منظمة أطباء بلا حدود": a head before a known name
            elif (
                self.is_name_like(k)
                and self.words[k] not in self.lexicon.first_names
                and not (self.words[k][0] in "لب" and self.words[k][1:] in OUTLET_TYPE_NOUNS)
                and self.lexicon.outlets.match(self.words, k, self.words[k][1:]) is None
            ):
                k += 1
            else:
                return None  # "وزارة" alone is no mention; "وزارة الخارجية" is
            k = self._adjectives(k, 2)
        return Mention(i, k, "organization", i, k, entry.gender, None, entry.cls)

    def _read_name(self, k: int) -> tuple[int, str] | None:
        """Read a personal name from a given name or known surname; return ``(end, gender)``."""
        words = self.words
        names = self.lexicon.first_names
        start = k
        gender = ""
        while k < len(words) and k - start < 5:
            word = self.word(k)
            if word in self.lexicon.function_words:
                break  # "قال لي" is "said to me", not Lee
            if word in names and not (k > start and word.startswith(ARTICLE)):
                gender = gender or names[word]
                k += 1
            elif word in NAME_CONNECTORS and k + 1 < len(words) and words[k + 1][0].isalpha():
                if k == start and word in ("ام", "بنت"):
                    gender = "f"  # "أم فهد" is a woman, whatever her son's name
                k += 2
            else:
                break
        if k == start:
            if k < len(words) and self.word(k) in self.surnames:
                return k + 1, ""
            return None
        # One surname after the given names: دميتري بيسكوف، عادل الجبير; a family
        # name may also be a title word (سامي الخطيب، فهد القاضي).
        if (
            k < len(words)
            and words[k] not in self.lexicon.organizations
            and (
                self.is_name_like(k)
                or (words[k] in self.lexicon.titles and words[k].startswith(ARTICLE))
            )
        ):
            k += 1
        return k, gender

    def _read_person(self, i: int, *, allow_bare_name: bool) -> Mention | None:
        named = self._read_name(i)
        if named is not None:
            return Mention(i, named[0], "person", i, named[0], named[1])
        if not allow_bare_name or not self.is_name_like(i):
            return None
        word = self.word(i)
        if word.startswith(ARTICLE):
            # "أكدت التحقيقات أن…": a definite noun right before أن is a source of
            # unknown kind (a report, an inquiry); a definite nisba is a family
            # name ("وأضاف الحارثي أن"); a feminine nisba or a common adjective
            # ("البريطانية") qualifies something before it and speaks for nobody.
            if word.endswith(("ية", "يه")) or word in _DEFINITE_ADJECTIVES:
                return None
            kind = "person" if word.endswith("ي") else "unknown"
            return Mention(i, i + 1, kind, i, i + 1, "", head_class="bare")
        if word.endswith("ا") and word not in self.lexicon.first_names:
            return None  # "وأكد مجددا أن"، "نجاحا": an adverb or an object, not a name
        # A name we do not know, right before أن or a colon: take up to three words
        # ("وقالت تيماء الحربي إن"); only the first may not carry the article.
        k = i + 1
        while k < len(self.words) and k - i < 3 and self.is_name_like(k):
            k += 1
        return Mention(i, k, "person", i, k, "", head_class="bare")


def _outlet_allowed(entry: OutletEntry, typed: bool, quoted: bool) -> bool:
    if entry.mode == "bare":
        return True
    if entry.mode == "ctx":
        return typed or quoted
    return typed


def find_names(tokens: Tokens, lexicon: Lexicon | None = None) -> dict[str, tuple[int, int]]:
    """Map each surname given in full in the document to the first full name's offsets.

    >>> from quoteattr.tokens import tokenize
    >>> t = tokenize("التقى دميتري بيسكوف الصحفيين. وقال بيسكوف")
    >>> start, end = find_names(t)["بيسكوف"]
    >>> t.text[start:end]
    'دميتري بيسكوف'
    """
    lexicon = lexicon or Lexicon.default()
    names = lexicon.first_names
    reader = MentionReader(tokens, lexicon)
    found: dict[str, tuple[int, int]] = {}
    words = tokens.words
    i = 0
    while i < len(words):
        if words[i] in names:
            read = reader._read_name(i)
            if read is not None and read[0] - i >= 2:
                end = read[0]
                surname = words[end - 1]
                if surname not in names or end - i >= 3:
                    found.setdefault(surname, (tokens.starts[i], tokens.ends[end - 1]))
                i = end
                continue
        i += 1
    return found
