"""Load the lexicon data files and compile them into lookup tables.

People edit the ``*.tsv`` files next to this module; this is the one place
that reads them. Every entry goes through :func:`quoteattr.normalize.fold`,
the same folding the text gets, so a spelling in a file and a spelling in an
article can never drift apart.

>>> lexicon = Lexicon.default()
>>> lexicon.verb_forms["وقالت"].lemma
'قال'
>>> lexicon.verb_forms["وقالت"].gender
'f'
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from typing import Generic, TypeVar

from attrs import evolve, field, frozen

from ..normalize import fold
from ..tokens import SENTENCE_END

__all__ = [
    "ARTICLE",
    "CONJUNCTIONS",
    "CUE_HEAD",
    "FIRST_NAME",
    "NAME_HEAD",
    "OBJECT_PRONOUNS",
    "PARTICIPLE_SUFFIXES",
    "PAST_SUFFIXES",
    "PRESENT_AFFIXES",
    "PRESENT_PREFIXES",
    "SENTENCE_MARK",
    "Lexicon",
    "MentionEntry",
    "OutletEntry",
    "PhraseEntry",
    "PhraseTable",
    "VerbForm",
    "read_tsv",
    "strip_conjunction",
    "verb_forms_of",
]

V = TypeVar("V")

ARTICLE = "ال"
"""The definite article as it stands at the start of a folded word."""

CUE_HEAD = 1
"""Flag of :attr:`Lexicon.word_classes`: the word can start a cue (:attr:`Lexicon.cue_heads`)."""
NAME_HEAD = 2
"""Flag: the word can start a title, an organisation or a name (:attr:`Lexicon.name_heads`)."""
FIRST_NAME = 4
"""Flag: the word is a given name (:attr:`Lexicon.first_names`)."""
SENTENCE_MARK = 8
"""Flag: the token may end a sentence (:data:`quoteattr.tokens.SENTENCE_END`)."""


def read_tsv(name: str) -> Iterator[dict[str, str]]:
    """Yield the rows of a packaged lexicon file as dicts, skipping ``#`` comments.

    >>> next(read_tsv("speech_verbs.tsv"))["lemma"]
    'قال'
    """
    source = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in source.splitlines() if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        yield {key: (value or "").strip() for key, value in row.items() if key is not None}


def _cells(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


@frozen
class VerbForm:
    """One written form of a speech verb and what it tells about its subject.

    ``gender`` is ``m`` or ``f``; ``number`` is ``s`` (singular), ``d`` (dual)
    or ``p`` (plural); ``tense`` is ``past``, ``present``, ``participle`` or
    ``noun``.

    >>> Lexicon.default().verb_forms["مشيرا"].tense
    'participle'
    """

    lemma: str
    tier: str
    type: str
    tense: str
    gender: str
    number: str
    complements: frozenset[str]

    @property
    def risky(self) -> bool:
        """Tell whether this form is also an ordinary word and needs a trigger after it.

        >>> Lexicon.default().verb_forms["بين"].risky
        True
        """
        return self.tier != "safe"


@frozen
class PhraseEntry:
    """An attribution phrase (وفقا لـ، من جهته، في تصريح له) and its role.

    >>> Lexicon.default().phrases.match(["بحسب", "رويترز"], 0)[1].role
    'according_to'
    """

    lemma: str
    role: str
    text: str


@frozen
class MentionEntry:
    """A title, organisation or given name: its kind, class and grammatical gender.

    >>> Lexicon.default().titles.match(["المتحدثة", "باسم"], 0)[1].gender
    'f'
    """

    text: str
    kind: str
    cls: str
    gender: str


@frozen
class OutletEntry:
    """A news outlet spelling and the outlet's canonical English name.

    ``mode`` says where the spelling counts: ``bare`` anywhere, ``ctx`` only
    quoted or after a type noun (صحيفة، وكالة…), ``trig`` only after a type noun.

    >>> Lexicon.default().outlets.match(["رويترز"], 0)[1].name
    'Reuters'
    """

    name: str
    kind: str
    mode: str
    text: str


class PhraseTable(Generic[V]):
    """Multi-word entries indexed by their first word, matched longest first.

    >>> table = PhraseTable({("وزير", "الخارجية"): 1, ("وزير",): 2})
    >>> table.match(["وزير", "الخارجية", "الروسي"], 0)
    (2, 1)
    """

    def __init__(self, entries: Mapping[tuple[str, ...], V] | None = None) -> None:
        self._entries: dict[tuple[str, ...], V] = {}
        self._single: dict[str, V] = {}
        # Longer entries are indexed by their first two words, so a common first
        # word (في، على) costs one lookup, not a scan of every phrase it starts.
        # Each as (length, the words after the first two, value), longest first.
        self._multi: dict[tuple[str, str], list[tuple[int, list[str], V]]] = {}
        # The first word of every entry: match() finds nothing at any other word.
        self.heads: set[str] = set()
        for words, value in (entries or {}).items():
            self.add(words, value)

    def add(self, words: tuple[str, ...], value: V) -> None:
        """Add an entry; the first one added for a spelling wins.

        >>> table: PhraseTable[int] = PhraseTable()
        >>> table.add(("بحسب",), 1)
        >>> table.match(["بحسب"], 0)
        (1, 1)
        """
        if not words or words in self._entries:
            return
        self._entries[words] = value
        self.heads.add(words[0])
        if len(words) == 1:
            self._single[words[0]] = value
            return
        bucket = self._multi.setdefault((words[0], words[1]), [])
        bucket.append((len(words), list(words[2:]), value))
        bucket.sort(key=lambda item: -item[0])

    def __contains__(self, word: object) -> bool:
        return word in self.heads

    def __len__(self) -> int:
        return len(self._entries)

    def heads_among(self, words: set[str]) -> set[str]:
        """Return the words that can start an entry: ``{w for w in words if w in self}``, in C.

        >>> sorted(PhraseTable({("وزير", "الخارجية"): 1}).heads_among({"وزير", "قال"}))
        ['وزير']
        """
        return self.heads.intersection(words)

    def starts(self) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
        """Return the one-word entries and the first two words of the longer ones.

        :meth:`match` finds nothing at a word that is neither a one-word entry
        nor, with the word after it, the start of a longer one.

        >>> PhraseTable({("بحسب",): 1, ("نقلا", "عن", "مصادر"): 2}).starts()
        (frozenset({'بحسب'}), frozenset({('نقلا', 'عن')}))
        """
        return frozenset(self._single), frozenset(self._multi)

    def items(self) -> Iterable[tuple[tuple[str, ...], V]]:
        """Return every entry as ``(words, value)``.

        >>> len(list(PhraseTable({("قال",): 1}).items()))
        1
        """
        return self._entries.items()

    def match(self, words: list[str], i: int, first: str | None = None) -> tuple[int, V] | None:
        """Return ``(length, value)`` of the longest entry starting at ``words[i]``.

        ``first`` replaces ``words[i]`` for the lookup (a clitic-stripped form).

        >>> PhraseTable({("نقلا", "عن"): 1}).match(["نقلا", "عن"], 0)
        (2, 1)
        """
        head = words[i] if first is None else first
        if head not in self.heads:
            return None
        if i + 1 < len(words):
            bucket = self._multi.get((head, words[i + 1]))
            if bucket is not None:
                for n, rest, value in bucket:
                    # one list comparison; a slice cut short by the text's end differs
                    if not rest or words[i + 2 : i + n] == rest:
                        return n, value
        single = self._single.get(head)
        return None if single is None else (1, single)


PAST_SUFFIXES = (
    ("", "m", "s"),
    ("ت", "f", "s"),
    ("وا", "m", "p"),
    ("ا", "m", "d"),
    ("تا", "f", "d"),
)
"""``(suffix, gender, number)`` that build past forms from a past stem: قال، قالت، قالوا."""

PRESENT_AFFIXES = (
    ("ي", "", "m", "s"),
    ("ت", "", "f", "s"),
    ("ي", "ون", "m", "p"),
    ("ي", "وا", "m", "p"),
    ("ي", "ان", "m", "d"),
    ("ت", "ان", "f", "d"),
)
"""``(prefix, suffix, gender, number)`` that build present forms from a stem: يقول، تقول، يقولون."""

PARTICIPLE_SUFFIXES = (
    ("ا", "m", "s"),
    ("ة", "f", "s"),
    ("ين", "m", "p"),
    ("ان", "m", "d"),
    ("تين", "f", "d"),
)
"""``(suffix, gender, number)`` that build participles from a stem: مؤكدا، مؤكدة، مؤكدين."""

OBJECT_PRONOUNS = ("ه", "ها", "هم", "هما", "ني", "ك", "كم", "نا")
"""Object pronouns a verb may carry when its row says ``object_suffix`` yes: أبلغه، سألها."""

CONJUNCTIONS = ("", "و", "ف")
"""Proclitics every form may carry: the conjunctions و and ف (and none)."""


def strip_conjunction(word: str) -> str | None:
    """Return a phrase word without its conjunction و/ف, or ``None`` if it has none.

    Only a word longer than three letters loses it: "وفي" stays "وفي".

    >>> strip_conjunction("وبحسب"), strip_conjunction("وفي"), strip_conjunction("بحسب")
    ('بحسب', None, None)
    """
    if len(word) > 3 and word[0] in "وف":
        return word[1:]
    return None


PRESENT_PREFIXES = ("", "و", "ف", "ل", "ول", "فل", "س", "وس", "فس")
"""Proclitics a present form may carry: the conjunctions, ل and the future س."""


def _guess_features(form: str, lemma: str) -> tuple[str, str, str]:
    """Guess tense, gender and number of an irregular form listed by hand.

    >>> _guess_features("تمنت", "تمنى"), _guess_features("داعيا", "دعا")
    (('past', 'f', 's'), ('participle', 'm', 's'))
    >>> _guess_features("يدعون", "دعا")
    ('present', 'm', 'p')
    """
    folded, root = fold(form), fold(lemma)
    if (
        folded != root
        and len(folded) >= 4
        and folded.endswith(("ا", "ة", "ين"))
        and (folded.startswith("م") or folded[1] == "ا")
    ):
        # Participles: مشددا، داعيا، نافية.
        gender = "f" if folded.endswith("ة") else "m"
        return "participle", gender, "p" if folded.endswith("ين") else "s"
    if folded[:2] == root[:2] or (folded[0] == root[0] and not folded.startswith(("ي", "ت"))):
        # Past forms share the lemma's beginning: تمنى، تمنت، دعوا.
        gender = "f" if folded.endswith(("ت", "تا")) else "m"
        return (
            "past",
            gender,
            "p"
            if folded.endswith("وا")
            else "d"
            if folded.endswith("ا") and folded != root
            else "s",
        )
    if folded.startswith(("ي", "ت")):
        gender = "f" if folded.startswith("ت") else "m"
        number = "p" if folded.endswith(("ون", "وا")) else "d" if folded.endswith("ان") else "s"
        return "present", gender, number
    return "past", "m", "s"


def verb_forms_of(row: Mapping[str, str]) -> Iterator[tuple[str, str, str, str]]:
    """Yield ``(form, tense, gender, number)`` for every form a speech-verb row generates.

    Clitics (:data:`CONJUNCTIONS`, :data:`PRESENT_PREFIXES`,
    :data:`OBJECT_PRONOUNS`) are added on top when the lexicon is compiled.

    >>> [form for form, *_ in verb_forms_of({"lemma": "قال", "past": "قال"})]
    ['قال', 'قالت', 'قالوا', 'قالا', 'قالتا']
    """
    for stem in _cells(row.get("past", "")):
        for suffix, gender, number in PAST_SUFFIXES:
            yield stem + suffix, "past", gender, number
    for stem in _cells(row.get("present", "")):
        for prefix, suffix, gender, number in PRESENT_AFFIXES:
            yield prefix + stem + suffix, "present", gender, number
    for stem in _cells(row.get("participle", "")):
        for suffix, gender, number in PARTICIPLE_SUFFIXES:
            yield stem + suffix, "participle", gender, number
    for form in _cells(row.get("forms", "")):
        # Verbal nouns: بقوله، القول، and possessed forms (قوله، قولها) listed by hand;
        # object pronouns on verbs are generated, never listed.
        if (form.startswith(("ب", "ال")) and len(form) > 4) or form.endswith(
            ("ه", "ها", "هم", "هما")
        ):
            yield (form, "noun", *_possessor(form))
        else:
            yield (form, *_guess_features(form, row["lemma"]))


def _possessor(noun: str) -> tuple[str, str]:
    """Return ``(gender, number)`` of the pronoun a verbal noun ends in, as its subject's.

    "عن مسؤولة قولها": ها is one woman; القول has no possessor, so no gender.

    >>> _possessor("قوله"), _possessor("بقولها"), _possessor("قولهم"), _possessor("بالقول")
    (('m', 's'), ('f', 's'), ('m', 'p'), ('', 's'))
    """
    for suffix, gender, number in (("هما", "m", "d"), ("هم", "m", "p"), ("ها", "f", "s")):
        if noun.endswith(suffix):
            return gender, number
    return ("m" if noun.endswith("ه") else ""), "s"


def _compile_verbs(
    rows: Iterable[Mapping[str, str]], blocked: frozenset[str]
) -> dict[str, VerbForm]:
    table: dict[str, VerbForm] = {}
    for row in rows:
        lemma = row["lemma"]
        complements = frozenset(fold(c) for c in _cells(row.get("complements", "")))
        takes_object = row.get("object_suffix", "no") == "yes"
        for form, tense, gender, number in verb_forms_of(row):
            folded = fold(form)
            value = VerbForm(
                lemma,
                row.get("tier") or "safe",
                row.get("type") or "speech",
                tense,
                gender,
                number,
                complements,
            )
            prefixes = PRESENT_PREFIXES if tense == "present" else CONJUNCTIONS
            suffixes = ("", *OBJECT_PRONOUNS) if takes_object and tense != "noun" else ("",)
            for prefix in prefixes:
                for suffix in suffixes:
                    word = prefix + folded + suffix
                    if word not in table and word not in blocked:
                        table[word] = value
    return table


def _phrase_key(text: str) -> tuple[str, ...]:
    """Split a lexicon phrase into folded words; a final ``لـ``/``بـ`` becomes ``ل``/``ب``."""
    return tuple(fold(text).replace("ـ", "").split())


@frozen(slots=False)
class Lexicon:
    """Every lexicon quoteattr uses, compiled for lookup; extend it with :meth:`extended`.

    >>> lexicon = Lexicon.default().extended(outlets={"Al-Wasat": ["الوسط"]})
    >>> lexicon.outlets.match(["الوسط"], 0)[1].name
    'Al-Wasat'
    """

    verb_forms: dict[str, VerbForm]
    phrases: PhraseTable[PhraseEntry]
    titles: PhraseTable[MentionEntry]
    organizations: PhraseTable[MentionEntry]
    outlets: PhraseTable[OutletEntry]
    first_names: dict[str, str]
    function_words: frozenset[str]
    outlet_names: dict[str, str] = field(factory=dict)
    particles: frozenset[str] = frozenset()
    naming_nouns: frozenset[str] = frozenset()
    """Nouns before a quoted name (صواريخ «باتريوت»), folded, without the article."""

    @functools.cached_property
    def cue_heads(self) -> frozenset[str]:
        """Return every word that can start a cue: verb forms and phrase heads, with و/ف.

        >>> "وبحسب" in Lexicon.default().cue_heads
        True
        """
        heads = set(self.verb_forms)
        for words, _ in self.phrases.items():
            heads.update((words[0], "و" + words[0], "ف" + words[0]))
        return frozenset(heads)

    @functools.cached_property
    def cue_starts(self) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
        """Return the words that start a cue alone, and the word pairs that start the others.

        A word of :attr:`cue_heads` (في، من، على…) that is neither a verb form
        nor a one-word phrase starts a cue only together with the word after
        it; a conjunction is stripped as :func:`~quoteattr.lexicons.strip_conjunction` strips it.

        >>> alone, pairs = Lexicon.default().cue_starts
        >>> "قال" in alone, "في" in alone, ("في", "تصريح") in pairs, ("وعلى", "حد") in pairs
        (True, False, True, True)
        """
        single, pairs = self.phrases.starts()
        alone = set(self.verb_forms).union(single)
        alone.update(c + w for w in single for c in "وف" if strip_conjunction(c + w) == w)
        both = set(pairs)
        both.update(
            (c + one, two) for one, two in pairs for c in "وف" if strip_conjunction(c + one) == one
        )
        return frozenset(alone), frozenset(both)

    @functools.cached_property
    def name_heads(self) -> frozenset[str]:
        """Return every word that can start a title, an organisation or a given name.

        >>> "وزير" in Lexicon.default().name_heads, "رويترز" in Lexicon.default().name_heads
        (True, False)
        """
        tables = (self.titles, self.organizations)
        heads = {words[0] for table in tables for words, _ in table.items()}
        return frozenset(heads.union(self.first_names))

    @functools.cached_property
    def word_classes(self) -> dict[str, int]:
        """Map every word of a class a stage looks for to its flags.

        The flags are :data:`~quoteattr.lexicons.CUE_HEAD` and the others beside
        it; the classes are :attr:`cue_heads`, :attr:`name_heads`, :attr:`first_names`
        and the sentence marks of :data:`quoteattr.tokens.SENTENCE_END`; one
        lookup in this table tells every class of a token
        (:class:`quoteattr.word_index.WordIndex`).

        >>> classes = Lexicon.default().word_classes
        >>> classes["قال"] == CUE_HEAD, classes["سالم"] == NAME_HEAD | FIRST_NAME
        (True, True)
        """
        classes: dict[str, int] = {}
        for flag, words in (
            (CUE_HEAD, self.cue_heads),
            (NAME_HEAD, self.name_heads),
            (FIRST_NAME, self.first_names),
            (SENTENCE_MARK, SENTENCE_END),
        ):
            for word in words:
                classes[word] = classes.get(word, 0) | flag
        return classes

    @functools.cached_property
    def stop_words(self) -> frozenset[str]:
        """Return the words no name runs into: function words and speech-verb forms.

        >>> stops = Lexicon.default().stop_words
        >>> "في" in stops, "وقال" in stops, "الوزير" in stops
        (True, True, False)
        """
        return self.function_words.union(self.verb_forms)

    @functools.cached_property
    def mention_heads(self) -> frozenset[str]:
        """Return every word that can start a title, an organisation, an outlet or a given name.

        >>> "رويترز" in Lexicon.default().mention_heads, "امس" in Lexicon.default().mention_heads
        (True, False)
        """
        return self.name_heads.union(words[0] for words, _ in self.outlets.items())

    @classmethod
    @functools.cache
    def default(cls) -> Lexicon:
        """Return the packaged lexicons, compiled once and shared.

        >>> Lexicon.default() is Lexicon.default()
        True
        >>> Lexicon.default().verb_forms["واضافت"].lemma  # keys are folded: أ → ا
        'أضاف'
        """
        word_classes = {fold(r["word"]): r.get("class", "") for r in read_tsv("function_words.tsv")}
        function_words = frozenset(word_classes)
        particles = frozenset(
            w for w, c in word_classes.items() if c not in ("noun", "time", "verb")
        )
        verbs = _compile_verbs(read_tsv("speech_verbs.tsv"), function_words)
        phrases: PhraseTable[PhraseEntry] = PhraseTable()
        for row in read_tsv("phrases.tsv"):
            entry = PhraseEntry(row["lemma"], row["role"], row["phrase"])
            key = _phrase_key(row["phrase"])
            phrases.add(key, entry)
            if len(key) > 1 and key[-1] in ("ل", "ب"):
                # "وفقا لـ" also matches "وفقا لوكالة": the proclitic is glued to the next word.
                phrases.add(key[:-1], entry)
        titles: PhraseTable[MentionEntry] = PhraseTable()
        for row in read_tsv("titles.tsv"):
            titles.add(
                _phrase_key(row["title"]),
                MentionEntry(row["title"], "person", row["class"], row.get("gender") or "m"),
            )
        organizations: PhraseTable[MentionEntry] = PhraseTable()
        for row in read_tsv("organizations.tsv"):
            organizations.add(
                _phrase_key(row["name"]),
                MentionEntry(
                    row["name"], row["kind"], row["class"], _org_gender(row["name"], row["class"])
                ),
            )
        outlets: PhraseTable[OutletEntry] = PhraseTable()
        outlet_kinds: dict[str, str] = {}
        for row in read_tsv("outlets.tsv"):
            outlet_kinds.setdefault(row["name"], row["kind"])
            for spelling in _cells(row["spellings"]):
                outlets.add(
                    _phrase_key(spelling),
                    OutletEntry(row["name"], row["kind"], row["mode"], spelling),
                )
        first_names: dict[str, str] = {}
        for row in read_tsv("first_names.tsv"):
            first_names.setdefault(fold(row["name"]).replace(" ", ""), row.get("gender") or "m")
            first_names.setdefault(fold(row["name"]).split()[0], row.get("gender") or "m")
        return cls(
            verbs,
            phrases,
            titles,
            organizations,
            outlets,
            first_names,
            function_words,
            outlet_kinds,
            particles,
            frozenset(_without_article(fold(r["word"])) for r in read_tsv("naming_nouns.tsv")),
        )

    def extended(
        self,
        *,
        outlets: Mapping[str, Iterable[str]] | None = None,
        verbs: Iterable[Mapping[str, str]] | None = None,
        titles: Mapping[str, str] | None = None,
        organizations: Mapping[str, str] | None = None,
        first_names: Mapping[str, str] | None = None,
    ) -> Lexicon:
        """Return a copy with extra entries; the packaged files stay untouched.

        ``outlets`` maps a canonical name to Arabic spellings (matched anywhere);
        ``verbs`` are rows shaped like ``speech_verbs.tsv``; ``titles`` map a
        title to its gender; ``organizations`` map a name to ``organization``
        or ``country``; ``first_names`` map a given name to its gender.

        >>> lexicon = Lexicon.default().extended(verbs=[{"lemma": "غرد", "past": "غرد"}])
        >>> lexicon.verb_forms["وغرد"].lemma
        'غرد'
        """
        new_outlets: PhraseTable[OutletEntry] = PhraseTable()
        for name, spellings in (outlets or {}).items():
            for spelling in spellings:
                new_outlets.add(
                    _phrase_key(spelling), OutletEntry(name, "unknown", "bare", spelling)
                )
        for words, entry in self.outlets.items():
            new_outlets.add(words, entry)
        new_titles: PhraseTable[MentionEntry] = PhraseTable()
        for title, gender in (titles or {}).items():
            new_titles.add(_phrase_key(title), MentionEntry(title, "person", "role", gender))
        for words, mention in self.titles.items():
            new_titles.add(words, mention)
        new_organizations: PhraseTable[MentionEntry] = PhraseTable()
        for name, kind in (organizations or {}).items():
            new_organizations.add(
                _phrase_key(name), MentionEntry(name, kind, "name", _org_gender(name, kind))
            )
        for words, mention in self.organizations.items():
            new_organizations.add(words, mention)
        verb_forms = dict(self.verb_forms)
        for word, form in _compile_verbs(list(verbs or ()), self.function_words).items():
            verb_forms.setdefault(word, form)
        names = dict(self.first_names)
        names.update({fold(n): g for n, g in (first_names or {}).items()})
        kinds = dict(self.outlet_names)
        for name in outlets or {}:
            kinds.setdefault(name, "unknown")
        return evolve(
            self,
            verb_forms=verb_forms,
            titles=new_titles,
            organizations=new_organizations,
            outlets=new_outlets,
            first_names=names,
            outlet_names=kinds,
        )


def _without_article(word: str) -> str:
    return word[2:] if word.startswith(ARTICLE) and len(word) > 4 else word


MASCULINE_COUNTRIES = frozenset(
    fold(name) for name in ("العراق", "الأردن", "المغرب", "السودان", "اليمن", "لبنان", "الصومال")
)
"""The countries a verb agrees with as masculine (أعلن العراق); the rest take قالت."""


def _org_gender(name: str, cls: str = "") -> str:
    """Guess the verb agreement of an organisation name: feminine when its head ends in ة.

    A country or city is feminine (أكدت تركيا، أعلنت موسكو) except the few
    in :data:`MASCULINE_COUNTRIES`.

    >>> _org_gender("الوزارة"), _org_gender("تركيا", "country"), _org_gender("العراق", "country")
    ('f', 'f', 'm')
    """
    if cls == "country":
        return "m" if fold(name) in MASCULINE_COUNTRIES else "f"
    head = fold(name).split()[0] if name.strip() else ""
    return "f" if head.endswith(("ة", "ات")) else "m"
