"""Verb cues without أن: an object (``verb_object``) or a preposition (``verb_preposition``).

"أعلنت الوزارة استدعاء السفير" reports with an object, "دعا الوزير إلى
التهدئة" with a preposition the lexicon lists for the verb. Only safe verbs
do it freely; a risky verb (طالب، وصف، كشف) needs a named or titled subject
first, and a weak verb never does.

>>> from quoteattr.pipeline import link, read_document
>>> [d.rule for d in link(read_document("اعلنت الوزارة استدعاء السفير.")).drafts]
['verb_object']
"""

from __future__ import annotations

from ..context import Context
from ..cues import Cue
from ..mentions import TIME_WORDS, Mention, head_noun

__all__ = [
    "CAUSE_NOUNS",
    "DEMAND_VERBS",
    "FRAME_NOUNS",
    "STATEMENT_NOUNS",
    "TIME_WORDS",
    "complement",
    "skip_adjuncts",
]

STATEMENT_NOUNS = frozenset(
    {
        "بيان",
        "تصريح",
        "تصريحات",
        "حديث",
        "مؤتمر",
        "كلمة",
        "لقاء",
        "مقابلة",
        "اتصال",
        "تغريدة",
        "منشور",
        "رسالة",
    }
)
"""Occasions of speaking skipped before an object: "في بيان"، "خلال مؤتمر"."""

FRAME_NOUNS = frozenset({"ختام", "مستهل", "بداية", "نهاية", "اعقاب", "اثناء", "افتتاح", "مطلع"})
"""Time frames skipped before an object: "في ختام الجلسة"."""


DEMAND_VERBS = frozenset({"طالب", "أوصى", "تعهد", "وعد"})
"""Risky verbs reporting a demand or a promise with بـ + verbal noun when plainly verbs."""

CAUSE_NOUNS = frozenset(
    {"قلق", "تفاؤل", "استغراب", "دهشة", "اسف", "حزن", "فخر", "سخرية", "اعتزاز", "تساؤل", "ضحك"}
)
"""Feelings after "يدعو لـ": "يدعو للقلق" is "gives cause for concern", not a call."""


def complement(
    document: Context, cue: Cue, k: int, speaker: Mention | None
) -> tuple[int, str] | None:
    """Return where content without أن starts at token ``k``, and its rule, or ``None``.

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("وشدد الرئيس على ضرورة الحوار")
    >>> complement(document, document.cues[0], 2, document.reader.read(1))
    (3, 'verb_preposition')
    """
    verb = cue.verb
    assert verb is not None
    words = document.words
    lexicon = document.lexicon
    if k >= len(words) or document.sentence_of[k] != document.sentence_of[cue.index]:
        return None
    # A risky verb (طالب، وصف، علق) takes a complement only after a named or
    # titled subject: "وطالب الوزير بضرورة…" but not "طالب بضرورة…".
    titled = speaker is not None and (speaker.named or speaker.head_class not in ("", "bare"))
    if verb.tier == "weak":
        return None
    complements = verb.complements
    if verb.risky and not (titled and speaker is not None and speaker.kind != "unknown"):
        if not (verb.lemma in DEMAND_VERBS and _plainly_a_verb(document, cue)):
            return None
        # "وطالب بتحقيق…"، "قد تعهد بمتابعة…"، "يتعهد بعدم…": no noun reads so.
        complements = frozenset({"ب"})
    if verb.risky:
        # "كشفت الشرطة عن شبكة" uncovers; "طالب الوزير بضرورة…" demands. In the
        # present, "يعتبر المدرب…" is mostly "is considered": the writer's voice.
        complements = complements & {"ب", "على", "الى", "object"}
        if verb.tense != "past":
            complements = complements - {"object"}
    k = skip_adjuncts(words, k)
    if k >= len(words):
        return None
    word = words[k]
    if not word[0].isalpha():
        return None
    if word in complements:
        if k + 1 < len(words) and words[k + 1].startswith("نفس"):
            return None  # "أعلن عن نفسه": made himself known
        return k + 1, "verb_preposition"
    if (
        "ب" in complements
        and word.startswith("ب")
        and len(word) > 3
        and word not in lexicon.function_words
    ):
        return k, "verb_preposition"
    if (
        "ل" in complements
        and word.startswith("ل")
        and len(word) > 4
        and word not in lexicon.function_words
        and head_noun(word[2:] if word.startswith("لل") else word[1:]) not in CAUSE_NOUNS
    ):
        return k, "verb_preposition"  # "يدعو للتهدئة"، "تدعو لوقف…"
    continuing = words[cue.index][0] in "وف"  # "وأعلن في ختام الجلسة تشكيل…"
    if "object" in complements and (
        speaker is not None or verb.tense == "participle" or continuing
    ):
        if word in lexicon.particles or word in lexicon.verb_forms or word.startswith("نفس"):
            return None
        return k, "verb_object"
    return None


def skip_adjuncts(words: list[str], k: int) -> int:
    """Skip "في بيان أمس"، "في تصريح له"، "اليوم" between a speaker and an object.

    >>> skip_adjuncts(["في", "بيان", "له", "امس", "استدعاء"], 0)
    4
    """
    n = len(words)
    while k < n:
        if (
            words[k] in ("في", "خلال", "عبر")
            and k + 1 < n
            and head_noun(words[k + 1]) in FRAME_NOUNS
        ):
            k += 3 if k + 2 < n and words[k + 2][0].isalpha() else 2  # "في ختام الجلسة"
            continue
        if (
            words[k] in ("في", "خلال", "عبر")
            and k + 1 < n
            and head_noun(words[k + 1]) in STATEMENT_NOUNS
        ):
            k += 2
            if k < n and words[k] in ("له", "لها", "صحفي", "صحفية", "رسمي", "صحافي"):
                k += 1
            continue
        if words[k] in TIME_WORDS:
            k += 1
            continue
        return k
    return k


def _plainly_a_verb(document: Context, cue: Cue) -> bool:
    """Tell whether a risky cue is written as nothing but a verb: و/ف, a suffix, a prefix, قد.

    "طالب" alone is also "student" and "تعهد" also "pledge"; "وطالب"، "طالبت"،
    "يتعهد"، "متعهدا" and "قد تعهد" are not.

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("قد تعهد بمتابعة التحقيق")
    >>> _plainly_a_verb(document, document.cues[0])
    True
    """
    verb = cue.verb
    assert verb is not None
    words = document.words
    word = words[cue.index]
    before = words[cue.index - 1] if cue.index > 0 else ""
    if verb.tense == "participle":
        return not word.endswith("ة")  # "مطالبة" is also "a demand" and "required"
    if verb.tense == "present" or before in ("قد", "وقد", "لقد", "فقد"):
        return True
    if word[0] in "وف" and word[1:] in document.lexicon.verb_forms:
        return True  # "وطالب"، but not the bare "وعد" (a promise) or "وصف" (a description)
    return word != verb.lemma.replace("أ", "ا")
