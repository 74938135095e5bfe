"""What the main command and ``quoteattr report`` read from their command lines alike.

Argument types that reject a bad value with a message argparse prints, and the
documents that the shared input options name.

>>> probability("0.5"), process_count("0")
(0.5, 0)
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from .inputs import STDIN, InputDocument, read_documents

__all__ = ["add_jobs_option", "documents", "probability", "process_count"]


def probability(value: str) -> float:
    """Read a probability from 0 to 1 (``--min-confidence``).

    >>> probability("1.5")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: expected a probability from 0 to 1, not '1.5'
    """
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a probability from 0 to 1, not {value!r}")
    return number


def process_count(value: str) -> int:
    """Read ``--jobs``: a whole number of processes, 0 meaning every core.

    >>> process_count("-2")
    Traceback (most recent call last):
    argparse.ArgumentTypeError: expected 0 (every core) or more processes, not '-2'
    """
    try:
        jobs = int(value)
    except ValueError:
        jobs = -1
    if jobs < 0:
        raise argparse.ArgumentTypeError(
            f"expected 0 (every core) or more processes, not {value!r}"
        )
    return jobs


def documents(options: argparse.Namespace) -> Iterator[InputDocument]:
    """The documents named by the shared input options (paths, ``--glob``, ``--jsonl``…)."""
    return read_documents(
        options.paths or [STDIN],
        glob=options.glob,
        jsonl=options.jsonl,
        text_field=options.text_field,
        id_field=options.id_field,
        encoding=options.encoding,
        errors=options.errors,
    )


def add_jobs_option(parser: argparse.ArgumentParser) -> None:
    """Declare ``-j N`` / ``--jobs N``, the same for every command that extracts.

    >>> parser = argparse.ArgumentParser()
    >>> add_jobs_option(parser)
    >>> parser.parse_args(["-j", "0"]).jobs
    0
    """
    parser.add_argument(
        "-j",
        "--jobs",
        type=process_count,
        default=1,
        metavar="N",
        help="extract in N processes, 0 for every core (default: 1); the output is the same, "
        "in input order",
    )
