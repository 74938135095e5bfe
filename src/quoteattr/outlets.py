"""Outlet attachment: which news outlets a statement is cited through, and who they relay.

The mention readers (:mod:`quoteattr.mentions`) recognise an outlet where it
is written; this module decides what it does for a statement: "رويترز
وفرانس برس" are two sources, "نقلت رويترز عن مصدر" makes the source the
speaker and the agency a source, "الوكالة" takes the name of the agency
cited before it, and "وفقا لوكالة…" names the source after a phrase.

>>> from quoteattr.pipeline import read_document
>>> document = read_document("نقلت رويترز وفرانس برس عن مصدر ان")
>>> sources = []
>>> speaker, end = relay(document, document.reader.read(1), 2, sources)
>>> speaker.kind, [s.outlet for s in sources]
('anonymous', ['AFP', 'Reuters'])
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import evolve

from .context import Context
from .cues import Cue
from .drafts import Linking
from .mentions import OUTLET_TYPE_NOUNS, TIME_WORDS, Mention
from .mentions.outlets import SITE_NOUN
from .quotes import QUOTE_MARKS

__all__ = [
    "CHANNEL_NOUNS",
    "RECEIVING_VERBS",
    "coordinated",
    "named_outlet",
    "past_descriptors",
    "reached_outlet",
    "relay",
    "relayed_sayings",
    "settle_outlets",
    "source_after_phrase",
]

CHANNEL_NOUNS = frozenset(
    {"مقابلة", "اتصال", "حوار", "حديث", "لقاء", "تصريح", "تصريحات", "مداخلة", "دردشة"}
)
"""Nouns of an exchange with an outlet: "في مقابلة مع «العربية»", "في اتصال هاتفي مع بي بي سي"."""

RECEIVING_VERBS = frozenset(
    {
        *("تسلمت", "تلقت", "حصلت", "اطلعت", "تسلم", "تلقى", "حصل", "اطلع", "تسلمتها", "تلقتها"),
        *("بثه", "بثها", "بثته", "بثتها", "اجراها", "اجرته", "اجرتها", "اجراه"),
    }
)
"""Verbs of an outlet receiving, airing or conducting a statement: "في بيان تسلمت وكالة
فرانس برس نسخة منه", "في مقابلة بثها التلفزيون السعودي", "في حوار أجرته «عكاظ»"."""


_BEFORE_REACHED = frozenset(
    {"في", "مع", *TIME_WORDS, *RECEIVING_VERBS}
    | {conjunction + verb for conjunction in ("و", "ف") for verb in RECEIVING_VERBS}
)
"""Every word that can stand right before an outlet :func:`reached_outlet` says yes to.

A word not in it settles the question with one lookup instead of the call.
"""


def coordinated(document: Context, k: int, sources: list[Mention]) -> int:
    """Take outlets joined by و after an outlet: "رويترز وفرانس برس"; return where they end.

    >>> from quoteattr.pipeline import read_document
    >>> sources = []
    >>> coordinated(read_document("رويترز وفرانس برس"), 1, sources), sources[0].outlet
    (3, 'AFP')
    """
    words = document.words
    reader = document.reader
    while k < len(words):
        # "قناة «الجزيرة» الفضائية وصحيفة «الحياة»": the first outlet's adjectives come first.
        j = k
        while j < min(len(words), k + 2) and words[j].startswith("ال") and reader.adjective_like(j):
            j += 1
        if not (j < len(words) and words[j].startswith("و") and len(words[j]) > 2):
            break
        more = reader.read(j, strip=1)
        if more is None or more.kind != "outlet":
            break
        sources.append(more)
        k = more.end
    return k


