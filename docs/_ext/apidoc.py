"""Keep the API reference honest: examples run, re-exported names link, fields cannot drift.

- Docstring doctests that autodoc brings into a page are run by
  ``sphinx-build -b doctest`` in the namespace of the module that defines
  them, exactly as ``pytest --doctest-modules`` runs them, each module in its
  own doctest group.
- ``quoteattr.Span`` and ``quoteattr.model.Span`` are one object; a reference
  to either name links to wherever it is documented.
- ``{attrs-fields}`` renders the fields of an attrs class (name, type,
  default) from the class itself, with the meaning of each field written in
  the directive; a field added to the class without a meaning, or a meaning
  for a field that is gone, fails the strict build.
"""

from __future__ import annotations

import importlib
import inspect
import types
from typing import Any

import attrs
from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)

_DOCSTRING_OF = ":docstring of "
_SETUP = (
    "import importlib as _importlib\n"
    "globals().update({{k: v for k, v in vars(_importlib.import_module({module!r})).items()"
    " if k != '__builtins__'}})\n"
)


def _defining_module(value: Any) -> str | None:
    for candidate in (
        value,
        getattr(value, "fget", None),
        getattr(value, "func", None),
        getattr(value, "__func__", None),
    ):
        if isinstance(candidate, types.ModuleType):
            return candidate.__name__
        module = getattr(candidate, "__module__", None) if candidate is not None else None
        if isinstance(module, str):
            return module
    return None


def import_object(fullname: str) -> tuple[Any, str] | None:
    """Return the object a dotted name points to and the module that defines it."""
    parts = fullname.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            module = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        value: Any = module
        owner = module.__name__
        for attribute in parts[cut:]:
            try:
                value = (
                    inspect.getattr_static(value, attribute)
                    if inspect.isclass(value)
                    else getattr(value, attribute)
                )
            except AttributeError:
                return None
            found = _defining_module(value)
            if found is not None and found.split(".")[0] == parts[0]:
                owner = found
        return value, owner
    return None


def group_docstring_doctests(app: Sphinx, doctree: nodes.document) -> None:
    """Put each docstring's doctests in its defining module's group, with that module's globals."""
    modules: set[str] = set()
    for block in doctree.findall(nodes.doctest_block):
        source = block.source or ""
        if _DOCSTRING_OF not in source:
            continue
        found = import_object(source.rsplit(_DOCSTRING_OF, 1)[1].strip())
        if found is None:
            continue
        module = found[1]
        block["groups"] = [module]
        modules.add(module)
    for module in sorted(modules):
        code = _SETUP.format(module=module)
        doctree.append(nodes.comment(code, code, testnodetype="testsetup", groups=[module]))


def _documented(env: BuildEnvironment) -> dict[int, list[str]]:
    """Map ``id(object)`` to the names under which it is documented (python domain)."""
    cache = env.temp_data.get("quoteattr_documented")
    domain = env.get_domain("py")
    size = len(domain.objects)  # type: ignore[attr-defined]
    if cache is not None and cache[0] == size:
        return cache[1]  # type: ignore[no-any-return]
    table: dict[int, list[str]] = {}
    for name in domain.objects:  # type: ignore[attr-defined]
        found = import_object(name)
        if found is not None:
            table.setdefault(id(_unwrapped(found[0])), []).append(name)
    env.temp_data["quoteattr_documented"] = (size, table)
    return table


def _unwrapped(value: Any) -> Any:
    for attribute in ("__func__", "fget", "func"):
        inner = getattr(value, attribute, None)
        if inner is not None and not isinstance(value, type):
            return inner
    return value


def _candidates(node: pending_xref) -> list[str]:
    target = node["reftarget"]
    found = [target]
    for context in (node.get("py:class"), node.get("py:module")):
        if context:
            found.append(f"{context}.{target}")
    if node.get("py:module") and node.get("py:class"):
        found.append(f"{node['py:module']}.{node['py:class']}.{target}")
    return found


