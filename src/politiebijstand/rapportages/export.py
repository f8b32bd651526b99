"""A report as a file: CSV (all tables one after the other) and XLSX (one sheet per table).

CSV is written as `verzoeken.ui.export` writes for a Dutch desktop: UTF-8 with a byte-order
mark, ``;`` between cells, per table its caption, its header row, its rows and an empty line;
numbers with a decimal comma (what Dutch Excel reads as a number), "no value" as an empty
cell. XLSX (openpyxl): one sheet per table named after `Tabel.sleutel`, the header row first,
numbers stored as numbers. Labels that a spreadsheet would run as a formula are prefixed with
``'`` (OWASP, CSV injection). Issue #11 item 4; ADR 0040.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from politiebijstand.rapportages.selectors import Rapportage

_FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def _tekst(waarde: str) -> str:
    return f"'{waarde}" if waarde.startswith(_FORMULE_TEKENS) else waarde


def _csv_cel(waarde: Any) -> str:
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, int):
        return str(waarde)
    if isinstance(waarde, float):
        return f"{waarde:.2f}".replace(".", ",")
    return _tekst(str(waarde))


def rapportage_csv(rapportage: Rapportage) -> bytes:
    """The report's tables as one CSV file (UTF-8 with BOM, ``;``, CRLF)."""
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for i, tabel in enumerate(rapportage.tabellen):
        if i:
            schrijver.writerow([])
        schrijver.writerow([tabel.titel])
        schrijver.writerow(tabel.kolommen)
        schrijver.writerows([_csv_cel(c) for c in rij] for rij in tabel.rijen)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def rapportage_xlsx(rapportage: Rapportage) -> bytes:
    """The report's tables as an XLSX workbook, one sheet per table (bold header row)."""
    boek = Workbook()
    boek.remove(boek.active)
    vet = Font(bold=True)
    for tabel in rapportage.tabellen:
        blad = boek.create_sheet(title=tabel.sleutel[:31])
        blad.append(list(tabel.kolommen))
        for cel in blad[1]:
            cel.font = vet
        for rij in tabel.rijen:
            blad.append([_tekst(c) if isinstance(c, str) else c for c in rij])
        blad.column_dimensions["A"].width = max(
            [len(str(r[0])) for r in tabel.rijen] + [len(tabel.kolommen[0]), 10]
        )
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
