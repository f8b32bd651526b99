"""The vendored NL Design System files match their manifest and package-lock.json."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from django.conf import settings

REPO = Path(__file__).resolve().parents[2]
VENDOR = REPO / "src" / "politiebijstand" / "ui" / "static" / "vendor"


def _manifest() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((VENDOR / "MANIFEST.json").read_text(encoding="utf-8"))
    return data


def _lock() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    return data


def test_every_vendored_file_has_the_sha256_of_the_manifest() -> None:
    for entry in _manifest()["packages"]:
        for item in entry["files"]:
            data = (VENDOR / item["path"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == item["sha256"], item["path"]


def test_vendor_folder_holds_only_files_listed_in_the_manifest() -> None:
    listed = {item["path"] for entry in _manifest()["packages"] for item in entry["files"]}
    present = {
        p.relative_to(VENDOR).as_posix()
        for p in VENDOR.rglob("*")
        if p.is_file() and p.name != "MANIFEST.json"
    }
    assert present == listed


def test_manifest_versions_are_those_of_package_lock() -> None:
    lock = _lock()
    for entry in _manifest()["packages"]:
        locked = lock["packages"][f"node_modules/{entry['package']}"]
        assert entry["version"] == locked["version"], entry["package"]
        assert entry["integrity"] == locked["integrity"], entry["package"]


def test_package_json_pins_the_locked_versions_and_no_owner_token_packages() -> None:
    package = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    deps: dict[str, str] = package["devDependencies"]
    lock = _lock()
    for name, version in deps.items():
        assert lock["packages"][f"node_modules/{name}"]["version"] == version
    assert deps["@utrecht/component-library-css"].startswith("9.")
    assert deps["@nl-design-system-unstable/voorbeeld-design-tokens"].startswith("7.")
    shipped = {entry["package"] for entry in _manifest()["packages"]}
    forbidden = ("design-tokens", "rijkshuisstijl", "rvo")
    owner_tokens = {
        name
        for name in shipped
        if any(word in name for word in forbidden) and "voorbeeld" not in name
    }
    assert owner_tokens == set()


def test_manifest_names_an_open_licence_for_every_package() -> None:
    licences = {entry["package"]: entry["licence"] for entry in _manifest()["packages"]}
    assert licences == {
        "@utrecht/component-library-css": "EUPL-1.2",
        "@nl-design-system-unstable/voorbeeld-design-tokens": "EUPL-1.2",
        "@fontsource/noto-sans": "OFL-1.1",
        "@fontsource/noto-serif": "OFL-1.1",
        "bpmn-js": "bpmn.io License (MIT, watermark must stay visible)",
    }


def test_bpmn_js_licence_file_with_the_watermark_clause_is_shipped() -> None:
    licence = (VENDOR / "bpmn-js" / "LICENSE").read_text(encoding="utf-8")
    assert "the watermark must stay fully visible" in licence


def test_default_theme_css_setting_points_at_the_vendored_voorbeeld_theme() -> None:
    assert settings.THEME_CSS == "vendor/voorbeeld-design-tokens/theme.css"
    assert (REPO / "src/politiebijstand/ui/static" / settings.THEME_CSS).is_file()
