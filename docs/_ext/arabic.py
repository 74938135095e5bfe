"""Arabic that renders right inside an English site.

- Every run of Arabic in prose (docstrings included) is wrapped in
  ``<bdi dir="rtl" lang="ar">`` by a transform, so the Unicode bidi algorithm
  treats it as one neutral island: the English punctuation, numbers and
  brackets around it stay where the English sentence put them. Nobody has to
  remember to mark it up.
- The ``{ar}`` role does the same by hand, for text the transform cannot see.
- The ``{arabic}`` directive is a right-to-left block (``<div dir="rtl" lang="ar">``)
  for whole Arabic paragraphs.
- The ``pycon`` lexer splits doctest output into Python tokens, so the CSS can
  isolate each string: ``('قال', 'سارة العلي')`` keeps its order in an LTR
  code block instead of the two Arabic strings fusing into one reversed run.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import Directive
from pygments.lexers.python import PythonConsoleLexer, PythonLexer
from pygments.token import Error, Generic
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

# Base letters of the Arabic blocks (presentation forms included).
_LETTER = (
    "\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff"
    "\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"
)
# Harakat, Quranic marks and tatweel belong to the letter before them.
_MARK = "\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
# What may stand between two Arabic words of one run: spaces, digits (Arabic-Indic
# too), Arabic punctuation, quotation marks and brackets. Not the ASCII comma or
# semicolon: "قال, أكد and ذكر" is an English list of three Arabic words, and
# fusing them into one right-to-left run would reverse their order.
_INNER = _LETTER + _MARK + r"\u0600-\u061f\u0660-\u066d\s0-9«»“”„‟\"'‘’.:!?()\[\]/%\-–—…"
# A run starts and ends with a letter: a number after the last Arabic word of an
# English sentence ("وقال 0.90") belongs to the English, and stays outside.
ARABIC_RUN = re.compile(f"[{_LETTER}](?:[{_INNER}]*[{_LETTER}{_MARK}])?")
_PAIRS = {"«": "»", "“": "”", "(": ")"}
_CLOSERS = {closer: opener for opener, closer in _PAIRS.items()}

# Nodes whose text is code or markup, not prose.
_SKIP = (
    nodes.literal,
    nodes.literal_block,
    nodes.doctest_block,
    nodes.raw,
    nodes.comment,
    nodes.math,
    nodes.math_block,
    nodes.option_string,
    nodes.target,
)


class arabic_inline(nodes.inline):  # noqa: N801 (docutils node names are lower case)
    """An inline run of Arabic: ``<bdi dir="rtl" lang="ar">``."""


class arabic_block(nodes.container):  # noqa: N801
    """A right-to-left block of Arabic: ``<div dir="rtl" lang="ar">``."""


def _inside(node: nodes.Node, kinds: tuple[type[nodes.Node], ...]) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parent
    return False


def _widen(text: str, start: int, end: int, floor: int) -> tuple[int, int]:
    """Take in the quotation marks, brackets and ellipses that belong to a run.

    A closing mark joins when the run holds its opener (``صواريخ «باتريوت»``),
    an opening mark when the run holds its closer, and an ellipsis that ends
    the run (``أكد أن…``). A pair around the whole run stays outside, with the
    English: ``(وقال، وأضافت)`` wrapped over two lines keeps its brackets right.
    """
    while True:
        after = text[end] if end < len(text) else ""
        before = text[start - 1] if start > floor else ""
        run = text[start:end]
        if after == "…" or (after in _CLOSERS and run.count(_CLOSERS[after]) > run.count(after)):
            end += 1
        elif before in _PAIRS and run.count(_PAIRS[before]) > run.count(before):
            start -= 1
        else:
            return start, end


def split_arabic(text: str) -> list[tuple[str, bool]]:
    """Split prose into ``(piece, is_arabic)``, keeping the marks that belong to each run.

    >>> split_arabic("the cue «قال» (said), then أكد.")
    [('the cue «', False), ('قال', True), ('» (said), then ', False), ('أكد', True), ('.', False)]
    >>> split_arabic("in صواريخ «باتريوت» there is nothing")
    [('in ', False), ('صواريخ «باتريوت»', True), (' there is nothing', False)]
    """
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in ARABIC_RUN.finditer(text):
        if match.start() < position:
            continue
        start, end = _widen(text, match.start(), match.end(), position)
        if start > position:
            pieces.append((text[position:start], False))
        pieces.append((text[start:end], True))
        position = end
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


class IsolateArabic(SphinxTransform):
    """Wrap each Arabic run of prose in an :class:`arabic_inline` node."""

    default_priority = 800

    def apply(self, **kwargs: Any) -> None:
        for text in list(self.document.findall(nodes.Text)):
            parent = text.parent
            if parent is None or isinstance(parent, (*_SKIP, arabic_inline)):
                continue
            if _inside(text, (*_SKIP, arabic_inline, arabic_block)):
                continue
            value = str(text)
            if not ARABIC_RUN.search(value):
                continue
            replacement: list[nodes.Node] = []
            for piece, is_arabic in split_arabic(value):
                if is_arabic:
                    replacement.append(arabic_inline(piece, nodes.Text(piece)))
                else:
                    replacement.append(nodes.Text(piece))
            parent.replace(text, replacement)


def arabic_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Any,
    options: Any = None,
    content: Any = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{ar}`قال```: mark a piece of text as Arabic by hand."""
    return [arabic_inline(rawtext, text)], []


