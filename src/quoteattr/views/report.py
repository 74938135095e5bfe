"""A corpus report for people and programs: a text table, JSON, and an HTML page with charts.

Each function renders one :class:`~quoteattr.corpus_report.CorpusReport`.
The text table puts the Arabic (names, cue verbs) in the last column of each
row, so that numbers line up whatever the terminal does with right-to-left
text, and isolates it (``bidi="logical"``) or lays it out itself
(``bidi="visual"``) like :func:`~quoteattr.views.render_text`. The HTML page
is self-contained and right-to-left, with horizontal bar charts of the
most-quoted speakers, the outlets cited and the women's share per publisher.

>>> from quoteattr.corpus_report import report
>>> found = report(["قالت الوزيرة هالة منصور إن الخطة جاهزة."])
>>> print(render_report_text(found).splitlines()[0])
1 document, 1 attribution (0 without a speaker), 1 speaker
>>> 'class="fill g-female"' in render_report_html(found)
True
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence

from quoteattr.corpus_report import CorpusReport, Count, WomenShare
from quoteattr.views.bidi import isolate, terminal_safe, visual
from quoteattr.views.listing import BidiMode
from quoteattr.views.page import html_page

__all__ = ["render_report_html", "render_report_json", "render_report_text"]


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{share:.1%}"


def _counted(counts: Sequence[Count], limit: int = 4) -> str:
    shown = [f"{c.name} ×{c.count}" if c.count > 1 else c.name for c in counts[:limit]]
    if len(counts) > limit:
        shown.append(f"+{len(counts) - limit}")
    return ", ".join(shown)


def _headline(found: CorpusReport) -> str:
    parts = [
        _plural(found.documents, "document"),
        _plural(found.attributions, "attribution")
        + f" ({found.without_speaker:,} without a speaker)",
        _plural(found.people, "speaker"),
    ]
    if found.failed:
        parts.append(f"{found.failed:,} failed")
    return ", ".join(parts)


def _share_cells(share: WomenShare) -> str:
    statements = f"{share.women_attributions:,}/{share.gendered_attributions:,}"
    people = f"{share.women:,}/{share.gendered_people:,}"
    return (
        f"{_percent(share.by_attribution):>7} {statements:>13}"
        f"  {_percent(share.by_person):>7} {people:>11}"
    )


def render_report_text(found: CorpusReport, *, bidi: BidiMode = "logical") -> str:
    """Return the report as text tables for a terminal.

    >>> from quoteattr.corpus_report import report
    >>> text = render_report_text(report(["قال الوزير سالم أحمد إن الحل قريب، بحسب رويترز."]))
    >>> "Reuters" in text and "most-quoted speakers" in text
    True
    """

    def arabic(value: str) -> str:
        value = terminal_safe(" ".join(value.split()))
        return visual(value) if bidi == "visual" else isolate(value)

    lines = [_headline(found), ""]
    lines.append("women among quoted people whose gender the text marks")
    lines.append(f"  {'':<24}{'by statement':>21}  {'by person':>19}")
    lines.append(f"  {'all documents':<24}{_share_cells(found.women)}")
    for share in found.women_by_publisher:
        lines.append(f"  {'':<24}{_share_cells(share)}  {arabic(share.publisher or '')}")
    lines.append("")
    lines.append("most-quoted speakers")
    lines.append(
        f"  {'#':>3} {'quoted':>6} {'docs':>5} {'direct':>6} {'indir.':>6} {'mixed':>6}"
        f"  {'kind':<12} {'gender':<7} speaker · outlets"
    )
    for number, speaker in enumerate(found.speakers, start=1):
        gender = "-" if speaker.gender is None else speaker.gender.value
        by_kind = speaker.by_kind
        outlets = f" · {arabic(_counted(speaker.outlets))}" if speaker.outlets else ""
        lines.append(
            f"  {number:>3} {speaker.attributions:>6} {speaker.documents:>5}"
            f" {by_kind['direct']:>6} {by_kind['indirect']:>6} {by_kind['mixed']:>6}"
            f"  {speaker.kind.value:<12} {gender:<7} {arabic(speaker.name)}{outlets}"
        )
    lines.append("")
    lines.append("outlets cited")
    lines.append(f"  {'#':>3} {'cited':>6}  outlet · cited by")
    for number, outlet in enumerate(found.outlets, start=1):
        lines.append(
            f"  {number:>3} {outlet.citations:>6}  {arabic(outlet.name)}"
            f" · {arabic(_counted(outlet.publishers))}"
        )
    lines.append("")
    lines.append("cue verbs")
    lines.append(f"  {'#':>3} {'count':>6}  lemma")
    for number, cue in enumerate(found.cues, start=1):
        lines.append(f"  {number:>3} {cue.count:>6}  {arabic(cue.name)}")
    unattributed = found.without_speaker / found.attributions if found.attributions else None
    lines.append("")
    lines.append(
        f"attributions without a speaker: {found.without_speaker:,} ({_percent(unattributed)})"
    )
    return "\n".join(lines)


def render_report_json(found: CorpusReport) -> str:
    """Return the report as one JSON document, Arabic kept readable.

    >>> from quoteattr.corpus_report import report
    >>> json.loads(render_report_json(report([])))["documents"]
    0
    """
    return json.dumps(found.to_dict(), ensure_ascii=False, indent=1)


_STYLE = """
:root { color-scheme: light; }
body { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans", Tahoma, sans-serif;
  margin: 2rem auto; max-width: 64rem; padding: 0 1rem; color: #1b1b1b; background: #fcfcfa;
  line-height: 1.6; }
