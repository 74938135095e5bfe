"""Speaker gender: what the cue, the title and the given name say about one human speaker.

Arabic marks the gender of a speaker where an English text does not: the
verb agrees with its subject (قال / قالت), so does a participle (مضيفا /
مضيفة), a title (الوزير / الوزيرة، مسؤول / مسؤولة) and most given names.
This stage runs after linking and gives each statement's speaker a gender
(``f`` or ``m``) or none:

- a speaker that is not one human (an organisation, an outlet, a document,
  a group, a plural or dual verb) has none, whatever its verb says: "قالت
  الوزارة" is feminine only because الوزارة is;
- otherwise the cue's own agreement decides (it agrees with the real
  subject, also for a dropped one: "وأضافت" is a woman's statement), but a
  present ت- form alone (تشير، تقول) is also "you" and the verb of things,
  so it needs a feminine title, name or earlier cue to back it;
- then the title or given name of the mention, or of the full name it stands
  for ("الجبير" for "عادل الجبير"), or of any earlier mention of the same
  person ("الوزير" standing for "سالم أحمد");
- then the other cues the same person was quoted with.

>>> from quoteattr.pipeline import extract
>>> text = "قالت الوزيرة إن الخطة جاهزة. وأضافت أن التنفيذ يبدأ غدا."
>>> [a.speaker.gender.value for a in extract(text)]
['female', 'female']
>>> [a.speaker.gender for a in extract("قالت الوزارة إن المدارس ستفتح.")]
[None]
"""

from __future__ import annotations

from collections import defaultdict

from .drafts import Draft, Linking
from .mentions import Mention, head_noun
from .mentions.names import read_name
from .mentions.titled import COLLECTIVE_HEADS

__all__ = [
    "NOT_HUMAN_CLASSES",
    "cue_gender",
    "mention_gender",
    "one_human",
    "relayed_gender",
    "tell_genders",
]

NOT_HUMAN_CLASSES = frozenset({"document", "media", "org", "religious"})
"""Head classes of mentions that never name one human: البيان، الصحيفة، الوزارة."""


def one_human(mention: Mention) -> bool:
    """Tell whether a mention can name one human being (not a body, a text or a group).

    >>> from quoteattr.mentions import MentionReader
    >>> from quoteattr.tokens import tokenize
    >>> reader = MentionReader(tokenize("المتحدثة باسم الشرطة"))
    >>> one_human(reader.read(0)), one_human(reader.read(2))
    (True, False)
    """
    return (
        mention.kind in ("person", "anonymous")
        and mention.gender != "p"
        and mention.head_class not in NOT_HUMAN_CLASSES
    )


def cue_gender(draft: Draft) -> str | None:
    """Return what the cue says of its subject: ``f``, ``m``, ``p`` (not one), or ``None``.

    A verbal noun says what its pronoun says ("عن مسؤولة قولها": ``f``; القول:
    nothing); a phrase (بحسب) says nothing.

    >>> from quoteattr.pipeline import link, read_document
    >>> [cue_gender(d) for d in link(read_document("واضافت ان الحل قريب.")).drafts]
    ['f']
    """
    verb = draft.verb
    if verb is None:
        return None
    if verb.number != "s":
        return "p"
    return verb.gender or None


def tell_genders(linking: Linking) -> None:
    """Give each draft with one human speaker the gender the text marks for it.

    >>> from quoteattr.pipeline import link, read_document
    >>> linking = link(read_document("قال سالم احمد ان الحل قريب. واضاف ان الاتفاق جاهز."))
    >>> [d.gender for d in linking.drafts]
    ['m', 'm']
    """
    if not linking.drafts:
        return  # (a quarter of articles quote nobody: nothing to set up for them)
    people: dict[str, list[Draft]] = defaultdict(list)
    for draft in linking.drafts:
        if draft.speaker is not None and (
            one_human(draft.speaker)
            or _generic_person(linking, draft.speaker)
            or _family_name(linking, draft.speaker)
        ):
            people[_person(linking, draft.speaker)].append(draft)
    # What a mention says of itself (its title or name, and whether it speaks
    # through a document), read once a mention: one speaker makes many statements.
    # Both answers depend on these fields of the mention only.
    by_mention: dict[tuple[int, int, str, str], tuple[str, bool]] = {}
    for drafts in people.values():
        # Votes come from this statement and the person's earlier ones only, so a
        # later paragraph never changes what was said of the text before it.
        # Vote counts in plain dicts (a missing gender has 0 votes): a Counter is
        # a Python-level class, dearer to make and to count in, twice a person.
        named: dict[str | None, int] = {}
        cued: dict[str | None, int] = {}
        for draft in sorted(drafts, key=lambda d: d.content):
            speaker = draft.speaker
            assert speaker is not None
            key = (speaker.start, speaker.name_start, speaker.gender, speaker.head_class)
            known = by_mention.get(key)
            if known is None:
                known = by_mention[key] = (
                    mention_gender(linking, speaker),
                    _issued(linking, speaker),
                )
            own, issued = known
            if own:
                named[own] = named.get(own, 0) + 1
            said = None if issued else relayed_gender(linking, draft)
            if said == "f" and _unconfirmed_feminine(draft, named, cued):
                cued[None] = cued.get(None, 0) + 1
                draft.gender = ""
                continue
            cued[said] = cued.get(said, 0) + 1
            draft.gender = _gender(said, own, named, cued)


