"""The views, on attributions built by hand: HTML, terminal listing, tables, JSON and brat."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from quoteattr.batch import DocumentResult
from quoteattr.brat import load_brat_folder
from quoteattr.model import Attribution, Cue, Kind, Source, Span, Speaker, SpeakerKind
from quoteattr.views import (
    TABLE_COLUMNS,
    attribution_rows,
    brat_name,
    json_record,
    render_html,
    render_html_documents,
    render_text,
    shape,
    terminal_safe,
    visual,
    write_brat,
    write_json,
    write_jsonl,
    write_table,
)

# A made-up article: a mixed quote holding an inner quote, a speaker inside
# another attribution's content, and an outlet inside a speaker span.
TEXT = (
    "قال وزير الخارجية: «إن المفاوضات ستستأنف» وفق وكالة سبوتنيك.\n"
    "وأضاف أن المتحدث باسم الوكالة قال «الأمر انتهى» للصحفيين"
)


def _span(fragment: str, start_from: int = 0) -> Span:
    start = TEXT.index(fragment, start_from)
    return Span.of(TEXT, start, start + len(fragment))


def _attributions() -> list[Attribution]:
    minister = Speaker(_span("وزير الخارجية"), "وزير الخارجية", SpeakerKind.PERSON)
    agency = Source("Sputnik", _span("سبوتنيك"))
    first = Attribution(
        content=_span("إن المفاوضات ستستأنف"),
        kind=Kind.DIRECT,
        cue=Cue(_span("قال"), "قال"),
        speaker=minister,
        sources=(agency,),
        confidence=0.9,
        rule="colon-quote",
    )
    second = Attribution(
        content=_span("المتحدث باسم الوكالة قال «الأمر انتهى» للصحفيين"),
        kind=Kind.MIXED,
        cue=Cue(_span("وأضاف"), "أضاف"),
        speaker=minister,
        rule="that-clause",
    )
    inner = Attribution(
        content=_span("الأمر انتهى"),
        kind=Kind.DIRECT,
        cue=Cue(_span("قال", 70), "قال"),
        speaker=Speaker(_span("المتحدث باسم الوكالة"), "المتحدث باسم الوكالة", SpeakerKind.PERSON),
        sources=(Source("Sputnik", _span("الوكالة")),),
        addressee=_span("للصحفيين"),
        confidence=0.75,
        rule="verb-quote",
    )
    return [first, second, inner]


class _TextOf(HTMLParser):
    """Collects the text inside ``<div class="text">`` and checks that tags balance."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.depth_of_text: int | None = None
        self.text: list[str] = []
        self.classes: set[str] = set()
        self.titles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "br"):
            return
        found = dict(attrs)
        self.stack.append(tag)
        if tag == "div" and found.get("class") == "text":
            self.depth_of_text = len(self.stack)
        if self.depth_of_text is not None and tag == "span":
            self.classes.update((found.get("class") or "").split())
            self.titles.append(found.get("title") or "")

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1]}>"
        if self.depth_of_text == len(self.stack):
            self.depth_of_text = None
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.depth_of_text is not None:
            self.text.append(data)


def _parse(page: str) -> _TextOf:
    parser = _TextOf()
    parser.feed(page)
    parser.close()
    assert parser.stack == [], f"unclosed tags: {parser.stack}"
    return parser


def test_html_page_keeps_the_text_exactly_and_marks_every_role() -> None:
    page = render_html(TEXT, _attributions(), title="خبر تجريبي")
    parsed = _parse(page)
    assert "".join(parsed.text) == TEXT
    roles = {"q-content", "q-cue", "q-speaker", "q-source", "q-addressee", "q-deep"}
    assert roles <= parsed.classes
    assert {"k-direct", "k-mixed"} <= parsed.classes


def test_html_page_is_rtl_arabic_self_contained() -> None:
    page = render_html(TEXT, _attributions())
    assert '<html lang="ar" dir="rtl">' in page
    assert '<meta charset="utf-8">' in page
    for external in ("src=", "href=", "url(", "@import", "http://", "https://"):
        assert external not in page


def test_html_tooltip_tells_speaker_outlet_kind_confidence_and_rule() -> None:
    parsed = _parse(render_html(TEXT, _attributions()))
    addressee_tips = [title for title in parsed.titles if "addressee" in title]
    assert addressee_tips
    tip = addressee_tips[0]
    for expected in ("المتحدث باسم الوكالة (person)", "Sputnik", "direct", "0.75", "verb-quote"):
        assert expected in tip


