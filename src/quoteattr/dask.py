"""Attributions of a Dask DataFrame of documents, as a Dask DataFrame of rows.

``pip install "quoteattr[dask]"``. :func:`attributions` maps each partition of
documents to the rows of :func:`quoteattr.records`, with the result's
``meta`` declared, so nothing runs until you compute or write it. Columns are
Arrow-typed (``string[pyarrow]``, ``int64[pyarrow]``,
``list<item: string>[pyarrow]`` for ``sources``), as
:data:`quoteattr.rows.RECORD_TYPES` says; ``id`` keeps the type of the
documents' id column. Dask is imported when :func:`attributions` is called,
not when this module is.

>>> import dask.dataframe, pandas
>>> documents = dask.dataframe.from_pandas(pandas.DataFrame({
...     "id": ["a1", "a2"],
...     "text": ["قالت الوزارة إن المدارس ستفتح غدا.", "أمطار على الساحل."],
... }), npartitions=2)
>>> found = attributions(documents).compute(scheduler="synchronous")
>>> found[["id", "speaker_name", "cue_lemma"]].values.tolist()
[['a1', 'الوزارة', 'قال']]
"""

from __future__ import annotations

import importlib
from typing import Any

from .parallel import extract_many
from .rows import RECORD_COLUMNS, RECORD_TYPES, records

__all__ = ["attributions", "record_dtypes"]

_EXTRA = 'pip install "quoteattr[dask]"'


def attributions(frame: Any, *, text: str = "text", id: str = "id") -> Any:
    """Return a lazy Dask DataFrame of attribution rows, one per attribution in ``frame``.

    ``frame`` is a Dask DataFrame with one document a row: its ``text``
    column holds the article, its ``id`` column the id each row carries. A
    missing text (``None``, ``NaN``) gives no rows.

    >>> import dask.dataframe, pandas
    >>> news = dask.dataframe.from_pandas(pandas.DataFrame({
    ...     "url": [7], "body": ["وقال المتحدث: «لا تعليق»"]}), npartitions=1)
    >>> rows = attributions(news, text="body", id="url")
    >>> list(rows.columns) == ["url", *RECORD_COLUMNS[1:]]
    True
    >>> rows.compute(scheduler="synchronous")["url"].tolist()
    [7]
    """
    _import_dask()
    missing = [name for name in (text, id) if name not in frame.columns]
    if missing:
        raise ValueError(
            f"the frame has no column {missing[0]!r} "
            f"(columns: {', '.join(map(str, frame.columns))}):"
            " name the text and id columns with text=... and id=..."
        )
    meta = _empty_rows(frame[id].dtype, id)
    return frame[[id, text]].map_partitions(_partition_rows, text, id, meta=meta)


def record_dtypes(id_dtype: Any = "object") -> dict[str, Any]:
    """Return the pandas dtype of each column of :func:`quoteattr.records`, Arrow-backed.

    >>> dtypes = record_dtypes()
    >>> str(dtypes["content_start"]), str(dtypes["sources"]), str(dtypes["id"])
    ('int64[pyarrow]', 'list<item: string>[pyarrow]', 'object')
    """
    pandas = _require("pandas")
    pyarrow = _require("pyarrow")
    arrow = {
        "string": pyarrow.string(),
        "int64": pyarrow.int64(),
        "float64": pyarrow.float64(),
        "list<string>": pyarrow.list_(pyarrow.string()),
    }
    dtypes: dict[str, Any] = {"id": pandas.api.types.pandas_dtype(id_dtype)}
    for column, kind in RECORD_TYPES.items():
        if column != "id":
            dtypes[column] = pandas.ArrowDtype(arrow[kind.rstrip("?")])
    return dtypes


def _partition_rows(partition: Any, text: str, id: str) -> Any:
    """Turn one pandas partition of documents into a pandas frame of rows."""
    pandas = _require("pandas")
    pairs = [
        (doc_id, body)
        for doc_id, body in zip(partition[id], partition[text], strict=True)
        if not _missing(body)
    ]
    found = extract_many([body for _, body in pairs])
    rows = [
        row for (doc_id, _), each in zip(pairs, found, strict=True) for row in records(each, doc_id)
    ]
    table = pandas.DataFrame(rows, columns=list(RECORD_COLUMNS))
    table = table.astype(record_dtypes(partition[id].dtype))
    return table.rename(columns={"id": id})


def _empty_rows(id_dtype: Any, id: str) -> Any:
    pandas = _require("pandas")
    return (
        pandas.DataFrame(columns=list(RECORD_COLUMNS))
        .astype(record_dtypes(id_dtype))
        .rename(columns={"id": id})
    )


def _missing(value: Any) -> bool:
    if isinstance(value, str):
        return False
    pandas = _require("pandas")
    try:
        return bool(pandas.isna(value))
    except (TypeError, ValueError):  # a list or an array: not missing, extract() will refuse it
        return False


def _import_dask() -> Any:
    return _require("dask.dataframe")


def _require(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(
            f"quoteattr.dask needs {module.split('.')[0]}, which is not installed: {_EXTRA}"
        ) from error
