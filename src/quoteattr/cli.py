"""The ``quoteattr`` command: documents in, one record per document out, in any of seven formats.

A thin layer over :mod:`quoteattr.inputs`, :mod:`quoteattr.batch` and
:mod:`quoteattr.views`: it parses options, shows progress and maps failures
to the exit status. ``quoteattr evaluate ...`` runs the scorer in
:mod:`quoteattr.evaluation` when that module is installed.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "خبر.txt").write_text("وقال الوزير: «نعم»", encoding="utf-8")
>>> main(["--format", "tsv", "--output", str(folder / "found.tsv"), str(folder / "خبر.txt")])
0
>>> header, row = (folder / "found.tsv").read_text(encoding="utf-8").splitlines()
>>> found = dict(zip(header.split("\\t"), row.split("\\t")))
>>> found["speaker"], found["cue_lemma"], found["content"]
('الوزير', 'قال', 'نعم')
"""

from __future__ import annotations

import argparse
import codecs
import importlib
import importlib.util
import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from quoteattr.arguments import add_jobs_option, probability
from quoteattr.arguments import documents as read_inputs
from quoteattr.batch import DocumentResult, extract_documents
from quoteattr.inputs import DEFAULT_ENCODING, STDIN

__all__ = ["FORMATS", "build_parser", "main"]

FORMATS = ("jsonl", "json", "text", "tsv", "csv", "html", "brat", "labelstudio")
"""Every value of ``--format``."""

