"""Content spans and kinds, exactly: where a reported clause ends and what makes it mixed.

The golden corpus matches content by overlap, so a clause that runs on past
its end still passes there; these cases pin the exact text. Every sentence is
written for this file in the style of Arabic news.
"""

from __future__ import annotations

import pytest

import quoteattr


def _contents(text: str) -> list[tuple[str, str]]:
    return [(a.kind.value, a.content.text) for a in quoteattr.extract(text)]


ENDS = [
    pytest.param(
        "قال الوزير إن الميزانية ستسجل فائضا، حيث ارتفعت إيرادات النفط.",
        "الميزانية ستسجل فائضا، حيث ارتفعت إيرادات النفط",
        id="a حيث clause goes on with the report",
    ),
    pytest.param(
        "وأكدت الوزارة أن الوضع مستقر رغم أن عدد المراجعين ارتفع.",
        "الوضع مستقر",
        id="رغم أن ends it",
    ),
    pytest.param(
        "وأكدت الوزارة أن الوضع مستقر، على الرغم من أن عدد المراجعين ارتفع.",
        "الوضع مستقر",
        id="على الرغم من أن ends it",
    ),
    pytest.param(
        "وأوضح المدير أن الرحلات ستستأنف غدا بينما تواصل الفرق عملها.",
        "الرحلات ستستأنف غدا",
        id="بينما without a comma ends it",
    ),
    pytest.param(
        "وأضاف المدير أن المسافرين سيبلغون عبر الشركة الوطنية، التي تكفلت بإيواء العالقين.",
        "المسافرين سيبلغون عبر الشركة الوطنية",
        id="a relative clause running to the sentence end is the writer's",
    ),
    pytest.param(
        "وأضاف المدير أن الشركة الوطنية، التي تكفلت بإيواء العالقين، ستعوض الركاب.",
        "الشركة الوطنية، التي تكفلت بإيواء العالقين، ستعوض الركاب",
        id="a relative clause between commas stays inside",
    ),
    pytest.param(
        "وقال المتحدث إن الركاب سيعوضون، وهو ما لم يحدث في الأزمة السابقة.",
        "الركاب سيعوضون",
        id="، وهو ما is the writer's comment",
    ),
    pytest.param(
        "وقال المتحدث إن البيئة الاستثمارية تلقت ضربة قوية على حد تعبيره.",
        "البيئة الاستثمارية تلقت ضربة قوية",
        id="على حد تعبيره without a comma ends it",
    ),
]


@pytest.mark.parametrize(("text", "content"), ENDS)
def test_reported_clause_ends(text: str, content: str) -> None:
    assert _contents(text)[0][1] == content


NEW_STATEMENTS = [
    pytest.param(
        "قال الوزير إن الإصلاحات مستمرة، معتبرا أن النتائج بدأت تظهر.",
        ["الإصلاحات مستمرة", "النتائج بدأت تظهر"],
        id="a risky participle after a comma",
    ),
    pytest.param(
        "قال الوزير إن الحكومة لن تتراجع، متعهدا بأن الإصلاح سيكتمل قبل نهاية العام.",
        ["الحكومة لن تتراجع", "الإصلاح سيكتمل قبل نهاية العام"],
        id="a pledge in a participle",
    ),
    pytest.param(
        "وفيما أشار المدير إلى أن الشركة تستثمر في الأسهم، أكد أن السندات أكثر أمانا.",
        ["الشركة تستثمر في الأسهم", "السندات أكثر أمانا"],
        id="a comma and a bare past verb with أن",
    ),
    pytest.param(
        "وطالب النائب بتوضيحات حول الصفقة، إذ قال مسؤول في الوزارة إن العقد سليم.",
        ["بتوضيحات حول الصفقة", "العقد سليم"],
        id="، إذ قال opens the next statement",
    ),
    pytest.param(
        "وأكد المدرب أن الفريق جاهز، حيث قال اللاعب سامي خالد إن المعنويات عالية.",
        ["الفريق جاهز", "المعنويات عالية"],
        id="، حيث قال opens the next statement",
    ),
]


@pytest.mark.parametrize(("text", "contents"), NEW_STATEMENTS)
def test_a_new_statement_ends_the_last(text: str, contents: list[str]) -> None:
    assert [content for _, content in _contents(text)] == contents


