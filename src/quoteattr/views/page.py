"""A self-contained HTML page that shows articles right-to-left with every attribution highlighted.

Content, cue, speaker, addressee and outlet spans each use a different CSS
property (background, text colour, bottom border, wavy underline, dashed
frame), so spans that overlap or nest stay visible together. The text is cut
at every span boundary and each piece carries the classes of all the spans
that cover it; hovering a piece shows the canonical speaker, outlets, kind,
confidence and rule, and lights up the rest of its attribution. The page has
no external assets and works offline.

>>> from quoteattr.model import Attribution, Cue, Kind, Span
>>> text = "قال: «نعم»"
>>> cue = Cue(Span.of(text, 0, 3), "قال")
>>> page = render_html(text, [Attribution(Span.of(text, 6, 9), Kind.DIRECT, cue)])
>>> page.startswith("<!DOCTYPE html>"), 'dir="rtl"' in page, "q-cue" in page
(True, True, True)
"""

from __future__ import annotations

import html
import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence

from attrs import frozen

from quoteattr.batch import DocumentResult
from quoteattr.model import Attribution, Speaker

__all__ = ["render_html", "render_html_documents"]

_ROLES = ("content", "cue", "speaker", "addressee", "source")

_LEGEND = (
    ("q-content k-direct", "قول مباشر", "direct content"),
    ("q-content k-indirect", "قول غير مباشر", "indirect content"),
    ("q-content k-mixed", "قول مختلط", "mixed content"),
    ("q-cue", "أداة الإسناد", "cue"),
    ("q-speaker", "القائل", "speaker"),
    ("q-addressee", "المخاطَب", "addressee"),
    ("q-source", "الوسيلة الإعلامية", "outlet"),
)

_STYLE = """
:root { color-scheme: light; }
body { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", Tahoma, sans-serif;
  margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; background: #fcfcfa;
  line-height: 2.1; font-size: 1.15rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; } h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
.ltr { direction: ltr; unicode-bidi: isolate; }
.meta { color: #555; font-size: .9rem; margin: 0; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; padding: .6rem 1rem; margin: 1rem 0;
  border: 1px solid #ddd; border-radius: .4rem; background: #fff; font-size: .95rem; }
.legend span.en { color: #666; font-size: .8rem; }
.text { white-space: pre-wrap; background: #fff; border: 1px solid #ddd; border-radius: .4rem;
  padding: 1rem 1.4rem; }
.q { border-radius: .15rem; }
.q-content.k-direct { background: #ffe98a; }
.q-content.k-indirect { background: #cdeecb; }
.q-content.k-mixed { background: #ffd2a8; }
.q-deep { background-image: linear-gradient(rgba(120, 80, 0, .18), rgba(120, 80, 0, .18)); }
.q-cue { color: #c0182a; font-weight: bold; }
.q-speaker { color: #1747a6; border-bottom: 3px solid #1747a6; }
.q-addressee { text-decoration: underline wavy #0f8a8a; text-decoration-thickness: 2px; }
.q-source { outline: 2px dashed #7b2cbf; outline-offset: 1px; }
.q.lit { box-shadow: 0 0 0 2px #222; }
[data-n]::before { content: attr(data-n); font: bold .7rem sans-serif; color: #fff;
  background: #555; border-radius: .6rem; padding: 0 .35rem; margin-inline-end: .2rem;
  vertical-align: super; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .95rem;
  line-height: 1.5; }
th, td { border: 1px solid #ddd; padding: .3rem .5rem; text-align: start; vertical-align: top; }
th { background: #f0f0ec; }
td.num { text-align: center; }
.error { color: #a00; border: 1px solid #a00; padding: .5rem 1rem; border-radius: .4rem; }
details { margin: .6rem 0 1.6rem; } summary { cursor: pointer; color: #333; }
"""

_SCRIPT = """
document.querySelectorAll(".q").forEach(function (piece) {
  function light(on) {
    var doc = piece.closest("article");
    piece.dataset.a.split(" ").forEach(function (n) {
      doc.querySelectorAll('.q[data-a~="' + n + '"]').forEach(function (other) {
        other.classList.toggle("lit", on);
      });
    });
  }
  piece.addEventListener("mouseenter", function () { light(true); });
  piece.addEventListener("mouseleave", function () { light(false); });
});
"""


@frozen
class _Mark:
    start: int
    end: int
    role: str
    number: int  # 1-based position of the attribution in the document's list
    kind: str


def render_html(text: str, attributions: Sequence[Attribution], *, title: str | None = None) -> str:
    """Return a whole HTML page showing ``text`` with its attributions highlighted.

    Offsets are those of ``text`` exactly as given to the extractor.

    >>> from quoteattr.model import Attribution, Kind, Span
    >>> text = "أكد المتحدث أن <الاتفاق> قريب"
    >>> page = render_html(text, [Attribution(Span.of(text, 15, 29), Kind.INDIRECT)], title="خبر")
    >>> "<title>خبر</title>" in page, "&lt;الاتفاق&gt;" in page
    (True, True)
    """
    result = DocumentResult(title or "", text, attributions)
    heading = title or "quoteattr"
    body = [
        _header(heading, [result]),
        _legend(),
        _summary([result]),
        _article(result, 0, heading=None),
    ]
    return _page(heading, body)


