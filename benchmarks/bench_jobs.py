"""Measure how much faster ``quoteattr -j N`` runs than ``-j 1`` on the corpus.

Usage::

    python benchmarks/bench_jobs.py [PATH.jsonl.gz] [--jobs N] [--repeat R]

Runs the command as a user would (``quoteattr PATH > /dev/null``), alternating
``-j 1`` and ``-j N`` so that both see the same load, and prints the best
wall-clock time of each, the speed-up and the CPU seconds used. It also
checks that both outputs are byte-identical. The machine should be quiet: on
a shared machine the figures say what the other users left free.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "corpus"
    / "saudinewsnet-2015-07-22_25.jsonl.gz"
)


def run(path: Path, jobs: int) -> tuple[float, float, str]:
    """Return wall seconds, CPU seconds (children) and the output's sha256 of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "quoteattr", "-q", "-j", str(jobs), str(path)],
        capture_output=True,
        check=False,
        env=os.environ,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr.decode("utf-8", "replace"))
    return wall, cpu, hashlib.sha256(done.stdout).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--jobs", type=int, default=2, help="processes to compare with one")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each (the best counts)")
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"no corpus at {args.path}", file=sys.stderr)
        return 2
    times: dict[int, list[tuple[float, float, str]]] = {1: [], args.jobs: []}
    for _ in range(args.repeat):
        for jobs in times:
            times[jobs].append(run(args.path, jobs))
    digests = {digest for runs in times.values() for _, _, digest in runs}
    best = {jobs: min(runs) for jobs, runs in times.items()}
    print(f"cores available: {len(os.sched_getaffinity(0))}, load: {os.getloadavg()[0]:.2f}")
    for jobs, (wall, cpu, _) in best.items():
        print(f"-j {jobs}: {wall:.2f} s wall (best of {args.repeat}), {cpu:.2f} s CPU")
    print(f"speed-up -j {args.jobs} / -j 1: {best[1][0] / best[args.jobs][0]:.2f}x")
    print(f"outputs identical: {len(digests) == 1} (sha256 {sorted(digests)[0][:16]}...)")
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