def resolve_alias(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element
) -> nodes.reference | None:
    """Resolve a name under which a documented object is also importable.

    ``quoteattr.model.Span`` links to ``quoteattr.Span`` (or back), whichever
    is documented; the last component must agree, so two constants that merely
    share a value are never confused. A reference to an attrs field without
    its own entry (``Document.meta``) links to its class.
    """
    if node.get("refdomain") != "py":
        return None
    domain = env.get_domain("py")
    documented = _documented(env)

    def resolve(name: str) -> nodes.reference | None:
        for role in (node["reftype"], "obj"):
            resolved = domain.resolve_xref(
                env, node["refdoc"], app.builder, role, name, node, contnode
            )
            if resolved is not None:
                return resolved
        return None

    for candidate in _candidates(node):
        found = import_object(candidate)
        if found is None:
            continue
        last = candidate.rsplit(".", 1)[-1]
        for name in documented.get(id(_unwrapped(found[0])), []):
            if name != candidate and name.rsplit(".", 1)[-1] == last:
                resolved = resolve(name)
                if resolved is not None:
                    return resolved
    for candidate in _candidates(node):
        owner, _, field = candidate.rpartition(".")
        found = import_object(owner) if owner else None
        if found is not None and attrs.has(found[0]) and field in attrs.fields_dict(found[0]):
            for name in documented.get(id(found[0]), []):
                resolved = resolve(name)
                if resolved is not None:
                    return resolved
    return None


class AttrsFields(Directive):
    """A table of an attrs class's fields: name, type, default, and the meaning written here.

    The content holds one ``name: meaning`` line per field (continuation lines indented).
    """

    required_arguments = 1
    has_content = True

    def run(self) -> list[nodes.Node]:
        found = import_object(self.arguments[0])
        if found is None or not attrs.has(found[0]):
            raise self.error(f"attrs-fields: {self.arguments[0]} is not an attrs class")
        cls = found[0]
        meanings: dict[str, str] = {}
        current = None
        for line in self.content:
            if line[:1].isspace() and current is not None:
                meanings[current] += " " + line.strip()
            elif ":" in line:
                current, text = line.split(":", 1)
                current = current.strip()
                meanings[current] = text.strip()
        fields = attrs.fields(cls)
        names = [f.name for f in fields]
        for name in names:
            if name not in meanings:
                logger.warning(
                    "attrs-fields: %s.%s has no meaning written in the docs; add a line '%s: ...'",
                    self.arguments[0],
                    name,
                    name,
                    location=self.get_location(),
                )
        for name in meanings:
            if name not in names:
                logger.warning(
                    "attrs-fields: %s has no field %r any more; remove it from the docs",
                    self.arguments[0],
                    name,
                    location=self.get_location(),
                )
        table = nodes.table(classes=["attrs-fields"])
        group = nodes.tgroup(cols=4)
        table += group
        for width in (14, 22, 14, 50):
            group += nodes.colspec(colwidth=width)
        head = nodes.thead()
        group += head
        head += _row(["field", "type", "default", "meaning"], header=True)
        body = nodes.tbody()
        group += body
        for field in fields:
            default = "required" if field.default is attrs.NOTHING else _default(field.default)
            cells: list[nodes.Node] = [
                nodes.literal(field.name, field.name),
                nodes.literal(str(field.type), str(field.type)),
                nodes.Text(default) if default == "required" else nodes.literal(default, default),
            ]
            meaning = nodes.paragraph()
            text_nodes, messages = self.state.inline_text(meanings.get(field.name, ""), self.lineno)
            meaning += text_nodes
            body += _row([*cells, meaning])
            body += messages
        return [table]


def _default(value: Any) -> str:
    if isinstance(value, attrs.Factory):  # type: ignore[arg-type]
        return f"{value.factory.__name__}()"  # type: ignore[attr-defined]
    return repr(value)


def _row(cells: list[Any], header: bool = False) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        if isinstance(cell, str):
            entry += nodes.paragraph(cell, cell)
        elif isinstance(cell, nodes.paragraph):
            entry += cell
        else:
            entry += nodes.paragraph("", "", cell)
        row += entry
    return row


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("doctree-read", group_docstring_doctests)
    app.connect("missing-reference", resolve_alias)
    app.add_directive("attrs-fields", AttrsFields)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
