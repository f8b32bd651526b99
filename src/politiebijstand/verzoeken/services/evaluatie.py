"""The after-action evaluation as a PDF, stored as a document of the request (#11 item 6).

Rendered with typst from `documenten.contexten.Evaluatie` and stored with
`documenten.services.document_opslaan` as the next version of (verzoek, "evaluatie"), so it is
listed under the request's "Documenten" (ADR 0032, ADR 0042).
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.documenten.contexten import (
    Afzender,
    Capaciteitsvergelijking,
    Doorlooptijd,
    Evaluatiebesluit,
    Ondertekening,
    Tijdlijnregel,
)
from politiebijstand.documenten.contexten import Evaluatie as EvaluatieBrief
from politiebijstand.documenten.models import Document
from politiebijstand.documenten.renderen import document_renderen, sjabloon_versie, tijdstip_tekst
from politiebijstand.documenten.services import document_opslaan
from politiebijstand.toegang.toegang import access_verzoek_or_404
from politiebijstand.verzoeken.models import Bijstandsverzoek
from politiebijstand.verzoeken.selectors import Evaluatie, evaluatie
from politiebijstand.verzoeken.services.gedeeld import naam


def _getal(waarde: int | None) -> str:
    return "-" if waarde is None else str(waarde)


def evaluatie_brief(ev: Evaluatie, *, door: Gebruiker, nu: datetime) -> EvaluatieBrief:
    """The PDF's context from an evaluation; `nu` (aware) is the document's date."""
    verzoek = ev.verzoek
    organisatie = door.organisatie.naam if door.organisatie is not None else ""
    return EvaluatieBrief(
        kenmerk=verzoek.kenmerk,
        oefening=verzoek.oefening,
        tijdstip=nu,
        afzender=Afzender(organisatie=verzoek.rccb.naam),
        geadresseerden=(verzoek.bevoegd_gezag.naam,),
        onderwerp=f"Evaluatie bijstandsverzoek {verzoek.kenmerk}: {verzoek.titel}",
        ondertekening=Ondertekening(naam=naam(door), functie=organisatie),
        verzoek=f"{verzoek.titel}, {verzoek.locatie}",
        periode=(
            f"{tijdstip_tekst(verzoek.periode_start)} tot {tijdstip_tekst(verzoek.periode_eind)}"
        ),
        tijdlijn=tuple(
            Tijdlijnregel(
                tijdstip=i.op,
                gebeurtenis=i.titel,
                door=", ".join(x for x in (i.organisatie, i.door) if x),
            )
            for i in ev.tijdlijn
        ),
        doorlooptijden=tuple(
            Doorlooptijd(
                deel=s.deel, stap=s.naam, organisatie=s.organisatie, uren=s.doorlooptijd_uren
            )
            for s in ev.stappen
        ),
        besluiten=tuple(
            Evaluatiebesluit(
                deel=b.deel,
                uitkomst=b.uitkomst,
                namens=b.namens,
                tijdstip=b.genomen_op,
                uren_na_verzoek=b.uren_na_verzoek,
            )
            for b in ev.besluiten
        ),
        capaciteit=tuple(
            Capaciteitsvergelijking(
                deel=c.deel,
                omschrijving=c.omschrijving,
                gevraagd=_getal(c.gevraagd),
                toegekend=_getal(c.toegekend),
                geleverd=_getal(c.geleverd),
            )
            for c in ev.capaciteit
        ),
        verslagen=tuple(f"Deel {deel}: {verslag}" for deel, verslag in ev.evaluatieverslagen),
        kosten=ev.kosten,
    )


@transaction.atomic
def evaluatie_pdf_opslaan(
    *, verzoek: Bijstandsverzoek, door: Gebruiker, nu: datetime | None = None
) -> Document:
    """Render the request's evaluation and store it as the next version of its PDF.

    Any participant may store it (need-to-know as the request page). The document's audit
    event is ``document-aangemaakt`` (`document_opslaan`).

    Raises:
        Http404: the user's organisation does not take part in the request.
    """
    access_verzoek_or_404(door, verzoek)
    nu = nu or timezone.now()
    context = evaluatie_brief(evaluatie(verzoek), door=door, nu=nu)
    return document_opslaan(
        verzoek=verzoek,
        soort=context.SJABLOON,
        inhoud=document_renderen(context),
        titel=f"Evaluatie {verzoek.kenmerk}",
        door=door,
        sjabloon_versie=sjabloon_versie(context.SJABLOON),
    )
