"""Dask and Spark give the rows of ``records(extract(text))`` for every real article, no more.

Dask runs with its synchronous scheduler, Spark as ``local[2]``; the Spark
tests skip only where Java is absent (Spark needs a JVM).
"""

from __future__ import annotations

import gzip
import importlib
import itertools
import json
import math
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr import RECORD_COLUMNS, extract, records

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "saudinewsnet-2015-07-22_25.jsonl.gz"
QUOTED = "قال المتحدث باسم الوزارة أحمد سالم: «المحادثات مستمرة»، بحسب وكالة رويترز."

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def articles() -> list[dict[str, Any]]:
    """The first 120 corpus articles: id (a string), text."""
    if not CORPUS.exists():
        pytest.skip("the shared news corpus is not on this machine")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        found = [json.loads(line) for line in itertools.islice(lines, 120)]
    return [{"id": str(article["id"]), "text": article["text"]} for article in found]


def expected(documents: list[dict[str, Any]], id: str = "id") -> list[dict[str, Any]]:
    rows = []
    for document in documents:
        if document["text"] is not None:
            for row in records(extract(document["text"]), document[id]):
                rows.append({id: row.pop("id"), **row})
    return rows


def plain(value: Any) -> Any:
    """A value as records() gives it: pandas' and Arrow's missing values as None, lists as lists."""
    if value is None or value is getattr(sys.modules.get("pandas"), "NA", None):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "tolist"):
        return value.tolist()
    return value


# Dask


def test_dask_rows_equal_records_of_extract(articles: list[dict[str, Any]]) -> None:
    dd = pytest.importorskip("dask.dataframe")
    import pandas

    import quoteattr.dask

    documents = [*articles, {"id": "empty", "text": None}]
    frame = dd.from_pandas(pandas.DataFrame(documents), npartitions=4)
    rows = quoteattr.dask.attributions(frame)
    computed = rows.compute(scheduler="synchronous")
    assert list(computed.columns) == list(RECORD_COLUMNS)
    assert computed.dtypes.equals(rows._meta.dtypes)
    got = [{key: plain(value) for key, value in row.items()} for row in computed.to_dict("records")]
    assert got == expected(articles)
    assert len(got) > len(articles)  # real news quotes someone in most articles


def test_dask_keeps_the_id_column_its_name_and_type() -> None:
    dd = pytest.importorskip("dask.dataframe")
    import pandas

    import quoteattr.dask

    documents = [{"url": 7, "body": QUOTED}, {"url": 9, "body": QUOTED}]
    frame = dd.from_pandas(pandas.DataFrame(documents), npartitions=2)
    rows = quoteattr.dask.attributions(frame, text="body", id="url")
    computed = rows.compute(scheduler="synchronous")
    assert str(rows.dtypes["url"]) == "int64"
    assert computed["url"].tolist() == [7, 9]
    assert [plain(s) for s in computed["sources"]] == [["Reuters"], ["Reuters"]]


def test_dask_names_the_missing_column() -> None:
    dd = pytest.importorskip("dask.dataframe")
    import pandas

    import quoteattr.dask

    frame = dd.from_pandas(pandas.DataFrame({"id": [1], "body": [QUOTED]}), npartitions=1)
    with pytest.raises(ValueError, match="no column 'text'"):
        quoteattr.dask.attributions(frame)


@pytest.mark.parametrize(("module", "engine"), [("dask", "dask"), ("spark", "pyspark")])
def test_a_missing_engine_names_the_extra(
    module: str, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in list(sys.modules):
        if name == engine or name.startswith(engine + "."):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, engine, None)  # import fails as if not installed
    wrapper = importlib.import_module(f"quoteattr.{module}")
    with pytest.raises(ImportError, match=rf'pip install "quoteattr\[{module}\]"'):
        wrapper.attributions(object())


# Spark


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    if shutil.which("java") is None:
        pytest.skip(
            "Java is not installed: Spark needs a JVM (apt install openjdk-17-jre-headless)"
        )
    pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    saved = {key: os.environ.get(key) for key in ("PYSPARK_PYTHON", "PYTHONPATH")}
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the executors run this interpreter
    source = str(Path(quoteattr.__file__).resolve().parent.parent)  # and this quoteattr
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [source, saved["PYTHONPATH"]]))
    session = (
        SparkSession.builder.master("local[2]")
        .appName("quoteattr-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def test_spark_rows_equal_records_of_extract(spark: Any, articles: list[dict[str, Any]]) -> None:
    import quoteattr.spark

    documents = [*articles, {"id": "empty", "text": None}]
    frame = spark.createDataFrame(
        [(d["id"], d["text"]) for d in documents], "id string, text string"
    ).repartition(3)
    rows = quoteattr.spark.attributions(frame)
    assert rows.columns == list(RECORD_COLUMNS)
    got = [row.asDict() for row in rows.collect()]
    key = ("id", "content_start")
    wanted = expected(articles)
    assert sorted(got, key=lambda r: [r[k] for k in key]) == sorted(
        wanted, key=lambda r: [r[k] for k in key]
    )
    assert len(got) > len(articles)


def test_spark_keeps_the_id_column_its_name_and_type(spark: Any) -> None:
    import quoteattr.spark

    frame = spark.createDataFrame([(7, QUOTED), (9, None)], "url long, body string")
    rows = quoteattr.spark.attributions(frame, text="body", id="url")
    assert rows.schema["url"].dataType.typeName() == "long"
    assert rows.schema == quoteattr.spark.record_schema(frame.schema["url"].dataType, id="url")
    [row] = rows.collect()
    assert (row["url"], row["sources"], row["speaker_name"]) == (7, ["Reuters"], "أحمد سالم")


def test_spark_names_the_missing_column(spark: Any) -> None:
    import quoteattr.spark

    frame = spark.createDataFrame([(1, QUOTED)], "id long, body string")
    with pytest.raises(ValueError, match="no column 'text'"):
        quoteattr.spark.attributions(frame)