def _unconfirmed_feminine(
    draft: Draft, named: dict[str | None, int], cued: dict[str | None, int]
) -> bool:
    """Tell whether a feminine cue is a present ت- form with nothing else saying "a woman".

    Unvocalised, "تشير" is also "you point out" and the verb of things and
    plurals ("وتشير الخطط"، "تقدر بثمن"), so a present form alone makes nobody
    a woman; a feminine title or given name (تقول الوزيرة، تقول سارة) or an
    earlier feminine cue of the same person does.

    >>> from quoteattr.pipeline import link, read_document
    >>> [d.gender for d in link(read_document("وتشير خطط المصنع الى ان الانتاج سيرتفع.")).drafts]
    ['']
    >>> [d.gender for d in link(read_document("وتقول سارة ان الانتاج سيرتفع.")).drafts]
    ['f']
    """
    verb = draft.verb
    return verb is not None and verb.tense == "present" and not named.get("f") and not cued.get("f")


def mention_gender(linking: Linking, mention: Mention) -> str:
    """Return ``f`` or ``m`` from the title or given name of a mention or of the name it stands for.

    A surname alone (الجبير) says nothing; the full name the document gives
    for it (عادل الجبير) does. A headline's speaker takes that name from the
    article below it, like its canonical name.

    >>> from quoteattr.pipeline import link, read_document
    >>> linking = link(read_document("التقى عادل الجبير الوفد. وقال الجبير ان الحل قريب."))
    >>> mention_gender(linking, linking.drafts[0].speaker)
    'm'
    """
    if mention.gender in ("f", "m"):
        return mention.gender
    canonical = linking.canonical.get(mention.start)
    if canonical is None:
        return ""
    document = linking.document
    first = document.token_start(canonical[0])
    if first >= len(document.words) or document.tokens.starts[first] != canonical[0]:
        return ""
    read = read_name(document.reader, first)
    return read[1] if read is not None and read[1] in ("f", "m") else ""


def _issued(linking: Linking, mention: Mention) -> bool:
    """Tell whether a person speaks through a document: "بيان صادر عن الوزيرة".

    The verb agrees with the document (وقال بيان), so it says nothing of the person.

    >>> from quoteattr.pipeline import link, read_document
    >>> linking = link(read_document("وقال بيان صادر عن الوزيرة ان الخطة جاهزة."))
    >>> _issued(linking, linking.drafts[0].speaker), linking.drafts[0].gender
    (True, 'f')
    """
    if mention.start == mention.name_start:
        return False
    match = linking.document.lexicon.titles.match(linking.document.words, mention.start)
    return match is not None and match[1].cls == "document" and mention.head_class != "document"


def _person(linking: Linking, mention: Mention) -> str:
    """Name one person by the canonical name of the mention, so "الوزير" joins "سالم أحمد"."""
    start, end = linking.canonical.get(mention.start) or mention.name_span(linking.document.tokens)
    return linking.document.text[start:end]


def _generic_person(linking: Linking, mention: Mention) -> bool:
    """A generic head alone: "قال المسؤول" is a person, "قال الجانب" a party."""
    return (
        mention.kind == "unknown"
        and mention.head_class == "generic"
        and mention.gender in ("f", "m")
        and head_noun(linking.document.words[mention.start]) not in COLLECTIVE_HEADS
    )


def _family_name(linking: Linking, mention: Mention) -> bool:
    """An unknown word read as a speaker that the document gives in full as a person's name.

    "وقال الجاسم" after "خالد الجاسم" is a man; "وكشف القضاء" is nobody.
    """
    if mention.kind != "unknown" or mention.head_class != "bare":
        return False
    canonical = linking.canonical.get(mention.start)
    return canonical is not None and canonical != mention.name_span(linking.document.tokens)


def relayed_gender(linking: Linking, draft: Draft) -> str | None:
    """Return what the cue says of the speaker, reading past a relay verb to its verbal noun.

    In "نقلت الصحيفة عن موظف قوله" the verb agrees with the one who relays
    (الصحيفة), the pronoun of قوله with the one quoted after عن.

    >>> from quoteattr.pipeline import link, read_document
    >>> linking = link(read_document("ونقلت الصحيفة عن موظف في المصرف قوله ان الرواتب ستصرف غدا."))
    >>> [relayed_gender(linking, d) for d in linking.drafts]
    ['m']
    """
    speaker, verb = draft.speaker, draft.verb
    words = linking.document.words
    if (
        speaker is None
        or verb is None
        or verb.tense == "noun"
        or speaker.start == 0
        or words[speaker.start - 1] != "عن"
    ):
        return cue_gender(draft)
    content = linking.document.token_start(draft.content[0])
    forms = linking.document.lexicon.verb_forms
    for k in range(speaker.end, min(content, speaker.end + _RELAY_WORDS)):
        form = forms.get(words[k])
        if form is not None and form.tense == "noun" and form.gender:
            return "p" if form.number != "s" else form.gender
    return None


_RELAY_WORDS = 16
"""How far after the one quoted :func:`relayed_gender` looks for قوله / قولها."""


def _gender(
    cued_here: str | None, name: str, named: dict[str | None, int], cued: dict[str | None, int]
) -> str:
    if cued_here == "p":
        return ""  # "وقالوا": not one human, whatever the antecedent was
    if cued_here is not None and name and name != cued_here:
        return ""  # "وقالت" after "سالم أحمد": the antecedent is wrong, the gender unknown
    if cued_here is not None:
        return cued_here
    for votes in (named, cued):
        female, male = votes.get("f", 0), votes.get("m", 0)
        if female != male:
            return "f" if female > male else "m"
    return ""
