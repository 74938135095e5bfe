#!/usr/bin/env python3
"""Build the golden attribution corpus from its hand-written markup, and validate it.

Each ``tests/golden/<provenance>.txt`` markup file becomes
``src/quoteattr/golden/<provenance>.jsonl`` (one document per line), the
package data behind ``quoteattr.corpus.builtin()``. Nobody counts offsets by
hand: the markup brackets the spans and this script computes them. See
``tests/golden/README.md`` for the markup and the JSON format.

Usage::

    python tests/golden/build.py            # validate, then (re)write the .jsonl files
    python tests/golden/build.py --check    # validate; exit 1 if a .jsonl is missing or stale
    python tests/golden/build.py --stats    # also print counts per file

Standard library only, so it runs before the package is installed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
# The built corpus ships inside the package (quoteattr.corpus.builtin()).
PACKAGE_DATA = HERE.parents[1] / "src" / "quoteattr" / "golden"

PROVENANCES = ("synthetic", "negative", "known_failures")
"""Markup files, in build order. ``negative`` documents must hold no attribution."""

KINDS = ("direct", "indirect", "mixed")
SPEAKER_KINDS = ("person", "organization", "outlet", "anonymous", "unknown")

# Canonical English outlet names, each with Arabic spellings of which at least
# one must occur in a document that cites the outlet (catches typos in headers).
SOURCES: dict[str, tuple[str, ...]] = {
    "Reuters": ("رويترز",),
    "AFP": ("فرانس برس", "الفرنسية", "الصحافة الفرنسية"),
    "Associated Press": ("أسوشيتد برس", "أسوشييتد برس", "اسوشيتدبرس"),
    "Bloomberg": ("بلومبرغ", "بلومبيرغ", "بلومبرج"),
    "RIA Novosti": ("نوفوستي",),
    "TASS": ("تاس",),
    "Sputnik": ("سبوتنيك",),
    "Anadolu Agency": ("الأناضول", "الاناضول"),
    "Xinhua": ("شينخوا", "شينهوا"),
    "SANA": ("سانا",),
    "Saudi Press Agency": ("واس", "وكالة الأنباء السعودية"),
    "Al Jazeera": ("الجزيرة",),
    "Al Arabiya": ("العربية",),
    "BBC": ("بي بي سي",),
    "CNN": ("سي إن إن", "سي ان ان"),
    "Asharq Al-Awsat": ("الشرق الأوسط",),
    "Okaz": ("عكاظ",),
    "Al-Watan": ("الوطن",),
    "Al-Riyadh": ("الرياض",),
    "Sabq": ("سبق",),
    "The New York Times": ("نيويورك تايمز",),
    "The Washington Post": ("واشنطن بوست",),
    "The Wall Street Journal": ("وول ستريت جورنال",),
    "Financial Times": ("فايننشال تايمز", "فاينانشيال تايمز", "فايننشيال تايمز"),
    "WAM": ("وام", "وكالة أنباء الإمارات"),
    "Qatar News Agency": ("قنا", "وكالة الأنباء القطرية"),
    "Kuwait News Agency": ("كونا", "وكالة الأنباء الكويتية", "وكالة الأنباء الرسمية الكويتية"),
    "WAFA": ("وفا",),
    "MENA": ("وكالة أنباء الشرق الأوسط",),
    "IRNA": ("إرنا", "ارنا"),
    "dpa": ("الألمانية", "الأنباء الألمانية"),
    "EFE": ("إفي",),
    "Interfax": ("إنترفاكس", "انترفاكس"),
    "Al-Ahram": ("الأهرام",),
    "Sky News Arabia": ("سكاي نيوز عربية",),
    "RT": ("روسيا اليوم", "آر تي"),
    # Not in the brief's list; added for the magazine case (synthetic-051).
    "The Economist": ("إيكونوميست", "الإيكونوميست"),
    # Issue 9 (outlets described, not named): a country's state television.
    "Syrian TV": ("التلفزيون السوري", "التلفزيون الرسمي السوري"),
}

QUOTE_MARKS = frozenset("«»“”„‟\"'‘’″‹›")
_ENTITY = r"&(?:quot|#34|#0?39|apos|laquo|raquo|ldquo|rdquo|bdquo);"
ENTITY_AT_START = re.compile("^" + _ENTITY, re.IGNORECASE)
ENTITY_AT_END = re.compile(_ENTITY + "$", re.IGNORECASE)
FINAL_PUNCT = frozenset(".،,؟?!:؛;…")
TATWEEL = "\N{ARABIC TATWEEL}"
# A reported clause never starts with its complementizer: أن, إن, بأن, فإن and
# their pronoun-suffixed forms (أنه, إنها, بأنهم…) stay outside the content.
AN_TOKEN = re.compile(r"^(?:ب|ف)?[أإا]ن(?:ه|ها|هم|هما|هن|نا|ني|ي|ك|كم)?$")
# What may stand between the start of a token and a span that starts inside it.
PROCLITICS = frozenset({"و", "ف", "ل", "ب", "ك", "ول", "وب", "فل", "فب", "وك"})

MARK_OPEN = re.compile(r"\{([cvsa])(\d+(?:,\d+)*):")
KEYS = ("kind", "lemma", "name", "skind", "sources")
_KEY = "(?:" + "|".join(KEYS) + ")"
KEY_VALUE = re.compile(rf"({_KEY})=(.*?)(?=\s+{_KEY}=|\s*$)")
ESCAPES = {"{": "{", "}": "}", "\\": "\\", "r": "\r", "n": "\n", "t": "\t"}
ROLE = {"c": "content", "v": "cue", "s": "speaker", "a": "addressee"}


class MarkupError(ValueError):
    """A markup file cannot be read; the message names the file and line."""


@dataclass
class Header:
    """The ``@N`` line of one attribution."""

    number: int
    line: int
    values: dict[str, str]


@dataclass
class Document:
    """One ``=== id`` block, parsed."""

    doc_id: str
    line: int
    note: str = ""
    eol: str = "\n"
    headers: dict[int, Header] = field(default_factory=dict)
    body: list[str] = field(default_factory=list)
    text: str = ""
    spans: dict[tuple[str, int], list[tuple[int, int]]] = field(default_factory=dict)


def is_word_char(ch: str) -> bool:
    """Letters, digits, combining marks and tatweel belong to the token around them.

    >>> [is_word_char(c) for c in "قَـ «"]
    [True, True, True, False, False]
    """
    return ch == TATWEEL or unicodedata.category(ch)[0] in "LMN"


def is_invisible(ch: str) -> bool:
    """Whitespace, bidi and zero-width characters: never the first or last of a span.

    >>> [is_invisible(c) for c in "\N{RIGHT-TO-LEFT MARK}\N{NO-BREAK SPACE}ق"]
    [True, True, False]
    """
    return ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc", "Zs", "Zl", "Zp")


def fold(text: str) -> str:
    """Strip harakat, tatweel and invisible marks; make every space a plain space.

    >>> fold("قَـالَ\N{NO-BREAK SPACE} الوزير")
    'قال الوزير'
    """
    out = []
    for ch in text:
        if unicodedata.category(ch) == "Mn" or ch == TATWEEL or unicodedata.category(ch) == "Cf":
            continue
        out.append(" " if ch.isspace() else ch)
    return re.sub(" +", " ", "".join(out))


def strip_quotes(text: str) -> str:
    """Drop quote marks, as speaker names are written without them.

    >>> strip_quotes("لشركة «جسور» للمقاولات")
    'لشركة جسور للمقاولات'
    """
    return "".join(ch for ch in text if ch not in QUOTE_MARKS)


def read_markup(path: Path) -> list[Document]:
    """Split a markup file into documents and parse their headers."""
    docs: list[Document] = []
    doc: Document | None = None
    in_body = False
    for number, raw in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        line = raw.rstrip("\r")
        where = f"{path.name}:{number}"
        if line.startswith("=== "):
            doc = Document(line[4:].strip(), number)
            docs.append(doc)
            in_body = False
            continue
        if doc is None:
            if line.strip() and not line.startswith("#"):
                raise MarkupError(f"{where}: text before the first '=== id' line")
            continue
        if in_body:
            doc.body.append(line)
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped == "---":
            in_body = True
        elif stripped.startswith("note:"):
            doc.note = (doc.note + " " + stripped[5:].strip()).strip()
        elif stripped.startswith("eol:"):
            value = stripped[4:].strip()
            if value not in ("lf", "crlf"):
                raise MarkupError(f"{where}: eol must be lf or crlf")
            doc.eol = "\r\n" if value == "crlf" else "\n"
        elif stripped.startswith("@"):
            match = re.match(r"@(\d+)\s*(.*)$", stripped)
            if match is None:
                raise MarkupError(f"{where}: header must look like '@1 kind=... lemma=...'")
            rest = match.group(2)
            values = {k: v.strip() for k, v in KEY_VALUE.findall(rest)}
            leftover = KEY_VALUE.sub("", rest).strip()
            if leftover:
                raise MarkupError(f"{where}: cannot read {leftover!r} (keys: {', '.join(KEYS)})")
            n = int(match.group(1))
            if n in doc.headers:
                raise MarkupError(f"{where}: @{n} given twice")
            doc.headers[n] = Header(n, number, values)
        else:
            raise MarkupError(f"{where}: expected note:, eol:, @N or --- before the text")
    for doc in docs:
        while doc.body and not doc.body[-1].strip():
            doc.body.pop()
        while doc.body and not doc.body[0].strip():
            doc.body.pop(0)
    return docs


def parse_body(doc: Document, path: Path) -> None:
    """Turn the marked-up body into plain text and spans."""
    source = "\n".join(doc.body)
    out: list[str] = []
    stack: list[tuple[str, list[int], int]] = []
    i = 0
    where = f"{path.name}: document {doc.doc_id}"
    while i < len(source):
        ch = source[i]
        if ch == "\n":
            out.append(doc.eol)
            i += 1
        elif ch == "\\":
            nxt = source[i + 1 : i + 2]
            if nxt == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", source[i + 2 : i + 6]):
                out.append(chr(int(source[i + 2 : i + 6], 16)))
                i += 6
            elif nxt in ESCAPES:
                out.append(ESCAPES[nxt])
                i += 2
            else:
                raise MarkupError(f"{where}: unknown escape {source[i : i + 6]!r}")
        elif ch == "{":
            match = MARK_OPEN.match(source, i)
            if match is None:
                raise MarkupError(f"{where}: '{{' must open a mark like {{c1: or be written \\{{")
            ids = [int(n) for n in match.group(2).split(",")]
            stack.append((match.group(1), ids, len("".join(out))))
            i = match.end()
        elif ch == "}":
            if not stack:
                raise MarkupError(f"{where}: '}}' closes nothing; write \\}} for a literal brace")
            role, ids, start = stack.pop()
            end = len("".join(out))
            for n in ids:
                doc.spans.setdefault((role, n), []).append((start, end))
            i += 1
        else:
            out.append(ch)
            i += 1
    if stack:
        role, ids, start = stack[-1]
        raise MarkupError(f"{where}: mark {{{role}{ids[0]}: is never closed")
    doc.text = "".join(out)


def check_span(text: str, span: tuple[int, int], label: str, whole_token: bool) -> list[str]:
    """Offsets in range, no blank edges, no token cut in two."""
    start, end = span
    piece = text[start:end]
    problems = []
    if not 0 <= start < end <= len(text):
        return [f"{label}: empty or out-of-range span {span}"]
    if is_invisible(piece[0]) or is_invisible(piece[-1]):
        problems.append(f"{label}: {piece!r} begins or ends with a space or invisible mark")
    if end < len(text) and is_word_char(text[end]) and is_word_char(text[end - 1]):
        problems.append(f"{label}: {piece!r} ends inside a word")
    if start > 0 and is_word_char(text[start - 1]) and is_word_char(text[start]):
        token_start = start
        while token_start > 0 and is_word_char(text[token_start - 1]):
            token_start -= 1
        prefix = fold(text[token_start:start])
        if whole_token or prefix not in PROCLITICS:
            problems.append(f"{label}: {piece!r} starts inside a word after {prefix!r}")
    return problems


def check_content(text: str, span: tuple[int, int], kind: str, label: str) -> list[str]:
    """The content conventions of the README, as far as a script can see them."""
    start, end = span
    piece = text[start:end]
    problems = []
    if kind != "mixed" and (piece[0] in QUOTE_MARKS or piece[-1] in QUOTE_MARKS):
        problems.append(f"{label}: {kind} content {piece!r} keeps a quote mark at its edge")
    if ENTITY_AT_START.search(piece) or ENTITY_AT_END.search(piece):
        problems.append(f"{label}: content {piece!r} keeps an HTML-escaped quote at its edge")
    if piece[-1] in FINAL_PUNCT:
        problems.append(f"{label}: content {piece!r} keeps its final punctuation")
    first = fold(piece).split(" ", 1)[0]
    if kind != "direct" and AN_TOKEN.match(first):
        problems.append(f"{label}: content {piece!r} starts with the complementizer {first!r}")
    if kind == "mixed" and not (QUOTE_MARKS & set(piece) or "&quot;" in piece):
        problems.append(f"{label}: mixed content {piece!r} holds no quote mark")
    if kind == "direct":
        before = text[:start].rstrip(" \u00a0\u200f\u200e")
        if not (before and (before[-1] in QUOTE_MARKS or ENTITY_AT_END.search(before))):
            problems.append(f"{label}: direct content {piece!r} does not follow a quote mark")
    return problems


def build_attribution(doc: Document, n: int, provenance: str) -> tuple[dict[str, Any], list[str]]:
    """One attribution as JSON data, with the problems found in it."""
    label = f"{provenance}: {doc.doc_id} @{n}"
    problems: list[str] = []
    header = doc.headers.get(n)
    if header is None:
        return {}, [f"{label}: marks without an @{n} header line"]
    values = header.values
    spans: dict[str, tuple[int, int] | None] = {}
    for role, name in ROLE.items():
        found = doc.spans.get((role, n), [])
        if len(found) > 1:
            problems.append(f"{label}: {name} marked {len(found)} times")
        spans[name] = found[0] if found else None
    kind = values.get("kind")
    if kind not in KINDS:
        problems.append(f"{label}: kind must be one of {KINDS}, got {kind!r}")
    if spans["content"] is None:
        return {}, [*problems, f"{label}: no content mark {{c{n}:...}}"]
    text = doc.text
    for name, span in spans.items():
        if span is not None:
            problems += check_span(text, span, f"{label} {name}", whole_token=name == "cue")
    if problems:
        return {}, problems
    content = spans["content"]
    assert content is not None
    problems += check_content(text, content, str(kind), label)
    for name in ("cue", "speaker", "addressee"):
        span = spans[name]
        if span is not None and span[0] < content[1] and content[0] < span[1]:
            problems.append(f"{label}: {name} overlaps the content")
    lemma = values.get("lemma") or None
    if (spans["cue"] is None) != (lemma is None):
        problems.append(f"{label}: give lemma= exactly when a cue {{v{n}:...}} is marked")
    speaker_name = values.get("name") or None
    speaker_kind = values.get("skind") or None
    if not (spans["speaker"] is None) == (speaker_name is None) == (speaker_kind is None):
        problems.append(f"{label}: give name= and skind= exactly when {{s{n}:...}} is marked")
    if speaker_kind is not None and speaker_kind not in SPEAKER_KINDS:
        problems.append(f"{label}: skind must be one of {SPEAKER_KINDS}")
    folded = fold(text)
    if speaker_name is not None:
        if fold(speaker_name) != speaker_name or QUOTE_MARKS & set(speaker_name):
            problems.append(f"{label}: write name= without harakat, tatweel or quote marks")
        elif speaker_name not in strip_quotes(folded):
            problems.append(f"{label}: speaker name {speaker_name!r} does not occur in the text")
    sources = [s.strip() for s in values.get("sources", "").split("|") if s.strip()]
    for source in sources:
        if source not in SOURCES:
            problems.append(f"{label}: unknown source {source!r}; add it to SOURCES in build.py")
        elif not any(fold(alias) in folded for alias in SOURCES[source]):
            problems.append(f"{label}: source {source!r} is not mentioned in the text")
    if len(set(sources)) != len(sources):
        problems.append(f"{label}: a source is listed twice")

    def as_list(span: tuple[int, int] | None) -> list[int] | None:
        return None if span is None else [span[0], span[1]]

    data = {
        "content": as_list(content),
        "kind": kind,
        "cue": as_list(spans["cue"]),
        "cue_lemma": lemma,
        "speaker": as_list(spans["speaker"]),
        "speaker_name": speaker_name,
        "speaker_kind": speaker_kind,
        "addressee": as_list(spans["addressee"]),
        "sources": sources,
    }
    return data, problems


def build_file(provenance: str) -> tuple[list[dict[str, Any]], list[str]]:
    """Parse and validate one markup file."""
    path = HERE / f"{provenance}.txt"
    problems: list[str] = []
    records = []
    seen: set[str] = set()
    for doc in read_markup(path):
        parse_body(doc, path)
        label = f"{provenance}: {doc.doc_id}"
        if not re.fullmatch(rf"{re.escape(provenance)}-\d{{3}}", doc.doc_id):
            problems.append(f"{label}: id must be {provenance}-NNN")
        if doc.doc_id in seen:
            problems.append(f"{label}: duplicate id")
        seen.add(doc.doc_id)
        if not doc.note:
            problems.append(f"{label}: every document needs a note: line")
        if not doc.text.strip():
            problems.append(f"{label}: empty text")
        numbers = sorted(set(doc.headers) | {n for _, n in doc.spans})
        attributions = []
        for n in numbers:
            data, found = build_attribution(doc, n, provenance)
            problems += found
            if data:
                attributions.append(data)
        if provenance == "negative" and numbers:
            problems.append(f"{label}: negative documents hold no attribution")
        if provenance != "negative" and not numbers:
            problems.append(f"{label}: no attribution marked")
        attributions.sort(key=lambda a: (a["content"][0], a["content"][1]))
        records.append(
            {"id": doc.doc_id, "text": doc.text, "attributions": attributions, "note": doc.note}
        )
    return records, problems


def dump(record: dict[str, Any]) -> str:
    """One JSON line; invisible characters are written as \\uXXXX escapes.

    >>> dump({"text": "قالت\N{RIGHT-TO-LEFT MARK}:"})
    '{"text": "قالت\\\\u200f:"}'
    """
    line = json.dumps(record, ensure_ascii=False)
    escaped = ("Cf", "Zs", "Zl", "Zp", "Co")
    return "".join(
        f"\\u{ord(ch):04x}" if ch != " " and unicodedata.category(ch) in escaped else ch
        for ch in line
    )


def show(record: dict[str, Any]) -> str:
    """A human-readable listing of one document's attributions, for review."""
    text = record["text"]

    def piece(span: list[int] | None) -> str:
        return "-" if span is None else repr(text[span[0] : span[1]])

    lines = [f"== {record['id']}: {record['note']}"]
    for n, a in enumerate(record["attributions"], start=1):
        lines.append(
            f"  {n}. {a['kind']:<8} cue={piece(a['cue'])} ({a['cue_lemma']})"
            f" speaker={piece(a['speaker'])} [{a['speaker_name']}, {a['speaker_kind']}]"
            f" to={piece(a['addressee'])} sources={a['sources']}"
        )
        lines.append(f"     content={piece(a['content'])}")
    return "\n".join(lines)


