"""Hypothesis strategies for Arabic news text with known attributions, and harmless decoration.

Sentences are assembled from parts (a speaker with a title and a name, a
speech verb in a chosen form, an outlet phrase, a quotation style, direct or
indirect speech), so every offset of the expected attributions is known by
construction. Each strategy yields a :class:`~quoteattr.corpus.Document`
whose ``attributions`` are what an extractor should find; score a
prediction with :func:`quoteattr.scoring.evaluate`::

    from hypothesis import given
    from quoteattr.scoring import evaluate, predict
    from quoteattr.testing.strategies import paragraphs

    @given(paragraphs())
    def test_my_extractor_finds_everything(document):
        report = evaluate([document], predict([document], my_extract))
        assert report.content.recall == 1, report.format_errors()

The generated sentences keep to patterns any rule-based extractor should
handle: a cue and a speaker followed by an أن clause, a cue and a colon
before a quotation, a quotation followed by its cue, and بحسب or وفقا لـ
with an outlet. A paragraph reads like this one::

    قال وزير الخارجية سامي الخطيب لرويترز إن المحادثات ستستأنف الأسبوع المقبل.
    وأضاف: «لن نقبل بأي حل مؤقت». وارتفعت أسعار النفط في الأسواق العالمية.

:func:`decorated` adds harakat, tatweel, bidi marks and
no-break spaces that change nothing a reader sees as meaning.

Needs the ``hypothesis`` package (``pip install quoteattr[test]``).

>>> from hypothesis import find, settings
>>> found = find(attributed_sentences(kinds=[Kind.DIRECT]), lambda doc: "«" in doc.text,
...              settings=settings(database=None))
>>> quote = found.attributions[0].content
>>> found.text[quote.start - 1] + found.text[quote.end]
'«»'
>>> cited = find(attributed_sentences(layouts=[Layout.ACCORDING_TO_FIRST]),
...              lambda doc: "رويترز" in doc.text, settings=settings(database=None))
>>> cited.attributions[0].sources, cited.attributions[0].speaker_kind.value
(('Reuters',), 'outlet')
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

from attrs import evolve, frozen
from hypothesis import strategies as st

from ..corpus import Document, GoldAttribution
from ..model import Gender, Kind, Span, SpeakerKind

__all__ = [
    "CueForm",
    "Layout",
    "OutletPart",
    "QuoteStyle",
    "SpeakerPart",
    "attributed_sentences",
    "decorated",
    "decorated_documents",
    "outlets",
    "paragraphs",
    "speakers",
]


@frozen
class SpeakerPart:
    """A speaker as written in the text, with its canonical name, kind and grammatical gender.

    >>> SpeakerPart("وزيرة الصحة ليلى حداد", "ليلى حداد", SpeakerKind.PERSON, feminine=True).name
    'ليلى حداد'
    """

    text: str
    name: str
    kind: SpeakerKind
    feminine: bool = False

    @property
    def gender(self) -> Gender | None:
        """Return the gender a person has; an organisation or an outlet has none.

        >>> ministry = SpeakerPart("الوزارة", "الوزارة", SpeakerKind.ORGANIZATION, feminine=True)
        >>> ministry.gender is None
        True
        """
        if self.kind is not SpeakerKind.PERSON:
            return None
        return Gender.FEMALE if self.feminine else Gender.MALE


@frozen
class OutletPart:
    """A news outlet as written in the text, with its canonical English name.

    >>> OutletPart("وكالة رويترز", "Reuters").name
    'Reuters'
    """

    text: str
    name: str


class CueForm(enum.Enum):
    """The form of the speech verb: tense, and whether the conjunction و is attached.

    >>> from hypothesis import find, settings
    >>> minister = st.just(SpeakerPart("الوزير", "الوزير", SpeakerKind.PERSON))
    >>> found = find(attributed_sentences(layouts=[Layout.CUE_THEN_QUOTE], speaker=minister,
    ...                                   cue_forms=[CueForm.PRESENT_WITH_WA]),
    ...              lambda doc: doc.attributions[0].cue_lemma == "قال",
    ...              settings=settings(database=None))
    >>> found.attributions[0].cue.text
    'ويقول'
    >>> CueForm.PAST_WITH_WA.value
    'wa+past'
    """

    PAST = "past"  # قال، قالت
    PAST_WITH_WA = "wa+past"  # وقال، وقالت
    PRESENT = "present"  # يقول، تقول
    PRESENT_WITH_WA = "wa+present"  # ويقول، وتقول


class QuoteStyle(enum.Enum):
    """The quotation marks around direct speech.

    >>> from hypothesis import find, settings
    >>> minister = st.just(SpeakerPart("الوزير", "الوزير", SpeakerKind.PERSON))
    >>> found = find(attributed_sentences(layouts=[Layout.CUE_THEN_QUOTE], speaker=minister,
    ...                                   quote_styles=[QuoteStyle.CURLY], with_outlet=False,
    ...                                   cue_forms=[CueForm.PAST]),
    ...              lambda doc: doc.text.startswith("قال"), settings=settings(database=None))
    >>> found.text[: found.attributions[0].content.start]
    'قال الوزير: “'
    >>> QuoteStyle.GUILLEMETS.marks
    ('«', '»')
    """

    GUILLEMETS = "guillemets"
    CURLY = "curly"
    STRAIGHT = "straight"

    @property
    def marks(self) -> tuple[str, str]:
        """Return the opening and closing marks.

        >>> opening, closing = QuoteStyle.CURLY.marks
        >>> f"قال الوزير: {opening}نعم{closing}"
        'قال الوزير: “نعم”'
        """
        return {"guillemets": ("«", "»"), "curly": ("“", "”"), "straight": ('"', '"')}[self.value]


class Layout(enum.Enum):
    """The order of the parts in a sentence, and the kind of speech it reports.

    >>> from hypothesis import find, settings
    >>> minister = st.just(SpeakerPart("الوزير", "الوزير", SpeakerKind.PERSON))
    >>> found = find(attributed_sentences(layouts=[Layout.QUOTE_THEN_CUE], speaker=minister,
    ...                                   with_outlet=False),
    ...              lambda doc: True, settings=settings(database=None))
    >>> found.text.endswith(" الوزير."), found.attributions[0].speaker.text
    (True, 'الوزير')
    >>> Layout.QUOTE_THEN_CUE.kind
    <Kind.DIRECT: 'direct'>
    """

    CUE_THEN_CLAUSE = "cue-then-clause"  # أكد الوزير أن ...
    CUE_THEN_QUOTE = "cue-then-quote"  # قال الوزير: «...»
    QUOTE_THEN_CUE = "quote-then-cue"  # «...»، قال الوزير.
    ACCORDING_TO_FIRST = "according-to-first"  # وبحسب رويترز، فإن ...
    ACCORDING_TO_LAST = "according-to-last"  # ...، بحسب رويترز.

    @property
    def kind(self) -> Kind:
        """Return whether the layout reports direct or indirect speech.

        >>> Layout.ACCORDING_TO_LAST.kind.value  # "...، بحسب رويترز."
        'indirect'
        """
        direct = (Layout.CUE_THEN_QUOTE, Layout.QUOTE_THEN_CUE)
        return Kind.DIRECT if self in direct else Kind.INDIRECT


@frozen
class _Verb:
    lemma: str
    past: tuple[str, str]  # masculine, feminine
    present: tuple[str, str]
    complementizer: str  # what opens its indirect clause
    takes_quotes: bool  # whether "<verb> X: «...»" is idiomatic

    def form(self, form: CueForm, feminine: bool) -> str:
        tense = self.present if form in (CueForm.PRESENT, CueForm.PRESENT_WITH_WA) else self.past
        word = tense[feminine]
        return "و" + word if form in (CueForm.PAST_WITH_WA, CueForm.PRESENT_WITH_WA) else word


_VERBS = (
    _Verb("قال", ("قال", "قالت"), ("يقول", "تقول"), "إن", takes_quotes=True),
    _Verb("أكد", ("أكد", "أكدت"), ("يؤكد", "تؤكد"), "أن", takes_quotes=True),
    _Verb("أوضح", ("أوضح", "أوضحت"), ("يوضح", "توضح"), "أن", takes_quotes=True),
    _Verb("أضاف", ("أضاف", "أضافت"), ("يضيف", "تضيف"), "أن", takes_quotes=True),
    _Verb("صرح", ("صرح", "صرحت"), ("يصرح", "تصرح"), "بأن", takes_quotes=True),
    _Verb("أعلن", ("أعلن", "أعلنت"), ("يعلن", "تعلن"), "أن", takes_quotes=False),
    _Verb("أشار", ("أشار", "أشارت"), ("يشير", "تشير"), "إلى أن", takes_quotes=False),
    _Verb("شدد", ("شدد", "شددت"), ("يشدد", "تشدد"), "على أن", takes_quotes=False),
)

_TITLES = (  # masculine, feminine
    ("وزير الخارجية", "وزيرة الخارجية"),
    ("المتحدث باسم الحكومة", "المتحدثة باسم الحكومة"),
    ("رئيس الوزراء", "رئيسة الوزراء"),
    ("وزير الاقتصاد", "وزيرة الاقتصاد"),
    ("السفير", "السفيرة"),
    ("النائب", "النائبة"),
)
_MEN = ("سامي الخطيب", "خالد منصور", "عمر الحسيني", "يوسف العمري", "ماجد الشمري")
_WOMEN = ("ليلى حداد", "نادية سليمان", "ريم الأحمد", "هدى الكبيسي", "سلمى الراشد")
_ORGANIZATIONS = (  # text, feminine
    ("وزارة الخارجية", True),
    ("الحكومة", True),
    ("وزارة الصحة", True),
    ("الشرطة", True),
    ("الجيش", False),
    ("البنك المركزي", False),
)
# Canonical names as in quoteattr's outlet lexicon; no mention starts with
# "ال", so "لـ" attaches without turning into "لل".
_OUTLETS = (
    ("رويترز", "Reuters"),
    ("وكالة رويترز", "Reuters"),
    ("وكالة فرانس برس", "AFP"),
    ("وكالة الصحافة الفرنسية", "AFP"),
    ("وكالة أسوشيتد برس", "Associated Press"),
    ("بلومبرغ", "Bloomberg"),
    ("وكالة تاس", "TASS"),
)
# Statements hold no speech verb, no أن/إن, no quotation mark and no colon,
# so the only attribution in a generated sentence is the one put there.
_CLAUSES = (
    "المحادثات ستستأنف",
    "الحكومة ستواصل دعم المزارعين",
    "الوضع الأمني في المدينة مستقر",
    "الأسعار سترتفع",
    "المساعدات وصلت إلى المناطق المتضررة",
    "عدد الإصابات تراجع",
    "المشروع سيوفر آلاف الوظائف",
)
_TIMES = ("", " الأسبوع المقبل", " خلال الأيام المقبلة", " منذ بداية العام")
_QUOTES = (
    "سنواصل العمل من أجل السلام",
    "لن نقبل بأي حل مؤقت",
    "نحن مستعدون للحوار في أي وقت",
    "الوضع صعب، لكننا سنتجاوزه",
    "هذه خطوة مهمة للبلدين. ونأمل في المزيد",
    "نعمل ليلا ونهارا لإعادة الخدمات",
)
_FILLERS = (
    "وتشهد المنطقة توترا متزايدا منذ أشهر.",
    "وارتفعت أسعار النفط في الأسواق العالمية.",
    "ويأتي ذلك في ظل أزمة اقتصادية حادة.",
    "وعقد الاجتماع في العاصمة بحضور عدد من المسؤولين.",
)
_ACCORDING_TO = (("بحسب", "بحسب", ""), ("وبحسب", "بحسب", ""), ("وفقا", "وفقا", "ل"))
"""Cue word, its lemma, and the preposition it takes before the outlet."""


def speakers(
    kinds: Sequence[SpeakerKind] = (SpeakerKind.PERSON, SpeakerKind.ORGANIZATION),
) -> st.SearchStrategy[SpeakerPart]:
    """Build speakers: a person as title plus name, or an organisation.

    >>> from hypothesis import find, settings
    >>> find(speakers([SpeakerKind.ORGANIZATION]), lambda s: s.feminine is False,
    ...      settings=settings(database=None)).text
    'الجيش'
    >>> minister = find(speakers(), lambda s: s.text.startswith("وزيرة"),
    ...                 settings=settings(database=None))
    >>> minister.feminine, minister.kind.value
    (True, 'person')
    """
    choices = []
    if SpeakerKind.PERSON in kinds:
        choices.append(
            st.builds(
                lambda title, name, feminine: SpeakerPart(
                    f"{title[feminine]} {name}", name, SpeakerKind.PERSON, feminine
                ),
                st.sampled_from(_TITLES),
                st.sampled_from(_MEN),
                st.just(False),
            )
        )
        choices.append(
            st.builds(
                lambda title, name: SpeakerPart(
                    f"{title[1]} {name}", name, SpeakerKind.PERSON, feminine=True
                ),
                st.sampled_from(_TITLES),
                st.sampled_from(_WOMEN),
            )
        )
    if SpeakerKind.ORGANIZATION in kinds:
        choices.append(
            st.sampled_from(_ORGANIZATIONS).map(
                lambda org: SpeakerPart(org[0], org[0], SpeakerKind.ORGANIZATION, org[1])
            )
        )
    if not choices:
        raise ValueError("speakers() builds persons and organizations; ask for at least one")
    return st.one_of(choices)


_any_speaker = speakers  # for the functions whose ``speaker`` argument hides the name


def outlets() -> st.SearchStrategy[OutletPart]:
    """Build outlet mentions with their canonical names.

    >>> from hypothesis import find, settings
    >>> quiet = settings(database=None)
    >>> find(outlets(), lambda outlet: outlet.name == "Associated Press", settings=quiet).text
    'وكالة أسوشيتد برس'
    >>> find(outlets(), lambda outlet: outlet.text == "بلومبرغ", settings=quiet).name
    'Bloomberg'
    """
    return st.sampled_from(_OUTLETS).map(lambda pair: OutletPart(*pair))


class _Builder:
    """Appends text and remembers where each recorded piece landed."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.length = 0

    def add(self, piece: str) -> tuple[int, int]:
        self.pieces.append(piece)
        start = self.length
        self.length += len(piece)
        return start, self.length

    @property
    def text(self) -> str:
        return "".join(self.pieces)


