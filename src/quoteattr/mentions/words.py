"""The words mention readers share: type nouns, adjectives, name connectors, head nouns.

>>> head_noun("والوزيرة"), "صحيفة" in OUTLET_TYPE_NOUNS
('وزيرة', True)
"""

from __future__ import annotations

from ..lexicons import ARTICLE

__all__ = [
    "ADJECTIVE_ENDINGS",
    "DEFINITE_ADJECTIVES",
    "NAME_CONNECTORS",
    "OUTLET_TYPE_NOUNS",
    "PLAIN_ADJECTIVES",
    "TIME_WORDS",
    "head_noun",
]

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
"""Nouns that introduce an outlet's name: صحيفة «عكاظ»، وكالة رويترز."""

DEFINITE_ADJECTIVES = frozenset(
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
"""Definite adjectives that qualify a title or organisation (الأمين العام، النيابة العامة)."""

NAME_CONNECTORS = frozenset(
    {"بن", "ابن", "ابو", "ابي", "ام", "ال", "عبد", "بنت", "دي", "فون", "فان"}
)
"""Words that glue the parts of one personal name together: محمد بن سلمان."""

ADJECTIVE_ENDINGS = ("ي", "ية", "يه", "يون", "يين", "ة")
"""Endings of relational (nisba) and feminine adjectives: أمني، إعلامية، غربيون."""

PLAIN_ADJECTIVES = frozenset(
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
"""Indefinite adjectives without a nisba ending: مصدر مطلع، مسؤول رفيع."""


def head_noun(word: str) -> str:
    """Return a mention's head noun without its conjunction and article.

    >>> head_noun("والوزيرة"), head_noun("هيئة")
    ('وزيرة', 'هيئة')
    """
    if word.startswith(("و", "ف")) and len(word) > 4 and word[1:3] == ARTICLE:
        word = word[1:]
    return word[2:] if word.startswith(ARTICLE) and len(word) > 3 else word


TIME_WORDS = frozenset(
    {
        "امس",
        "اليوم",
        "الليلة",
        "مساء",
        "صباح",
        "ظهر",
        "فجر",
        "الاثنين",
        "الثلاثاء",
        "الاربعاء",
        "الخميس",
        "الجمعة",
        "السبت",
        "الاحد",
        "ايضا",
        "مجددا",
        "كذلك",
        "مرة",
        "اخيرا",
    }
)
"""Time words and adverbs skipped between a verb and what follows it: "أمس"، "مجددا"."""
