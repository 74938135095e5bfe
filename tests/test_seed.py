"""The user's seed article: all twelve attributions, with their cues, speakers and sources."""

from __future__ import annotations

from pathlib import Path

import pytest

import quoteattr
from quoteattr import Kind, SpeakerKind

SEED = Path(__file__).parents[1] / "seeds" / "000_2d0d44ca72966377.txt"

# (kind, cue text, speaker span text, speaker name, speaker kind, sources,
#  how the content starts, how it ends)
EXPECTED = [
    (
        "mixed",
        "ويؤكد",
        "المتحدث باسم الكرملين دميتري بيسكوف",
        "دميتري بيسكوف",
        "person",
        [],
        "الاتصال الذي جاء “بمبادرة",
        "لتوضيح مواقف الطرفين",
    ),
    (
        "mixed",
        "مشيرا",
        "المتحدث باسم الكرملين دميتري بيسكوف",
        "دميتري بيسكوف",
        "person",
        [],
        "بوتين “أكد مرارا",
        "استعداده للحوار”",
    ),
    (
        "indirect",
        None,
        "زاخاروفا",
        "ماريا زاخاروفا",
        "person",
        [],
        "علقو على اتصال حليفكم",
        "علقو على اتصال حليفكم",
    ),
    (
        "indirect",
        "دعت",
        "المتحدثة باسم الخارجية الروسية ماريا زاخاروفا",
        "ماريا زاخاروفا",
        "person",
        [],
        "دول “الناتو” والاتحاد",
        "على المحادثة التليفونية",
    ),
    (
        "direct",
        "وقالت",
        "المتحدثة باسم الخارجية الروسية ماريا زاخاروفا",
        "ماريا زاخاروفا",
        "person",
        [],
        "هل أنذرهم حليفهم",
        "بأنه سيتصل",
    ),
    (
        "direct",
        "وقالت",
        "المتحدثة باسم الخارجية الروسية ماريا زاخاروفا",
        "ماريا زاخاروفا",
        "person",
        [],
        "لقد تحدثوا خلال قمتي",
        "فليتناقشوا",
    ),
    (
        "indirect",
        "وفقا",
        "وكالة “نوفوستي”",
        "نوفوستي",
        "outlet",
        ["RIA Novosti"],
        "حيث لم يتحدث الزعيمان",
        "لمدة 1024 يوما",
    ),
    (
        "indirect",
        "وتكشف",
        "وكالة “بلومبرغ”",
        "بلومبرغ",
        "outlet",
        ["Bloomberg"],
        "ماكرون تواصل مع",
        "والتي دامت قرابة الساعتين",
    ),
    (
        "indirect",
        "أبلغ",
        "ماكرون",
        "ايمانويل ماكرون",
        "person",
        ["Bloomberg"],
        "موقف بوتين بشأن أوكرانيا لم يتغير",
        "موقف بوتين بشأن أوكرانيا لم يتغير",
    ),
    (
        "indirect",
        "اعلنت",
        "وزارة الخارجية الأوكرانية",
        "وزارة الخارجية الأوكرانية",
        "organization",
        [],
        "استدعاء القائم بالأعمال",
        "بما في ذلك صواريخ “باتريوت”",
    ),
    (
        "indirect",
        "أكد",
        "الجانب الأوكراني",
        "الجانب الأوكراني",
        "organization",
        [],
        "أي تأخير أو تردد",
        "بدلا من السعي للسلام",
    ),
    (
        "indirect",
        "أفادت",
        "تقارير اعلامية",
        "تقارير اعلامية",
        "anonymous",
        [],
        "واشنطن ستعلق توريد",
        "وبعض الأسلحة الأخرى إلى كييف",
    ),
]


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[quoteattr.Attribution]]:
    text = SEED.read_text(encoding="utf-8")
    return text, quoteattr.extract(text)


def test_seed_has_exactly_twelve_attributions(
    seed: tuple[str, list[quoteattr.Attribution]],
) -> None:
    _, found = seed
    assert len(found) == len(EXPECTED), [a.content.text[:30] for a in found]
    for attribution, row in zip(found, EXPECTED, strict=False):
        assert attribution.content.text.startswith(row[6])


@pytest.mark.parametrize("number", range(1, len(EXPECTED) + 1))
def test_seed_attribution(seed: tuple[str, list[quoteattr.Attribution]], number: int) -> None:
    text, found = seed
    kind, cue, speaker_text, name, speaker_kind, sources, begins, ends = EXPECTED[number - 1]
    attribution = found[number - 1]
    assert attribution.kind is Kind(kind)
    assert attribution.content.text.startswith(begins)
    assert attribution.content.text.endswith(ends)
    if cue is None:
        assert attribution.cue is None
    else:
        assert attribution.cue is not None
        assert attribution.cue.span.text == cue
    assert attribution.speaker is not None
    assert attribution.speaker.span.text == speaker_text
    assert attribution.speaker.name == name
    assert attribution.speaker.kind is SpeakerKind(speaker_kind)
    assert [s.name for s in attribution.sources] == sources
    for span in attribution.spans():
        assert text[span.start : span.end] == span.text


def test_seed_addressees(seed: tuple[str, list[quoteattr.Attribution]]) -> None:
    _, found = seed
    assert found[2].addressee is not None
    assert found[2].addressee.text == "للناتو"
    assert found[8].addressee is not None
    assert found[8].addressee.text == "زيلينسكي"


def test_seed_scare_quotes_yield_nothing(seed: tuple[str, list[quoteattr.Attribution]]) -> None:
    _, found = seed
    for term in ("الناتو", "باتريوت", "نوفوستي", "بلومبرغ"):
        assert all(a.content.text != term for a in found), term
