"""pytest fixtures for suites that test code built on quoteattr: gold corpus, extractor, scores.

Installing quoteattr registers this module as the ``quoteattr`` pytest
plugin (the ``pytest11`` entry point), so any test in the same environment
can ask for these fixtures by name:

``quoteattr_golden``
    The built-in gold corpus as a tuple of :class:`quoteattr.corpus.Document`
    (every collection, known failures included), or the documents of the
    file given with ``--quoteattr-gold``.
``quoteattr_extract``
    :func:`quoteattr.extract`, the extractor: ``text -> list[Attribution]``.
``quoteattr_evaluate``
    A function scoring an extractor on documents:
    ``quoteattr_evaluate(extract=None, documents=None, threshold=0.5)``
    returns a :class:`quoteattr.scoring.Report`; by default quoteattr's own
    extractor on ``quoteattr_golden``.
``quoteattr_document``
    A test that takes it runs once per gold document, with the document's
    id as test id: the built-in corpus without its ``known_failures``
    collection, or every document of ``--quoteattr-gold``.

For example, in a project that wraps the extractor::

    def test_wrapper_keeps_every_attribution(quoteattr_document, quoteattr_extract):
        text = quoteattr_document.text
        assert len(my_wrapper(text)) == len(quoteattr_extract(text))

    def test_quality_on_our_articles(quoteattr_evaluate):
        # run with: pytest --quoteattr-gold our_articles.jsonl
        assert quoteattr_evaluate().content.f1 >= 0.8

``--quoteattr-gold PATH`` takes a gold JSON Lines file or a folder of brat
files. ``-p no:quoteattr`` turns the plugin off. Hypothesis strategies for
generated test text are in :mod:`quoteattr.testing.strategies`.

Fixtures run only inside pytest; outside it, the library gives the same
values: ``quoteattr_golden`` is ``tuple(quoteattr.corpus.builtin())`` (or
the documents of ``--quoteattr-gold``), ``quoteattr_extract`` is
:func:`quoteattr.extract`, and ``quoteattr_evaluate(my_extract)`` scores
like this, ``ours`` standing for ``quoteattr_golden``:

>>> from quoteattr.corpus import Document, GoldAttribution
>>> from quoteattr.model import Attribution, Kind, Span
>>> from quoteattr.scoring import EvaluationOptions, evaluate, predict
>>> def my_extract(text):
...     start = text.find("«") + 1
...     return [Attribution(Span.of(text, start, text.find("»", start)), Kind.DIRECT)]
>>> text = "قال الوزير: «نعم»"
>>> ours = [Document("d1", text, [GoldAttribution(Span.of(text, 13, 16), Kind.DIRECT)])]
>>> evaluate(ours, predict(ours, my_extract), EvaluationOptions(0.5)).content.f1
1.0
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from ..corpus import Document
    from ..model import Attribution
    from ..scoring import Report

# Everything from quoteattr is imported inside the hooks and fixtures: the
# plugin loads in every pytest run of the environment, and must cost
# nothing in runs that never use it.

_OPTION = "--quoteattr-gold"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--quoteattr-gold``, the user's own gold corpus for the fixtures.

    The option takes what ``argparse`` does; here on a stand-in for pytest's parser:

    >>> import argparse
    >>> options = argparse.ArgumentParser()
    >>> class Parser:
    ...     def getgroup(self, name):
    ...         return argparse.Namespace(addoption=options.add_argument)
    >>> pytest_addoption(Parser())
    >>> options.parse_args(["--quoteattr-gold", "أخبارنا.jsonl"]).quoteattr_gold
    'أخبارنا.jsonl'
    """
    group = parser.getgroup("quoteattr")
    group.addoption(
        _OPTION,
        dest="quoteattr_gold",
        metavar="PATH",
        default=None,
        help="gold JSON Lines file or brat folder for the quoteattr_golden and "
        "quoteattr_document fixtures (default: quoteattr's built-in corpus)",
    )


