"""The linking rules, one family a module; :mod:`quoteattr.pipeline` lists them in order.

Every rule reads a :class:`~quoteattr.context.Context` and adds
:class:`~quoteattr.drafts.Draft` values to a :class:`~quoteattr.drafts.Linking`;
each draft's ``rule`` names the rule that made it.

>>> from quoteattr.rules import headlines, verbs
>>> verbs.TRIGGER_WINDOW
12
"""

from . import according_to, complements, continued, headlines, nouns, postposed, verbs, writer

__all__ = [
    "according_to",
    "complements",
    "continued",
    "headlines",
    "nouns",
    "postposed",
    "verbs",
    "writer",
]
