"""A readable listing of attributions for a terminal: speaker, cue, outlets, kind and content.

Labels are English and left-aligned; every Arabic value is laid out with
:mod:`quoteattr.views.bidi`, isolated (``bidi="logical"``, for terminals that
run the bidi algorithm) or pre-laid (``bidi="visual"``, for those that don't).

>>> from quoteattr.model import Attribution, Cue, Kind, Span, Speaker, SpeakerKind
>>> text = "قال الوزير: نعم"
>>> found = [Attribution(Span.of(text, 12, 15), Kind.DIRECT, Cue(Span.of(text, 0, 3), "قال"),
...          Speaker(Span.of(text, 4, 10), "الوزير", SpeakerKind.PERSON), rule="colon")]
>>> print(render_text(text, found, title="a.txt", bidi="none"))
== a.txt: 1 attribution
[1] direct  cue: قال  (rule colon, confidence 1.00)
    speaker: الوزير (person)
    content: نعم
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Literal

from quoteattr.model import Attribution
from quoteattr.views.bidi import isolate, terminal_safe, visual

__all__ = ["BidiMode", "render_text"]

BidiMode = Literal["logical", "visual", "none"]
"""How Arabic is laid out: isolates for bidi terminals, pre-laid for others, or untouched.

>>> from quoteattr.model import Attribution, Kind, Span
>>> from quoteattr.views.listing import BidiMode, render_text
>>> text = "قال: نعم"
>>> found = [Attribution(Span.of(text, 5, 8), Kind.DIRECT)]
>>> bidi: BidiMode = "none"
>>> render_text(text, found, bidi=bidi).splitlines()[-1]
'    content: نعم'
"""

_INDENT = "    "


def render_text(
    text: str | None,
    attributions: Sequence[Attribution],
    *,
    title: str | None = None,
    error: str | None = None,
    bidi: BidiMode = "logical",
    width: int = 100,
) -> str:
    """Return the listing of one document's attributions, ready to print.

    ``width`` is the terminal width, used to wrap content in ``visual`` mode
    (where the terminal's own wrapping would put the end of a sentence first).

    By default (``bidi="logical"``) each Arabic value sits in a first-strong
    isolate, so a terminal that runs the bidi algorithm keeps it in one piece:

    >>> from quoteattr.model import Kind, Span
    >>> text = "قال: نعم"
    >>> listing = render_text(text, [Attribution(Span.of(text, 5, 8), Kind.DIRECT)], title="خبر")
    >>> listing.splitlines()[-1]
    '    content: \\u2068نعم\\u2069'
    >>> print(render_text("لا تعليق", [], title="خبر.txt"))
    == خبر.txt: no attributions
    >>> print(render_text(None, [], title="خبر.txt", error="خبر.txt: not a text file"))
    == خبر.txt: ERROR خبر.txt: not a text file
    """
    count = len(attributions)
    heading = f"{count} attribution{'s' if count != 1 else ''}" if count else "no attributions"
    lines = [f"== {terminal_safe(title)}: {heading}" if title is not None else f"== {heading}"]
    if error is not None:
        lines[0] = f"== {terminal_safe(title or '')}: ERROR {terminal_safe(error)}"
    for number, attribution in enumerate(attributions, start=1):
        lines.extend(_entry(number, attribution, bidi, width))
    return "\n".join(lines)


def _right_align(line: str, width: int) -> str:
    shown = sum(1 for char in line if not unicodedata.combining(char))
    return " " * max(0, width - shown) + line


def _entry(number: int, attribution: Attribution, bidi: BidiMode, width: int) -> list[str]:
    def arabic(value: str, indent: int) -> str:
        value = terminal_safe(value)
        if bidi == "logical":
            return "\n".join(isolate(line) for line in value.split("\n"))
        if bidi == "visual":
            room = max(20, width - indent)
            laid = visual(value, width=room).split("\n")
            # Right-aligned, as a right-to-left paragraph is, when it takes several lines.
            return "\n".join(_right_align(line, room) if len(laid) > 1 else line for line in laid)
        return value

    cue = attribution.cue
    cue_text = f"  cue: {arabic(cue.span.text, 0)}" if cue is not None else ""
    lines = [
        f"[{number}] {attribution.kind.value}{cue_text}  "
        f"(rule {terminal_safe(attribution.rule) or '-'}, confidence {attribution.confidence:.2f})"
    ]
    if attribution.speaker is not None:
        speaker = attribution.speaker
        gender = "" if speaker.gender is None else f", {speaker.gender.value}"
        lines.append(f"{_INDENT}speaker: {arabic(speaker.name, 13)} ({speaker.kind.value}{gender})")
    if attribution.sources:
        names = ", ".join(terminal_safe(source.name) for source in attribution.sources)
        lines.append(f"{_INDENT}outlets: {names}")
    if attribution.addressee is not None:
        lines.append(f"{_INDENT}addressee: {arabic(attribution.addressee.text, 15)}")
    content = arabic(attribution.content.text, 13).split("\n")
    lines.append(f"{_INDENT}content: {content[0]}")
    lines.extend(f"{_INDENT}         {line}" for line in content[1:])
    return lines
