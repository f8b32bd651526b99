"""Errors of the verzoeken services: a stable kebab-case `code`, the field, a Dutch message.

The UI and API show `message` to the user as it is; `veld` names the offending form field
(or is empty), `code` is stable for clients and tests (STYLE.md § 2).
"""

from __future__ import annotations


class VerzoekFout(Exception):
    """Base class: a refused action. Nothing was changed when it is raised."""

    code = "verzoek-fout"

    def __init__(self, message: str, *, veld: str = "", code: str | None = None) -> None:
        super().__init__(f"{veld}: {message}" if veld else message)
        self.message = message
        self.veld = veld
        if code is not None:
            self.code = code


class OngeldigeInvoer(VerzoekFout):
    """Input is missing or wrong; `veld` names the field."""

    code = "ongeldige-invoer"


class GeenToegang(VerzoekFout):
    """The user may not do this (need-to-know, lane, role). The UI answers 404 or 403."""

    code = "geen-toegang"


class TaakNietOpen(VerzoekFout):
    """The task was already completed, handed on or cancelled (e.g. by a colleague just now)."""

    code = "taak-niet-open"


class GelijktijdigGewijzigd(VerzoekFout):
    """Someone else changed the same procedure run at the same moment; nothing was stored."""

    code = "gelijktijdig-gewijzigd"


class OngeldigeOvergang(VerzoekFout):
    """The act is not allowed in the current status (`workflow.OVERGANGEN`)."""

    code = "ongeldige-overgang"
