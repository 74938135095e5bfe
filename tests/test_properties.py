"""Invariants that hold for every input, checked with hypothesis.

- every span of every result slices the input exactly;
- no exception on any ``str`` (lone surrogates, bidi controls, NUL, long runs);
- harakat, tatweel and bidi marks change nothing that is found;
- a paragraph appended after the text changes nothing found before it;
- results are deterministic and ``to_dict()`` round-trips through JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import quoteattr
from quoteattr import Attribution
from quoteattr.normalize import DELETED, fold, normalize
from quoteattr.quotes import QUOTE_MARKS, find_quotes

# News-like building blocks written for these tests: cues, speakers, outlets,
# quote marks and ordinary words, so generated texts exercise every stage.
_WORDS = [
    "وقال",
    "قالت",
    "وأضاف",
    "مشيرا",
    "إلى",
    "أن",
    "إن",
    "بأن",
    "أكد",
    "أكدت",
    "يقول",
    "تقول",
    "قائلا",
    "وأوضح",
    "لافتا",
    "دعا",
    "أعلنت",
    "وفقا",
    "لوكالة",
    "بحسب",
    "نقلا",
    "عن",
    "مصادر",
    "مطلعة",
    "الوزير",
    "وزير",
    "الخارجية",
    "المتحدث",
    "باسم",
    "الحكومة",
    "وزارة",
    "الصحة",
    "رويترز",
    "فرانس",
    "برس",
    "واس",
    "صحيفة",
    "وكالة",
    "أحمد",
    "سالم",
    "ماريا",
    "الكرملين",
    "الاتفاق",
    "سيوقع",
    "غدا",
    "المفاوضات",
    "مستمرة",
    "في",
    "على",
    "من",
    "الذي",
    "بين",
    "الطرفين",
    "العاصمة",
    "الرياض",
    "اليوم",
    "أمس",
    "الأسبوع",
    "المقبل",
    "حملة",
    "برنامج",
    "الناتو",
]
_MARKS = [
    "«",
    "»",
    "“",
    "”",
    '"',
    "'",
    "„",
    "‟",
    "&quot;",
    ":",
    "،",
    ".",
    "؟",
    "!",
    "(",
    ")",
    "-",
    "\n",
    "\n\n",
]
_INVISIBLE = [
    "\u200f",
    "\u200e",
    "\u061c",
    "\u200d",
    "\u200c",
    "\ufeff",
    "\u202b",
    "\u202c",
    "\u2067",
    "\u2069",
]


def _joined(parts: list[str]) -> str:
    return " ".join(parts)


news_texts = st.lists(st.sampled_from(_WORDS + _MARKS), min_size=0, max_size=80).map(_joined)
any_texts = st.text(
    alphabet=st.one_of(
        st.characters(codec=None, categories=None),  # everything, lone surrogates included
        st.sampled_from([*_INVISIBLE, "\x00", "\r", "\n", "\xa0", "ـ", "َ", "«", "»", "”", '"']),
    ),
    max_size=300,
)
long_runs = st.builds(
    lambda ch, n, around: around[0] + ch * n + around[1],
    st.sampled_from(
        ["«", "”", '"', "\n", " ", "\u064e", "\u0640", "\u200f", "قال ", "أن ", "\x00", "\ud800"]
    ),
    st.integers(min_value=1, max_value=5_000),
    st.tuples(news_texts, news_texts),
)


_SEED = (Path(__file__).resolve().parent.parent / "seeds" / "000_2d0d44ca72966377.txt").read_text(
    encoding="utf-8"
)
# The shapes of benchmarks/bench_hostile.py: marks opened and never closed, hundreds of
# short quotes without a full stop, unmatched marks of every family, an article repeated.
_HOSTILE_UNITS = ["«", "قال: «نعم» ", '«قال “أكد "أضاف ”ذكر »أشار „بين ‟ ', _SEED + "\n\n"]
long_hostile = st.builds(
    lambda unit, size, around: around[0] + (unit * (size // len(unit) + 1))[:size] + around[1],
    st.sampled_from(_HOSTILE_UNITS),
    st.integers(min_value=5_000, max_value=40_000),
    st.tuples(news_texts, news_texts),
)


def _check_spans(text: str, found: list[Attribution]) -> None:
    for attribution in found:
        for span in attribution.spans():
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text


@settings(max_examples=300)
@given(st.one_of(news_texts, any_texts, long_runs))
@example("وقال: «")
@example("”")
@example("قال\u200f الوزير\u064e إن\u0640 \ud800 «نعم»")
@example("&quot;نعم&quot; قال الوزير")
@example("« وقال » وفقا مصادر")  # a one-word quote at the very start once raised IndexError
def test_spans_slice_the_input_and_nothing_raises(text: str) -> None:
    _check_spans(text, quoteattr.extract(text))


@settings(max_examples=8)
@given(long_hostile)
@example("«" * 30_000)
@example("قال: «نعم» " * 3_000)
@example('«قال “أكد "أضاف ”ذكر »أشار „بين ‟ ' * 600)
def test_long_hostile_inputs_slice_and_never_raise(text: str) -> None:
    found = quoteattr.extract(text)
    _check_spans(text, found)
    # A mark never closed ends where the next one of its family opens: contents
    # do not each run to the end of the page.
    assert sum(len(a.content.text) for a in found) <= 4 * len(text)


def _signature(found: list[Attribution]) -> list[tuple[Any, ...]]:
    """What was found, independent of offsets and of marks that normalisation removes."""
    return [
        (
            a.kind,
            fold(a.content.text),
            a.cue.lemma if a.cue else None,
            fold(a.cue.span.text) if a.cue else None,
            fold(a.speaker.name) if a.speaker else None,
            a.speaker.kind if a.speaker else None,
            tuple(s.name for s in a.sources),
            a.rule,
        )
        for a in found
    ]


_DECORATIONS = [
    "\u064e",
    "\u064f",
    "\u0650",
    "\u0651",
    "\u0652",
    "\u064b",
    "\u0640",
    "\u200f",
    "\u200e",
]


@st.composite
def decorated_pairs(draw: st.DrawFn) -> tuple[str, str]:
    text = draw(news_texts)
    out = []
    for ch in text:
        out.append(ch)
        if "\u0621" <= ch <= "\u064a" and draw(st.integers(0, 3)) == 0:
            out.append(draw(st.sampled_from(_DECORATIONS)))
    return text, "".join(out)


@settings(max_examples=200)
@given(decorated_pairs())
@example(("وقال الوزير إن المفاوضات مستمرة", "وقالَ الوزيـرُ إنّ المفاوضات مستمرة\u200f"))
def test_harakat_tatweel_and_bidi_marks_change_nothing(pair: tuple[str, str]) -> None:
    plain, decorated = pair
    found = quoteattr.extract(decorated)
    _check_spans(decorated, found)
    assert _signature(found) == _signature(quoteattr.extract(plain))


_PARAGRAPH_WORDS = [w for w in _WORDS if w not in ("أحمد", "ماريا", "سالم")]
appended_paragraphs = st.lists(
    st.sampled_from([*_PARAGRAPH_WORDS, ":", "،", ".", "«", "»"]), max_size=40
).map(_joined)


@settings(max_examples=200)
@given(news_texts, appended_paragraphs)
@example("وقال الوزير: «المفاوضات مستمرة»", "وأضاف أن الاتفاق سيوقع غدا.")
@example("وقال وفقا الوزير ماريا", "وقال وفقا الوزير")  # a later cue once changed the gender
def test_an_appended_paragraph_changes_nothing_before_it(text: str, paragraph: str) -> None:
    """A later paragraph may not change what was found in the text before it.

    Two conventions are forward-looking by design and are kept out of the
    generated paragraphs: a quote still open at the end of the text is carried
    on by a next paragraph that reopens or closes it (the long-quote
    convention), and a full name given later completes a bare surname (so the
    paragraphs use no given names). A headline's speaker (``وزير المالية: …``
    at a line start) takes its canonical name from the article body below it,
    so for headlines the name is left out of the comparison.
    """
    text = text.rstrip()
    quotes = find_quotes(normalize(text).text)
    if quotes and not quotes[-1].closed:
        paragraph = "".join(ch for ch in paragraph if ch not in QUOTE_MARKS)
    before = quoteattr.extract(text)
    after = quoteattr.extract(text + "\n" + paragraph)
    earlier = [_comparable(a) for a in after if a.content.end <= len(text)]
    assert earlier == [_comparable(a) for a in before if a.content.end <= len(text)]


def _comparable(attribution: Attribution) -> dict[str, Any]:
    data = attribution.to_dict()
    if attribution.rule == "headline" and data["speaker"] is not None:
        data["speaker"]["name"] = None
    return data


@settings(max_examples=100)
@given(news_texts)
def test_deterministic_and_json_round_trip(text: str) -> None:
    first = quoteattr.extract(text)
    assert quoteattr.extract(text) == first
    for attribution in first:
        data = attribution.to_dict()
        assert json.loads(json.dumps(data, ensure_ascii=False)) == data
        assert Attribution.from_dict(json.loads(json.dumps(data))) == attribution


@pytest.mark.parametrize("bad", [b"\xd9\x82", None, 42, ["قال"]])
def test_misuse_raises_a_clear_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="needs a str"):
        quoteattr.extract(bad)  # type: ignore[arg-type]


def _folding_alphabet() -> str:
    from quoteattr.normalize import _ONE_TO_ONE

    return "".join(_ONE_TO_ONE) + "".join(_ONE_TO_ONE.values()) + "قال «»\n&;"


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(_folding_alphabet())) | st.text())
@example("أكد الوزير \u0661\u0662 وإن\u00a0ABC\r\n")
def test_folding_is_str_translate_of_the_one_to_one_table(text: str) -> None:
    from quoteattr.normalize import _ONE_TO_ONE, _fold_characters

    assert _fold_characters(text) == text.translate(str.maketrans(_ONE_TO_ONE))


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(_folding_alphabet() + "".join(sorted(DELETED)))))
@example("أَكَّدَ الوزير\u0640\u0640 \u0661\u0662 AB\u200fC")
def test_normalising_is_deleting_runs_then_folding(text: str) -> None:
    """The one-pass split gives the map and text of its definition: delete the runs, then fold."""
    import re
    from itertools import accumulate

    from quoteattr.normalize import _ONE_TO_ONE, DELETED_RUNS

    text = text.replace("&", "").replace("\r", "")  # entities and "\r\n" have their own branch
    parts = re.split(f"({DELETED_RUNS.pattern})", text)
    found = normalize(text)
    assert found.text == "".join(parts[0::2]).translate(str.maketrans(_ONE_TO_ONE))
    assert found.starts == (0, *accumulate(map(len, parts[0:-1:2])))
    assert found.shifts == (0, *accumulate(map(len, parts[1::2])))


@settings(max_examples=300)
@given(
    st.text(alphabet=st.sampled_from("قال الوزير «سارة»\n&quot;\r" + "".join(sorted(DELETED)))),
    st.data(),
)
@example("سارة العَلي\u200f", None)
def test_a_name_as_long_as_normalised_has_no_mark_to_drop(
    text: str, data: st.DataObject | None
) -> None:
    """pipeline._clean skips its scan for marks where the span kept its length: none are there."""
    from quoteattr.pipeline import _clean

    normalized = normalize(text)
    start, end = 0, len(normalized.text)
    if data is not None:
        start = data.draw(st.integers(0, end))
        end = data.draw(st.integers(start, end))
    first, last = normalized.original_span(start, end)
    if last - first == end - start:
        assert _clean(text[first:last], marked=False) == _clean(text[first:last])


@settings(max_examples=300)
@given(
    st.text(alphabet=st.sampled_from("قال الوزير «سارة» AB\n&quot;\r" + "".join(sorted(DELETED)))),
    st.data(),
)
@example("قال", None)
def test_a_span_of_a_text_with_nothing_deleted_is_the_mapped_span(
    text: str, data: st.DataObject | None
) -> None:
    """pipeline._span skips the map where normalising deleted nothing; the map agrees."""
    from quoteattr.model import Span
    from quoteattr.pipeline import _span

    normalized = normalize(text)
    start, end = 0, len(normalized.text)
    if data is not None:
        start = data.draw(st.integers(0, end))
        end = data.draw(st.integers(0, end))
    first, last = normalized.original_span(start, end)
    assert _span(normalized, start, end) == Span.of(text, first, last)
