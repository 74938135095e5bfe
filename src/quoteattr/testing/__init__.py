"""Test helpers for projects built on quoteattr: a pytest plugin and hypothesis strategies.

- :mod:`quoteattr.testing.plugin` is registered with pytest when quoteattr
  is installed and provides the fixtures ``quoteattr_golden``,
  ``quoteattr_extract``, ``quoteattr_evaluate`` and ``quoteattr_document``.
- :mod:`quoteattr.testing.strategies` builds Arabic news paragraphs with
  known attributions, and decorates text with harakat, tatweel and bidi
  marks; it needs ``hypothesis``.

Nothing is imported here, so ``import quoteattr.testing`` needs neither
pytest nor hypothesis. The strategies build documents whose attributions
are known by construction:

>>> from hypothesis import find, settings
>>> from quoteattr.testing.strategies import Layout, attributed_sentences
>>> sentence = find(attributed_sentences(layouts=[Layout.ACCORDING_TO_FIRST]),
...                 lambda doc: doc.text.startswith("وبحسب"), settings=settings(database=None))
>>> sentence.attributions[0].cue.text
'وبحسب'
"""