def render_html_documents(results: Iterable[DocumentResult], *, title: str | None = None) -> str:
    """Return one HTML page for many documents: legend, who was quoted, then each article.

    A document that failed shows its error in place of its text.

    >>> from quoteattr.batch import DocumentResult
    >>> results = [DocumentResult("a", "نعم"), DocumentResult("b", None, error="bad")]
    >>> page = render_html_documents(results)
    >>> page.count("<article"), 'class="error' in page
    (2, True)
    """
    collected = list(results)
    heading = title or "quoteattr"
    body = [_header(heading, collected), _legend(), _summary(collected)]
    body.extend(
        _article(result, index, heading=str(result.id)) for index, result in enumerate(collected)
    )
    return _page(heading, body)


def _page(title: str, body: list[str]) -> str:
    return html_page(title, body, style=_STYLE, script=_SCRIPT)


def html_page(title: str, body: list[str], *, style: str, script: str | None = None) -> str:
    """Wrap body lines in a self-contained right-to-left HTML page with its style and script.

    >>> page = html_page("تقرير", ["<p>نص</p>"], style="p {}")
    >>> page.startswith("<!DOCTYPE html>"), '<html lang="ar" dir="rtl">' in page, "<script>" in page
    (True, True, False)
    """
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="ar" dir="rtl">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="quoteattr">',
            f"<title>{_escape(title)}</title>",
            f"<style>{style}</style>",
            "</head>",
            "<body>",
            *body,
            *([f"<script>{script}</script>"] if script is not None else []),
            "</body>",
            "</html>",
            "",
        ]
    )


def _header(title: str, results: Sequence[DocumentResult]) -> str:
    found = sum(len(result.attributions) for result in results)
    failed = sum(result.failed for result in results)
    parts = [f"{len(results)} document(s)"] if len(results) > 1 else []
    parts.append(f"{found} attribution(s)")
    if failed:
        parts.append(f"{failed} failed")
    meta = " · ".join(parts)
    return (
        f'<header><h1 dir="auto">{_escape(title)}</h1>'
        f'<p class="meta ltr">{meta} — quoteattr</p></header>'
    )


def _legend() -> str:
    items = "".join(
        f'<span><span class="q {css}">{arabic}</span> <span class="en">{english}</span></span>'
        for css, arabic, english in _LEGEND
    )
    return f'<section class="legend" aria-label="legend">{items}</section>'


def _kind_label(speaker: Speaker | None) -> str:
    """The speaker's kind, with its gender when it has one: "person, female"."""
    if speaker is None:
        return ""
    if speaker.gender is None:
        return speaker.kind.value
    return f"{speaker.kind.value}, {speaker.gender.value}"


def _summary(results: Sequence[DocumentResult]) -> str:
    counts: Counter[str] = Counter()
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    speaker_kinds: dict[str, str] = {}
    outlets: dict[str, Counter[str]] = defaultdict(Counter)
    for result in results:
        for attribution in result.attributions:
            speaker = attribution.speaker
            name = speaker.name if speaker is not None else "—"
            counts[name] += 1
            kinds[name][attribution.kind.value] += 1
            speaker_kinds.setdefault(name, _kind_label(speaker))
            outlets[name].update(source.name for source in attribution.sources)
    if not counts:
        return (
            '<section class="summary">'
            '<p class="meta">لم يُعثر على أي إسناد · no attributions found</p></section>'
        )
    rows = []
    for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        cited = ", ".join(
            f"{_escape(outlet)} ×{n}" if n > 1 else _escape(outlet)
            for outlet, n in sorted(outlets[name].items(), key=lambda item: (-item[1], item[0]))
        )
        rows.append(
            f"<tr><td>{_escape(name)}</td><td class='ltr'>{speaker_kinds[name]}</td>"
            f"<td class='num'>{count}</td>"
            + "".join(
                f"<td class='num'>{kinds[name][kind] or ''}</td>"
                for kind in ("direct", "indirect", "mixed")
            )
            + f"<td class='ltr'>{cited}</td></tr>"
        )
    head = (
        "<tr><th>القائل · speaker</th><th>النوع · type</th><th>المرات · times</th>"
        "<th>مباشر · direct</th><th>غير مباشر · indirect</th><th>مختلط · mixed</th>"
        "<th>عبر · outlets</th></tr>"
    )
    return (
        '<section class="summary"><h2>من قال وكم مرة · who was quoted</h2>'
        f"<table>{head}{''.join(rows)}</table></section>"
    )


def _article(result: DocumentResult, index: int, *, heading: str | None) -> str:
    parts = [f'<article id="doc-{index}">']
    if heading is not None:
        parts.append(f'<h2 dir="auto">{_escape(heading)}</h2>')
    if result.text is None or result.error is not None:
        parts.append(f'<p class="error ltr">{_escape(result.error or "no text")}</p>')
    if result.text is not None:
        parts.append(f'<div class="text">{_highlight(result.text, result.attributions)}</div>')
        parts.append(_listing(result.attributions))
    parts.append("</article>")
    return "\n".join(parts)


