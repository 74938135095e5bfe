"""The writer's voice: statements that are the journalist's own, not a source's.

"يذكر أن…" and "يشار إلى أن…" are background formulas, "يمكن القول" and
"هذا لا ينفي أن…" are the writer arguing, "مما يؤكد…" is the writer's
comment on what came before, and "كما ذكرت" with nobody quoted before it is
the writer in the first person. These filters keep all of them out.

>>> from quoteattr.pipeline import extract
>>> extract("وكما ذكرت سابقا فان الازمة طويلة.")
[]
"""

from __future__ import annotations

from ..cues import AN_WORDS
from ..drafts import Linking
from ..lexicons import VerbForm

__all__ = [
    "DEMONSTRATIVES",
    "PASSIVE_OPINIONS",
    "WRITER_FORMULAS",
    "WRITER_VOICE",
    "drop_writer",
    "is_writer_formula",
    "is_writers_voice",
    "writer_comment",
]

DEMONSTRATIVES = frozenset({"هذا", "ذلك", "وهذا", "وذلك", "هذه", "وهذه", "ما", "مما"})
"""Demonstratives that make a negated cue the writer's own: "هذا لا ينفي أن"."""

WRITER_VOICE = frozenset(
    {"يمكن", "ويمكن", "يمكننا", "ويمكننا", "نستطيع", "ونستطيع", "بد", "اود", "اريد", "نود"}
)
"""Words before a verbal noun that make it the writer speaking: "يمكن القول", "نستطيع القول"."""

PASSIVE_OPINIONS = frozenset({"توقع", "اعتقد", "رجح", "افترض", "اعتبر", "قدر", "ظن", "زعم"})
"""Opinion verbs whose present right before أن is mostly passive: "يتوقع أن" (it is expected)."""

WRITER_FORMULAS = ("يشار", "يذكر", "ويذكر", "ويشار", "الجدير", "تجدر", "وتجدر", "جدير", "والجدير")
"""Starts of the writer's background formulas: "يشار إلى أن", "الجدير بالذكر أن"."""


def is_writer_formula(phrase: str) -> bool:
    """Tell whether an impersonal phrase is one of the writer's background formulas.

    >>> is_writer_formula("يشار الى ان"), is_writer_formula("وقيل ان")
    (True, False)
    """
    return phrase.startswith(WRITER_FORMULAS)


def writer_comment(words: list[str], index: int) -> bool:
    """Tell whether the cue at ``index`` follows "مما"، "الأمر الذي" or "وهو ما".

    >>> writer_comment(["الامر", "الذي", "يؤكد"], 2)
    True
    """
    before = words[index - 1] if index > 0 else ""
    earlier = words[index - 2] if index > 1 else ""
    if before == "مما":
        return True
    if before == "الذي" and earlier in ("الامر", "وهو"):
        return True
    return before == "ما" and earlier in ("وهو", "هو", "وهذا", "هذا")


def is_writers_voice(words: list[str], index: int, verb: VerbForm) -> bool:
    """Tell whether the cue at ``index`` is the writer arguing or commenting.

    "يمكن القول"، "هذا لا ينفي أن…"، "الأمر الذي يؤكد…"، "مما يؤكد…"، "وهو ما يؤكد…";
    an opinion verb in the present right before أن is the passive ("ويتوقع أن…").

    >>> from quoteattr.lexicons import Lexicon
    >>> is_writers_voice(["هذا", "لا", "ينفي"], 2, Lexicon.default().verb_forms["ينفي"])
    True
    """
    before = words[index - 1] if index > 0 else "\n"
    if verb.tense == "noun" and before in WRITER_VOICE:
        return True
    if before in ("لا", "لم", "لن") and index > 1 and words[index - 2] in DEMONSTRATIVES:
        return True  # "هذا لا ينفي أن…": the writer arguing
    passive = verb.tense == "present" and verb.gender == "m" and verb.number == "s"
    after = words[index + 1] if index + 1 < len(words) else ""
    if verb.lemma in PASSIVE_OPINIONS and passive and after in AN_WORDS:
        return True  # "ويتوقع أن…"، "يعتقد أن…": the passive "it is expected", nobody's view
    return writer_comment(words, index)


def drop_writer(linking: Linking) -> None:
    """Drop statements found to be the writer's own (first person with nobody to refer to).

    :func:`quoteattr.speakers.resolve_speakers` marks them with the rule ``writer``.

    >>> from quoteattr.pipeline import link, read_document
    >>> link(read_document("وكما ذكرت سابقا فان الازمة طويلة.")).drafts
    []
    """
    linking.drafts = [d for d in linking.drafts if d.rule != "writer"]
