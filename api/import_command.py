"""The `segments import-customers FILE.csv` command: options, progress and summary.

The summary goes to standard output, progress to standard error. The exit
status is 0 when the service accepted every request, even if it rejected
some rows. It is 1 when a request failed as a whole. It is 2 when the
options, the file or the mapping are invalid, which includes a mapped
custom field that the workspace does not define.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path
from typing import TextIO

import httpx

from api.csv_import import CsvFileError, CsvRow, CsvTable, build_rows, read_table
from api.csv_mapping import (
    CUSTOM_PREFIX,
    ColumnMapping,
    MappingError,
    load_mapping_file,
    parse_map_option,
    resolve_mapping,
)
from api.csv_values import is_phone_region
from api.import_client import (
    DEFAULT_BATCH_SIZE,
    MAX_BATCH_SIZE,
    ImportReport,
    ImportRequestError,
    fetch_custom_field_types,
    send_rows,
)
from api.import_summary import Language, ProgressPrinter, print_local_plan, print_report, say

DEFAULT_URL = "http://127.0.0.1:8000/graphql"


def default_language() -> Language:
    """Return `vi` when the `LANG` environment variable names Vietnamese, else `en`."""
    return "vi" if os.environ.get("LANG", "").lower().startswith("vi") else "en"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE.csv", help="CSV file to import (UTF-8).")
    parser.add_argument(
        "--url",
        default=DEFAULT_URL,
        help=f"GraphQL endpoint of the service (default: {DEFAULT_URL}).",
    )
    parser.add_argument(
        "--api-key",
        default=os.environ.get("SEGMENTS_API_KEY"),
        help="API key with write scope, sent as a Bearer token (default: $SEGMENTS_API_KEY).",
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        metavar='"CSV Header=fieldName"',
        help="Column to field mapping, repeatable; fieldName may be custom.<key>, or - to"
        " ignore the column. Overrides --mapping and the built-in header names.",
    )
    parser.add_argument(
        "--mapping",
        type=Path,
        metavar="FILE.json",
        help='JSON object of "CSV Header": "fieldName".',
    )
    parser.add_argument(
        "--phone-region",
        metavar="CC",
        help="Two-letter region code (ISO 3166-1) for phones written without a country code,"
        " such as US: numbers valid there are sent in international form, others as written,"
        " and the service reads those as Vietnamese (default: none).",
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=DEFAULT_BATCH_SIZE,
        help=f"Rows per request, 1 to {MAX_BATCH_SIZE} (default: {DEFAULT_BATCH_SIZE}).",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        help="Time limit per request in seconds (default: 60).",
    )
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        default=default_language(),
        help="Language of messages, also sent as Accept-Language (default: from $LANG).",
    )
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="Read and check the file, print the mapping and the rejected rows, send nothing.",
    )


def run(args: argparse.Namespace) -> int:
    return asyncio.run(_run_with_new_client(args))


async def _run_with_new_client(args: argparse.Namespace) -> int:
    async with httpx.AsyncClient(timeout=args.timeout) as client:
        return await run_with_client(args, client)


async def run_with_client(args: argparse.Namespace, client: httpx.AsyncClient) -> int:
    """Run the command with parsed `args`, sending through `client`; return the exit status."""
    language: Language = args.lang
    if not 1 <= args.batch_size <= MAX_BATCH_SIZE:
        say(
            sys.stderr,
            language,
            f"--batch-size must be from 1 to {MAX_BATCH_SIZE}, got {args.batch_size}.",
            f"--batch-size phải từ 1 đến {MAX_BATCH_SIZE}, nhận được {args.batch_size}.",
        )
        return 2

    region = args.phone_region.upper() if args.phone_region else None
    if region is not None and not is_phone_region(region):
        say(
            sys.stderr,
            language,
            f"Unknown --phone-region {args.phone_region!r}: expected a two-letter code such as US.",
            f"--phone-region {args.phone_region!r} không hợp lệ: cần mã hai chữ cái, ví dụ US.",
        )
        return 2

    try:
        user_mapping = load_mapping_file(args.mapping) if args.mapping else {}
        user_mapping.update(parse_map_option(option) for option in args.map)
        table = read_table(args.file)
        mapping = resolve_mapping(table.headers, user_mapping)
    except (MappingError, CsvFileError) as exc:
        say(sys.stderr, language, exc.en, exc.vi)
        return 2

    if not mapping.mapped:
        say(
            sys.stderr,
            language,
            f"No column of {args.file} matches a customer field. Name the columns with --map"
            ' "CSV Header=fieldName" or --mapping FILE.json.',
            f"Không cột nào của {args.file} khớp với trường khách hàng. Hãy chỉ định bằng --map"
            ' "Tên cột=tênTrường" hoặc --mapping FILE.json.',
        )
        return 2

    if args.dry_run:
        # NOTE: a dry run reads custom field cells as text, because the types
        # of custom fields come from the service and a dry run sends nothing.
        rows = build_rows(table, mapping, phone_region=region)
        print_local_plan(sys.stdout, language, args.file, mapping, rows)
        print_report(sys.stdout, language, None, rows, mapping)
        return 0

    return await _import(client, args, table, mapping, region, language)


def request_headers(language: Language, api_key: str | None) -> dict[str, str]:
    headers: dict[str, str] = {"Accept-Language": language}
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"
    return headers


async def import_file_rows(
    rows: list[CsvRow],
    *,
    client: httpx.AsyncClient,
    url: str,
    language: Language,
    api_key: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress_stream: TextIO | None = None,
) -> ImportReport:
    """Send the valid `rows` through `client` and return the service's report."""
    valid_rows = [row for row in rows if not row.problems]
    progress = ProgressPrinter(progress_stream, language) if progress_stream else None
    return await send_rows(
        valid_rows,
        client=client,
        url=url,
        headers=request_headers(language, api_key),
        batch_size=batch_size,
        on_progress=progress,
    )


