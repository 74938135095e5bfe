"""Many texts at once, on one core or several, results in input order.

:func:`extract_many` is :func:`quoteattr.extract` over an iterable of texts.
With ``jobs > 1`` it runs worker processes: each loads the lexicon once when
it starts (not once per text), takes texts in chunks and sends back the
attributions; at most a few chunks per worker are in flight, so a stream of
millions of texts is read as the workers go, never all at once.

>>> texts = ["قال الوزير إن الاجتماع انتهى.", "", "وأكدت الوزارة أن المدارس ستفتح."]
>>> [[a.speaker.name for a in found] for found in extract_many(texts)]
[['الوزير'], [], ['الوزارة']]
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

from .lexicons import Lexicon
from .model import Attribution
from .pipeline import Extractor

__all__ = ["Outcome", "available_cores", "extract_many", "outcomes", "resolve_jobs"]

Outcome = tuple[Attribution, ...] | str
"""What a worker sends back for one text: its attributions, or why the extractor failed."""

_CHUNK_CHARACTERS = 200_000
"""Texts are sent to a worker in chunks of about this many characters (or 64 texts)."""

_CHUNK_TEXTS = 64
_IN_FLIGHT_PER_WORKER = 4

_Item = TypeVar("_Item")
_Result = TypeVar("_Result")

_worker_extractor: Extractor | None = None


def available_cores() -> int:
    """Return how many cores this process may run on (what ``jobs=0`` means).

    >>> available_cores() >= 1
    True
    """
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return max(1, len(affinity(0)))
    return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int) -> int:
    """Return the number of processes ``jobs`` asks for: itself, or every core for 0.

    >>> resolve_jobs(3)
    3
    >>> resolve_jobs(0) == available_cores()
    True
    >>> resolve_jobs(-1)
    Traceback (most recent call last):
    ValueError: jobs must be 0 (every core) or a positive number of processes, not -1
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int):
        raise TypeError(f"jobs must be an int (0 for every core), not {type(jobs).__name__}")
    if jobs < 0:
        raise ValueError(
            f"jobs must be 0 (every core) or a positive number of processes, not {jobs}"
        )
    return jobs or available_cores()


def extract_many(
    texts: Iterable[str], *, jobs: int = 1, lexicon: Lexicon | None = None
) -> Iterator[list[Attribution]]:
    """Yield the attributions of each text, one list per text, in input order.

    ``jobs`` is the number of processes (``0``: every core; ``1``: this
    process only). An error the extractor raises on a text (a text that is
    not a ``str``) is raised here, as :func:`quoteattr.extract` would.

    >>> texts = ["قالت الوزارة إن المدارس ستفتح غدا.", "وقال المتحدث: «لا تعليق»"]
    >>> [[a.cue.lemma for a in found] for found in extract_many(texts, jobs=2)]
    [['قال'], ['قال']]
    >>> next(extract_many("قال الوزير إن الاجتماع انتهى."))
    Traceback (most recent call last):
    TypeError: extract_many() needs an iterable of texts, not one str: wrap it in a list
    """
    if isinstance(texts, (str, bytes, bytearray)):
        raise TypeError(
            f"extract_many() needs an iterable of texts, not one {type(texts).__name__}: "
            "wrap it in a list"
        )
    processes = resolve_jobs(jobs)
    if processes == 1:
        extractor = Extractor(lexicon)
        for text in texts:
            yield extractor.extract(text)
        return
    for chunk in _in_order(_chunks(texts), _extract_chunk, processes, lexicon):
        yield from chunk


def outcomes(
    texts: Iterable[str], *, jobs: int = 1, lexicon: Lexicon | None = None
) -> Iterator[Outcome]:
    """Yield each text's attributions, or the extractor's error as a message, in input order.

    What the ``quoteattr`` command writes: one failed text gives an error
    record and the run goes on.

    >>> [type(found).__name__ for found in outcomes(["قال الوزير: «نعم»", b"..."], jobs=2)]
    ['tuple', 'str']
    """
    processes = resolve_jobs(jobs)
    if processes == 1:
        extractor = Extractor(lexicon)
        for text in texts:
            yield _outcome(extractor, text)
        return
    for chunk in _in_order(_chunks(texts), _outcome_chunk, processes, lexicon):
        yield from chunk


def _outcome(extractor: Extractor, text: str) -> Outcome:
    try:
        return tuple(extractor.extract(text))
    except Exception as error:  # one bad document must not end a run of thousands
        return f"extractor failed: {type(error).__name__}: {error}"


def _chunks(texts: Iterable[str]) -> Iterator[list[str]]:
    """Cut the stream into chunks big enough to pay for the trip to a worker."""
    chunk: list[str] = []
    size = 0
    for text in texts:
        chunk.append(text)
        size += len(text) if isinstance(text, str) else 1
        if size >= _CHUNK_CHARACTERS or len(chunk) >= _CHUNK_TEXTS:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def _in_order(
    items: Iterable[_Item],
    work: Callable[[_Item], _Result],
    processes: int,
    lexicon: Lexicon | None,
) -> Iterator[_Result]:
    """Run ``work`` on each item in worker processes; yield the results in input order.

    Only ``processes * 4`` items are in flight at a time: the input is read as
    the workers go.
    """
    waiting: deque[Future[_Result]] = deque()
    pending = iter(items)
    with ProcessPoolExecutor(processes, initializer=_start_worker, initargs=(lexicon,)) as pool:
        for item in itertools.islice(pending, processes * _IN_FLIGHT_PER_WORKER):
            waiting.append(pool.submit(work, item))
        while waiting:
            result = waiting.popleft().result()
            for item in itertools.islice(pending, 1):
                waiting.append(pool.submit(work, item))
            yield result


def _start_worker(lexicon: Lexicon | None) -> None:
    """Build the worker's extractor once: the lexicon is compiled or received here only."""
    global _worker_extractor
    _worker_extractor = Extractor(lexicon)


def _worker() -> Extractor:
    if _worker_extractor is None:  # pragma: no cover - the initializer always runs first
        _start_worker(None)
    assert _worker_extractor is not None
    return _worker_extractor


def _extract_chunk(texts: list[str]) -> list[list[Attribution]]:
    extractor = _worker()
    return [extractor.extract(text) for text in texts]


def _outcome_chunk(texts: list[str]) -> list[Outcome]:
    extractor = _worker()
    return [_outcome(extractor, text) for text in texts]
