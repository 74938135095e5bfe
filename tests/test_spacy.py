"""The spaCy component gives what quoteattr.extract gives, as spans on the Doc.

Runs on the seed article and on real articles of the shared corpus
(``../shared/corpus``, skipped when absent). spaCy comes with the test extra;
no trained pipeline is needed, only ``spacy.blank("ar")``.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import quoteattr

spacy = pytest.importorskip("spacy", reason="needs spaCy: pip install -e '.[test]'")

from quoteattr.spacy import make_quoteattr  # noqa: E402  (after the importorskip)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_2d0d44ca72966377.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "saudinewsnet-2015-07-22_25.jsonl.gz"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def corpus_texts(count: int) -> list[str]:
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in itertools.islice(lines, count)]


def pipeline(**config: object) -> spacy.language.Language:
    nlp = spacy.blank("ar")
    nlp.add_pipe("quoteattr", config=config)
    return nlp


def token_bounds(doc: spacy.tokens.Doc) -> tuple[set[int], set[int]]:
    """Character offsets where the Doc's tokens start, and where they end."""
    return {t.idx for t in doc}, {t.idx + len(t.text) for t in doc}


def check_doc(doc: spacy.tokens.Doc, text: str) -> None:
    """The Doc carries extract(text), each content as the smallest run of whole tokens around it."""
    expected = quoteattr.extract(text)
    assert doc.text == text
    assert doc._.attributions == expected
    spans = list(doc.spans["quoteattr"])
    assert len(spans) == len(expected)
    for span, attribution in zip(spans, expected, strict=True):
        content = attribution.content
        assert span.label_ == attribution.kind.value.upper()
        assert span.start_char <= content.start < span[0].idx + len(span[0].text)
        assert span[-1].idx < content.end <= span.end_char
        assert span._.attribution == attribution
        assert text[content.start : content.end] == content.text  # exact offsets kept


def test_the_seed_gets_every_attribution_as_a_span() -> None:
    text = seed_text()
    doc = pipeline()(text)
    assert len(doc._.attributions) > 5
    check_doc(doc, text)


def test_expanding_widens_only_the_spans_that_cut_a_token() -> None:
    text = seed_text()
    doc = pipeline()(text)
    starts, ends = token_bounds(doc)
    widened = 0
    for span, attribution in zip(doc.spans["quoteattr"], doc._.attributions, strict=True):
        aligned = attribution.content.start in starts and attribution.content.end in ends
        exact = (span.start_char, span.end_char) == (
            attribution.content.start,
            attribution.content.end,
        )
        assert exact == aligned
        widened += not aligned
    assert widened, "the seed has contents that cut spaCy tokens (“بمبادرة…)"


def test_strict_alignment_leaves_out_the_spans_that_cut_a_token() -> None:
    text = seed_text()
    doc = pipeline(alignment_mode="strict")(text)
    starts, ends = token_bounds(doc)
    aligned = [
        (a.content.start, a.content.end)
        for a in doc._.attributions
        if a.content.start in starts and a.content.end in ends
    ]
    assert [(s.start_char, s.end_char) for s in doc.spans["quoteattr"]] == aligned
    assert len(aligned) < len(doc._.attributions)
    assert doc._.attributions == quoteattr.extract(text)  # every attribution is still there


def test_contracted_spans_lie_inside_their_content() -> None:
    doc = pipeline(alignment_mode="contract")(seed_text())
    assert len(doc.spans["quoteattr"]) > 0
    for span in doc.spans["quoteattr"]:
        attribution = span._.attribution
        assert attribution is not None
        assert attribution.content.start <= span.start_char
        assert span.end_char <= attribution.content.end


def test_min_confidence_leaves_out_the_less_sure_attributions() -> None:
    text = seed_text()
    everything = quoteattr.extract(text)
    sure = [a for a in everything if a.confidence >= 0.9]
    assert 0 < len(sure) < len(everything), "the seed has attributions on both sides of 0.9"
    doc = pipeline(min_confidence=0.9)(text)
    assert doc._.attributions == sure
    assert [s._.attribution for s in doc.spans["quoteattr"]] == sure


