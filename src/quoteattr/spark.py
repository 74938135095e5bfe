"""Attributions of a Spark DataFrame of documents, as a Spark DataFrame of rows.

``pip install "quoteattr[spark]"``. :func:`attributions` runs the extractor
on the executors with ``mapInArrow`` (Arrow batches in and out, no row-by-row
pickling) and returns a DataFrame whose schema (:func:`record_schema`) is
declared up front: the columns of :func:`quoteattr.records`, with ``id``
keeping the type of the documents' id column. PySpark is imported when
:func:`attributions` is called, not when this module is; the executors need
quoteattr installed too.

Example (not run here: it needs Java and starts a Spark session)::

    from pyspark.sql import SparkSession
    import quoteattr.spark

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    documents = spark.read.json("news.jsonl")              # or spark.read.parquet(...)
    rows = quoteattr.spark.attributions(documents, text="text", id="id")
    rows.write.parquet("attributions.parquet")
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import Any

from .parallel import extract_many
from .rows import RECORD_COLUMNS, RECORD_TYPES, records

__all__ = ["attributions", "record_schema"]

_EXTRA = 'pip install "quoteattr[spark]"'

_SPARK_TYPES = {
    "string": "StringType",
    "int64": "LongType",
    "float64": "DoubleType",
}


def attributions(frame: Any, *, text: str = "text", id: str = "id") -> Any:
    """Return a lazy Spark DataFrame of attribution rows, one per attribution in ``frame``.

    ``frame`` is a Spark DataFrame with one document a row: its ``text``
    column holds the article, its ``id`` column the id each row carries. A
    null text gives no rows. The result is computed when you collect or
    write it.
    """
    _require("pyspark.sql")
    missing = [name for name in (text, id) if name not in frame.columns]
    if missing:
        raise ValueError(
            f"the frame has no column {missing[0]!r} (columns: {', '.join(frame.columns)}):"
            " name the text and id columns with text=... and id=..."
        )
    schema = record_schema(frame.schema[id].dataType, id=id)
    documents = frame.select(frame[id].alias("_id"), frame[text].alias("_text"))
    return documents.mapInArrow(_ArrowRows(schema.fieldNames()), schema)


def record_schema(id_type: Any = None, *, id: str = "id") -> Any:
    """Return the Spark schema of :func:`quoteattr.records` rows, the id column typed ``id_type``.

    ``id_type`` is a Spark data type (default: ``StringType()``); ``id`` names
    the id column.
    """
    types = _require("pyspark.sql.types")
    fields = [types.StructField(id, id_type or types.StringType(), True)]
    for column, kind in RECORD_TYPES.items():
        if column == "id":
            continue
        base = kind.rstrip("?")
        if base == "list<string>":
            spark_type = types.ArrayType(types.StringType(), False)
        else:
            spark_type = getattr(types, _SPARK_TYPES[base])()
        fields.append(types.StructField(column, spark_type, kind.endswith("?")))
    return types.StructType(fields)


class _ArrowRows:
    """The function each executor runs: Arrow batches of documents in, batches of rows out."""

    def __init__(self, names: list[str]) -> None:
        self.names = names

    def __call__(self, batches: Iterable[Any]) -> Iterator[Any]:
        pyarrow = _require("pyarrow")
        for batch in batches:
            ids = batch.column("_id").to_pylist()
            texts = batch.column("_text").to_pylist()
            pairs = [
                (doc_id, body) for doc_id, body in zip(ids, texts, strict=True) if body is not None
            ]
            found = extract_many([body for _, body in pairs])
            rows = [
                row
                for (doc_id, _), each in zip(pairs, found, strict=True)
                for row in records(each, doc_id)
            ]
            schema = pyarrow.schema(
                [pyarrow.field(self.names[0], batch.schema.field("_id").type)]
                + [_arrow_field(pyarrow, column) for column in RECORD_COLUMNS[1:]]
            )
            columns = [[row[column] for row in rows] for column in RECORD_COLUMNS]
            yield pyarrow.RecordBatch.from_arrays(
                [
                    pyarrow.array(values, type=field.type)
                    for values, field in zip(columns, schema, strict=True)
                ],
                schema=schema,
            )


def _arrow_field(pyarrow: Any, column: str) -> Any:
    kind = RECORD_TYPES[column]
    base = kind.rstrip("?")
    arrow_type = {
        "string": pyarrow.string(),
        "int64": pyarrow.int64(),
        "float64": pyarrow.float64(),
        "list<string>": pyarrow.list_(pyarrow.field("element", pyarrow.string(), False)),
    }[base]
    return pyarrow.field(column, arrow_type, kind.endswith("?"))


def _require(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as error:
        name = "PySpark" if module.startswith("pyspark") else module
        raise ImportError(
            f"quoteattr.spark needs {name}, which is not installed: {_EXTRA}"
        ) from error
