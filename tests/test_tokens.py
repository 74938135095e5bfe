"""The tokeniser and the one-pass word index, checked against their definitions on any text."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from quoteattr.lexicons import Lexicon
from quoteattr.tokens import tokenize
from quoteattr.word_index import WordIndex

# Letters, digits, the underscore, punctuation, quotation marks and every kind
# of space: the characters whose tokens differ.
_PIECES = st.sampled_from(
    ["قال", "الوزير", "3", "٣", "a", "_", ".", "،", "«", "»", ":", " ", "  ", "\n", "\t", "\u00a0"]
)
_TEXTS = st.lists(_PIECES, max_size=30).map("".join) | st.text(max_size=60)


@given(_TEXTS)
@example("قال_الوزير: «نعم»")
@example("snake_case و camel")
def test_tokens_are_maximal_runs_of_letters_and_single_marks(text: str) -> None:
    tokens = tokenize(text)
    assert len(tokens.words) == len(tokens.starts) == len(tokens.ends)
    for word, start, end in zip(tokens.words, tokens.starts, tokens.ends, strict=True):
        assert text[start:end] == word
        if word.isalnum():
            # a word runs as far as the letters and digits go
            assert start == 0 or not text[start - 1].isalnum()
            assert end == len(text) or not text[end].isalnum()
        else:
            assert len(word) == 1
            assert word == "\n" or not word.isspace()
    # every character is in a token, or is a space other than a newline
    covered = {
        i for start, end in zip(tokens.starts, tokens.ends, strict=True) for i in range(start, end)
    }
    assert all(i in covered or (c.isspace() and c != "\n") for i, c in enumerate(text))


@given(
    st.lists(st.sampled_from(["قال", "سالم", "الوزير", "في", ".", "\n", "،", "بحسب"]), max_size=20)
)
def test_the_word_index_finds_what_each_class_holds(words: list[str]) -> None:
    lexicon = Lexicon.default()
    tokens = tokenize(" ".join(words))
    index = WordIndex.of(tokens, lexicon)
    found = tokens.words
    assert index.cue_heads == [i for i, w in enumerate(found) if w in lexicon.cue_heads]
    assert index.name_heads == [i for i, w in enumerate(found) if w in lexicon.name_heads]
    assert index.first_names == [i for i, w in enumerate(found) if w in lexicon.first_names]
    assert index.sentence_marks == [i for i, w in enumerate(found) if w in ".؟?!\n"]


@given(
    st.lists(
        st.sampled_from(["قال", "3", ".", "5", "أ", "ف", "ب", "؟", "!", "\n", " ", "،"]),
        max_size=25,
    ).map("".join)
)
@example("ارتفع 3.5 بالمئة. وقال أ.ف.ب.")
def test_sentence_numbers_count_the_tokens_that_end_a_sentence(text: str) -> None:
    from quoteattr.pipeline import read_document

    document = read_document(text)
    ends = [i for i in range(len(document.words)) if document.tokens.ends_sentence(i)]
    assert document.sentence_of.ends == ends


@given(
    _TEXTS,
    st.sets(
        st.sampled_from(
            ["قال", "الوزير", "3", "_", "a", ".", "ال", "", "٣", "«", ":", " ", "\n", "نعم"]
        )
    ),
)
@example("والوزير الوزير_الوزير قال3 قال", {"الوزير", "قال"})
def test_words_found_by_searching_the_text_are_the_tokens_in_the_set(
    text: str, wanted: set[str]
) -> None:
    from quoteattr.context import _indices_in

    tokens = tokenize(text)
    assert _indices_in(tokens, wanted) == [i for i, w in enumerate(tokens.words) if w in wanted]


@given(_TEXTS, st.sampled_from(["وزير", "ال", "3", "a"]))
@example("الوزير ووزير والوزير الوزيرة فالوزير", "وزير")
def test_words_found_by_their_common_end_are_the_tokens_in_the_set(text: str, end: str) -> None:
    from quoteattr.context import _indices_ending_in

    tokens = tokenize(text)
    wanted = {end, "ال" + end, "وال" + end}
    found = _indices_ending_in(tokens, end, wanted)
    assert found == [i for i, w in enumerate(tokens.words) if w in wanted]
