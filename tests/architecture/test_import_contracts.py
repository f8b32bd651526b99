"""The import contracts hold, and an import that runs upward breaks them (issue #7, ADR 0015).

Each case copies the source tree to a temporary directory, plants one import in it, and runs
`lint-imports` with that copy first on ``PYTHONPATH`` and the project's `pyproject.toml`. An
upward import that closes a loop also breaks "No circles", and every case says so.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"

LAYERS = "Layers: conf > pages and API > domain apps > shared services > web | procedures"
IN_APP = "Within an app: pages, admin and tasks > services : selectors > models"
NO_CIRCLES = "No circles: no two sibling packages or modules import each other"
RULES_PURE = "rules/ is pure: no Django, nothing else of the project"
PROCEDURES_PURE = "procedures/ is pure: no Django, nothing of the project but rules/"


def _copy_tree(tmp_path: Path) -> Path:
    """Copy `src/politiebijstand` (Python files only) and `pyproject.toml` into `tmp_path`."""
    shutil.copytree(
        REPO / "src" / "politiebijstand",
        tmp_path / "src" / "politiebijstand",
        ignore=lambda folder, names: (
            [n for n in names if not n.endswith(".py") and not (Path(folder) / n).is_dir()]
            + ["__pycache__"]
        ),
    )
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def _plant(tree: Path, module: str, line: str) -> None:
    """Append `line` to the file of `module` (a dotted name inside `politiebijstand`)."""
    pad = tree / "src" / Path(*module.split("."))
    bestand = pad / "__init__.py" if pad.is_dir() else pad.with_suffix(".py")
    with bestand.open("a", encoding="utf-8") as f:
        f.write(f"\n{line}\n")


def _lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _broken(uitvoer: str) -> set[str]:
    """Names of the contracts that `lint-imports` reports as broken.

    Its summary has one line per contract, ``<name> KEPT`` or ``<name> BROKEN``, wrapped at the
    terminal width; so whitespace is collapsed and the first verdict after each name is read.
    """
    plat = " ".join(uitvoer.split())
    broken = set()
    for naam in (LAYERS, IN_APP, NO_CIRCLES, RULES_PURE, PROCEDURES_PURE):
        start = plat.index(naam)
        kept, gebroken = plat.find("KEPT", start), plat.find("BROKEN", start)
        if gebroken != -1 and (kept == -1 or gebroken < kept):
            broken.add(naam)
    return broken


def test_the_unplanted_tree_keeps_every_contract(tmp_path: Path) -> None:
    result = _lint_imports(_copy_tree(tmp_path))

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 5 kept, 0 broken." in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        pytest.param(
            "politiebijstand.rules",
            "from politiebijstand.verzoeken import models",
            {LAYERS, RULES_PURE, NO_CIRCLES},
            id="rules-imports-verzoeken",
        ),
        pytest.param(
            "politiebijstand.rules.bron",
            "import django.db",
            # procedures imports rules, so it now reaches Django indirectly.
            {RULES_PURE, PROCEDURES_PURE},
            id="rules-imports-django",
        ),
        pytest.param(
            "politiebijstand.procedures",
            "from politiebijstand.verzoeken import models",
            {LAYERS, PROCEDURES_PURE, NO_CIRCLES},
            id="procedures-imports-verzoeken",
        ),
        pytest.param(
            "politiebijstand.organisaties.services",
            "from politiebijstand.werkvoorraad import views",
            {LAYERS, NO_CIRCLES},
            id="organisaties-imports-werkvoorraad-views",
        ),
        pytest.param(
            "politiebijstand.meldingen.models",
            "from politiebijstand.meldingen import services",
            {IN_APP, NO_CIRCLES},
            id="meldingen-models-import-services",
        ),
        pytest.param(
            "politiebijstand.rules.bron",
            "from politiebijstand.rules import engine",
            {NO_CIRCLES},
            id="rules-bron-and-engine-in-a-circle",
        ),
    ],
)
def test_a_planted_import_breaks_its_contract(
    tmp_path: Path, module: str, line: str, broken: set[str]
) -> None:
    tree = _copy_tree(tmp_path)
    _plant(tree, module, line)

    result = _lint_imports(tree)

    assert result.returncode == 1, result.stdout + result.stderr
    assert _broken(result.stdout) == broken, result.stdout
