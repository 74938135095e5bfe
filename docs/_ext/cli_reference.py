"""Generate the command-line reference from the argparse parser itself, so it cannot drift.

``{argparse-reference} quoteattr.cli:build_parser`` renders the usage line,
the description, every argument group with every option (its flags, choices,
default and help) and the epilog, all read from the parser the command uses.
``:verbatim:`` adds the exact ``--help`` text.
"""

from __future__ import annotations

import argparse
import importlib
import os
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Directive, directives
from sphinx.application import Sphinx

_WIDTH = "88"


def load_parser(spec: str) -> argparse.ArgumentParser:
    """Import ``module:function`` and call it for a parser."""
    module, _, function = spec.partition(":")
    parser = getattr(importlib.import_module(module), function)()
    if not isinstance(parser, argparse.ArgumentParser):
        raise TypeError(f"{spec} did not return an ArgumentParser")
    return parser


def _with_width(call: Any) -> str:
    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = _WIDTH
    try:
        return str(call())
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


def _help(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    formatter = parser._get_formatter()
    return formatter._expand_help(action) if action.help else ""  # type: ignore[attr-defined]


def _invocation(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    formatter = parser._get_formatter()
    return str(formatter._format_action_invocation(action))  # type: ignore[attr-defined]


class ArgparseReference(Directive):
    """Every option of a parser, as definition lists grouped like ``--help`` groups them."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {
        "verbatim": directives.flag,
        "prog": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        parser = load_parser(self.arguments[0])
        if "prog" in self.options:
            parser.prog = self.options["prog"]
        env = self.state.document.settings.env
        module = importlib.import_module(self.arguments[0].partition(":")[0])
        if getattr(module, "__file__", None):
            env.note_dependency(module.__file__)
        result: list[nodes.Node] = []
        usage = _with_width(parser.format_usage).strip()
        result.append(nodes.literal_block(usage, usage, language="text", classes=["cli-usage"]))
        if parser.description:
            result.append(nodes.paragraph(parser.description, parser.description))
        for group in parser._action_groups:
            actions = [a for a in group._group_actions if a.help != argparse.SUPPRESS]
            if not actions:
                continue
            title = {"positional arguments": "Arguments", "options": "Options"}.get(
                group.title or "", (group.title or "").capitalize()
            )
            result.append(nodes.rubric(title, title))
            if group.description:
                result.append(nodes.paragraph(group.description, group.description))
            items = nodes.definition_list(classes=["cli-options"])
            for action in actions:
                item = nodes.definition_list_item()
                term = nodes.term()
                invocation = _invocation(parser, action)
                term += nodes.literal(invocation, invocation)
                item += term
                definition = nodes.definition()
                helptext = _help(parser, action)
                if helptext:
                    definition += nodes.paragraph(helptext, helptext)
                facts = []
                if action.choices is not None and not isinstance(
                    action, argparse._SubParsersAction
                ):
                    facts.append(("choices", ", ".join(str(c) for c in action.choices)))
                default = action.default
                if (
                    action.option_strings
                    and "default" not in helptext
                    and default not in (None, False, argparse.SUPPRESS)
                    and not isinstance(action, (argparse._HelpAction, argparse._VersionAction))
                ):
                    facts.append(("default", str(default)))
                if action.required and action.option_strings:
                    facts.append(("required", "yes"))
                for label, value in facts:
                    paragraph = nodes.paragraph()
                    paragraph += nodes.emphasis(label, label)
                    paragraph += nodes.Text(": ")
                    paragraph += nodes.literal(value, value)
                    definition += paragraph
                item += definition
                items += item
            result.append(items)
        if parser.epilog:
            result.append(
                nodes.literal_block(
                    parser.epilog, parser.epilog, language="text", classes=["cli-epilog"]
                )
            )
        if "verbatim" in self.options:
            text = _with_width(parser.format_help)
            title = f"{parser.prog} --help"
            result.append(nodes.rubric(title, title))
            result.append(nodes.literal_block(text, text, language="text", classes=["cli-help"]))
        return result


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("argparse-reference", ArgparseReference)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
