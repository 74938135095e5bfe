"""Verb cues: a speech verb, its speaker, then أن, a colon, a quotation or an object.

Rules ``verb_an``, ``verb_colon``, ``verb_quote`` and ``verb_colon_quote``
(the object and preposition rules are in :mod:`quoteattr.rules.complements`).
From the verb, read forward for up to :data:`TRIGGER_WINDOW` words: speaker
mentions, the one spoken to, an outlet after لـ, until أن/إن, a colon or a
quotation. The quotation, or the clause after أن or the colon, is the content.

>>> from quoteattr.pipeline import link, read_document
>>> [d.rule for d in link(read_document("وقال الوزير: «سنواصل العمل»")).drafts]
['verb_colon_quote']
"""

from __future__ import annotations

from attrs import define, evolve, field

from ..clauses import (
    CLAUSE_OPENERS,
    KANA,
    RELATIVES,
    classify,
    clause_end,
    is_speech_quote,
    is_time_colon,
    quote_content,
    quote_token_end,
    trimmed,
)
from ..context import SPEECH_QUOTE_WORDS, Context
from ..cues import AN_WORDS, Cue
from ..drafts import Draft, Linking
from ..lexicons import VerbForm
from ..mentions import Mention, anonymity_clause_end, head_noun
from ..model import Kind
from ..outlets import reached_outlet, relay, source_after_phrase
from ..quotes import QUOTE_MARKS, Quote
from ..speakers import (
    adjunct_verb,
    apposition,
    late_subject,
    mention_at,
    mention_before,
    relative_antecedent,
)
from ..tokens import SENTENCE_END
from .complements import STATEMENT_NOUNS, TIME_WORDS, complement
from .postposed import postposed_cue
from .writer import is_writer_formula, is_writers_voice

__all__ = ["SAFE_SPEECH_WINDOW", "TRIGGER_WINDOW", "impersonal_cue", "plausible_cue", "verb_cue"]

TRIGGER_WINDOW = 12
"""How far (in words) a cue may stand from the أن, colon or quote that opens its content."""

SAFE_SPEECH_WINDOW = 16
"""The same for a safe speech verb (قال، أوضح، أكد), whose speaker phrase may run long."""

# "فيما ذكرت"، "كما أفادت"، "حسبما نقلت": phrases that open a statement of their own.
_VERB_PHRASE_HEADS = frozenset(
    {"كما", "فيما", "حسبما", "بحسب", "وفق", "وفقا", "مثلما", "حسب", "على"}
)
# Verbs whose second mention is the one spoken to: أبلغ ماكرون زيلينسكي أن…
_ADDRESSEE_VERBS = frozenset({"أبلغ", "أخبر", "سأل", "طمأن", "خاطب", "ناشد", "حذر", "أكد"})
# Objects that speech verbs take in set phrases: لفت النظر، ختم كلمته بالقول.
_OBJECT_NOUNS = frozenset(
    {
        "النظر",
        "الانتباه",
        "الانظار",
        "كلمته",
        "كلمتها",
        "حديثه",
        "حديثها",
        "تغريداته",
        "تغريدته",
        "تصريحه",
        "تصريحاته",
        "تصريحها",
        "بيانه",
        "بيانها",
        "رسالته",
        "رسالتها",
    }
)
# Words after which أن opens a time or manner clause, not a report: بعد أن، قبل أن.
_NOT_COMPLEMENTISERS = frozenset(
    {
        "بعد",
        "قبل",
        "منذ",
        "رغم",
        "برغم",
        "حين",
        "دون",
        "بدل",
        "بدلا",
        "لمجرد",
        "عوضا",
        "قبيل",
        "عقب",
    }
)
_RULE_OF_TRIGGER = {"an": "verb_an", "colon": "verb_colon", "quote": "verb_quote"}


