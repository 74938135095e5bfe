"""The extractor: the one place that knows the order of the stages and of the rules.

normalise → tokenise → pair quotes → find cues → read names → link with the
rules of :data:`RULES`, in order → map every span back to the caller's string.

>>> text = "وقالت المتحدثة باسم الوزارة سارة العلي إن «الحوار هو الطريق الوحيد»."
>>> [(a.kind.value, a.speaker.name, a.content.text) for a in extract(text)]
[('direct', 'سارة العلي', 'الحوار هو الطريق الوحيد')]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from .canonical import name_speakers
from .clauses import inside_anonymity, inside_speech
from .confidence import calibrate_confidence
from .context import Context
from .cues import find_cues
from .drafts import Draft, Linking, drop_duplicates
from .gender import tell_genders
from .lexicons import Lexicon
from .mentions import Mention, MentionReader, find_names
from .model import Attribution, Cue, Gender, Source, Span, Speaker, SpeakerKind, unchecked_span
from .normalize import DELETED_RUNS, Normalized, normalize
from .outlets import relayed_sayings, settle_outlets
from .quotes import find_quotes
from .rules.according_to import according_to_phrases
from .rules.continued import continued_quotes
from .rules.headlines import headlines
from .rules.nouns import noun_cue
from .rules.verbs import impersonal_cue, verb_cue
from .rules.writer import drop_writer
from .speakers import resolve_speakers
from .tokens import tokenize
from .word_index import WordIndex

__all__ = ["RULES", "Extractor", "extract", "link", "link_cues", "read_document"]

_SPEAKER_KINDS = {kind.value: kind for kind in SpeakerKind}
_GENDERS = {"f": Gender.FEMALE, "m": Gender.MALE}


def read_document(text: str, lexicon: Lexicon | None = None) -> Context:
    """Run the reading stages once over a normalised text: tokens, quotes, cues, names.

    >>> document = read_document("وقال دميتري بيسكوف: «نعم»")
    >>> [c.lemma for c in document.cues], len(document.quotes), list(document.names)
    (['قال'], 1, ['بيسكوف'])
    """
    lexicon = lexicon or Lexicon.default()
    tokens = tokenize(text)
    index = WordIndex.of(tokens, lexicon)
    quotes = find_quotes(text)
    cues = find_cues(tokens, lexicon, index.cue_heads)
    names = find_names(tokens, lexicon, index.first_names)
    reader = MentionReader(tokens, lexicon, names)
    return Context(text, lexicon, tokens, quotes, cues, names, reader, index)


def link_cues(linking: Linking) -> None:
    """Cue by cue in text order: a verb, a noun cue or an impersonal phrase opens a statement.

    A cue inside "طلب عدم نشر اسمه" reports nothing; inside a quotation only
    a safe verb may open a quotation within the quotation.

    >>> linking = Linking(read_document("وقيل ان الاجتماع تأجل."))
    >>> link_cues(linking)
    >>> [d.rule for d in linking.drafts]
    ['verb_an']
    """
    document = linking.document
    for cue in document.cues:
        if inside_anonymity(document, cue.index):
            continue
        if inside_speech(document, cue.index):
            if cue.verb is not None and not cue.verb.risky:
                verb_cue(linking, cue, nested=True)  # «… قال يومها: "هذا مشروع لن يرى النور"…»
            continue
        if cue.verb is not None:
            verb_cue(linking, cue)
        elif cue.phrase is not None and cue.phrase.role == "noun_cue":
            noun_cue(linking, cue)
        elif cue.phrase is not None and cue.phrase.role == "impersonal":
            impersonal_cue(linking, cue)


RULES: tuple[tuple[str, Callable[[Linking], None]], ...] = (
    ("cues", link_cues),  # verbs (rules.verbs, .complements, .postposed), nouns, impersonal
    ("according to", according_to_phrases),  # بحسب، وفقا لـ، نقلا عن (rules.according_to)
    ("headlines", headlines),  # SPEAKER: CONTENT at a line start (rules.headlines)
    ("continued quotes", continued_quotes),  # «…» going on in the same voice (rules.continued)
    ("duplicates", drop_duplicates),  # one draft a content, the surest; sorted (drafts)
    ("relayed sayings", relayed_sayings),  # نقلت X عن Y (…) قوله: Y speaks (outlets)
    ("dropped subjects", resolve_speakers),  # coreference (speakers)
    ("outlets", settle_outlets),  # anaphoric outlets, speaking outlets, platforms (outlets)
    ("canonical names", name_speakers),  # الوزير → the full name it stands for (canonical)
    ("writer", drop_writer),  # the writer's own first person (rules.writer)
    ("gender", tell_genders),  # قالت، الوزيرة، سارة → female; bodies and groups: none (gender)
    ("confidence", calibrate_confidence),  # P(right end to end) from the dev set (confidence)
)
"""The linking steps in the order they run, each named.

