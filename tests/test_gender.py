"""Speaker gender: read from the cue, the title and the given name; none for bodies and groups.

Every sentence here is made up in the style of news copy.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from quoteattr import Gender, extract
from quoteattr.batch import DocumentResult
from quoteattr.brat import format_ann, parse_ann
from quoteattr.corpus import Document, GoldAttribution, loads
from quoteattr.gender import cue_gender
from quoteattr.model import Attribution, Kind, Span, Speaker, SpeakerKind
from quoteattr.normalize import normalize
from quoteattr.pipeline import link, read_document
from quoteattr.scoring import evaluate
from quoteattr.views import render_html, render_text, write_table

FEMALE, MALE = Gender.FEMALE, Gender.MALE


def genders(text: str) -> list[Gender | None]:
    """The gender of each attribution's speaker, in text order (``None`` also for no speaker)."""
    return [None if a.speaker is None else a.speaker.gender for a in extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("قالت الوزيرة إن الموازنة جاهزة.", [FEMALE], id="feminine-verb-and-title"),
        pytest.param("قال الوزير إن الموازنة جاهزة.", [MALE], id="masculine-verb-and-title"),
        pytest.param(
            "أعلنت المتحدثة باسم البلدية أن الطرق ستغلق، مضيفة أن العمل سيستمر أسبوعا.",
            [FEMALE, FEMALE],
            id="feminine-participle",
        ),
        pytest.param("الوزيرة: «الميزانية جاهزة»", [FEMALE], id="headline-title-alone"),
        pytest.param(
            "نادية الخطيب: «لن نتراجع عن الإصلاح»", [FEMALE], id="headline-given-name-alone"
        ),
        pytest.param("أبو سالم: «الأسعار ارتفعت كثيرا هذا العام»", [MALE], id="headline-father-of"),
        pytest.param(
            "أم سالم: «الأسعار ارتفعت كثيرا هذا العام»", [FEMALE], id="headline-mother-of"
        ),
        pytest.param(
            "قال المسؤول إن العمل مستمر. وقالت مسؤولة أخرى إن الخطة تأخرت.",
            [MALE, FEMALE],
            id="generic-officials",
        ),
        pytest.param(
            "وقالت وزيرة الصحة ميسون خالد إن اللقاحات وصلت.",
            [FEMALE],
            id="feminine-title-before-a-fathers-name",
        ),
    ],
)
def test_one_human_speaker_gets_the_gender_the_text_marks(
    text: str, expected: list[Gender | None]
) -> None:
    assert genders(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("وقالت وزارة الصحة إن اللقاحات وصلت.", id="ministry-feminine-verb"),
        pytest.param("أكدت مصر أن الحدود ستبقى مفتوحة.", id="country-feminine-verb"),
        pytest.param("قالت الدراسة إن الأسعار سترتفع.", id="document"),
        pytest.param("قالت مصادر مطلعة إن الاجتماع تأجل.", id="anonymous-plural"),
        pytest.param("وقال المحتجون إن مطالبهم واضحة.", id="plural-noun"),
        pytest.param("وقال الجانب إن المفاوضات مستمرة.", id="collective-party"),
        pytest.param("وذكرت وكالة رويترز أن الأسواق هادئة.", id="outlet"),
    ],
)
def test_a_speaker_that_is_not_one_human_has_no_gender(text: str) -> None:
    [found] = extract(text)
    assert found.speaker is not None, "the test wants a speaker to judge"
    assert found.speaker.gender is None


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        pytest.param(
            "وقال بيان صادر عن مديرة المستشفى إن الأجنحة الجديدة ستفتح الشهر المقبل.",
            "مديرة المستشفى",
            FEMALE,
            id="statement-issued-by-a-woman-masculine-verb",
        ),
        pytest.param(
            "وقالت رسالة صادرة باسم رئيس النادي إن المدرب باق حتى نهاية الموسم.",
            "رئيس النادي",
            MALE,
            id="letter-in-the-name-of-a-man-feminine-verb",
        ),
        pytest.param(
            "وأكد بيان صادر باسم المفتش العام للشرطة أن التحقيق مستمر، "
            "مشيرا إلى أن الموقوفين ثلاثة.",
            "المفتش العام للشرطة",
            MALE,
            id="statement-in-the-name-of-the-inspector-general",
        ),
    ],
)
def test_a_document_issued_by_a_person_speaks_for_that_person(
    text: str, name: str, expected: Gender
) -> None:
    # The verb agrees with the document (قال بيان، قالت رسالة), not with its issuer.
    found = extract(text)
    assert [(a.speaker.name, a.speaker.kind, a.speaker.gender) for a in found if a.speaker] == [
        (name, SpeakerKind.PERSON, expected)
    ] * len(found)


