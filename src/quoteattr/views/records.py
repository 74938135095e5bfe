"""Output records as JSON: one object a line (JSON Lines) or one array.

Each record is :meth:`quoteattr.batch.DocumentResult.to_dict`: ``id``,
``path``, ``line``, ``attributions`` (each :meth:`quoteattr.model.Attribution.to_dict`)
and ``error``. Arabic is written as is, not as ``\\u`` escapes; a record
whose text holds a lone surrogate (which UTF-8 cannot carry) is written with
escapes instead, so it still round-trips.

>>> from quoteattr.batch import DocumentResult
>>> json_record(DocumentResult("خبر", "نعم"))
'{"id": "خبر", "path": null, "line": null, "attributions": [], "error": null}'
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import TextIO

from quoteattr.batch import DocumentResult

__all__ = ["json_record", "write_json", "write_jsonl"]


def json_record(result: DocumentResult) -> str:
    """Return one result as a single line of JSON.

    Arabic stays readable; a lone surrogate forces ``\\u`` escapes:

    >>> json_record(DocumentResult("خبر", None, error="خبر: bad bytes"))
    '{"id": "خبر", "path": null, "line": null, "attributions": [], "error": "خبر: bad bytes"}'
    >>> json_record(DocumentResult("\\ud800", "خبر", error="x"))[:16]
    '{"id": "\\\\ud800",'
    """
    line = json.dumps(result.to_dict(), ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(result.to_dict(), ensure_ascii=True)
    return line


def write_jsonl(results: Iterable[DocumentResult], stream: TextIO) -> Iterator[DocumentResult]:
    """Write each result as it comes, one line each, and pass it on (for counting and progress).

    >>> import io
    >>> out = io.StringIO()
    >>> results = [DocumentResult("خبر-1", "قال الوزير: نعم"), DocumentResult("خبر-2", "لا")]
    >>> len(list(write_jsonl(results, out)))
    2
    >>> print(out.getvalue(), end="")
    {"id": "خبر-1", "path": null, "line": null, "attributions": [], "error": null}
    {"id": "خبر-2", "path": null, "line": null, "attributions": [], "error": null}
    """
    for result in results:
        stream.write(json_record(result) + "\n")
        yield result


def write_json(results: Iterable[DocumentResult], stream: TextIO) -> Iterator[DocumentResult]:
    """Write the results as one JSON array, streaming (one element a line), and pass each on.

    >>> import io
    >>> out = io.StringIO()
    >>> _ = list(write_json([DocumentResult("خبر-1", "قال الوزير: نعم")], out))
    >>> print(out.getvalue(), end="")
    [
    {"id": "خبر-1", "path": null, "line": null, "attributions": [], "error": null}
    ]
    >>> _ = list(write_json([], out := io.StringIO()))
    >>> out.getvalue()
    '[]\\n'
    """
    separator = "[\n"
    for result in results:
        stream.write(separator + json_record(result))
        separator = ",\n"
        yield result
    stream.write("[]\n" if separator == "[\n" else "\n]\n")
