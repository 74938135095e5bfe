"""Sphinx configuration for the quoteattr documentation.

Build it (offline, strict) with::

    python -m sphinx -n -W --keep-going -b html docs docs/_build/html
    python -m sphinx -n -W --keep-going -b doctest docs docs/_build/doctest

The local extensions in ``_ext/`` generate what must not drift from the code:
the lexicon tables (from the TSV files), the command-line reference (from the
argparse parser), the known failures (from the gold file) and the seed
article's attributions (by running quoteattr).
"""

from __future__ import annotations

import doctest
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
try:
    import quoteattr
except ImportError:  # a checkout without `pip install -e .`
    sys.path.insert(0, str(HERE.parent / "src"))
    import quoteattr

project = "quoteattr"
author = "The quoteattr developers"
copyright = "the quoteattr developers, GPL-3.0-or-later"
release = version = quoteattr.__version__
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    # Local, in _ext/:
    "arabic",
    "apidoc",
    "cli_reference",
    "corpus_pages",
    "lexicon_tables",
    "spacy_pages",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_measured", "Thumbs.db", ".DS_Store"]
nitpicky = True
# Curly quotes and ellipses, but no dashes: "--format" in the generated
# command-line reference must stay two hyphens.
smartquotes_action = "qe"

# MyST: ::: fences for directives with Markdown inside, definition lists,
# field lists, and anchors for headings so pages can link to sections.
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

# HTML: furo, with the Arabic styles of _ext/arabic.py.
html_theme = "furo"
html_title = f"quoteattr {release}"
html_static_path = ["_static"]
html_last_updated_fmt = None
html_theme_options = {"navigation_with_keys": True}

# autodoc: signatures with types, members in source order, __all__ respected.
autodoc_default_options = {"member-order": "bysource"}
autodoc_typehints = "signature"
autodoc_inherit_docstrings = False
python_use_unqualified_type_names = True
add_module_names = False

# No intersphinx: the build must work offline. Types from the standard library
# and third-party packages therefore cannot link, and -n must not fail on them.
nitpick_ignore_regex = [
    (
        r"py:.*",
        r"(collections\.abc|typing|typing_extensions|pathlib|argparse|enum|os|io|re|json|codecs)\..*",
    ),
    (
        r"py:.*",
        r"(attrs|attr|regex|pytest|_pytest|hypothesis|pyarabic|docutils|sphinx|spacy|pandas)(\..*)?",
    ),
    (r"py:class", r"(Doc|Language|Literal)"),  # spaCy's types, as the spaCy component names them
    (
        r"py:.*",
        r"(Path|TextIO|BinaryIO|Mapping|Iterable|Iterator|Sequence|Callable|Any|TypeVar|Generic|V|E|T)",
    ),
    (r"py:.*", r"(st\.|_pytest\.).*"),
    (r"py:class", r"quoteattr\.lexicons\.V"),  # PhraseTable's type variable
]

# doctest: every example on the pages and in the docstrings runs. Docstring
# examples run in their module's namespace (see _ext/apidoc.py), as under
# pytest --doctest-modules, with the same option flags as pyproject.toml.
doctest_default_flags = (
    doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.DONT_ACCEPT_TRUE_FOR_1
)
# QUOTEATTR_REPO lets page examples read files of the checkout (the seed article).
doctest_global_setup = (
    f"QUOTEATTR_REPO = {str(HERE.parent)!r}\n"
    # The Spark recipe needs a JVM; CI installs one, a laptop may not have it.
    "import shutil as _shutil\nNO_JAVA = _shutil.which('java') is None\n"
)
