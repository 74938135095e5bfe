"""Speakers: the mention at a cue, the subject before its verb, dropped subjects.

Two jobs, in the order linking needs them:

- reading the speaker where a rule stands (:func:`mention_at`,
  :func:`mention_before`, :func:`relative_antecedent`, :func:`apposition`);
- coreference, after every rule has run: a dropped subject (وأضاف، وقالت،
  مشيرا) takes the most recent compatible speaker (:func:`resolve_speakers`).

Canonical names (الوزير، بيسكوف، الوزارة taking the name of the fuller
mention each stands for) are :mod:`quoteattr.canonical`'s job.

>>> from quoteattr.pipeline import link, read_document
>>> drafts = link(read_document("قال الوزير سالم احمد ان الحل قريب. واضاف ان الاتفاق جاهز.")).drafts
>>> drafts[1].speaker is drafts[0].speaker
True
"""

from __future__ import annotations

import functools

from attrs import evolve

from .clauses import KANA
from .context import Context
from .cues import AN_WORDS
from .drafts import Draft, Linking
from .lexicons import VerbForm, read_tsv
from .mentions import Mention, head_noun
from .mentions.names import read_unknown_name
from .mentions.titled import SOME_OF
from .normalize import fold
from .tokens import SENTENCE_END

__all__ = [
    "adjunct_verb",
    "agrees",
    "apposition",
    "late_subject",
    "mention_at",
    "mention_before",
    "relative_antecedent",
    "resolve_speakers",
]

# Words after which a clause may open with its subject before the verb:
# "لكن السلطات تقول…"، "بينما الوزير أكد…".
_SUBJECT_OPENERS = frozenset(
    {"لكن", "ولكن", "بل", "بينما", "وبينما", "فيما", "وفيما", "حيث", "وحيث", "اذ", "ثم"}
)
# Words after which a subject may stand before its verb (besides a sentence end).
_BEFORE_SUBJECT = KANA | AN_WORDS | _SUBJECT_OPENERS | {"،", "و", "ف", ":"}
# Nouns a statement is made in: "في بيان نشرته الوكالة"، "في تصريحات أدلى بها".
_STATEMENT_NOUNS = frozenset(
    {
        "بيان",
        "تصريح",
        "تصريحات",
        "كلمة",
        "مقابلة",
        "حديث",
        "تقرير",
        "رسالة",
        "خطاب",
        "تغريدة",
        "مقال",
        "منشور",
        "مؤتمر",
        "لقاء",
        "اتصال",
        "مداخلة",
    }
)


def agrees(verb: VerbForm, speaker: Mention) -> bool:
    """Tell whether a verb's person marks fit a mention (قالت: feminine; قالوا: plural).

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("قالت الوزيرة")
    >>> agrees(document.cues[0].verb, document.reader.read(1))
    True
    """
    gender = speaker.gender
    if not gender:
        return True
    if verb.number == "p":
        return gender == "p"
    if verb.gender == "f":
        return gender == "f" or (gender == "p" and speaker.kind != "person")
    return gender == "m"


# -- reading the speaker at a cue ---------------------------------------------


def adjunct_verb(document: Context, index: int) -> bool:
    """Tell whether the verb at ``index`` only describes a statement noun before it.

    "في بيان نشرته الوكالة"، "في تصريح أدلى به"، "في مقابلة أجرتها معه
    القناة": the verb belongs to the noun phrase (an adjective clause whose
    object pronoun is the statement), so it is no cue and its subject is
    not the speaker of the sentence.

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("وقال الديوان في بيان نشرته الوكالة إن القمة تأجلت")
    >>> adjunct_verb(document, 4), adjunct_verb(document, 0)
    (True, False)
    """
    words = document.words
    word = words[index]
    after = words[index + 1] if index + 1 < len(words) else ""
    if not (word.endswith(("ه", "ها")) or after in ("به", "بها")):
        return False  # tested first: most verbs carry no object pronoun
    verb = document.lexicon.verb_forms.get(word)
    if verb is not None and verb.lemma == "وصف":
        return False  # "اتصال وصفته مصادر بأنه «مهم»": a description is a statement
    if word.startswith(("و", "ف")) and word[1:] in document.lexicon.verb_forms:
        return False  # "في بيان، وقال…": a new clause
    # The statement noun stands right before, or before one or two adjectives
    # (في مؤتمر صحفي عقده، في بيان مشترك نشرته).
    for j in range(index - 1, max(-1, index - 4), -1):
        if words[j] in _STATEMENT_NOUNS or (
            words[j][:1] in "بل" and words[j][1:] in _STATEMENT_NOUNS
        ):
            return True
        if not words[j][:1].isalpha() or words[j].startswith("ال"):
            return False
    return False


