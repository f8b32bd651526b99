"""The letters the procedures send, rendered as PDF/A and stored at the step (issue #10 item 3).

Each letter is rendered with typst from its `documenten.contexten` dataclass and stored as a
`Document` of the request (template version, sha256; ADR 0032), in the transaction of the step
that sends it, and attached to the message for the receivers without an account (ADR 0036):

- the LOCC's or OZI's request to DJZ (and DOPS-KMar) with the copy to the DOC
  (`verzoek_defensie_brief`, the one action ``taak_verzoek_defensie``; toelichting 3, 4, 7, 8);
- every decision (`besluit_brief`): granted, partly granted per line, refused, with reasons,
  conditions, the legal standard and on whose behalf; the minister's decision on an appeal is
  the minister's instruction (aanwijzing, Pw 2012 art. 56 lid 4);
- the korpschef's written refusal with the copy to DGPOL (`afwijzing_brief`; toelichting 9);
- the competent authority's appeal to the minister (`beroep_brief`; Pw 2012 art. 56 lid 4).

Dates are aware datetimes (stored UTC, printed Europe/Amsterdam by the templates).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from politiebijstand.documenten.constants import Soort
from politiebijstand.documenten.contexten import (
    AanwijzingMinister,
    AfwijzingKorpschef,
    Afzender,
    Beroep,
    Besluitregel,
    Brief,
    Capaciteitsregel,
    Ondertekening,
    VerzoekDefensie,
)
from politiebijstand.documenten.contexten import (
    Besluit as BesluitBrief,
)
from politiebijstand.documenten.models import Document
from politiebijstand.documenten.renderen import (
    document_renderen,
    sjabloon_versie,
)
from politiebijstand.documenten.renderen import (
    tijdstip_tekst as datum_tijd_tekst,
)
from politiebijstand.documenten.services import document_opslaan
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.verzoeken import workflow
from politiebijstand.verzoeken.constants import BesluitUitkomst, RegelUitkomst
from politiebijstand.verzoeken.models import (
    Besluit,
    Bijstandsverzoek,
    Deelverzoek,
    FormulierVersie,
    Taak,
)
from politiebijstand.verzoeken.services.gedeeld import grondslag_tekst, naam

if TYPE_CHECKING:
    from politiebijstand.accounts.models import Gebruiker

#: On whose behalf the LOCC and OZI write to Defence (factsheet, toelichting 3, 4, 7 and 8:
#: "Namens de Minister van Veiligheid en Justitie"; today Justitie en Veiligheid).
NAMENS_MINISTER_JENV = "namens de Minister van Justitie en Veiligheid"

#: The step that sends the request to Defence (`blokken.verzoek_aan_defensie`).
VERZOEK_DEFENSIE_STAP = "taak_verzoek_defensie"

#: Who receives the request to Defence, and who the copy (``afschrift``); lanes of the step.
_AFSCHRIFT_LANES = ("DOC",)


def _opslaan(
    context: Brief,
    *,
    verzoek: Bijstandsverzoek,
    titel: str,
    sleutel: str,
    door: Gebruiker,
    nu: datetime,
) -> Document:
    """Render `context` and store it as the next version of (soort, `sleutel`) of the request."""
    return document_opslaan(
        verzoek=verzoek,
        soort=context.SJABLOON,
        inhoud=document_renderen(context),
        titel=titel[:200],
        door=door,
        sleutel=sleutel[:100],
        sjabloon_versie=sjabloon_versie(context.SJABLOON),
        ondertekend_door=door,
        ondertekend_namens=context.ondertekening.namens,
        ondertekend_op=nu,
    )


def _ondertekening(door: Gebruiker, organisatie: Organisatie, namens: str) -> Ondertekening:
    return Ondertekening(naam=naam(door), functie=organisatie.naam, namens=namens)


def _capaciteit(deelverzoek: Deelverzoek) -> tuple[Capaciteitsregel, ...]:
    """The requested lines of a part (a line without a number prints a dash)."""
    return tuple(
        Capaciteitsregel(omschrijving=r.omschrijving, aantal=r.aantal or 0)
        for r in deelverzoek.regels.order_by("volgnummer")
    )


def ondertekende_formulieren(deelverzoek: Deelverzoek) -> list[Document]:
    """The part's signed request forms as stored PDFs: the newest version per municipality."""
    nieuwste: dict[str, Document] = {}
    for document in Document.objects.filter(
        verzoek_id=deelverzoek.verzoek_id,
        soort=Soort.AANVRAAGFORMULIER,
        sleutel__startswith=f"{deelverzoek.volgnummer}:",
    ).order_by("sleutel", "versie"):
        nieuwste[document.sleutel] = document
    return list(nieuwste.values())


