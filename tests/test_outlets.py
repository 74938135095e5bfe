"""Outlets a statement was cited through or reached (issue 9), and words that only look like them.

Every sentence is invented, in the style of the news the rules are for.
"""

from __future__ import annotations

import pytest

import quoteattr


def _sources(text: str) -> list[list[str]]:
    return [[source.name for source in a.sources] for a in quoteattr.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the interviewer and the phone call
        ("وأكد الوزير في مقابلة مع «العربية» أن المفاوضات متعثرة.", [["Al Arabiya"]]),
        ("وقال المحافظ في اتصال هاتفي مع بي بي سي إن الطرق مغلقة.", [["BBC"]]),
        ("وأوضح المدرب في حوار مع «عكاظ» أن الفريق جاهز.", [["Okaz"]]),
        # a statement an outlet received
        (
            "وقالت الحركة في رسالة تلقت وكالة رويترز نسخة منها إن الأسرى بخير.",
            [["Reuters"]],
        ),
        # the addressee named by its type noun only: the outlet named before
        (
            "نشرت صحيفة «الوطن» تقريرا عن المياه. وقال مدير الشركة للصحيفة إن الضخ عاد.",
            [["Al-Watan"]],
        ),
        (
            "بثت شبكة سي إن إن التقرير. وقال السفير للشبكة إن بلاده لن تتراجع.",
            [["CNN"]],
        ),
        # an outlet that speaks, and الوكالة speaking after it
        (
            "ذكرت وكالة رويترز أن الوفد وصل. وأضافت الوكالة أن الاجتماع بدأ.",
            [["Reuters"], ["Reuters"]],
        ),
        # an outlet that aired or conducted it, and a known outlet after في
        ("وأكد الوزير في مقابلة بثها التلفزيون السعودي أن الموسم بدأ.", [["Saudi TV"]]),
        ("وقال المدرب في حوار أجرته «عكاظ» إن الفريق جاهز.", [["Okaz"]]),
        ("وقال الخبير في صحيفة «الوطن» إن الأسعار سترتفع.", [["Al-Watan"]]),
        # described outlets
        ("وذكرت وكالة الأنباء الرسمية الكويتية أن الوفد وصل.", [["Kuwait News Agency"]]),
        ("وقالت وكالة أنباء فارس شبه الرسمية إن الوفد وصل.", [["Fars"]]),
        ("وأفاد التلفزيون الرسمي السوري بأن الطرق فتحت.", [["Syrian TV"]]),
        ("وأعلن الوزير أن الوفد وصل، حسبما قال التلفزيون التركي.", [["Turkish TV"]]),
    ],
)
def test_outlets_reached_or_described_are_sources(text: str, expected: list[list[str]]) -> None:
    assert _sources(text) == expected


def test_the_interviewer_serves_the_dropped_subject_of_its_sentence_only() -> None:
    same = "وأشار الوزير في مقابلة مع «العربية» إلى أن الحل قريب، وأكد أن الحوار مستمر."
    assert _sources(same) == [["Al Arabiya"], ["Al Arabiya"]]
    next_sentence = "وقال الوزير في مقابلة مع «العربية» إن الحل قريب. وأضاف أن الحوار مستمر."
    assert _sources(next_sentence) == [["Al Arabiya"], []]


@pytest.mark.parametrize(
    "text",
    [
        "وقال الوزير في لقاء مع الطلاب إن الامتحانات في موعدها.",
        "وقال المدرب في الجزيرة العربية إن الموسم بدأ.",
        "وأفادت دراسة نشرت أمس في مجلة «آفاق علمية» أن الحرارة سترتفع.",
        "وقالت وكالة ناسا إن المسبار وصل إلى المريخ.",
        "وقالت وكالة موديز إن التصنيف مستقر.",
        "نقلت رويترز الخبر. وقالت الوكالة الدولية للطاقة الذرية إن المفتشين وصلوا.",
        "نشرت سانا الخبر. وأفادت الشبكة السورية لحقوق الإنسان بأن القصف استمر.",
        "يستخدم التطبيق ملياري شخص، بحسب فيسبوك.",
        "وكتب الوزير في تغريدة على تويتر أن الاجتماع مثمر، وقال لاحقا إن الحل قريب.",
    ],
)
def test_bodies_platforms_and_meetings_are_no_sources(text: str) -> None:
    found = quoteattr.extract(text)
    assert found, "the statement itself is still found"
    assert all(a.sources == () for a in found)


