"""The public values' hand-written constructors do what attrs' generated ones would."""

from __future__ import annotations

import inspect

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quoteattr import cues, quotes
from quoteattr.model import Attribution, Cue, Kind, Source, Span, Speaker, SpeakerKind
from quoteattr.tokens import tokenize


@pytest.mark.parametrize(
    "cls",
    [Span, Cue, Speaker, Attribution, cues.Cue, quotes.Quote],
    ids=lambda c: c.__module__ + c.__name__,
)
def test_the_constructor_takes_every_field_with_its_default(cls: type) -> None:
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = attrs.fields(cls)
    assert [p.name for p in parameters] == [f.name for f in fields]
    for parameter, field in zip(parameters, fields, strict=True):
        expected = inspect.Parameter.empty if field.default is attrs.NOTHING else field.default
        assert parameter.default == expected


def test_the_constructors_set_every_field() -> None:
    text = "وقال الوزير: «سنواصل العمل»"
    content, cue_span, name = Span.of(text, 14, 26), Span.of(text, 0, 4), Span.of(text, 5, 11)
    cue = Cue(cue_span, "قال")
    speaker = Speaker(name, "الوزير", SpeakerKind.PERSON, None)
    source = Source("Reuters", name)
    found = Attribution(content, Kind.DIRECT, cue, speaker, [source], cue_span, 0.5, "verb")
    assert attrs.asdict(content, recurse=False) == {"start": 14, "end": 26, "text": text[14:26]}
    assert attrs.asdict(cue, recurse=False) == {"span": cue_span, "lemma": "قال"}
    assert attrs.asdict(speaker, recurse=False) == {
        "span": name,
        "name": "الوزير",
        "kind": SpeakerKind.PERSON,
        "gender": None,
    }
    assert attrs.asdict(found, recurse=False) == {
        "content": content,
        "kind": Kind.DIRECT,
        "cue": cue,
        "speaker": speaker,
        "sources": (source,),  # converted to a tuple, as the field's converter does
        "addressee": cue_span,
        "confidence": 0.5,
        "rule": "verb",
    }
    attrs.validate(found)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        found.rule = "other"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((-1, 0, ""), "Span.start must be >= 0, got -1"),
        ((0, -1, ""), "Span.end must be >= 0, got -1"),
        ((3, 1, ""), r"Span.end \(1\) must be >= Span.start \(3\)"),
        ((0, 3, "ab"), "Span.text has 2 characters but end - start is 3"),
    ],
)
def test_a_span_checks_its_offsets(args: tuple[int, int, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Span(*args)


@pytest.mark.parametrize("confidence", [-0.1, 1.5])
def test_an_attribution_checks_its_confidence(confidence: float) -> None:
    with pytest.raises(ValueError, match=r"confidence must be within \[0, 1\]"):
        Attribution(Span(0, 0, ""), Kind.DIRECT, confidence=confidence)


@given(st.text(max_size=20), st.data())
def test_an_unchecked_span_is_the_checked_one(text: str, data: st.DataObject) -> None:
    from quoteattr.model import unchecked_span

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    fast, checked = unchecked_span(start, end, text[start:end]), Span.of(text, start, end)
    assert fast == checked
    assert (repr(fast), hash(fast), fast.to_dict()) == (
        repr(checked),
        hash(checked),
        checked.to_dict(),
    )


def test_a_cue_candidate_has_every_field_it_was_given() -> None:
    verb = cues.find_cues(tokenize("قال"))[0].verb
    phrase = cues.find_cues(tokenize("بحسب"))[0].phrase
    found = (cues.Cue(3, 1, verb=verb), cues.Cue(4, 2, None, phrase), cues.Cue(5, 1))
    assert [attrs.asdict(c, recurse=False) for c in found] == [
        {"index": 3, "length": 1, "verb": verb, "phrase": None},
        {"index": 4, "length": 2, "verb": None, "phrase": phrase},
        {"index": 5, "length": 1, "verb": None, "phrase": None},
    ]
    assert found[0] == cues.Cue(3, 1, verb)
    assert found[0] != cues.Cue(3, 1)


def test_a_quote_has_every_field_it_was_given() -> None:
    found = quotes.Quote(1, None, 2, 9, "curly", 3, 2)
    assert attrs.asdict(found) == {
        "open": 1,
        "close": None,
        "start": 2,
        "end": 9,
        "family": "curly",
        "words": 3,
        "paragraphs": 2,
    }
    assert quotes.Quote(1, 5, 2, 5, "straight") == quotes.Quote(1, 5, 2, 5, "straight", 0, 1)
