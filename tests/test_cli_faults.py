"""The ``quoteattr`` command when its output fails: a full device, a closed pipe, a size limit.

Each case runs the command in a subprocess, as a user's shell would, and checks
that it ends with one line on stderr (or quietly, for a reader that left) and a
non-zero status, never a traceback, and that what it did write is an exact
prefix of the full output.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import quoteattr

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_2d0d44ca72966377.txt"
SOURCE_ROOT = Path(quoteattr.__file__).resolve().parent.parent
FULL = Path("/dev/full")

# Made-up news sentences, repeated into many records.
SENTENCES = (
    "قال المتحدث باسم الوزارة أحمد سالم: «المحادثات مستمرة»، بحسب وكالة رويترز.",
    "وأكدت وزيرة الخارجية أن الاتفاق بات قريبا.",
)


def command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "quoteattr", *map(str, args)]


def environment() -> dict[str, str]:
    path = os.pathsep.join(filter(None, [str(SOURCE_ROOT), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path}


def run(*args: str | Path, **options: object) -> subprocess.CompletedProcess[bytes]:
    options.setdefault("stdout", subprocess.PIPE)
    options.setdefault("stderr", subprocess.PIPE)
    return subprocess.run(
        command(*args),
        env=environment(),
        timeout=120,
        check=False,
        **options,  # type: ignore[call-overload]
    )


@pytest.fixture
def many_records(tmp_path: Path) -> Path:
    """A JSON Lines file whose output is far larger than any buffer."""
    path = tmp_path / "news.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for number in range(400):
            text = SENTENCES[number % 2] + "\n" + SENTENCES[(number + 1) % 2]
            stream.write(json.dumps({"id": f"n{number}", "text": text}, ensure_ascii=False) + "\n")
    return path


def assert_one_line_complaint(done: subprocess.CompletedProcess[bytes], reason: str) -> None:
    stderr = done.stderr.decode("utf-8")
    assert done.returncode != 0
    assert "Traceback" not in stderr
    assert stderr.count("\n") == 1, stderr
    assert stderr.startswith("quoteattr: cannot write ")
    assert reason in stderr


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("output_format", ["jsonl", "tsv", "html", "text"])
def test_full_device_on_stdout_is_one_line_and_a_failure(output_format: str) -> None:
    with FULL.open("wb") as full:
        done = run("--format", output_format, SEED, stdout=full)
    assert_one_line_complaint(done, "No space left on device")
    assert "standard output" in done.stderr.decode("utf-8")


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full on this system")
def test_full_device_as_output_file_is_named(many_records: Path) -> None:
    done = run("--output", FULL, many_records)
    assert_one_line_complaint(done, "No space left on device")
    assert str(FULL) in done.stderr.decode("utf-8")


def test_a_reader_that_leaves_ends_the_run_quietly(many_records: Path) -> None:
    """``quoteattr news.jsonl | head -1``: the first line is whole, nothing on stderr."""
    with subprocess.Popen(
        command(many_records), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment()
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read()
        status = process.wait(timeout=120)
    assert json.loads(first)["id"] == "n0"
    assert stderr == b""
    assert status != 0


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="no file size limits on this system")
@pytest.mark.parametrize("output_format", ["jsonl", "csv"])
def test_a_size_limit_leaves_an_exact_prefix(
    many_records: Path, tmp_path: Path, output_format: str
) -> None:
    """A disk that fills mid-run: the file holds the start of the output, unaltered."""
    import resource

    limit = 20_000

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    whole = run("--format", output_format, many_records)
    assert whole.returncode == 0
    assert len(whole.stdout) > 4 * limit
    target = tmp_path / f"found.{output_format}"
    done = run(
        "--format", output_format, "--output", target, many_records, preexec_fn=limit_file_size
    )
    assert_one_line_complaint(done, "File too large")
    written = target.read_bytes()
    assert 0 < len(written) <= limit
    assert whole.stdout.startswith(written)
