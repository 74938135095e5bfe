"""Reading documents in bulk: text files, folders, stdin and JSON Lines, in any encoding.

Every input record becomes exactly one :class:`InputDocument`, in input order.
A record that cannot be read (bytes that do not decode, a broken JSON line, a
missing text field, a binary file) is not an exception: it is a document whose
``error`` says what went wrong and where, and whose ``text`` is ``None``.

>>> import io
>>> lines = io.BytesIO('{"id": 7, "text": "قال الوزير"}\\n{"id": 8}\\n'.encode())
>>> [(doc.id, doc.text, doc.error) for doc in read_jsonl(lines, name="-")]
[(7, 'قال الوزير', None), (8, None, "-:2: the record has no 'text' field")]
"""

from __future__ import annotations

import gzip
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

from attrs import frozen

__all__ = [
    "DEFAULT_ENCODING",
    "STDIN",
    "InputDocument",
    "decode",
    "is_jsonl_path",
    "read_documents",
    "read_jsonl",
    "read_text",
]

STDIN = "-"
"""The path that stands for standard input, as in most Unix tools."""

DEFAULT_ENCODING = "utf-8-sig"
"""UTF-8 with or without a byte order mark (the mark is dropped)."""

_GZIP_MAGIC = b"\x1f\x8b"
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")


@frozen
class InputDocument:
    """One input record: its id, where it came from, and its text or why it has none.

    ``id`` is the JSON Lines id field as found (a string or an integer), or
    for text files the path relative to the folder given (the path itself for
    a file given by name), or ``"-"`` for standard input. ``line`` is the
    1-based line number in a JSON Lines file. ``publisher`` is the record's
    ``publisher`` or ``outlet`` field when it has one (a report groups by it).

    >>> InputDocument("notes.txt", "قالت الوزيرة", path="notes.txt").error is None
    True
    """

    id: str | int
    text: str | None
    path: str | None = None
    line: int | None = None
    error: str | None = None
    publisher: str | None = None


def is_jsonl_path(path: str) -> bool:
    """Tell whether a file name says JSON Lines (``.jsonl`` or ``.jsonl.gz``).

    >>> is_jsonl_path("أخبار.JSONL.gz"), is_jsonl_path("أخبار.txt")
    (True, False)
    """
    return path.lower().endswith(_JSONL_SUFFIXES)


def decode(
    data: bytes, *, name: str, encoding: str = DEFAULT_ENCODING, errors: str = "strict"
) -> str:
    """Decode bytes as text, or raise ``ValueError`` naming the file and the byte offset.

    Text with a NUL character is refused whatever ``errors`` says: it is a
    binary file (an image, a PDF) that happened to be in the folder.

    >>> decode("قال".encode("cp1256"), name="a.txt", encoding="cp1256")
    'قال'
    >>> decode(b"\\xc7\\xe1", name="a.txt")
    Traceback (most recent call last):
    ...
    ValueError: a.txt: byte 0xc7 at offset 0 is not valid utf-8-sig; \
pass --encoding (for example cp1256) or --errors replace
    """
    try:
        text = data.decode(encoding, errors)
    except UnicodeDecodeError as error:
        bad = data[error.start : error.start + 1].hex()
        raise ValueError(
            f"{name}: byte 0x{bad} at offset {error.start} is not valid {encoding}; "
            "pass --encoding (for example cp1256) or --errors replace"
        ) from None
    nul = text.find("\0")
    if nul >= 0:
        raise ValueError(f"{name}: not a text file (NUL character at position {nul})")
    return text


def read_text(
    stream: BinaryIO, *, name: str, encoding: str = DEFAULT_ENCODING, errors: str = "strict"
) -> str:
    """Read a whole text stream, gunzipping it if it is gzip, and decode it with :func:`decode`.

    >>> read_text(io.BytesIO("\\ufeffأكد المتحدث".encode()), name="-")
    'أكد المتحدث'
    """
    data = stream.read()
    if data.startswith(_GZIP_MAGIC):
        data = gzip.decompress(data)
    return decode(data, name=name, encoding=encoding, errors=errors)


def read_jsonl(
    stream: BinaryIO,
    *,
    name: str,
    text_field: str = "text",
    id_field: str = "id",
    encoding: str = DEFAULT_ENCODING,
    errors: str = "strict",
) -> Iterator[InputDocument]:
    """Yield one document per non-blank line of a JSON Lines stream (gzip or not).

    A line that is not a JSON object with a string text field yields a
    document with an ``error``; the lines after it are read as usual. A record
    without the id field gets the id ``NAME:LINE``.

    >>> stream = io.BytesIO('{"url": "a", "body": "قال الوزير: نعم"}\\n{oops\\n'.encode())
    >>> for doc in read_jsonl(stream, name="x.jsonl", text_field="body", id_field="url"):
    ...     print(doc.id, doc.text, doc.error is None)
    a قال الوزير: نعم True
    x.jsonl:2 None False
    """
    offset = 0
    for number, raw in enumerate(_lines_of(stream, name), start=1):
        where = f"{name}:{number}"
        if isinstance(raw, _Broken):
            yield InputDocument(where, None, path=_path_of(name), line=number, error=raw.message)
            return
        start, offset = offset, offset + len(raw)
        if not raw.strip():
            continue
        try:
            line = raw.decode(encoding, errors)
        except UnicodeDecodeError as error:
            bad = raw[error.start : error.start + 1].hex()
            message = (
                f"{where}: byte 0x{bad} at offset {start + error.start} is not valid {encoding}; "
                "pass --encoding or --errors replace"
            )
            yield InputDocument(where, None, path=_path_of(name), line=number, error=message)
            continue
        yield _document_of_line(line, where, name, number, text_field, id_field)