def mention_at(document: Context, k: int, want_speaker: bool) -> Mention | None:
    """Read a mention at ``k``; ``لرويترز``, ``لوكالة تاس`` are read without their ل.

    ``want_speaker`` lets a bare unknown name count when أن or a colon follows it.

    >>> from quoteattr.pipeline import read_document
    >>> mention_at(read_document("قال لرويترز"), 1, False).outlet
    'Reuters'
    """
    reader = document.reader
    words = document.words
    word = words[k]
    initial = word[0]
    if initial == "ل" and len(word) > 2:
        glued = reader.read(k, strip=1)
        if glued is not None and glued.kind in ("outlet", "person", "organization"):
            return glued
    startable = reader.may_start(word)
    if not (want_speaker or startable):
        return None  # one lookup: most words after a cue start no mention
    # reader.is_stop(k) without the call (no reading is under way, so no stripped form)
    if (word in reader.lexicon.stop_words or word in AN_WORDS or not initial.isalpha()) and not (
        word in SOME_OF and words[k + 1 : k + 2] == ["من"]
    ):
        return None  # but "عدد من الأهالي": عدد is a stop word that starts a group
    bare = want_speaker and _before_trigger(document, k)
    if not (bare or startable):
        return None  # what reader.read would say, without the call
    mention = reader.read(k, allow_bare_name=bare)
    if (
        want_speaker
        and mention is not None
        and mention.head_class == "title"
        and mention.end == mention.name_end == k + 1
    ):
        # "قال اللواء مهاب مميش إن…": a rank or honorific, then a name we do not know.
        end = read_unknown_name(reader, k + 1, mention.gender)
        if end is not None:
            mention = evolve(mention, end=end, name_start=k + 1, name_end=end)
    return mention


def _before_trigger(document: Context, k: int) -> bool:
    """Tell whether a bare name at ``k`` has أن, a colon or a comma within three words after it."""
    words = document.words
    n = len(words)
    for j in (k + 1, k + 2, k + 3):
        if j >= n:
            return False
        word = words[j]
        if word in AN_WORDS:
            return True
        # word.isalpha() answers most words, in fewer steps than indexing word[0]
        if not (word.isalpha() or word[0].isalpha()):  # a quotation opens at a mark
            return word == ":" or word == "،" or j in document.quote_at_open
    return False


def late_subject(document: Context, k: int, mention: Mention, verb: VerbForm) -> bool:
    """Tell whether a titled mention after an adjunct is the verb's subject.

    "وقالت في حديث لـ«الشرق الأوسط» الدكتورة أمل الفوزان إن…": yes;
    "وقال خلال لقائه وزير الخارجية…" or "مع وزير…": no, that one is spoken with.
    """
    if mention.head_class in ("bare", "document") or (
        mention.head_class == "" and not mention.named
    ):
        return False
    before = document.words[k - 1]
    if (
        before in document.lexicon.particles
        or before.endswith(("ه", "ها"))
        or before in ("مع", "لقاء", "استقبال")
    ):
        return False
    return agrees(verb, mention)


