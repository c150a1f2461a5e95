"""Storage access for custom field definitions."""

from __future__ import annotations

from typing import Any

from mongo_filters.conditions import CustomFieldDefinition, FieldType
from resolvers.context import RequestContext

_CACHE_KEY = "custom_fields"


def definition_from_document(document: dict[str, Any]) -> CustomFieldDefinition:
    return CustomFieldDefinition(
        key=document["key"],
        label=document.get("label", document["key"]),
        label_vi=document.get("labelVi") or document.get("label", document["key"]),
        type=FieldType(document["type"]),
        options=tuple(document.get("options") or ()),
    )


async def load_custom_fields(ctx: RequestContext) -> dict[str, CustomFieldDefinition]:
    """Return the workspace's custom field definitions, read once per request."""
    cached: dict[str, CustomFieldDefinition] | None = ctx.cache.get(_CACHE_KEY)
    if cached is not None:
        return cached
    documents = await ctx.collection("customFields").find({}, sort=[("key", 1)])
    definitions = {d["key"]: definition_from_document(d) for d in documents}
    ctx.cache[_CACHE_KEY] = definitions
    return definitions


def forget_custom_fields(ctx: RequestContext) -> None:
    ctx.cache.pop(_CACHE_KEY, None)