Every step reads and extends one :class:`~quoteattr.drafts.Linking`.
"""


def link(document: Context) -> Linking:
    """Apply every step of :data:`RULES` in order to one document.

    >>> [d.rule for d in link(read_document("قالت الوزارة: «سنرد»")).drafts]
    ['verb_colon_quote']
    """
    linking = Linking(document)
    for _, step in RULES:
        step(linking)
    return linking


class Extractor:
    """An extractor with its own lexicon, for users who add outlets, verbs or titles.

    >>> extractor = Extractor(extra_outlets={"Al-Wasat": ["الوسط نيوز"]})
    >>> found = extractor.extract("وقال الوزير إن الأمر انتهى، بحسب الوسط نيوز.")
    >>> [s.name for a in found for s in a.sources]
    ['Al-Wasat']
    """

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        *,
        extra_outlets: Mapping[str, Iterable[str]] | None = None,
        extra_verbs: Iterable[Mapping[str, str]] | None = None,
        extra_titles: Mapping[str, str] | None = None,
        extra_organizations: Mapping[str, str] | None = None,
        extra_first_names: Mapping[str, str] | None = None,
    ) -> None:
        base = lexicon or Lexicon.default()
        if extra_outlets or extra_verbs or extra_titles or extra_organizations or extra_first_names:
            base = base.extended(
                outlets=extra_outlets,
                verbs=extra_verbs,
                titles=extra_titles,
                organizations=extra_organizations,
                first_names=extra_first_names,
            )
        self.lexicon = base

    def extract(self, text: str) -> list[Attribution]:
        """Return every attribution in ``text``, in text order.

        >>> [a.speaker.name for a in Extractor().extract("قالت الوزارة إن المدارس ستفتح غدا.")]
        ['الوزارة']
        >>> Extractor().extract("")
        []
        """
        if not isinstance(text, str):
            raise TypeError(
                f"quoteattr.extract() needs a str, not {type(text).__name__}: "
                + (
                    "decode bytes first, e.g. data.decode('utf-8')"
                    if isinstance(text, (bytes, bytearray))
                    else "pass the article text as a string"
                )
            )
        normalized = normalize(text)
        linking = link(read_document(normalized.text, self.lexicon))
        return [_attribution(draft, linking, normalized) for draft in linking.drafts]


def extract(text: str, lexicon: Lexicon | None = None) -> list[Attribution]:
    """Return every attribution in an Arabic news text, in text order.

    Spans index ``text`` itself: ``text[s.start:s.end] == s.text`` for each.

    >>> [a.cue.lemma for a in extract("أكد المسؤول أن الاتفاق سيوقع غدا.")]
    ['أكد']
    >>> extract(b"...")
    Traceback (most recent call last):
    TypeError: quoteattr.extract() needs a str, not bytes: decode bytes first, ...
    """
    return Extractor(lexicon).extract(text)


def _span(normalized: Normalized, start: int, end: int) -> Span:
    if len(normalized.starts) == 1:
        # Nothing was deleted (one breakpoint, at 0): every normalised offset is
        # the caller's and no mark follows a letter; no map to search.
        end = max(start, end)
        return unchecked_span(start, end, normalized.original[start:end])
    first, last = normalized.original_span(start, end)  # 0 <= first <= last: a valid span
    return unchecked_span(first, last, normalized.original[first:last])


_QUOTE_MARKS = str.maketrans("", "", "«»“”\"'")
_QUOTE_MARK = re.compile("[«»“”\"']")


def _clean(text: str, marked: bool = True) -> str:
    """Drop harakat, tatweel and invisible marks from a name, collapse its spaces, drop quote marks.

    ``marked=False`` says ``text`` has none of those marks to drop (it is as
    long as its normalised form): the regex scan for them is skipped.

    >>> _clean("«سارة  العَلي»")
    'سارة العلي'
    """
    cleaned = " ".join((DELETED_RUNS.sub("", text) if marked else text).split())
    # str.translate looks every character up in a dict: only worth it when a
    # quote mark is there to drop, which a name almost never has.
    return cleaned.translate(_QUOTE_MARKS) if _QUOTE_MARK.search(cleaned) else cleaned


def _speaker(draft: Draft, mention: Mention, linking: Linking, normalized: Normalized) -> Speaker:
    # The same mention speaks again and again (every dropped subject resolved to
    # it): build its speaker once a document. What the speaker is made of is the
    # key: the mention's tokens, its name, its kind (canonical names are keyed by
    # its start and settled before), and the gender of this draft.
    key = (
        mention.start,
        mention.end,
        mention.name_start,
        mention.name_end,
        mention.lead,
        mention.kind,
        draft.gender,
    )
    built = linking.speakers.get(key)
    if built is not None:
        return built
    tokens = linking.document.tokens
    span = _span(normalized, mention.char_start(tokens), mention.char_end(tokens))
    name_start, name_end = linking.canonical.get(mention.start) or mention.name_span(tokens)
    first, last = normalized.original_span(name_start, name_end)
    # Normalising drops the marks and only them (each kept character stays one
    # character): a name as long in the caller's text as normalised has none.
    name = _clean(normalized.original[first:last], last - first != name_end - name_start)
    kind = _SPEAKER_KINDS.get(mention.kind, SpeakerKind.UNKNOWN)
    built = linking.speakers[key] = Speaker(span, name, kind, _GENDERS.get(draft.gender))
    return built


def _attribution(draft: Draft, linking: Linking, normalized: Normalized) -> Attribution:
    tokens = linking.document.tokens
    sources: list[Source] = []
    for mention in draft.sources:
        if mention.outlet is None or any(s.name == mention.outlet for s in sources):
            continue
        sources.append(
            Source(
                mention.outlet,
                _span(normalized, mention.char_start(tokens), mention.char_end(tokens)),
            )
        )
    cue = draft.cue
    speaker = draft.speaker
    addressee = draft.addressee
    # Positional arguments, in the order of Attribution's fields: keywords
    # would cost a dict a call.
    return Attribution(
        _span(normalized, *draft.content),
        draft.kind,
        None if cue is None else Cue(_span(normalized, *cue), draft.lemma or ""),
        None if speaker is None else _speaker(draft, speaker, linking, normalized),
        tuple(sources),
        None if addressee is None else _span(normalized, *addressee),
        draft.confidence if draft.probability is None else draft.probability,
        draft.rule,
    )