def verb_cue(linking: Linking, cue: Cue, *, nested: bool = False) -> None:
    """A speech verb: speaker after it (or before), then أن, a colon, a quote or an object.

    Inside a quotation (``nested``) only a quote within the quote is another statement.

    >>> from quoteattr.drafts import Linking
    >>> from quoteattr.pipeline import read_document
    >>> linking = Linking(read_document("اكد الوزير ان الحل قريب."))
    >>> verb_cue(linking, linking.document.cues[0])
    >>> [d.rule for d in linking.drafts]
    ['verb_an']
    """
    document = linking.document
    verb = cue.verb
    assert verb is not None
    words = document.words
    if verb.type in ("naming", "decision") or (
        verb.lemma == "جاء" and verb.tense != "noun" and words[cue.end : cue.end + 1] != ["في"]
    ):
        return
    if not plausible_cue(document, cue, verb) or adjunct_verb(document, cue.index):
        return  # "في بيان نشرته الوكالة": the verb describes the statement noun
    scan = _scan(document, cue, verb)
    trigger = scan.trigger
    k = scan.k
    if trigger is None and nested:
        return
    if trigger is None:
        trigger_start = complement(document, cue, scan.after_mentions, scan.speaker)
        if trigger_start is None:
            # «…»، قال قائد الفريق: the cue follows the quote it introduces.
            postposed_cue(linking, cue, verb.lemma)
            return
        k, rule = trigger_start
    else:
        rule = _RULE_OF_TRIGGER[trigger]
    quote_follows = trigger == "quote" or (
        trigger == "colon" and k + 1 < len(words) and k + 1 in document.quote_at_open
    )
    if nested and not quote_follows:
        return  # inside a quote only a quote within the quote is another statement
    speaker = scan.speaker
    if speaker is None and verb.tense != "participle" and verb.type != "impersonal":
        speaker = mention_before(document, cue.index) or relative_antecedent(document, cue.index)
    if speaker is not None and speaker.kind == "outlet":
        scan.sources.append(speaker)
    draft = Draft(
        content=(0, 0),
        kind=Kind.INDIRECT,
        rule="verb_colon_quote" if quote_follows and trigger == "colon" else rule,
        cue=document.cue_span(cue),
        lemma=verb.lemma,
        verb=verb,
        speaker=speaker,
        needs_speaker=speaker is None and verb.type != "impersonal",
        sources=scan.sources,
        addressee=scan.addressee,
        cue_index=cue.index,
        sentence=document.sentence_of[cue.index],
    )
    if quote_follows:
        _direct(linking, draft, k if trigger == "quote" else k + 1)
        return
    start = k + 1 if trigger in ("an", "colon") else k
    span = trimmed(document, start, clause_end(document, start))
    if span is None:
        return
    draft.kind, draft.content = classify(linking, *span)
    linking.drafts.append(draft)


def impersonal_cue(linking: Linking, cue: Cue) -> None:
    """ "وقيل إن…", "أفيد بأن…": a statement with no speaker, read like a verb cue.

    A phrase that ends in its أن leaves that for the trigger search; the
    writer's background formulas (يشار إلى أن) are no statement.

    >>> from quoteattr.pipeline import link, read_document
    >>> [(d.rule, d.needs_speaker) for d in link(read_document("وقيل ان الاجتماع تأجل.")).drafts]
    [('verb_an', False)]
    """
    phrase = cue.phrase
    assert phrase is not None
    if is_writer_formula(phrase.text):
        return
    length = cue.length - 1 if linking.document.words[cue.end - 1] in AN_WORDS else cue.length
    verb = VerbForm(phrase.lemma, "safe", "impersonal", "past", "m", "s", frozenset())
    verb_cue(linking, evolve(cue, length=length, verb=verb, phrase=None))


