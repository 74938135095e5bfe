"""A spaCy pipeline component: ``nlp.add_pipe("quoteattr")`` puts attributions on every ``Doc``.

Installed with ``pip install "quoteattr[spacy]"``, the component is found
through spaCy's ``spacy_factories`` entry point, so no import is needed. It
reads ``doc.text`` and sets:

- ``doc.spans["quoteattr"]``: one span per attribution's content, labelled
  ``DIRECT``, ``INDIRECT`` or ``MIXED``;
- ``doc._.attributions``: the :class:`~quoteattr.Attribution` objects, with
  their exact character offsets;
- ``span._.attribution``: for a span of that group, its attribution.

A spaCy tokenizer does not split Arabic where quoteattr does (``“بمبادرة``
is one spaCy token), so a content span that starts or ends inside a token is
widened to whole tokens (``alignment_mode="expand"``, the default) or
narrowed (``"contract"``); with ``"strict"`` it gets no span at all. The
attribution keeps the exact offsets whichever mode is chosen.

>>> import spacy
>>> nlp = spacy.blank("ar")
>>> _ = nlp.add_pipe("quoteattr")
>>> doc = nlp("وقالت الوزيرة سارة العلي: «سنفتح المدارس غدا».")
>>> [(span.label_, span.text) for span in doc.spans["quoteattr"]]
[('DIRECT', 'سنفتح المدارس غدا».')]
>>> attribution = doc.spans["quoteattr"][0]._.attribution
>>> attribution.content.text, attribution.speaker.name
('سنفتح المدارس غدا', 'سارة العلي')

The blank Arabic tokenizer keeps ``غدا».`` as one token, hence the wider span.
"""

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from spacy.language import Language
from spacy.tokens import Doc, Span

from quoteattr.model import Attribution
from quoteattr.pipeline import Extractor

__all__ = [
    "ALIGNMENT_MODES",
    "DEFAULT_CONFIG",
    "DISPLACY_COLORS",
    "QuoteattrComponent",
    "displacy_options",
    "make_quoteattr",
]

ALIGNMENT_MODES = ("expand", "contract", "strict")
"""The values of ``alignment_mode``, as :meth:`spacy.tokens.Doc.char_span` takes them."""

DEFAULT_CONFIG: dict[str, Any] = {
    "extra_outlets": {},
    "extra_verbs": [],
    "extra_titles": {},
    "extra_organizations": {},
    "extra_first_names": {},
    "min_confidence": 0.0,
    "alignment_mode": "expand",
    "spans_key": "quoteattr",
}
"""The component's configuration and its defaults (``nlp.add_pipe("quoteattr", config=...)``)."""

DISPLACY_COLORS = {"DIRECT": "#f2c12e", "INDIRECT": "#5cb860", "MIXED": "#f08a3c"}
"""displaCy colours by kind: the hues of quoteattr's HTML view, strong enough for a thin bar."""


def displacy_options(spans_key: str = "quoteattr") -> dict[str, Any]:
    """Return the options for displaCy's span view of the component's spans, coloured by kind.

    displaCy lays an Arabic ``Doc`` out right to left by itself (the
    direction comes from the language, ``ar``).

    >>> import spacy
    >>> from spacy import displacy
    >>> nlp = spacy.blank("ar")
    >>> _ = nlp.add_pipe("quoteattr")
    >>> doc = nlp("وقال المتحدث: «الحوار مستمر»")
    >>> markup = displacy.render(doc, style="span", options=displacy_options())
    >>> "direction: rtl" in markup, DISPLACY_COLORS["DIRECT"] in markup
    (True, True)
    """
    return {"spans_key": spans_key, "colors": dict(DISPLACY_COLORS)}


# Where a Doc keeps its attributions: for each, Attribution.to_dict() and the token start,
# end and label of its span (or None). Plain data, because spaCy serialises user data with
# msgpack when it sends Docs between processes (nlp.pipe with n_process > 1).
_RECORDS = "quoteattr_records"


def _attributions(doc: Doc) -> list[Attribution]:
    records = doc._.get(_RECORDS) or []
    return [Attribution.from_dict(data) for data, _ in records]


def _attribution(span: Span) -> Attribution | None:
    """The attribution whose content span has this span's tokens and label (the first one)."""
    records = span.doc._.get(_RECORDS) or []
    key = [span.start, span.end, span.label_]
    for data, where in records:
        if where is not None and list(where) == key:
            return Attribution.from_dict(data)
    return None