_EPILOG = """\
records (jsonl, json):
  one object per input document, in input order:
    {"id": ..., "path": ..., "line": ..., "attributions": [...], "error": null}
  id      JSON Lines: the --id-field value (PATH:LINE when missing); a file given by
          name: the name as given; a file found in a folder: its path relative to
          that folder; stdin: "-"
  path    the file read (null for stdin); line: the line in a JSON Lines file
  attributions  Attribution.to_dict() for each one found (empty on error)
  error   null, or why the document could not be read or analysed; the run goes on

other formats:
  text    a listing per document (Arabic isolated for bidi terminals; --bidi visual
          lays it out for terminals without bidi support: Windows Terminal, VS Code, tmux)
  tsv/csv one row per attribution, header first; a failed document gives one row
          with the error column set; TSV puts each row on one line
  html    one self-contained page with every span highlighted (see render_html)
  brat    DIR/NAME.txt + DIR/NAME.ann for each document, NAME being its id made a
          plain file name, and DIR/annotation.conf (needs --output DIR); the .ann
          paths are printed; quoteattr evaluate reads such a folder as gold
  labelstudio  a JSON list of Label Studio tasks with quoteattr's output as
          predictions (labelling config: quoteattr.labelstudio.LABEL_CONFIG);
          quoteattr evaluate reads the project's JSON export as gold

exit status: 0 all documents done, 1 some document failed (a summary on stderr
says how many) or the output could not be written (one line on stderr says why;
a reader that leaves, as head does, ends the run quietly), 2 bad usage.

examples:
  quoteattr article.txt                     listing on a terminal, JSON Lines in a pipe
  quoteattr --format html article.txt > article.html
  quoteattr --format tsv crawl.jsonl.gz > attributions.tsv
  zcat dump.gz | quoteattr --jsonl --text-field body --id-field url > found.jsonl
  quoteattr --glob '*.md' --encoding cp1256 archive/ > archive.jsonl
  quoteattr --format brat --output to-correct/ articles/
  quoteattr --format labelstudio articles/ > tasks.json
  quoteattr -j 0 crawl.jsonl.gz > found.jsonl   every core, same output as -j 1
  quoteattr evaluate --help                 score against a gold file
  quoteattr report --help                   who is quoted across many documents

python -m quoteattr works the same as quoteattr.
"""


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``quoteattr`` command.

    >>> options = build_parser().parse_args(["--format", "tsv", "--encoding", "cp1256", "أرشيف/"])
    >>> options.format, options.encoding, options.paths
    ('tsv', 'cp1256', ['أرشيف/'])
    >>> build_parser().parse_args([]).paths
    []
    """
    parser = argparse.ArgumentParser(
        prog="quoteattr",
        description="Find every attribution (quotes, reported speech, speakers, outlets) "
        "in Arabic news text.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a text file, a folder (walked recursively in sorted order) or a JSON Lines "
        "file; '-' or nothing reads stdin",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="output format (default: text on a terminal, jsonl otherwise)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write to this file instead of stdout (for --format brat: the folder to fill)",
    )
    add_jobs_option(parser)
    reading = parser.add_argument_group("reading")
    reading.add_argument(
        "--jsonl",
        action="store_true",
        help="read every input, stdin included, as JSON Lines (automatic for .jsonl and "
        ".jsonl.gz files); gzip is read transparently",
    )
    reading.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="JSON Lines field holding the text (default: text)",
    )
    reading.add_argument(
        "--id-field",
        default="id",
        metavar="NAME",
        help="JSON Lines field holding the id (default: id)",
    )
    reading.add_argument(
        "--glob",
        metavar="PATTERN",
        help="files to take from folders (default: *.txt, or *.jsonl* with --jsonl)",
    )
    reading.add_argument(
        "--encoding",
        default=DEFAULT_ENCODING,
        metavar="NAME",
        help="input encoding, any Python codec such as cp1256 or utf-16 "
        "(default: UTF-8 with or without a byte order mark)",
    )
    reading.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="undecodable bytes: 'strict' makes the document an error record naming the "
        "file and byte offset, 'replace' puts U+FFFD in their place (default: strict)",
    )
    showing = parser.add_argument_group("showing")
    showing.add_argument(
        "--bidi",
        choices=("logical", "visual"),
        default="logical",
        help="text format: 'logical' for terminals that do bidi (GNOME Terminal, Konsole, "
        "macOS Terminal), 'visual' for those that don't (default: logical)",
    )
    showing.add_argument("--title", help="html format: the page title (default: the document id)")
    _add_min_confidence(showing)
    showing.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress or summary on stderr, failures aside",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``quoteattr`` command and return its exit status.

    Bad usage exits with status 2 after argparse's message on stderr, here
    because brat output needs a folder:

    >>> main(["--format", "brat", "أخبار/"])
    Traceback (most recent call last):
    ...
    SystemExit: 2
    """
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] == ["report"]:
        return importlib.import_module("quoteattr.report_command").main(arguments[1:])  # type: ignore[no-any-return]
    if arguments[:1] == ["evaluate"] and importlib.util.find_spec("quoteattr.evaluation"):
        evaluation = importlib.import_module("quoteattr.evaluation")
        status: int = evaluation.main(arguments[1:])
        return status
    parser = build_parser()
    options = parser.parse_args(arguments)
    try:
        codecs.lookup(options.encoding)
    except LookupError:
        parser.error(f"unknown encoding {options.encoding!r} (try utf-8, cp1256, utf-16)")
    if options.format == "brat" and not options.output:
        parser.error("--format brat writes files: give the folder to fill with --output DIR")
    output_format = options.format or (
        "text" if _is_terminal(sys.stdout) and not options.output else "jsonl"
    )
    paths = options.paths or [STDIN]
    if STDIN in paths and _is_terminal(sys.stdin) and not options.quiet:
        print("quoteattr: reading stdin (end with Ctrl-D)", file=sys.stderr)
    documents = read_inputs(options)
    progress = _Progress(enabled=_is_terminal(sys.stderr) and not options.quiet)
    results = progress.track(
        result.confident(options.min_confidence)
        for result in extract_documents(documents, jobs=options.jobs)
    )
    try:
        if output_format == "brat":
            _prepare(sys.stdout)
            unwritten = _write_brat(results, Path(options.output))
            progress.failed += unwritten
        elif options.output:
            with _open_output(parser, options.output) as stream:
                _write(output_format, results, stream, options)
        else:
            _prepare(sys.stdout)
            _write(output_format, results, sys.stdout, options)
            sys.stdout.flush()
    except BrokenPipeError:
        # "quoteattr big.jsonl | head": the reader left; stop quietly, as Unix tools do.
        _drop_stdout()
        return 1
    except OSError as error:
        # "quoteattr big.jsonl > /dev/full": stop at the first failed write, so what is
        # already written stays a clean prefix, and say why in one line.
        _drop_stdout()
        progress.finish()
        where = options.output or "standard output"
        print(f"quoteattr: cannot write {where}: {error.strerror or error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        progress.finish()
        print("quoteattr: interrupted", file=sys.stderr)
        return 130
    progress.finish()
    if progress.failed:
        print(f"quoteattr: {progress.failed} of {progress.done} documents failed", file=sys.stderr)
        return 1
    if progress.enabled:
        print(progress.summary(), file=sys.stderr)
    return 0


def _write(
    output_format: str,
    results: Iterable[DocumentResult],
    stream: TextIO,
    options: argparse.Namespace,
) -> None:
    from quoteattr import views

    if output_format == "jsonl":
        for _ in views.write_jsonl(results, stream):
            pass
    elif output_format == "json":
        for _ in views.write_json(results, stream):
            pass
    elif output_format in ("tsv", "csv"):
        views.write_table(results, stream, delimiter="\t" if output_format == "tsv" else ",")
    elif output_format == "labelstudio":
        from quoteattr.labelstudio import write_tasks

        write_tasks(results, stream, model_version=f"quoteattr {_version()}")
    elif output_format == "html":
        collected = list(results)
        if len(collected) == 1 and collected[0].text is not None and not collected[0].failed:
            [only] = collected
            title = options.title or str(only.id)
            stream.write(views.render_html(only.text or "", only.attributions, title=title))
        else:
            stream.write(views.render_html_documents(collected, title=options.title))
    else:
        width = shutil.get_terminal_size().columns
        for result in results:
            listing = views.render_text(
                result.text,
                result.attributions,
                title=str(result.id),
                error=result.error,
                bidi=options.bidi,
                width=width,
            )
            stream.write(listing + "\n\n")


def _write_brat(results: Iterable[DocumentResult], folder: Path) -> int:
    """Write each document's pair of brat files, print the ``.ann`` path, return the failures."""
    from quoteattr import views

    used: set[str] = set()
    unwritten = 0
    for result in results:
        if result.text is None or result.failed:
            print(f"quoteattr: {result.id}: {result.error}", file=sys.stderr)
            continue
        name = base = views.brat_name(result.id)
        suffix = 1
        while name in used:  # "a/x.txt" and "a_x.txt" must not overwrite each other
            suffix += 1
            name = f"{base}-{suffix}"
        used.add(name)
        try:
            ann = views.write_brat(result.text, result.attributions, folder, name)
        except (OSError, ValueError) as error:
            unwritten += 1
            print(f"quoteattr: {result.id}: cannot write brat files ({error})", file=sys.stderr)
            continue
        print(ann)
    return unwritten


class _Progress:
    """Counts documents as they pass; on a terminal, shows done, rate and failures on stderr."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.done = 0
        self.failed = 0
        self.found = 0
        self.started = time.monotonic()
        self._shown = 0.0

    def track(self, results: Iterable[DocumentResult]) -> Iterator[DocumentResult]:
        for result in results:
            self.done += 1
            self.failed += result.failed
            self.found += len(result.attributions)
            if self.enabled and time.monotonic() - self._shown > 0.2:
                self._shown = time.monotonic()
                sys.stderr.write(f"\r{self.summary()}\x1b[K")
                sys.stderr.flush()
            yield result

    def summary(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        return (
            f"quoteattr: {self.done} documents, {self.found} attributions, "
            f"{self.done / elapsed:.1f} documents/s, {self.failed} failed"
        )

    def finish(self) -> None:
        if self.enabled and self._shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


def _drop_stdout() -> None:
    """Point stdout at the null device: the flush at exit neither fails nor writes a torn tail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # stdout already closed or not a real file
        pass


def _add_min_confidence(group: argparse._ArgumentGroup) -> None:
    group.add_argument(
        "--min-confidence",
        type=probability,
        default=0.0,
        metavar="P",
        help="every format: keep only attributions whose confidence (the calibrated probability "
        "that content and speaker are right) is at least P (default: 0, keep all)",
    )


def _open_output(parser: argparse.ArgumentParser, path: str) -> TextIO:
    try:
        return open(path, "w", encoding="utf-8", errors="replace", newline="")
    except OSError as error:
        parser.error(f"cannot write {path}: {error.strerror or error}")


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _prepare(stream: TextIO) -> None:
    """Write UTF-8 whatever the locale says, so Arabic never fails to print."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(encoding="utf-8", errors="replace")


def _version() -> str:
    found = getattr(importlib.import_module("quoteattr"), "__version__", None)
    if isinstance(found, str):
        return found
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("quoteattr")
    except PackageNotFoundError:
        return "unknown"
