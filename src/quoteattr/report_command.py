"""The ``quoteattr report`` command: who is quoted across many documents, as text, JSON or HTML.

It reads the same inputs as the main command (files, folders, stdin, JSON
Lines, any encoding); JSON Lines records with a ``publisher`` or ``outlet``
field are grouped by it. The figures come from
:mod:`quoteattr.corpus_report`, the rendering from :mod:`quoteattr.views.report`.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> lines = ['{"id": 1, "outlet": "okaz", "text": "قالت الوزيرة هالة منصور إن الخطة جاهزة."}',
...          '{"id": 2, "outlet": "alyaum", "text": "قال الوزير سالم أحمد إن الحل قريب."}']
>>> _ = (folder / "news.jsonl").write_text("\\n".join(lines), encoding="utf-8")
>>> main([str(folder / "news.jsonl"), "--format", "json", "--output", str(folder / "r.json")])
0
>>> import json
>>> found = json.loads((folder / "r.json").read_text(encoding="utf-8"))
>>> [(share["publisher"], share["by_person"]) for share in found["women_by_publisher"]]
[('alyaum', 0.0), ('okaz', 1.0)]
"""

from __future__ import annotations

import argparse
import codecs
import sys
from pathlib import Path

from quoteattr.arguments import add_jobs_option, probability
from quoteattr.arguments import documents as read_inputs
from quoteattr.batch import extract_documents
from quoteattr.corpus_report import DEFAULT_TOP, ReportBuilder
from quoteattr.inputs import DEFAULT_ENCODING

__all__ = ["REPORT_FORMATS", "build_parser", "main"]

REPORT_FORMATS = ("text", "json", "html")
"""Every value of ``quoteattr report --format``."""


def _whole(value: str, least: int) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < least:
        raise argparse.ArgumentTypeError(f"must be at least {least}, got {value}")
    return number


def _top(value: str) -> int:
    return _whole(value, 1)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of ``quoteattr report``.

    >>> options = build_parser().parse_args(["أرشيف/", "--format", "html", "--top", "10"])
    >>> options.paths, options.format, options.top
    (['أرشيف/'], 'html', 10)
    """
    parser = argparse.ArgumentParser(
        prog="quoteattr report",
        description="Sum up who is quoted across many Arabic news documents: the most-quoted "
        "speakers, the outlets cited, women's share, cue verbs.",
        epilog="JSON Lines records with a 'publisher' or 'outlet' field are grouped by it.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="text files, folders (walked recursively) or JSON Lines files; '-' or nothing "
        "reads stdin",
    )
    parser.add_argument(
        "-f", "--format", choices=REPORT_FORMATS, default="text", help="default: text"
    )
    parser.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")
    add_jobs_option(parser)
    parser.add_argument(
        "--min-confidence",
        type=probability,
        default=0.0,
        metavar="P",
        help="count only attributions whose confidence is at least P (default: 0, all)",
    )
    parser.add_argument(
        "--top",
        type=_top,
        default=DEFAULT_TOP,
        metavar="N",
        help=f"speakers, outlets and cue verbs to list (default: {DEFAULT_TOP})",
    )
    # The main command's reading options, with the same names and meanings.
    reading = parser.add_argument_group("reading (as in the main command)")
    reading.add_argument("--jsonl", action="store_true", help="read every input as JSON Lines")
    reading.add_argument(
        "--text-field", default="text", metavar="NAME", help="JSON Lines text field (default: text)"
    )
    reading.add_argument(
        "--id-field", default="id", metavar="NAME", help="JSON Lines id field (default: id)"
    )
    reading.add_argument("--glob", metavar="PATTERN", help="files to take from folders")
    reading.add_argument(
        "--encoding", default=DEFAULT_ENCODING, metavar="NAME", help="input encoding"
    )
    reading.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="undecodable bytes: fail the document, or replace them (default: strict)",
    )
    showing = parser.add_argument_group("showing")
    showing.add_argument(
        "--bidi",
        choices=("logical", "visual"),
        default="logical",
        help="text format: 'visual' for terminals without bidi support (default: logical)",
    )
    showing.add_argument("--title", help="html format: the page title")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``quoteattr report`` and return its exit status (1 when some document failed).

    >>> main(["--top", "0"])
    Traceback (most recent call last):
    ...
    SystemExit: 2
    """
    parser = build_parser()
    options = parser.parse_args(sys.argv[1:] if argv is None else argv)
    try:
        codecs.lookup(options.encoding)
    except LookupError:
        parser.error(f"unknown encoding {options.encoding!r} (try utf-8, cp1256, utf-16)")
    documents = read_inputs(options)
    builder = ReportBuilder()
    for result in extract_documents(documents, jobs=options.jobs):
        if result.failed:
            builder.add_failure()
            print(f"quoteattr report: {result.id}: {result.error}", file=sys.stderr)
        else:
            kept = result.confident(options.min_confidence).attributions
            builder.add(kept, publisher=result.publisher)
    found = builder.build(top=options.top)
    from quoteattr.views.report import (
        render_report_html,
        render_report_json,
        render_report_text,
    )

    if options.format == "json":
        rendered = render_report_json(found)
    elif options.format == "html":
        rendered = render_report_html(found, title=options.title)
    else:
        rendered = render_report_text(found, bidi=options.bidi)
    if options.output:
        try:
            Path(options.output).write_text(rendered + "\n", encoding="utf-8")
        except OSError as error:
            parser.error(f"cannot write {options.output}: {error.strerror or error}")
    else:
        stream = sys.stdout
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
        stream.write(rendered + "\n")
    return 1 if found.failed else 0