def test_a_platform_that_speaks_is_the_company() -> None:
    [found] = quoteattr.extract("يستخدم التطبيق ملياري شخص، بحسب فيسبوك.")
    assert found.speaker is not None
    assert (found.speaker.name, found.speaker.kind.value) == ("فيسبوك", "organization")


@pytest.mark.parametrize(
    ("text", "speaker", "sources"),
    [
        # a quoted outlet right after the verb speaks, and relays after عن
        ("علمت «عكاظ» أن الوزارة ستعلن القرار.", "«عكاظ»", ["Okaz"]),
        ("وعلمت «الوطن» من مصادر مطلعة أن الوزارة ستعلن القرار.", "«الوطن»", ["Al-Watan"]),
        ("ونقلت «فرانس برس» عن الوزير قوله: «سنواصل العمل».", "الوزير", ["AFP"]),
        # a quoted name after an outlet is that outlet again, not the speaker
        (
            "وقال المدير إن العمل بدأ. وأضاف في تصريح نشرته وكالة الأنباء اليمنية «سبأ» "
            "أن المستشفيات مدمرة.",
            "المدير",
            ["Saba"],
        ),
        # coordinated outlets, the first with its adjective
        (
            "وبحسب قناة «الجزيرة» الفضائية وصحيفة «الحياة» فإن المفاوضات متعثرة.",
            "قناة «الجزيرة»",
            ["Al Jazeera", "Al-Hayat"],
        ),
    ],
)
def test_outlets_that_speak_or_relay(text: str, speaker: str, sources: list[str]) -> None:
    last = quoteattr.extract(text)[-1]
    assert last.speaker is not None
    assert last.speaker.span.text == speaker
    assert [source.name for source in last.sources] == sources


@pytest.mark.parametrize(
    ("text", "speaker", "sources"),
    [
        # the outlet's nationality and "للأنباء" stand between it and عن
        (
            "ونقلت وكالة «سبوتنيك» الروسية للأنباء عن نائب وزير الدفاع قوله إن التدريبات انتهت.",
            "نائب وزير الدفاع",
            ["Sputnik"],
        ),
        (
            "ونقلت صحيفة «الغارديان» البريطانية عن مسؤول حكومي قوله: «لن نتراجع».",
            "مسؤول حكومي",
            ["The Guardian"],
        ),
        (
            "نقلت وكالة يونهاب الكورية الجنوبية عن وزارة الخارجية أن الوفد سيصل غدا.",
            "وزارة الخارجية",
            ["Yonhap"],
        ),
        # a descriptive agency name, then its own short name in quotes
        (
            "ونقلت وكالة الأنباء اليمنية الرسمية «سبأ» عن مصدر حكومي قوله إن الوفد سيصل غدا.",
            "مصدر حكومي",
            ["Saba"],
        ),
    ],
)
def test_an_outlet_described_after_its_name_still_relays(
    text: str, speaker: str, sources: list[str]
) -> None:
    [found] = quoteattr.extract(text)
    assert found.speaker is not None
    assert found.speaker.span.text == speaker
    assert [source.name for source in found.sources] == sources


