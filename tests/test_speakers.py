"""Who said it: speakers found through honorific pronouns and past reported nouns.

Every sentence is written for this file in the style of Arabic news.
"""

from __future__ import annotations

import pytest

import quoteattr


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [
        (a.content.text, None if a.speaker is None else a.speaker.name)
        for a in quoteattr.extract(text)
    ]


HONORIFICS = [
    pytest.param(
        "افتتح صاحب السمو الملكي الأمير فهد بن سالم أمير المنطقة معرض الكتاب. "
        "وأكد سموه أن المعرض يعزز الثقافة.",
        "فهد بن سالم",
        id="سموه after the prince's visit",
    ),
    pytest.param(
        "قال الأمير فهد بن سالم إن الموسم ناجح. والتقى وزير السياحة خالد العمر بالتجار. "
        "وأكد سموه أن الاستعدادات اكتملت.",
        "فهد بن سالم",
        id="سموه skips a minister named in between",
    ),
    pytest.param(
        "استقبل وزير الصحة الدكتور خالد العمر وفدا من الأطباء. وقال معاليه إن المستشفيات جاهزة.",
        "خالد العمر",
        id="معاليه stands for the minister",
    ),
    pytest.param(
        "زار مفتي المنطقة الشيخ سالم الحربي المستشفى. وأضاف سماحته أن الصدقة واجبة.",
        "سالم الحربي",
        id="سماحته stands for the mufti",
    ),
]


@pytest.mark.parametrize(("text", "name"), HONORIFICS)
def test_an_honorific_pronoun_is_resolved_to_the_person(text: str, name: str) -> None:
    *_, last = _speakers(text)
    assert last[1] == name


def test_an_honorific_pronoun_with_nobody_before_stays_the_speaker() -> None:
    [(_, name)] = _speakers("وأكد سموه أن المعرض يعزز الثقافة.")
    assert name == "سموه"


def test_a_dropped_subject_after_an_honorific_pronoun() -> None:
    text = (
        "افتتح الأمير فهد بن سالم أمير المنطقة معرض الكتاب. وأكد سموه أن المعرض يعزز الثقافة. "
        "وأضاف أن الدورة المقبلة ستكون أكبر."
    )
    assert [name for _, name in _speakers(text)] == ["فهد بن سالم", "فهد بن سالم"]


def test_a_noun_inside_what_was_said_is_no_antecedent() -> None:
    text = (
        "وأوضح رئيس المجلس الأعلى للقضاء الدكتور سالم العمر أن القرار تضمن ترقية عشرة "
        "قضاة، وتعيين قاض في كل محكمة. وأكد أن التعيينات ستسرع البت في القضايا."
    )
    assert [name for _, name in _speakers(text)] == ["سالم العمر", "سالم العمر"]


def test_a_title_after_the_verbs_complement_is_not_its_subject() -> None:
    text = "وقدم رئيس النادي سالم العمر استقالته، ودعا إلى جمعية عمومية لانتخاب رئيس جديد."
    [found] = quoteattr.extract(text)
    assert found.content.text == "جمعية عمومية لانتخاب رئيس جديد"
    assert found.speaker is not None
    assert found.speaker.name == "سالم العمر"


def test_a_title_after_an_adjunct_is_still_the_subject() -> None:
    [found] = quoteattr.extract("وقالت في حديث للصحفيين الدكتورة أمل سالم إن الخطة جاهزة.")
    assert found.speaker is not None
    assert found.speaker.name == "أمل سالم"


TITLE_THEN_NAME = [
    pytest.param(
        "وقال وزير المالية، خالد العمري، إن العجز سينخفض.", "خالد العمري", id="title, name, then إن"
    ),
    pytest.param(
        "أكد قائد القوات البحرية، اللواء سالم الحربي، أن الميناء آمن.",
        "سالم الحربي",
        id="title, rank and name, then أن",
    ),
    pytest.param(
        "وقالت المتحدثة باسم البلدية، منى الراشد: «الطرق مفتوحة».",
        "منى الراشد",
        id="title, name, then a colon",
    ),
]


