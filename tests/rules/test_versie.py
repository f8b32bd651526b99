"""The rules version: one stable hash of the rules' source, for the advice and the requests."""

from __future__ import annotations

import hashlib
from pathlib import Path

import politiebijstand.rules as rules
from politiebijstand.rules.versie import KORT, regels_versie, regels_versie_kort


def test_regels_versie_is_de_sha256_van_de_broncode_en_de_gemeenten_van_de_regels() -> None:
    root = Path(rules.__file__).resolve().parent
    digest = hashlib.sha256()
    bestanden = sorted([*root.rglob("*.py"), *root.glob("data/*.csv")])
    assert root / "versie.py" in bestanden
    assert root / "data" / "gemeenten-2024.csv" in bestanden
    assert root / "politiewet_2012" / "bijstand_kmar.py" in bestanden
    for pad in bestanden:
        digest.update(pad.relative_to(root).as_posix().encode() + pad.read_bytes())
    assert regels_versie() == digest.hexdigest()
    assert len(regels_versie()) == 64
    assert regels_versie() == regels_versie()


def test_korte_regelversie_is_het_begin() -> None:
    assert KORT == 12
    assert regels_versie_kort() == regels_versie()[:12]