KINDS = [
    pytest.param("وأكد الوزير أن المفاوضات وصلت إلى «طريق مسدود».", "mixed", id="two words"),
    pytest.param("وقالت إنه كان «متوترا» قبل السفر.", "mixed", id="an accusative adjective"),
    pytest.param("وأكد الوزير أن بلاده تسلمت صواريخ «باتريوت» أمس.", "indirect", id="weapon"),
    pytest.param("وقال المدير إن العمل في مشروع «نيوم» سيبدأ قريبا.", "indirect", id="project"),
    pytest.param("وأكد المتحدث أن حزب «الأمة» سيشارك في الانتخابات.", "indirect", id="party"),
    pytest.param("وأوضح أن الفيلم عرض بعنوان «رحلة الصيف» في الرياض.", "indirect", id="title"),
    pytest.param("وأكد أن الهاتف الجديد «غالاكسي 9» سيطرح قريبا.", "indirect", id="digits"),
]


@pytest.mark.parametrize(("text", "kind"), KINDS)
def test_a_short_quotation_inside_the_report(text: str, kind: str) -> None:
    assert _contents(text)[0][0] == kind


def test_a_cut_before_a_participle_keeps_the_postposed_outlet() -> None:
    text = "ونفى مصدر في الوزارة وقوع إصابات، واصفا الأنباء بأنها «مبالغ فيها»، بحسب رويترز."
    found = quoteattr.extract(text)
    assert [a.content.text for a in found] == ["وقوع إصابات", "مبالغ فيها"]
    assert [[s.name for s in a.sources] for a in found] == [["Reuters"], ["Reuters"]]


FOUND = [
    pytest.param(
        "وقد تعهد الرئيس بمتابعة التحقيق شخصيا.",
        ["بمتابعة التحقيق شخصيا"],
        id="a pledge after قد",
    ),
    pytest.param(
        "وطالب بإجراء تحقيق دولي مستقل في الهجوم.",
        ["بإجراء تحقيق دولي مستقل في الهجوم"],
        id="a demand with the subject dropped",
    ),
    pytest.param(
        "الاتحاد العام للعمال يدعو لتأجيل الانتخابات النقابية",
        ["لتأجيل الانتخابات النقابية"],
        id="a call with لـ",
    ),
    pytest.param(
        "وأشار «العنزي» إلى أن المستشفيات تعمل بكامل طاقتها.",
        ["المستشفيات تعمل بكامل طاقتها"],
        id="a quoted name before إلى is no quotation",
    ),
    pytest.param(
        "يقول «المدرب» في أحد تصريحاته: «لن نغير طريقة لعبنا».",
        ["لن نغير طريقة لعبنا"],
        id="a quoted name before في is no quotation",
    ),
]


@pytest.mark.parametrize(("text", "contents"), FOUND)
def test_speech_acts_and_quoted_names(text: str, contents: list[str]) -> None:
    assert [content for _, content in _contents(text)] == contents