@pytest.mark.parametrize(("text", "name"), TITLE_THEN_NAME)
def test_a_title_takes_the_name_after_its_comma(text: str, name: str) -> None:
    [found] = quoteattr.extract(text)
    assert found.speaker is not None
    assert found.speaker.name == name
    assert found.speaker.span.text.endswith(name)


def test_a_time_after_the_titles_comma_is_no_name() -> None:
    [found] = quoteattr.extract("وقال وزير المالية، اليوم الأحد، إن العجز سينخفض.")
    assert found.speaker is not None
    assert found.speaker.span.text == "وزير المالية"


UNKNOWN_NAMES = [
    pytest.param("قال اللواء مهاب مميش إن الملاحة مستمرة.", "مهاب مميش", id="a rank"),
    pytest.param(
        "وأوضح العقيد طلعت المنصوري مدير إدارة المرور أن الطرق مفتوحة.",
        "طلعت المنصوري",
        id="a rank, the name, then an apposition",
    ),
    pytest.param("وقالت الدكتورة ملحة: إن الدورة تضم 16 فرقة.", "ملحة", id="one word"),
    pytest.param("وقال الشيخ إن الصلاة واجبة.", "الشيخ", id="no name"),
    pytest.param("وقال المقدم في مداخلة إذاعية إن الخطأ وارد.", "المقدم", id="an adjunct"),
]


@pytest.mark.parametrize(("text", "name"), UNKNOWN_NAMES)
def test_a_name_the_lexicon_does_not_know_after_a_rank(text: str, name: str) -> None:
    [(_, found)] = _speakers(text)
    assert found == name


OBJECTS_AFTER_NAMES = [
    pytest.param(
        "والتقى وزير الخارجية خالد سامي نظيره الفرنسي، وقال إن المباحثات مثمرة.",
        "خالد سامي",
        id="نظيره is the object",
    ),
    pytest.param(
        "وأكد وزير الخارجية خالد سامي حرص بلاده على السلام.", "خالد سامي", id="a verbal noun"
    ),
    pytest.param(
        "وقال وزير الخارجية خالد سامي مميش إن المباحثات مثمرة.", "خالد سامي مميش", id="أن"
    ),
    pytest.param(
        "وقال وزير الخارجية خالد سامي العمر في مؤتمر صحفي إن المباحثات مثمرة.",
        "خالد سامي العمر",
        id="a family name with the article",
    ),
]


@pytest.mark.parametrize(("text", "name"), OBJECTS_AFTER_NAMES)
def test_the_word_after_two_given_names(text: str, name: str) -> None:
    assert [found for _, found in _speakers(text)] == [name]


def test_the_subject_of_a_long_verb_speaks_next() -> None:
    text = (
        "قال المحافظ سالم العمري إن الطريق سيفتح. واستقبل وزير الخارجية خالد سامي "
        "نظيره الفرنسي. وقال إن المباحثات مثمرة."
    )
    assert [name for _, name in _speakers(text)] == ["سالم العمري", "خالد سامي"]


GROUPS = [
    pytest.param("ويقول عدد من الأهالي إن الطريق مغلق منذ أيام.", "عدد من الأهالي", id="عدد من"),
    pytest.param(
        "ويرى الكثير من المحللين الاقتصاديين أن الأسعار سترتفع.",
        "الكثير من المحللين الاقتصاديين",
        id="الكثير من, with an adjective",
    ),
]


@pytest.mark.parametrize(("text", "span"), GROUPS)
def test_some_of_a_group_is_an_anonymous_speaker(text: str, span: str) -> None:
    [found] = quoteattr.extract(text)
    assert found.speaker is not None
    assert (found.speaker.span.text, found.speaker.kind.value) == (span, "anonymous")


HEADLINE_SUBJECTS = [
    pytest.param("ليبيا: حفتر يدعو إلى وقف القتال في طرابلس", "حفتر", id="unknown name"),
    pytest.param("العراق: الحكيم يدعو إلى الحوار قبل تشكيل الحكومة", "الحكيم", id="definite word"),
]