def _document_of_line(
    line: str, where: str, name: str, number: int, text_field: str, id_field: str
) -> InputDocument:
    path = _path_of(name)
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        message = f"{where}: invalid JSON ({error.msg} at column {error.colno})"
        return InputDocument(where, None, path=path, line=number, error=message)
    if not isinstance(record, dict):
        message = f"{where}: expected a JSON object, found {type(record).__name__}"
        return InputDocument(where, None, path=path, line=number, error=message)
    found_id = record.get(id_field)
    doc_id: str | int
    if found_id is None:
        doc_id = where
    elif isinstance(found_id, str) or type(found_id) is int:
        doc_id = found_id
    else:  # a float, a list or a boolean id is kept as its JSON text
        doc_id = json.dumps(found_id, ensure_ascii=False)
    text = record.get(text_field)
    if text is None:
        problem = f"{where}: the record has no {text_field!r} field"
    elif not isinstance(text, str):
        problem = f"{where}: the {text_field!r} field is {type(text).__name__}, not a string"
    else:
        publisher = record.get("publisher") or record.get("outlet")
        if not isinstance(publisher, str):
            publisher = None
        return InputDocument(doc_id, text, path=path, line=number, publisher=publisher)
    return InputDocument(doc_id, None, path=path, line=number, error=problem)


def read_documents(
    paths: Iterable[str],
    *,
    glob: str | None = None,
    jsonl: bool = False,
    text_field: str = "text",
    id_field: str = "id",
    encoding: str = DEFAULT_ENCODING,
    errors: str = "strict",
    stdin: BinaryIO | None = None,
) -> Iterator[InputDocument]:
    """Yield every document in the given files and folders, in order; ``"-"`` is stdin.

    Folders are walked recursively in sorted order, taking the files that
    match ``glob`` (``*.txt``, or ``*.jsonl*`` when ``jsonl`` is set). Files
    named ``*.jsonl`` or ``*.jsonl.gz`` are read as JSON Lines; with ``jsonl``
    every input is, stdin included.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "b.txt").write_text("صرح الناطق", encoding="cp1256")
    >>> _ = (folder / "a.txt").write_bytes("قال".encode("cp1256"))
    >>> [(d.id, d.text) for d in read_documents([str(folder)], encoding="cp1256")]
    [('a.txt', 'قال'), ('b.txt', 'صرح الناطق')]
    """
    options = {"encoding": encoding, "errors": errors}
    fields = {"text_field": text_field, "id_field": id_field}
    pattern = glob or ("*.jsonl*" if jsonl else "*.txt")
    for given in paths:
        if given == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            if jsonl:
                yield from read_jsonl(stream, name=STDIN, **fields, **options)
            else:
                yield _read_text_document(stream, STDIN, None, options)
            continue
        path = Path(given)
        if path.is_dir():
            for found in sorted(p for p in path.rglob(pattern) if p.is_file()):
                doc_id = found.relative_to(path).as_posix()
                yield from _read_file(found, doc_id, jsonl, fields, options)
        else:
            yield from _read_file(path, given, jsonl, fields, options)


def _read_file(
    path: Path, doc_id: str, jsonl: bool, fields: dict[str, str], options: dict[str, str]
) -> Iterator[InputDocument]:
    name = os.fspath(path)
    try:
        stream = path.open("rb")
    except OSError as error:
        reason = error.strerror or type(error).__name__
        yield InputDocument(doc_id, None, path=name, error=f"{name}: cannot open ({reason})")
        return
    with stream:
        if jsonl or is_jsonl_path(name):
            yield from read_jsonl(stream, name=name, **fields, **options)
        else:
            yield _read_text_document(stream, doc_id, name, options)


def _read_text_document(
    stream: BinaryIO, doc_id: str, path: str | None, options: dict[str, str]
) -> InputDocument:
    try:
        text = read_text(stream, name=path or STDIN, **options)
    except (ValueError, OSError, EOFError) as error:
        return InputDocument(doc_id, None, path=path, error=str(error))
    return InputDocument(doc_id, text, path=path)


@frozen
class _Broken:
    message: str


def _lines_of(stream: BinaryIO, name: str) -> Iterator[bytes | _Broken]:
    # A truncated download ends in a gzip error: the lines before it still count.
    if isinstance(stream, io.BufferedReader):
        buffered = stream
    else:
        buffered = io.BufferedReader(cast(Any, stream))
    lines: Iterable[bytes] = buffered
    if buffered.peek(2)[:2] == _GZIP_MAGIC:
        lines = gzip.GzipFile(fileobj=buffered)
    try:
        yield from lines
    except (OSError, EOFError) as error:
        yield _Broken(f"{name}: cannot read the rest of the file ({error or type(error).__name__})")


def _path_of(name: str) -> str | None:
    return None if name == STDIN else name
