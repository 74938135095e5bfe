"""Print corpus-wide figures and a seeded random sample of attributions for reading by hand.

Usage::

    python benchmarks/sample_attributions.py [PATH.jsonl.gz] [--seed 1129] [--n 30]

Runs quoteattr over every article of a JSON Lines corpus (default: the shared
Saudi news corpus in ``../shared/corpus/``), prints how many attributions it
finds, the share with a speaker and with a source, the counts by kind and by
rule, then ``--n`` attributions drawn uniformly at random, each with its cue,
speaker, sources and the text around its content, so a reader can judge them
against the article. The corpus is read in place and never copied.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import random
import sys
import time
from pathlib import Path

import quoteattr
from bench_corpus import DEFAULT  # the same corpus as the speed benchmark


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--seed", type=int, default=1129, help="random seed of the sample")
    parser.add_argument("--n", type=int, default=30, help="how many attributions to sample")
    parser.add_argument(
        "--context", type=int, default=250, help="characters shown around the content"
    )
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"no corpus at {args.path}", file=sys.stderr)
        return 2
    with gzip.open(args.path, "rt", encoding="utf-8") as lines:
        documents = [json.loads(line) for line in lines]
    start = time.perf_counter()
    found = {d["id"]: quoteattr.extract(d["text"]) for d in documents}
    seconds = time.perf_counter() - start
    texts = {d["id"]: d["text"] for d in documents}
    pairs = [(doc, i) for doc, attributions in found.items() for i in range(len(attributions))]
    every = [found[doc][i] for doc, i in pairs]
    total = max(1, len(every))
    print(f"articles {len(documents):,} in {seconds:.1f} s; attributions {len(every):,}")
    print(
        f"with a speaker {sum(a.speaker is not None for a in every) / total:.1%}; "
        f"with a source {sum(bool(a.sources) for a in every) / total:.1%}"
    )
    print("by kind:", dict(collections.Counter(a.kind.value for a in every).most_common()))
    print("by rule:", dict(collections.Counter(a.rule for a in every).most_common()))
    random.seed(args.seed)
    for number, (doc, i) in enumerate(random.sample(pairs, min(args.n, len(pairs))), 1):
        a = found[doc][i]
        text = texts[doc]
        speaker = (
            f"{a.speaker.span.text!r} -> {a.speaker.name!r} ({a.speaker.kind.value})"
            if a.speaker
            else "None"
        )
        low, high = (
            max(0, a.content.start - args.context),
            min(len(text), a.content.end + args.context),
        )
        print(
            f"\n=== #{number} doc={doc} kind={a.kind.value} rule={a.rule} confidence={a.confidence}"
        )
        print(
            f"cue: {a.cue.span.text if a.cue else None!r}  speaker: {speaker}  "
            f"sources: {[s.name for s in a.sources]}"
        )
        print(
            f"CONTEXT: {text[low : a.content.start]}⟦{a.content.text}⟧{text[a.content.end : high]}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
