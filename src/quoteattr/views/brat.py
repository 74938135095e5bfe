"""brat output: one ``NAME.txt`` + ``NAME.ann`` pair per document, for annotators to correct.

The ``.ann`` format is the gold one of :mod:`quoteattr.brat` (entities
``Content``, ``Cue``, ``Speaker``, ``Addressee``, ``Source``; relations
``HasCue``, ``HasSpeaker``, ``HasAddressee``, ``HasSource``; attributes
``Kind``, ``SpeakerKind`` and ``SpeakerGender``), so a corrected folder reads back as a gold
corpus with :func:`quoteattr.brat.load_brat_folder`. This module only adds
safe file names and the ``annotation.conf`` brat wants beside the files.

>>> brat_name("2015/07/خبر عاجل.txt")
'2015_07_خبر_عاجل'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from quoteattr.model import Attribution

__all__ = ["BRAT_CONFIGURATION", "brat_name", "write_brat"]

BRAT_CONFIGURATION = """\
[entities]
Content
Cue
Speaker
Addressee
Source

[relations]
HasCue	Arg1:Content, Arg2:Cue
HasSpeaker	Arg1:Content, Arg2:Speaker
HasAddressee	Arg1:Content, Arg2:Addressee
HasSource	Arg1:Content, Arg2:Source
<OVERLAP>	Arg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Kind	Arg:Content, Value:direct|indirect|mixed
SpeakerKind	Arg:Speaker, Value:person|organization|outlet|anonymous|unknown
SpeakerGender	Arg:Speaker, Value:female|male
"""
"""The ``annotation.conf`` declaring the types that :mod:`quoteattr.brat` writes.

``<OVERLAP>`` lets a speaker or an inner quote sit inside another content.
:func:`write_brat` puts it beside the files it writes:

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = write_brat("قال الوزير: «نعم»", [], folder, "d1")
>>> (folder / "annotation.conf").read_text(encoding="utf-8") == BRAT_CONFIGURATION
True
"""

_UNSAFE = re.compile(r"[^\w.\-]+")


def brat_name(document_id: str | int) -> str:
    """Turn a document id into a plain, safe file stem: folders joined by ``_``, ``.txt`` dropped.

    >>> brat_name("../أخبار/خبر عاجل.txt"), brat_name(17), brat_name("..")
    ('أخبار_خبر_عاجل', '17', 'document')
    """
    text = str(document_id).replace("\\", "/")
    if text.lower().endswith(".txt"):
        text = text[:-4]
    parts = [_UNSAFE.sub("_", part).strip("_") for part in text.split("/")]
    return "_".join(part for part in parts if part.strip(".")) or "document"


def write_brat(text: str, attributions: Sequence[Attribution], folder: Path, name: str) -> Path:
    """Write ``NAME.txt``, ``NAME.ann`` and ``annotation.conf`` into ``folder``; return the ann.

    >>> import tempfile
    >>> from quoteattr.model import Attribution, Kind, Span
    >>> folder = Path(tempfile.mkdtemp())
    >>> text = "قال: نعم"
    >>> ann = write_brat(text, [Attribution(Span.of(text, 5, 8), Kind.DIRECT)], folder, "d1")
    >>> ann.read_text(encoding="utf-8").splitlines()[0].split("\\t")
    ['T1', 'Content 5 8', 'نعم']
    >>> sorted(path.name for path in folder.iterdir())
    ['annotation.conf', 'd1.ann', 'd1.txt']
    """
    from quoteattr.brat import dump_brat
    from quoteattr.corpus import Document

    folder.mkdir(parents=True, exist_ok=True)
    configuration = folder / "annotation.conf"
    if not configuration.exists():
        configuration.write_text(BRAT_CONFIGURATION, encoding="utf-8")
    _, ann = dump_brat(Document.from_predictions(name, text, attributions), folder)
    return ann