def apposition(document: Context, speaker: Mention, k: int) -> tuple[Mention, int]:
    """Stretch a speaker over an apposition between commas: "قال فلان، رئيس الهيئة، إن…".

    A title with no name takes the name after its comma: "قال رئيس الهيئة، فلان، إن…".

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("قال سالم احمد، مدير الهيئة، ان")
    >>> speaker, k = apposition(document, document.reader.read(1), 3)
    >>> speaker.end, k
    (6, 6)
    >>> document = read_document("قال وزير الخارجية، سالم احمد، ان")
    >>> speaker, k = apposition(document, document.reader.read(1), 3)
    >>> speaker.end, speaker.name_start, k
    (6, 4, 6)
    """
    words = document.words
    n = len(words)
    if k + 1 < n and words[k] == "،" and speaker.kind == "person" and not speaker.named:
        # "قال وزير الخارجية، سالم احمد، إن…": the title's name after its comma.
        name = document.reader.read(k + 1, allow_bare_name=True)
        if (
            name is not None
            and name.named
            and name.end < n
            and (words[name.end] in ("،", ",", ":") or words[name.end] in AN_WORDS)
        ):
            start, end = name.name_start, name.name_end
            return evolve(speaker, end=name.end, name_start=start, name_end=end), name.end
    if k + 1 < n and words[k] == "،" and speaker.kind in ("person", "anonymous"):
        extra = document.reader.read(k + 1)
        if (
            extra is not None
            and extra.kind in ("person", "organization")
            and not extra.named
            and extra.end < n
            and (words[extra.end] in ("،", ",") or words[extra.end] in AN_WORDS)
        ):
            speaker = evolve(speaker, end=extra.end)
            k = extra.end
    return speaker, k


def relative_antecedent(document: Context, index: int) -> Mention | None:
    """The noun a relative clause hangs on: "الشرطة التي رجحت أن…"، "ميلنر الذي أعلن…".

    >>> from quoteattr.pipeline import read_document
    >>> relative_antecedent(read_document("وزارة الصحة التي اكدت ان"), 3).kind
    'organization'
    """
    words = document.words
    if index < 2 or words[index - 1] not in ("الذي", "التي", "الذين", "اللذين", "اللتين"):
        return None
    end = index - 1
    for start in range(max(0, end - 8), end):
        mention = document.reader.read(start)
        if mention is not None and mention.end == end and mention.kind != "unknown":
            return mention
    return None


def mention_before(document: Context, index: int) -> Mention | None:
    """Read a subject standing before its verb: وكانت تقارير إعلامية قد أفادت…

    A topic after أما is the subject of the ف-verb that follows it: "أما
    مصر فأكدت…"، "أما أم فهد، التي تدير متجرا…، فتقول…".

    >>> from quoteattr.pipeline import read_document
    >>> mention_before(read_document("وكانت تقارير اعلامية قد افادت ان"), 4).end
    3
    """
    words = document.words
    tokens = document.tokens
    reader = document.reader
    if words[index].startswith("ف"):
        j = index - 1
        while j >= 0 and not tokens.ends_sentence(j) and index - j < 25:
            if words[j] in ("اما", "واما"):
                topic = reader.read(j + 1, allow_bare_name=True)
                if topic is not None:
                    return topic
                break
            j -= 1
    end = index
    if end > 0 and words[end - 1] in ("قد", "وقد"):
        end -= 1
    if end == 0 or (end == index and words[end - 1] in KANA):
        return None
    lowest = max(0, end - 8)
    for start in range(lowest, end):
        before = words[start - 1] if start > 0 else "\n"
        if not (
            start == 0
            or before in _BEFORE_SUBJECT
            or (before in SENTENCE_END and tokens.ends_sentence(start - 1))
        ):
            continue
        mention = reader.read(start)
        subject = None if mention is None else _ends_before_verb(document, mention, end)
        if subject is not None:
            return _named_antecedent(document, subject)
        named = _name_then_title(document, start, end)
        if named is not None:
            return named
        if end - start == 1 and before in ("لكن", "ولكن", ":") and end == index:
            # "لكن موينش قال إن…"، "العراق: الصدر يدعو إلى…": one unknown word
            # between لكن or a headline's colon and the verb is a name.
            bare = reader.read(start, allow_bare_name=True)
            if (
                bare is not None
                and (bare.kind == "person" or (before == ":" and bare.kind == "unknown"))
                and bare.end == end
            ):
                return bare  # after a colon also a definite word: "اليمن: التحالف يعلن…"
    return None


