"""Attributions as flat rows: the one table shape of the tsv/csv output, pandas, Dask and Spark.

Each row is a dict with the columns of :data:`RECORD_COLUMNS`, always in that
order, typed as :data:`RECORD_TYPES` says. Missing parts (no cue, no speaker,
no addressee) are ``None``; ``sources`` is the list of canonical outlet names.

>>> from quoteattr import extract
>>> text = "قال المتحدث باسم الوزارة: «المحادثات مستمرة»، بحسب وكالة رويترز."
>>> [row] = records(extract(text), doc_id="خبر-1")
>>> row["id"], row["kind"], row["content"], row["sources"]
('خبر-1', 'direct', 'المحادثات مستمرة', ['Reuters'])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

from .model import Attribution, Speaker

__all__ = ["RECORD_COLUMNS", "RECORD_TYPES", "records"]

RECORD_COLUMNS: tuple[str, ...] = (
    "id",
    "kind",
    "content",
    "content_start",
    "content_end",
    "cue",
    "cue_lemma",
    "speaker",
    "speaker_name",
    "speaker_kind",
    "speaker_gender",
    "sources",
    "addressee",
    "confidence",
    "rule",
)
"""The columns of :func:`records`, in order.

``content``, ``cue``, ``speaker`` and ``addressee`` are the text of each span
as it stands in the document; ``content_start`` and ``content_end`` index the
document; ``speaker_name`` is the canonical name (``الوزير`` may stand for a
full name given earlier); ``speaker_gender`` is ``female`` or ``male`` when the
text marks it on one human speaker.
"""

RECORD_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "id": "any",
        "kind": "string",
        "content": "string",
        "content_start": "int64",
        "content_end": "int64",
        "cue": "string?",
        "cue_lemma": "string?",
        "speaker": "string?",
        "speaker_name": "string?",
        "speaker_kind": "string?",
        "speaker_gender": "string?",
        "sources": "list<string>",
        "addressee": "string?",
        "confidence": "float64",
        "rule": "string",
    }
)
"""The type of each column of :func:`records`, by Arrow type name; ``?``: may be ``None``.

``id`` is the ``doc_id`` given, of any type (the Dask and Spark functions keep
the type of the frame's id column).

>>> tuple(RECORD_TYPES) == RECORD_COLUMNS
True
>>> sorted({kind.rstrip("?") for kind in RECORD_TYPES.values()})
['any', 'float64', 'int64', 'list<string>', 'string']
"""


def records(attributions: Iterable[Attribution], doc_id: Any = None) -> list[dict[str, Any]]:
    """Return one row per attribution, keyed by :data:`RECORD_COLUMNS`, each carrying ``doc_id``.

    >>> from quoteattr import extract
    >>> text = "وأكدت الوزارة أن المدارس ستفتح غدا."
    >>> [row] = records(extract(text), doc_id=7)
    >>> row["id"], row["cue_lemma"], row["speaker_name"], row["addressee"], row["sources"]
    (7, 'أكد', 'الوزارة', None, [])
    >>> row["content"] == text[row["content_start"]:row["content_end"]]
    True
    >>> records([])
    []
    """
    return [_row(attribution, doc_id) for attribution in attributions]


def _gender(speaker: Speaker | None) -> str | None:
    return None if speaker is None or speaker.gender is None else speaker.gender.value


def _row(attribution: Attribution, doc_id: Any) -> dict[str, Any]:
    if not isinstance(attribution, Attribution):
        raise TypeError(
            f"quoteattr.records() needs Attribution values, not {type(attribution).__name__}: "
            "pass what quoteattr.extract() returned for one document"
        )
    cue, speaker = attribution.cue, attribution.speaker
    return {
        "id": doc_id,
        "kind": attribution.kind.value,
        "content": attribution.content.text,
        "content_start": attribution.content.start,
        "content_end": attribution.content.end,
        "cue": None if cue is None else cue.span.text,
        "cue_lemma": None if cue is None else cue.lemma,
        "speaker": None if speaker is None else speaker.span.text,
        "speaker_name": None if speaker is None else speaker.name,
        "speaker_kind": None if speaker is None else speaker.kind.value,
        "speaker_gender": _gender(speaker),
        "sources": [source.name for source in attribution.sources],
        "addressee": None if attribution.addressee is None else attribution.addressee.text,
        "confidence": attribution.confidence,
        "rule": attribution.rule,
    }
