"""displaCy's span view of the seed article, made at build time with the spaCy component.

- ``{seed-displacy}``: the committed screenshot (``docs/img/seed-displacy.png``)
  when there is one, else the page itself in a frame; either way a link to
  the live page.
- The live page, ``_static/seed-displacy.html``, is rendered by
  ``displacy.render(style="span")`` from ``spacy.blank("ar")`` with the
  ``quoteattr`` component, so it is always that of the code being built.

``tests/test_docs.py`` checks in Chromium that it reads right to left;
``QUOTEATTR_DOCS_SCREENSHOTS=docs/img`` there remakes the screenshot.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.application import Sphinx

DISPLACY_PAGE = "_static/seed-displacy.html"
SCREENSHOT = "img/seed-displacy.png"


def render_seed_displacy(text: str) -> str:
    """The full displaCy page of the seed's attributions, labelled by kind."""
    import spacy
    from spacy import displacy

    from quoteattr.spacy import displacy_options

    nlp = spacy.blank("ar")
    nlp.add_pipe("quoteattr")
    markup: str = displacy.render(
        nlp(text), style="span", options=displacy_options(), page=True, jupyter=False
    )
    return markup


class SeedDisplacy(Directive):
    """The screenshot of displaCy's span view of the seed (or a frame), linked to the live page."""

    def run(self) -> list[nodes.Node]:
        env = self.state.document.settings.env
        root = "../" * env.docname.count("/")
        screenshot = Path(env.srcdir) / SCREENSHOT
        env.note_dependency(str(screenshot))
        result: list[nodes.Node] = []
        if screenshot.is_file():
            image = nodes.image(
                uri="/" + SCREENSHOT,
                alt="displaCy's span view of the seed article, right to left: each content "
                "underlined and labelled DIRECT, INDIRECT or MIXED.",
                classes=["seed-screenshot", "seed-displacy"],
            )
            reference = nodes.reference("", "", image, refuri=root + DISPLACY_PAGE)
            result.append(nodes.paragraph("", "", reference))
        else:
            frame = (
                f'<iframe class="seed-view seed-displacy" src="{html.escape(root + DISPLACY_PAGE)}"'
                ' title="displaCy\'s span view of the seed article"></iframe>'
            )
            result.append(nodes.raw("", frame, format="html"))
        link = (
            '<p class="seed-link"><a class="reference external" '
            f'href="{html.escape(root + DISPLACY_PAGE)}">Open the displaCy page</a>.</p>'
        )
        result.append(nodes.raw("", link, format="html"))
        return result


def write_displacy_page(app: Sphinx, exception: Exception | None) -> None:
    """Render displaCy's view of the seed into the built site."""
    if exception is not None or app.builder.format != "html":
        return
    seed = (Path(app.confdir) / app.config.quoteattr_seed).resolve()
    target = Path(app.outdir) / DISPLACY_PAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_seed_displacy(seed.read_text(encoding="utf-8")), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("seed-displacy", SeedDisplacy)
    app.connect("build-finished", write_displacy_page)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