def _ends_before_verb(document: Context, mention: Mention, end: int) -> Mention | None:
    """Return the subject widened over qualifiers or one comma before its verb at ``end``.

    "وكانت وكالة أنباء فارس شبه الرسمية قد زعمت…"، "إلا أن رئيس الهيئة
    العامة للإحصاء، أكد…". ``None`` when anything else stands between.
    """
    if mention.end == end:
        return mention
    if mention.kind == "unknown" or mention.end > end or end - mention.end > 3:
        return None
    words = document.words
    last = end
    if words[end - 1] in ("،", ","):
        if mention.start > 0 and words[mention.start - 1] in ("،", ","):
            return None  # "وأبدى فلان، سعادته بالاستقبال، وقال": a list, not a subject
        # An organisation or a title, not a bare name: "انه خالد الذكر، وقال" is a clause.
        if not (
            mention.kind in ("organization", "outlet")
            or (mention.kind == "person" and mention.head_class in ("role", "title"))
        ):
            return None
        last = end - 1
    if not all(
        words[k] == "شبه"
        or (document.reader.adjective_like(k) and words[k] not in document.lexicon.function_words)
        for k in range(mention.end, last)
    ):
        return None
    if mention.kind != "person" or mention.name_end != mention.end:
        return mention  # a name stays as read; a title takes its complement (للإحصاء)
    return evolve(mention, end=last, name_end=last)


def _name_then_title(document: Context, start: int, end: int) -> Mention | None:
    """Read "NAME TITLE" ending at ``end``: "لكن إياد البزم المتحدث باسم الوزارة قال…".

    A name the lexicon does not know is still a name when a title follows it
    and the two together stand right before the verb.

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("لكن اياد البزم المتحدث باسم الوزارة قال")
    >>> mention = _name_then_title(document, 1, 6)
    >>> mention.name_start, mention.name_end, mention.end
    (1, 3, 6)
    """
    reader = document.reader
    if reader.lexicon.titles.heads.isdisjoint(document.words[start + 1 : end]):
        return None  # the title must start after the name's first word: no reading needed
    name = reader.read(start, allow_bare_name=True)
    if name is None or name.kind != "person" or not name.named or name.end >= end:
        return None
    title = reader.read(name.end)
    if title is None or title.kind != "person" or title.named or title.end != end:
        return None
    return Mention(start, end, "person", start, name.end, title.gender, None, title.head_class)


# -- coreference: dropped subjects --------------------------------------------


def resolve_speakers(linking: Linking) -> None:
    """Give dropped subjects (وقال، وأضافت، مشيرا) the most recent compatible speaker.

    An honorific pronoun as subject (وأكد سموه، وقال معاليه) is resolved the
    same way, and stays the speaker only when nobody is named before it. A
    first-person "كما ذكرت" with nobody before it is the writer's; its draft
    is marked for :func:`quoteattr.rules.writer.drop_writer`.

    >>> from quoteattr.pipeline import link, read_document
    >>> text = "قال الامير سلطان بن فهد ان الموسم ناجح. واكد سموه ان الاستعدادات اكتملت."
    >>> [d.speaker.end for d in link(read_document(text)).drafts]
    [5, 5]
    """
    if not linking.drafts:
        return  # (a quarter of articles quote nobody: nothing to set up for them)
    ordered = sorted(linking.drafts, key=lambda d: d.cue[0] if d.cue else d.content[0])
    document = linking.document
    known: list[Draft] = []
    # The first cue of each sentence among the known statements: "did one of them
    # open earlier in this sentence?" is one lookup, not a walk over all of them.
    first_cue: dict[int, int] = {}
    stands_for: dict[int, Mention] = {}  # an honorific pronoun's start → whom it names
    for draft in ordered:
        if draft.needs_speaker and draft.speaker is None:
            draft.speaker = _antecedent(document, draft, known, first_cue)
        pronoun = draft.speaker
        if pronoun is not None and _honorific_pronoun(pronoun):
            if pronoun.start not in stands_for:
                stands_for[pronoun.start] = _honored(document, draft, pronoun, known) or pronoun
            draft.speaker = stands_for[pronoun.start]
            draft.needs_speaker = draft.speaker is not pronoun  # found like a dropped subject
        if draft.speaker is not None:
            known.append(draft)
            if draft.cue_index < first_cue.get(draft.sentence, draft.cue_index + 1):
                first_cue[draft.sentence] = draft.cue_index


