"""Render quoteattr's lexicon files as tables at build time, so the docs show exactly what ships.

``{lexicon-table} speech_verbs.tsv`` reads the packaged file, shows its header
comment (which describes the format), then one table per ``# === section ===``
of the file, every row included. For speech verbs, a column lists the forms
the loader generates from the stems, by the loader's own generator.
``{lexicon-summary}`` is the overview table of every file.

The rows are read with :func:`quoteattr.lexicons.read_tsv` as well, and the
build fails if the two readings disagree on the number of rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any, ClassVar

from arabic import arabic_inline
from docutils import nodes
from docutils.parsers.rst import Directive, directives
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

PACKAGE = "quoteattr.lexicons"
_SECTION = re.compile(r"^#\s*(?:===|---)\s*(.*?)\s*(?:===|---)?\s*$")

# What each column holds, for the table headers.
_ARABIC_COLUMNS = {
    "lemma",
    "past",
    "present",
    "participle",
    "forms",
    "complements",
    "phrase",
    "title",
    "word",
    "spellings",
}
_ARABIC_BY_FILE = {"organizations.tsv": {"name"}, "first_names.tsv": {"name"}}


def _file(name: str) -> Path:
    return Path(str(resources.files(PACKAGE).joinpath(name)))


def read_sections(
    name: str,
) -> tuple[list[str], list[str], list[tuple[str, list[str], list[dict[str, str]]]]]:
    """Return a lexicon file's columns, header comment and ``(title, comments, rows)`` sections."""
    lines = _file(name).read_text(encoding="utf-8").splitlines()
    columns = lines[0].split("\t")
    preamble: list[str] = []
    sections: list[tuple[str, list[str], list[dict[str, str]]]] = []
    for line in lines[1:]:
        if not line.strip():
            continue
        if line.startswith("#"):
            marker = _SECTION.match(line)
            if marker and marker.group(1):
                sections.append((marker.group(1), [], []))
                continue
            comment = (line[2:] if line.startswith("# ") else line[1:]).rstrip()
            target = sections[-1][1] if sections else preamble
            if comment.strip() or target:
                target.append(comment if target is preamble else comment.strip())
            continue
        if not sections:
            sections.append(("", [], []))
        cells = line.split("\t")
        sections[-1][2].append(
            {
                column: (cells[i] if i < len(cells) else "").strip()
                for i, column in enumerate(columns)
            }
        )
    return columns, preamble, sections


def lexicon_files() -> list[str]:
    """Every ``*.tsv`` file of the package, sorted."""
    return sorted(p.name for p in Path(str(resources.files(PACKAGE))).glob("*.tsv"))


def _cell(text: str, classes: Iterable[str] = ()) -> nodes.entry:
    entry = nodes.entry(classes=list(classes))
    if text:
        entry += nodes.paragraph(text, text)
    return entry


def _forms_of(row: dict[str, str]) -> str:
    from quoteattr.lexicons import verb_forms_of

    by_tense: dict[str, list[str]] = {}
    for form, tense, *_ in verb_forms_of(row):
        if form not in by_tense.setdefault(tense, []):
            by_tense[tense].append(form)
    return " · ".join(" ".join(forms) for forms in by_tense.values())


