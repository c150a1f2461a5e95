"""The `segments import-customers FILE.csv` command: reading, sending and reporting.

The summary goes to standard output, progress to standard error. The exit
status is 0 when the service accepted every request, even if it rejected
some rows. It is 1 when a request failed as a whole. It is 2 when the
options, the file or the mapping are invalid, which includes a mapped
custom field that the workspace does not define.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TextIO

import httpx

from api.importer.client import (
    DEFAULT_BATCH_SIZE,
    ImportReport,
    ImportRequestError,
    fetch_custom_field_types,
    send_rows,
)
from api.importer.mapping import (
    CUSTOM_PREFIX,
    ColumnMapping,
    MappingError,
    load_mapping_file,
    parse_map_option,
    resolve_mapping,
)
from api.importer.options import check_options
from api.importer.reader import CsvFileError, CsvRow, CsvTable, build_rows, read_table
from api.importer.summary import Language, ProgressPrinter, print_local_plan, print_report, say


def run(args: argparse.Namespace) -> int:
    try:
        return asyncio.run(_run_with_new_client(args))
    except KeyboardInterrupt:
        say(
            sys.stderr,
            args.lang,
            "Interrupted. The batches sent before are imported; importing the file again"
            " updates those rows instead of duplicating them.",
            "Đã dừng. Các lô đã gửi trước đó đã được nhập; nhập lại tệp sẽ cập nhật các dòng"
            " đó, không tạo bản trùng.",
        )
        return 130  # the shell's status for a process ended by SIGINT


async def _run_with_new_client(args: argparse.Namespace) -> int:
    async with httpx.AsyncClient(timeout=args.timeout) as client:
        return await run_with_client(args, client)


async def run_with_client(args: argparse.Namespace, client: httpx.AsyncClient) -> int:
    """Run the command with parsed `args`, sending through `client`; return the exit status."""
    language: Language = args.lang
    invalid = check_options(args)
    if invalid is not None:
        say(sys.stderr, language, *invalid)
        return 2
    region = args.phone_region.upper() if args.phone_region else None

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
                "Trường tùy chỉnh chưa được định nghĩa trong không gian làm việc: "
                f"{missing}. Hãy tạo"
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
