"""The segment manager page at `/` and the GraphiQL page served at `/graphql`.

The page is plain HTML, CSS and JavaScript modules under `web/`, with no
build step. GraphiQL loads React, ReactDOM and GraphiQL from
`web/node_modules` when `make web` has installed the pinned npm packages, so
it works without internet access. Otherwise it loads the same versions from
the unpkg CDN, checked by their Subresource Integrity hashes.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

logger = logging.getLogger(__name__)

# NOTE: the files are read from the source tree, so the page is served only by
# an editable install or a checkout (as `make run` uses), not by a wheel.
WEB_DIR = Path(__file__).resolve().parent.parent / "web"
NODE_MODULES = WEB_DIR / "node_modules"


@dataclass(frozen=True)
class VendorAsset:
    """One file of a pinned npm package, served at `/vendor/<name>`."""

    name: str
    package: str
    version: str
    path: str
    integrity: str

    @property
    def local_file(self) -> Path:
        return NODE_MODULES / self.package / self.path

    @property
    def cdn_url(self) -> str:
        return f"https://unpkg.com/{self.package}@{self.version}/{self.path}"


# The versions must equal the pins in web/package.json; a test checks that.
# GraphiQL 4.1 is the last release that ships a browser bundle (graphiql.min.js):
# the graphiql 5.0.0 package contains only ES modules that need a bundler. The
# bundle loads React as globals, which only UMD builds define, and React 19.0.0
# ships none, so React stays on 18.3.
# The hashes are the sha384 of the files as npm installs them.
VENDOR_ASSETS = {
    asset.name: asset
    for asset in (
        VendorAsset(
            "react.js",
            "react",
            "18.3.1",
            "umd/react.production.min.js",
            "sha384-DGyLxAyjq0f9SPpVevD6IgztCFlnMF6oW/XQGmfe+IsZ8TqEiDrcHkMLKI6fiB/Z",
        ),
        VendorAsset(
            "react-dom.js",
            "react-dom",
            "18.3.1",
            "umd/react-dom.production.min.js",
            "sha384-gTGxhz21lVGYNMcdJOyq01Edg0jhn/c22nsx0kyqP0TxaV5WVdsSH1fSDUf5YJj1",
        ),
        VendorAsset(
            "graphiql.js",
            "graphiql",
            "4.1.2",
            "graphiql.min.js",
            "sha384-9XdHu7ajgGJziD4J1zNBKQ842Q/+zZfDv+ib1eMhZWBH6hPAs806x+Jbcf0yNO6B",
        ),
        VendorAsset(
            "graphiql.css",
            "graphiql",
            "4.1.2",
            "graphiql.min.css",
            "sha384-1el1QShFBnnXTx9x/Cprg82hZWKt0ry29OAYIXt05swbi0KcZDFoj0CWguMpopJr",
        ),
    )
}


def local_assets_installed() -> bool:
    return all(asset.local_file.is_file() for asset in VENDOR_ASSETS.values())


def _asset_url(asset: VendorAsset, local: bool) -> str:
    return f"/vendor/{asset.name}" if local else asset.cdn_url


def _asset_attributes(asset: VendorAsset, local: bool) -> str:
    url = html.escape(_asset_url(asset, local))
    if local:
        return f'href="{url}"' if asset.name.endswith(".css") else f'src="{url}"'
    checked = f'integrity="{asset.integrity}" crossorigin="anonymous"'
    return f'href="{url}" {checked}' if asset.name.endswith(".css") else f'src="{url}" {checked}'


def graphiql_html() -> str:
    """Return the GraphiQL page, with local assets when they are installed, else the CDN's."""
    local = local_assets_installed()
    assets = VENDOR_ASSETS
    source = "local" if local else "cdn"
    return f"""<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>GraphiQL · Customer segments</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" {_asset_attributes(assets["graphiql.css"], local)}>
    <link rel="stylesheet" href="/app/graphiql.css">
  </head>
  <body>
    <div id="graphiql" data-assets="{source}">Loading GraphiQL…</div>
    <script {_asset_attributes(assets["react.js"], local)}></script>
    <script {_asset_attributes(assets["react-dom.js"], local)}></script>
    <script {_asset_attributes(assets["graphiql.js"], local)}></script>
    <script src="/app/graphiql.js"></script>
  </body>
</html>
"""


async def index(request: Request) -> Response:
    return FileResponse(WEB_DIR / "index.html", media_type="text/html")


async def vendor_asset(request: Request) -> Response:
    """Serve one file of the pinned npm packages; nothing else under node_modules is reachable."""
    asset = VENDOR_ASSETS.get(request.path_params["name"])
    if asset is None or not asset.local_file.is_file():
        message = "Not found. Run 'make web' to install GraphiQL's files."
        return PlainTextResponse(message, status_code=404)
    return FileResponse(asset.local_file)


def web_routes() -> list[BaseRoute]:
    """Return the routes of the page and its assets, to mount next to `/graphql`."""
    if not local_assets_installed():
        logger.info(
            "GraphiQL files are not installed in %s; /graphql loads them from the CDN", NODE_MODULES
        )
    return [
        Route("/", index, methods=["GET", "HEAD"]),
        Mount("/app", app=StaticFiles(directory=WEB_DIR / "app"), name="app"),
        Route("/vendor/{name}", vendor_asset, methods=["GET", "HEAD"]),
    ]
