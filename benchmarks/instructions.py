"""Count the instructions extraction takes on the corpus: a speed measure that does not drift.

Usage::

    python benchmarks/instructions.py [PATH.jsonl.gz] [--limit N] [--src DIR]

Runs extraction of the first N corpus articles (600 by default) under
Valgrind's callgrind, once with the articles and once without (start-up,
imports and lexicon loading), and prints the difference in millions of
instructions, with the floor of ``bench_corpus.py`` (tokenise the same texts
and look every word up in a set) counted the same way, and their ratio.

Timings on a shared machine vary by a tenth from one run to the next, more
than most single speed steps gain; the instruction count of the same code and
input moves by a few percent at most (the hash seed is fixed, the memory
layout is not), so two versions of the code compare best when counted in the
same minutes, and a difference of under about 15 M is noise. It is not a
time: Python's dictionary-heavy code retires fewer instructions a second than
the floor's regex scan, so the time ratio of ``bench_corpus.py`` stays the
figure to quote. ``--src`` points at
another checkout's ``src`` to compare two versions. Needs ``valgrind``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

DEFAULT = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "corpus"
    / "saudinewsnet-2015-07-22_25.jsonl.gz"
)

# The program valgrind runs: extract (or only tokenise and look up) the first N articles.
_RUN = """
import gzip, json, re, sys
sys.path.insert(0, sys.argv[1])
import quoteattr
path, limit, job = sys.argv[2], int(sys.argv[3]), sys.argv[4]
texts = []
with gzip.open(path, "rt", encoding="utf-8") as lines:
    for line in lines:
        if len(texts) >= limit:
            break
        texts.append(json.loads(line)["text"])
quoteattr.extract("قال الوزير إن الاجتماع انتهى.")
word = re.compile(r"\\w+")
vocabulary = frozenset(w for text in texts for w in word.findall(text))
if job == "extract":
    for text in texts:
        quoteattr.extract(text)
elif job == "floor":
    for text in texts:
        for w in word.findall(text):
            w in vocabulary
"""

_COLLECTED = re.compile(r"Collected : (\d+)")


def count(src: Path, path: Path, limit: int, job: str) -> int:
    """Return the instructions callgrind counts for one run of the program."""
    environment = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            "-c",
            _RUN,
            str(src),
            str(path),
            str(limit),
            job,
        ],
        capture_output=True,
        text=True,
        env=environment,
        check=True,
    )
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise RuntimeError("callgrind printed no instruction count:\n" + done.stderr[-2000:])
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=600, help="the first N articles")
    parser.add_argument(
        "--src",
        type=Path,
        default=Path(__file__).resolve().parents[1] / "src",
        help="the quoteattr source tree to measure",
    )
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    if not args.path.exists():
        print(f"no corpus at {args.path}", file=sys.stderr)
        return 2
    start_up = count(args.src, args.path, args.limit, "none")
    extraction = count(args.src, args.path, args.limit, "extract") - start_up
    floor = count(args.src, args.path, args.limit, "floor") - start_up
    print(f"articles            {args.limit:,}")
    print(f"extraction          {extraction / 1e6:,.0f} M instructions")
    print(f"floor               {floor / 1e6:,.0f} M instructions")
    print(f"ratio to the floor  {extraction / floor:.2f}x (instructions, not time)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