def test_extra_outlets_and_spans_key_from_the_config() -> None:
    text = "وقال الوزير إن الأمر انتهى، بحسب الوسط نيوز."
    nlp = pipeline(extra_outlets={"Al-Wasat": ["الوسط نيوز"]}, spans_key="quotes")
    doc = nlp(text)
    assert [s.name for a in doc._.attributions for s in a.sources] == ["Al-Wasat"]
    assert "quoteattr" not in doc.spans
    assert [s._.attribution for s in doc.spans["quotes"]] == doc._.attributions


def test_bad_configuration_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="alignment_mode must be one of expand, contract, strict"):
        pipeline(alignment_mode="nearest")
    with pytest.raises(ValueError, match=r"min_confidence must be within \[0, 1\]"):
        pipeline(min_confidence=2.0)


def test_a_span_from_elsewhere_has_no_attribution() -> None:
    doc = pipeline()("أكد المتحدث أن الحوار مستمر.")
    assert doc[0:1]._.attribution is None


def test_texts_without_attributions_and_empty_texts() -> None:
    nlp = pipeline()
    for text in ("", "   ", "الطقس معتدل اليوم في الرياض."):
        doc = nlp(text)
        assert doc._.attributions == []
        assert list(doc.spans["quoteattr"]) == []


def test_pipe_with_two_processes_gives_what_one_gives() -> None:
    paragraphs = [line for line in seed_text().splitlines() if line.strip()]
    nlp = pipeline()
    alone = [doc._.attributions for doc in nlp.pipe(paragraphs)]
    shared = list(nlp.pipe(paragraphs, n_process=2, batch_size=4))
    assert [doc._.attributions for doc in shared] == alone
    assert sum(map(len, alone)) > 5
    for doc, text in zip(shared, paragraphs, strict=True):
        check_doc(doc, text)


def test_the_pipeline_saves_and_loads_with_its_configuration(tmp_path: Path) -> None:
    nlp = pipeline(extra_outlets={"Al-Wasat": ["الوسط نيوز"]}, min_confidence=0.5)
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    text = "وقال الوزير إن الأمر انتهى، بحسب الوسط نيوز."
    assert loaded(text)._.attributions == nlp(text)._.attributions
    assert loaded.get_pipe("quoteattr").min_confidence == 0.5


def declared_factories() -> dict[str, str]:
    """The ``spacy_factories`` entry points pyproject.toml declares."""
    tomllib = pytest.importorskip("tomllib", reason="Python 3.11 or later reads pyproject.toml")
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared: dict[str, str] = pyproject["project"]["entry-points"]["spacy_factories"]
    return declared


def test_the_factory_is_the_one_the_entry_point_names() -> None:
    declared = declared_factories()
    module, _, function = declared["quoteattr"].partition(":")
    assert (module, function) == (make_quoteattr.__module__, make_quoteattr.__name__)


def run_python(script: str, *path: Path) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ)
    environment["PYTHONPATH"] = os.pathsep.join(str(p) for p in (*path, ROOT / "src"))
    return subprocess.run(
        [sys.executable, "-c", script],
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_add_pipe_needs_no_import_through_the_declared_entry_point(tmp_path: Path) -> None:
    # A distribution carrying exactly pyproject's entry points, as pip would install them.
    declared = declared_factories()
    info = tmp_path / "quoteattr_entry_points-0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: quoteattr-entry-points\nVersion: 0\n", encoding="utf-8"
    )
    lines = "".join(f"{name} = {target}\n" for name, target in declared.items())
    (info / "entry_points.txt").write_text("[spacy_factories]\n" + lines, encoding="utf-8")
    script = (
        "import spacy\n"  # and no import of quoteattr
        "nlp = spacy.blank('ar')\n"
        "nlp.add_pipe('quoteattr')\n"
        "doc = nlp('قالت الوزارة إن المدارس ستفتح غدا.')\n"
        "print([a.speaker.name for a in doc._.attributions])\n"
    )
    done = run_python(script, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "['الوزارة']"


def test_importing_quoteattr_does_not_import_spacy() -> None:
    done = run_python("import sys, quoteattr\nprint('spacy' in sys.modules)")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "False"


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.exists(), reason="the shared news corpus is not on this machine")
def test_real_articles_match_extract() -> None:
    texts = corpus_texts(300)
    nlp = pipeline()
    found = 0
    for doc, text in zip(nlp.pipe(texts, batch_size=50), texts, strict=True):
        check_doc(doc, text)
        found += len(doc._.attributions)
    assert found > len(texts)  # most articles quote someone