def _documents(config: pytest.Config, *, per_document: bool) -> tuple[Document, ...]:
    from ..corpus import builtin, builtin_names, load

    path = config.getoption("quoteattr_gold")
    if path is not None:
        path = Path(path)
        if path.is_dir():
            from ..brat import load_brat_folder

            return tuple(load_brat_folder(path))
        return tuple(load(path))
    if per_document:
        # Known failures fail by definition; a per-document test would
        # report the extractor's open problems as the user's failures.
        return tuple(builtin(*(name for name in builtin_names() if name != "known_failures")))
    return tuple(builtin())


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run each test that takes ``quoteattr_document`` once per gold document.

    Here on stand-ins for pytest's objects, with ``--quoteattr-gold ours.jsonl``:

    >>> import tempfile
    >>> from quoteattr.corpus import Document, dump
    >>> ours = Path(tempfile.mkdtemp()) / "ours.jsonl"
    >>> dump([Document("خبر-1", "قال الوزير: «نعم»"), Document("خبر-2", "لا تعليق")], ours)
    >>> class Config:
    ...     def getoption(self, name):
    ...         return str(ours)
    >>> class Metafunc:
    ...     fixturenames, config = ["quoteattr_document"], Config()
    ...     def parametrize(self, name, documents, ids):
    ...         print(name, ids, documents[0].text)
    >>> pytest_generate_tests(Metafunc())
    quoteattr_document ['خبر-1', 'خبر-2'] قال الوزير: «نعم»
    """
    if "quoteattr_document" in metafunc.fixturenames:
        documents = _documents(metafunc.config, per_document=True)
        metafunc.parametrize(
            "quoteattr_document", documents, ids=[document.id for document in documents]
        )


@pytest.fixture(scope="session")
def quoteattr_golden(pytestconfig: pytest.Config) -> tuple[Document, ...]:
    """Return the gold corpus: built in, or the one given with ``--quoteattr-gold``.

    Without the option it holds what :func:`quoteattr.corpus.builtin` returns:

    >>> from quoteattr.corpus import builtin
    >>> golden = tuple(builtin())
    >>> any("الكرملين" in document.text for document in golden)
    True
    """
    return _documents(pytestconfig, per_document=False)


@pytest.fixture(scope="session")
def quoteattr_extract() -> Callable[[str], list[Attribution]]:
    """Return quoteattr's extractor, ``text -> list[Attribution]``.

    It is :func:`quoteattr.extract` itself:

    >>> from quoteattr import extract
    >>> [found.content.text for found in extract("وقال الوزير: «نعم»")]
    ['نعم']
    """
    from ..pipeline import extract

    return extract


@pytest.fixture(scope="session")
def quoteattr_evaluate(
    quoteattr_golden: tuple[Document, ...],
) -> Callable[..., Report]:
    """Return a function that scores an extractor (quoteattr's by default) on gold documents.

    ``quoteattr_evaluate(extract, documents, threshold)`` is
    :func:`~quoteattr.scoring.evaluate` over :func:`~quoteattr.scoring.predict`:

    >>> from quoteattr.corpus import Document, GoldAttribution
    >>> from quoteattr.model import Kind, Span
    >>> from quoteattr.scoring import EvaluationOptions, evaluate, predict
    >>> text = "قال الوزير: «نعم»"
    >>> documents = [Document("d1", text, [GoldAttribution(Span.of(text, 13, 16), Kind.DIRECT)])]
    >>> def extract(text):
    ...     return []
    >>> evaluate(documents, predict(documents, extract), EvaluationOptions(0.5)).content.recall
    0.0
    """
    from ..scoring import EvaluationOptions, evaluate, predict

    def score(
        extract: Callable[[str], Sequence[Attribution]] | None = None,
        documents: Sequence[Document] | None = None,
        threshold: float = 0.5,
    ) -> Report:
        gold = quoteattr_golden if documents is None else documents
        return evaluate(gold, predict(gold, extract), EvaluationOptions(threshold))

    return score