class LexiconTable(Directive):
    """Every row of one packaged lexicon file, section by section."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Any]] = {
        "columns": directives.unchanged,
        "forms": directives.flag,
        "no-preamble": directives.flag,
        "entries": directives.flag,
    }

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        env = self.state.document.settings.env
        path = _file(name)
        if not path.is_file():
            raise self.error(f"lexicon-table: no file {name!r} in {PACKAGE}")
        env.note_dependency(str(path))
        columns, preamble, sections = read_sections(name)
        from quoteattr.lexicons import read_tsv

        expected = sum(1 for _ in read_tsv(name))
        counted = sum(len(rows) for _, _, rows in sections)
        if expected != counted:
            logger.warning(
                "lexicon-table: %s has %d rows for read_tsv but %d here; "
                "fix docs/_ext/lexicon_tables.py",
                name,
                expected,
                counted,
                location=self.get_location(),
            )
        shown = [
            c.strip() for c in self.options.get("columns", "").split(",") if c.strip()
        ] or columns
        for column in shown:
            if column not in columns:
                raise self.error(
                    f"lexicon-table: {name} has no column {column!r} (it has {', '.join(columns)})"
                )
        arabic = _ARABIC_COLUMNS | _ARABIC_BY_FILE.get(name, set())
        forms = "forms" in self.options
        result: list[nodes.Node] = []
        summary = nodes.paragraph()
        summary += nodes.Text(f"{counted} rows in ")
        summary += nodes.literal(f"src/quoteattr/lexicons/{name}", f"src/quoteattr/lexicons/{name}")
        summary += nodes.Text(f", in {len(sections)} sections.")
        result.append(summary)
        if preamble and "no-preamble" not in self.options:
            text = "\n".join(preamble).strip("\n")
            result.append(nodes.literal_block(text, text, classes=["lexicon-preamble"]))
        headers = list(shown) + (["generated forms"] if forms else [])
        for title, comments, rows in sections:
            if title:
                result.append(nodes.rubric(title, title))
            for comment in comments:
                if comment:
                    result.append(nodes.paragraph(comment, comment, classes=["lexicon-comment"]))
            if not rows:
                continue
            if "entries" in self.options:
                result.append(_entries(shown, rows, arabic, forms))
                continue
            table = nodes.table(classes=["lexicon"])
            group = nodes.tgroup(cols=len(headers))
            table += group
            for header in headers:
                width = (
                    40
                    if header in ("note", "generated forms")
                    else 12
                    if header in ("gender", "tier", "mode", "object_suffix")
                    else 20
                )
                group += nodes.colspec(colwidth=width)
            head = nodes.thead()
            group += head
            header_row = nodes.row()
            for header in headers:
                header_row += _cell(header)
            head += header_row
            body = nodes.tbody()
            group += body
            for row in rows:
                table_row = nodes.row()
                for column in shown:
                    value = row.get(column, "")
                    if "|" in value:
                        value = " · ".join(
                            part.strip() for part in value.split("|") if part.strip()
                        )
                    classes = (
                        ["ar-cell"]
                        if column in arabic
                        else ["note"]
                        if column == "note"
                        else ["en-cell"]
                    )
                    table_row += _cell(value, classes)
                if forms:
                    table_row += _cell(_forms_of(row), ["ar-cell", "forms"])
                body += table_row
            result.append(table)
        return result


def _entries(
    columns: list[str], rows: list[dict[str, str]], arabic: set[str], forms: bool
) -> nodes.definition_list:
    """Rows as a definition list: the first column as the term, the others as labelled lines.

    For files with many columns (speech verbs), a table would be too wide to read.
    """
    items = nodes.definition_list(classes=["lexicon-entries"])
    head, *rest = columns
    for row in rows:
        item = nodes.definition_list_item()
        term = nodes.term()
        term += arabic_inline(row.get(head, ""), row.get(head, ""))
        badges = [
            row[c]
            for c in ("tier", "type", "role", "class", "kind", "mode")
            if c in rest and row.get(c)
        ]
        if badges:
            term += nodes.Text("  ")
            for badge in badges:
                term += nodes.literal(badge, badge)
                term += nodes.Text(" ")
        item += term
        definition = nodes.definition()
        for column in rest:
            value = row.get(column, "")
            if not value or column in ("tier", "type", "role", "class", "kind", "mode"):
                continue
            if "|" in value:
                value = " · ".join(part.strip() for part in value.split("|") if part.strip())
            paragraph = nodes.paragraph(classes=["lexicon-field"])
            paragraph += nodes.emphasis(column, column)
            paragraph += nodes.Text(": ")
            paragraph += arabic_inline(value, value) if column in arabic else nodes.Text(value)
            definition += paragraph
        if forms:
            paragraph = nodes.paragraph(classes=["lexicon-field", "forms"])
            paragraph += nodes.emphasis("generated forms", "generated forms")
            paragraph += nodes.Text(": ")
            value = _forms_of(row)
            paragraph += arabic_inline(value, value)
            definition += paragraph
        item += definition
        items += item
    return items


class LexiconSummary(Directive):
    """One row per lexicon file: its name, columns and row count."""

    def run(self) -> list[nodes.Node]:
        from quoteattr.lexicons import read_tsv

        env = self.state.document.settings.env
        table = nodes.table(classes=["lexicon-summary"])
        group = nodes.tgroup(cols=3)
        table += group
        for width in (25, 55, 10):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        group += head
        row = nodes.row()
        for header in ("file", "columns", "rows"):
            row += _cell(header)
        head += row
        body = nodes.tbody()
        group += body
        for name in lexicon_files():
            env.note_dependency(str(_file(name)))
            columns = _file(name).read_text(encoding="utf-8").splitlines()[0].split("\t")
            row = nodes.row()
            entry = nodes.entry()
            entry += nodes.paragraph("", "", nodes.literal(name, name))
            row += entry
            entry = nodes.entry()
            paragraph = nodes.paragraph()
            for i, column in enumerate(columns):
                if i:
                    paragraph += nodes.Text(", ")
                paragraph += nodes.literal(column, column)
            entry += paragraph
            row += entry
            row += _cell(str(sum(1 for _ in read_tsv(name))))
            body += row
        return [table]


def lexicon_fact(name: str) -> str:
    """Small facts about the compiled lexicon for the ``{lexicon}`` role."""
    from quoteattr import lexicons
    from quoteattr.lexicons import Lexicon

    lexicon = Lexicon.default()
    facts = {
        "verb-forms": lambda: f"{len(lexicon.verb_forms):,}",
        "verb-lemmas": lambda: str(len({form.lemma for form in lexicon.verb_forms.values()})),
        "outlets": lambda: str(len(set(lexicon.outlet_names))),
        "outlet-spellings": lambda: str(len(lexicon.outlets)),
        "titles": lambda: str(len(lexicon.titles)),
        "organizations": lambda: str(len(lexicon.organizations)),
        "phrases": lambda: str(len(lexicon.phrases)),
        "naming-nouns": lambda: str(len(lexicon.naming_nouns)),
        "conjunctions": lambda: " ".join(p for p in lexicons.CONJUNCTIONS if p),
        "present-prefixes": lambda: " ".join(p for p in lexicons.PRESENT_PREFIXES if p),
        "object-pronouns": lambda: " ".join(lexicons.OBJECT_PRONOUNS),
        "past-suffixes": lambda: " ".join(s or "∅" for s, *_ in lexicons.PAST_SUFFIXES),
        "participle-suffixes": lambda: " ".join(s for s, *_ in lexicons.PARTICIPLE_SUFFIXES),
    }
    if name not in facts:
        raise KeyError(f"unknown lexicon fact {name!r}; known: {', '.join(facts)}")
    return facts[name]()


def lexicon_role(
    name: str,
    rawtext: str,
    text: str,
    lineno: int,
    inliner: Any,
    options: Any = None,
    content: Any = None,
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{lexicon}`verb-forms```: a number or list computed from the compiled lexicon."""
    try:
        value = lexicon_fact(text)
    except (KeyError, AttributeError) as error:
        message = inliner.reporter.error(f"lexicon role: {error}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    return [nodes.Text(value)], []


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("lexicon-table", LexiconTable)
    app.add_directive("lexicon-summary", LexiconSummary)
    app.add_role("lexicon", lexicon_role)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