def plausible_cue(document: Context, cue: Cue, verb: VerbForm) -> bool:
    """Filter cue candidates that real news shows to be mostly something else.

    - "بين" opens a statement only at a clause start ("الفرق بين" is between);
    - the writer's own voice (:func:`quoteattr.rules.writer.is_writers_voice`);
    - a weak verb (علم، عرف، شعر، وجد، اعتقد…) needs a titled or named
      subject right after it and أن right after that (an outlet may have
      learned it "من مصادر…" first).

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("الفرق بين الخطتين")
    >>> plausible_cue(document, document.cues[0], document.cues[0].verb)
    False
    """
    words = document.words
    reader = document.reader
    if verb.lemma == "بين" and words[cue.index] in ("بين", "وبين"):
        before = words[cue.index - 1] if cue.index > 0 else "\n"
        clause_start = (
            (not before[0].isalnum() and before not in QUOTE_MARKS)
            or before in RELATIVES
            or before in KANA
        )  # «…» بين: "between", after a quoted name
        if not clause_start:
            return False
    if is_writers_voice(words, cue.index, verb):
        return False
    if verb.lemma == "بين" and verb.tense == "present":
        # "فتبين أن…" is "it turned out": only with a named subject after it.
        mention = reader.read(cue.end)
        if mention is None or (mention.head_class in ("", "bare") and not mention.named):
            return False
    if verb.tier == "weak":
        mention = reader.read(cue.end)
        if mention is None or (
            mention.head_class == "" and not mention.named and mention.kind != "outlet"
        ):
            return False
        end = mention.end
        if mention.kind == "outlet" and end + 1 < len(words) and words[end] == "من":
            # "علمت «عكاظ» من مصادر مطلعة أن": the outlet learned it from someone.
            origin = reader.read(end + 1)
            end = origin.end if origin is not None else end
        if end >= len(words) or words[end] not in AN_WORDS:
            return False
    return True


def _direct(linking: Linking, draft: Draft, quote_index: int) -> None:
    """Direct quote at ``quote_index``, and the quotes joined to it by و (“…” و”…”)."""
    document = linking.document
    words = document.words
    while True:
        quote = document.quote_at_open[quote_index]
        if quote.start >= quote.end:
            return
        linking.owned_quotes.add(quote.open)
        linking.drafts.append(
            evolve(
                draft,
                content=quote_content(document, quote),
                kind=Kind.DIRECT,
                sources=list(draft.sources),
            )
        )
        end = quote_token_end(document, quote)
        after = end
        while after < len(words) and words[after] in ("،", ",", "و"):
            after += 1
        if after == end or after not in document.quote_at_open:
            return
        if not is_speech_quote(document.quote_at_open[after], after_cue=True):
            return
        quote_index = after


# -- reading forward from the verb ---------------------------------------------


@define
class _Scan:
    """What reading forward from a verb has found: the token reached and the mentions met."""

    k: int
    after_mentions: int
    seen_words: int = 0
    trigger: str | None = None
    speaker: Mention | None = None
    addressee: tuple[int, int] | None = None
    sources: list[Mention] = field(factory=list)
    complement_first: bool = False


def _scan(document: Context, cue: Cue, verb: VerbForm) -> _Scan:
    """Read forward from the verb until its trigger, a boundary or the window's end."""
    first = cue.end
    scan = _Scan(first, first)
    words = document.words
    quote_at_open = document.quote_at_open
    cue_at = document.cue_at
    complements = verb.complements
    n = len(words)
    window = SAFE_SPEECH_WINDOW if not verb.risky and verb.type == "speech" else TRIGGER_WINDOW
    while scan.k < n and scan.seen_words <= window:
        # Each reader is asked only where it can act: one membership test a
        # token instead of a call, as this loop runs for every word after a cue.
        k = scan.k
        word = words[k]
        if k == first and word in complements:
            # "ودعا إلى جمعية… لانتخاب رئيس جديد": the complement comes first, so the
            # subject is dropped; a title further on is part of what was said.
            scan.complement_first = True
        if word in _SCAN_SIGNALS or k in quote_at_open or k in cue_at:
            outcome = _at_signal(document, cue, verb, scan, word)
        else:  # an ordinary word: none of the tests of _at_signal but the mention applies
            outcome = _at_mention(document, verb, scan)
        if outcome is None:
            scan.k += 1
        elif not outcome:
            break
    return scan


_SCAN_SIGNALS = AN_WORDS | SENTENCE_END | {":", "،", ","}
"""The words :func:`_at_signal` tests for besides quotations and cues: keep them in step."""


def _at_signal(document: Context, cue: Cue, verb: VerbForm, scan: _Scan, word: str) -> bool | None:
    """A trigger, a boundary, another cue or else a mention at ``scan.k``, asked in that order."""
    k = scan.k
    outcome = None
    if word in AN_WORDS or word == ":" or k in document.quote_at_open:
        outcome = _at_trigger(document, verb, scan)
    if outcome is None and (word in SENTENCE_END or word in ("،", ",")):
        outcome = _at_boundary(document, scan)
    if outcome is None and k in document.cue_at:
        outcome = _at_other_cue(document, cue, scan)
    if outcome is None:
        outcome = _at_mention(document, verb, scan)
    return outcome


