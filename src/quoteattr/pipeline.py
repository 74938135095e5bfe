"""The extractor: the one place that knows the order of the stages.

normalise → tokenise → pair quotes → find cues → read mentions → link →
map every span back to the caller's string.

>>> text = "وقالت المتحدثة باسم الوزارة سارة العلي إن «الحوار هو الطريق الوحيد»."
>>> [(a.kind.value, a.speaker.name, a.content.text) for a in extract(text)]
[('direct', 'سارة العلي', 'الحوار هو الطريق الوحيد')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .lexicons import Lexicon
from .link import Draft, Linker
from .mentions import Mention
from .model import Attribution, Cue, Source, Span, Speaker, SpeakerKind
from .normalize import DELETED, Normalized, normalize

__all__ = ["Extractor", "extract"]

_SPEAKER_KINDS = {kind.value: kind for kind in SpeakerKind}


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
        linker = Linker(normalized.text, self.lexicon)
        drafts = linker.run()
        return [_attribution(draft, linker, normalized) for draft in drafts]


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
    first, last = normalized.original_span(start, end)
    return Span(first, last, normalized.original[first:last])


def _clean(text: str) -> str:
    """Drop harakat, tatweel and invisible marks from a name and collapse its spaces."""
    return " ".join("".join(c for c in text if c not in DELETED).split())


def _speaker(mention: Mention, linker: Linker, normalized: Normalized) -> Speaker:
    tokens = linker.tokens
    span = _span(normalized, mention.char_start(tokens), mention.char_end(tokens))
    name_start, name_end = linker.canonical.get(mention.start) or mention.name_span(tokens)
    name = _clean(_span(normalized, name_start, name_end).text)
    for mark in "«»“”\"'":
        name = name.replace(mark, "")
    return Speaker(span, name, _SPEAKER_KINDS.get(mention.kind, SpeakerKind.UNKNOWN))


def _attribution(draft: Draft, linker: Linker, normalized: Normalized) -> Attribution:
    tokens = linker.tokens
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
    return Attribution(
        content=_span(normalized, *draft.content),
        kind=draft.kind,
        cue=None if draft.cue is None else Cue(_span(normalized, *draft.cue), draft.lemma or ""),
        speaker=None if draft.speaker is None else _speaker(draft.speaker, linker, normalized),
        sources=tuple(sources),
        addressee=None if draft.addressee is None else _span(normalized, *draft.addressee),
        confidence=draft.confidence,
        rule=draft.rule,
    )
