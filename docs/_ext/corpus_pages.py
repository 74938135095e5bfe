"""Pages made from the seed article and the gold corpus, by running quoteattr at build time.

- ``{seed-article}``: the seed article as a right-to-left block.
- ``{seed-attributions}``: a table of what ``quoteattr.extract`` finds in it.
- ``{seed-view}``: the highlighted HTML view of the seed: the committed
  screenshot (``docs/img/seed-html.png``) when there is one, else the page
  itself in a frame; either way a link to the live page, which is rendered by
  :func:`quoteattr.views.render_html` into ``_static/seed-article.html``.
- ``{known-failures}``: every document of the golden ``known_failures``
  collection, its note, what the annotators marked and what quoteattr finds.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any, ClassVar

from arabic import arabic_block, arabic_inline
from docutils import nodes
from docutils.parsers.rst import Directive, directives
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

SEED_PAGE = "_static/seed-article.html"
SCREENSHOT = "img/seed-html.png"


def _seed_path(app: Sphinx) -> Path:
    return (Path(app.confdir) / app.config.quoteattr_seed).resolve()


def _seed_text(app: Sphinx) -> str:
    return _seed_path(app).read_text(encoding="utf-8")


def _ar(text: str) -> arabic_inline:
    return arabic_inline(text, text)


def _excerpt(text: str, words: int = 9) -> str:
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"


def _root(env: Any) -> str:
    return "../" * env.docname.count("/")


def _table(
    name: str, headers: list[str], widths: tuple[int, ...]
) -> tuple[nodes.table, nodes.tbody]:
    """An empty table with its header row; return the table and the body to fill."""
    table = nodes.table(classes=[name, "colwidths-given"])
    group = nodes.tgroup(cols=len(headers))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    row = nodes.row()
    for header in headers:
        row += nodes.entry("", nodes.paragraph(header, header))
    head += row
    body = nodes.tbody()
    group += body
    return table, body


class SeedArticle(Directive):
    """The seed article, one paragraph per line, right to left."""

    def run(self) -> list[nodes.Node]:
        env = self.state.document.settings.env
        path = _seed_path(env.app)
        env.note_dependency(str(path))
        block = arabic_block(classes=["arabic", "article"])
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                # Short lines without a full stop are the article's subheadings.
                headline = len(line.split()) <= 8 and not line.rstrip().endswith((".", "؟", "!"))
                block += nodes.paragraph(line, line, classes=["headline"] if headline else [])
        return [block]


class SeedAttributions(Directive):
    """A table of every attribution quoteattr finds in the seed article."""

    def run(self) -> list[nodes.Node]:
        import quoteattr

        env = self.state.document.settings.env
        env.note_dependency(str(_seed_path(env.app)))
        found = quoteattr.extract(_seed_text(env.app))
        headers = ["#", "kind", "cue", "speaker", "outlets", "rule", "content begins"]
        table, body = _table("seed-attributions", headers, (3, 8, 7, 17, 11, 16, 38))
        for number, a in enumerate(found, 1):
            row = nodes.row()
            speaker = nodes.paragraph()
            if a.speaker is not None:
                speaker += _ar(a.speaker.name)
                speaker += nodes.Text(f" ({a.speaker.kind.value})")
            cells: list[nodes.Node] = [
                nodes.paragraph(str(number), str(number)),
                nodes.paragraph("", "", nodes.literal(a.kind.value, a.kind.value)),
                nodes.paragraph("", "", _ar(a.cue.span.text))
                if a.cue
                else nodes.paragraph("—", "—"),
                speaker,
                nodes.paragraph(
                    ", ".join(s.name for s in a.sources) or "—",
                    ", ".join(s.name for s in a.sources) or "—",
                ),
                nodes.paragraph("", "", nodes.literal(a.rule, a.rule)),
                nodes.paragraph("", "", _ar(_excerpt(a.content.text, 6))),
            ]
            for column, cell in enumerate(cells):
                arabic = column in (2, 6)
                row += nodes.entry("", cell, classes=["ar-cell"] if arabic else [])
            body += row
        return [table]


class SeedView(Directive):
    """The seed article's highlighted view: screenshot (or live frame) and a link to the page."""

    option_spec: ClassVar[dict[str, Any]] = {"height": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        env = self.state.document.settings.env
        root = _root(env)
        screenshot = Path(env.srcdir) / SCREENSHOT
        result: list[nodes.Node] = []
        # A dependency even while missing: the page is rebuilt once the picture exists.
        env.note_dependency(str(screenshot))
        if screenshot.is_file():
            image = nodes.image(
                uri="/" + SCREENSHOT,
                alt="The seed article in quoteattr's HTML view: content highlighted by kind, "
                "cues in red, speakers underlined in blue, outlets framed in purple.",
                classes=["seed-screenshot"],
            )
            reference = nodes.reference("", "", image, refuri=root + SEED_PAGE)
            result.append(nodes.paragraph("", "", reference))
        else:
            height = self.options.get("height", "900px")
            frame = (
                f'<iframe class="seed-view" src="{html.escape(root + SEED_PAGE)}" '
                f'style="height: {html.escape(height)}" '
                'title="The seed article in quoteattr\'s HTML view"></iframe>'
            )
            result.append(nodes.raw("", frame, format="html"))
        link = (
            '<p class="seed-link"><a class="reference external" '
            f'href="{html.escape(root + SEED_PAGE)}">'
            "Open the live page</a> (hover over a highlighted piece to see its speaker, "
            "outlets, kind, confidence and rule).</p>"
        )
        result.append(nodes.raw("", link, format="html"))
        return result


def write_seed_page(app: Sphinx, exception: Exception | None) -> None:
    """Render the seed article's HTML view into the built site."""
    if exception is not None or app.builder.format != "html":
        return
    import quoteattr
    from quoteattr.views import render_html

    text = _seed_text(app)
    page = render_html(text, quoteattr.extract(text), title="The seed article")
    target = Path(app.outdir) / SEED_PAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page, encoding="utf-8")