def _register_extensions() -> None:
    if not Doc.has_extension(_RECORDS):
        Doc.set_extension(_RECORDS, default=None)
    if not Doc.has_extension("attributions"):
        Doc.set_extension("attributions", getter=_attributions)
    if not Span.has_extension("attribution"):
        Span.set_extension("attribution", getter=_attribution)


class QuoteattrComponent:
    """Runs a :class:`~quoteattr.Extractor` on each ``Doc``'s text and stores what it finds.

    Build it through ``nlp.add_pipe("quoteattr", config={...})``; the keys
    are those of :data:`DEFAULT_CONFIG`.

    >>> import spacy
    >>> nlp = spacy.blank("ar")
    >>> component = nlp.add_pipe("quoteattr", config={"min_confidence": 0.8})
    >>> component.min_confidence, component.alignment_mode
    (0.8, 'expand')
    """

    def __init__(
        self,
        extractor: Extractor,
        *,
        min_confidence: float = 0.0,
        alignment_mode: str = "expand",
        spans_key: str = "quoteattr",
    ) -> None:
        if alignment_mode not in ALIGNMENT_MODES:
            raise ValueError(
                f"alignment_mode must be one of {', '.join(ALIGNMENT_MODES)}, "
                f"not {alignment_mode!r}"
            )
        if not 0.0 <= min_confidence <= 1.0:
            raise ValueError(f"min_confidence must be within [0, 1], got {min_confidence}")
        _register_extensions()
        self.extractor = extractor
        self.min_confidence = min_confidence
        self.alignment_mode: Literal["expand", "contract", "strict"] = alignment_mode  # type: ignore[assignment]
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        """Find the attributions in ``doc.text`` and set the spans and extensions.

        >>> import spacy
        >>> nlp = spacy.blank("ar")
        >>> component = nlp.add_pipe("quoteattr")
        >>> doc = component(nlp.make_doc("أكد المتحدث أن الحوار مستمر."))
        >>> [a.content.text for a in doc._.attributions]
        ['الحوار مستمر']
        """
        found = [
            attribution
            for attribution in self.extractor.extract(doc.text)
            if attribution.confidence >= self.min_confidence
        ]
        spans: list[Span] = []
        records: list[tuple[dict[str, Any], list[Any] | None]] = []
        for attribution in found:
            content = attribution.content
            span = doc.char_span(
                content.start,
                content.end,
                label=attribution.kind.value.upper(),
                alignment_mode=self.alignment_mode,
            )
            where = None
            if span is not None and len(span):
                spans.append(span)
                where = [span.start, span.end, span.label_]
            records.append((attribution.to_dict(), where))
        doc._.set(_RECORDS, records)
        doc.spans[self.spans_key] = spans
        return doc


@Language.factory(
    "quoteattr",
    default_config=DEFAULT_CONFIG,
    assigns=["doc._.attributions", "span._.attribution"],
)
def make_quoteattr(
    nlp: Language,
    name: str,
    extra_outlets: Mapping[str, Iterable[str]],
    extra_verbs: Iterable[Mapping[str, str]],
    extra_titles: Mapping[str, str],
    extra_organizations: Mapping[str, str],
    extra_first_names: Mapping[str, str],
    min_confidence: float,
    alignment_mode: str,
    spans_key: str,
) -> QuoteattrComponent:
    """Build the component from its configuration (spaCy calls this for ``add_pipe``).

    The ``extra_*`` entries extend the lexicon as :class:`~quoteattr.Extractor`
    does; attributions below ``min_confidence`` are left out.

    >>> import spacy
    >>> nlp = spacy.blank("ar")
    >>> _ = nlp.add_pipe("quoteattr", config={"extra_outlets": {"Al-Wasat": ["الوسط نيوز"]}})
    >>> doc = nlp("وقال الوزير إن الأمر انتهى، بحسب الوسط نيوز.")
    >>> [source.name for a in doc._.attributions for source in a.sources]
    ['Al-Wasat']
    """
    extractor = Extractor(
        extra_outlets=extra_outlets or None,
        extra_verbs=list(extra_verbs) or None,
        extra_titles=extra_titles or None,
        extra_organizations=extra_organizations or None,
        extra_first_names=extra_first_names or None,
    )
    return QuoteattrComponent(
        extractor,
        min_confidence=min_confidence,
        alignment_mode=alignment_mode,
        spans_key=spans_key,
    )
