"""Join quotes, cues and mentions into attributions with named rules.

Each rule is a method of :class:`Linker` whose name is the ``rule`` recorded
on what it produces, so every result can explain where it came from. Offsets
here are in the normalised text; :mod:`quoteattr.pipeline` maps them back.

>>> from quoteattr.normalize import normalize
>>> drafts = link(normalize("وقال الوزير إن المفاوضات مستمرة.").text)
>>> [(d.rule, d.kind.value) for d in drafts]
[('verb_an', 'indirect')]
"""

from __future__ import annotations

import bisect

from attrs import define, evolve, field

from .cues import AN_WORDS, Cue, find_cues
from .lexicons import Lexicon, VerbForm
from .mentions import (
    OUTLET_TYPE_NOUNS,
    Mention,
    MentionReader,
    anonymity_clause_end,
    find_names,
    head_noun,
)
from .model import Kind
from .quotes import QUOTE_MARKS, Quote, find_quotes
from .tokens import SENTENCE_END, Tokens, tokenize

__all__ = ["Draft", "Linker", "link"]

# How far (in words) a cue may stand from the أن, colon or quote that opens its content.
TRIGGER_WINDOW = 12
# A quoted stretch this long is speech wherever it stands; shorter ones are
# speech only right after a cue or a colon (most «…» of one to three words are names).
SPEECH_QUOTE_WORDS = 4
# Words that, after a comma, start a new clause and so end a reported one.
_CLAUSE_OPENERS = frozenset(
    {"كما", "فيما", "حيث", "اذ", "بينما", "وفيما", "وكما", "وحيث", "كان", "وكان", "كانت", "وكانت"}
)
# "فيما ذكرت"، "كما أفادت"، "حسبما نقلت": phrases that open a statement of their own.
_VERB_PHRASE_HEADS = frozenset(
    {"كما", "فيما", "حسبما", "بحسب", "وفق", "وفقا", "مثلما", "حسب", "على"}
)
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "من", "ما"})
# Particles that may stand between a preposed "according to" and the reported clause.
_RESUMPTIVES = frozenset({"فان", "فقد", "فانه", "فانها", "ف", "فهناك"})
# Forms of كان that open a clause whose subject comes before its verb: وكانت تقارير … قد أفادت.
_KANA = frozenset({"كان", "وكان", "كانت", "وكانت", "كانوا", "وكانوا", "فكان", "فكانت", "قد", "وقد"})
# Verbs whose second mention is the one spoken to: أبلغ ماكرون زيلينسكي أن…
_ADDRESSEE_VERBS = frozenset({"أبلغ", "أخبر", "سأل", "طمأن", "خاطب", "ناشد", "حذر", "أكد"})
_CONFIDENCE = {
    "verb_colon_quote": 0.95,
    "verb_quote": 0.9,
    "verb_an": 0.9,
    "verb_colon": 0.8,
    "verb_object": 0.7,
    "verb_preposition": 0.7,
    "postposed_cue": 0.85,
    "continued_quote": 0.8,
    "according_to_preposed": 0.75,
    "according_to_postposed": 0.7,
    "headline": 0.7,
}


@define
class Draft:
    """An attribution being built, in normalised character offsets.

    ``speaker`` is the mention that names the source; ``needs_speaker`` marks a
    dropped subject to be resolved by coreference.

    >>> draft = link("واضاف ان الاتفاق جاهز.")[0]
    >>> draft.rule, draft.speaker is None
    ('verb_an', True)
    """

    content: tuple[int, int]
    kind: Kind
    rule: str
    cue: tuple[int, int] | None = None
    lemma: str | None = None
    verb: VerbForm | None = None
    speaker: Mention | None = None
    needs_speaker: bool = False
    sources: list[Mention] = field(factory=list)
    addressee: tuple[int, int] | None = None
    cue_index: int = -1
    sentence: int = 0

    @property
    def confidence(self) -> float:
        """Return how sure the producing rule is, lowered for a risky cue or no speaker.

        >>> link("قال الوزير: «نعم»")[0].confidence
        0.95
        """
        value = _CONFIDENCE.get(self.rule, 0.6)
        if self.verb is not None and self.verb.risky:
            value -= 0.15
        if self.speaker is None:
            value -= 0.1
        return round(max(0.05, min(1.0, value)), 2)