def test_html_escapes_markup_in_text_title_and_names() -> None:
    text = '<script>alert("x")</script> قال: "نعم" & <b>لا</b>'
    content = Span.of(text, text.index("نعم"), text.index("نعم") + 3)
    speaker = Speaker(Span.of(text, 0, 8), '<img src=x onerror="y">', SpeakerKind.UNKNOWN)
    page = render_html(text, [Attribution(content, Kind.DIRECT, speaker=speaker)], title="<i>t</i>")
    assert "<script>alert" not in page
    assert "<img" not in page
    assert "<i>t</i>" not in page
    assert "".join(_parse(page).text) == text


def test_html_summary_counts_speakers_and_outlets() -> None:
    page = render_html(TEXT, _attributions())
    summary = page[page.index('class="summary"') : page.index("<article")]
    # The minister is quoted twice, once through Sputnik; the spokesman once.
    assert "<td>وزير الخارجية</td><td class='ltr'>person</td><td class='num'>2</td>" in summary
    assert (
        "<td>المتحدث باسم الوكالة</td><td class='ltr'>person</td><td class='num'>1</td>" in summary
    )
    assert summary.count("Sputnik") == 2


@given(
    text=st.text(min_size=1, max_size=40),
    cuts=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6),
)
@example(text="قال: «نعم»", cuts=[(0, 10), (5, 9), (6, 8), (0, 3), (6, 6)])
def test_html_keeps_any_text_and_any_overlap_well_formed(
    text: str, cuts: list[tuple[int, int]]
) -> None:
    spans = [Span.of(text, min(a, b, len(text)), min(max(a, b), len(text))) for a, b in cuts]
    found = [
        Attribution(span, Kind.INDIRECT, speaker=Speaker(other, "س", SpeakerKind.PERSON))
        for span, other in zip(spans, reversed(spans), strict=True)
    ]
    parsed = _parse(render_html(text, found))
    # HTML parsing turns "\r\n" and "\r" into "\n"; everything else comes back as given.
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    assert "".join(parsed.text).replace("\r\n", "\n").replace("\r", "\n") == expected


def test_html_documents_page_shows_every_document_and_errors() -> None:
    results = [
        DocumentResult("one.txt", TEXT, _attributions()),
        DocumentResult(
            "broken.txt", None, error="broken.txt: not a text file (NUL character at position 3)"
        ),
        DocumentResult("empty.txt", ""),
    ]
    page = render_html_documents(results, title="ملف")
    assert page.count("<article") == 3
    assert "not a text file" in page
    assert "3 document(s)" in page
    assert "1 failed" in page


def test_text_listing_shows_speaker_cue_outlets_kind_and_content() -> None:
    listing = render_text(TEXT, _attributions(), title="news.txt", bidi="none")
    assert listing.splitlines()[0] == "== news.txt: 3 attributions"
    for expected in (
        "[1] direct  cue: قال",
        "speaker: وزير الخارجية (person)",
        "outlets: Sputnik",
        "content: إن المفاوضات ستستأنف",
        "[2] mixed",
        "addressee: للصحفيين",
        "confidence 0.75",
    ):
        assert expected in listing


def test_text_listing_logical_isolates_arabic_and_visual_needs_no_bidi() -> None:
    logical = render_text(TEXT, _attributions(), bidi="logical")
    assert "\N{FIRST STRONG ISOLATE}وزير الخارجية\N{POP DIRECTIONAL ISOLATE}" in logical
    laid = render_text(TEXT, _attributions(), bidi="visual", width=40)
    assert not set(laid) & set("\u2066\u2067\u2068\u2069\u200e\u200f")
    # Pre-laid: the last letter of "وزير" comes first, in its final form (U+FEAE is final reh).
    assert "ﺮﻳﺯﻭ" in laid
    # quoteattr wraps content itself (the terminal would wrap it back to front).
    content = [line for line in laid.splitlines() if line.startswith(("    content: ", " " * 13))]
    assert len(content) > 3
    assert all(len(line) <= 40 for line in content)


def test_text_listing_neutralises_escape_sequences() -> None:
    text = "قال \x1b[2J: نعم"
    listing = render_text(
        text, [Attribution(Span.of(text, 0, 7), Kind.DIRECT)], title="\x1b]0;x\x07"
    )
    assert "\x1b" not in listing
    assert "\x07" not in listing
    assert terminal_safe("a\tb\nc\x00") == "a\tb\nc\ufffd"


