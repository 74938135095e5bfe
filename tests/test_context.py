"""Context's lookups, checked against their definitions on any text."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from quoteattr.context import Context
from quoteattr.pipeline import read_document

_WORDS = st.sampled_from(
    ["وقال", "قائلا", "الوزير", "بحسب", "تصريح", "اكد", "ان", "الحل", ".", "\n", "،", "؟", "3.5"]
)


def _walked_back(document: Context, index: int) -> object:
    """The definition: walk back token by token to the sentence start."""
    sentence = document.sentence_of[index]
    for j in range(index - 1, -1, -1):
        if document.sentence_of[j] != sentence:
            return None
        found = document.cue_at.get(j)
        if found is not None and found.verb is not None and found.verb.tense != "noun":
            return found
    return None


@given(st.lists(_WORDS, min_size=1, max_size=25))
@example(["وقال", "الوزير", ".", "قائلا", "ان"])
@example(["بحسب", "تصريح", "وقال", "قائلا"])
def test_the_speech_verb_before_a_token_is_the_one_a_walk_back_finds(words: list[str]) -> None:
    document = read_document(" ".join(words))
    for index in range(len(document.words)):
        assert document.speech_verb_before(index) is _walked_back(document, index)