def _ondertekende_velden(deelverzoek: Deelverzoek) -> list[dict[str, Any]]:
    """The fields of each municipality's newest signed form version (ADR 0033), by gemeente."""
    versies: dict[str, FormulierVersie] = {}
    for versie in FormulierVersie.objects.filter(
        deelverzoek=deelverzoek, ondertekend_op__isnull=False
    ).order_by("gemeente_code", "versie"):
        versies[versie.gemeente_code] = versie
    return [dict(json.loads(v.inhoud).get("velden") or {}) for v in versies.values()]


def _toelichting(velden: list[dict[str, Any]], formulieren: list[Document]) -> str:
    """Reporting time and place, contact, command and logistics from the signed forms."""
    regels: list[str] = []
    for veld, label in (
        ("meldtijd", "Meldtijd"),
        ("meldplaats", "Meldplaats"),
        ("contact_24_7", "Contactpersoon ter plaatse (24/7)"),
        ("commando", "Commandovoering en verbinding"),
        ("logistiek", "Logistiek en uitrusting"),
        ("subsidiariteit", "Subsidiariteit"),
        ("kosten", "Kosten"),
    ):
        waarden = list(dict.fromkeys(str(v[veld]) for v in velden if v.get(veld)))
        if veld == "meldtijd":
            waarden = [datum_tijd_tekst(datetime.fromisoformat(w)) for w in waarden]
        if waarden:
            regels.append(f"{label}: {'; '.join(waarden)}")
    if formulieren:
        titels = "; ".join(d.titel for d in formulieren)
        regels.append(f"Bijgevoegd: het ondertekende aanvraagformulier ({titels}).")
    return "\n".join(regels)


def verzoek_defensie_brief(*, taak: Taak, door: Gebruiker, nu: datetime) -> Document:
    """The request to DJZ (and DOPS-KMar), with the copy to the DOC: one letter, one action.

    Built from the part's signed request forms (ADR 0033): the reason, the capacity lines,
    reporting time and place, contact and command as the competent authority signed them;
    the request's own data where no form was signed (a run without a form step). The signed
    forms are referred to (and attached for parties without an account, `brief_bijlagen`).
    The step's own report (``verslag``) is an internal note and never printed.

    Args:
        taak: the open step ``taak_verzoek_defensie`` of the LOCC (3, 4) or OZI (7, 8).
        door: who sends it (signs on behalf of the Minister of Justitie en Veiligheid).
        nu: aware datetime of sending.

    Returns:
        The stored `Document` (soort ``verzoek_defensie``, key the part's number).

    Bron: factsheet, toelichting 3, 4, 7 and 8 ("richt een schriftelijk en gespecificeerd
    verzoek om bijstand aan de Directie Juridische Zaken (DJZ) ... Het verzoek wordt
    tegelijkertijd in afschrift gestuurd naar het Defensie Operatiecentrum (DOC)"); Pw 2012
    art. 57 (KMar) and 58 (krijgsmacht).
    """
    deel = taak.deelverzoek
    verzoek = deel.verzoek
    lanes = workflow.bericht_lanes(deel.procedure_id, taak.bpmn_id)
    codes = workflow.lane_organisatie_codes(verzoek, lanes)
    namen = dict(Organisatie.objects.filter(code__in=codes.values()).values_list("code", "naam"))
    aan = tuple(namen[codes[lane]] for lane in lanes if lane not in _AFSCHRIFT_LANES)
    afschrift = tuple(namen[codes[lane]] for lane in lanes if lane in _AFSCHRIFT_LANES)
    velden = _ondertekende_velden(deel)
    formulieren = ondertekende_formulieren(deel)
    capaciteit = tuple(
        Capaciteitsregel(omschrijving=str(r["omschrijving"]), aantal=int(r["aantal"]))
        for v in velden
        for r in v.get("regels") or []
    ) or _capaciteit(deel)
    aanleiding = "\n\n".join(
        dict.fromkeys(str(v["aanleiding"]) for v in velden if v.get("aanleiding"))
    )
    context = VerzoekDefensie(
        kenmerk=verzoek.kenmerk,
        oefening=verzoek.oefening,
        tijdstip=nu,
        afzender=Afzender(organisatie=taak.organisatie.naam),
        geadresseerden=aan,
        afschrift=afschrift,
        onderwerp=f"Verzoek om bijstand: {verzoek.titel}",
        ondertekening=_ondertekening(door, taak.organisatie, NAMENS_MINISTER_JENV),
        bijstand_door=(
            "de Koninklijke Marechaussee" if deel.procedure_id in ("3", "7") else "de krijgsmacht"
        ),
        gemeenten=tuple(
            verzoek.gemeenten.order_by("afkorting").values_list("afkorting", flat=True)
        ),
        grondslag=grondslag_tekst(deel.route) or "de Politiewet 2012",
        aanleiding=aanleiding or verzoek.omschrijving,
        capaciteit=capaciteit,
        periode_van=verzoek.periode_start,
        periode_tot=verzoek.periode_eind,
        locatie=verzoek.locatie,
        toelichting=_toelichting(velden, formulieren),
    )
    return _opslaan(
        context,
        verzoek=verzoek,
        titel=f"Verzoek aan Defensie ({', '.join(aan)}; afschrift DOC), deel {deel.volgnummer}",
        sleutel=str(deel.volgnummer),
        door=door,
        nu=nu,
    )