@frozen
class _Planned:
    """An attribution with offsets into a text still being built."""

    content: tuple[int, int]
    kind: Kind
    cue: tuple[int, int]
    cue_lemma: str
    speaker: tuple[int, int]
    speaker_part: SpeakerPart
    sources: tuple[tuple[str, tuple[int, int]], ...] = ()

    def to_gold(self, text: str) -> GoldAttribution:
        def span(pair: tuple[int, int]) -> Span:
            return Span.of(text, *pair)

        return GoldAttribution(
            content=span(self.content),
            kind=self.kind,
            cue=span(self.cue),
            cue_lemma=self.cue_lemma,
            speaker=span(self.speaker),
            speaker_name=self.speaker_part.name,
            speaker_kind=self.speaker_part.kind,
            sources=[name for name, _ in self.sources],
            source_spans=[span(where) for _, where in self.sources],
            speaker_gender=self.speaker_part.gender,
        )


@st.composite
def _sentence(
    draw: st.DrawFn,
    builder: _Builder,
    layouts: Sequence[Layout],
    speaker_parts: st.SearchStrategy[SpeakerPart],
    cue_forms: Sequence[CueForm],
    quote_styles: Sequence[QuoteStyle],
    with_outlet: bool | None,
) -> _Planned:
    layout = draw(st.sampled_from(layouts))
    if layout in (Layout.ACCORDING_TO_FIRST, Layout.ACCORDING_TO_LAST):
        return _according_to(draw, builder, layout)
    speaker = draw(speaker_parts)
    verbs = [verb for verb in _VERBS if verb.takes_quotes or layout is Layout.CUE_THEN_CLAUSE]
    verb = draw(st.sampled_from(verbs))
    form = draw(st.sampled_from(cue_forms))
    outlet = draw(outlets()) if draw(_maybe(with_outlet)) else None
    opening, closing = draw(st.sampled_from(quote_styles)).marks
    sources: tuple[tuple[str, tuple[int, int]], ...] = ()

    def add_cue_speaker_outlet() -> tuple[tuple[int, int], tuple[int, int]]:
        nonlocal sources
        cue = builder.add(verb.form(form, speaker.feminine))
        builder.add(" ")
        said_by = builder.add(speaker.text)
        if outlet is not None:
            # "قال الوزير لوكالة رويترز": the outlet the statement was given to.
            builder.add(" ل")
            sources = ((outlet.name, builder.add(outlet.text)),)
        return cue, said_by

    if layout is Layout.CUE_THEN_CLAUSE:
        cue, said_by = add_cue_speaker_outlet()
        builder.add(f" {verb.complementizer} ")
        content = builder.add(draw(st.sampled_from(_CLAUSES)) + draw(st.sampled_from(_TIMES)))
        builder.add(".")
    elif layout is Layout.CUE_THEN_QUOTE:
        cue, said_by = add_cue_speaker_outlet()
        builder.add(f": {opening}")
        content = builder.add(draw(st.sampled_from(_QUOTES)))
        builder.add(f"{closing}.")
    else:
        builder.add(opening)
        content = builder.add(draw(st.sampled_from(_QUOTES)))
        builder.add(f"{closing}، ")
        cue, said_by = add_cue_speaker_outlet()
        builder.add(".")
    return _Planned(content, layout.kind, cue, verb.lemma, said_by, speaker, sources)