def _listing(attributions: Sequence[Attribution]) -> str:
    if not attributions:
        return ""
    rows = []
    for number, attribution in enumerate(attributions, start=1):
        speaker = attribution.speaker
        content = attribution.content.text
        if len(content) > 300:
            content = content[:300] + "…"
        rows.append(
            f"<tr><td class='num'>{number}</td><td class='ltr'>{attribution.kind.value}</td>"
            f"<td>{_escape(speaker.name) if speaker is not None else '—'}</td>"
            f"<td>{_escape(attribution.cue.span.text) if attribution.cue is not None else '—'}</td>"
            f"<td class='ltr'>{_escape(', '.join(s.name for s in attribution.sources))}</td>"
            f"<td>{_escape(content)}</td>"
            f"<td class='ltr'>{attribution.confidence:.2f} {_escape(attribution.rule)}</td></tr>"
        )
    head = (
        "<tr><th>#</th><th>kind</th><th>القائل · speaker</th><th>الأداة · cue</th>"
        "<th>outlets</th><th>المحتوى · content</th><th>confidence · rule</th></tr>"
    )
    return (
        f"<details><summary>الإسنادات · <bdi>{len(attributions)} attribution(s)</bdi></summary>"
        f"<table>{head}{''.join(rows)}</table></details>"
    )


def _marks(attributions: Sequence[Attribution]) -> list[_Mark]:
    marks: list[_Mark] = []
    for number, attribution in enumerate(attributions, start=1):
        kind = attribution.kind.value
        roles = [("content", attribution.content)]
        if attribution.cue is not None:
            roles.append(("cue", attribution.cue.span))
        if attribution.speaker is not None:
            roles.append(("speaker", attribution.speaker.span))
        if attribution.addressee is not None:
            roles.append(("addressee", attribution.addressee))
        roles.extend(("source", source.span) for source in attribution.sources)
        marks.extend(
            _Mark(span.start, span.end, role, number, kind)
            for role, span in roles
            if span.end > span.start
        )
    return marks


def _pieces(text: str, marks: list[_Mark]) -> Iterator[tuple[int, int, list[_Mark]]]:
    """Cut ``text`` at every mark boundary and yield each piece with the marks covering it."""
    starting: dict[int, list[_Mark]] = defaultdict(list)
    ending: dict[int, list[_Mark]] = defaultdict(list)
    for mark in marks:
        starting[min(mark.start, len(text))].append(mark)
        ending[min(mark.end, len(text))].append(mark)
    cuts = sorted({0, len(text), *starting, *ending})
    active: list[_Mark] = []
    for start, end in itertools.pairwise(cuts):
        active = [mark for mark in active if mark not in ending[start]] + starting[start]
        yield start, end, active


def _highlight(text: str, attributions: Sequence[Attribution]) -> str:
    marks = _marks(attributions)
    out = []
    numbered: set[int] = set()
    for start, end, active in _pieces(text, marks):
        piece = _escape(text[start:end])
        if not active:
            out.append(piece)
            continue
        classes = ["q"]
        contents = [mark for mark in active if mark.role == "content"]
        classes.extend(sorted({f"k-{mark.kind}" for mark in contents}))
        classes.extend(f"q-{role}" for role in _ROLES if any(mark.role == role for mark in active))
        if len(contents) > 1:
            classes.append("q-deep")
        numbers = sorted({mark.number for mark in active})
        badge = ""
        for mark in contents:
            if mark.start == start and mark.number not in numbered:
                numbered.add(mark.number)
                badge = f' data-n="{mark.number}"'
        tip = _escape(_tooltip(active, attributions))
        out.append(
            f'<span class="{" ".join(classes)}" data-a="{" ".join(map(str, numbers))}"{badge} '
            f'title="{tip}">{piece}</span>'
        )
    return "".join(out)


def _tooltip(active: list[_Mark], attributions: Sequence[Attribution]) -> str:
    roles_by_number: dict[int, list[str]] = defaultdict(list)
    for mark in active:
        if mark.role not in roles_by_number[mark.number]:
            roles_by_number[mark.number].append(mark.role)
    lines = []
    for number in sorted(roles_by_number):
        attribution = attributions[number - 1]
        speaker = attribution.speaker
        who = f"{speaker.name} ({_kind_label(speaker)})" if speaker is not None else "—"
        outlets = ", ".join(source.name for source in attribution.sources) or "—"
        lines.append(
            f"#{number} {'+'.join(roles_by_number[number])} · speaker: {who} · outlets: {outlets}"
            f" · {attribution.kind.value} · confidence {attribution.confidence:.2f}"
            f" · rule: {attribution.rule or '—'}"
        )
    return "\n".join(lines)


def _escape(value: str) -> str:
    return html.escape(value, quote=True)