def _honorific_pronoun(mention: Mention | None) -> bool:
    return mention is not None and mention.head_class == "pronoun"


@functools.cache
def _honorifics() -> dict[str, frozenset[str]]:
    """Honorific pronoun → title words of those it may stand for (``lexicons/honorifics.tsv``)."""
    return {
        fold(row["pronoun"]): frozenset(
            head_noun(fold(word.strip())) for word in row["stands_for"].split("،")
        )
        for row in read_tsv("honorifics.tsv")
    }


_HONORED_SENTENCES = 4
"""How many sentences back an honorific pronoun looks for the person it stands for."""


def _honored(
    document: Context, draft: Draft, pronoun: Mention, known: list[Draft]
) -> Mention | None:
    """The nearest earlier person an honorific pronoun may stand for: سموه → الأمير…, not الوزير.

    The speakers of earlier statements and the subjects of recent clauses
    are both candidates; the nearest compatible one wins.
    """
    heads = _honorifics().get(document.words[pronoun.start], frozenset({"*"}))

    def fits(mention: Mention | None) -> bool:
        if mention is None or mention.kind != "person" or _honorific_pronoun(mention):
            return False
        if "*" in heads:
            return mention.named or mention.head_class in ("role", "title")
        words = document.words[mention.start : mention.end]
        return any(head_noun(word) in heads for word in words)

    best = next((c.speaker for c in reversed(known) if fits(c.speaker)), None)
    first = document.first_token_of(document.sentence_of[draft.cue_index] - _HONORED_SENTENCES)
    for j in document.known_names_before(draft.cue_index, first, 4 * _SUBJECT_CANDIDATES):
        if best is not None and j < best.start:
            break
        if not _subject_position(document, j):
            continue
        mention = _named_antecedent(document, _widest(document, j))
        if fits(mention) and mention is not None and mention.end <= draft.cue_index:
            return mention
    return best


def _antecedent(
    document: Context, draft: Draft, known: list[Draft], first_cue: dict[int, int]
) -> Mention | None:
    verb = draft.verb
    participle = verb is not None and verb.tense == "participle"
    before = document.words[draft.cue_index - 1] if draft.cue_index > 0 else ""
    as_i_said = before in ("كما", "وكما", "مثلما")
    if verb is not None and verb.tense == "past" and as_i_said and not known:
        # "كما ذكرتُ" with nobody before it is the writer: first person, not "she said".
        draft.needs_speaker = False
        draft.rule = "writer"
        return None
    subject = _recent_subject(document, draft)
    if subject is not None and _reported(document, subject, known):
        subject = None  # "…أن الأمر تضمن تعيين قاض. وأوضح أن…": قاض is in what was said
    if verb is not None and verb.gender == "f" and verb.number == "s":
        # Feminine is the marked form: "وأضافت" skips a recent name of unknown
        # gender for a nearby speaker that is surely feminine.
        for candidate in known[:-4:-1]:  # the last three, latest first
            speaker = candidate.speaker
            assert speaker is not None
            if speaker.gender == "f" or (speaker.gender == "p" and speaker.kind != "person"):
                if subject is None or subject.start < speaker.start:
                    if participle and candidate.sentence == draft.sentence:
                        _inherit_sources(draft, candidate)
                    return speaker
                break
    if participle:
        clause_subject = _clause_subject(document, draft)
        # No known statement opened before it in its sentence (first_cue: the
        # earliest cue of a known statement in each sentence).
        if clause_subject is not None and not (
            first_cue.get(draft.sentence, draft.cue_index) < draft.cue_index
        ):
            return clause_subject
    for candidate in reversed(known):
        speaker = candidate.speaker
        assert speaker is not None
        if (
            subject is not None
            and subject.start > speaker.start
            and (not participle or document.sentence_of[subject.start] == draft.sentence)
        ):
            break  # someone named more recently, though not quoted, is the better antecedent
        if participle and candidate.sentence == draft.sentence:
            _inherit_sources(draft, candidate)
            return speaker
        if verb is None or agrees(verb, speaker):
            return speaker
    return subject