def _besluitregels(besluit: Besluit) -> tuple[Besluitregel, ...]:
    """The decision's lines: asked, granted (0 for a refused line) and the line's reason."""
    regels = sorted(besluit.regels.select_related("regel"), key=lambda r: r.regel.volgnummer)
    return tuple(
        Besluitregel(
            omschrijving=r.regel.omschrijving,
            gevraagd=r.regel.aantal or 0,
            toegekend=(r.toegekend_aantal or 0) if r.uitkomst == RegelUitkomst.TOEGEKEND else 0,
            toelichting=r.toelichting,
        )
        for r in regels
    )


def besluit_brief(
    *, besluit: Besluit, ontvangers: list[Organisatie], door: Gebruiker, nu: datetime
) -> Document:
    """The decision letter; on an appeal (procedure 9), the minister's instruction.

    Args:
        besluit: the decision just taken (`besluit_nemen`), with its lines stored.
        ontvangers: the addressees (`besluiten.besluit_ontvangers`).
        door: who decided (signs; on whose behalf: `Besluit.namens`).
        nu: aware datetime of the decision.

    Returns:
        The stored `Document`: soort ``besluit`` (key ``"<part>:<field>"``) or, for the
        minister's decision in procedure 9, ``aanwijzing_minister``.

    Bron: Pw 2012 art. 56 (korpschef; lid 4: the minister's instruction), 57 and 58 (the
    minister of JenV with Defence); factsheet, toelichting 1 to 9.
    """
    deel = besluit.deelverzoek
    verzoek = besluit.verzoek
    afzender = Afzender(organisatie=besluit.organisatie.naam)
    geadresseerden = tuple(o.naam for o in ontvangers)
    namens, _, overleg = besluit.namens.partition(", ")
    ondertekening = _ondertekening(door, besluit.organisatie, namens)
    regels = _besluitregels(besluit)
    uitkomst = BesluitUitkomst(besluit.uitkomst)
    sleutel = f"{deel.volgnummer}:{besluit.veld}"
    if deel.procedure_id == "9":
        aanwijzing = (
            "De korpschef verleent de gevraagde bijstand"
            + (" zoals hierboven per regel aangegeven" if regels else "")
            + " en informeert LE-POB, dat de bijstand coördineert en het LOCC informeert."
            if uitkomst != BesluitUitkomst.AFGEWEZEN
            else "Geen: de afwijzing door de korpschef blijft in stand."
        )
        if besluit.voorwaarden:
            aanwijzing += f"\n\nVoorwaarden: {besluit.voorwaarden}"
        context: Brief = AanwijzingMinister(
            kenmerk=verzoek.kenmerk,
            oefening=verzoek.oefening,
            tijdstip=nu,
            afzender=afzender,
            geadresseerden=geadresseerden,
            ondertekening=ondertekening,
            regels=regels,
            onderwerp=f"Besluit op beroep: {verzoek.titel}",
            uitkomst=uitkomst.value,
            aanwijzing=aanwijzing,
            overwegingen=besluit.motivering or "Het beroep is gegrond.",
            beroep_kenmerk=f"{verzoek.kenmerk}-{deel.volgnummer}",
        )
        titel = f"Aanwijzing van de minister (beroep, deel {deel.volgnummer})"
    else:
        maatstaf = besluit.grondslag or "de Politiewet 2012"
        if overleg:  # 3, 4, 7, 8: with Defence (Pw 2012 art. 57 lid 2 and 3, art. 58 lid 2)
            maatstaf += ", " + overleg.replace(
                " (of)", " over de vraag of bijstand wordt verleend"
            ).replace(" (op welke wijze)", " over de wijze waarop")
        context = BesluitBrief(
            kenmerk=verzoek.kenmerk,
            oefening=verzoek.oefening,
            tijdstip=nu,
            afzender=afzender,
            geadresseerden=geadresseerden,
            ondertekening=ondertekening,
            regels=regels,
            onderwerp=f"Besluit op verzoek om bijstand: {verzoek.titel}",
            uitkomst=uitkomst.value,
            redenen=besluit.motivering or "Het verzoek voldoet aan de voorwaarden.",
            maatstaf=maatstaf,
            voorwaarden=tuple(r.strip() for r in besluit.voorwaarden.splitlines() if r.strip()),
        )
        titel = f"Besluit ({uitkomst.label.lower()}) door {besluit.organisatie.naam}"
        titel += f", deel {deel.volgnummer}"
    return _opslaan(context, verzoek=verzoek, titel=titel, sleutel=sleutel, door=door, nu=nu)


