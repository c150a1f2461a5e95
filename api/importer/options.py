"""Options of `segments import-customers` and their checks."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from api.importer.client import DEFAULT_BATCH_SIZE, MAX_BATCH_SIZE
from api.importer.summary import Language
from api.importer.values import is_phone_region

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


def check_options(args: argparse.Namespace) -> tuple[str, str] | None:
    """Return the English and Vietnamese message for an invalid option, or None."""
    if not 1 <= args.batch_size <= MAX_BATCH_SIZE:
        return (
            f"--batch-size must be from 1 to {MAX_BATCH_SIZE}, got {args.batch_size}.",
            f"--batch-size phải từ 1 đến {MAX_BATCH_SIZE}, nhận được {args.batch_size}.",
        )
    if args.phone_region and not is_phone_region(args.phone_region.upper()):
        return (
            f"Unknown --phone-region {args.phone_region!r}: expected a two-letter code such as US.",
            f"--phone-region {args.phone_region!r} không hợp lệ: cần mã hai chữ cái, ví dụ US.",
        )
    if args.timeout <= 0:
        return (
            f"--timeout must be more than 0 seconds, got {args.timeout}.",
            f"--timeout phải lớn hơn 0 giây, nhận được {args.timeout}.",
        )
    return None