@pytest.mark.parametrize(
    ("text", "speaker", "sources", "content"),
    [
        # a long subject kept the verb from its أن; the phrase sits between them
        (
            "وذكرت صحيفة «الحياة» الصادرة في لندن صباح أمس الأربعاء وإذاعتان محليتان في "
            "شمال البلاد وجنوبها استنادا إلى موقع «ويكيليكس» أن السفارة راقبت الاتصالات.",
            "صحيفة «الحياة»",
            ["Al-Hayat", "WikiLeaks"],
            "السفارة راقبت الاتصالات",
        ),
        (
            "وأوضحت الهيئة وفقا لما ذكرت وكالة الأنباء السعودية، أن الإنتاج ارتفع.",
            "الهيئة",
            ["Saudi Press Agency"],
            "الإنتاج ارتفع",
        ),
    ],
)
def test_an_according_to_phrase_between_a_verb_and_its_an(
    text: str, speaker: str, sources: list[str], content: str
) -> None:
    [found] = quoteattr.extract(text)
    assert found.content.text == content
    assert found.speaker is not None
    assert found.speaker.span.text == speaker
    assert [source.name for source in found.sources] == sources
    assert found.cue is not None
    assert found.cue.span.text in ("وذكرت", "وأوضحت")


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # a time word between the verb that carried the statement and the outlet
        ("وقال المجلس في بيان نشرته اليوم وكالة رويترز: إن الحصار مستمر.", ["Reuters"]),
        ("وأفادت مصادر محلية في تصريح بثته أمس وكالة الأنباء اليمنية، بأن القتال توقف.", ["Saba"]),
        ("وقالت الهيئة في بيان بثته مساء الاثنين وكالة رويترز إن الرحلات ستستأنف.", ["Reuters"]),
    ],
)
def test_the_outlet_that_carried_a_statement_after_a_time_word(
    text: str, sources: list[str]
) -> None:
    [found] = quoteattr.extract(text)
    assert [source.name for source in found.sources] == sources


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        (
            "وقال الوزير إن القوات تقدمت، مشيرا في تصريحات بثتها وكالة رويترز إلى أن "
            "الجيش سيطر على المطار.",
            [[], ["Reuters"]],
        ),
        (
            "ودافع الرئيس عن الاتفاق، مؤكدا في كلمة بثها التلفزيون الإيراني أن الاتفاق تاريخي.",
            [["Iranian TV"]],
        ),
    ],
)
def test_a_participle_with_the_outlet_that_carried_its_statement(
    text: str, sources: list[list[str]]
) -> None:
    assert _sources(text) == sources


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        (
            "وأوضح التقرير السنوي للهيئة الصادر أمس وتلقت وكالة الأنباء السعودية «واس» "
            "نسخة منه، أن الصادرات ارتفعت.",
            ["Saudi Press Agency"],
        ),
        ("وقال المدير في بيان وزعه أمس وحصلت «عكاظ» على نسخة منه، إن المشروع اكتمل.", ["Okaz"]),
        # a new clause: the agency received something, not this statement
        ("وأكد الوزير أن الحل قريب وتلقت وكالة رويترز رسالة من الوزارة.", []),
    ],
)
def test_an_outlet_that_received_a_copy_after_and(text: str, sources: list[str]) -> None:
    assert _sources(text)[0] == sources


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("وقال أحد السكان لرويترز عبر الهاتف قائلا إن الانفجار كان هائلا.", [["Reuters"]]),
        ("وصرح الوزير لقناة «العربية» الفضائية قائلا: «سنتصدى للهجمات».", [["Al Arabiya"]]),
        ("ويعلق المدرب سالم الحربي في البي بي سي قائلا: «الفريق لم يستحق الفوز».", [["BBC"]]),
        # a verb that is no speech verb reaches nobody for the participle
        ("وزار الوزير مكتب رويترز في المدينة قائلا إن الصحافة حرة.", [[]]),
    ],
)
def test_a_participle_after_a_verb_that_said_nothing_itself(
    text: str, sources: list[list[str]]
) -> None:
    assert _sources(text) == sources


def test_the_site_that_speaks_is_the_website_named_before() -> None:
    text = (
        "وكشف موقع «ويكيليكس» أن الوكالة تجسست على الوزارة. وذكرت صحيفة «الحياة» أن "
        "الوزارة احتجت. وأشار الموقع إلى أن التجسس بدأ قبل عقدين."
    )
    assert _sources(text) == [["WikiLeaks"], ["Al-Hayat"], ["WikiLeaks"]]


def test_the_site_as_an_object_is_no_outlet() -> None:
    assert _sources("وزار الوزير الموقع وقال إن العمل سيكتمل.") == [[]]


def test_what_describes_the_carrying_outlet_is_no_speaker() -> None:
    text = (
        "قال وزير النقل إن الميناء سيفتح. وأضاف في تصريح بثته وكالة الأنباء اليمنية "
        "التابعة للحكومة، إن السفن وصلت."
    )
    first, second = quoteattr.extract(text)
    assert second.speaker is not None
    assert second.speaker.name == first.speaker.name
    assert [source.name for source in second.sources] == ["Saba"]