h1 { font-size: 1.5rem; margin: 0 0 .3rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; }
.meta { color: #555; font-size: .9rem; margin: 0; }
.ltr { direction: ltr; unicode-bidi: isolate; }
.chart { display: grid; grid-template-columns: minmax(8rem, 16rem) 1fr 5.5rem; gap: .3rem .8rem;
  align-items: center; background: #fff; border: 1px solid #ddd; border-radius: .4rem;
  padding: .8rem 1rem; }
.label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.track { height: 1.1rem; background: #eef0ea; border-radius: .2rem; position: relative; }
.fill { display: block; height: 100%; border-radius: .2rem; }
.g-female { background: #b0357a; } .g-male { background: #2d6e8e; } .g-none { background: #8a8a80; }
.o-outlet { background: #7b2cbf; } .c-cue { background: #c0182a; }
.half { position: absolute; top: -.2rem; bottom: -.2rem; inset-inline-start: 50%;
  border-inline-start: 2px dashed #444; }
.n { font-variant-numeric: tabular-nums; direction: ltr; text-align: end; }
.key { display: flex; gap: 1.2rem; font-size: .9rem; margin: .4rem 0; }
.key span::before { content: ""; display: inline-block; width: .9rem; height: .9rem;
  margin-inline-end: .3rem; vertical-align: middle; border-radius: .15rem; }
.key .k-female::before { background: #b0357a; } .key .k-male::before { background: #2d6e8e; }
.key .k-none::before { background: #8a8a80; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .92rem; }
th, td { border: 1px solid #ddd; padding: .25rem .5rem; text-align: start; vertical-align: top; }
th { background: #f0f0ec; } td.num { text-align: center; font-variant-numeric: tabular-nums; }
.big { font-size: 2rem; font-weight: bold; color: #b0357a; }
"""


def _escape(value: str) -> str:
    return html.escape(value, quote=True)


def _bar(
    label: str,
    value: float,
    largest: float,
    shown: str,
    css: str,
    note: str = "",
    *,
    parity: bool = False,
) -> str:
    """One row of a bar chart: label, bar (``value`` of ``largest``) and the figure shown."""
    width = 0.0 if largest <= 0 else max(0.0, min(100.0, 100 * value / largest))
    title = f' title="{_escape(note)}"' if note else ""
    half = '<span class="half"></span>' if parity else ""
    return (
        f'<div class="label" dir="auto"{title}>{_escape(label)}</div>'
        f'<div class="track">{half}<span class="fill {css}" style="width:{width:.1f}%"></span>'
        f'</div><div class="n">{_escape(shown)}</div>'
    )


def _speakers_section(found: CorpusReport, limit: int) -> list[str]:
    shown = found.speakers[:limit]
    largest = max((s.attributions for s in shown), default=0)
    bars = [
        _bar(
            s.name,
            s.attributions,
            largest,
            f"{s.attributions:,}",
            f"g-{'none' if s.gender is None else s.gender.value}",
            f"{s.kind.value}; {_counted(s.outlets)}",
        )
        for s in shown
    ]
    rows = []
    for number, s in enumerate(found.speakers, start=1):
        gender = "—" if s.gender is None else s.gender.value
        rows.append(
            f"<tr><td class='num'>{number}</td><td dir='auto'>{_escape(s.name)}</td>"
            f"<td class='ltr'>{s.kind.value}</td><td class='ltr'>{gender}</td>"
            f"<td class='num'>{s.attributions}</td><td class='num'>{s.documents}</td>"
            + "".join(f"<td class='num'>{s.by_kind[k] or ''}</td>" for k in s.by_kind)
            + f"<td class='ltr'>{_escape(_counted(s.outlets, 6))}</td></tr>"
        )
    return [
        '<section id="speakers"><h2>الأكثر اقتباسا · most-quoted speakers</h2>',
        '<div class="key"><span class="k-female">female</span><span class="k-male">male</span>'
        '<span class="k-none">no gender (bodies, groups, unmarked)</span></div>',
        f'<div class="chart">{"".join(bars)}</div>' if bars else "<p>—</p>",
        "<details><summary>table</summary><table><tr><th>#</th><th>القائل · speaker</th>"
        "<th>kind</th><th>gender</th><th>quoted</th><th>documents</th><th>direct</th>"
        "<th>indirect</th><th>mixed</th><th>outlets</th></tr>",
        *rows,
        "</table></details></section>",
    ]


def _outlets_section(found: CorpusReport, limit: int) -> list[str]:
    shown = found.outlets[:limit]
    largest = max((o.citations for o in shown), default=0)
    bars = [
        _bar(o.name, o.citations, largest, f"{o.citations:,}", "o-outlet", _counted(o.publishers))
        for o in shown
    ]
    rows = [
        f"<tr><td dir='auto'>{_escape(o.name)}</td><td class='num'>{o.citations}</td>"
        f"<td dir='auto'>{_escape(_counted(o.publishers, 12))}</td></tr>"
        for o in found.outlets
    ]
    return [
        '<section id="outlets"><h2>الوسائل المنقول عنها · outlets cited</h2>',
        f'<div class="chart">{"".join(bars)}</div>' if bars else "<p>—</p>",
        "<details><summary>cited by</summary><table><tr><th>outlet</th><th>citations</th>"
        "<th>publishers citing it</th></tr>",
        *rows,
        "</table></details></section>",
    ]


def _women_section(found: CorpusReport) -> list[str]:
    overall = found.women
    bars = []
    for share in (overall, *found.women_by_publisher):
        label = share.publisher or "all documents"
        statements = (share.women_attributions, share.gendered_attributions)
        people = (share.women, share.gendered_people)
        for what, value, (women, of) in (
            ("statements", share.by_attribution, statements),
            ("people", share.by_person, people),
        ):
            note = f"{women:,} of {of:,}"
            bars.append(
                _bar(
                    f"{label} · {what}",
                    value or 0.0,
                    1.0,
                    _percent(value),
                    "g-female",
                    note,
                    parity=True,
                )
            )
    return [
        '<section id="women"><h2>نسبة النساء · women among quoted people</h2>',
        f'<p class="ltr" dir="ltr"><span class="big">{_percent(overall.by_attribution)}</span>'
        " of statements and "
        f'<span class="big">{_percent(overall.by_person)}</span> of people quoted, among those '
        "whose gender the text marks (the dashed line is parity).</p>",
        f'<div class="chart">{"".join(bars)}</div>',
        "</section>",
    ]


def _cues_section(found: CorpusReport, limit: int) -> list[str]:
    shown = found.cues[:limit]
    largest = max((c.count for c in shown), default=0)
    bars = [_bar(c.name, c.count, largest, f"{c.count:,}", "c-cue") for c in shown]
    return [
        '<section id="cues"><h2>أفعال القول · cue verbs</h2>',
        f'<div class="chart">{"".join(bars)}</div>' if bars else "<p>—</p>",
        "</section>",
    ]


def render_report_html(found: CorpusReport, *, title: str | None = None, bars: int = 20) -> str:
    """Return the report as one self-contained right-to-left page with bar charts.

    ``bars`` caps how many speakers, outlets and cue verbs the charts show.

    >>> from quoteattr.corpus_report import report
    >>> page = render_report_html(report(["قال الوزير سالم أحمد إن الحل قريب."]), title="أرشيف")
    >>> page.startswith("<!DOCTYPE html>"), 'dir="rtl"' in page, "سالم أحمد" in page
    (True, True, True)
    """
    heading = title or "من يُقتبس؟ · who is quoted"
    share = found.without_speaker / found.attributions if found.attributions else None
    body = [
        f'<header><h1 dir="auto">{_escape(heading)}</h1>'
        f'<p class="meta ltr">{_escape(_headline(found))} — quoteattr</p></header>',
        *_women_section(found),
        *_speakers_section(found, bars),
        *_outlets_section(found, bars),
        *_cues_section(found, bars),
        '<section id="unattributed"><h2>بلا قائل · without a speaker</h2>'
        f'<p class="ltr">{found.without_speaker:,} of {found.attributions:,} attributions '
        f"({_percent(share)}) name no speaker.</p></section>",
    ]
    return html_page(heading, body, style=_STYLE)
