"""One row per attribution, for spreadsheets and pandas (TSV and CSV).

A document that failed gives one row whose ``error`` column says why, so a
table never silently drops a record; a document without attributions gives
no row. In TSV, tabs and line breaks inside a field become spaces so that
every row is one line; CSV keeps the text exact and quotes it.

>>> from quoteattr.batch import DocumentResult
>>> from quoteattr.model import Attribution, Kind, Span
>>> text = "قال: نعم"
>>> result = DocumentResult("a.txt", text, [Attribution(Span.of(text, 5, 8), Kind.INDIRECT)])
>>> row = next(attribution_rows([result]))
>>> row["id"], row["content"], row["kind"]
('a.txt', 'نعم', 'indirect')
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import TextIO

from quoteattr.batch import DocumentResult
from quoteattr.rows import RECORD_COLUMNS, records

__all__ = ["TABLE_COLUMNS", "attribution_rows", "write_table"]

TABLE_COLUMNS = (*RECORD_COLUMNS, "error")
"""The columns of :func:`attribution_rows`: those of :func:`quoteattr.records`, then ``error``.

``sources`` joins the outlet names with ``"; "``; a missing cue, speaker or
addressee is an empty field.

>>> from quoteattr.model import Attribution, Kind, Span
>>> text = "قال الوزير: «نعم»"
>>> result = DocumentResult("d1", text, [Attribution(Span.of(text, 13, 16), Kind.DIRECT)])
>>> tuple(next(attribution_rows([result]))) == TABLE_COLUMNS
True
"""


def attribution_rows(results: Iterable[DocumentResult]) -> Iterator[dict[str, str]]:
    """Yield one row per attribution and one per failed document, keyed by :data:`TABLE_COLUMNS`.

    >>> from quoteattr.model import Attribution, Cue, Kind, Span, Speaker
    >>> text = "قال الوزير: «نعم»"
    >>> said = Attribution(Span.of(text, 13, 16), Kind.DIRECT, Cue(Span.of(text, 0, 3), "قال"),
    ...                    Speaker(Span.of(text, 4, 10), "الوزير"))
    >>> failed = DocumentResult("خبر.pdf", None, error="خبر.pdf: not a text file")
    >>> for row in attribution_rows([DocumentResult("خبر.txt", text, [said]), failed]):
    ...     print(row["id"], row["content_start"] or "-", row["speaker"] or "-", row["error"])
    خبر.txt 13 الوزير
    خبر.pdf - - خبر.pdf: not a text file
    """
    for result in results:
        if result.error is not None:
            yield {**dict.fromkeys(TABLE_COLUMNS, ""), "id": str(result.id), "error": result.error}
            continue
        for row in records(result.attributions, str(result.id)):
            yield {**{key: _field(value) for key, value in row.items()}, "error": ""}


def _field(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def write_table(results: Iterable[DocumentResult], stream: TextIO, *, delimiter: str = "\t") -> int:
    """Write a header and the rows of :func:`attribution_rows` as TSV (CSV with ``delimiter=","``).

    Return the number of rows written, header excluded.

    >>> import io
    >>> from quoteattr.model import Attribution, Kind, Span
    >>> text = "قال الوزير: «نعم،\\nسنواصل العمل»"
    >>> found = Attribution(Span.of(text, 13, 30), Kind.DIRECT)
    >>> out = io.StringIO()
    >>> write_table([DocumentResult("خبر.txt", text, [found])], out)
    1
    >>> header, row = out.getvalue().splitlines()  # the line break became a space
    >>> dict(zip(header.split("\\t"), row.split("\\t")))["content"]
    'نعم، سنواصل العمل'
    >>> write_table([], out := io.StringIO(), delimiter=",")
    0
    >>> out.getvalue().split(",")[:3]
    ['id', 'kind', 'content']
    """
    writer = csv.DictWriter(stream, TABLE_COLUMNS, delimiter=delimiter, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in attribution_rows(results):
        if delimiter == "\t":
            row = {key: _one_line(value) for key, value in row.items()}
        writer.writerow(row)
        count += 1
    return count


def _one_line(value: str) -> str:
    return value.replace("\r\n", " ").translate(_FLATTEN)


_FLATTEN = str.maketrans(dict.fromkeys("\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029", " "))
