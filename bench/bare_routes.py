"""Starlette routes that return what two GraphQL queries return, without GraphQL.

They read the same store through `app.state.database` and build the same
JSON as `queries.SEGMENT` and `queries.CUSTOMERS_PAGE`, so the difference
in speed between a route and its query is the cost of the GraphQL layer:
parsing, validation, resolver calls and serialisation. `overhead.py`
checks that the two bodies are equal before it measures.
"""

from __future__ import annotations

import json
from typing import Any

import orjson
from bson import ObjectId
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from resolvers.common import as_utc, encode_cursor, parse_object_id
from storage.scoped import ScopedCollection

# Every member of the condition value that queries.SEGMENT selects, null when unset.
VALUE_MEMBERS = (
    "text",
    "texts",
    "number",
    "month",
    "boolean",
    "segmentId",
    "date",
    "numberRange",
    "dateRange",
    "period",
)


def _json(data: dict[str, Any]) -> Response:
    return Response(orjson.dumps({"data": data}), media_type="application/json")


def _scoped(request: Request, name: str) -> ScopedCollection:
    state = request.app.state
    return ScopedCollection(state.database.collection(name), state.settings.demo_workspace)


def _instant(value: Any) -> str | None:
    aware = as_utc(value)
    return aware.isoformat() if aware else None


def _condition(stored: dict[str, Any]) -> dict[str, Any]:
    stored_value = stored.get("value") or {}
    value = {member: stored_value.get(member) for member in VALUE_MEMBERS} if stored_value else None
    if value is not None and value["number"] is not None:
        value["number"] = float(value["number"])
    return {
        "field": stored["field"],
        "operator": stored["operator"],
        "calendar": stored.get("calendar") or "GREGORIAN",
        "value": value,
    }


async def bare_segment(request: Request) -> Response:
    object_id = parse_object_id(request.query_params.get("id", ""))
    document = (
        await _scoped(request, "segments").find_one({"_id": object_id}) if object_id else None
    )
    if document is None:
        return _json({"segment": None})
    return _json(
        {
            "segment": {
                "id": str(document["_id"]),
                "name": document["name"],
                "defaultKey": document.get("defaultKey"),
                "version": int(document.get("version", 1)),
                "createdAt": _instant(document["createdAt"]),
                "updatedAt": _instant(document["updatedAt"]),
                "conditionGroups": [
                    {"conditions": [_condition(c) for c in group["conditions"]]}
                    for group in document["conditionGroups"]
                ],
            }
        }
    )


def _customer(document: dict[str, Any]) -> dict[str, Any]:
    birthday = document.get("birthday")
    return {
        "id": str(document["_id"]),
        "fullName": document.get("fullName"),
        "email": document.get("email"),
        "emailVerified": bool(document.get("emailVerified")),
        "phone": document.get("phone"),
        "phoneValid": document.get("phoneValid") if "phone" in document else None,
        "gender": document.get("gender"),
        "birthday": birthday.date().isoformat() if birthday else None,
        "city": document.get("city"),
        "source": document.get("source"),
        "tags": list(document.get("tags") or []),
        "createdAt": _instant(document.get("createdAt")),
        "lastOrderAt": _instant(document.get("lastOrderAt")),
        "orderCount": document.get("orderCount"),
        "totalSpent": document.get("totalSpent"),
    }


async def bare_customers(request: Request) -> Response:
    size = min(
        int(request.query_params.get("first", "50")), request.app.state.settings.max_page_size
    )
    customers = _scoped(request, "customers")
    documents = await customers.find({}, sort=[("_id", 1)], limit=size + 1)
    total = await customers.count({})
    edges = [{"cursor": _cursor(d["_id"]), "node": _customer(d)} for d in documents[:size]]
    page_info = {
        "hasNextPage": len(documents) > size,
        "hasPreviousPage": False,
        "startCursor": edges[0]["cursor"] if edges else None,
        "endCursor": edges[-1]["cursor"] if edges else None,
    }
    return _json({"customers": {"totalCount": total, "pageInfo": page_info, "edges": edges}})


def _cursor(object_id: ObjectId) -> str:
    return encode_cursor(json.dumps([str(object_id)]))


def add_bare_routes(app: Starlette) -> None:
    app.router.routes.append(Route("/bare/segment", bare_segment))
    app.router.routes.append(Route("/bare/customers", bare_customers))


def create_bench_app() -> Starlette:
    """Build the service with the bare routes added; uvicorn calls this as a factory.

    Settings come from the environment only (no `.env` file), so the
    benchmark controls the store and the number of demo customers.
    """
    from api.app import create_app
    from api.settings import Settings

    app = create_app(Settings(_env_file=None))  # type: ignore[call-arg]
    add_bare_routes(app)
    return app