def _according_to(draw: st.DrawFn, builder: _Builder, layout: Layout) -> _Planned:
    word, lemma, attached = draw(st.sampled_from(_ACCORDING_TO))
    outlet = draw(outlets())
    clause = draw(st.sampled_from(_CLAUSES)) + draw(st.sampled_from(_TIMES))
    if layout is Layout.ACCORDING_TO_FIRST:
        cue = builder.add(word)
        builder.add(f" {attached}")
        mention = builder.add(outlet.text)
        builder.add("، فإن ")
        content = builder.add(clause)
        builder.add(".")
    else:
        # "...، بحسب رويترز.": a trailing citation takes no conjunction.
        content = builder.add(clause)
        builder.add("، ")
        cue = builder.add("بحسب" if word == "وبحسب" else word)
        builder.add(f" {attached}")
        mention = builder.add(outlet.text)
        builder.add(".")
    speaker = SpeakerPart(outlet.text, outlet.text, SpeakerKind.OUTLET)
    return _Planned(content, Kind.INDIRECT, cue, lemma, mention, speaker, ((outlet.name, mention),))


def _maybe(flag: bool | None) -> st.SearchStrategy[bool]:
    return st.booleans() if flag is None else st.just(flag)


def _layouts(kinds: Sequence[Kind], layouts: Sequence[Layout] | None) -> list[Layout]:
    chosen = [layout for layout in (layouts or list(Layout)) if layout.kind in kinds]
    if not chosen:
        raise ValueError(
            "no layout reports the kinds asked for; generated sentences are direct or indirect"
        )
    return chosen


