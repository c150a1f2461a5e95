"""Store customers in every engine, run a rule, and compare with the reference.

`check_rule` builds each customer's document with `build_customer_document`
(in the workspace under test and, as a decoy, in another one), compiles
the rule with `mongo_filters.compile_segment`, and asserts that every engine
returns exactly the reference evaluator's members.
"""

from __future__ import annotations

import datetime as dt
import pprint
from collections.abc import Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo

from models.customer_document import build_customer_document
from mongo_filters import compile_segment, validate_rule
from mongo_filters.conditions import CompileContext, CustomFieldDefinition, Rule
from tests.engines.engines import Document, Engine
from tests.engines.reference import Situation, members

WORKSPACE_ID = "w-engines"
OTHER_WORKSPACE_ID = "w-other"


def stored_documents(
    customers: Mapping[str, Mapping[str, Any]],
    custom_fields: Mapping[str, CustomFieldDefinition],
    zone: ZoneInfo,
    foreign_empties: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[Document]:
    """Return the documents of `customers`, each also copied into another workspace.

    `foreign_empties` maps a customer id to paths and empty values (null,
    `""`, `[]`) to store where the document has no value, the way other
    tools write documents; the service itself never stores them.
    """
    documents: list[Document] = []
    for key, values in customers.items():
        document, problems = build_customer_document(values, custom_fields=custom_fields, zone=zone)
        assert problems == [], (key, values, problems)
        for path, empty in (foreign_empties or {}).get(key, {}).items():
            _store_if_missing(document, path, empty)
        documents.append({"_id": key, "workspaceId": WORKSPACE_ID, **document})
        documents.append({"_id": f"other-{key}", "workspaceId": OTHER_WORKSPACE_ID, **document})
    return documents


def _store_if_missing(document: Document, path: str, value: Any) -> None:
    *parents, leaf = path.split(".")
    target = document
    for part in parents:
        target = target.setdefault(part, {})
    target.setdefault(leaf, value)


def check_rule(
    engines: Sequence[Engine],
    customers: Mapping[str, Mapping[str, Any]],
    rule: Rule,
    *,
    now: dt.datetime,
    zone: ZoneInfo,
    custom_fields: Mapping[str, CustomFieldDefinition],
    segments: Mapping[str, Rule] | None = None,
    foreign_empties: Mapping[str, Mapping[str, Any]] | None = None,
) -> set[str]:
    """Assert that every engine returns the reference members of `rule`; return them."""
    segments = segments or {}
    for segment_rule in [rule, *segments.values()]:
        problems = validate_rule(segment_rule, custom_fields)
        assert problems == [], problems

    situation = Situation(now=now, zone=zone, custom_fields=custom_fields, segments=segments)
    expected = members(customers, rule, situation)
    context = CompileContext(WORKSPACE_ID, now, zone, custom_fields, segments)
    query = compile_segment(rule, context)

    documents = stored_documents(customers, custom_fields, zone, foreign_empties)
    for engine in engines:
        engine.load(documents)
    found = {engine.name: engine.find_ids(query) for engine in engines}
    wrong = {name: ids for name, ids in found.items() if ids != expected}
    assert not wrong, _explain(expected, wrong, query, customers)
    return expected


def _explain(
    expected: set[str],
    wrong: dict[str, set[str]],
    query: dict[str, Any],
    customers: Mapping[str, Mapping[str, Any]],
) -> str:
    lines = [f"reference: {sorted(expected)}"]
    involved: set[str] = set()
    for name, ids in wrong.items():
        lines.append(f"{name}: {sorted(ids)}")
        lines.append(
            f"  only {name}: {sorted(ids - expected)}, only reference: {sorted(expected - ids)}"
        )
        involved |= ids ^ expected
    lines.append("query: " + pprint.pformat(query, width=100))
    for key in sorted(involved):
        lines.append(f"customer {key}: {customers.get(key.removeprefix('other-'))!r}")
    return "\n".join(lines)
