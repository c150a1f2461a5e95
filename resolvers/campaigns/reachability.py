"""Channel reachability, and the contact value a recipient is stored with.

Reachability is written as segment conditions and compiled by the segment
compiler, so "has an email" here means exactly what `email IS_NOT_EMPTY`
means in a segment (missing, null, blank and empty lists are empty).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mongo_filters.conditions import Condition, Operator, Rule

EMAIL = "EMAIL"
SMS = "SMS"
ZALO = "ZALO"
FACEBOOK = "FACEBOOK"

_CONDITIONS: Mapping[str, tuple[Condition, ...]] = {
    EMAIL: (
        Condition("email", Operator.IS_NOT_EMPTY),
        Condition("emailComplainedAt", Operator.IS_EMPTY),
    ),
    SMS: (Condition("phone", Operator.IS_NOT_EMPTY),),
    ZALO: (Condition("zaloInteractedAt", Operator.IS_NOT_EMPTY),),
    FACEBOOK: (Condition("facebookInteractedAt", Operator.IS_NOT_EMPTY),),
}

# A phone that could not be read as a number is stored as written with
# `phoneValid: false`. No SMS gateway can deliver to it, and the recipient's
# contact value is promised to be an E.164 number, so SMS leaves it out. No
# catalog field exposes `phoneValid`, hence a plain filter fragment. A
# document without `phoneValid` (written by another tool) counts as valid.
_EXTRA_FILTERS: Mapping[str, dict[str, Any]] = {
    SMS: {"phoneValid": {"$ne": False}},
}

_CONTACT_FIELDS: Mapping[str, str] = {EMAIL: "email", SMS: "phone"}


def reachability_rule(channel: str) -> Rule:
    """Return the one-group rule of the customers `channel` can reach."""
    return [list(_CONDITIONS[channel])]


def extra_filter(channel: str) -> dict[str, Any]:
    """Return the part of reachability that no catalog condition can express, or {}."""
    return dict(_EXTRA_FILTERS.get(channel, {}))


def contact_projection(channel: str) -> dict[str, int]:
    """Return the projection that reads only what a recipient document needs."""
    projection = {"_id": 1}
    field = _CONTACT_FIELDS.get(channel)
    if field is not None:
        projection[field] = 1
    return projection


def contact_of(channel: str, customer: Mapping[str, Any]) -> str | None:
    """Return the contact value of `customer` on `channel`, or None when it has none.

    ZALO and FACEBOOK use the customer id, because the service stores no
    Zalo or Facebook user ids; the messaging tool maps it on its side.
    """
    field = _CONTACT_FIELDS.get(channel)
    if field is None:
        return str(customer["_id"])
    value = customer.get(field)
    return value if isinstance(value, str) and value.strip() else None
