"""Bounds on GraphQL documents: depth, aliases, tokens and introspection.

Strawberry's `QueryDepthLimiter`, `MaxAliasesLimiter` and `MaxTokensLimiter`
enforce the limits. Their messages do not say which setting to change, so
`describe_limit_error` rewrites them, matched by the wording of
strawberry-graphql 0.341 and graphql-core 3.3; `tests/security` checks that
wording, so a changed message fails a test instead of going unnamed.
Page sizes, list arguments and the request body size are bounded elsewhere:
in the resolvers (`MAX_PAGE_SIZE`, `MAX_BATCH_IDS`, `MAX_IMPORT_ROWS`,
`MAX_GROUPS`, `MAX_CONDITIONS_PER_GROUP`) and in `api.middleware`
(`MAX_BODY_BYTES`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from api.settings import Settings
from models.problems import Language

LIMIT_EXCEEDED = "LIMIT_EXCEEDED"


def limit_extensions(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Return factories of the extensions that bound each document; one instance per request.

    The depth and alias limiters each build a new validation rule class when
    constructed, and Strawberry's validation cache is keyed on the rule
    classes, so building them per request made every request miss it. The
    rule classes are built once here and each request gets a fresh
    extension holding the same classes.
    """
    rules = [
        *QueryDepthLimiter(max_depth=settings.max_query_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.max_aliases).validation_rules,
    ]
    if not settings.graphql_introspection:
        rules += DisableIntrospection().validation_rules
    return [
        lambda: MaxTokensLimiter(max_token_count=settings.max_query_tokens),
        lambda: AddValidationRules(rules),
    ]


@dataclass(frozen=True)
class _LimitMessage:
    pattern: re.Pattern[str]
    setting: str
    en: str
    vi: str
    code: str = LIMIT_EXCEEDED


_MESSAGES = (
    _LimitMessage(
        re.compile(r"'(?P<name>.*)' exceeds maximum operation depth of (?P<limit>\d+)"),
        "MAX_QUERY_DEPTH",
        "Operation {name} nests fields deeper than the maximum depth of {limit} "
        "(setting MAX_QUERY_DEPTH); request fewer levels.",
        "Thao tác {name} lồng trường sâu hơn giới hạn {limit} cấp "
        "(thiết lập MAX_QUERY_DEPTH); hãy giảm số cấp.",
    ),
    _LimitMessage(
        re.compile(r"(?P<count>\d+) aliases found\. Allowed: (?P<limit>\d+)"),
        "MAX_ALIASES",
        "The document has {count} aliases, more than the maximum of {limit} "
        "(setting MAX_ALIASES); split it into several requests.",
        "Tài liệu có {count} bí danh (alias), vượt giới hạn {limit} "
        "(thiết lập MAX_ALIASES); hãy chia thành nhiều yêu cầu.",
    ),
    _LimitMessage(
        re.compile(r"Document contains more than (?P<limit>\d+) tokens"),
        "MAX_QUERY_TOKENS",
        "The document has more than {limit} tokens, the maximum (setting MAX_QUERY_TOKENS); "
        "pass long values as variables or split the request.",
        "Tài liệu có hơn {limit} token, vượt giới hạn (thiết lập MAX_QUERY_TOKENS); "
        "hãy truyền giá trị dài qua biến hoặc chia nhỏ yêu cầu.",
    ),
    _LimitMessage(
        re.compile(
            r"introspection has been disabled, "
            r"but the requested query contained the field '(?P<field>\w+)'"
        ),
        "GRAPHQL_INTROSPECTION",
        "Introspection ({field}) is turned off on this server (setting GRAPHQL_INTROSPECTION); "
        "read the schema from schema.graphql instead.",
        "Máy chủ này đã tắt introspection ({field}) (thiết lập GRAPHQL_INTROSPECTION); "
        "hãy đọc lược đồ trong tệp schema.graphql.",
        code="INTROSPECTION_DISABLED",
    ),
)


def describe_limit_error(error: GraphQLError, language: Language) -> GraphQLError | None:
    """Return `error` reworded to name its limit and setting, or None when it is no limit error."""
    for message in _MESSAGES:
        match = message.pattern.search(error.message)
        if match is None:
            continue
        values = match.groupdict()
        values["name"] = repr(values.get("name") or "anonymous")
        template = message.vi if language == "vi" else message.en
        extensions: dict[str, object] = {"code": message.code, "setting": message.setting}
        if "limit" in values:
            extensions["limit"] = int(values["limit"])
        return GraphQLError(
            template.format(**values),
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            extensions=extensions,
        )
    return None
