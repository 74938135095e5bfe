"""Read speaker mentions: titled names, organisations, outlets and anonymous sources.

Mentions are read only where a cue asks for one (after a verb, before it,
after وفقا لـ…), so this package offers readers rather than a document-wide
scan; the one document-wide pass, :func:`find_names`, collects the given
names that let a later bare surname (بيسكوف، ماكرون) be recognised as a person.
One module a kind: :mod:`~quoteattr.mentions.titled` (titles and their complements),
:mod:`~quoteattr.mentions.names` (personal names),
:mod:`~quoteattr.mentions.organizations`, :mod:`~quoteattr.mentions.outlets`,
:mod:`~quoteattr.mentions.anonymous`; :mod:`~quoteattr.mentions.reader` tries
them in turn.

>>> from quoteattr.normalize import normalize
>>> from quoteattr.tokens import tokenize
>>> tokens = tokenize(normalize("قال المتحدث باسم الكرملين دميتري بيسكوف إن").text)
>>> m = MentionReader(tokens).read(1)
>>> m.kind, tokens.text[m.char_start(tokens):m.char_end(tokens)]
('person', 'المتحدث باسم الكرملين دميتري بيسكوف')
"""

from .anonymous import anonymity_clause_end
from .mention import Mention
from .names import find_names
from .reader import MentionReader
from .words import NAME_CONNECTORS, OUTLET_TYPE_NOUNS, TIME_WORDS, head_noun

__all__ = [
    "NAME_CONNECTORS",
    "OUTLET_TYPE_NOUNS",
    "TIME_WORDS",
    "Mention",
    "MentionReader",
    "anonymity_clause_end",
    "find_names",
    "head_noun",
]
