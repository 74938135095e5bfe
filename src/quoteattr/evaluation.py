"""The ``quoteattr evaluate`` command: score quoteattr, or another system's output, against gold.

Usage, as a subcommand or a module::

    quoteattr evaluate [GOLD] [--pred PRED] [--json] [--errors] [--threshold 0.5]
                       [--outlets ALIASES.tsv]
    python -m quoteattr.evaluation [GOLD] ...

``GOLD`` and ``PRED`` are gold-format JSON Lines files, folders of brat
``.txt``/``.ann`` pairs or Label Studio JSON exports (``.json``); without
``GOLD`` the built-in corpus is used.
Without ``--pred`` quoteattr's extractor runs on the gold texts. The
metrics themselves live in :mod:`quoteattr.scoring`.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> gold, pred = folder / "gold.jsonl", folder / "pred.jsonl"
>>> record = '{"id": "d1", "text": "قال الوزير: «نعم»", "attributions": %s}'
>>> _ = gold.write_text(record % '[{"content": [13, 16], "kind": "direct"}]', encoding="utf-8")
>>> _ = pred.write_text(record % "[]", encoding="utf-8")
>>> main([str(gold), "--pred", str(pred), "--errors"])
1 document: 1 gold and 0 predicted attributions
...
miss in d1: direct 13:16 «نعم»
    sentence: قال الوزير: «نعم»
0
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .batch import ExtractFunction
from .brat import load_brat_folder
from .corpus import CorpusError, Document, builtin, load
from .model import Attribution
from .outlet_names import read_outlet_aliases
from .scoring import EvaluationOptions, evaluate, predict

__all__ = ["build_parser", "main", "run"]


def _threshold(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 < number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be greater than 0 and at most 1, got {value}")
    return number


def build_parser(parser: argparse.ArgumentParser | None = None) -> argparse.ArgumentParser:
    """Add the evaluate command's arguments to ``parser`` (a new one by default) and return it.

    Pass a subparser to mount the command elsewhere, then call :func:`run`
    with the parsed arguments.

    >>> tool = argparse.ArgumentParser(prog="newsroom")
    >>> commands = tool.add_subparsers(dest="command")
    >>> _ = build_parser(commands.add_parser("score"))
    >>> arguments = tool.parse_args(["score", "أخبار.jsonl", "--threshold", "0.8"])
    >>> arguments.command, arguments.gold, arguments.threshold
    ('score', 'أخبار.jsonl', 0.8)
    """
    if parser is None:
        parser = argparse.ArgumentParser(prog="quoteattr evaluate")
    parser.description = (
        "Score attribution extraction against gold annotations: content precision, recall and "
        "F1 overall and by kind, exact boundaries, speaker, outlet and cue agreement."
    )
    parser.add_argument(
        "gold",
        nargs="?",
        metavar="GOLD",
        help="gold JSON Lines file, folder of brat .txt/.ann files or Label Studio JSON export "
        "(default: quoteattr's built-in corpus)",
    )
    parser.add_argument(
        "--pred",
        metavar="PRED",
        help="score this system output (same formats, same ids and texts) "
        "instead of running quoteattr",
    )
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="also list every miss, false alarm and wrong speaker with its sentence",
    )
    parser.add_argument(
        "--threshold",
        type=_threshold,
        default=0.5,
        metavar="SHARE",
        help="share of the shorter content two spans must overlap to match (default: 0.5)",
    )
    parser.add_argument(
        "--min-confidence",
        type=_probability,
        default=None,
        metavar="P",
        help="score only quoteattr's attributions with a confidence of at least P: precision "
        "and recall above that threshold (not with --pred)",
    )
    parser.add_argument(
        "--outlets",
        metavar="TSV",
        help="extra outlet spellings: canonical name, tab, spelling per line after a header "
        "(mapped on both sides before outlets are compared)",
    )
    return parser


def _probability(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be from 0 to 1, got {value}")
    return number


def _read(path: str) -> list[Document]:
    if Path(path).is_dir():
        return load_brat_folder(path)
    if Path(path).suffix == ".json":
        from .labelstudio import load_labelstudio

        return load_labelstudio(path)
    return load(path)


def _fail(error: Exception) -> int:
    print(f"quoteattr evaluate: error: {error}", file=sys.stderr)
    return 1


def run(arguments: argparse.Namespace) -> int:
    """Run the command with parsed arguments; return the exit status (1 for unusable input).

    >>> import tempfile, pathlib
    >>> gold = pathlib.Path(tempfile.mkdtemp()) / "gold.jsonl"
    >>> _ = gold.write_text('{"id": "d1", "text": "لا", "attributions": []}', encoding="utf-8")
    >>> run(build_parser().parse_args([str(gold), "--pred", str(gold), "--json"]))
    {...
      "documents": 1,
    ...
    0
    """
    try:
        gold = builtin() if arguments.gold is None else _read(arguments.gold)
        predicted = None if arguments.pred is None else _read(arguments.pred)
        aliases = {} if arguments.outlets is None else read_outlet_aliases(arguments.outlets)
    except (CorpusError, OSError) as error:
        return _fail(error)
    threshold = arguments.min_confidence
    if predicted is not None and threshold is not None:
        return _fail(ValueError("--min-confidence filters quoteattr's own output; drop --pred"))
    if predicted is None:
        # The extractor's own errors are bugs: let them show.
        predicted = predict(gold) if threshold is None else predict(gold, _above(threshold))
    try:
        report = evaluate(gold, predicted, EvaluationOptions(arguments.threshold, aliases))
    except ValueError as error:  # predictions that do not fit the gold
        return _fail(error)
    if arguments.json:
        print(json.dumps(report.to_dict(errors=arguments.errors), ensure_ascii=False, indent=2))
        return 0
    print(report.format_table())
    if arguments.errors:
        print()
        print(report.format_errors())
    return 0


def _above(threshold: float) -> ExtractFunction:
    """quoteattr's extractor, keeping attributions whose confidence reaches ``threshold``."""
    from .pipeline import extract

    def confident(text: str) -> list[Attribution]:
        return [a for a in extract(text) if a.confidence >= threshold]

    return confident


def main(argv: list[str] | None = None) -> int:
    """Parse ``argv`` (the command line by default), run the command and return its status.

    >>> import tempfile, pathlib
    >>> gold = pathlib.Path(tempfile.mkdtemp()) / "gold.jsonl"
    >>> _ = gold.write_text('{"id": "d1", "text": "لا", "attributions": []}', encoding="utf-8")
    >>> main([str(gold), "--pred", str(gold)])
    1 document: 0 gold and 0 predicted attributions
    ...
    0
    """
    return run(build_parser().parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
