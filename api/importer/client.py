"""Client of the service's `importCustomers` mutation: customer rows sent in batches.

The core is async and takes an `httpx.AsyncClient`, so tests can send to the
ASGI app in the same process (`httpx.ASGITransport`). A row that the
service rejects is reported with its CSV line. Only a failure of a whole
request (the service unreachable, an HTTP error, a GraphQL error) raises
`ImportRequestError`, and then no further batch is sent.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from api.importer.reader import CsvRow

logger = logging.getLogger(__name__)

MAX_BATCH_SIZE = 1000
DEFAULT_BATCH_SIZE = 500

IMPORT_MUTATION = """
mutation Import($customers: [CustomerInput!]!) {
  importCustomers(customers: $customers) {
    createdCount updatedCount rejectedCount
    results { index status customer { id } }
    userErrors { field code message }
  }
}
"""

CUSTOM_FIELDS_QUERY = "query CustomFieldTypes { customFields { key type } }"

# A userError path such as `customers.12.phone` names row 12 of the batch.
_ROW_PATH = re.compile(r"^customers\.(\d+)(?:\.(.+))?$")


class ImportRequestError(Exception):
    """Raised when the service did not accept a request as a whole.

    `en` and `vi` state what failed and what to do next. `rows_done` counts
    the rows of the batches that were imported before the failure.
    """

    def __init__(self, en: str, vi: str, *, rows_done: int = 0) -> None:
        super().__init__(en)
        self.en = en
        self.vi = vi
        self.rows_done = rows_done


@dataclass(frozen=True)
class ServiceProblem:
    """A userError of the service, placed on the CSV line of its row."""

    line: int
    field: str
    code: str
    message: str


@dataclass
class ImportReport:
    """Totals over every batch, with the rows the service rejected or flagged."""

    created: int = 0
    updated: int = 0
    rejected: list[ServiceProblem] = field(default_factory=list)
    warnings: list[ServiceProblem] = field(default_factory=list)
    rejected_lines: set[int] = field(default_factory=set)


ProgressCallback = Callable[[int, int], None]


async def send_rows(
    rows: Sequence[CsvRow],
    *,
    client: httpx.AsyncClient,
    url: str,
    headers: dict[str, str],
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_progress: ProgressCallback | None = None,
) -> ImportReport:
    """Send `rows` in batches of `batch_size` and sum up what the service did.

    `on_progress(done, total)` is called after each batch.
    """
    if not 1 <= batch_size <= MAX_BATCH_SIZE:
        raise ValueError(f"batch_size must be from 1 to {MAX_BATCH_SIZE}, got {batch_size!r}")

    report = ImportReport()
    for start in range(0, len(rows), batch_size):
        batch = rows[start : start + batch_size]
        try:
            payload = await _post_batch(client, url, headers, [row.values for row in batch])
        except ImportRequestError as exc:
            exc.rows_done = start
            raise
        _add_payload(report, payload, batch)
        logger.debug("Imported rows %d to %d of %d", start + 1, start + len(batch), len(rows))
        if on_progress is not None:
            on_progress(start + len(batch), len(rows))
    return report


async def fetch_custom_field_types(
    client: httpx.AsyncClient, url: str, headers: dict[str, str]
) -> dict[str, str]:
    """Return the type (NUMBER, DATE...) of each custom field of the workspace, by key."""
    body = {"query": CUSTOM_FIELDS_QUERY}
    data = await _post(client, url, headers, body)
    fields = data.get("customFields")
    if not isinstance(fields, list):
        raise ImportRequestError(
            f"The service at {url} returned no customFields list.",
            f"Dịch vụ tại {url} không trả về danh sách customFields.",
        )
    return {field["key"]: field["type"] for field in fields}


async def _post_batch(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], customers: list[dict[str, Any]]
) -> dict[str, Any]:
    body = {"query": IMPORT_MUTATION, "variables": {"customers": customers}}
    data = await _post(client, url, headers, body)
    payload = data.get("importCustomers")
    if not isinstance(payload, dict):
        raise ImportRequestError(
            f"The service at {url} returned no importCustomers result.",
            f"Dịch vụ tại {url} không trả về kết quả importCustomers.",
        )

    whole_request = [e for e in payload.get("userErrors", []) if not _ROW_PATH.match(e["field"])]
    if whole_request:
        detail = "; ".join(f"{e['code']}: {e['message']}" for e in whole_request).rstrip(".")
        hint_en, hint_vi = "", ""
        if any(e["code"] == "LIMIT_EXCEEDED" for e in whole_request):
            hint_en = " Retry with a smaller --batch-size."
            hint_vi = " Hãy thử lại với --batch-size nhỏ hơn."
        raise ImportRequestError(
            f"The service at {url} rejected the batch: {detail}.{hint_en}",
            f"Dịch vụ tại {url} từ chối cả lô: {detail}.{hint_vi}",
        )
    return payload


async def _post(
    client: httpx.AsyncClient, url: str, headers: dict[str, str], body: dict[str, Any]
) -> dict[str, Any]:
    """Send one GraphQL request and return its `data`, or raise ImportRequestError."""
    try:
        response = await client.post(url, json=body, headers=headers)
    except httpx.TimeoutException as exc:
        raise ImportRequestError(
            f"The service at {url} did not respond in time ({type(exc).__name__})."
            " Retry with a smaller --batch-size or a longer --timeout.",
            f"Dịch vụ tại {url} không phản hồi kịp ({type(exc).__name__})."
            " Hãy thử lại với --batch-size nhỏ hơn hoặc --timeout dài hơn.",
        ) from exc
    except httpx.TransportError as exc:
        raise ImportRequestError(
            f"Could not connect to the service at {url} ({exc}). Start it with `make run`"
            " or `segments serve`, or check --url.",
            f"Không kết nối được dịch vụ tại {url} ({exc}). Hãy chạy `make run`"
            " hoặc `segments serve`, hoặc kiểm tra --url.",
        ) from exc
    return _read_response(response, url)


def _read_response(response: httpx.Response, url: str) -> dict[str, Any]:
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        body = None

    errors = body.get("errors") if isinstance(body, dict) else None
    data = body.get("data") if isinstance(body, dict) else None
    if errors or not isinstance(data, dict):
        if errors:
            detail = "; ".join(str(error.get("message", error)) for error in errors).rstrip(".")
        else:
            detail = f"HTTP {status}"
        hint_en, hint_vi = _hint_for_status(status)
        raise ImportRequestError(
            f"The service at {url} rejected the request: {detail}. {hint_en}",
            f"Dịch vụ tại {url} từ chối yêu cầu: {detail}. {hint_vi}",
        )
    return data


def _hint_for_status(status: int) -> tuple[str, str]:
    if status in (401, 403):
        return (
            "Pass an API key with write scope in --api-key or SEGMENTS_API_KEY.",
            "Hãy truyền khóa API có quyền ghi qua --api-key hoặc SEGMENTS_API_KEY.",
        )
    if status == 404:
        return (
            "Check --url: it must end in /graphql.",
            "Hãy kiểm tra --url: phải kết thúc bằng /graphql.",
        )
    if status == 413:
        return ("Retry with a smaller --batch-size.", "Hãy thử lại với --batch-size nhỏ hơn.")
    return ("See the service log for details.", "Xem nhật ký của dịch vụ để biết chi tiết.")


def _add_payload(report: ImportReport, payload: dict[str, Any], batch: Sequence[CsvRow]) -> None:
    report.created += int(payload.get("createdCount") or 0)
    report.updated += int(payload.get("updatedCount") or 0)

    rejected_indexes = {
        result["index"] for result in payload.get("results") or [] if result["status"] == "REJECTED"
    }
    for index in sorted(rejected_indexes):
        report.rejected_lines.add(batch[index].line)

    for error in payload.get("userErrors") or []:
        match = _ROW_PATH.match(error["field"])
        if match is None or int(match.group(1)) >= len(batch):
            continue
        index = int(match.group(1))
        problem = ServiceProblem(
            line=batch[index].line,
            field=match.group(2) or "",
            code=error["code"],
            message=error["message"],
        )
        # NOTE: the service sends userErrors only for rejected rows today, so
        # the warnings list (errors on rows it stored) has not been seen in use.
        target = report.rejected if index in rejected_indexes else report.warnings
        target.append(problem)
