"""The views people read: JSON records, terminal listings, tables, HTML pages and brat files.

Each view is a plain function over :class:`~quoteattr.model.Attribution`
values (or :class:`~quoteattr.batch.DocumentResult` for many documents), so
other programs can call what the ``quoteattr`` command prints.

>>> from quoteattr.views import render_html
>>> "<html" in render_html("نعم", [])
True
"""

from quoteattr.views.bidi import isolate, shape, terminal_safe, visual
from quoteattr.views.brat import BRAT_CONFIGURATION, brat_name, write_brat
from quoteattr.views.listing import BidiMode, render_text
from quoteattr.views.page import render_html, render_html_documents
from quoteattr.views.records import json_record, write_json, write_jsonl
from quoteattr.views.table import TABLE_COLUMNS, attribution_rows, write_table

__all__ = [
    "BRAT_CONFIGURATION",
    "TABLE_COLUMNS",
    "BidiMode",
    "attribution_rows",
    "brat_name",
    "isolate",
    "json_record",
    "render_html",
    "render_html_documents",
    "render_text",
    "shape",
    "terminal_safe",
    "visual",
    "write_brat",
    "write_json",
    "write_jsonl",
    "write_table",
]