def test_media_that_only_published_an_interview_do_not_speak() -> None:
    text = "قال المدرب إن الفريق جاهز. وأضاف في مقابلة نشرتها بعض الصحف المحلية: «سنفوز»."
    first, second = quoteattr.extract(text)
    assert second.speaker is not None
    assert second.speaker.name == first.speaker.name


def test_according_to_an_outlet_then_a_colon_and_a_short_quote() -> None:
    [found] = quoteattr.extract("بحسب رويترز: «المفاوضات متعثرة».")
    assert (found.kind.value, found.content.text) == ("direct", "المفاوضات متعثرة")
    assert [source.name for source in found.sources] == ["Reuters"]


@pytest.mark.parametrize(
    "text",
    [
        "وقال المدرب في البي بي سي إن الفريق لم يستحق الفوز.",
        "وبحسب البي بي سي، قال المدرب إن الفريق لم يستحق الفوز.",
        "وخسر الفريق مباراته الثالثة على التوالي، بحسب البي بي سي.",
    ],
)
def test_the_bbc_with_the_article(text: str) -> None:
    # "البي بي سي" is written with the article as often as without it in Gulf papers.
    [found] = quoteattr.extract(text)
    assert [source.name for source in found.sources] == ["BBC"]


@pytest.mark.parametrize(
    "text",
    [
        "تأجلت المباراة إلى الأسبوع المقبل، وذلك بحسب رويترز.",
        "تأجلت المباراة إلى الأسبوع المقبل. وذلك بحسب رويترز.",
        "تأجلت المباراة إلى الأسبوع المقبل وذلك وفقا لوكالة رويترز.",
    ],
)
def test_a_demonstrative_before_according_to_points_at_the_clause_before(text: str) -> None:
    [found] = quoteattr.extract(text)
    assert found.content.text == "تأجلت المباراة إلى الأسبوع المقبل"
    assert [source.name for source in found.sources] == ["Reuters"]


def test_a_demonstrative_that_is_the_verbs_subject_stays() -> None:
    [found] = quoteattr.extract("جاء ذلك، وفقا لوكالة رويترز، بعد اجتماع طويل.")
    assert found.content.text != "جاء"


def test_a_postposed_outlet_does_not_become_the_dropped_subject() -> None:
    text = "وقال الوزير إن الحل قريب. وأضاف أن المفاوضات متعثرة، بحسب رويترز."
    first, second = quoteattr.extract(text)
    assert second.speaker is not None
    assert second.speaker.name == first.speaker.name
    assert [source.name for source in second.sources] == ["Reuters"]


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # the outlet the source of an according-to phrase spoke to
        ("وأدين المتهم بالتجسس، وفق ما أفاد المحامي سامي العلي لوكالة رويترز.", ["Reuters"]),
        ("وبحسب ما قال مدير الشرطة لـ«عكاظ»، فإن الجناة فروا.", ["Okaz"]),
        # past a name part the mention left out
        (
            "وأدين المتهم بالتجسس، وفق ما أفاد المحامي أبو بكر الصديق همايلي لوكالة رويترز.",
            ["Reuters"],
        ),
        ("وبحسب مصادر مالية تحدثت لـ«الشرق الأوسط»، فإن الطرح سيتأخر.", ["Asharq Al-Awsat"]),
        # an agency the lexicon does not know, named by its country: the description
        ("وذكرت وكالة الأنباء الموريتانية أن الوفد وصل.", ["وكالة الانباء الموريتانية"]),
        ("وذكرت وكالة أنباء الجمهورية الإسلامية أن الوفد وصل.", ["IRNA"]),
    ],
)
def test_according_to_addressees_and_unknown_agencies(text: str, sources: list[str]) -> None:
    [found] = quoteattr.extract(text)
    assert [source.name for source in found.sources] == sources


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("وذكرت وكالة الأنباء الرسمية (سانا) أن الوفد وصل.", ["SANA"]),
        ("وأفادت وكالة الأنباء الرسمية السودانية (سونا) بأن الوفد وصل.", ["Sudan News Agency"]),
        # without the brackets the description as written stays the name
        (
            "وأفادت وكالة الأنباء السودانية الرسمية بأن الوفد وصل.",
            ["وكالة الانباء السودانية الرسمية"],
        ),
    ],
)
def test_a_described_agency_named_in_brackets(text: str, sources: list[str]) -> None:
    [found] = quoteattr.extract(text)
    assert [source.name for source in found.sources] == sources


