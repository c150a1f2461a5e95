"""Customer writes: create, update, delete and the batch import (an upsert)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from bson import ObjectId

from models.customer_document import build_customer_document, build_customer_update
from models.problems import Problem
from resolvers.common import limit_exceeded, not_found, parse_object_id
from resolvers.context import RequestContext
from resolvers.custom_fields.store import load_custom_fields

logger = logging.getLogger(__name__)

CUSTOMERS = "customers"


async def create_customer(
    ctx: RequestContext, values: dict[str, Any]
) -> tuple[dict[str, Any] | None, list[Problem]]:
    now = ctx.now()
    document, problems = build_customer_document(
        _with_created_at(values, now),
        custom_fields=await load_custom_fields(ctx),
        zone=ctx.workspace.time_zone,
    )
    if problems:
        return None, problems
    customers = ctx.collection(CUSTOMERS)
    # NOTE: read-then-write: two concurrent creates with one email can both
    # pass this check, because email has no unique index (a customer may
    # have none, and imports written by other tools may repeat one).
    if document.get("email"):
        existing = await customers.find_one({"email": document["email"]})
        if existing is not None:
            logger.info(
                "request %s: email of a new customer already belongs to customer %s",
                ctx.request_id,
                existing["_id"],
            )
            return None, [email_taken(document["email"], str(existing["_id"]))]
    document["updatedAt"] = now
    document["_id"] = ObjectId()
    await customers.insert_one(document)
    return document, []


def email_taken(email: str, existing_id: str) -> Problem:
    return Problem(
        "email",
        "EMAIL_TAKEN",
        f"Customer {existing_id} already has the email {email!r}; update that customer, "
        "or use importCustomers, which updates a customer matched by email.",
        f"Khách hàng {existing_id} đã có email {email!r}; hãy cập nhật khách hàng đó, "
        "hoặc dùng importCustomers để cập nhật khách hàng trùng email.",
    )


async def update_customer(
    ctx: RequestContext, customer_id: str, values: dict[str, Any]
) -> tuple[dict[str, Any] | None, list[Problem]]:
    object_id = parse_object_id(customer_id)
    customers = ctx.collection(CUSTOMERS)
    existing = await customers.find_one({"_id": object_id}) if object_id else None
    if existing is None:
        return None, [not_found("id", "customer", customer_id)]
    change = build_customer_update(
        values, custom_fields=await load_custom_fields(ctx), zone=ctx.workspace.time_zone
    )
    if change.problems:
        return None, change.problems
    update = change.as_update()
    update.setdefault("$set", {})["updatedAt"] = ctx.now()
    return await customers.find_one_and_update({"_id": object_id}, update), []


async def delete_customers(ctx: RequestContext, ids: list[str]) -> tuple[list[str], list[str]]:
    """Delete the customers of `ids`; return the deleted ids and the unknown ones."""
    object_ids = {i: parse_object_id(i) for i in ids}
    valid = [oid for oid in object_ids.values() if oid is not None]
    customers = ctx.collection(CUSTOMERS)
    existing = {
        str(d["_id"]) for d in await customers.find({"_id": {"$in": valid}}, projection={"_id": 1})
    }
    if existing:
        await customers.delete_many({"_id": {"$in": [ObjectId(i) for i in existing]}})
    deleted = [i for i in ids if i in existing]
    return deleted, [i for i in ids if i not in existing]


@dataclass
class ImportOutcome:
    statuses: list[str] = field(default_factory=list)
    documents: list[dict[str, Any] | None] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


async def import_customers(ctx: RequestContext, rows: list[dict[str, Any]]) -> ImportOutcome:
    """Upsert `rows`, matched on email, then on phone; invalid rows are skipped.

    Rows are matched against the workspace and against earlier rows of the
    same call, so a file that repeats a customer updates it instead of
    creating a duplicate.
    """
    outcome = ImportOutcome()
    if len(rows) > ctx.limits.max_import_rows:
        outcome.problems.append(
            limit_exceeded(
                "customers",
                "rows",
                "dòng",
                ctx.limits.max_import_rows,
                len(rows),
                "MAX_IMPORT_ROWS",
            )
        )
        return outcome

    custom_fields = await load_custom_fields(ctx)
    zone = ctx.workspace.time_zone
    now = ctx.now()
    built: list[dict[str, Any] | None] = []
    for index, values in enumerate(rows):
        # The built document is stored only when the row creates a customer;
        # an update applies the row as given, without a default createdAt.
        document, problems = build_customer_document(
            _with_created_at(values, now), custom_fields=custom_fields, zone=zone
        )
        outcome.problems.extend(p.under(f"customers.{index}") for p in problems)
        built.append(None if problems else document)

    customers = ctx.collection(CUSTOMERS)
    by_email, by_phone = await _existing_matches(ctx, built)
    inserts: list[dict[str, Any]] = []
    updates: list[tuple[ObjectId, dict[str, Any], dict[str, Any]]] = []
    for index, candidate in enumerate(built):
        if candidate is None:
            outcome.statuses.append("REJECTED")
            outcome.documents.append(None)
            continue
        document = candidate
        match = _match(document, by_email, by_phone)
        document["updatedAt"] = now
        if match is None:
            document["_id"] = ObjectId()
            inserts.append(document)
            outcome.statuses.append("CREATED")
        else:
            update = build_customer_update(
                rows[index], custom_fields=custom_fields, zone=zone
            ).as_update()
            update.setdefault("$set", {})["updatedAt"] = now
            updates.append((match["_id"], update, document))
            document = {**match, **update["$set"]}
            outcome.statuses.append("UPDATED")
        _remember(document, by_email, by_phone)
        outcome.documents.append(document)

    await customers.insert_many(inserts)
    await asyncio.gather(
        *(customers.update_one({"_id": oid}, update) for oid, update, _ in updates)
    )
    if updates:
        # Updated rows are returned as stored, which a merge in memory of
        # dotted `$set` paths would not reproduce.
        fresh = {
            d["_id"]: d for d in await customers.find({"_id": {"$in": [u[0] for u in updates]}})
        }
        outcome.documents = [fresh.get(d["_id"], d) if d else None for d in outcome.documents]
    logger.info(
        "workspace %s: imported %d rows (%d created, %d updated, %d rejected)",
        ctx.workspace.id,
        len(rows),
        len(inserts),
        len(updates),
        outcome.statuses.count("REJECTED"),
    )
    return outcome


async def _existing_matches(
    ctx: RequestContext, built: list[dict[str, Any] | None]
) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    emails = sorted({d["email"] for d in built if d and d.get("email")})
    phones = sorted({d["phone"] for d in built if d and d.get("phone") and d.get("phoneValid")})
    if not emails and not phones:
        return {}, {}
    found = await ctx.collection(CUSTOMERS).find(
        {"$or": [{"email": {"$in": emails}}, {"phone": {"$in": phones}}]}
    )
    by_email: dict[str, dict[str, Any]] = {}
    by_phone: dict[str, dict[str, Any]] = {}
    for document in found:
        _remember(document, by_email, by_phone)
    return by_email, by_phone


def _with_created_at(values: dict[str, Any], now: dt.datetime) -> dict[str, Any]:
    """Return `values` with `createdAt` defaulting to `now`.

    The default goes through the document builder, so a new customer also
    gets the month-day shadows that anniversary rules on createdAt read.
    """
    return {**values, "createdAt": values.get("createdAt") or now}


def _match(
    document: dict[str, Any],
    by_email: dict[str, dict[str, Any]],
    by_phone: dict[str, dict[str, Any]],
) -> dict[str, Any] | None:
    """Return the stored customer a row updates: same email, else same phone.

    A phone match counts only when one side has no email, so a row whose
    email differs never overwrites another person who shares a phone
    (families and small shops often do).
    """
    email = document.get("email")
    if email and email in by_email:
        return by_email[email]
    candidate = by_phone.get(document.get("phone", "")) if document.get("phoneValid") else None
    if candidate is None or (email and candidate.get("email")):
        return None
    return candidate


def _remember(
    document: dict[str, Any],
    by_email: dict[str, dict[str, Any]],
    by_phone: dict[str, dict[str, Any]],
) -> None:
    if document.get("email"):
        by_email.setdefault(document["email"], document)
    if document.get("phone") and document.get("phoneValid"):
        by_phone.setdefault(document["phone"], document)
