"""The request's documents: the signed request form rendered as PDF/A and stored (issue #10).

The form's signed content (`FormulierVersie.inhoud`, canonical JSON, ADR 0033) becomes the
`documenten` context `Aanvraagformulier`, rendered with typst and stored as a new version of
the request's form for that route and municipality, with who signed, in which capacity and
when (ADR 0032). In the caller's transaction: if signing fails, no row stays (the file may).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from politiebijstand.documenten.constants import Soort
from politiebijstand.documenten.contexten import (
    Aanvraagformulier,
    Afzender,
    Capaciteitsregel,
    Ondertekening,
)
from politiebijstand.documenten.models import Document
from politiebijstand.documenten.renderen import document_renderen, sjabloon_versie
from politiebijstand.documenten.services import document_opslaan
from politiebijstand.organisaties.models import Organisatie

if TYPE_CHECKING:
    from politiebijstand.accounts.models import Gebruiker
    from politiebijstand.verzoeken.models import FormulierVersie


def _moment(waarde: Any, standaard: datetime) -> datetime:
    return datetime.fromisoformat(waarde) if isinstance(waarde, str) and waarde else standaard


def _zienswijze(inhoud: dict[str, Any]) -> str:
    if inhoud.get("zienswijze_niet_nodig"):
        return f"Niet nodig: {inhoud['zienswijze_niet_nodig']}"
    if inhoud.get("zienswijze_inhoud"):
        return f"{inhoud.get('zienswijze_datum', '')}: {inhoud['zienswijze_inhoud']}".lstrip(": ")
    return ""


def formulier_sleutel(versie: FormulierVersie) -> str:
    """The document key of a form: its part and municipality (``"1:GM0629"``, ``"1:-"``)."""
    return f"{versie.deelverzoek.volgnummer}:{versie.gemeente_code or '-'}"


def formulier_document_maken(
    *, versie: FormulierVersie, gezag: Organisatie, door: Gebruiker, nu: datetime
) -> Document:
    """Render a signed form version as PDF/A-2b and store it as the form's next document.

    Args:
        versie: the signed version (`ondertekend_op`, `hoedanigheid` filled).
        gezag: the competent authority that signed (`formulier.gezag_van_formulier`).
        door: the signatory.
        nu: aware datetime of the signature (stored UTC; printed Europe/Amsterdam).

    Returns:
        The stored `Document` (soort ``aanvraagformulier``, key `formulier_sleutel`).
    """
    # The signed content: the form's fields under "velden" (formulier_opslaan, ADR 0033).
    ondertekend: dict[str, Any] = json.loads(versie.inhoud)
    inhoud: dict[str, Any] = ondertekend.get("velden") or {}
    deel = versie.deelverzoek
    verzoek = deel.verzoek
    naar = str(deel.route.get("formulier_naar") or "")
    ontvanger = Organisatie.objects.filter(code=naar).only("naam").first() if naar else None
    van = _moment(inhoud.get("periode_start"), verzoek.periode_start)
    tot = _moment(inhoud.get("periode_eind"), verzoek.periode_eind)
    context = Aanvraagformulier(
        kenmerk=verzoek.kenmerk,
        oefening=verzoek.oefening,
        tijdstip=nu,
        afzender=Afzender(organisatie=gezag.naam),
        geadresseerden=(ontvanger.naam,) if ontvanger else (),
        onderwerp=f"Aanvraag bijstand: {verzoek.titel}",
        ondertekening=Ondertekening(
            naam=str(door.get_full_name() or door.get_username()),
            functie=str(inhoud.get("ondertekenaar") or ""),
            namens=versie.hoedanigheid,
        ),
        gemeente=gezag.afkorting if versie.gemeente_code else "",
        verzoekende_autoriteit=str(inhoud.get("aanvrager") or gezag.naam),
        eenheid=str(inhoud.get("eenheid") or ""),
        grondslag=str(inhoud.get("grondslag") or ""),
        taak=str(inhoud.get("taak") or "").replace("_", " "),
        aanleiding=str(inhoud.get("aanleiding") or ""),
        verwachte_taak="\n\n".join(
            str(inhoud[k]) for k in ("gewenst_effect", "taken") if inhoud.get(k)
        ),
        politiebevoegdheden=inhoud.get("politiebevoegdheden") == "ja",
        geweld=inhoud.get("geweld") == "ja",
        periode_van=van,
        periode_tot=tot,
        meldtijd=_moment(inhoud.get("meldtijd"), van),
        locatie=str(inhoud.get("locatie") or verzoek.locatie),
        meldplaats=str(inhoud.get("meldplaats") or ""),
        capaciteit=tuple(
            Capaciteitsregel(omschrijving=r["omschrijving"], aantal=int(r["aantal"]))
            for r in inhoud.get("regels") or []
        ),
        contact_24_7=str(inhoud.get("contact_24_7") or ""),
        subsidiariteit=str(inhoud.get("subsidiariteit") or ""),
        zienswijze=_zienswijze(inhoud),
        commando_en_verbinding=str(inhoud.get("commando") or ""),
        logistiek=str(inhoud.get("logistiek") or ""),
        kosten=str(inhoud.get("kosten") or ""),
    )
    plaats = f" — {gezag.afkorting}" if versie.gemeente_code else ""
    return document_opslaan(
        verzoek=verzoek,
        soort=Soort.AANVRAAGFORMULIER,
        inhoud=document_renderen(context),
        titel=f"Aanvraagformulier{plaats}, deel {deel.volgnummer}, versie {versie.versie}",
        door=door,
        sleutel=formulier_sleutel(versie),
        sjabloon_versie=sjabloon_versie(Soort.AANVRAAGFORMULIER),
        ondertekend_door=door,
        ondertekend_namens=versie.hoedanigheid,
        ondertekend_op=nu,
    )