def _gold_documents(app: Sphinx) -> list[Any]:
    """The golden known failures: from the installed package if it ships them, else the checkout."""
    from quoteattr import corpus

    if "known_failures" in corpus.builtin_names():
        return corpus.builtin("known_failures")
    path = (Path(app.confdir) / app.config.quoteattr_known_failures).resolve()
    app.env.note_dependency(str(path))
    return corpus.load(path)


def _describe(
    kind: str,
    lemma: str | None,
    speaker: str | None,
    speaker_kind: str | None,
    sources: list[str],
    content: str,
) -> nodes.paragraph:
    paragraph = nodes.paragraph()
    paragraph += nodes.literal(kind, kind)
    paragraph += nodes.Text(" · cue ")
    paragraph += _ar(lemma) if lemma else nodes.Text("none")
    paragraph += nodes.Text(" · speaker ")
    if speaker:
        paragraph += _ar(speaker)
        paragraph += nodes.Text(f" ({speaker_kind})")
    else:
        paragraph += nodes.Text("none")
    if sources:
        paragraph += nodes.Text(" · outlets " + ", ".join(sources))
    paragraph += nodes.Text(" · content ")
    paragraph += _ar(_excerpt(content))
    return paragraph


class KnownFailures(Directive):
    """Every known failure of the golden corpus, generated from the gold file."""

    def run(self) -> list[nodes.Node]:
        import quoteattr

        env = self.state.document.settings.env
        result: list[nodes.Node] = []
        for document in _gold_documents(env.app):
            result.append(nodes.rubric(document.id, document.id))
            note = str(document.meta.get("note", ""))
            if note:
                paragraph = nodes.paragraph()
                paragraph += nodes.strong("Why it is hard: ", "Why it is hard: ")
                paragraph += nodes.Text(note)
                result.append(paragraph)
            block = arabic_block(classes=["arabic"])
            for line in document.text.splitlines():
                if line.strip():
                    block += nodes.paragraph(line, line)
            result.append(block)
            wanted = nodes.bullet_list()
            for gold in document.attributions:
                wanted += nodes.list_item(
                    "",
                    _describe(
                        gold.kind.value,
                        gold.cue_lemma,
                        gold.speaker_name,
                        gold.speaker_kind.value if gold.speaker_kind else None,
                        list(gold.sources),
                        gold.content.text,
                    ),
                )
            got = nodes.bullet_list()
            for found in quoteattr.extract(document.text):
                got += nodes.list_item(
                    "",
                    _describe(
                        found.kind.value,
                        found.cue.lemma if found.cue else None,
                        found.speaker.name if found.speaker else None,
                        found.speaker.kind.value if found.speaker else None,
                        [s.name for s in found.sources],
                        found.content.text,
                    ),
                )
            result.append(nodes.paragraph("Annotated:", "Annotated:"))
            result.append(wanted)
            if len(got):
                result.append(nodes.paragraph("quoteattr finds:", "quoteattr finds:"))
                result.append(got)
            else:
                result.append(
                    nodes.paragraph("quoteattr finds nothing.", "quoteattr finds nothing.")
                )
        return result


