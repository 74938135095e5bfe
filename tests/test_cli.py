"""The ``quoteattr`` command driven as a user would: in a subprocess, on good and broken inputs.

These tests check what holds for any correct extractor: one record per input
document in input order, errors as records, exit status, valid formats, and
offsets that slice the text. Only the seed test asks for a non-empty result.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr.brat import load_brat_folder
from quoteattr.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_2d0d44ca72966377.txt"
SOURCE_ROOT = Path(quoteattr.__file__).resolve().parent.parent

# Made-up news sentences: one with a quote, a speaker and an outlet, one reported.
QUOTED = "قال المتحدث باسم الوزارة أحمد سالم: «المحادثات مستمرة»، بحسب وكالة رويترز.\n"
REPORTED = "وأكدت وزيرة الخارجية أن الاتفاق بات قريبا.\n"


def run(
    *args: str | Path, stdin: bytes = b"", cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m quoteattr ARGS`` with stdout and stderr piped."""
    path = os.pathsep.join(filter(None, [str(SOURCE_ROOT), os.environ.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "quoteattr", *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": path},
        timeout=120,
        check=False,
    )


def records(done: subprocess.CompletedProcess[bytes]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]


def assert_offsets_slice(record: dict[str, Any], text: str) -> None:
    for attribution in record["attributions"]:
        for key in ("content", "addressee"):
            span = attribution[key]
            if span is not None:
                assert text[span["start"] : span["end"]] == span["text"]
        for part in (attribution["cue"], attribution["speaker"], *attribution["sources"]):
            if part is not None:
                span = part["span"]
                assert text[span["start"] : span["end"]] == span["text"]


@pytest.fixture
def news(tmp_path: Path) -> Path:
    """A folder of text files, nested, with a binary file named like text and a markdown note."""
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text(QUOTED, encoding="utf-8")
    (folder / "sub" / "a.txt").write_text(REPORTED, encoding="utf-8")
    (folder / "a.txt").write_text(QUOTED + REPORTED, encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "note.md").write_text(REPORTED, encoding="utf-8")
    return folder


def test_version_and_help() -> None:
    version = run("--version")
    assert version.returncode == 0
    assert version.stdout.decode().strip() == f"quoteattr {quoteattr.__version__}"
    shown = run("--help")
    assert shown.returncode == 0
    page = shown.stdout.decode()
    for action in build_parser()._actions:
        assert action.help, f"{action.option_strings or action.dest} has no help"
        for option in action.option_strings:
            assert option in page
    for documented in ('"id"', '"error"', "exit status", "quoteattr evaluate"):
        assert documented in page


def test_seed_file_gives_attributions_with_exact_offsets() -> None:
    done = run(SEED)
    assert done.returncode == 0, done.stderr.decode()
    [record] = records(done)
    assert record["id"] == str(SEED)
    assert record["path"] == str(SEED)
    assert record["error"] is None
    assert record["attributions"], "the seed article quotes several people"
    assert_offsets_slice(record, SEED.read_text(encoding="utf-8"))
    assert done.stderr == b"", "piped runs stay quiet"


def test_module_and_main_print_the_same(capsys: pytest.CaptureFixture[str]) -> None:
    done = run(SEED, "--format", "jsonl")
    assert main([str(SEED), "--format", "jsonl"]) == 0
    assert capsys.readouterr().out == done.stdout.decode("utf-8")


def test_stdin_is_read_when_no_path_or_dash() -> None:
    for args in ((), ("-",)):
        done = run(*args, stdin=QUOTED.encode())
        assert done.returncode == 0
        [record] = records(done)
        assert (record["id"], record["path"], record["error"]) == ("-", None, None)
        assert_offsets_slice(record, QUOTED)


def test_jsonl_with_broken_lines_keeps_every_record_in_order(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "good-1", "text": QUOTED}, ensure_ascii=False),
        '{"id": "broken", "text": "قال',
        "[1, 2]",
        json.dumps({"id": "no-text", "body": REPORTED}, ensure_ascii=False),
        json.dumps({"id": 7, "text": ["ليس", "نصا"]}, ensure_ascii=False),
        "",
        json.dumps({"text": REPORTED}, ensure_ascii=False),
    ]
    source = tmp_path / "crawl.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = run(source)
    assert done.returncode == 1
    found = records(done)
    assert [r["id"] for r in found] == [
        "good-1",
        f"{source}:2",
        f"{source}:3",
        "no-text",
        7,
        f"{source}:7",
    ]
    assert [r["line"] for r in found] == [1, 2, 3, 4, 5, 7]
    failed = [r["error"] is not None for r in found]
    assert failed == [False, True, True, True, True, False]
    assert "invalid JSON" in found[1]["error"]
    assert "'text' field" in found[3]["error"]
    assert all(r["attributions"] == [] for r in found if r["error"])
    assert done.stderr.decode().strip() == "quoteattr: 4 of 6 documents failed"