def _at_trigger(document: Context, verb: VerbForm, scan: _Scan) -> bool | None:
    """أن, a colon or a quotation at ``scan.k``: stop (False), skip a quoted name (True)."""
    words = document.words
    k = scan.k
    word = words[k]
    if word in AN_WORDS:
        if words[k - 1] not in _NOT_COMPLEMENTISERS:
            scan.trigger = "an"  # "…بعد أن غادر" is a time clause, not what was said
        return False
    if word == ":":
        if is_time_colon(words, k):
            return None  # "ورد بلاغ الساعة 18:44 مساء": a time, not a colon
        scan.trigger = "colon"
        return False
    quote = document.quote_at_open.get(k)
    if quote is None:
        return None
    outlet = document.reader.read_outlet(k)
    glued_name = words[k - 1] in ("ل", "لـ", "ب", "مع") or outlet is not None
    if (
        not _name_before_adjunct(document, quote)
        and is_speech_quote(quote, after_cue=k == scan.after_mentions and not glued_name)
        and not verb.risky
    ) or _quote_reports(document, verb, quote, k):
        scan.trigger = "quote"
        return False
    glued = words[k - 1] in ("ل", "لـ")
    if (
        outlet is not None
        and not glued
        and scan.speaker is None
        and k == scan.after_mentions
        and document.cue_at.get(k - 1) is not None  # right after the verb
        and not reached_outlet(document, k)
    ):
        return None  # "علمت «عكاظ» أن", "نقلت «فرانس برس» عن": the quoted outlet speaks
    scan.k = max(k + 1, quote_token_end(document, quote))
    if (
        outlet is None
        and scan.speaker is None
        and k == scan.after_mentions
        and document.cue_at.get(k - 1) is not None
        and _name_before_adjunct(document, quote)
    ):
        _quoted_speaker(document, scan, k, quote)
    if outlet is not None and (glued or reached_outlet(document, k)):
        # "قال لـ«عكاظ» مدير…", "في مقابلة مع «العربية»": the outlet the statement reached.
        scan.sources.append(outlet)
        scan.after_mentions = scan.k
    return True


def _quoted_speaker(document: Context, scan: _Scan, k: int, quote: Quote) -> None:
    """Take a quoted name right after the verb as its speaker when the quote tells who.

    "وقال «الحربي» في تصريح…": a mention that fills the quote (the surname of
    "خالد الحربي", an organisation); "وقال «تجمع أهالي الطلاب» في بيان…": a
    long name before a statement noun, of a kind the quote does not tell. A
    short unknown name («سكاي تران»، «المعلم») is left to the dropped-subject
    search, which finds the full name given before.
    """
    inner = document.reader.read(k + 1)
    if inner is not None and inner.end == scan.k - 1 and inner.kind != "unknown":
        scan.speaker = inner
    elif quote.words >= SPEECH_QUOTE_WORDS:
        scan.speaker = Mention(k, scan.k, "unknown", k + 1, scan.k - 1)
    else:
        return
    scan.after_mentions = scan.k


def _quote_reports(document: Context, verb: VerbForm, quote: Quote, k: int) -> bool:
    """A quotation that is a report even after a risky verb or a glued بـ.

    «أن …» opens with its complementiser (ورأى «أن القضية فنية»); وصف X بـ«…»
    quotes the speaker's own word; a long quotation right after و/ف + verb
    (وتابع «…») follows the verb it reports.

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("وكشف «ان الجلسة ستعقد غدا»")
    >>> _quote_reports(document, document.cues[0].verb, document.quotes[0], 1)
    True
    """
    words = document.words
    first = document.token_start(quote.start)
    if quote.words >= 2 and first < len(words) and words[first] in AN_WORDS:
        return True
    if verb.lemma == "وصف" and words[k - 1] in ("ب", "بـ") and quote.words >= 1:
        # not in a relative clause: "الهيئة التي وصفتها الصحافة بـ«…»" names it
        heads = [j for j in range(max(0, k - 5), k) if document.cue_at.get(j) is not None]
        return not heads or words[heads[-1] - 1] not in _RELATIVE_PRONOUNS
    cue = document.cue_at.get(k - 1)
    return (
        cue is not None
        and quote.words >= SPEECH_QUOTE_WORDS
        and words[k - 1][0] in "وف"
        and not _name_before_adjunct(document, quote)
    )