NOTHING = [
    pytest.param("وأشاد الوزير بجهود الفرق الميدانية.", id="praise is expressive"),
    pytest.param("ونوه المدير بتعاون الأهالي.", id="نوه بـ + noun is praise"),
    pytest.param("ويتوقع أن ترتفع درجات الحرارة غدا.", id="the passive يتوقع أن"),
    pytest.param("وهذا الارتفاع يدعو للقلق في الأسواق.", id="يدعو للقلق is a cause"),
    pytest.param("وقال طالب بجامعة الملك سعود إنه سعيد.", id="طالب the student"),
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_report(text: str) -> None:
    assert all(
        a.cue is None or a.cue.lemma not in ("أشاد", "نوه", "توقع", "دعا", "طالب")
        for a in quoteattr.extract(text)
    )


def test_a_safe_verb_reaches_past_a_long_speaker_phrase() -> None:
    text = (
        "وأوضح المتحدث الرسمي باسم المديرية العامة للدفاع المدني بمنطقة جازان العقيد"
        " سالم بن محمد العمري أن الفرق باشرت بلاغا عن حريق في مستودع."
    )
    assert _contents(text) == [("indirect", "الفرق باشرت بلاغا عن حريق في مستودع")]


def test_the_quoted_fragment_of_a_mixed_statement_is_not_a_statement() -> None:
    text = "وأكد الوزير أن نتيجة التحقيق ستعلن «مهما كانت»."
    assert _contents(text) == [("mixed", "نتيجة التحقيق ستعلن «مهما كانت»")]


def test_a_long_quoted_name_before_a_statement_noun() -> None:
    text = "وقال «تجمع أهالي المعتقلين في السجون» في بيان إن «الاعتقالات مستمرة منذ أسابيع»."
    assert _contents(text) == [("direct", "الاعتقالات مستمرة منذ أسابيع")]


def test_between_after_a_quoted_term_is_no_cue() -> None:
    assert quoteattr.extract("أزمة «دبلوماسية رياضية» بين البلدين بسبب الهواتف") == []


QUOTED_REPORTS = [
    pytest.param(
        "ورأى الوزير «أن قضية النفايات فنية قبل أن تكون سياسية».",
        ("direct", "أن قضية النفايات فنية قبل أن تكون سياسية"),
        id="a quotation opening with أن after a risky verb",
    ),
    pytest.param(
        "وانتقد الوزير ما وصفه بـ«تدخلات سافرة» في شؤون بلاده.",
        ("direct", "تدخلات سافرة"),
        id="the speaker's own word after وصفه بـ",
    ),
    pytest.param(
        "وتابع «الأسواق الخليجية تضع سقفا لأعداد العمالة الوافدة».",
        ("direct", "الأسواق الخليجية تضع سقفا لأعداد العمالة الوافدة"),
        id="a long quotation right after وتابع",
    ),
]


@pytest.mark.parametrize(("text", "found"), QUOTED_REPORTS)
def test_quotations_after_risky_verbs(text: str, found: tuple[str, str]) -> None:
    assert found in _contents(text)


def test_a_headline_named_by_a_one_word_organisation() -> None:
    text = (
        "حماس: التوصل إلى اتفاق لوقف إطلاق النار في غزة\n\nقال متحدث باسم الحركة إن الاتفاق صامد."
    )
    assert ("indirect", "التوصل إلى اتفاق لوقف إطلاق النار في غزة") in _contents(text)


def test_a_one_word_domain_before_a_colon_is_a_label() -> None:
    assert quoteattr.extract("الدفاع: إسقاط طائرة مسيرة فوق الحدود\n\nنص الخبر.") == []


def test_a_headline_speaker_about_a_topic() -> None:
    text = (
        "العتيبي عن «تأجيل» المشروع: قرار مؤسف\n\n"
        "قال وزير الإسكان سالم العتيبي إن تأجيل المشروع قرار مؤسف."
    )
    assert ("indirect", "قرار مؤسف") in _contents(text)


def test_a_quoted_clause_followed_by_a_comma_is_direct() -> None:
    text = "وقال البيان إن «التصعيد الأخير يهدد الهدنة في القطاع»، متهما أطرافا خارجية بإشعاله."
    assert _contents(text)[0] == ("direct", "التصعيد الأخير يهدد الهدنة في القطاع")


def test_a_comma_and_a_risky_verb_with_an_open_a_new_statement() -> None:
    text = "وقال الوزير إن العلاقات ممتازة، واعتبر أن الزيارة ناجحة."
    assert [c for _, c in _contents(text)] == ["العلاقات ممتازة", "الزيارة ناجحة"]


def test_read_also_links_are_not_statements() -> None:
    # Folded, the imperative اقرأ ("read") is the dual of أقر ("the two acknowledged").
    assert quoteattr.extract("اقرأ: (الهيئة تفتتح معرضها السنوي في الرياض)") == []


def test_a_time_is_no_colon_that_opens_content() -> None:
    # "18:44" after a report verb: a time, not a colon (the report has no content here).
    assert quoteattr.extract("وورد بلاغ إلى غرفة العمليات الساعة 18:44 مساء الخميس.") == []


def test_a_time_inside_the_clause_before_according_to() -> None:
    text = "تبدأ الهدنة عند الساعة (11:59) مساء الأحد، وفقا لما ورد في بيان التحالف."
    assert _contents(text) == [("indirect", "تبدأ الهدنة عند الساعة (11:59) مساء الأحد")]
