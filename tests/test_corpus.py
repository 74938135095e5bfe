"""The gold JSON Lines format: typed reading and writing, errors that say where, built-in data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from attrs import evolve
from hypothesis import given, settings

from quoteattr import corpus
from quoteattr.corpus import CorpusError, Document, GoldAttribution, dump, dumps, load, loads
from quoteattr.model import Attribution, Cue, Gender, Kind, Source, Span, Speaker, SpeakerKind
from quoteattr.testing.strategies import paragraphs

TEXT = "وقالت وزيرة الصحة ليلى حداد لوكالة رويترز: «الوضع مستقر»."


def full_attribution() -> GoldAttribution:
    return GoldAttribution(
        content=Span.of(TEXT, TEXT.index("الوضع"), TEXT.index("»")),
        kind=Kind.DIRECT,
        cue=Span.of(TEXT, 0, 5),
        cue_lemma="قال",
        speaker=Span.of(TEXT, 6, 27),
        speaker_name="ليلى حداد",
        speaker_kind=SpeakerKind.PERSON,
        addressee=Span.of(TEXT, 29, 41),
        sources=["Reuters"],
        speaker_gender=Gender.FEMALE,
    )


def line(**changes: object) -> str:
    """One gold line with a valid attribution, then ``changes`` applied to that attribution."""
    attribution = full_attribution().to_json()
    attribution.update(changes)
    for key in [key for key, value in changes.items() if value is _DROP]:
        del attribution[key]
    return json.dumps({"id": "d1", "text": TEXT, "attributions": [attribution]}, ensure_ascii=False)


_DROP = object()


def test_a_full_attribution_survives_a_round_trip() -> None:
    document = Document("d1", TEXT, [full_attribution()], meta={"note": "all fields"})
    assert loads(dumps([document])) == [document]


def test_the_written_line_is_the_documented_format() -> None:
    written = json.loads(dumps([Document("d1", TEXT, [full_attribution()])]))
    assert written["attributions"][0] == {
        "content": [44, 55],
        "kind": "direct",
        "cue": [0, 5],
        "cue_lemma": "قال",
        "speaker": [6, 27],
        "speaker_name": "ليلى حداد",
        "speaker_kind": "person",
        "speaker_gender": "female",
        "addressee": [29, 41],
        "sources": ["Reuters"],
    }


def test_files_keep_arabic_readable_and_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    documents = [
        Document("d1", TEXT, [full_attribution()]),
        Document("d2", "لا شيء", meta={"x": 1}),
    ]
    dump(documents, path)
    assert "الوضع" in path.read_text(encoding="utf-8")
    assert load(path) == documents


def test_optional_keys_may_be_missing() -> None:
    [document] = loads(
        '{"id": "d1", "text": "قال: نعم", '
        '"attributions": [{"content": [5, 8], "kind": "indirect"}]}'
    )
    gold = document.attributions[0]
    assert (gold.cue, gold.speaker, gold.speaker_kind, gold.addressee, gold.sources) == (
        None,
        None,
        None,
        None,
        (),
    )


def test_blank_lines_are_skipped_but_counted() -> None:
    bad = '{"id": "d2", "text": "x", "attributions": 3}'
    with pytest.raises(CorpusError) as caught:
        loads(f"{line()}\n\n{bad}\n", source="gold.jsonl")
    assert (caught.value.line, caught.value.document) == (3, "d2")


@pytest.mark.parametrize(
    ("bad_line", "field", "words"),
    [
        pytest.param("{not json", None, "not valid JSON", id="invalid-json"),
        pytest.param("[1, 2]", None, "expected a JSON object, got an array", id="not-an-object"),
        pytest.param('{"text": "x", "attributions": []}', "id", "non-empty string", id="no-id"),
        pytest.param(
            '{"id": "d1", "text": 5, "attributions": []}',
            "text",
            "the number 5",
            id="text-not-string",
        ),
        pytest.param(
            '{"id": "d1", "text": "x"}',
            "attributions",
            "must be a list, got null",
            id="no-attributions",
        ),
        pytest.param(
            line(content=_DROP), "attributions[0]", "content is required", id="no-content"
        ),
        pytest.param(
            line(content=[44, 500]),
            "attributions[0].content",
            "past the end of the text (57",
            id="content-past-end",
        ),
        pytest.param(
            line(speaker=[10, 6]),
            "attributions[0].speaker",
            "end 6 is before start 10",
            id="end-before-start",
        ),
        pytest.param(
            line(cue=[-1, 3]), "attributions[0].cue", "start -1 is negative", id="negative-start"
        ),
        pytest.param(
            line(cue=[1, 2, 3]), "attributions[0].cue", "two integers", id="three-offsets"
        ),
        pytest.param(
            line(cue=[True, 2]), "attributions[0].cue", "two integers", id="boolean-offset"
        ),
        pytest.param(
            line(addressee="29:41"),
            "attributions[0].addressee",
            "two integers",
            id="offsets-as-string",
        ),
        pytest.param(
            line(kind="quote"),
            "attributions[0].kind",
            "'direct', 'indirect', 'mixed'",
            id="unknown-kind",
        ),
        pytest.param(line(kind=_DROP), "attributions[0].kind", "got None", id="missing-kind"),
        pytest.param(
            line(speaker_kind="human"),
            "attributions[0].speaker_kind",
            "'person'",
            id="unknown-speaker-kind",
        ),
        pytest.param(
            line(speaker_name=7),
            "attributions[0].speaker_name",
            "a string or null",
            id="name-not-string",
        ),
        pytest.param(
            line(sources="Reuters"),
            "attributions[0].sources",
            "a list of outlet names",
            id="sources-not-list",
        ),
        pytest.param(
            line(sources=["Reuters", " "]),
            "attributions[0].sources[1]",
            "non-empty outlet name",
            id="blank-source",
        ),
        pytest.param(
            line(speakr=[6, 27]), "attributions[0]", "unknown key 'speakr'", id="unknown-key"
        ),
    ],
)
def test_errors_name_the_file_line_document_and_field(
    bad_line: str, field: str | None, words: str
) -> None:
    with pytest.raises(CorpusError) as caught:
        loads(f"{line()}\n{bad_line}".replace('"id": "d1"', '"id": "d0"', 1), source="gold.jsonl")
    error = caught.value
    assert (error.source, error.line, error.field) == ("gold.jsonl", 2, field)
    assert words in error.problem
    assert str(error).startswith("gold.jsonl:2: ")
    if field not in (None, "id"):
        assert error.document == "d1"
        assert f"document 'd1': {field}: " in str(error)


def test_duplicate_ids_name_both_lines() -> None:
    with pytest.raises(
        CorpusError, match=r"x.jsonl:3: document 'd1': id: id already used on line 1"
    ):
        loads(f"{line()}\n\n{line()}", source="x.jsonl")


def test_a_corpus_error_is_a_value_error() -> None:
    assert issubclass(CorpusError, ValueError)


def test_a_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_text("\N{ZERO WIDTH NO-BREAK SPACE}" + line() + "\n", encoding="utf-8")
    assert [doc.id for doc in load(path)] == ["d1"]


def test_load_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.jsonl"
    path.write_text(line(kind="quote") + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=rf"^{path}:1: document 'd1': attributions\[0\]\.kind: "):
        load(path)


def test_documents_refuse_spans_of_another_text() -> None:
    with pytest.raises(ValueError, match="not a slice of the text"):
        Document("d1", "نص آخر تماما", [full_attribution()])


def test_source_spans_pair_with_sources() -> None:
    with pytest.raises(ValueError, match="one span"):
        GoldAttribution(
            Span.of(TEXT, 0, 5), Kind.DIRECT, sources=["Reuters"], source_spans=[None, None]
        )


def test_source_spans_do_not_count_in_equality() -> None:
    plain = full_attribution()
    assert evolve(plain, source_spans=[Span.of(TEXT, 35, 41)]) == plain


def test_predictions_convert_with_every_field() -> None:
    reuters = Span.of(TEXT, 35, 41)
    found = Attribution(
        content=Span.of(TEXT, 44, 55),
        kind=Kind.DIRECT,
        cue=Cue(Span.of(TEXT, 0, 5), "قال"),
        speaker=Speaker(Span.of(TEXT, 6, 27), "ليلى حداد", SpeakerKind.PERSON, Gender.FEMALE),
        sources=[Source("Reuters", reuters)],
        addressee=Span.of(TEXT, 29, 41),
    )
    document = Document.from_predictions("d1", TEXT, [found])
    assert document.attributions == (full_attribution(),)
    assert document.attributions[0].source_spans == (reuters,)


@settings(max_examples=40, deadline=None)
@given(paragraphs())
def test_generated_documents_round_trip(document: Document) -> None:
    assert loads(dumps([document])) == [document]


# The built-in corpus -------------------------------------------------------


def make_collections(folder: Path) -> None:
    folder.mkdir()
    dump([Document("syn-1", TEXT, [full_attribution()])], folder / "synthetic.jsonl")
    dump([Document("neg-1", "لا شيء هنا"), Document("neg-2", "ولا هنا")], folder / "negative.jsonl")
    (folder / "README.md").write_text("not a collection", encoding="utf-8")


def test_builtin_loads_every_collection_in_name_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_collections(tmp_path / "golden")
    monkeypatch.setattr(corpus, "_golden_folder", lambda: tmp_path / "golden")
    assert corpus.builtin_names() == ["negative", "synthetic"]
    assert [doc.id for doc in corpus.builtin()] == ["neg-1", "neg-2", "syn-1"]
    assert [doc.id for doc in corpus.builtin("synthetic")] == ["syn-1"]
    with pytest.raises(ValueError, match="available: negative, synthetic"):
        corpus.builtin("seed")


def test_builtin_without_a_golden_folder_is_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(corpus, "_golden_folder", lambda: tmp_path / "missing")
    assert corpus.builtin_names() == []
    assert corpus.builtin() == []


def test_builtin_reads_the_packaged_folder() -> None:
    folder = Path(corpus.__file__).parent / "golden"
    assert corpus._golden_folder() == folder
    if not corpus.builtin_names():
        pytest.skip("no built-in gold collection is shipped yet")
    assert sum(len(load(path)) for path in folder.glob("*.jsonl")) == len(corpus.builtin())


# The JSON Schema -------------------------------------------------------------


def test_the_schema_agrees_with_the_loader() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(corpus.schema())
    validator.check_schema(corpus.schema())
    good = json.loads(line())
    good["note"] = "extra document keys are allowed"
    assert list(validator.iter_errors(good)) == []
    for bad in (line(kind="quote"), line(content=_DROP), line(speakr=[6, 27]), line(cue=[1])):
        assert list(validator.iter_errors(json.loads(bad))), bad
        with pytest.raises(CorpusError):
            loads(bad)


def test_the_shipped_corpus_follows_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not corpus.builtin_names():
        pytest.skip("no built-in gold collection is shipped yet")
    validator = jsonschema.Draft202012Validator(corpus.schema())
    for path in corpus._golden_folder().glob("*.jsonl"):
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if text.strip():
                errors = [error.message for error in validator.iter_errors(json.loads(text))]
                assert errors == [], f"{path.name}:{number}"