_RELATIVE_PRONOUNS = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي"})

_ADJUNCT_HEADS = frozenset({"في", "الى", "إلى", "على", "عن", "خلال", "عبر", ":"})


def _name_before_adjunct(document: Context, quote: Quote) -> bool:
    """A short quote followed by في/إلى/a colon names the speaker: يقول «فلان» في تصريح: …

    >>> from quoteattr.pipeline import read_document
    >>> document = read_document("واشار «لصور» الى ان الوضع صعب")
    >>> _name_before_adjunct(document, document.quotes[0])
    True
    """
    if quote.close is None or quote.words > 8:
        return False
    words = document.words
    after = quote_token_end(document, quote)
    if after >= len(words):
        return False
    if quote.words >= SPEECH_QUOTE_WORDS:
        # "وقال «تجمع أهالي المعتقلين» في بيان": a long name before its statement noun
        return (
            words[after] in ("في", "خلال")
            and after + 1 < len(words)
            and head_noun(words[after + 1]) in STATEMENT_NOUNS
        )
    return words[after] in _ADJUNCT_HEADS


def _at_boundary(document: Context, scan: _Scan) -> bool | None:
    """A sentence end or a comma before a new clause stops; an anonymity clause is skipped."""
    words = document.words
    n = len(words)
    k = scan.k
    word = words[k]
    if document.tokens.ends_sentence(k):
        return False
    if word in ("،", ",") and k + 1 < n and words[k + 1] in CLAUSE_OPENERS:
        return False
    anonymity = anonymity_clause_end(words, k + 1) if word in ("،", ",") else None
    if anonymity is None:
        return None
    scan.k = anonymity  # "، طلب عدم نشر اسمه،": the source's anonymity, not content
    scan.after_mentions = (
        anonymity + 1 if anonymity < n and words[anonymity] in ("،", ",") else anonymity
    )
    return True


def _at_other_cue(document: Context, cue: Cue, scan: _Scan) -> bool | None:
    """Another cue after the verb: a new statement stops; بحسب… and قوله are passed over."""
    k = scan.k
    other = document.cue_at.get(k)
    if other is None or k <= cue.index:
        return None
    if (
        other.phrase is not None
        and other.length > 1
        and other.phrase.text.split()[0] in _VERB_PHRASE_HEADS
    ):
        return False  # "…، فيما ذكرت صحيفة «الوطن» أن": a new statement begins
    if other.phrase is not None and other.phrase.role == "according_to":
        source = source_after_phrase(document, other)
        if source is None:
            scan.k = other.end
            return True
        if source.kind == "outlet":
            scan.sources.append(source)
        scan.k = source.end
        scan.after_mentions = scan.k
        return True
    if (
        other.verb is not None
        and other.verb.tense in ("past", "present")
        and scan.speaker is not None
        and k == scan.after_mentions
        and scan.speaker.kind in ("unknown", "anonymous")
        and not document.words[scan.speaker.start].startswith("ال")
    ):
        # "أفادت دراسة نشرت الثلاثاء في مجلة…"، "قال مصدر يعمل في الوزارة":
        # a verb right after an indefinite source describes it.
        scan.k = other.end
        return True
    if other.verb is not None and adjunct_verb(document, k):
        _pass_adjunct(document, scan, other.end)  # "وقال الديوان في بيان نشرته وكالة…"
        return True
    if (
        other.phrase is not None
        and other.phrase.role == "noun_cue"
        and document.words[k] == "في"
        and not other.phrase.text.endswith("ـ")
    ):
        # "وأوضح المدير، في تصريحات نقلتها الوكالة، أن…": where the verb's
        # statement was made, not a statement of its own.
        last = other.end - 1
        if last > k and last in document.cue_at and adjunct_verb(document, last):
            _pass_adjunct(document, scan, other.end)
        else:
            scan.k = other.end
        return True
    if (
        other.verb is not None
        and other.verb.tense != "noun"
        and k > cue.end
        and document.words[k - 1] not in RELATIVES
    ):
        return False
    if other.verb is not None and other.verb.tense == "noun" and k == scan.after_mentions:
        scan.k = k + 1  # "نقلت رويترز عن الوزير قوله «…»": قوله hands on to the quote
        scan.after_mentions = scan.k
        return True
    return None


