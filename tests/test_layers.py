"""Nothing below imports from above: the package's layers, checked from its source."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import helpdesk

# Lowest first. A module may import from its own layer or any layer below it.
LAYERS: list[list[str]] = [
    ["helpdesk", "helpdesk.errors", "helpdesk.settings", "helpdesk.kb.models",
     "helpdesk.confidence", "helpdesk.snippet", "helpdesk.records", "helpdesk.specificity",
     "helpdesk.coverage", "helpdesk.focus", "helpdesk.unconfirmed", "helpdesk.values",
     "helpdesk.sentences"],
    ["helpdesk.kb", "helpdesk.analyzer", "helpdesk.sessions", "helpdesk.schemas",
     "helpdesk.lang_index", "helpdesk.terms"],
    ["helpdesk.glossary", "helpdesk.places", "helpdesk.duties", "helpdesk.uncovered"],
    ["helpdesk.spelling"],
    ["helpdesk.index"],
    ["helpdesk.evidence"],
    ["helpdesk.answer"],
    ["helpdesk.evaluate"],
    ["helpdesk.api", "helpdesk.cli"],
]  # fmt: skip

PACKAGE = Path(helpdesk.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> int:
    """The layer of the longest listed name that ``module`` is or lies under."""
    best: tuple[int, int] | None = None
    for n, names in enumerate(LAYERS):
        for name in names:
            if module == name or module.startswith(name + "."):
                if best is None or len(name) > best[1]:
                    best = (n, len(name))
    assert best is not None, f"{module} is in no layer"
    return best[0]


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name == "helpdesk" or name.startswith("helpdesk.")}


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[module_name(p) for p in MODULES])
def test_a_module_imports_nothing_from_a_layer_above_it(path: Path) -> None:
    module = module_name(path)
    above = [name for name in imports(path) if layer(name) > layer(module)]
    assert above == [], f"{module} (layer {layer(module)}) imports {above}"


def test_the_check_catches_an_import_from_above(tmp_path: Path) -> None:
    module = tmp_path / "analyzer.py"
    module.write_text("from helpdesk.index import SearchIndex\nimport os\n", encoding="utf-8")
    found = imports(module)
    assert found == {"helpdesk.index"}
    assert [name for name in found if layer(name) > layer("helpdesk.analyzer")] == [
        "helpdesk.index"
    ]
