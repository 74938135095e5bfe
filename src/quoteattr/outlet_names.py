"""Outlet names for scoring: every spelling of an outlet mapped to one canonical name.

Gold files and predictions may name one outlet several ways ("رويترز",
"وكالة رويترز", "Reuters"); the scorer compares (attribution, outlet) pairs
after mapping both sides through quoteattr's outlet lexicon, plus any
spellings the caller adds.

>>> outlet_name("وكالة الأنباء الإماراتية")
'WAM'
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

from .normalize import fold

__all__ = ["canonical_outlet_key", "outlet_name", "read_outlet_aliases"]


def canonical_outlet_key(name: str) -> str:
    """Fold an outlet name for lookup: hamza and alef forms, harakat, spacing, case.

    >>> canonical_outlet_key("  وكالة   الأنباء ") == canonical_outlet_key("وكالة الانباء")
    True
    """
    return " ".join(fold(name).casefold().split())


_OUTLET_TYPES = ("وكالة", "صحيفة", "قناة", "موقع", "مجلة", "شبكة", "إذاعة", "تلفزيون")


@functools.cache
def _outlet_aliases() -> dict[str, str]:
    from .lexicons import Lexicon  # the scorer works without the extractor's data until needed

    aliases: dict[str, str] = {}
    for _, entry in Lexicon.default().outlets.items():
        aliases.setdefault(canonical_outlet_key(entry.name), entry.name)
    for _, entry in Lexicon.default().outlets.items():
        aliases.setdefault(canonical_outlet_key(entry.text), entry.name)
    return aliases


def outlet_name(name: str, extra: Mapping[str, str] | None = None) -> str:
    """Map an outlet's name or spelling to quoteattr's canonical name; fold one it does not know.

    A leading article or type noun (وكالة، صحيفة…) is dropped when that
    leaves a known spelling. ``extra`` maps more spellings (and names) to
    canonical names; it is consulted first.

    >>> outlet_name("رويترز"), outlet_name("وكالة فرانس برس"), outlet_name("  reuters ")
    ('Reuters', 'AFP', 'Reuters')
    >>> outlet_name("صحيفة  الأيام المحلية")
    'صحيفة الايام المحلية'
    """
    aliases = _outlet_aliases()
    if extra:
        aliases = {**aliases, **_folded_aliases(extra)}
    folded = canonical_outlet_key(name)
    candidates = [folded]
    if folded.startswith("ال"):
        candidates.append(folded[2:])
    for noun in _OUTLET_TYPES:
        prefix = canonical_outlet_key(noun) + " "
        if folded.startswith(prefix):
            candidates.append(folded[len(prefix) :])
    for candidate in candidates:
        if candidate in aliases:
            return aliases[candidate]
    return folded


def _folded_aliases(extra: Mapping[str, str]) -> dict[str, str]:
    folded = {canonical_outlet_key(name): name for name in extra.values()}
    folded.update({canonical_outlet_key(spelling): name for spelling, name in extra.items()})
    return folded


def read_outlet_aliases(path: str | Path) -> dict[str, str]:
    r"""Read outlet spellings from a TSV file: canonical name, tab, spelling, under a header line.

    >>> import tempfile, pathlib
    >>> table = pathlib.Path(tempfile.mkdtemp()) / "outlets.tsv"
    >>> _ = table.write_text("canonical\talias\nAl-Ayyam\tالأيام\n", encoding="utf-8")
    >>> aliases = read_outlet_aliases(table)
    >>> aliases, outlet_name("صحيفة الأيام", aliases)
    ({'الأيام': 'Al-Ayyam'}, 'Al-Ayyam')
    """
    aliases: dict[str, str] = {}
    with open(path, encoding="utf-8") as table:
        for number, line in enumerate(table):
            cells = line.rstrip("\n").split("\t")
            if number == 0 or len(cells) < 2 or not cells[0].strip():
                continue
            aliases[cells[1].strip()] = cells[0].strip()
    return aliases
