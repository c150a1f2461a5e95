"""Custom field queries and mutations."""

from __future__ import annotations

import logging
from typing import Any

import strawberry
from strawberry.types import Info

from models.problems import Problem
from mongo_filters.conditions import FieldType
from resolvers.common import not_found, user_errors
from resolvers.context import RequestContext
from resolvers.custom_fields.checks import check_key, check_label, check_options
from resolvers.custom_fields.store import forget_custom_fields, load_custom_fields
from resolvers.custom_fields.types import (
    CreateCustomFieldInput,
    CustomField,
    CustomFieldPayload,
    DeleteCustomFieldPayload,
    UpdateCustomFieldInput,
)
from resolvers.segments.locks import rule_graph_lock
from resolvers.segments.segment import Segment
from storage.errors import DuplicateKeyError

logger = logging.getLogger(__name__)

FIELDS = "customFields"


def _to_type(document: dict[str, Any]) -> CustomField:
    return CustomField(
        key=document["key"],
        label=document["label"],
        label_vi=document.get("labelVi") or document["label"],
        type=FieldType(document["type"]),
        options=list(document.get("options") or []),
    )


def _field_in_use(key: str, segments: list[dict[str, Any]]) -> Problem:
    names = ", ".join(repr(s["name"]) for s in segments)
    return Problem(
        "key",
        "FIELD_IN_USE",
        f"Custom field {key!r} is used by segments {names}; remove it from their conditions first.",
        f"Trường tùy chỉnh {key!r} đang được dùng trong các phân khúc {names}; "
        "hãy bỏ nó khỏi điều kiện trước.",
    )


@strawberry.type
class CustomFieldQuery:
    @strawberry.field(description="Custom fields of the workspace, by key.")
    async def custom_fields(self, info: Info[RequestContext, None]) -> list[CustomField]:
        documents = await info.context.collection(FIELDS).find({}, sort=[("key", 1)])
        return [_to_type(d) for d in documents]


@strawberry.type
class CustomFieldMutation:
    @strawberry.mutation(description="Define a custom field; its type cannot change later.")
    async def create_custom_field(
        self, info: Info[RequestContext, None], input: CreateCustomFieldInput
    ) -> CustomFieldPayload:
        ctx = info.context
        field_type = FieldType(input.type)
        label, problems = check_label(input.label, "input.label")
        label_vi, vi_problems = check_label(input.label_vi or input.label, "input.labelVi")
        options, option_problems = check_options(field_type, input.options)
        problems = check_key(input.key) + problems + vi_problems + option_problems
        if problems:
            return CustomFieldPayload(
                custom_field=None, user_errors=user_errors(problems, ctx.language)
            )

        document = {
            "key": input.key,
            "label": label,
            "labelVi": label_vi,
            "type": str(field_type),
            "options": options,
        }
        try:
            await ctx.collection(FIELDS).insert_one(document)
        except DuplicateKeyError:
            logger.info("request %s: custom field key %r taken", ctx.request_id, input.key)
            taken = Problem(
                "input.key",
                "KEY_TAKEN",
                f"A custom field with key {input.key!r} already exists.",
                f"Đã có trường tùy chỉnh với khóa {input.key!r}.",
            )
            return CustomFieldPayload(
                custom_field=None, user_errors=user_errors([taken], ctx.language)
            )
        forget_custom_fields(ctx)
        logger.info("workspace %s: created custom field %s", ctx.workspace.id, input.key)
        return CustomFieldPayload(custom_field=_to_type(document), user_errors=[])

    @strawberry.mutation(description="Change a custom field's labels or options.")
    async def update_custom_field(
        self, info: Info[RequestContext, None], key: str, input: UpdateCustomFieldInput
    ) -> CustomFieldPayload:
        ctx = info.context
        definitions = await load_custom_fields(ctx)
        definition = definitions.get(key)
        if definition is None:
            return CustomFieldPayload(
                custom_field=None,
                user_errors=user_errors([not_found("key", "custom field", key)], ctx.language),
            )

        changes: dict[str, Any] = {}
        problems: list[Problem] = []
        if input.label is not None:
            changes["label"], found = check_label(input.label, "input.label")
            problems += found
        if input.label_vi is not None:
            changes["labelVi"], found = check_label(input.label_vi, "input.labelVi")
            problems += found
        if input.options is not None:
            changes["options"], found = check_options(definition.type, input.options)
            problems += found
            removed = set(definition.options) - set(changes["options"])
            users = (
                await ctx.collection("segments").find({"customFieldKeys": key}) if removed else []
            )
            if users:
                problems.append(_field_in_use(key, users).under("input.options"))
        if problems:
            return CustomFieldPayload(
                custom_field=None, user_errors=user_errors(problems, ctx.language)
            )

        document = (
            await ctx.collection(FIELDS).find_one_and_update({"key": key}, {"$set": changes})
            if changes
            else None
        )
        forget_custom_fields(ctx)
        document = document or await ctx.collection(FIELDS).find_one({"key": key})
        return CustomFieldPayload(
            custom_field=_to_type(document) if document else None, user_errors=[]
        )

    @strawberry.mutation(
        description="Delete a custom field and its values, unless a segment uses it."
    )
    async def delete_custom_field(
        self, info: Info[RequestContext, None], key: str
    ) -> DeleteCustomFieldPayload:
        ctx = info.context
        # The check for segments that use the field and the delete must not
        # interleave with a segment save that starts using it.
        async with rule_graph_lock(ctx):
            return await _delete_custom_field(ctx, key)


async def _delete_custom_field(ctx: RequestContext, key: str) -> DeleteCustomFieldPayload:
    if key not in await load_custom_fields(ctx):
        problem = not_found("key", "custom field", key)
        return DeleteCustomFieldPayload(
            deleted_key=None, blocking_segments=[], user_errors=user_errors([problem], ctx.language)
        )
    users = await ctx.collection("segments").find({"customFieldKeys": key})
    if users:
        return DeleteCustomFieldPayload(
            deleted_key=None,
            blocking_segments=[Segment.from_document(ctx, s) for s in users],
            user_errors=user_errors([_field_in_use(key, users)], ctx.language),
        )

    await ctx.collection(FIELDS).delete_many({"key": key})
    stored = f"custom_{key}"
    await ctx.collection("customers").update_many(
        {f"custom.{key}": {"$exists": True}},
        {
            "$unset": {
                f"custom.{key}": "",
                f"norm.custom.{key}": "",
                f"monthDay.{stored}": "",
                f"lunarMonthDay.{stored}": "",
            }
        },
    )
    forget_custom_fields(ctx)
    logger.info("workspace %s: deleted custom field %s", ctx.workspace.id, key)
    return DeleteCustomFieldPayload(deleted_key=key, blocking_segments=[], user_errors=[])