def attributed_sentences(
    *,
    kinds: Sequence[Kind] = (Kind.DIRECT, Kind.INDIRECT),
    layouts: Sequence[Layout] | None = None,
    speaker: st.SearchStrategy[SpeakerPart] | None = None,
    cue_forms: Sequence[CueForm] = tuple(CueForm),
    quote_styles: Sequence[QuoteStyle] = tuple(QuoteStyle),
    with_outlet: bool | None = None,
) -> st.SearchStrategy[Document]:
    """Build one news sentence holding exactly one attribution, and that attribution.

    ``with_outlet`` adds "لوكالة ..." after the speaker (``None``: sometimes).
    The ``ACCORDING_TO_*`` layouts always cite an outlet, as the speaker.

    >>> from hypothesis import find, settings
    >>> found = find(attributed_sentences(kinds=[Kind.INDIRECT], with_outlet=True),
    ...              lambda doc: True, settings=settings(database=None))
    >>> len(found.attributions[0].sources)
    1
    >>> found = find(attributed_sentences(layouts=[Layout.CUE_THEN_CLAUSE], with_outlet=False,
    ...                                   cue_forms=[CueForm.PAST]),
    ...              lambda doc: doc.text.startswith("أكد"), settings=settings(database=None))
    >>> found.text[found.attributions[0].content.start - 3 :].startswith("أن ")
    True
    """
    speaker_parts = _any_speaker() if speaker is None else speaker
    chosen = _layouts(kinds, layouts)

    @st.composite
    def build(draw: st.DrawFn) -> Document:
        builder = _Builder()
        planned = draw(
            _sentence(builder, chosen, speaker_parts, cue_forms, quote_styles, with_outlet)
        )
        text = builder.text
        return Document("generated", text, [planned.to_gold(text)])

    return build()


