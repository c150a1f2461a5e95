"""The reference evaluator stays independent of the compiler it checks."""

from __future__ import annotations

import ast
from pathlib import Path

import tests.engines.reference as reference

# Only the rule types: importing the compiler or its operator modules would
# let a shared mistake pass unnoticed.
ALLOWED_FROM_MONGO_FILTERS = {"mongo_filters.conditions"}


def imported_modules() -> set[str]:
    tree = ast.parse(Path(reference.__file__).read_text(encoding="utf-8"))
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
        elif isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
    return modules


def test_reference_imports_no_compiler_module() -> None:
    ours = {name for name in imported_modules() if name.split(".")[0] == "mongo_filters"}

    assert ours <= ALLOWED_FROM_MONGO_FILTERS


def test_reference_uses_only_models_helpers() -> None:
    ours = {
        name for name in imported_modules() if name.split(".")[0] in {"api", "resolvers", "storage"}
    }

    assert ours == set()
