"""Measure how extraction time grows on hostile inputs: it must stay linear.

Usage::

    python benchmarks/bench_hostile.py [--sizes 250000 500000] [--timeout 60] [--family NAME]

For each family of inputs a crawler really produces, builds a text of each
size (in characters), times :func:`quoteattr.extract` on it (best of
``--repeat``) and prints the time at each size and the growth ratio from one
size to the next. Linear time gives a ratio near the size ratio (2 for
250 k → 500 k); quadratic time gives its square. A run that exceeds
``--timeout`` seconds is reported as such and ends its family.

Families:

- ``openers``: ``"«" * n``, quotation marks opened and never closed
- ``short-quotes``: ``'قال: «نعم» ' * k``, hundreds of short quotes, no full stop
- ``mixed-marks``: unmatched « » “ ” „ " marks of every kind between words
- ``seed``: the seed article repeated
- ``real-text``: corpus articles concatenated into one long document
"""

from __future__ import annotations

import argparse
import gzip
import json
import signal
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import quoteattr

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_2d0d44ca72966377.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "saudinewsnet-2015-07-22_25.jsonl.gz"


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _corpus_text(size: int) -> str:
    parts: list[str] = []
    total = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            parts.append(text)
            total += len(text) + 2
            if total >= size:
                break
    return "\n\n".join(parts)[:size]


FAMILIES: dict[str, Callable[[int], str]] = {
    "openers": lambda size: "«" * size,
    "short-quotes": lambda size: _repeat("قال: «نعم» ", size),
    "mixed-marks": lambda size: _repeat('«قال “أكد "أضاف ”ذكر »أشار „بين ‟ ', size),
    "seed": lambda size: _repeat(SEED.read_text(encoding="utf-8") + "\n\n", size),
    "real-text": _corpus_text,
}


class _TimeoutError(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _TimeoutError


def time_one(text: str, repeat: int, timeout: float) -> float | None:
    """Return the best of ``repeat`` extraction times, or None after ``timeout`` seconds."""
    best = float("inf")
    for _ in range(repeat):
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
        try:
            started = time.perf_counter()
            quoteattr.extract(text)
            best = min(best, time.perf_counter() - started)
        except _TimeoutError:
            return None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return best


def measure(
    family: str, sizes: list[int], repeat: int, timeout: float
) -> Iterator[tuple[int, float | None]]:
    for size in sizes:
        seconds = time_one(FAMILIES[family](size), repeat, timeout)
        yield size, seconds
        if seconds is None:
            return


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250_000, 500_000])
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per run")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (the best counts)")
    parser.add_argument("--family", choices=sorted(FAMILIES), action="append")
    args = parser.parse_args(argv)
    families = args.family or list(FAMILIES)
    if "real-text" in families and not CORPUS.exists():
        print(f"no corpus at {CORPUS}: skipping real-text", file=sys.stderr)
        families.remove("real-text")
    quoteattr.extract("قال الوزير إن الاجتماع انتهى.")  # compile the lexicons outside the timing
    header = " | ".join(f"{size // 1000} k chars" for size in args.sizes)
    print(f"| family | {header} | growth |")
    print("|---" * (len(args.sizes) + 2) + "|")
    worst = 0.0
    for family in families:
        found = dict(measure(family, args.sizes, args.repeat, args.timeout))
        cells = []
        for size in args.sizes:
            if size not in found:
                cells.append("-")
            else:
                seconds = found[size]
                cells.append(f"> {args.timeout:g} s" if seconds is None else f"{seconds:.2f} s")
        timed = [found.get(size) for size in args.sizes]
        growth = "-"
        if len(timed) >= 2 and timed[-1] is not None and timed[-2]:
            ratio = timed[-1] / timed[-2]
            worst = max(worst, ratio)
            growth = f"{ratio:.2f}x"
        print(f"| {family} | {' | '.join(cells)} | {growth} |", flush=True)
    print(f"worst growth: {worst:.2f}x for a {args.sizes[-1] / args.sizes[-2]:g}x longer input")
    return 0


if __name__ == "__main__":
    sys.exit(main())