def named_outlet(document: Context, mention: Mention) -> Mention:
    """Give "الوكالة" the name of the outlet cited last before it.

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("نقلت رويترز الخبر. وقالت الوكالة")
    >>> named_outlet(document, document.reader.read(5)).outlet
    'Reuters'
    """
    if mention.kind != "outlet" or mention.outlet is not None:
        return mention
    words = document.words
    outlets = document.lexicon.outlets
    kinds = document.lexicon.outlet_names
    site = words[mention.start] == SITE_NOUN
    for j in range(mention.start - 1, -1, -1):
        if words[j] in OUTLET_TYPE_NOUNS or words[j] in outlets or words[j] in QUOTE_MARKS:
            earlier = document.reader.read_outlet(j)
            if (
                site
                and earlier is not None
                and words[earlier.start] != "موقع"
                and kinds.get(earlier.outlet or "") != "website"
            ):
                continue  # "الموقع" is a website: not the newspaper named in between
            if earlier is not None and earlier.outlet is not None:
                return evolve(
                    mention,
                    outlet=earlier.outlet,
                    name_start=earlier.name_start,
                    name_end=earlier.name_end,
                )
    return mention


def reached_outlet(document: Context, start: int) -> bool:
    """Tell whether the outlet whose mention starts at token ``start`` is one the statement reached.

    The interviewer ("في مقابلة مع «العربية»"، "في اتصال هاتفي مع بي بي سي")
    and the outlet that received a statement ("بيان تسلمت وكالة رويترز نسخة
    منه") are sources of the statement, like the addressee after لـ.

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("وقال في اتصال هاتفي مع بي بي سي إن")
    >>> reached_outlet(document, 5), reached_outlet(document, 2)
    (True, False)
    >>> document = read_document("واوضح التقرير وتلقت وكالة رويترز نسخة منه ان")
    >>> reached_outlet(document, 3)
    True
    """
    words = document.words
    if start < 1:
        return False
    before = start - 1
    while before > 0 and start - before <= 2 and words[before] in TIME_WORDS:
        before -= 1  # "في تصريح بثته أمس وكالة…"
    if words[before] in RECEIVING_VERBS:
        return True
    if (
        words[before][:1] in ("و", "ف")
        and words[before][1:] in RECEIVING_VERBS
        and "نسخة" in words[start + 1 : start + 9]
    ):
        return True  # "التقرير الصادر أمس وتلقت وكالة رويترز نسخة منه، أن…"
    known = document.lexicon.outlet_names
    if words[start - 1] == "في" and _known_outlet(document, start, known):
        # "قال المدرب في البي بي سي": the channel it was said on (an outlet the
        # lexicon reads here, so "في الجزيرة" is still the island).
        return True
    if words[start - 1] != "مع":
        return False
    # The exchange noun, maybe with an adjective after it: "اتصال هاتفي مع".
    for j in range(start - 2, max(-1, start - 5), -1):
        word = words[j]
        if word in CHANNEL_NOUNS or (word[:1] in ("ب", "ف") and word[1:] in CHANNEL_NOUNS):
            return True
        if word in ("،", ",", ".", ":") or j in document.cue_at:
            return False
    return False


def _known_outlet(document: Context, start: int, known: Mapping[str, str]) -> bool:
    found = document.reader.read_outlet(start)
    return found is not None and found.outlet is not None and found.outlet in known


def relay(
    document: Context, speaker: Mention, k: int, sources: list[Mention]
) -> tuple[Mention, int]:
    """An outlet as subject: outlets joined by و, and the source it relays after عن.

    "نقلت وكالتا رويترز وفرانس برس عن مصدر…": both agencies are sources and
    the source they quote speaks. Returns the speaker and where its mention ends;
    a speaker that is no outlet comes back unchanged.
    """
    words = document.words
    if speaker.kind == "outlet":
        speaker = named_outlet(document, speaker)
        k = coordinated(document, k, sources)
        after = past_descriptors(document, k)
        if after + 1 < len(words) and words[after] == "عن":
            origin = document.reader.read(after + 1, allow_bare_name=True)
            if origin is not None:
                sources.append(speaker)
                speaker, k = origin, origin.end
    return speaker, k


