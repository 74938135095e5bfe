"""Many documents: flat records, extract_many over processes, and ``quoteattr -j N``.

Processes must change nothing but the speed: the same attributions in the
same order as one process, the same error records, byte for byte.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import quoteattr
from quoteattr import RECORD_COLUMNS, RECORD_TYPES, extract, extract_many, records

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_2d0d44ca72966377.txt"
SOURCE_ROOT = Path(quoteattr.__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "saudinewsnet-2015-07-22_25.jsonl.gz"

# Made-up news sentences.
QUOTED = "قال المتحدث باسم الوزارة أحمد سالم: «المحادثات مستمرة»، بحسب وكالة رويترز."
REPORTED = "وأكدت وزيرة الخارجية أن الاتفاق بات قريبا، وأضافت أن الوفد سيصل غدا."
WASAT = "وقال الوزير إن الأمر انتهى، بحسب الوسط نيوز."

PYTHON_TYPES = {"string": str, "int64": int, "float64": float, "list<string>": list}


def corpus_articles(count: int) -> list[str]:
    if not CORPUS.exists():
        pytest.skip("the shared news corpus is not on this machine")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in itertools.islice(lines, count)]


def made_up_texts() -> list[str]:
    return [QUOTED, "", REPORTED, QUOTED + "\n" + REPORTED, "لا شيء هنا", SEED.read_text("utf-8")]


def test_records_have_the_fixed_columns_and_types() -> None:
    text = SEED.read_text("utf-8")
    rows = records(extract(text), doc_id="seed")
    assert len(rows) == len(extract(text)) > 0
    for row in rows:
        assert tuple(row) == RECORD_COLUMNS
        assert row["id"] == "seed"
        for column, kind in RECORD_TYPES.items():
            if kind == "any" or (kind.endswith("?") and row[column] is None):
                continue
            assert isinstance(row[column], PYTHON_TYPES[kind.rstrip("?")]), column
        assert text[row["content_start"] : row["content_end"]] == row["content"]
        assert all(isinstance(name, str) for name in row["sources"])
    assert any(row["sources"] for row in rows)
    assert any(row["speaker"] is not None for row in rows)


def test_records_match_the_attributions_they_come_from() -> None:
    text = QUOTED + "\n" + REPORTED
    found = extract(text)
    rows = records(found, doc_id=3)
    assert [row["content"] for row in rows] == [a.content.text for a in found]
    assert [row["speaker_name"] for row in rows] == [a.speaker and a.speaker.name for a in found]
    assert [row["cue_lemma"] for row in rows] == [a.cue and a.cue.lemma for a in found]
    assert [row["rule"] for row in rows] == [a.rule for a in found]
    assert rows[0]["sources"] == ["Reuters"]
    assert {row["id"] for row in rows} == {3}


def test_records_refuse_what_is_not_an_attribution() -> None:
    with pytest.raises(TypeError, match="Attribution values"):
        records([{"content": "نعم"}])  # type: ignore[list-item]


@pytest.mark.parametrize("jobs", [1, 2, 0])
def test_extract_many_equals_extract_in_order(jobs: int) -> None:
    texts = made_up_texts() * 3

    def stream() -> Iterator[str]:  # a generator, read as the workers go
        yield from texts

    assert list(extract_many(stream(), jobs=jobs)) == [extract(text) for text in texts]


@pytest.mark.corpus
def test_extract_many_on_real_articles_equals_extract() -> None:
    articles = corpus_articles(300)
    assert list(extract_many(articles, jobs=2)) == [extract(text) for text in articles]


def test_extract_many_sends_the_lexicon_to_every_worker() -> None:
    lexicon = quoteattr.Lexicon.default().extended(outlets={"Al-Wasat": ["الوسط نيوز"]})
    found = list(extract_many([WASAT] * 80, jobs=2, lexicon=lexicon))
    assert {source.name for each in found for a in each for source in a.sources} == {"Al-Wasat"}
    assert all(len(each) == 1 for each in found)
    assert not any(a.sources for a in extract(WASAT))


@pytest.mark.parametrize("jobs", [1, 2])
def test_extract_many_raises_what_extract_raises(jobs: int) -> None:
    with pytest.raises(TypeError, match="needs a str, not bytes"):
        list(extract_many([QUOTED, b"\xd9\x82"], jobs=jobs))  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not one str"):
        next(extract_many(QUOTED, jobs=jobs))


@pytest.mark.parametrize(("jobs", "error"), [(-1, ValueError), (1.5, TypeError), (True, TypeError)])
def test_extract_many_refuses_a_bad_jobs_value(jobs: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="jobs"):
        next(extract_many([QUOTED], jobs=jobs))  # type: ignore[arg-type]


def run(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    path = os.pathsep.join(filter(None, [str(SOURCE_ROOT), os.environ.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "quoteattr", *map(str, args)],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": path},
        timeout=300,
        check=False,
    )


@pytest.fixture
def mixed_input(tmp_path: Path) -> Path:
    """JSON Lines with good records, broken lines and a missing text field, in many chunks."""
    path = tmp_path / "news.jsonl"
    lines = []
    for number in range(300):
        if number % 37 == 5:
            lines.append("{not json")
        elif number % 41 == 7:
            lines.append(json.dumps({"id": number, "body": QUOTED}, ensure_ascii=False))
        else:
            text = made_up_texts()[number % 6]
            lines.append(json.dumps({"id": number, "text": text}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("output_format", ["jsonl", "tsv", "text"])
def test_jobs_give_the_same_bytes_as_one_process(mixed_input: Path, output_format: str) -> None:
    one = run("--format", output_format, mixed_input)
    assert one.returncode == 1  # the broken lines are error records
    assert b"extractor failed" not in one.stdout
    for jobs in ("2", "0"):
        many = run("--format", output_format, "-j", jobs, mixed_input)
        assert many.returncode == one.returncode
        assert many.stdout == one.stdout
        assert many.stderr == one.stderr


@pytest.mark.parametrize("value", ["-1", "two"])
def test_jobs_must_be_a_count(value: str) -> None:
    done = run("--jobs", value, SEED)
    assert done.returncode == 2
    assert b"every core" in done.stderr