def test_text_listing_of_a_failed_document() -> None:
    assert (
        render_text(None, [], title="x.txt", error="x.txt: byte 0xc7")
        == "== x.txt: ERROR x.txt: byte 0xc7"
    )


def test_visual_layout_keeps_numbers_and_latin_left_to_right() -> None:
    assert visual("دام 1024 يوما") == "ﺎﻣﻮﻳ 1024 ﻡﺍﺩ"
    assert visual("بحسب Bloomberg News") == "Bloomberg News ﺐﺴﺤﺑ"
    assert visual("(سانا)") == "(ﺎﻧﺎﺳ)"
    assert shape("الإسلام") == "ﺍﻹﺳﻼﻡ"


def test_table_rows_one_per_attribution_and_one_per_failure() -> None:
    results = [
        DocumentResult("a.txt", TEXT, _attributions(), path="news/a.txt"),
        DocumentResult("b.txt", ""),
        DocumentResult("c.jsonl:2", None, path="c.jsonl", line=2, error="c.jsonl:2: invalid JSON"),
    ]
    rows = list(attribution_rows(results))
    assert [row["id"] for row in rows] == ["a.txt", "a.txt", "a.txt", "c.jsonl:2"]
    assert all(list(row) == list(TABLE_COLUMNS) for row in rows)
    assert rows[0]["sources"] == "Sputnik"
    assert rows[0]["content_start"] == str(TEXT.index("إن المفاوضات"))
    assert rows[3]["kind"] == rows[3]["content"] == ""
    assert rows[3]["error"] == "c.jsonl:2: invalid JSON"


def test_tsv_is_one_line_per_row_and_csv_keeps_text_exact() -> None:
    text = 'قال: "سطر أول\nسطر\tثان"'
    found = [Attribution(Span.of(text, 6, len(text) - 1), Kind.DIRECT)]
    tsv, comma = io.StringIO(), io.StringIO()
    assert write_table([DocumentResult("d", text, found)], tsv) == 1
    write_table([DocumentResult("d", text, found)], comma, delimiter=",")
    lines = tsv.getvalue().splitlines()
    assert len(lines) == 2
    assert all(line.count("\t") == len(TABLE_COLUMNS) - 1 for line in lines)
    [row] = list(csv.DictReader(io.StringIO(comma.getvalue())))
    assert row["content"] == "سطر أول\nسطر\tثان"


def test_json_records_round_trip_and_survive_lone_surrogates() -> None:
    result = DocumentResult("a", TEXT, _attributions(), path="a.txt")
    data = json.loads(json_record(result))
    assert [Attribution.from_dict(item) for item in data["attributions"]] == _attributions()
    odd = DocumentResult("\ud800", "", error="x")
    json_record(odd).encode("utf-8")
    stream = io.StringIO()
    assert len(list(write_json([result, odd], stream))) == 2
    assert [record["id"] for record in json.loads(stream.getvalue())] == ["a", "\ud800"]
    lines = io.StringIO()
    list(write_jsonl([result, odd], lines))
    assert len(lines.getvalue().splitlines()) == 2


def test_brat_files_read_back_as_the_same_spans(tmp_path: Path) -> None:
    ann = write_brat(TEXT, _attributions(), tmp_path, brat_name("news/a.txt"))
    assert ann == tmp_path / "news_a.ann"
    assert (tmp_path / "news_a.txt").read_text(encoding="utf-8") == TEXT
    conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8")
    for name in ("Content", "HasSpeaker", "HasSource", "Kind", "SpeakerKind", "<OVERLAP>"):
        assert name in conf
    [document] = load_brat_folder(tmp_path)
    read = sorted(
        (gold.content.start, gold.content.end, gold.kind) for gold in document.attributions
    )
    wanted = sorted((a.content.start, a.content.end, a.kind) for a in _attributions())
    assert read == wanted


@pytest.mark.parametrize(
    ("document_id", "name"),
    [
        ("a.txt", "a"),
        ("x/../../etc/passwd", "x_etc_passwd"),
        ("", "document"),
        (12, "12"),
        ("خبر 1", "خبر_1"),
    ],
)
def test_brat_names_are_plain_and_safe(document_id: str | int, name: str) -> None:
    assert brat_name(document_id) == name