async def _import(
    client: httpx.AsyncClient,
    args: argparse.Namespace,
    table: CsvTable,
    mapping: ColumnMapping,
    region: str | None,
    language: Language,
) -> int:
    try:
        custom_types = await _custom_field_types(client, args.url, args.api_key, mapping, language)
        missing = _undefined_custom_fields(mapping, custom_types)
        if missing:
            say(
                sys.stderr,
                language,
                f"Custom fields not defined in the workspace: {missing}. Create them with"
                " the createCustomField mutation, or map the columns elsewhere with --map.",
                f"Trường tùy chỉnh chưa được định nghĩa trong workspace: {missing}. Hãy tạo"
                " bằng mutation createCustomField, hoặc ghép cột khác bằng --map.",
            )
            return 2

        rows = build_rows(table, mapping, phone_region=region, custom_types=custom_types)
        print_local_plan(sys.stdout, language, args.file, mapping, rows)
        # Progress only helps when there is more than one request to wait for.
        valid_count = sum(1 for row in rows if not row.problems)
        report = await import_file_rows(
            rows,
            client=client,
            url=args.url,
            language=language,
            api_key=args.api_key,
            batch_size=args.batch_size,
            progress_stream=sys.stderr if valid_count > args.batch_size else None,
        )
    except ImportRequestError as exc:
        _say_request_failed(exc, language)
        return 1

    print_report(sys.stdout, language, report, rows, mapping)
    return 0


async def _custom_field_types(
    client: httpx.AsyncClient,
    url: str,
    api_key: str | None,
    mapping: ColumnMapping,
    language: Language,
) -> dict[str, str]:
    if not any(target.startswith(CUSTOM_PREFIX) for target in mapping.targets()):
        return {}
    return await fetch_custom_field_types(client, url, request_headers(language, api_key))


def _undefined_custom_fields(mapping: ColumnMapping, custom_types: dict[str, str]) -> str:
    keys = sorted(
        target.removeprefix(CUSTOM_PREFIX)
        for target in mapping.targets()
        if target.startswith(CUSTOM_PREFIX)
    )
    return ", ".join(repr(key) for key in keys if key not in custom_types)


def _say_request_failed(exc: ImportRequestError, language: Language) -> None:
    say(sys.stderr, language, exc.en, exc.vi)
    if exc.rows_done:
        say(
            sys.stderr,
            language,
            f"The first {exc.rows_done} rows were sent before the failure; importing the"
            " file again updates them instead of duplicating them.",
            f"{exc.rows_done} dòng đầu đã được gửi trước khi lỗi; nhập lại tệp sẽ cập nhật"
            " chúng, không tạo bản trùng.",
        )