def past_descriptors(document: Context, k: int) -> int:
    """Skip the words that describe an outlet after its name: الإيرانية للأنباء، الكورية الجنوبية.

    "نقلت وكالة تسنيم الإيرانية للأنباء عن…" and "نقلت الإذاعة الإسرائيلية
    عن…" relay the one after عن like "نقلت رويترز عن…" does.

    >>> from quoteattr.pipeline import read_document
    >>> past_descriptors(read_document("وكالة تسنيم الايرانية للانباء عن"), 2)
    4
    >>> past_descriptors(read_document("وكالة الانباء اليمنية الرسمية «سبا» عن"), 3)
    7
    """
    words = document.words
    reader = document.reader
    j = k
    while (
        j < min(len(words), k + 3)
        and (words[j].startswith("ال") or words[j] == "للانباء")
        and reader.adjective_like(j)
    ):
        j += 1
    if j < len(words) and words[j] in QUOTE_MARKS:
        # "وكالة الأنباء الإيرانية الرسمية «إرنا» عن…": the outlet's own short name, quoted.
        close = next(
            (c for c in range(j + 2, min(len(words), j + 4)) if words[c] in QUOTE_MARKS), None
        )
        if close is not None and close + 1 < len(words) and words[close + 1] == "عن":
            j = close + 1
    return j


def relayed_sayings(linking: Linking) -> None:
    """Give "قوله" its relay: "نقلت صحيفة X عن ساكن (…) قوله: «…»".

    When the statement is made by the verbal noun قوله / قولها alone (the
    relay verb did not reach it across a long description of the one
    quoted), an earlier نقل in its sentence whose subject is an outlet and
    that quotes someone after عن gives the statement that someone as speaker
    and the outlet(s) as sources, instead of a dropped subject resolved by
    coreference. Runs before coreference.

    >>> from quoteattr.pipeline import link, read_document
    >>> text = "ونقلت وكالة رويترز عن موظف لم تذكر اسمه يعمل في الميناء قوله: «الحريق كبير»."
    >>> [(d.speaker.start, [s.outlet for s in d.sources]) for d in link(read_document(text)).drafts]
    [(4, ['Reuters'])]
    """
    document = linking.document
    for draft in linking.drafts:
        cue = document.cue_at.get(draft.cue_index) if draft.cue_index >= 0 else None
        if (
            cue is None
            or cue.verb is None
            or cue.verb.tense != "noun"
            or cue.verb.lemma != "قال"
            or not draft.needs_speaker
        ):
            continue
        found = _relay_before(linking, draft.cue_index, draft.sentence)
        if found is not None:
            draft.speaker, outlets = found
            draft.sources.extend(o for o in outlets if o not in draft.sources)
            draft.needs_speaker = False


def _relay_before(
    linking: Linking, index: int, sentence: int
) -> tuple[Mention, list[Mention]] | None:
    """The one quoted by the last "نقل OUTLET عن X" before token ``index`` in its sentence."""
    document = linking.document
    opened = {d.cue_index for d in linking.drafts}
    for j in range(index - 1, -1, -1):
        if document.sentence_of[j] != sentence:
            return None
        relay_cue = document.cue_at.get(j)
        if relay_cue is None or relay_cue.verb is None:
            continue
        if relay_cue.verb.lemma != "نقل" or j in opened:
            continue  # other verbs may describe the one quoted: "لم تذكر اسمه"
        subject = document.reader.read(relay_cue.end)
        if subject is None or subject.kind != "outlet":
            return None
        sources: list[Mention] = []
        speaker, _ = relay(document, subject, subject.end, sources)
        if speaker.kind == "outlet" or speaker.end > index:
            return None
        return speaker, sources
    return None


def source_after_phrase(document: Context, cue: Cue) -> Mention | None:
    """Read the source named after an attribution phrase (وفقا لوكالة…, نقلا عن مصادر).

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("وفقا لوكالة رويترز")
    >>> source_after_phrase(document, document.cues[0]).outlet
    'Reuters'
    """
    k = cue.end
    words = document.words
    reader = document.reader
    cue_at = document.cue_at
    # "بحسب ما ذكرت", "حسبما أفادت": skip the verb to its subject.
    while k < len(words) and (
        words[k] in ("ما", "ل") or (k in cue_at and cue_at[k].verb is not None)
    ):
        k += 1
    if k >= len(words):
        return None
    phrase = cue.phrase
    glued = phrase is not None and phrase.text.rstrip().endswith("ـ") and k == cue.end
    if (
        (glued or (words[k].startswith("ل") and words[k - 1] not in ("ل",) and not reader.read(k)))
        and words[k].startswith("ل")
        and len(words[k]) > 2
    ):
        return reader.read(k, strip=1, outlet_context=True)
    return reader.read(k, outlet_context=True)


