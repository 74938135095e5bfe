"""Right-to-left text made readable in terminals, with or without bidi support.

Terminals differ. GNOME Terminal, Konsole and macOS Terminal run the Unicode
bidi algorithm: for them Arabic stays in logical order, each value wrapped in
FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE so that its digits and
brackets do not leak into the English label beside it. Windows Terminal,
VS Code, xterm and tmux print characters left to right as they come: for them
:func:`visual` cuts the text into lines, joins the letters into their
contextual forms and reverses the right-to-left runs, keeping Latin words and
numbers the right way round.

>>> visual("قال 3")
'3 ﻝﺎﻗ'
"""

from __future__ import annotations

import textwrap
import unicodedata
from functools import cache

__all__ = ["isolate", "shape", "terminal_safe", "visual"]

_FSI = "\N{FIRST STRONG ISOLATE}"
_PDI = "\N{POP DIRECTIONAL ISOLATE}"
_ZWJ = "\N{ZERO WIDTH JOINER}"
_TATWEEL = "\N{ARABIC TATWEEL}"
_BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_MIRRORED = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹", strict=True))
_FORMS = ("isolated", "final", "initial", "medial")
_LAM_ALEFS = frozenset("\N{ARABIC LETTER LAM}" + alef for alef in "\u0622\u0623\u0625\u0627")


def terminal_safe(text: str) -> str:
    """Replace control characters by U+FFFD so that text cannot drive the terminal.

    Line breaks and tabs are kept.

    >>> terminal_safe("نعم\\x1b[2J")
    'نعم\\ufffd[2J'
    """
    return "".join(
        "\N{REPLACEMENT CHARACTER}"
        if unicodedata.category(char) == "Cc" and char not in "\n\t"
        else char
        for char in text
    )


def isolate(text: str) -> str:
    """Wrap text in a first-strong isolate, for terminals that run the bidi algorithm.

    >>> isolate("بحسب رويترز") == "\\N{FIRST STRONG ISOLATE}بحسب رويترز\\N{POP DIRECTIONAL ISOLATE}"
    True
    """
    return f"{_FSI}{text}{_PDI}"


@cache
def _presentation_forms() -> dict[tuple[str, str], str]:
    """Map (letters, form) to the Arabic presentation form, read from Unicode's own decompositions.

    Of the two-letter ligatures only lam-alef is kept: it is obligatory, the
    others (تي، لم) are a font's choice and look odd in a terminal.
    """
    forms: dict[tuple[str, str], str] = {}
    for code in (*range(0xFE70, 0xFF00), *range(0xFB50, 0xFE00)):
        decomposition = unicodedata.decomposition(chr(code)).split()
        if len(decomposition) < 2 or decomposition[0].strip("<>") not in _FORMS:
            continue
        letters = "".join(chr(int(part, 16)) for part in decomposition[1:])
        if len(letters) == 1 or letters in _LAM_ALEFS:
            forms.setdefault((letters, decomposition[0].strip("<>")), chr(code))
    return forms


def _joins_forward(char: str) -> bool:
    return char in (_TATWEEL, _ZWJ) or (char, "initial") in _presentation_forms()


def _joins_backward(char: str) -> bool:
    return char in (_TATWEEL, _ZWJ) or (char, "final") in _presentation_forms()


def shape(text: str) -> str:
    """Replace Arabic letters by their contextual presentation forms, lam-alef ligatures included.

    >>> [f"{ord(c):04X}" for c in shape("لا")]
    ['FEFB']
    """
    forms = _presentation_forms()
    letters = [(i, c) for i, c in enumerate(text) if unicodedata.category(c) != "Mn"]
    out = list(text)
    skip = set()
    for position, (index, char) in enumerate(letters):
        if index in skip:
            continue
        before = letters[position - 1][1] if position > 0 else ""
        after_position = position + 1
        ligature = ""
        if (
            after_position < len(letters)
            and (char + letters[after_position][1], "isolated") in forms
        ):
            ligature = char + letters[after_position][1]
            skip.add(letters[after_position][0])
            out[letters[after_position][0]] = ""
            after_position += 1
        after = letters[after_position][1] if after_position < len(letters) else ""
        key = ligature or char
        joined_before = bool(before) and _joins_forward(before) and _joins_backward(char)
        joined_after = (
            not ligature and bool(after) and _joins_forward(char) and _joins_backward(after)
        )
        form = (
            ("medial" if joined_after else "final")
            if joined_before
            else ("initial" if joined_after else "isolated")
        )
        out[index] = forms.get((key, form)) or forms.get((key, "isolated")) or key
    return "".join(out)


def _direction(char: str) -> str:
    kind = unicodedata.bidirectional(char)
    if kind in ("R", "AL"):
        return "R"
    if kind in ("L", "EN", "AN"):
        return "L"
    return "N"


def _reorder_line(line: str) -> str:
    """Lay out one line of a right-to-left paragraph in left-to-right display order."""
    classes = [_direction(char) for char in line]
    # Combining marks follow their base; other neutrals between two L runs stay L:
    # "3.5", "1,024" and "Al-Ahram" keep their dot, comma and hyphen.
    for i, char in enumerate(line):
        if unicodedata.category(char) == "Mn" and i > 0:
            classes[i] = classes[i - 1]
    for i, kind in enumerate(classes):
        if kind == "N":
            left = next((k for k in reversed(classes[:i]) if k != "N"), "R")
            right = next((k for k in classes[i + 1 :] if k != "N"), "R")
            classes[i] = "L" if left == right == "L" else "R"
    runs: list[tuple[str, str]] = []
    for char, kind in zip(line, classes, strict=True):
        if runs and runs[-1][0] == kind:
            runs[-1] = (kind, runs[-1][1] + char)
        else:
            runs.append((kind, char))
    return "".join(
        text if kind == "L" else _reverse_clusters(text) for kind, text in reversed(runs)
    )


def _reverse_clusters(text: str) -> str:
    clusters: list[str] = []
    for char in text:
        if clusters and unicodedata.category(char) == "Mn":
            clusters[-1] += char
        else:
            clusters.append(_MIRRORED.get(char, char))
    return "".join(reversed(clusters))


def visual(text: str, *, width: int | None = None) -> str:
    """Lay out right-to-left text for a terminal without bidi: wrapped, shaped and reversed.

    Lines are wrapped in logical order first, so the first line on screen
    holds the start of the sentence.

    >>> print(visual("قالت الوزارة (واس)", width=13))
    ﺓﺭﺍﺯﻮﻟﺍ ﺖﻟﺎﻗ
    (ﺱﺍﻭ)
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        cleaned = "".join(char for char in paragraph if char not in _BIDI_CONTROLS)
        wrapped = textwrap.wrap(cleaned, width) if width and cleaned.strip() else [cleaned]
        lines.extend(_reorder_line(shape(line)) for line in wrapped)
    return "\n".join(lines)