class LinkingRules(Directive):
    """Every linking rule with its base confidence and a worked example, run at build time.

    The content holds one ``rule: example`` line per rule (``\\n`` for a line
    break in the example; ``rule: -`` for a rule nothing produces). The rule
    names and confidences come from :data:`quoteattr.drafts.CONFIDENCE`; a rule without an
    example, or an example that no longer yields its rule, fails the strict build.
    """

    has_content = True

    def run(self) -> list[nodes.Node]:
        import quoteattr
        from quoteattr.drafts import CONFIDENCE

        confidences: dict[str, float] = dict(CONFIDENCE)
        examples: dict[str, str] = {}
        for line in self.content:
            if ":" in line:
                rule, example = line.split(":", 1)
                examples[rule.strip()] = example.strip().replace("\\n", "\n")
        for rule in confidences:
            if rule not in examples:
                logger.warning(
                    "linking-rules: rule %r has no example; add a line '%s: ...'",
                    rule,
                    rule,
                    location=(self.state.document.settings.env.docname, self.lineno),
                )
        for rule in examples:
            if rule not in confidences:
                logger.warning(
                    "linking-rules: there is no rule %r any more",
                    rule,
                    location=(self.state.document.settings.env.docname, self.lineno),
                )
        headers = ["rule", "confidence", "example", "content found", "speaker"]
        table, body = _table("linking-rules", headers, (19, 9, 34, 24, 14))
        for rule, confidence in confidences.items():
            example = examples.get(rule, "-")
            row = nodes.row()
            row += nodes.entry("", nodes.paragraph("", "", nodes.literal(rule, rule)))
            row += nodes.entry("", nodes.paragraph(str(confidence), str(confidence)))
            if example == "-":
                text = "no rule produces it at present"
                row += nodes.entry("", nodes.paragraph(text, text))
                row += nodes.entry()
                row += nodes.entry()
                body += row
                continue
            shown = example.replace("\n", " ¶ ")
            row += nodes.entry("", nodes.paragraph("", "", _ar(shown)), classes=["ar-cell"])
            produced = [a for a in quoteattr.extract(example) if a.rule == rule]
            if not produced:
                logger.warning(
                    "linking-rules: the example for %r no longer yields that rule: %s",
                    rule,
                    example,
                    location=(self.state.document.settings.env.docname, self.lineno),
                )
                row += nodes.entry()
                row += nodes.entry()
            else:
                found = produced[0]
                row += nodes.entry(
                    "",
                    nodes.paragraph("", "", _ar(found.content.text.replace("\n", " ¶ "))),
                    classes=["ar-cell"],
                )
                speaker = found.speaker.name if found.speaker else "none"
                row += nodes.entry(
                    "",
                    nodes.paragraph("", "", _ar(speaker) if found.speaker else nodes.Text(speaker)),
                )
            body += row
        return [table]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value(
        "quoteattr_seed", "../seeds/000_2d0d44ca72966377.txt", "env", types=frozenset({str})
    )
    app.add_config_value(
        "quoteattr_known_failures",
        "../tests/golden/known_failures.jsonl",
        "env",
        types=frozenset({str}),
    )
    app.add_directive("seed-article", SeedArticle)
    app.add_directive("seed-attributions", SeedAttributions)
    app.add_directive("seed-view", SeedView)
    app.add_directive("known-failures", KnownFailures)
    app.add_directive("linking-rules", LinkingRules)
    app.connect("build-finished", write_seed_page)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