def test_gzipped_jsonl_with_other_field_names_from_file_and_stdin(tmp_path: Path) -> None:
    rows = [{"key": f"k{n}", "body": text} for n, text in enumerate([QUOTED, REPORTED, ""] * 10)]
    data = gzip.compress("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode())
    source = tmp_path / "dump.jsonl.gz"
    source.write_bytes(data)
    from_file = run(source, "--text-field", "body", "--id-field", "key")
    from_stdin = run("--jsonl", "--text-field", "body", "--id-field", "key", stdin=data)
    for done in (from_file, from_stdin):
        assert done.returncode == 0, done.stderr.decode()
        found = records(done)
        assert [r["id"] for r in found] == [r["key"] for r in rows]
        assert all(r["error"] is None for r in found)
    by_file = [r["attributions"] for r in records(from_file)]
    assert by_file == [r["attributions"] for r in records(from_stdin)]


def test_windows_1256_file(tmp_path: Path) -> None:
    text = "2015 " + QUOTED
    arabic = tmp_path / "cp1256.txt"
    arabic.write_bytes(text.encode("cp1256"))
    utf8 = tmp_path / "utf8.txt"
    utf8.write_text(text, encoding="utf-8")
    refused = run(arabic)
    assert refused.returncode == 1
    [record] = records(refused)
    assert str(arabic) in record["error"]
    assert "offset 5" in record["error"]
    assert "--encoding" in record["error"]
    decoded = run(arabic, "--encoding", "cp1256")
    assert decoded.returncode == 0
    assert records(decoded)[0]["attributions"] == records(run(utf8))[0]["attributions"]
    replaced = run(arabic, "--errors", "replace")
    assert replaced.returncode == 0
    assert records(replaced)[0]["error"] is None


def test_byte_order_mark_changes_nothing(tmp_path: Path) -> None:
    marked = tmp_path / "bom.txt"
    marked.write_bytes(b"\xef\xbb\xbf" + QUOTED.encode())
    plain = tmp_path / "plain.txt"
    plain.write_bytes(QUOTED.encode())
    with_bom, without = records(run(marked))[0], records(run(plain))[0]
    assert with_bom["error"] is None
    assert with_bom["attributions"] == without["attributions"]
    assert_offsets_slice(with_bom, QUOTED)


def test_empty_file_and_missing_file(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    done = run(empty, tmp_path / "missing.txt")
    assert done.returncode == 1
    first, second = records(done)
    assert (first["attributions"], first["error"]) == ([], None)
    assert "missing.txt: cannot open" in second["error"]


def test_folder_is_walked_sorted_and_a_binary_file_is_an_error(news: Path) -> None:
    done = run(news)
    assert done.returncode == 1
    found = records(done)
    assert [r["id"] for r in found] == ["a.txt", "b.txt", "image.txt", "sub/a.txt"]
    assert [r["path"] for r in found] == [str(news / r["id"]) for r in found]
    assert [r["error"] is None for r in found] == [True, True, False, True]
    assert "image.txt" in found[2]["error"]
    assert done.stderr.decode().strip() == "quoteattr: 1 of 4 documents failed"
    notes = records(run(news, "--glob", "*.md"))
    assert [r["id"] for r in notes] == ["note.md"]


def test_json_array_has_one_element_per_document(news: Path) -> None:
    done = run(news, "--format", "json")
    assert done.returncode == 1
    found = json.loads(done.stdout)
    assert [r["id"] for r in found] == ["a.txt", "b.txt", "image.txt", "sub/a.txt"]
    assert found == records(run(news, "--format", "jsonl"))


def test_tsv_and_csv_rows_match_the_records(news: Path) -> None:
    expected = records(run(news))
    wanted = [
        (r["id"], a["content"]["text"].replace("\n", " "))
        for r in expected
        for a in r["attributions"]
    ] + [(r["id"], "") for r in expected if r["error"]]
    tsv = run(news, "--format", "tsv")
    lines = tsv.stdout.decode("utf-8").splitlines()
    header = lines[0].split("\t")
    assert header == [*quoteattr.RECORD_COLUMNS, "error"]
    assert all(line.count("\t") == len(header) - 1 for line in lines)
    rows = list(csv.DictReader(io.StringIO(tsv.stdout.decode("utf-8")), delimiter="\t"))
    assert sorted((row["id"], row["content"]) for row in rows) == sorted(wanted)
    comma = run(news, "--format", "csv")
    assert list(csv.DictReader(io.StringIO(comma.stdout.decode("utf-8")))) == rows
    assert tsv.returncode == comma.returncode == 1


def test_text_listing_has_a_heading_per_document(news: Path) -> None:
    done = run(news, "--format", "text")
    listing = done.stdout.decode("utf-8")
    headings = [line for line in listing.splitlines() if line.startswith("== ")]
    assert [h.split(":")[0] for h in headings] == [
        "== a.txt",
        "== b.txt",
        "== image.txt",
        "== sub/a.txt",
    ]
    assert "ERROR" in headings[2]
    visual = run(news, "--format", "text", "--bidi", "visual").stdout.decode("utf-8")
    assert "\N{FIRST STRONG ISOLATE}" not in visual
    assert visual.count("\n== ") == listing.count("\n== ")


def test_html_page_for_one_file_and_for_many(news: Path, tmp_path: Path) -> None:
    one = run(SEED, "--format", "html")
    page = one.stdout.decode("utf-8")
    assert one.returncode == 0
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="ar" dir="rtl">' in page
    assert page.count("<article") == 1
    assert 'class="q ' in page
    out = tmp_path / "news.html"
    many = run(news, "--format", "html", "--title", "أخبار", "--output", out)
    assert many.stdout == b""
    page = out.read_text(encoding="utf-8")
    assert page.count("<article") == 4
    assert "<title>أخبار</title>" in page
    assert 'class="error' in page


def test_brat_folder_reads_back_as_gold(news: Path, tmp_path: Path) -> None:
    target = tmp_path / "brat"
    done = run(news, "--format", "brat", "--output", target)
    assert done.returncode == 1
    written = done.stdout.decode().splitlines()
    assert written == [str(target / name) for name in ("a.ann", "b.ann", "sub_a.ann")]
    assert "image.txt" in done.stderr.decode()
    documents = {d.id: d for d in load_brat_folder(target)}
    for record in records(run(news)):
        if record["error"] is None:
            gold = documents[record["id"].replace("/", "_").removesuffix(".txt")]
            assert gold.text == (news / record["id"]).read_text(encoding="utf-8")
            spans = [(a["content"]["start"], a["content"]["end"]) for a in record["attributions"]]
            assert sorted((g.content.start, g.content.end) for g in gold.attributions) == sorted(
                spans
            )
    assert (target / "annotation.conf").is_file()


def test_many_records_in_equal_records_out(tmp_path: Path) -> None:
    source = tmp_path / "many.jsonl"
    texts = [QUOTED, REPORTED, "", "لا شيء هنا"] * 25
    lines = [json.dumps({"id": n, "text": t}, ensure_ascii=False) for n, t in enumerate(texts)]
    lines[40] = "{not json"
    source.write_text("\n".join(lines), encoding="utf-8")
    done = run(source, "--quiet")
    found = records(done)
    assert len(found) == len(texts)
    assert [r["id"] for r in found if r["error"] is None] == [n for n in range(100) if n != 40]
    assert done.returncode == 1
    assert done.stderr.decode().strip() == "quoteattr: 1 of 100 documents failed"


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (("--format", "brat", "-"), "--output DIR"),
        (("--encoding", "klingon", "-"), "unknown encoding"),
        (("--format", "yaml"), "invalid choice"),
        (("--output", "/no/such/folder/out.jsonl", "-"), "cannot write /no/such/folder"),
    ],
)
def test_bad_usage_exits_2(args: tuple[str, ...], complaint: str) -> None:
    done = run(*args)
    assert done.returncode == 2
    assert complaint in done.stderr.decode()
    assert done.stdout == b""


def test_evaluate_subcommand_is_mounted() -> None:
    done = run("evaluate", "--help")
    assert done.returncode == 0
    assert done.stdout.decode().startswith("usage: quoteattr evaluate")


CORPUS = ROOT.parent / "shared" / "corpus" / "saudinewsnet-2015-07-22_25.jsonl.gz"


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_file(), reason="the news corpus is not in ../shared/corpus")
def test_real_corpus_gives_one_record_per_article_in_order() -> None:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        ids = [json.loads(line)["id"] for line in lines if line.strip()]
    done = run(CORPUS, "--quiet")
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == ids