def _redenen_afwijzing(besluit: Besluit | None, verslag: str) -> str:
    """The refusal's reasons: the decision's motivering, then the step's words if they differ."""
    motivering = besluit.motivering.strip() if besluit else ""
    delen = [motivering, verslag.strip()]
    return "\n\n".join(dict.fromkeys(d for d in delen if d))


def afwijzing_brief(
    *, taak: Taak, gezag: Organisatie, dgpol: Organisatie, door: Gebruiker, nu: datetime
) -> Document:
    """The korpschef's written refusal with reasons, to the requester, copy to DGPOL.

    Args:
        taak: the completed step ``taak_afwijzing_schriftelijk`` (its ``verslag``: the reasons).
        gezag: the competent authority (`besluiten.bevoegd_gezag_code`).
        dgpol: DGPOL, which receives the copy.
        door: who sends it for the korpschef.
        nu: aware datetime.

    Returns:
        The stored `Document` (soort ``afwijzing_korpschef``, key the part's number).

    Bron: factsheet, toelichting 9 ("schriftelijk, met reden omkleed aan de aanvrager. Een
    afschrift ... gelijktijdig ... DGPOL"); Pw 2012 art. 56 lid 4.
    """
    deel = taak.deelverzoek
    verzoek = deel.verzoek
    besluit = (
        Besluit.objects.filter(deelverzoek=deel, veld="besluit").order_by("-genomen_op").first()
    )
    context = AfwijzingKorpschef(
        kenmerk=verzoek.kenmerk,
        oefening=verzoek.oefening,
        tijdstip=nu,
        afzender=Afzender(organisatie=taak.organisatie.naam),
        geadresseerden=tuple(dict.fromkeys((gezag.naam, verzoek.rccb.naam))),
        afschrift=(dgpol.naam,),
        onderwerp=f"Afwijzing verzoek om bijstand: {verzoek.titel}",
        ondertekening=_ondertekening(door, taak.organisatie, besluit.namens if besluit else ""),
        geheel=deel.besluit != BesluitUitkomst.DEELS_TOEGEKEND,
        redenen=_redenen_afwijzing(besluit, str((taak.gegevens or {}).get("verslag") or "")),
        regels=_besluitregels(besluit) if besluit else (),
    )
    return _opslaan(
        context,
        verzoek=verzoek,
        titel=f"Schriftelijke afwijzing door de korpschef, deel {deel.volgnummer}",
        sleutel=str(deel.volgnummer),
        door=door,
        nu=nu,
    )


def beroep_brief(
    *,
    beroep: Deelverzoek,
    ouder: Deelverzoek,
    gezag: Organisatie,
    reden: str,
    namens: str,
    door: Gebruiker,
    nu: datetime,
) -> Document:
    """The competent authority's appeal to the Minister of Justitie en Veiligheid.

    Args:
        beroep: the new appeal part (procedure 9).
        ouder: the refused part of procedure 1 or 6.
        gezag: the competent authority that appeals (`besluiten.bevoegd_gezag_code`).
        reden: the grounds (required by `beroep_instellen`).
        namens: "namens de burgemeester van ..." under a mandate, or "".
        door: who lodges it.
        nu: aware datetime.

    Returns:
        The stored `Document` (soort ``beroep``, key the appeal part's number).

    Bron: Pw 2012 art. 56 lid 4; factsheet, toelichting 9.
    """
    verzoek = ouder.verzoek
    besluit = (
        Besluit.objects.filter(deelverzoek=ouder, veld="besluit").order_by("-genomen_op").first()
    )
    minister = Organisatie.objects.filter(code="MINISTER-JENV").only("naam").first()
    context = Beroep(
        kenmerk=f"{verzoek.kenmerk}-{beroep.volgnummer}",
        oefening=verzoek.oefening,
        tijdstip=nu,
        afzender=Afzender(organisatie=gezag.naam),
        geadresseerden=(minister.naam if minister else "De Minister van Justitie en Veiligheid",),
        onderwerp=f"Beroep tegen afwijzing bijstand: {verzoek.titel}",
        ondertekening=_ondertekening(door, gezag, namens),
        uw_kenmerk=verzoek.kenmerk,
        bestreden_kenmerk=verzoek.kenmerk,
        bestreden_datum=timezone.localdate(besluit.genomen_op if besluit else nu),
        gronden=reden,
        verzoek=verzoek.titel,
    )
    return _opslaan(
        context,
        verzoek=verzoek,
        titel=f"Beroep bij de minister, deel {beroep.volgnummer}",
        sleutel=str(beroep.volgnummer),
        door=door,
        nu=nu,
    )