def paragraphs(
    *,
    min_attributions: int = 1,
    max_attributions: int = 3,
    kinds: Sequence[Kind] = (Kind.DIRECT, Kind.INDIRECT),
    layouts: Sequence[Layout] | None = None,
    speaker: st.SearchStrategy[SpeakerPart] | None = None,
    cue_forms: Sequence[CueForm] = tuple(CueForm),
    quote_styles: Sequence[QuoteStyle] = tuple(QuoteStyle),
    with_outlet: bool | None = None,
    follow_ups: bool = True,
    fillers: bool = True,
) -> st.SearchStrategy[Document]:
    """Build a paragraph of attributed sentences, with neutral sentences between them.

    With ``follow_ups``, a sentence may continue the previous speaker with a
    dropped subject ("وأضاف أن ..."); its expected speaker is the earlier
    mention. ``fillers`` adds sentences that attribute nothing.

    >>> from hypothesis import find, settings
    >>> found = find(paragraphs(min_attributions=2, kinds=[Kind.INDIRECT]), lambda doc: True,
    ...              settings=settings(database=None))
    >>> len(found.attributions)
    2
    >>> found = find(paragraphs(min_attributions=2, max_attributions=2, kinds=[Kind.INDIRECT],
    ...                         layouts=[Layout.CUE_THEN_CLAUSE], fillers=False),
    ...              lambda doc: " وأضاف أن " in doc.text, settings=settings(database=None))
    >>> first, follow_up = found.attributions
    >>> follow_up.cue.text, follow_up.speaker == first.speaker
    ('وأضاف', True)
    """
    speaker_parts = _any_speaker() if speaker is None else speaker
    chosen = _layouts(kinds, layouts)

    @st.composite
    def build(draw: st.DrawFn) -> Document:
        builder = _Builder()
        planned: list[_Planned] = []
        count = draw(st.integers(min_attributions, max_attributions))
        for number in range(count):
            if number:
                builder.add(" ")
            if fillers and draw(st.booleans()):
                builder.add(draw(st.sampled_from(_FILLERS)) + " ")
            previous = planned[-1] if planned else None
            if (
                follow_ups
                and previous is not None
                and previous.speaker_part.kind is not SpeakerKind.OUTLET
                and draw(st.booleans())
            ):
                planned.append(_follow_up(draw, builder, previous, kinds, quote_styles))
            else:
                planned.append(
                    draw(
                        _sentence(
                            builder, chosen, speaker_parts, cue_forms, quote_styles, with_outlet
                        )
                    )
                )
        text = builder.text
        return Document("generated", text, [p.to_gold(text) for p in planned])

    return build()


