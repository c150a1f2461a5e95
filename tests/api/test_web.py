"""The segment manager's files and the GraphiQL page, served by the app."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from api import web
from tests.conftest import Api

MESSAGES = web.WEB_DIR / "app" / "messages"


async def test_index_serves_page_with_module_script(api: Api) -> None:
    response = await api.client.get("/")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<script type="module" src="/app/main.js">' in response.text


async def test_page_modules_are_served_as_javascript(api: Api) -> None:
    for name in ("main.js", "editor.js", "values.js", "graphql.js"):
        response = await api.client.get(f"/app/{name}")
        assert response.status_code == 200, name
        assert "javascript" in response.headers["content-type"], name


def test_catalogs_have_same_keys() -> None:
    english = json.loads((MESSAGES / "en.json").read_text(encoding="utf-8"))
    vietnamese = json.loads((MESSAGES / "vi.json").read_text(encoding="utf-8"))

    assert sorted(english) == sorted(vietnamese)
    assert [key for key, text in vietnamese.items() if not text.strip()] == []


def test_catalogs_name_every_operator() -> None:
    schema = (Path(web.WEB_DIR).parent / "schema.graphql").read_text(encoding="utf-8")
    block = schema.split("enum Operator {", 1)[1].split("}", 1)[0]
    operators = block.split()
    english = json.loads((MESSAGES / "en.json").read_text(encoding="utf-8"))

    assert operators
    assert [op for op in operators if f"operator.{op}" not in english] == []


async def test_graphiql_page_uses_local_files_when_installed(api: Api) -> None:
    if not web.local_assets_installed():
        pytest.skip("GraphiQL's npm files are not installed in web/node_modules; run 'make web'")

    response = await api.client.get("/graphql", headers={"accept": "text/html"})

    assert response.status_code == 200
    assert 'src="/vendor/graphiql.js"' in response.text
    assert "unpkg.com" not in response.text


def test_graphiql_page_falls_back_to_cdn(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(web, "NODE_MODULES", tmp_path / "node_modules")

    page = web.graphiql_html()

    assert web.local_assets_installed() is False
    for asset in web.VENDOR_ASSETS.values():
        assert f'"{asset.cdn_url}" integrity="{asset.integrity}" crossorigin="anonymous"' in page
    assert "/vendor/" not in page


async def test_vendor_route_serves_only_listed_files(api: Api) -> None:
    unknown = await api.client.get("/vendor/package.json")
    traversal = await api.client.get("/vendor/..%2Fpackage.json")

    assert unknown.status_code == 404
    assert traversal.status_code == 404
    if web.local_assets_installed():
        react = await api.client.get("/vendor/react.js")
        assert react.status_code == 200
        assert "javascript" in react.headers["content-type"]


def test_vendor_versions_match_package_pins() -> None:
    package = json.loads((web.WEB_DIR / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((web.WEB_DIR / "package-lock.json").read_text(encoding="utf-8"))

    for asset in web.VENDOR_ASSETS.values():
        assert package["dependencies"][asset.package] == asset.version, asset.name
        assert lock["packages"][f"node_modules/{asset.package}"]["version"] == asset.version, (
            asset.name
        )


def test_vendor_integrity_matches_installed_files() -> None:
    if not web.local_assets_installed():
        pytest.skip("GraphiQL's npm files are not installed in web/node_modules; run 'make web'")

    for asset in web.VENDOR_ASSETS.values():
        digest = hashlib.sha384(asset.local_file.read_bytes()).digest()
        assert asset.integrity == "sha384-" + base64.b64encode(digest).decode(), asset.name