def test_a_statement_issued_by_a_body_stays_a_document_without_gender() -> None:
    [found] = extract("وقال بيان صادر عن وزارة الصحة إن اللقاحات وصلت.")
    assert found.speaker is not None
    assert (found.speaker.name, found.speaker.gender) == ("بيان", None)


def test_dropped_subjects_take_the_gender_of_their_own_cue() -> None:
    text = (
        "قال الوزير خالد منصور إن الحوار مستمر. وأضافت سلمى حداد أن الحل قريب. "
        "وأضاف أن الاتفاق جاهز."
    )
    found = extract(text)
    assert [(a.speaker.name, a.speaker.gender) for a in found if a.speaker] == [
        ("خالد منصور", MALE),
        ("سلمى حداد", FEMALE),
        ("خالد منصور", MALE),
    ]


def test_a_feminine_cue_against_a_masculine_antecedent_gives_no_gender() -> None:
    # "مضيفة" continues the sentence of a man: the link or the text is wrong, the gender unknown.
    text = "قال المدير سامر يوسف إن المصنع سيفتح، مضيفة أن الإنتاج يبدأ في الربيع."
    first, second = extract(text)
    assert first.speaker is not None
    assert first.speaker.gender is MALE
    assert second.speaker is not None
    assert second.speaker.name == "سامر يوسف"
    assert second.speaker.gender is None


def test_a_title_alone_takes_the_gender_of_the_person_it_stands_for() -> None:
    text = "قالت رئيسة البلدية منى سعيد إن الحدائق ستفتح. وقالت رئيسة البلدية إن الصيانة انتهت."
    assert genders(text) == [FEMALE, FEMALE]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "ونقلت الصحيفة عن موظفة في المصرف قولها إن الرواتب ستصرف غدا.",
            FEMALE,
            id="relay-verb-feminine-verbal-noun",
        ),
        pytest.param(
            "ونقلت الصحيفة عن موظف في المصرف قوله إن الرواتب ستصرف غدا.",
            MALE,
            id="relay-verb-masculine-verbal-noun",
        ),
        pytest.param(
            "ونقلت وكالة رويترز عن مسؤول في الوزارة لم تذكر اسمه قوله إن الرواتب ستصرف غدا.",
            MALE,
            id="relay-verb-anonymous-official",
        ),
        pytest.param(
            "ونقلت صحيفة «الحياة» اللندنية عن مسؤولة في الوزارة قولها إن الرواتب ستصرف غدا.",
            FEMALE,
            id="relay-by-an-outlet-with-its-adjective",
        ),
        pytest.param(
            "ونقلت وكالة الأنباء الكويتية «كونا» عن مسؤولة في الوزارة قولها إن الرواتب ستصرف غدا.",
            FEMALE,
            id="relay-by-an-agency-with-its-quoted-short-name",
        ),
    ],
)
def test_a_relayed_statement_takes_the_gender_of_its_verbal_noun(
    text: str, expected: Gender
) -> None:
    # "نقلت" agrees with the paper that relays; قوله / قولها with the one quoted after عن.
    assert genders(text) == [expected]


def test_a_phrase_cue_says_nothing_of_the_gender() -> None:
    # "في تصريح صحفي" has no pronoun: it is no masculine verb.
    text = normalize("المصدر، في تصريح صحفي، أن الخطة جاهزة.").text
    drafts = link(read_document(text)).drafts
    assert [d.verb.tense for d in drafts if d.verb] == ["noun"]
    assert [cue_gender(d) for d in drafts] == [None]