def _follow_up(
    draw: st.DrawFn,
    builder: _Builder,
    previous: _Planned,
    kinds: Sequence[Kind],
    quote_styles: Sequence[QuoteStyle],
) -> _Planned:
    # "وأضاف: «...»" after "قال الوزير ...": the speaker is the earlier mention.
    kind = draw(st.sampled_from([k for k in (Kind.DIRECT, Kind.INDIRECT) if k in kinds]))
    feminine = previous.speaker_part.feminine
    cue = builder.add("وأضافت" if feminine else "وأضاف")
    if kind is Kind.DIRECT:
        opening, closing = draw(st.sampled_from(quote_styles)).marks
        builder.add(f": {opening}")
        content = builder.add(draw(st.sampled_from(_QUOTES)))
        builder.add(f"{closing}.")
    else:
        builder.add(" أن ")
        content = builder.add(draw(st.sampled_from(_CLAUSES)) + draw(st.sampled_from(_TIMES)))
        builder.add(".")
    return _Planned(content, kind, cue, "أضاف", previous.speaker, previous.speaker_part)


_HARAKAT = (
    "\N{ARABIC FATHA}",
    "\N{ARABIC DAMMA}",
    "\N{ARABIC KASRA}",
    "\N{ARABIC SUKUN}",
    "\N{ARABIC SHADDA}",
    "\N{ARABIC FATHATAN}",
    "\N{ARABIC DAMMATAN}",
    "\N{ARABIC KASRATAN}",
)
_BIDI_MARKS = (
    "\N{RIGHT-TO-LEFT MARK}",
    "\N{LEFT-TO-RIGHT MARK}",
    "\N{ARABIC LETTER MARK}",
)
# Letters that never join the next one; a tatweel after them would be a
# visible stroke that changes the word's shape.
_NON_JOINING = frozenset("ءآأؤإاةدذرزوى")


def _is_letter(character: str) -> bool:
    return (
        "\N{ARABIC LETTER HAMZA}" <= character <= "\N{ARABIC LETTER YEH}"
        and character != "\N{ARABIC TATWEEL}"
    )