def _pass_adjunct(document: Context, scan: _Scan, k: int) -> None:
    """Pass over the subject of an adjunct verb (:func:`~quoteattr.speakers.adjunct_verb`).

    The outlet that published or carried the statement is its channel ("في
    بيان نشرته وكالة…", also after a time word: "نشرته اليوم وكالة…"), and
    what describes it is no speaker ("وكالة… التابعة للحكومة"); anyone else
    gave it ("في تصريح أدلى به الوزير") and is the speaker when the verb has
    none yet, unless the verb only published it ("نشرتها بعض الصحف").
    """
    words = document.words
    adjunct = document.cue_at.get(k - 1)
    published = adjunct is not None and adjunct.lemma in PUBLISHING_VERBS
    if k < len(words) and words[k] in ("به", "بها"):
        k += 1  # "أدلى به"
    for _ in range(2):
        if k < len(words) and words[k] in TIME_WORDS:
            k += 1
    scan.k = k
    subject = document.reader.read(k)
    if subject is None or subject.kind == "unknown":
        return
    end = subject.end
    if subject.kind == "outlet":
        scan.sources.append(subject)
        end = document.reader.adjectives(end, 3)
    elif scan.speaker is None and not published:
        scan.speaker = subject
    scan.k = end
    scan.after_mentions = scan.k


PUBLISHING_VERBS = frozenset({"نشر", "بث", "نقل", "أورد", "أذاع"})
"""Adjunct verbs whose subject only carried a statement: "في مقابلة نشرتها بعض الصحف"."""


def _at_mention(document: Context, verb: VerbForm, scan: _Scan) -> bool | None:
    """A mention at ``scan.k``: the speaker, the one spoken to, or an outlet after لـ."""
    words = document.words
    k = scan.k
    word = words[k]
    if word in _OBJECT_NOUNS:
        # "لفت النظر إلى أن"، "ختم كلمته بالقول": the verb's object, not its subject.
        scan.seen_words += 1
        scan.k += 1
        return True
    initial = word[0]
    alpha = initial.isalpha()
    if not alpha and k not in document.quote_at_open:
        return None
    if verb.tense == "participle" and initial != "ل" and not reached_outlet(document, k):
        # A participle's subject is the clause's: "داعيا السكان إلى…" names its object; but
        # "مشيرا في تصريحات بثتها وكالة…" names the outlet that carried the statement.
        return None
    want_speaker = scan.speaker is None
    if not alpha:
        mention = document.reader.read_outlet(k)  # a quoted outlet, let through by _at_trigger
    elif want_speaker or (initial == "ل" and len(word) > 2) or document.reader.may_start(word):
        mention = mention_at(document, k, want_speaker)
    else:
        mention = None  # what mention_at says at once: nothing starts here, no bare name wanted
    if mention is None:
        scan.seen_words += 1
        return None
    used = True
    if mention.kind == "outlet" and (
        (word.startswith("ل") and mention.lead) or reached_outlet(document, k)
    ):
        scan.sources.append(mention)
    elif (
        scan.speaker is None
        and not mention.lead
        and (
            k == scan.after_mentions
            or (not scan.complement_first and late_subject(document, k, mention, verb))
        )
    ):
        scan.speaker = mention
    elif (
        scan.addressee is None
        and k == scan.after_mentions
        and (mention.lead or verb.lemma in _ADDRESSEE_VERBS)
    ):
        scan.addressee = (mention.char_start(document.tokens), mention.char_end(document.tokens))
    else:
        used = False
    scan.seen_words += mention.end - k
    scan.k = mention.end
    if used and mention is scan.speaker:
        speaker, scan.k = relay(document, mention, scan.k, scan.sources)
        scan.speaker, scan.k = apposition(document, speaker, scan.k)
    elif used and mention.kind == "outlet" and scan.sources and scan.sources[-1] is mention:
        scan.k = document.reader.adjectives(scan.k, 3)  # "…وكالة سبأ التابعة للحكومة، إن"
    if used:
        scan.after_mentions = scan.k
    return True
