"""Checks on the operations a GraphQL document defines, before it runs."""

from __future__ import annotations

from functools import lru_cache

from graphql import GraphQLError, OperationDefinitionNode, parse


@lru_cache(maxsize=512)
def operation_kinds(query: str) -> tuple[tuple[str | None, str], ...] | None:
    """Return `(name, kind)` of each operation of `query`, or None when it does not parse.

    A document that does not parse is left to the execution, which reports
    the syntax error with its location. Repeated queries hit the cache.
    """
    try:
        document = parse(query)
    except GraphQLError:
        return None
    return tuple(
        (node.name.value if node.name else None, node.operation.value)
        for node in document.definitions
        if isinstance(node, OperationDefinitionNode)
    )


def selected_kind(query: str, operation_name: str | None) -> str | None:
    """Return the kind (`query`, `mutation`, `subscription`) of the operation that would run.

    Returns None when the document does not parse, names no such operation,
    or contains several operations and `operation_name` is None: the GraphQL
    specification requires an operation name in that last case.
    """
    kinds = operation_kinds(query)
    if not kinds:
        return None
    if operation_name is None:
        return kinds[0][1] if len(kinds) == 1 else None
    return next((kind for name, kind in kinds if name == operation_name), None)