class _Decoration(enum.Enum):
    HARAKA = "haraka"  # after a letter
    TATWEEL = "tatweel"  # after a letter that joins the next letter
    BIDI_MARK = "bidi mark"  # at a word boundary
    NO_BREAK_SPACE = "no-break space"  # instead of a space


def _decorate(
    text: str, choices: Sequence[tuple[int, _Decoration, int]]
) -> tuple[str, list[int], list[int]]:
    """Apply decorations; return the new text and where each old character starts and ends."""
    before: dict[int, list[str]] = {}
    after: dict[int, list[str]] = {}
    replaced: dict[int, str] = {}
    for position, decoration, variant in choices:
        if position >= len(text):
            continue
        character = text[position]
        following = text[position + 1] if position + 1 < len(text) else ""
        if decoration is _Decoration.HARAKA and _is_letter(character):
            after.setdefault(position, []).append(_HARAKAT[variant % len(_HARAKAT)])
        elif (
            decoration is _Decoration.TATWEEL
            and _is_letter(character)
            and character not in _NON_JOINING
            and _is_letter(following)
        ):
            after.setdefault(position, []).insert(0, "\N{ARABIC TATWEEL}")
        elif decoration is _Decoration.BIDI_MARK and character == " ":
            before.setdefault(position, []).append(_BIDI_MARKS[variant % len(_BIDI_MARKS)])
        elif decoration is _Decoration.NO_BREAK_SPACE and character == " ":
            replaced[position] = "\N{NO-BREAK SPACE}"
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    length = 0
    for position, character in enumerate(text):
        prefix = "".join(before.get(position, ()))
        starts.append(length + len(prefix))
        piece = prefix + replaced.get(position, character) + "".join(after.get(position, ()))
        pieces.append(piece)
        length += len(piece)
        ends.append(length)
    return "".join(pieces), starts, ends


def _decorations(text: str) -> st.SearchStrategy[list[tuple[int, _Decoration, int]]]:
    return st.lists(
        st.tuples(
            st.integers(0, max(len(text) - 1, 0)),
            st.sampled_from(_Decoration),
            st.integers(0, 7),
        ),
        max_size=max(len(text) // 2, 1),
    )


def decorated(text: str) -> st.SearchStrategy[str]:
    """Sprinkle harakat, tatweel, bidi marks and no-break spaces over ``text``, keeping its meaning.

    Folding (:func:`quoteattr.normalize.fold`) the result gives back the
    fold of ``text``.

    >>> from hypothesis import find, settings
    >>> from quoteattr.normalize import fold
    >>> found = find(decorated("قال الوزير"), lambda t: len(t) > len("قال الوزير"),
    ...              settings=settings(database=None))
    >>> fold(found)
    'قال الوزير'
    """
    return _decorations(text).map(lambda choices: _decorate(text, choices)[0])


def decorated_documents(document: Document) -> st.SearchStrategy[Document]:
    """Decorate a document's text like :func:`decorated` and move its spans along.

    Marks written after a span's last letter belong to the span; marks
    before its first letter do not.

    >>> from hypothesis import find, settings
    >>> from quoteattr.normalize import fold
    >>> text = "قال: نعم"
    >>> plain = Document("d1", text, [GoldAttribution(Span.of(text, 5, 8), Kind.DIRECT)])
    >>> found = find(decorated_documents(plain), lambda d: d.text != text,
    ...              settings=settings(database=None))
    >>> fold(found.attributions[0].content.text)
    'نعم'
    """
    text = document.text

    def move(choices: list[tuple[int, _Decoration, int]]) -> Document:
        new_text, starts, ends = _decorate(text, choices)

        def span(old: Span | None) -> Span | None:
            if old is None:
                return None
            start = starts[old.start] if old.start < len(text) else len(new_text)
            end = ends[old.end - 1] if old.end > old.start else start
            return Span.of(new_text, start, end)

        def moved(gold: GoldAttribution) -> GoldAttribution:
            content = span(gold.content)
            assert content is not None
            return evolve(
                gold,
                content=content,
                cue=span(gold.cue),
                speaker=span(gold.speaker),
                addressee=span(gold.addressee),
                source_spans=[span(s) for s in gold.source_spans],
            )

        return evolve(
            document, text=new_text, attributions=[moved(a) for a in document.attributions]
        )

    return _decorations(text).map(move)