def test_the_official_agency_without_a_country_is_the_one_named_before() -> None:
    text = (
        "قالت وكالة تونس الرسمية للأنباء إن الوفد وصل. "
        "ونقلت وكالة الأنباء الرسمية عن مصدر قوله إن العلاقات عادت."
    )
    assert _sources(text) == [["Tunis Afrique Presse"], ["Tunis Afrique Presse"]]


def test_an_outlet_speaker_found_in_an_earlier_sentence_is_no_source() -> None:
    # The guidelines: follow-up sentences do not inherit the outlet; a dropped
    # subject resolved to an outlet two sentences back is a guess, not a citation.
    text = "ذكرت وكالة رويترز أن الوفد وصل. وأضافت أن الاجتماع بدأ."
    assert _sources(text) == [["Reuters"], []]


@pytest.mark.parametrize(
    ("text", "speaker", "sources"),
    [
        ("رئيس الصندوق للعربية: الأسواق ستتعافى قريبا", "رئيس الصندوق", ["Al Arabiya"]),
        ("OPEC لرويترز: الإنتاج سيرتفع الشهر المقبل", "OPEC", ["Reuters"]),
        ("وزير النقل لـ«عكاظ»: الطريق يفتتح قبل الصيف", "وزير النقل", ["Okaz"]),
    ],
)
def test_a_headline_given_to_an_outlet(text: str, speaker: str, sources: list[str]) -> None:
    (attribution,) = quoteattr.extract(text)
    assert attribution.speaker is not None
    assert attribution.speaker.span.text == speaker
    assert [s.name for s in attribution.sources] == sources


def test_a_headline_addressed_to_no_outlet_has_no_source() -> None:
    (attribution,) = quoteattr.extract("وزير الخارجية للسفراء: الحوار هو الطريق الوحيد")
    assert attribution.sources == ()
    assert attribution.addressee is not None
    assert attribution.addressee.text == "للسفراء"


@pytest.mark.parametrize(
    ("text", "sources", "content"),
    [
        (
            "ارتفعت أسعار المساكن، حسب الدراسة التي سلطت عليها الضوء صحيفة «الغارديان».",
            ["The Guardian"],
            "ارتفعت أسعار المساكن",
        ),
        (
            "وبحسب البيان الذي تلقته وكالة رويترز، فإن الشركة ستعلن نتائجها غدا.",
            ["Reuters"],
            "الشركة ستعلن نتائجها غدا",
        ),
        (
            "وحسب التقرير الذي أعده الخبراء فإن الصادرات تراجعت.",
            [],
            None,
        ),
    ],
)
def test_the_outlet_that_published_a_document_source(
    text: str, sources: list[str], content: str | None
) -> None:
    (attribution,) = quoteattr.extract(text)
    assert [s.name for s in attribution.sources] == sources
    if content is not None:
        assert attribution.content.text == content


@pytest.mark.parametrize(
    ("text", "speaker", "sources"),
    [
        (
            "وقال المحافظ إن الطرق مغلقة. ونقلت صحيفة «الوطن» عن موظف لم تذكر اسمه "
            "يعمل في الميناء منذ سنوات قوله: «الحريق كان كبيرا».",
            "موظف",
            ["Al-Watan"],
        ),
        (
            "ونقلت وكالة رويترز عن سائق لم يكشف عن هويته يقيم قرب الحدود قوله: «الطريق مغلق».",
            "سائق",
            ["Reuters"],
        ),
    ],
)
def test_the_one_a_relay_quotes_says_what_follows_qawluhu(
    text: str, speaker: str, sources: list[str]
) -> None:
    attribution = quoteattr.extract(text)[-1]
    assert attribution.speaker is not None
    assert attribution.speaker.span.text == speaker
    assert [s.name for s in attribution.sources] == sources


def test_qawluhu_without_a_relay_keeps_its_dropped_subject() -> None:
    text = "وقال المحافظ إن الطرق مغلقة. وأضاف في وقت لاحق قوله: «الوضع تحت السيطرة»."
    attribution = quoteattr.extract(text)[-1]
    assert attribution.sources == ()