def stats(provenance: str, records: list[dict[str, Any]]) -> str:
    """A one-line summary of a built file."""
    kinds = Counter(a["kind"] for r in records for a in r["attributions"])
    total = sum(kinds.values())
    by_kind = ", ".join(f"{k} {kinds[k]}" for k in KINDS)
    return f"{provenance}.jsonl: {len(records)} documents, {total} attributions ({by_kind})"


def main(argv: list[str] | None = None) -> int:
    """Build or check every provenance file; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="fail if a .jsonl differs from its markup"
    )
    parser.add_argument("--stats", action="store_true", help="print counts per file")
    parser.add_argument(
        "--show",
        metavar="ID",
        action="append",
        default=[],
        help="print the spans of document ID (repeatable; 'all' for every document)",
    )
    args = parser.parse_args(argv)
    status = 0
    built: dict[str, str] = {}
    for provenance in PROVENANCES:
        try:
            records, problems = build_file(provenance)
        except MarkupError as error:
            print(f"error: {error}", file=sys.stderr)
            status = 1
            continue
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        if problems:
            status = 1
            continue
        built[provenance] = "".join(dump(r) + "\n" for r in records)
        for record in records:
            if "all" in args.show or record["id"] in args.show:
                print(show(record))
        if args.stats or not args.check:
            print(stats(provenance, records))
    if status:
        print("markup has errors; nothing written", file=sys.stderr)
        return status
    for provenance, content in built.items():
        target = PACKAGE_DATA / f"{provenance}.jsonl"
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if args.check:
            if current != content:
                print(
                    f"stale: {target.name} differs from {provenance}.txt; run build.py",
                    file=sys.stderr,
                )
                status = 1
        elif current != content:
            target.write_text(content, encoding="utf-8", newline="\n")
            print(f"wrote {target.relative_to(HERE.parents[1])}")
    return status


if __name__ == "__main__":
    sys.exit(main())