class Linker:
    """Holds one document's tokens, quotes and cues, and applies the rules in order.

    >>> linker = Linker("بحسب رويترز، فان الاسعار سترتفع.")
    >>> [c.lemma for c in linker.cues], len(linker.quotes)
    (['بحسب'], 0)
    """

    def __init__(self, text: str, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon.default()
        self.tokens: Tokens = tokenize(text)
        self.words = self.tokens.words
        self.text = text
        self.quotes = find_quotes(text)
        self.cues = find_cues(self.tokens, self.lexicon)
        self.names = find_names(self.tokens, self.lexicon)
        self.reader = MentionReader(self.tokens, self.lexicon, self.names)
        starts = self.tokens.starts
        self._token_at = {
            q: bisect.bisect_left(starts, q)
            for quote in self.quotes
            for q in (quote.open, quote.close)
            if q is not None
        }
        self.quote_at_open: dict[int, Quote] = {}
        self.quote_at_close: dict[int, Quote] = {}
        for quote in self.quotes:
            self.quote_at_open[self._token_at[quote.open]] = quote
            if quote.close is not None:
                self.quote_at_close[self._token_at[quote.close]] = quote
        self.speech_spans = sorted(
            (q.start, q.end) for q in self.quotes if q.words >= SPEECH_QUOTE_WORDS
        )
        self._speech_starts = [s for s, _ in self.speech_spans]
        self.cue_at = {c.index: c for c in self.cues}
        self.sentence_of = self._number_sentences()
        self.drafts: list[Draft] = []
        self.owned_quotes: set[int] = set()
        self.canonical: dict[int, tuple[int, int]] = {}

    # -- helpers --------------------------------------------------------------

    def _number_sentences(self) -> _SentenceNumbers:
        tokens = self.tokens
        ends = [
            i
            for i, word in enumerate(self.words)
            if word in SENTENCE_END and tokens.ends_sentence(i)
        ]
        return _SentenceNumbers(ends)

    def inside_speech(self, i: int) -> bool:
        """Tell whether token ``i`` lies inside a quote long enough to be speech.

        >>> Linker("قال: «لقد أكد الجميع أن الحل قريب»").inside_speech(5)
        True
        """
        position = self.tokens.starts[i]
        k = bisect.bisect_right(self._speech_starts, position) - 1
        return k >= 0 and self.speech_spans[k][0] <= position < self.speech_spans[k][1]

    def _inside_anonymity(self, i: int) -> bool:
        """Tell whether token ``i`` is inside "طلب عدم نشر اسمه" (its verbs report nothing)."""
        words = self.words
        for j in range(max(0, i - 3), i + 1):
            end = anonymity_clause_end(words, j)
            if end is not None:
                return i < end
        return False

    def quote_token_end(self, quote: Quote) -> int:
        """Return the token index just past a quote (after its closing mark or content).

        >>> linker = Linker("قال: «نعم» ثم غادر")
        >>> linker.quote_token_end(linker.quotes[0])
        5
        """
        end = quote.outer_end
        return bisect.bisect_left(self.tokens.starts, end)

    def is_speech_quote(self, quote: Quote, after_cue: bool) -> bool:
        """Tell speech from a quoted name: long enough, or short right after a cue or colon.

        >>> linker = Linker("صواريخ «باتريوت»")
        >>> linker.is_speech_quote(linker.quotes[0], after_cue=False)
        False
        """
        if quote.words >= SPEECH_QUOTE_WORDS:
            return True
        return after_cue and quote.words >= 1

    def clause_end(self, start: int) -> int:
        """Return the token index where a reported clause starting at ``start`` ends.

        >>> linker = Linker("اكد ان الحل قريب، مشيرا الى ان")
        >>> linker.words[linker.clause_end(2)]
        '،'
        """
        words = self.words
        n = len(words)
        k = start
        while k < n:
            word = words[k]
            quote = self.quote_at_open.get(k)
            if quote is not None:
                k = max(k + 1, self.quote_token_end(quote))
                continue
            if word == ":" and 0 < k < n - 1 and words[k - 1].isdigit() and words[k + 1].isdigit():
                k += 1  # a time, "1:59", not a colon
                continue
            if self.tokens.ends_sentence(k) or word in ("؛", ";", ":"):
                break
            if word == ")" and "(" not in words[start:k]:
                break  # the writer's bracket closes around the report
            if (
                k > start
                and (word == "،" or word == ",")
                and k + 1 < n
                and self._opens_clause(k + 1)
            ):
                break
            if k > start + 1 and self._new_attribution(k):
                break
            k += 1
        return k

    def _opens_clause(self, k: int) -> bool:
        word = self.words[k]
        if word in _CLAUSE_OPENERS or (
            word == "في" and k + 1 < len(self.words) and self.words[k + 1] == "حين"
        ):
            return True
        cue = self.cue_at.get(k)
        if cue is None:
            return False
        if cue.phrase is not None:
            return cue.phrase.role in ("according_to", "noun_cue")
        return self._new_attribution(k)

    def _new_attribution(self, k: int) -> bool:
        """Tell whether token ``k`` opens a new attribution: a participle cue or و+speech verb."""
        cue = self.cue_at.get(k)
        if cue is None or cue.verb is None or cue.verb.risky:
            return False
        if cue.verb.tense == "participle":
            return True
        return self.words[k][0] in "وف" and cue.verb.tense in ("past", "present")

    def trimmed(self, start: int, end: int) -> tuple[int, int] | None:
        """Return the character span of tokens ``[start, end)`` without edge punctuation.

        >>> Linker("، الحل قريب .").trimmed(0, 4)
        (2, 11)
        """
        while start < end and not self._keeps_at_start(start):
            start += 1
        while end > start and not self._keeps_at_end(end - 1, start):
            end -= 1
        if start >= end:
            return None
        return self.tokens.starts[start], self.tokens.ends[end - 1]

    def _keeps_at_start(self, i: int) -> bool:
        word = self.words[i]
        if word[0].isalnum():
            return True
        quote = self.quote_at_open.get(i)
        return quote is not None and word in QUOTE_MARKS

    def _keeps_at_end(self, i: int, start: int) -> bool:
        word = self.words[i]
        if word[0].isalnum():
            return True
        if word in ")]}" or word == "%":
            return True
        quote = self.quote_at_close.get(i)
        return quote is not None and quote.open >= self.tokens.starts[start]

    def content_kind(self, start_char: int, end_char: int) -> Kind:
        """Return MIXED when reported content holds a quoted fragment of speech.

        >>> text = "ان الوضع «ينذر بكارثة صحية وشيكة» الان"
        >>> Linker(text).content_kind(3, len(text))
        <Kind.MIXED: 'mixed'>
        """
        return self._classify(start_char, end_char)[0]

    def _classify(self, start_char: int, end_char: int) -> tuple[Kind, tuple[int, int]]:
        """Return a clause's kind and span; a clause that is all quote is DIRECT, unmarked."""
        for quote in self.quotes:
            if quote.open >= end_char:
                break
            if quote.open >= start_char - 1 and quote.words >= SPEECH_QUOTE_WORDS:
                if quote.open <= start_char and quote.end >= end_char - 1:
                    self.owned_quotes.add(quote.open)
                    return Kind.DIRECT, self._quote_content(quote)
                return Kind.MIXED, (start_char, end_char)
        return Kind.INDIRECT, (start_char, end_char)

    # -- rules -----------------------------------------------------------------

    def run(self) -> list[Draft]:
        """Apply every rule in order and return the drafts sorted by content.

        >>> [d.rule for d in Linker("وقال الوزير: «سنواصل العمل»").run()]
        ['verb_colon_quote']
        """
        for cue in self.cues:
            if self._inside_anonymity(cue.index):
                continue
            if self.inside_speech(cue.index):
                if cue.verb is not None and not cue.verb.risky:
                    self.verb_cue(cue, nested=True)  # «… قال يومها: "هذا مشروع لن يرى النور"…»
                continue
            if cue.verb is not None:
                self.verb_cue(cue)
            elif cue.phrase is not None and cue.phrase.role == "noun_cue":
                self.noun_cue(cue)
            elif (
                cue.phrase is not None
                and cue.phrase.role == "impersonal"
                and not cue.phrase.text.startswith(_WRITER_FORMULAS)
            ):
                # "وقيل إن…", "أفيد بأن…": a statement with no speaker; a phrase
                # that ends in its أن leaves that for the trigger search.
                length = cue.length - 1 if self.words[cue.end - 1] in AN_WORDS else cue.length
                self.verb_cue(
                    evolve(cue, length=length, verb=_impersonal(cue.phrase.lemma), phrase=None)
                )
        for cue in self.cues:
            if (
                cue.phrase is not None
                and cue.phrase.role == "according_to"
                and not self.inside_speech(cue.index)
            ):
                self.according_to(cue)
        self.headlines()
        self.continued_quotes()
        self.drafts = self.finish()
        self.resolve_speakers()
        self.drop_writer()
        return self.drafts

    def verb_cue(self, cue: Cue, *, nested: bool = False) -> None:
        """A speech verb: speaker after it (or before), then أن, a colon, a quote or an object.

        >>> linker = Linker("اعلنت الوزارة استدعاء السفير.")
        >>> linker.verb_cue(linker.cues[0])
        >>> [d.rule for d in linker.drafts]
        ['verb_object']
        """
        verb = cue.verb
        assert verb is not None
        if verb.type in ("naming", "decision") or (
            verb.lemma == "جاء"
            and verb.tense != "noun"
            and self.words[cue.end : cue.end + 1] != ["في"]
        ):
            return
        words = self.words
        n = len(words)
        if not self._plausible_cue(cue, verb):
            return
        speaker: Mention | None = None
        addressee: tuple[int, int] | None = None
        sources: list[Mention] = []
        k = cue.end
        seen_words = 0
        trigger: str | None = None
        after_mentions = cue.end
        while k < n and seen_words <= TRIGGER_WINDOW:
            word = words[k]
            if word in AN_WORDS:
                if words[k - 1] in _NOT_COMPLEMENTISERS:
                    break  # "…بعد أن غادر": a time clause, not what was said
                trigger = "an"
                break
            if word == ":":
                trigger = "colon"
                break
            quote = self.quote_at_open.get(k)
            if quote is not None:
                outlet = self.reader.read_outlet(k)
                glued_name = words[k - 1] in ("ل", "لـ", "ب", "مع") or outlet is not None
                if (
                    self.is_speech_quote(quote, after_cue=k == after_mentions and not glued_name)
                    and not verb.risky
                ):
                    trigger = "quote"
                    break
                glued = words[k - 1] in ("ل", "لـ")
                k = max(k + 1, self.quote_token_end(quote))
                if outlet is not None and glued:
                    # "قال لـ«عكاظ» مدير…": the outlet the statement was given to.
                    sources.append(outlet)
                    after_mentions = k
                continue
            if self.tokens.ends_sentence(k):
                break
            if word in ("،", ",") and k + 1 < n and words[k + 1] in _CLAUSE_OPENERS:
                break
            anonymity = anonymity_clause_end(words, k + 1) if word in ("،", ",") else None
            if anonymity is not None:
                k = anonymity  # "، طلب عدم نشر اسمه،": the source's anonymity, not content
                after_mentions = k + 1 if k < n and words[k] in ("،", ",") else k
                continue
            other = self.cue_at.get(k)
            if other is not None and k > cue.index:
                if (
                    other.phrase is not None
                    and other.length > 1
                    and other.phrase.text.split()[0] in _VERB_PHRASE_HEADS
                ):
                    break  # "…، فيما ذكرت صحيفة «الوطن» أن": a new statement begins
                if other.phrase is not None and other.phrase.role == "according_to":
                    source = self._phrase_mention(other)
                    if source is not None:
                        if source.kind == "outlet":
                            sources.append(source)
                        k = source.end
                        after_mentions = k
                        continue
                    k = other.end
                    continue
                if (
                    other.verb is not None
                    and other.verb.tense != "noun"
                    and k > cue.end
                    and words[k - 1] not in _RELATIVES
                ):
                    break
                if other.verb is not None and other.verb.tense == "noun" and k == after_mentions:
                    k += 1  # "نقلت رويترز عن الوزير قوله «…»": قوله hands on to the quote
                    after_mentions = k
                    continue
            if word in _OBJECT_NOUNS:
                # "لفت النظر إلى أن"، "ختم كلمته بالقول": the verb's object, not its subject.
                seen_words += 1
                k += 1
                continue
            if word[0].isalpha() and (verb.tense != "participle" or word.startswith("ل")):
                # A participle's subject is the clause's: "داعيا السكان إلى…" names its object.
                mention = self._mention_at(k, speaker is None)
                if mention is not None:
                    used = True
                    if mention.kind == "outlet" and words[k].startswith("ل") and mention.lead:
                        sources.append(mention)
                    elif (
                        speaker is None
                        and not mention.lead
                        and (k == after_mentions or self._late_subject(k, mention, verb))
                    ):
                        speaker = mention
                    elif (
                        addressee is None
                        and k == after_mentions
                        and (mention.lead or verb.lemma in _ADDRESSEE_VERBS)
                    ):
                        addressee = (mention.char_start(self.tokens), mention.char_end(self.tokens))
                    else:
                        used = False
                    seen_words += mention.end - k
                    k = mention.end
                    if used and mention is speaker:
                        speaker, k = self._relay(speaker, k, sources)
                    if used:
                        after_mentions = k
                    continue
                seen_words += 1
            k += 1
        if trigger is None and nested:
            return
        if trigger is None:
            trigger_start = self._complement(cue, after_mentions, speaker)
            if trigger_start is None:
                # «…»، قال قائد الفريق: the cue follows the quote it introduces.
                self._postposed(cue, verb.lemma)
                return
            content_start, rule = trigger_start
            k = content_start
        else:
            rule = {"an": "verb_an", "colon": "verb_colon", "quote": "verb_quote"}[trigger]
        if nested and not (
            trigger == "quote" or (trigger == "colon" and k + 1 in self.quote_at_open)
        ):
            return  # inside a quote only a quote within the quote is another statement
        if speaker is None and verb.tense != "participle" and verb.type != "impersonal":
            speaker = self._mention_before(cue.index) or self._relative_antecedent(cue.index)
        if speaker is not None and speaker.kind == "outlet":
            sources.append(speaker)
        draft = Draft(
            content=(0, 0),
            kind=Kind.INDIRECT,
            rule=rule,
            cue=(self.tokens.starts[cue.index], self.tokens.ends[cue.end - 1]),
            lemma=verb.lemma,
            verb=verb,
            speaker=speaker,
            needs_speaker=speaker is None and verb.type != "impersonal",
            sources=sources,
            addressee=addressee,
            cue_index=cue.index,
            sentence=self.sentence_of[cue.index],
        )
        if trigger == "quote" or (trigger == "colon" and k + 1 < n and k + 1 in self.quote_at_open):
            quote_index = k if trigger == "quote" else k + 1
            if trigger == "colon":
                draft.rule = "verb_colon_quote"
            self._direct(draft, quote_index)
            return
        start = k + 1 if trigger in ("an", "colon") else k
        end = self.clause_end(start)
        span = self.trimmed(start, end)
        if span is None:
            return
        draft.kind, draft.content = self._classify(*span)
        self.drafts.append(draft)

    def _plausible_cue(self, cue: Cue, verb: VerbForm) -> bool:
        """Filter cue candidates that real news shows to be mostly something else.

        - "بين" opens a statement only at a clause start ("الفرق بين" is between);
        - "يمكن القول"، "نستطيع القول": the writer's own voice;
        - a weak verb (علم، عرف، شعر، وجد، اعتقد…) needs a titled or named
          subject right after it and أن right after that.
        """
        words = self.words
        word = words[cue.index]
        before = words[cue.index - 1] if cue.index > 0 else "\n"
        clause_start = not before[0].isalnum() or before in _RELATIVES or before in _KANA
        if verb.lemma == "بين" and word in ("بين", "وبين") and not clause_start:
            return False
        if verb.tense == "noun" and before in _WRITER_VOICE:
            return False
        if (
            before in ("لا", "لم", "لن")
            and cue.index > 1
            and words[cue.index - 2] in _DEMONSTRATIVES
        ):
            return False  # "هذا لا ينفي أن…": the writer arguing
        if _writer_comment(words, cue.index):
            return False  # "الأمر الذي يؤكد…"، "مما يؤكد…"، "وهو ما يؤكد…": the writer's comment
        if verb.lemma == "بين" and verb.tense == "present":
            # "فتبين أن…" is "it turned out": only with a named subject after it.
            mention = self.reader.read(cue.end)
            if mention is None or (mention.head_class in ("", "bare") and not mention.named):
                return False
        if verb.tier == "weak":
            mention = self.reader.read(cue.end)
            if mention is None or (
                mention.head_class == "" and not mention.named and mention.kind != "outlet"
            ):
                return False
            if mention.end >= len(words) or words[mention.end] not in AN_WORDS:
                return False
        return True

    def _mention_at(self, k: int, want_speaker: bool) -> Mention | None:
        """Read a mention at ``k``; ``لرويترز``, ``لوكالة تاس`` are read without their ل."""
        word = self.words[k]
        if word.startswith("ل") and len(word) > 2:
            glued = self.reader.read(k, strip=1)
            if glued is not None and glued.kind in ("outlet", "person", "organization"):
                return glued
        if self.reader.is_stop(k):
            return None
        return self.reader.read(k, allow_bare_name=want_speaker and self._before_trigger(k))

    def _late_subject(self, k: int, mention: Mention, verb: VerbForm) -> bool:
        """Tell whether a titled mention after an adjunct is the verb's subject.

        "وقالت في حديث لـ«الشرق الأوسط» الدكتورة أمل الفوزان إن…": yes;
        "وقال خلال لقائه وزير الخارجية…" or "مع وزير…": no, that one is spoken with.
        """
        if mention.head_class in ("bare", "document") or (
            mention.head_class == "" and not mention.named
        ):
            return False
        before = self.words[k - 1]
        if (
            before in self.lexicon.particles
            or before.endswith(("ه", "ها"))
            or before in ("مع", "لقاء", "استقبال")
        ):
            return False
        return _agrees(verb, mention)

    def _coordinated(self, k: int, sources: list[Mention]) -> int:
        """Take outlets joined by و after an outlet: "رويترز وفرانس برس"; return where they end."""
        words = self.words
        while k < len(words) and words[k].startswith("و") and len(words[k]) > 2:
            more = self.reader.read(k, strip=1)
            if more is None or more.kind != "outlet":
                break
            sources.append(more)
            k = more.end
        return k

    def _named_outlet(self, mention: Mention) -> Mention:
        """Give "الوكالة" the name of the outlet cited last before it."""
        if mention.kind != "outlet" or mention.outlet is not None:
            return mention
        words = self.words
        outlets = self.lexicon.outlets
        for j in range(mention.start - 1, -1, -1):
            if words[j] in OUTLET_TYPE_NOUNS or words[j] in outlets or words[j] in QUOTE_MARKS:
                earlier = self.reader.read_outlet(j)
                if earlier is not None and earlier.outlet is not None:
                    return evolve(
                        mention,
                        outlet=earlier.outlet,
                        name_start=earlier.name_start,
                        name_end=earlier.name_end,
                    )
        return mention

    def _relay(self, speaker: Mention, k: int, sources: list[Mention]) -> tuple[Mention, int]:
        """Outlets joined by و, a relayed source after عن, an apposition between commas.

        "نقلت وكالتا رويترز وفرانس برس عن مصدر…": both agencies are sources and
        the source they quote speaks; "قال فلان، رئيس الهيئة، إن…": the
        apposition belongs to the speaker mention.
        """
        words = self.words
        n = len(words)
        if speaker.kind == "outlet":
            speaker = self._named_outlet(speaker)
            k = self._coordinated(k, sources)
            if k + 1 < n and words[k] == "عن":
                origin = self.reader.read(k + 1, allow_bare_name=True)
                if origin is not None:
                    sources.append(speaker)
                    speaker, k = origin, origin.end
        if k + 1 < n and words[k] == "،" and speaker.kind in ("person", "anonymous"):
            apposition = self.reader.read(k + 1)
            if (
                apposition is not None
                and apposition.kind in ("person", "organization")
                and not apposition.named
                and apposition.end < n
                and (words[apposition.end] in ("،", ",") or words[apposition.end] in AN_WORDS)
            ):
                speaker = evolve(speaker, end=apposition.end)
                k = apposition.end
        return speaker, k

    def _before_trigger(self, k: int) -> bool:
        """Tell whether a bare name at ``k`` is followed (within three words) by أن or a colon."""
        for j in range(k + 1, min(k + 4, len(self.words))):
            word = self.words[j]
            if word in AN_WORDS or word == ":" or word == "،" or j in self.quote_at_open:
                return True
            if not word[0].isalpha():
                return False
        return False

    def _complement(self, cue: Cue, k: int, speaker: Mention | None) -> tuple[int, str] | None:
        """Content without أن: a verbal-noun object (أعلن استدعاء…) or a preposition (دعا إلى…)."""
        verb = cue.verb
        assert verb is not None
        if k >= len(self.words) or self.sentence_of[k] != self.sentence_of[cue.index]:
            return None
        # A risky verb (طالب، وصف، علق) takes a complement only after a named or
        # titled subject: "وطالب الوزير بضرورة…" but not "طالب بضرورة…".
        titled = speaker is not None and (speaker.named or speaker.head_class not in ("", "bare"))
        if verb.tier == "weak" or (
            verb.risky and not (titled and speaker is not None and speaker.kind != "unknown")
        ):
            return None
        complements = verb.complements
        if verb.risky:
            # "كشفت الشرطة عن شبكة" uncovers; "طالب الوزير بضرورة…" demands. In the
            # present, "يعتبر المدرب…" is mostly "is considered": the writer's voice.
            complements = complements & {"ب", "على", "الى", "object"}
            if verb.tense != "past":
                complements = complements - {"object"}
        k = self._skip_adjuncts(k)
        if k >= len(self.words):
            return None
        word = self.words[k]
        if not word[0].isalpha():
            return None
        if word in complements:
            if k + 1 < len(self.words) and self.words[k + 1].startswith("نفس"):
                return None  # "أعلن عن نفسه": made himself known
            return k + 1, "verb_preposition"
        if (
            "ب" in complements
            and word.startswith("ب")
            and len(word) > 3
            and word not in self.lexicon.function_words
        ):
            return k, "verb_preposition"
        continuing = self.words[cue.index][0] in "وف"  # "وأعلن في ختام الجلسة تشكيل…"
        if "object" in complements and (
            speaker is not None or verb.tense == "participle" or continuing
        ):
            if (
                word in self.lexicon.particles
                or word in self.lexicon.verb_forms
                or word.startswith("نفس")
            ):
                return None
            return k, "verb_object"
        return None

    def _relative_antecedent(self, index: int) -> Mention | None:
        """The noun a relative clause hangs on: "الشرطة التي رجحت أن…"، "ميلنر الذي أعلن…"."""
        words = self.words
        if index < 2 or words[index - 1] not in ("الذي", "التي", "الذين", "اللذين", "اللتين"):
            return None
        end = index - 1
        for start in range(max(0, end - 8), end):
            mention = self.reader.read(start)
            if mention is not None and mention.end == end and mention.kind != "unknown":
                return mention
        return None

    def _skip_adjuncts(self, k: int) -> int:
        """Skip "في بيان أمس"، "في تصريح له"، "اليوم" between a speaker and an object."""
        words = self.words
        n = len(words)
        while k < n:
            if (
                words[k] in ("في", "خلال", "عبر")
                and k + 1 < n
                and head_noun(words[k + 1]) in _FRAME_NOUNS
            ):
                k += 3 if k + 2 < n and words[k + 2][0].isalpha() else 2  # "في ختام الجلسة"
                continue
            if (
                words[k] in ("في", "خلال", "عبر")
                and k + 1 < n
                and head_noun(words[k + 1]) in _STATEMENT_NOUNS
            ):
                k += 2
                if k < n and words[k] in ("له", "لها", "صحفي", "صحفية", "رسمي", "صحافي"):
                    k += 1
                continue
            if words[k] in _TIME_WORDS:
                k += 1
                continue
            return k
        return k

    def _mention_before(self, index: int) -> Mention | None:
        """Read a subject standing before its verb: وكانت تقارير إعلامية قد أفادت…

        A topic after أما is the subject of the ف-verb that follows it: "أما
        مصر فأكدت…"، "أما أم فهد، التي تدير متجرا…، فتقول…".
        """
        if self.words[index].startswith("ف"):
            j = index - 1
            while j >= 0 and not self.tokens.ends_sentence(j) and index - j < 25:
                if self.words[j] in ("اما", "واما"):
                    topic = self.reader.read(j + 1, allow_bare_name=True)
                    if topic is not None:
                        return topic
                    break
                j -= 1
        end = index
        if end > 0 and self.words[end - 1] in ("قد", "وقد"):
            end -= 1
        if end == 0 or (end == index and self.words[end - 1] in _KANA):
            return None
        lowest = max(0, end - 8)
        for start in range(lowest, end):
            before = self.words[start - 1] if start > 0 else "\n"
            if not (
                start == 0
                or self.tokens.ends_sentence(start - 1)
                or before in _KANA
                or before in ("،", "و", "ف", ":")
                or before in AN_WORDS
            ):
                continue
            mention = self.reader.read(start)
            if mention is not None and mention.end == end:
                return mention
        return None

    def _phrase_mention(self, cue: Cue) -> Mention | None:
        """Read the source named after an attribution phrase (وفقا لوكالة…, نقلا عن مصادر)."""
        k = cue.end
        words = self.words
        # "بحسب ما ذكرت", "حسبما أفادت": skip the verb to its subject.
        while k < len(words) and (
            words[k] in ("ما", "ل") or (k in self.cue_at and self.cue_at[k].verb is not None)
        ):
            k += 1
        if k >= len(words):
            return None
        phrase = cue.phrase
        glued = phrase is not None and phrase.text.rstrip().endswith("ـ") and k == cue.end
        if (
            (
                glued
                or (
                    words[k].startswith("ل")
                    and words[k - 1] not in ("ل",)
                    and not self.reader.read(k)
                )
            )
            and words[k].startswith("ل")
            and len(words[k]) > 2
        ):
            return self.reader.read(k, strip=1, outlet_context=True)
        return self.reader.read(k, outlet_context=True)

    def _direct(self, draft: Draft, quote_index: int) -> None:
        """Direct quote at ``quote_index``, and the quotes joined to it by و (“…” و”…”)."""
        while True:
            quote = self.quote_at_open[quote_index]
            if quote.start >= quote.end:
                return
            self.owned_quotes.add(quote.open)
            self.drafts.append(
                evolve(
                    draft,
                    content=self._quote_content(quote),
                    kind=Kind.DIRECT,
                    sources=list(draft.sources),
                )
            )
            end = self.quote_token_end(quote)
            after = end
            while after < len(self.words) and self.words[after] in ("،", ",", "و"):
                after += 1
            if after == end or after not in self.quote_at_open:
                return
            if not self.is_speech_quote(self.quote_at_open[after], after_cue=True):
                return
            quote_index = after

    def _quote_content(self, quote: Quote) -> tuple[int, int]:
        start, end = quote.start, quote.end
        text = self.text
        while end > start and (
            text[end - 1] in QUOTE_MARKS or (quote.close is None and text[end - 1] in ".،,؛")
        ):
            end -= 1
        return start, end

    def noun_cue(self, cue: Cue) -> None:
        """A verbal-noun cue after what was said: «…»، على حد قوله / …، وفق قولها.

        >>> [d.rule for d in Linker("«سنعود قريبا الى المفاوضات»، على حد قوله.").run()]
        ['postposed_cue']

        A quote right before it is the content; otherwise, after a comma, the
        clause before it back to the sentence start.
        """
        lemma = cue.phrase.lemma if cue.phrase else ""
        if self._postposed(cue, lemma):
            return
        k = cue.index - 1
        last = self.words[cue.end - 1]
        if (
            k < 1
            or self.words[k] not in ("،", ",")
            or not last.endswith(("ه", "ها", "هم"))
            or last in ("له", "لها")
        ):
            # "وجاء في البيان أن…"، "وفي تصريح له، أكد…": the phrase opens what follows.
            if not any(
                d.cue_index <= cue.index and d.content[0] > self.tokens.starts[cue.index]
                for d in self.drafts
            ):
                length = cue.length
                named = self.reader.read(cue.end - 1) if length > 1 else None
                if named is not None and named.head_class == "document":
                    length -= 1  # "وجاء في البيان أن…": the statement is the speaker
                self.verb_cue(evolve(cue, length=length, verb=_noun_cue(lemma), phrase=None))
            return
        start = k
        while start > 0 and not self.tokens.ends_sentence(start - 1):
            start -= 1
        span = self.trimmed(start, k)
        if span is None:
            return
        kind, span = self._classify(*span)
        self.drafts.append(
            Draft(
                content=span,
                kind=kind,
                rule="postposed_cue",
                cue=(self.tokens.starts[cue.index], self.tokens.ends[cue.end - 1]),
                lemma=lemma,
                needs_speaker=True,
                cue_index=cue.index,
                sentence=self.sentence_of[cue.index],
            )
        )

    def _postposed(self, cue: Cue, lemma: str) -> bool:
        k = cue.index - 1
        while k >= 0 and self.words[k] in ("،", ",", "-", "–", "كما", "وكما"):
            k -= 1  # «…»، قال الوزير / «…»، كما قال
        quote = self.quote_at_close.get(k)
        if quote is None or quote.open in self.owned_quotes or quote.words < 2:
            return False  # «داعش»، قال…: a one-word quote before a cue is a name
        if self.reader.read_outlet(self._token_at[quote.open]) is not None:
            return False
        opening = self._token_at[quote.open]
        if cue.phrase is not None and opening > 0 and self.words[opening - 1][0].isalpha():
            return False  # "الأسعار «عادلة…»، على حد قوله": the whole clause, a mixed quote
        speaker = (
            self.reader.read(cue.end, allow_bare_name=True) if cue.end < len(self.words) else None
        )
        sources = [speaker] if speaker is not None and speaker.kind == "outlet" else []
        after = speaker.end if speaker is not None else cue.end
        if after < len(self.words):
            given_to = self._mention_at(after, False)
            if given_to is not None and given_to.kind == "outlet" and given_to.lead:
                sources.append(given_to)  # «…»، قال الوزير لرويترز
        self.owned_quotes.add(quote.open)
        self.drafts.append(
            Draft(
                content=self._quote_content(quote),
                kind=Kind.DIRECT,
                rule="postposed_cue",
                cue=(self.tokens.starts[cue.index], self.tokens.ends[cue.end - 1]),
                lemma=lemma,
                verb=cue.verb,
                speaker=speaker,
                needs_speaker=speaker is None,
                sources=sources,
                cue_index=cue.index,
                sentence=self.sentence_of[cue.index],
            )
        )
        return True

    def according_to(self, cue: Cue) -> None:
        """وفقا لـ، بحسب، نقلا عن: a source for a neighbouring statement.

        >>> [d.rule for d in Linker("ارتفعت الاسعار، بحسب رويترز.").run()]
        ['according_to_postposed']
        """
        phrase = cue.phrase
        assert phrase is not None
        if any(d.cue_index == cue.end - 1 for d in self.drafts):
            return  # the phrase's own verb made the statement: "كما أفادت الوكالة بأن…"
        mention = self._phrase_mention(cue)
        if mention is None or (mention.kind == "unknown" and mention.head_class != "document"):
            return
        if (
            mention.head_class == "document"
            and head_noun(self.words[mention.start]) not in _STATEMENT_DOCUMENTS
        ):
            return  # "وفقا للائحة": in accordance with a rule, not according to a source
        if mention.kind == "organization" and mention.head_class == "generic":
            return
        mention = self._named_outlet(mention)
        outlets = [mention] if mention.kind == "outlet" else []
        after_mention = self._coordinated(mention.end, outlets) if outlets else mention.end
        if outlets and after_mention + 1 < len(self.words) and self.words[after_mention] == "عن":
            # "وفق ما نقلت وكالة رويترز عن مسؤول…": the outlet relays, the official speaks.
            origin = self.reader.read(after_mention + 1)
            if origin is not None:
                mention, after_mention = origin, origin.end
        if (
            mention.kind == "person"
            and mention.head_class == ""
            and mention.name_end - mention.name_start == 1
        ) and self.words[mention.name_start] not in self.names:
            return  # "بحسب الخطة": a bare word is no source
        sentence = self.sentence_of[cue.index]
        cue_span = (self.tokens.starts[cue.index], self.tokens.ends[cue.end - 1])
        position = self.tokens.starts[cue.index]
        # The phrase sits inside an attribution's cue-to-content stretch or right after its content.
        for draft in self.drafts:
            if draft.sentence != sentence or draft.rule.startswith("according"):
                continue
            inside = draft.cue is not None and draft.cue[0] < position < draft.content[0]
            after = 0 <= position - draft.content[1] <= 3
            before = cue.index == 0 or (
                self._sentence_start(cue.index)
                and draft.cue is not None
                and draft.cue[0] > position
            )
            if inside or after or before:
                draft.sources.extend(outlets)
                if (
                    draft.speaker is None
                    and (draft.needs_speaker or mention.kind != "outlet")
                    and not inside
                ):
                    draft.speaker = mention
                    draft.needs_speaker = False
                return
        if self._sentence_start(cue.index):
            k = after_mention
            while k < len(self.words) and (
                self.words[k] in ("،", ",") or self.words[k] in _RESUMPTIVES
            ):
                k += 1
            end = self.clause_end(k)
            rule = "according_to_preposed"
            span = self.trimmed(k, end)
        else:
            k = cue.index - 1
            while k >= 0 and self.words[k] in ("،", ","):
                k -= 1
            end = k + 1
            while (
                k >= 0
                and not self.tokens.ends_sentence(k)
                and self.words[k] not in ("،", ",", ":", "؛")
            ):
                quote = self.quote_at_close.get(k)
                if quote is not None:
                    k = bisect.bisect_left(self.tokens.starts, quote.open)
                k -= 1
            rule = "according_to_postposed"
            span = self.trimmed(k + 1, end)
        if span is None or span[1] - span[0] < 2:
            return
        self.drafts.append(
            Draft(
                content=span,
                kind=self.content_kind(*span),
                rule=rule,
                cue=cue_span,
                lemma=phrase.lemma,
                speaker=mention,
                sources=outlets,
                cue_index=cue.index,
                sentence=sentence,
            )
        )

    def _sentence_start(self, index: int) -> bool:
        return index == 0 or self.tokens.ends_sentence(index - 1)

    def headlines(self) -> None:
        """``SPEAKER: CONTENT`` or ``SPEAKER لـADDRESSEE: CONTENT`` at the start of a line.

        >>> [d.rule for d in Linker("وزير المالية: العجز سيتراجع هذا العام").run()]
        ['headline']
        """
        words = self.words
        n = len(words)
        starts = [0] + [i + 1 for i in range(n) if words[i] == "\n"]
        for start in starts:
            if start >= n or not words[start][0].isalpha():
                continue
            colon = next(
                (j for j in range(start, min(start + 10, n)) if words[j] in (":", "\n")), None
            )
            if colon is None or words[colon] != ":" or colon == start:
                continue
            if any(self.cue_at.get(j) is not None for j in range(start, colon)):
                continue
            if any(
                not words[j][0].isalpha() and words[j] not in QUOTE_MARKS
                for j in range(start, colon)
            ):
                continue  # "الرياض - واس:" is a dateline
            mention = self.reader.read(start)
            if mention is None or mention.kind == "outlet":
                continue
            if mention.kind in ("organization", "unknown") and mention.end - mention.start == 1:
                continue  # "الدفاع: …" is a list label; a headline speaker is named or titled
            k = mention.end
            addressee = None
            sources: list[Mention] = []
            if k + 1 < colon and words[k] in ("ل", "لـ") and words[k + 1] in QUOTE_MARKS:
                # "مدير تعليم جدة لـ«عكاظ»: …": the outlet the statement was given to.
                outlet = self.reader.read_outlet(k + 1)
                if outlet is None:
                    continue
                sources.append(outlet)
                k = outlet.end
            if k < colon and words[k].startswith("ل") and len(words[k]) > 2:
                # "زاخاروفا للناتو:": لـ + the one spoken to; "للناتو" keeps its لل
                # (ل + ال with the alef dropped), "لزيلينسكي" loses its ل.
                strip = 0 if words[k].startswith("لل") else 1
                addressee = (self.tokens.starts[k] + strip, self.tokens.ends[colon - 1])
                k = colon
            if k != colon:
                continue
            line_end = k + 1
            while line_end < n and words[line_end] != "\n":
                line_end += 1
            credited = (
                self.reader.read(colon + 1)
                if colon + 1 < n and words[colon + 1][0].isalpha()
                else None
            )
            if credited is not None and credited.kind == "outlet":
                continue  # "المصدر: وكالة الأنباء السعودية" is a credit line
            if sum(1 for j in range(colon + 1, line_end) if words[j][0].isalpha()) < 2:
                continue
            if colon + 1 in self.quote_at_open:
                quote = self.quote_at_open[colon + 1]
                self.owned_quotes.add(quote.open)
                span: tuple[int, int] | None = self._quote_content(quote)
                kind = Kind.DIRECT
            else:
                span = self.trimmed(colon + 1, line_end)
                kind = Kind.INDIRECT if span is None else self.content_kind(*span)
            if span is None:
                continue
            self.drafts.append(
                Draft(
                    span,
                    kind,
                    "headline",
                    speaker=mention,
                    addressee=addressee,
                    sources=sources,
                    sentence=self.sentence_of[start],
                )
            )

    def continued_quotes(self) -> None:
        """A quote opening a paragraph right after an attributed one goes on in the same voice.

        >>> text = "وقال الوزير: «سنبدأ العمل غدا في كل المدن»\\n«وسنكمل المشروع قبل نهاية العام»"
        >>> [d.rule for d in Linker(text).run()]
        ['verb_colon_quote', 'continued_quote']
        """
        if not self.drafts:
            return
        ordered = sorted(self.drafts, key=lambda d: d.content[0])
        for quote in self.quotes:
            if quote.open in self.owned_quotes or quote.words < SPEECH_QUOTE_WORDS:
                continue
            paragraph_start = self.text.rfind("\n", 0, quote.open) + 1
            if self.text[paragraph_start : quote.open].strip():
                continue
            previous = [d for d in ordered if d.content[1] <= quote.open and d.rule != "headline"]
            if not previous:
                continue
            last = previous[-1]
            between = self.text[last.content[1] : paragraph_start]
            unquoted = last.kind == Kind.INDIRECT and last.rule != "verb_colon"
            if between.count("\n") > 2 or unquoted:
                continue
            self.owned_quotes.add(quote.open)
            self.drafts.append(
                Draft(
                    self._quote_content(quote),
                    Kind.DIRECT,
                    "continued_quote",
                    cue=None,
                    lemma=None,
                    speaker=last.speaker,
                    needs_speaker=last.speaker is None and last.needs_speaker,
                    sources=list(last.sources),
                    cue_index=last.cue_index,
                    sentence=self.sentence_of[bisect.bisect_left(self.tokens.starts, quote.open)],
                )
            )

    def resolve_speakers(self) -> None:
        """Give dropped subjects (وقال، وأضافت، مشيرا) the most recent compatible speaker.

        Then give every speaker mention its canonical name: a title without a
        name (الوزير، المسؤول الأمريكي) or a short organisation (الوزارة) takes
        the name of the earlier full mention it refers back to.

        >>> drafts = Linker("قال الوزير سالم احمد ان الحل قريب. واضاف ان الاتفاق جاهز.").run()
        >>> drafts[1].speaker is drafts[0].speaker
        True
        """
        ordered = sorted(self.drafts, key=lambda d: d.cue[0] if d.cue else d.content[0])
        known: list[Draft] = []
        for draft in ordered:
            if draft.needs_speaker and draft.speaker is None:
                draft.speaker = self._antecedent(draft, known)
            if draft.speaker is not None:
                known.append(draft)
        headlines = {
            d.speaker.start for d in self.drafts if d.speaker is not None and d.rule == "headline"
        }
        mentions = sorted(
            {d.speaker.start: d.speaker for d in self.drafts if d.speaker is not None}.values(),
            key=lambda m: m.start,
        )
        earlier: list[Mention] = []
        for mention in mentions:
            self.canonical[mention.start] = self._canonical(
                mention, earlier, mention.start in headlines
            )
            earlier.append(mention)

    def _canonical(
        self, mention: Mention, earlier: list[Mention], headline: bool = False
    ) -> tuple[int, int]:
        tokens = self.tokens
        own = mention.name_span(tokens)
        if mention.named:
            surname = self.words[mention.name_end - 1]
            full = self.names.get(surname)
            if full is not None and mention.name_end - mention.name_start == 1:
                return full  # "بيسكوف" → "دميتري بيسكوف"; a new full name stays its own
            return own
        head = head_noun(self.words[mention.start])
        if mention.kind == "person":
            for other in reversed(earlier):
                if other.kind != "person":
                    continue
                same_title = head_noun(self.words[other.start]) == head and (
                    # "رئيس رابطة…" is not "رئيس الوزراء": a longer title must match in full.
                    mention.end - mention.start == 1
                    or self.words[mention.start + 1 : mention.end]
                    == self.words[other.start + 1 : other.start + mention.end - mention.start]
                )
                official = (
                    head in _GENERIC_OFFICIALS
                    and other.named
                    and (not mention.gender or other.gender == mention.gender)
                )
                if same_title or official:
                    return self.canonical[other.start]
        elif mention.kind == "organization" and mention.end - mention.start == 1:
            for other in reversed(earlier):
                if (
                    other.kind == "organization"
                    and head_noun(self.words[other.start]) == head
                    and other.end - other.start > 1
                ):
                    return self.canonical[other.start]
        if mention.kind in ("person", "organization"):
            found = self._fuller_mention(mention, head, forward=headline)
            if found is not None:
                return found
        return own

    def _fuller_mention(
        self, mention: Mention, head: str, *, forward: bool
    ) -> tuple[int, int] | None:
        """Find the fuller mention a short one stands for.

        "الهيئة" stands for an earlier "هيئة قطر للسياحة", "اللاعب" for "لاعب
        الوسط المغربي يوسف بنعمر". The nearest earlier one wins. Only a
        headline looks ahead: its "وزير المالية" is the body's "وزير المالية
        محمد السبيعي".
        """
        words = self.words
        before = range(mention.start - 1, -1, -1)
        after = range(mention.end, len(words)) if forward else range(0)
        for positions in (before, after):
            for j in positions:
                if head_noun(words[j]) != head or j == mention.start:
                    continue
                other = self.reader.read(j)
                if other is None or other.kind != mention.kind:
                    continue
                if other.named:
                    return self._canonical(other, [], forward)
                if other.end - other.start > mention.end - mention.start:
                    return other.name_span(self.tokens)
        return None

    def _antecedent(self, draft: Draft, known: list[Draft]) -> Mention | None:
        verb = draft.verb
        participle = verb is not None and verb.tense == "participle"
        before = self.words[draft.cue_index - 1] if draft.cue_index > 0 else ""
        as_i_said = before in ("كما", "وكما", "مثلما")
        if verb is not None and verb.tense == "past" and as_i_said and not known:
            # "كما ذكرتُ" with nobody before it is the writer: first person, not "she said".
            draft.needs_speaker = False
            draft.rule = "writer"
            return None
        subject = self._recent_subject(draft)
        if verb is not None and verb.gender == "f" and verb.number == "s":
            # Feminine is the marked form: "وأضافت" skips a recent name of unknown
            # gender for a nearby speaker that is surely feminine.
            for candidate in list(reversed(known))[:3]:
                speaker = candidate.speaker
                assert speaker is not None
                if speaker.gender == "f" or (speaker.gender == "p" and speaker.kind != "person"):
                    if subject is None or subject.start < speaker.start:
                        return speaker
                    break
        if participle:
            clause_subject = self._clause_subject(draft)
            if clause_subject is not None and not any(
                c.sentence == draft.sentence and c.cue_index < draft.cue_index for c in known
            ):
                return clause_subject
        for candidate in reversed(known):
            speaker = candidate.speaker
            assert speaker is not None
            if subject is not None and subject.start > speaker.start and not participle:
                break  # someone named more recently, though not quoted, is the better antecedent
            if participle and candidate.sentence == draft.sentence:
                # "…، مبينا أن…" continues the statement: it keeps its outlets.
                draft.sources.extend(m for m in candidate.sources if m not in draft.sources)
                return speaker
            if verb is None or _agrees(verb, speaker):
                return speaker
        return subject

    def _clause_subject(self, draft: Draft) -> Mention | None:
        """The subject named after an earlier cue verb of the participle's own sentence.

        "ويعلق السفير أمين شلبي على ذلك، قائلا: «…»": يعلق made no statement of
        its own, but its subject is the one who goes on قائلا.
        """
        sentence = self.sentence_of[draft.cue_index]
        for cue in reversed(self.cues):
            if cue.index >= draft.cue_index or cue.verb is None or cue.verb.tense == "participle":
                continue
            if self.sentence_of[cue.index] != sentence:
                break
            mention = self.reader.read(cue.end)
            if mention is not None and (mention.named or mention.head_class not in ("", "bare")):
                return mention
        return None

    def _recent_subject(self, draft: Draft) -> Mention | None:
        """Return the nearest titled person before a dropped subject (this sentence or the last).

        "أجرى وزير الخارجية العماني اتصالا…، وأبلغه أن…": the minister says it,
        though nothing before quoted him. Only a mention right after a verb-like
        word or at a sentence start counts, and it must agree with the verb.
        """
        if draft.cue_index < 1 or draft.verb is None:
            return None
        sentence = self.sentence_of[draft.cue_index]
        j = draft.cue_index - 1
        while j >= 0 and self.sentence_of[j] >= sentence - 1:
            # A subject opens its sentence, or follows the sentence's first word (its verb).
            at_start = j == 0 or self.tokens.ends_sentence(j - 1)
            after_verb = (
                j > 1 and self.tokens.ends_sentence(j - 2) and self.words[j - 1][0].isalpha()
            )
            opens = at_start or (
                after_verb and self.words[j - 1] not in self.lexicon.function_words
            )
            known = (
                self.words[j] in self.lexicon.titles or self.words[j] in self.lexicon.organizations
            )
            if opens and known:
                mention = self.reader.read(j)
                if (
                    (
                        mention is not None
                        and mention.kind in ("person", "anonymous", "organization")
                        and mention.end <= draft.cue_index
                    )
                    and _agrees(draft.verb, mention)
                    and (mention.head_class != "generic" or mention.named)
                ):
                    return mention
            j -= 1
        return None

    def drop_writer(self) -> None:
        """Drop statements found to be the writer's own (first person with nobody to refer to).

        >>> Linker("وكما ذكرت سابقا فان الازمة طويلة.").run()
        []
        """
        self.drafts = [d for d in self.drafts if d.rule != "writer"]

    def finish(self) -> list[Draft]:
        """Drop duplicates (same content: keep the surest) and sort by content.

        >>> linker = Linker("قال الوزير ان الحل قريب.")
        >>> linker.verb_cue(linker.cues[0])
        >>> len(linker.finish())
        1

        A verb with only a noun complement (تشير إلى…) inside another statement's
        content is part of that statement, not a statement of its own.
        """
        spans = [d.content for d in self.drafts]
        best: dict[tuple[int, int], Draft] = {}
        for draft in self.drafts:
            if (
                draft.rule in ("verb_object", "verb_preposition")
                and draft.cue is not None
                and any(
                    start <= draft.cue[0] < end
                    for start, end in spans
                    if (start, end) != draft.content
                )
            ):
                continue
            if draft.content[1] <= draft.content[0]:
                continue
            kept = best.get(draft.content)
            if kept is None or _preference(draft) > _preference(kept):
                best[draft.content] = draft
        return sorted(best.values(), key=lambda d: (d.content[0], d.content[1]))


# Documents that state things (وفقا للبيان، بحسب التقرير), unlike rules and plans (وفقا للائحة).
_STATEMENT_DOCUMENTS = frozenset(
    {
        "بيان",
        "تقرير",
        "دراسة",
        "احصاءية",
        "احصاءات",
        "مسح",
        "استطلاع",
        "وثيقة",
        "رسالة",
        "مذكرة",
        "بحث",
        "تصريح",
        "تصريحات",
    }
)
_STATEMENT_NOUNS = frozenset(
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
_FRAME_NOUNS = frozenset({"ختام", "مستهل", "بداية", "نهاية", "اعقاب", "اثناء", "افتتاح", "مطلع"})
_TIME_WORDS = frozenset(
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
# Heads of a title that refers back to any named official of the story.
_GENERIC_OFFICIALS = frozenset({"مسءول", "مسءوله", "مسءولة", "دبلوماسي", "دبلوماسية"})


class _SentenceNumbers:
    """Sentence number of each token, from the sorted indices of sentence-ending tokens."""

    def __init__(self, ends: list[int]) -> None:
        self.ends = ends

    def __getitem__(self, i: int) -> int:
        return bisect.bisect_left(self.ends, i)


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
# Demonstratives that make a negated cue the writer's own: "هذا لا ينفي أن".
_DEMONSTRATIVES = frozenset({"هذا", "ذلك", "وهذا", "وذلك", "هذه", "وهذه", "ما", "مما"})
# "يمكن القول", "نستطيع القول": the writer speaking, not a source.
_WRITER_VOICE = frozenset(
    {"يمكن", "ويمكن", "يمكننا", "ويمكننا", "نستطيع", "ونستطيع", "بد", "اود", "اريد", "نود"}
)
# "يشار إلى أن", "يذكر أن", "الجدير بالذكر أن": the writer's own background, not a statement.
_WRITER_FORMULAS = ("يشار", "يذكر", "ويذكر", "ويشار", "الجدير", "تجدر", "وتجدر", "جدير", "والجدير")


def _writer_comment(words: list[str], index: int) -> bool:
    """Tell whether the cue at ``index`` follows "مما"، "الأمر الذي" or "وهو ما"."""
    before = words[index - 1] if index > 0 else ""
    earlier = words[index - 2] if index > 1 else ""
    if before == "مما":
        return True
    if before == "الذي" and earlier in ("الامر", "وهو"):
        return True
    return before == "ما" and earlier in ("وهو", "هو", "وهذا", "هذا")


def _noun_cue(lemma: str) -> VerbForm:
    return VerbForm(lemma, "safe", "speech", "noun", "m", "s", frozenset())


def _impersonal(lemma: str) -> VerbForm:
    return VerbForm(lemma, "safe", "impersonal", "past", "m", "s", frozenset())


def _preference(draft: Draft) -> tuple[bool, float, int]:
    """Rank drafts for one content: a finite verb (نقلت over قوله), confidence, earlier cue."""
    finite = draft.verb is None or draft.verb.tense != "noun"
    return finite, draft.confidence, -draft.cue_index


def _agrees(verb: VerbForm, speaker: Mention) -> bool:
    """Tell whether a verb's person marks fit a mention (قالت: feminine; قالوا: plural)."""
    gender = speaker.gender
    if not gender:
        return True
    if verb.number == "p":
        return gender == "p"
    if verb.gender == "f":
        return gender == "f" or (gender == "p" and speaker.kind != "person")
    return gender == "m"


def link(text: str, lexicon: Lexicon | None = None) -> list[Draft]:
    """Return the attributions of a normalised text as drafts in normalised offsets.

    >>> [d.rule for d in link("قالت الوزارة: «سنرد»")]
    ['verb_colon_quote']
    """
    return Linker(text, lexicon).run()
