"""Recording a step on behalf of ("namens") a party without an account (issue #10 item 4).

Defence's DJZ and DOC, or a foreign police service, have no account: they answer by letter or
e-mail. The procedure's coordinator (LE-POB for procedures 1 and 6, the LOCC for 2 to 5, OZI
for 7 and 8) records that answer in the party's step, with the received PDF attached. The
rule is `toegang.regels.TAAK_NAMENS_VASTLEGGEN` (who); this module adds what: the PDF is
required, checked by content and stored with `documenten.services.extern_document_opslaan`
in the step's transaction, and the step's `gegevens` and audit event record ``namens`` (the
party's organisation code) and the document's uuid and sha256 (ADR 0037).

Internal to `verzoeken.services`: `taak_afronden` and `besluit_nemen` call it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from politiebijstand.documenten.services import extern_document_opslaan
from politiebijstand.verzoeken.exceptions import OngeldigeInvoer

if TYPE_CHECKING:
    from politiebijstand.accounts.models import Gebruiker
    from politiebijstand.verzoeken.models import Taak

#: The field of the received PDF, in the page's form, the API and every error (``bestand``).
BESTAND = "bestand"


def controleer_bijlage(*, namens: str | None, bestand: UploadedFile[bytes] | None) -> None:
    """Before any change: a step on behalf needs the received PDF; an own step takes none.

    Args:
        namens: the party's organisation code (`gedeeld.controleer_mag_uitvoeren`), or None
            for a step of the user's own organisation.
        bestand: the uploaded file, or None.

    Raises:
        OngeldigeInvoer: field ``bestand``: code ``bestand-verplicht`` (on behalf, no file) or
            ``bestand-niet-namens`` (a file with a step of one's own organisation).
    """
    if namens is not None and bestand is None:
        raise OngeldigeInvoer(
            "voeg het ontvangen antwoord van de partij toe als PDF: zonder het bestand kunt u "
            "deze stap niet namens haar vastleggen",
            veld=BESTAND,
            code="bestand-verplicht",
        )
    if namens is None and bestand is not None:
        raise OngeldigeInvoer(
            "een ontvangen PDF hoort alleen bij het vastleggen namens een partij zonder account",
            veld=BESTAND,
            code="bestand-niet-namens",
        )


def namens_vastleggen(
    *, taak: Taak, namens: str | None, bestand: UploadedFile[bytes] | None, door: Gebruiker
) -> dict[str, Any]:
    """Store the received PDF and record on the completed step on whose behalf it was done.

    Call after the step is completed (`gedeeld.stap_uitvoeren`), in the same transaction: a
    refused file raises, and the transaction rolls the step back; the file is checked before
    it is written, so nothing is stored (ADR 0032).

    Args:
        taak: the completed step (its `gegevens` set by `stap_uitvoeren`).
        namens: the party's organisation code, or None (then nothing happens).
        bestand: the received PDF (checked present by `controleer_bijlage`).
        door: the coordinator's user who records it.

    Returns:
        ``{"namens": code, "document": uuid, "sha256": hex}`` for the audit event, also merged
        into ``taak.gegevens``; ``{}`` for a step of one's own organisation.

    Raises:
        OngeldigeInvoer: field ``bestand``, with the documents app's code
            (``bestand-leeg``, ``bestand-te-groot``, ``bestand-geen-pdf``).
    """
    if namens is None or bestand is None:
        return {}
    partij = taak.organisatie.naam
    try:
        document = extern_document_opslaan(
            verzoek=taak.verzoek,
            bestand=bestand,
            afzender=partij,
            door=door,
            titel=f"Antwoord van {partij}: {taak.naam}",
        )
    except ValidationError as fout:
        fouten = fout.error_dict.get(BESTAND) or next(iter(fout.error_dict.values()))
        eerste = fouten[0]
        raise OngeldigeInvoer(
            " ".join(eerste.messages), veld=BESTAND, code=eerste.code or "bestand-ongeldig"
        ) from fout
    vastgelegd = {"namens": namens, "document": str(document.uuid), "sha256": document.sha256}
    taak.gegevens = {**(taak.gegevens or {}), **vastgelegd}
    taak.save(update_fields=["gegevens"])
    return vastgelegd
