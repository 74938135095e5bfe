"""Robustness on real news: every article of the shared corpus, no exception, every span exact.

The corpus lives outside the project (``../shared/corpus/``); the test skips
cleanly when it is absent.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import quoteattr

CORPUS = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "corpus"
    / "saudinewsnet-2015-07-22_25.jsonl.gz"
)

pytestmark = pytest.mark.corpus


@pytest.mark.skipif(not CORPUS.exists(), reason="the shared news corpus is not on this machine")
def test_every_article_extracts_and_every_span_slices() -> None:
    articles = 0
    found = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            articles += 1
            for attribution in quoteattr.extract(text):
                found += 1
                for span in attribution.spans():
                    assert text[span.start : span.end] == span.text
    assert articles == 5678
    assert found > articles  # real news quotes someone in most articles