def _reported(document: Context, mention: Mention, known: list[Draft]) -> bool:
    """Tell whether a mention lies in the content of one of the last statements."""
    offset = mention.char_start(document.tokens)
    return any(c.content[0] <= offset < c.content[1] for c in known[-3:])


def _inherit_sources(draft: Draft, statement: Draft) -> None:
    """ "…، مبينا أن…" continues the statement of its sentence: it keeps its outlets."""
    draft.sources.extend(m for m in statement.sources if m not in draft.sources)


def _clause_subject(document: Context, draft: Draft) -> Mention | None:
    """The subject named after an earlier cue verb of the participle's own sentence.

    "ويعلق السفير أمين شلبي على ذلك، قائلا: «…»": يعلق made no statement of
    its own, but its subject is the one who goes on قائلا.
    """
    sentence_of = document.sentence_of
    sentence = sentence_of[draft.cue_index]
    for cue in document.cues_before(draft.cue_index):
        if cue.verb is None or cue.verb.tense == "participle":
            continue
        if sentence_of[cue.index] != sentence:
            break
        mention = document.reader.read(cue.end)
        if mention is not None and (mention.named or mention.head_class not in ("", "bare")):
            return mention
    return None


_SUBJECT_CANDIDATES = 128
"""How many known names :func:`_recent_subject` tries, nearest first (a real
sentence and the one before it hold far fewer before a dropped subject)."""


def _recent_subject(document: Context, draft: Draft) -> Mention | None:
    """Return the nearest subject of a clause before a dropped subject (this sentence or the last).

    "وصل الوزير إلى الرياض، وقال إن…"، "أجرى وزير الخارجية العماني
    اتصالا…، وأبلغه أن…": the subject of the main verb says it, though
    nothing before quoted him. Only a title, an organisation or a personal
    name at a clause start or right after the clause's first word (its verb,
    or كان) counts, and it must agree with the verb.
    """
    if draft.cue_index < 1 or draft.verb is None:
        return None
    lowest = _previous_sentence(document, draft.cue_index)
    # Only the known names between that sentence's start and the cue, nearest first,
    # and at most a bounded number of them: a page of hundreds of short quotes in one
    # "sentence" must not rescan the page for each.
    for j in document.known_names_before(
        draft.cue_index, document.first_token_of(lowest), _SUBJECT_CANDIDATES
    ):
        if _subject_position(document, j):
            mention = _named_antecedent(document, _widest(document, j))
            if (
                (
                    mention is not None
                    and mention.kind in ("person", "anonymous", "organization")
                    and mention.end <= draft.cue_index
                )
                and agrees(draft.verb, mention)
                and (mention.head_class != "generic" or mention.named)
            ):
                return mention
    return None