def test_a_surname_alone_takes_the_gender_of_the_full_name() -> None:
    text = "المنصوري: «لن نرفع الأسعار»\n\nأكد وزير الطاقة سالم المنصوري أن الأسعار ستبقى كما هي."
    found = extract(text)
    assert [(a.rule, a.speaker.gender) for a in found if a.speaker] == [
        ("headline", MALE),
        ("verb_an", MALE),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "الزعابي: «الموسم سيبدأ في موعده»\n\n"
            "قال فالح الزعابي، رئيس النادي، إن الاستعدادات اكتملت.",
            MALE,
            id="male-given-name",
        ),
        pytest.param(
            "الشمري: «لن نغلق المدارس»\n\n"
            "أعلنت لمياء الشمري، مديرة التعليم في المنطقة، أن الدراسة مستمرة.",
            FEMALE,
            id="female-given-name",
        ),
    ],
)
def test_a_headline_surname_takes_the_gender_of_the_given_name_below(
    text: str, expected: Gender
) -> None:
    # The given names come from first_names.tsv; a headline speaker is read only when known.
    found = extract(text)
    assert [(a.rule, a.speaker.gender) for a in found if a.speaker] == [
        ("headline", expected),
        ("verb_an", expected),
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("وتشير خطط المصنع إلى أن الإنتاج سيرتفع.", id="plans-point-out"),
        pytest.param("وتطالب شركات النقل بأن تخفض الرسوم.", id="companies-demand"),
        pytest.param("وتقول لانجر إن الأطفال يتعلمون بسرعة.", id="unknown-surname-alone"),
    ],
)
def test_a_present_feminine_verb_alone_gives_no_gender(text: str) -> None:
    # "تشير" is also "you point out" and the verb of things and plurals.
    [found] = extract(text)
    assert found.speaker is not None, "the test wants a speaker to judge"
    assert found.speaker.gender is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("وتقول سارة إن الأطفال يتعلمون بسرعة.", id="given-name"),
        pytest.param("وتقول الوزيرة إن الأطفال يتعلمون بسرعة.", id="title"),
        pytest.param(
            "وقالت لانجر إن الأطفال يتعلمون بسرعة. وتضيف أن اللعب مهم.",
            id="earlier-feminine-cue",
        ),
    ],
)
def test_a_present_feminine_verb_with_support_is_a_woman(text: str) -> None:
    assert set(genders(text)) == {FEMALE}


def test_a_feminine_verb_against_a_masculine_full_name_gives_no_gender() -> None:
    # "وقالت حداد" after "سامر حداد": another Haddad, or a wrong link; not a woman named Samer.
    text = "استقبل الوزير سامر حداد الوفد أمس. وقالت حداد إن المحادثات مثمرة."
    [found] = extract(text)
    assert found.speaker is not None
    assert found.speaker.name == "سامر حداد"
    assert found.speaker.gender is None


def test_gender_survives_to_dict_and_from_dict() -> None:
    [found] = extract("قالت الوزيرة إن الموازنة جاهزة.")
    data = json.loads(json.dumps(found.to_dict(), ensure_ascii=False))
    assert data["speaker"]["gender"] == "female"
    assert Attribution.from_dict(data) == found
    del data["speaker"]["gender"]  # records written before genders existed still read
    assert Attribution.from_dict(data).speaker.gender is None


TEXT = "قالت الوزيرة ليلى حداد: «الوضع مستقر»."
MINISTER = Span.of(TEXT, 5, 22)
QUOTE = Span.of(TEXT, TEXT.index("الوضع"), TEXT.index("»"))


def said(gender: Gender | None) -> Attribution:
    speaker = Speaker(MINISTER, "ليلى حداد", SpeakerKind.PERSON, gender)
    return Attribution(QUOTE, Kind.DIRECT, speaker=speaker)


