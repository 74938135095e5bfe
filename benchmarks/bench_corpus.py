"""Measure quoteattr's speed and memory on the real news corpus, on one core.

Usage::

    python benchmarks/bench_corpus.py [PATH.jsonl.gz] [--limit N] [--repeat R]

Prints characters a second, articles a second, the ratio to the floor (the
time to tokenise the same texts and look every word up in a set, in the same
process, alternating with extraction so that both see the same load), peak
memory (tracemalloc and max RSS) and what was found: attributions, the share
with a speaker and with a source. The corpus is read from
``../shared/corpus/`` by default; it is not part of the project and is never
copied into it.

Times are the CPU time of this process (``time.process_time``), so that a
machine shared with other work does not count the time spent waiting for a
core; ``--wall`` times by the wall clock instead (the same on a quiet machine).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import quoteattr

DEFAULT = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "corpus"
    / "saudinewsnet-2015-07-22_25.jsonl.gz"
)


def load(path: Path, limit: int | None) -> list[str]:
    texts = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line)["text"])
            if limit is not None and len(texts) >= limit:
                break
    return texts


_WORD = re.compile(r"\w+")


def floor(texts: list[str], vocabulary: frozenset[str], clock: Callable[[], float]) -> float:
    """Time the least any extractor must do: find every word and look it up in a set."""
    start = clock()
    hits = 0
    for text in texts:
        for word in _WORD.findall(text):
            hits += word in vocabulary
    return clock() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument(
        "--repeat", type=int, default=3, help="timed passes (the median is reported)"
    )
    parser.add_argument(
        "--wall", action="store_true", help="time by the wall clock, not this process's CPU time"
    )
    args = parser.parse_args(argv)
    clock = time.perf_counter if args.wall else time.process_time
    if not args.path.exists():
        print(f"no corpus at {args.path}", file=sys.stderr)
        return 2
    texts = load(args.path, args.limit)
    characters = sum(map(len, texts))
    quoteattr.extract("قال الوزير إن الاجتماع انتهى.")  # compile the lexicons outside the timing
    vocabulary = frozenset(word for text in texts for word in _WORD.findall(text))
    times = []
    floors = []
    found: list[list[quoteattr.Attribution]] = []
    for _ in range(args.repeat):  # alternate, so both see the same machine load
        floors.append(floor(texts, vocabulary, clock))
        start = clock()
        found = [quoteattr.extract(text) for text in texts]
        times.append(clock() - start)
    seconds = statistics.median(times)
    floor_seconds = statistics.median(floors)
    tracemalloc.start()
    for text in texts[:500]:
        quoteattr.extract(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    attributions = [a for doc in found for a in doc]
    with_speaker = sum(a.speaker is not None for a in attributions)
    with_source = sum(bool(a.sources) for a in attributions)
    by_kind: dict[str, int] = {}
    for a in attributions:
        by_kind[a.kind.value] = by_kind.get(a.kind.value, 0) + 1
    print(f"articles            {len(texts):,}")
    print(f"characters          {characters:,}")
    passes = ", ".join(f"{t:.2f}" for t in times)
    kind = "wall" if args.wall else "CPU"
    print(f"{kind} seconds (median/{args.repeat}) {seconds:.2f}  (all passes: {passes})")
    print(f"characters/second   {characters / seconds:,.0f}")
    print(f"floor seconds       {floor_seconds:.2f}  (tokenise + set lookup of every word)")
    print(f"ratio to the floor  {seconds / floor_seconds:.1f}x")
    print(f"articles/second     {len(texts) / seconds:,.0f}")
    print(f"peak traced memory  {peak / 1e6:.1f} MB over 500 articles")
    print(f"max RSS             {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3:.0f} MB")
    print(f"attributions        {len(attributions):,}  {by_kind}")
    print(f"with a speaker      {with_speaker / max(1, len(attributions)):.1%}")
    print(f"with a source       {with_source / max(1, len(attributions)):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
