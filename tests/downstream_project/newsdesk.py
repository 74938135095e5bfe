"""A small project built on quoteattr: who is quoted in an article."""

from __future__ import annotations

import quoteattr


def attributions(text: str) -> list[quoteattr.Attribution]:
    """Return the attributions quoteattr finds, without the anonymous ones."""
    return [a for a in quoteattr.extract(text) if a.speaker is not None]


def quoted_speakers(text: str) -> list[str]:
    """Return the names of everyone quoted in ``text``, sorted, each once."""
    return sorted({a.speaker.name for a in attributions(text) if a.speaker is not None})