class ArabicDirective(Directive):
    """A right-to-left block whose content is parsed as usual (paragraphs, lists, emphasis)."""

    has_content = True
    optional_arguments = 0
    option_spec: ClassVar[dict[str, Any]] = {"class": lambda value: value.split()}

    def run(self) -> list[nodes.Node]:
        block = arabic_block("\n".join(self.content))
        block["classes"] += ["arabic", *self.options.get("class", [])]
        self.state.nested_parse(self.content, self.content_offset, block)
        return [block]


def visit_inline_html(self: Any, node: arabic_inline) -> None:
    self.body.append(self.starttag(node, "bdi", "", CLASS="ar", dir="rtl", lang="ar"))


def depart_inline_html(self: Any, node: arabic_inline) -> None:
    self.body.append("</bdi>")


def visit_block_html(self: Any, node: arabic_block) -> None:
    self.body.append(self.starttag(node, "div", dir="rtl", lang="ar"))


def depart_block_html(self: Any, node: arabic_block) -> None:
    self.body.append("</div>\n")


def _pass(self: Any, node: nodes.Node) -> None:
    pass


class PythonConsoleTokensLexer(PythonConsoleLexer):
    """Doctest sessions whose output lines are lexed as Python too.

    Pygments keeps each output line as one ``Generic.Output`` token; lexed as
    Python, every string becomes its own ``<span>``, which the CSS isolates.
    """

    def get_tokens_unprocessed(self, text: str) -> Any:  # type: ignore[override]
        python = PythonLexer()
        for index, token, value in super().get_tokens_unprocessed(text):
            if token is Generic.Output and ARABIC_RUN.search(value):
                inner = list(python.get_tokens_unprocessed(value))
                if not any(kind in Error for _, kind, _ in inner):
                    for offset, kind, piece in inner:
                        yield index + offset, kind, piece
                    continue
            yield index, token, value


def setup(app: Sphinx) -> dict[str, Any]:
    passthrough = (_pass, _pass)
    app.add_node(
        arabic_inline,
        html=(visit_inline_html, depart_inline_html),
        latex=passthrough,
        text=passthrough,
        man=passthrough,
        texinfo=passthrough,
    )
    app.add_node(
        arabic_block,
        html=(visit_block_html, depart_block_html),
        latex=passthrough,
        text=passthrough,
        man=passthrough,
        texinfo=passthrough,
    )
    app.add_role("ar", arabic_role)
    app.add_directive("arabic", ArabicDirective)
    app.add_transform(IsolateArabic)
    app.add_lexer("pycon", PythonConsoleTokensLexer)
    app.add_css_file("quoteattr.css")
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