def settle_outlets(linking: Linking) -> None:
    """Finish every statement's outlets once speakers are known.

    "للصحيفة"، "الوكالة" take the outlet named last before them; an outlet
    that speaks in the statement's own sentence is a source too; social
    platforms (Twitter, Facebook…) are not outlets a statement is cited
    through, and one that speaks is the company (an organisation); and an
    outlet the statement reached ("في مقابلة مع «العربية»") also serves the
    dropped-subject statements that follow in its sentence ("…، وأكد أن…").

    >>> from quoteattr import extract
    >>> text = "نشرت صحيفة الحياة تقريرا. وقال الوزير للصحيفة إن الحل قريب."
    >>> [s.name for a in extract(text) for s in a.sources]
    ['Al-Hayat']
    """
    if not linking.drafts:
        return  # (a quarter of articles quote nobody: nothing to set up for them)
    document = linking.document
    kinds = document.lexicon.outlet_names  # canonical name -> kind
    reached: dict[int, list[Mention]] = {}
    opened = {d.cue_index for d in linking.drafts}  # the cues that made a statement
    for draft in sorted(linking.drafts, key=lambda d: d.cue_index):
        # Most drafts cite no outlet: no list comprehension (a call in Python 3.11) for none.
        sources = [named_outlet(document, m) for m in draft.sources] if draft.sources else []
        speaker = draft.speaker
        if speaker is not None and kinds.get(speaker.outlet or "") == "platform":
            # "بحسب فيسبوك": the company speaks; a platform is never the channel.
            speaker = draft.speaker = evolve(speaker, kind="organization")
        if (
            speaker is not None
            and speaker.kind == "outlet"
            and speaker.outlet is not None
            and all(s.outlet != speaker.outlet for s in sources)
            and document.sentence_of[speaker.start] == draft.sentence
        ):
            sources.append(speaker)
        if (
            draft.cue_index >= 0
            and sources  # most drafts have none: no generator made to find none reached
            and any(reached_outlet(document, s.start) for s in sources)
        ):
            reached[draft.sentence] = [s for s in sources if reached_outlet(document, s.start)]
        elif draft.needs_speaker and not sources and draft.sentence in reached:
            sources = list(reached[draft.sentence])
        elif not sources and draft.verb is not None and draft.verb.tense == "participle":
            sources = _reached_by_verb_before(document, draft.cue_index, opened)
        if sources or draft.sources:
            draft.sources[:] = [s for s in sources if kinds.get(s.outlet or "") != "platform"]


def _reached_by_verb_before(document: Context, index: int, opened: set[int]) -> list[Mention]:
    """The outlet a contentless verb before a participle reached: "وقال شاهد لرويترز … قائلا إن".

    The participle says what the verb before it (which reported nothing of its
    own) said, so the outlet spoken to or spoken on between them is its
    channel too; a verb in ``opened`` made its own statement, whose outlets
    are settled there.
    """
    cue = document.speech_verb_before(index)
    if cue is None or cue.index in opened:
        return []
    words = document.words
    for k in range(cue.end, index):
        word = words[k]
        if word in ("ل", "لـ"):
            found = document.reader.read_outlet(k + 1)
        elif word.startswith("ل") and len(word) > 2:
            found = document.reader.read(k, strip=1)
        elif words[k - 1] in _BEFORE_REACHED and reached_outlet(document, k):
            found = document.reader.read_outlet(k)
        else:
            continue
        if found is not None and found.kind == "outlet":
            return [named_outlet(document, found)]
    return []