def gold(gender: Gender | None) -> GoldAttribution:
    return GoldAttribution(
        QUOTE, Kind.DIRECT, speaker=MINISTER, speaker_name="ليلى حداد", speaker_gender=gender
    )


def test_the_gold_format_reads_and_writes_gender() -> None:
    document = Document("d1", TEXT, [gold(FEMALE)])
    [line] = [json.dumps(document.to_json(), ensure_ascii=False)]
    assert json.loads(line)["attributions"][0]["speaker_gender"] == "female"
    assert loads(line) == [document]
    assert GoldAttribution.from_attribution(said(FEMALE)).speaker_gender is FEMALE


def test_brat_carries_gender_both_ways() -> None:
    document = Document("d1", TEXT, [gold(FEMALE)])
    ann = format_ann(document)
    assert "SpeakerGender T2 female" in ann
    assert parse_ann("d1", TEXT, ann) == document


def test_evaluation_scores_gender_among_matches_with_a_gendered_gold_speaker() -> None:
    expected = [Document("d1", TEXT, [gold(FEMALE)])]
    right = evaluate(expected, [Document("d1", TEXT, [gold(FEMALE)])])
    wrong = evaluate(expected, [Document("d1", TEXT, [gold(None)])])
    ungendered = evaluate([Document("d1", TEXT, [gold(None)])], expected)
    assert (right.gender.right, right.gender.total) == (1, 1)
    assert (wrong.gender.right, wrong.gender.total) == (0, 1)
    assert ungendered.gender.total == 0
    assert "speaker gender" in right.format_table()
    assert right.to_dict()["gender"]["accuracy"] == 1.0


def test_every_view_shows_the_gender() -> None:
    result = DocumentResult("d1", TEXT, [said(FEMALE)])
    assert "(person, female)" in render_text(TEXT, [said(FEMALE)], title="d1")
    assert "person, female" in render_html(TEXT, [said(FEMALE)], title="d1")
    stream = io.StringIO()
    write_table([result], stream, delimiter=",")
    [row] = csv.DictReader(io.StringIO(stream.getvalue()))
    assert row["speaker_gender"] == "female"


def test_the_gold_schema_names_the_genders() -> None:
    from quoteattr.corpus import schema

    attribution = schema()["$defs"]["attribution"]["properties"]
    assert attribution["speaker_gender"]["enum"] == ["female", "male", None]


def test_the_packaged_titles_mark_feminine_heads() -> None:
    titles = Path(__file__).resolve().parents[1] / "src/quoteattr/lexicons/titles.tsv"
    with titles.open(encoding="utf-8") as lines:
        rows = {
            row["title"]: row["gender"]
            for row in csv.DictReader(
                (line for line in lines if not line.startswith("#")), delimiter="\t"
            )
        }
    for feminine in ("الوزيرة", "المتحدثة", "مسؤولة", "المسؤولة", "الضابطة"):
        assert rows.get(feminine) == "f", feminine


def test_what_a_mention_says_of_itself_depends_on_the_fields_tell_genders_keys_it_by() -> None:
    """tell_genders reads a mention's own gender and issuer once for its start, name start,
    gender and head class: the other fields of the mention change neither answer."""
    from attrs import evolve

    from quoteattr.gender import _issued, mention_gender

    golden = Path(__file__).parents[1] / "src" / "quoteattr" / "golden"
    checked = 0
    for name in ("seed.jsonl", "synthetic.jsonl"):
        for line in (golden / name).read_text(encoding="utf-8").splitlines():
            linking = link(read_document(normalize(json.loads(line)["text"]).text))
            for draft in linking.drafts:
                mention = draft.speaker
                if mention is None:
                    continue
                said = (mention_gender(linking, mention), _issued(linking, mention))
                for other in (
                    evolve(mention, end=mention.end + 1, name_end=mention.name_end + 1),
                    evolve(mention, kind="unknown", outlet="X", lead=mention.lead + 1),
                ):
                    assert (mention_gender(linking, other), _issued(linking, other)) == said
                checked += 1
    assert checked > 100
