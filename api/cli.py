"""The `segments` command-line tool.

Each subcommand is a `Command`: its name, a help line, a function that adds
its options to an argparse parser and a function that runs it and returns
the exit status. To add a subcommand, write those two functions in a module
of their own and append a `Command` to `COMMANDS`.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from api import api_keys_command
from api.importer import command as import_command
from api.importer import options as import_options

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Command:
    """One subcommand of `segments`."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def _add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", help="Interface to listen on (default: HOST setting, 127.0.0.1).")
    parser.add_argument(
        "--port", type=int, help="TCP port to listen on (default: PORT setting, 8000)."
    )


def _run_serve(args: argparse.Namespace) -> int:
    # Imported here so that `segments import-customers` starts without loading the server.
    import uvicorn

    from api.logging_setup import configure_logging
    from api.settings import get_settings

    settings = get_settings()
    configure_logging(settings.log_level)
    uvicorn.run(
        "api.app:create_app",
        factory=True,
        host=args.host or settings.host,
        port=args.port or settings.port,
        log_level=settings.log_level.lower(),
    )
    return 0


def _add_export_schema_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--output",
        type=Path,
        metavar="FILE",
        help="File to write the SDL to (default: standard output).",
    )


def _run_export_schema(args: argparse.Namespace) -> int:
    from api.schema import build_schema

    sdl = build_schema().as_str().rstrip("\n") + "\n"
    if args.output is None:
        sys.stdout.write(sdl)
    else:
        args.output.write_text(sdl, encoding="utf-8")
    return 0


COMMANDS: list[Command] = [
    Command("serve", "Serve the GraphQL API over HTTP.", _add_serve_arguments, _run_serve),
    Command(
        "export-schema",
        "Print the GraphQL schema (SDL) that schema.graphql must equal.",
        _add_export_schema_arguments,
        _run_export_schema,
    ),
    Command(
        "import-customers",
        "Import customers from a CSV file through the running service.",
        import_options.add_arguments,
        import_command.run,
    ),
    Command(
        "create-api-key",
        "Create an API key for a workspace and print it once (needs MONGODB_URI).",
        api_keys_command.add_create_arguments,
        api_keys_command.run_create,
    ),
    Command(
        "list-api-keys",
        "List API keys with their workspace, scope and first characters (needs MONGODB_URI).",
        api_keys_command.add_list_arguments,
        api_keys_command.run_list,
    ),
    Command(
        "revoke-api-key",
        "Revoke an API key by id (needs MONGODB_URI).",
        api_keys_command.add_revoke_arguments,
        api_keys_command.run_revoke,
    ),
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="segments", description="Customer segments service: server and tools."
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        subparser = subparsers.add_parser(command.name, help=command.help, description=command.help)
        command.add_arguments(subparser)
        subparser.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
