"""Extracting from many documents at once, one result per document, never losing one.

>>> from quoteattr.inputs import InputDocument
>>> docs = [InputDocument("1", "قال الوزير: نعم"), InputDocument("2", None, error="bad")]
>>> def no_quotes(text):
...     return []
>>> [r.to_dict() for r in extract_documents(docs, extract=no_quotes)]
... # doctest: +NORMALIZE_WHITESPACE
[{'id': '1', 'path': None, 'line': None, 'attributions': [], 'error': None},
 {'id': '2', 'path': None, 'line': None, 'attributions': [], 'error': 'bad'}]
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from attrs import evolve, field, frozen

from quoteattr.inputs import InputDocument
from quoteattr.model import Attribution

__all__ = ["DocumentResult", "ExtractFunction", "extract_documents"]

ExtractFunction = Callable[[str], Sequence[Attribution]]
"""Anything shaped like :func:`quoteattr.pipeline.extract`."""


def _as_tuple(attributions: Iterable[Attribution]) -> tuple[Attribution, ...]:
    return tuple(attributions)


@frozen
class DocumentResult:
    """A document and the attributions found in it, or the error that stopped it.

    ``publisher`` comes from the input record (see
    :class:`~quoteattr.inputs.InputDocument`); the output record leaves it out.

    >>> result = DocumentResult("a.txt", "قال: نعم")
    >>> result.to_dict()["attributions"], result.failed
    ([], False)
    """

    id: str | int
    text: str | None
    attributions: tuple[Attribution, ...] = field(default=(), converter=_as_tuple)
    path: str | None = None
    line: int | None = None
    error: str | None = None
    publisher: str | None = None

    def confident(self, threshold: float) -> DocumentResult:
        """Return the result keeping only attributions whose confidence reaches ``threshold``.

        >>> from quoteattr.model import Kind, Span
        >>> sure = Attribution(Span.of("نعم", 0, 3), Kind.DIRECT, confidence=0.9)
        >>> unsure = Attribution(Span.of("نعم", 0, 3), Kind.DIRECT, confidence=0.3)
        >>> len(DocumentResult("a.txt", "نعم", [sure, unsure]).confident(0.5).attributions)
        1
        """
        kept = tuple(a for a in self.attributions if a.confidence >= threshold)
        return evolve(self, attributions=kept)

    @property
    def failed(self) -> bool:
        """Tell whether the document could not be read or analysed.

        >>> DocumentResult("خبر.txt", "قال الوزير: نعم").failed
        False
        >>> DocumentResult("خبر.pdf", None, error="خبر.pdf: not a text file").failed
        True
        """
        return self.error is not None

    def to_dict(self) -> dict[str, Any]:
        """Return the output record: id, path, line, attributions and error, always in that order.

        >>> DocumentResult(3, "نعم", line=3, path="a.jsonl").to_dict()
        {'id': 3, 'path': 'a.jsonl', 'line': 3, 'attributions': [], 'error': None}
        """
        return {
            "id": self.id,
            "path": self.path,
            "line": self.line,
            "attributions": [attribution.to_dict() for attribution in self.attributions],
            "error": self.error,
        }


def extract_documents(
    documents: Iterable[InputDocument],
    *,
    extract: ExtractFunction | None = None,
    jobs: int = 1,
) -> Iterator[DocumentResult]:
    """Yield one result per document, in order, using :func:`quoteattr.pipeline.extract` by default.

    A document that could not be read keeps its error. If the extractor
    raises on a text, that document's result carries the error and the
    following documents are still analysed. ``jobs`` processes share the work
    (0: every core); the results are the same as with one.

    >>> from quoteattr.inputs import InputDocument
    >>> def broken(text):
    ...     raise RuntimeError("boom")
    >>> next(extract_documents([InputDocument("1", "قال")], extract=broken)).error
    'extractor failed: RuntimeError: boom'
    >>> docs = [InputDocument("1", "قال الوزير: «نعم»"), InputDocument("2", None, error="bad")]
    >>> [(r.id, len(r.attributions), r.error) for r in extract_documents(docs, jobs=2)]
    [('1', 1, None), ('2', 0, 'bad')]
    """
    if extract is not None:
        if jobs != 1:
            raise ValueError("extract_documents() runs a custom extract function with jobs=1 only")
        yield from _extract_each(documents, extract)
        return
    from quoteattr.parallel import outcomes

    queue: deque[InputDocument] = deque()

    def texts() -> Iterator[str]:
        for document in documents:
            queue.append(document)
            if document.text is not None:
                yield document.text

    for outcome in outcomes(texts(), jobs=jobs):
        while queue[0].text is None:
            yield _unread(queue.popleft())
        document = queue.popleft()
        yield _result(document, outcome)
    while queue:
        yield _unread(queue.popleft())


def _extract_each(
    documents: Iterable[InputDocument], extract: ExtractFunction
) -> Iterator[DocumentResult]:
    for document in documents:
        if document.text is None:
            yield _unread(document)
            continue
        try:
            found: tuple[Attribution, ...] | str = tuple(extract(document.text))
        except Exception as error:  # one bad document must not end a run of thousands
            found = f"extractor failed: {type(error).__name__}: {error}"
        yield _result(document, found)


def _unread(document: InputDocument) -> DocumentResult:
    return DocumentResult(
        document.id,
        None,
        path=document.path,
        line=document.line,
        error=document.error,
        publisher=document.publisher,
    )


def _result(document: InputDocument, found: tuple[Attribution, ...] | str) -> DocumentResult:
    path, line, text = document.path, document.line, document.text
    if isinstance(found, str):
        return DocumentResult(
            document.id, text, path=path, line=line, error=found, publisher=document.publisher
        )
    return DocumentResult(
        document.id, text, found, path=path, line=line, publisher=document.publisher
    )