@pytest.mark.parametrize(("text", "name"), HEADLINE_SUBJECTS)
def test_the_word_between_a_headline_place_and_its_verb_is_the_speaker(
    text: str, name: str
) -> None:
    # "PLACE: X يدعو…": the place before the colon is where, X before the verb is who.
    assert [speaker for _, speaker in _speakers(text)] == [name]


QUOTED_SPEAKERS = [
    pytest.param(
        "قال العقيد سالم الحربي إن الحريق أخمد. والتقى المحافظ خالد العمر بالأهالي. "
        "وأوضح «الحربي» في تصريح صحفي أن الأضرار محدودة.",
        "سالم الحربي",
        "person",
        id="a quoted surname of the full name before",
    ),
    pytest.param(
        "وقال «اتحاد طلاب جامعة المدينة المنورة» في بيان تسلمت الصحيفة نسخة منه إن "
        "الإدارة رفضت المطالب.",
        "اتحاد طلاب جامعة المدينة المنورة",
        "unknown",
        id="a long quoted name before في بيان",
    ),
]


@pytest.mark.parametrize(("text", "name", "kind"), QUOTED_SPEAKERS)
def test_a_quoted_name_right_after_the_verb_is_its_speaker(text: str, name: str, kind: str) -> None:
    # Saudi papers quote the speaker's name: وأوضح «الحربي» في تصريح…
    found = quoteattr.extract(text)[-1]
    assert found.speaker is not None
    assert (found.speaker.name, found.speaker.kind.value, found.speaker.gender) == (
        name,
        kind,
        quoteattr.Gender.MALE if kind == "person" else None,
    )


def test_a_country_is_feminine_for_the_verb() -> None:
    # "رفضت تركيا…، معتبرة": a country agrees with a feminine participle…
    text = "رفضت تركيا الاتهامات الأخيرة، معتبرة أنها لا تستند إلى أي دليل."
    assert [name for _, name in _speakers(text)] == ["تركيا"]


def test_a_masculine_verb_does_not_take_a_city_after_it_as_its_subject() -> None:
    # …and "تعهد شركاء أثينا" is not Athens making a promise: شركاء is the subject.
    text = "قال المدرب خالد سامي إن الفريق جاهز. وتعهد شركاء أثينا بدعم الخطة."
    assert [name for _, name in _speakers(text)] == ["خالد سامي"]


@pytest.mark.parametrize(
    "change",
    [
        {"gender": "f"},
        {"kind": "organization"},
        {"name_start": 2},
        {"name_end": 2},
        {"end": 2},
        {"lead": 1},
    ],
    ids=str,
)
def test_a_speaker_built_once_a_document_is_the_one_built_afresh(change: dict[str, object]) -> None:
    """Statements of one mention share its Speaker; a difference in what it is made of does not."""
    from attrs import evolve

    from quoteattr.normalize import normalize
    from quoteattr.pipeline import _attribution, link, read_document

    normalized = normalize("قال سالم احمد ان الحل قريب. واضاف ان الاتفاق جاهز.")
    linking = link(read_document(normalized.text))
    first, second = linking.drafts
    assert first.speaker is second.speaker
    assert first.gender == second.gender == "m"
    shared = [_attribution(draft, linking, normalized) for draft in linking.drafts]
    assert shared[0].speaker is shared[1].speaker
    del linking.canonical[first.speaker.start]  # the name is read from the mention itself
    gender = change.pop("gender", None)
    if gender is not None:
        second.gender = str(gender)
    second.speaker = evolve(first.speaker, **change)
    found = _attribution(second, linking, normalized)
    linking.speakers.clear()
    assert found == _attribution(second, linking, normalized)
    assert found.speaker != shared[0].speaker


def test_find_names_builds_the_mention_reader() -> None:
    from quoteattr.mentions.names import _reader_class
    from quoteattr.mentions.reader import MentionReader

    assert _reader_class() is MentionReader
