"""The newsdesk project's tests, using quoteattr's pytest plugin and hypothesis strategies."""

from __future__ import annotations

import importlib.metadata

import newsdesk
from hypothesis import given, settings
from hypothesis import strategies as st

import quoteattr
from quoteattr.corpus import Document, builtin, load
from quoteattr.normalize import fold
from quoteattr.scoring import Report, evaluate
from quoteattr.testing.strategies import attributed_sentences, decorated, paragraphs


def test_quoteattr_is_the_installed_distribution() -> None:
    assert importlib.metadata.version("quoteattr") == quoteattr.__version__


def test_the_gold_corpus_comes_from_the_chosen_place(quoteattr_golden, pytestconfig) -> None:
    chosen = pytestconfig.getoption("quoteattr_gold")
    assert list(quoteattr_golden) == (builtin() if chosen is None else load(chosen))


def test_runs_once_per_gold_document(quoteattr_document) -> None:
    assert isinstance(quoteattr_document, Document)
    for gold in quoteattr_document.attributions:
        start, end = gold.content.start, gold.content.end
        assert quoteattr_document.text[start:end] == gold.content.text


def test_the_extractor_fixture(quoteattr_extract) -> None:
    assert quoteattr_extract is quoteattr.extract


def test_scoring_our_wrapper(quoteattr_evaluate, quoteattr_golden) -> None:
    report = quoteattr_evaluate(newsdesk.attributions)
    assert isinstance(report, Report)
    assert report.documents == len(quoteattr_golden)


@settings(max_examples=10, deadline=None)
@given(paragraphs())
def test_generated_paragraphs_carry_their_answers(document: Document) -> None:
    assert document.attributions
    assert evaluate([document], [document]).content.f1 == 1


@settings(max_examples=5, deadline=None)
@given(st.data(), attributed_sentences())
def test_decorated_text_reads_the_same(data: st.DataObject, document: Document) -> None:
    text = data.draw(decorated(document.text))
    assert fold(text) == fold(document.text)
    assert all(isinstance(name, str) for name in newsdesk.quoted_speakers(text))