def _widest(document: Context, j: int) -> Mention | None:
    """Read the mention at ``j``, or a longer one that starts up to three words before.

    "رجب طيب أردوغان": a name read from its second word is part of the full one.
    """
    mention = document.reader.read(j)
    if mention is None:
        return None
    for i in range(max(0, j - 3), j):
        if not document.words[i][0].isalpha():
            continue
        wider = document.reader.read(i)
        if wider is not None and wider.end >= mention.end and wider.kind == mention.kind:
            return wider
    return mention


def _previous_sentence(document: Context, index: int) -> int:
    """Return the last sentence before the one of token ``index`` that has words in it."""
    sentence_of = document.sentence_of
    words = document.words
    k = document.first_token_of(sentence_of[index]) - 1
    while k >= 0 and not words[k][0].isalpha():
        k -= 1
    return sentence_of[k] if k >= 0 else 0


def _named_antecedent(document: Context, mention: Mention | None) -> Mention | None:
    """Prefer the named person an apposition follows: "مارك فيلدز، الرئيس التنفيذي…"."""
    if mention is None or mention.named or mention.start < 2:
        return mention
    if document.words[mention.start - 1] not in ("،", ","):
        return mention
    comma = mention.start - 1
    for i in range(max(0, comma - 4), comma):
        before = document.reader.read(i)
        if before is not None and before.end == comma and before.named:
            return before
    return mention


def _apposition_to_subject(document: Context, comma: int) -> bool:
    """Tell whether the words before ``comma`` are a subject that an apposition follows.

    "شنت كاتي إلين، مديرة المنظمة، هجوما…": the words before the comma,
    names or a title, start in a subject position; "شكره لخادم الحرمين،
    الملك…" is an object (after a preposition) and does not count.
    """
    words = document.words
    lexicon = document.lexicon
    for i in range(comma - 1, max(-1, comma - 5), -1):
        word = words[i]
        if not word[0].isalpha() or word in lexicon.function_words or word[0] in "لب":
            return False
        if words[i - 1] not in ("،", ",") and _subject_position(document, i):
            return True
    return False


def _subject_position(document: Context, j: int) -> bool:
    """Tell whether a clause's subject may start at token ``j``.

    At a clause start (a sentence start, after a comma or a colon), or after
    the clause's first word when that is its verb or كان: "وصل الوزير…"،
    "وكان الرئيس…"، "…، شنت المديرة هجوما…".
    """
    words = document.words
    before = words[j - 1] if j > 0 else ""
    if j == 0 or (before in SENTENCE_END and document.tokens.ends_sentence(j - 1)):
        return True
    if before in ("،", ","):
        # After a comma only an apposition to a subject: "وكان الرئيس، رجب…".
        return _apposition_to_subject(document, j - 1)
    if before in KANA:
        return True
    # The word before opens a clause (a sentence start, after a comma or a colon):
    # tested first and inline, it turns away most names (after في، من، رئيس…).
    opener = words[j - 2] if j > 1 else ""
    if not (
        j == 1
        or opener in ("،", ",", ":")
        or (opener in SENTENCE_END and document.tokens.ends_sentence(j - 2))
    ):
        return False
    lexicon = document.lexicon
    # The word before looks like a verb: no article, no feminine ending, no
    # title or name ("مديرة منظمة…" is a title's complement, not a clause).
    return (
        before[0].isalpha()
        and (2 < len(before) < 7 or _form_ten_verb(before))
        and not before.startswith("ال")
        and not before.endswith(("ة", "ه"))
        and before not in lexicon.particles
        and before not in lexicon.titles
        and not (before[0] == "و" and before[1:] in lexicon.titles)  # "، وسمو ولي العهد"
        and before not in lexicon.first_names
        and before not in document.names
    )


def _form_ten_verb(word: str) -> bool:
    """Tell whether a long word is a past verb of the استفعل pattern: واستقبل، فاستعرض.

    >>> _form_ten_verb("واستقبل"), _form_ten_verb("والمستشفيات")
    (True, False)
    """
    stem = word[1:] if word[:1] in ("و", "ف") else word
    return stem.startswith("است") and len(stem) == 6
