"""Decisions and appeal: take the decision of a decision step, and appeal a rejection."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max

from politiebijstand.audit.services import audit_record
from politiebijstand.fnik.services import MILITAIRE_PROCEDURES as FNIK_PROCEDURES
from politiebijstand.fnik.services import OngeldigBedrag, bedrag_lezen, raming_vastleggen
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.procedures import engine
from politiebijstand.toegang.regels import organisatie_code
from politiebijstand.verzoeken import workflow
from politiebijstand.verzoeken.constants import (
    BesluitUitkomst,
    DeelverzoekStatus,
    Gebeurtenis,
    Handeling,
    RegelUitkomst,
)
from politiebijstand.verzoeken.exceptions import (
    GeenToegang,
    OngeldigeInvoer,
    OngeldigeOvergang,
)
from politiebijstand.verzoeken.models import (
    Besluit,
    BesluitRegel,
    Bijstandsverzoek,
    Deelverzoek,
    GevraagdeInzet,
    Taak,
)
from politiebijstand.verzoeken.services.brieven import (
    afwijzing_brief,
    beroep_brief,
    besluit_brief,
)
from politiebijstand.verzoeken.services.capaciteit import claims_bij_besluit
from politiebijstand.verzoeken.services.gedeeld import (
    berichten_met_brief,
    berichten_nieuwe_taken,
    controleer_mag_uitvoeren,
    controleer_open,
    deelverzoek_onder_slot,
    nu_utc,
    stap_uitvoeren,
    taak_onder_slot,
    taak_snapshot,
    tekst,
)
from politiebijstand.verzoeken.services.namens import controleer_bijlage, namens_vastleggen

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from politiebijstand.accounts.models import Gebruiker
    from politiebijstand.documenten.models import Document


@dataclass(frozen=True)
class RegelBesluit:
    """The decision on one requested line (`GevraagdeInzet`), for `besluit_nemen`.

    Attributes:
        regel_id: primary key of the `GevraagdeInzet` of the decided part.
        uitkomst: ``"toegekend"`` or ``"afgewezen"``.
        toegekend_aantal: for a line with an `aantal`: how many are granted (0 < n <= aantal);
            None grants the full number (toegekend) or none (afgewezen).
        toelichting: optional reason for this line.
    """

    regel_id: int
    uitkomst: str
    toegekend_aantal: int | None = None
    toelichting: str = ""


def _regels_besluit(
    deelverzoek: Deelverzoek, uitkomst: str, regels: Sequence[RegelBesluit]
) -> list[tuple[GevraagdeInzet, RegelBesluit]]:
    gevraagd = {r.pk: r for r in GevraagdeInzet.objects.filter(deelverzoek=deelverzoek)}
    if not regels:
        if uitkomst == BesluitUitkomst.DEELS_TOEGEKEND:
            raise OngeldigeInvoer(
                "geef bij een gedeeltelijke toekenning per gevraagde regel de uitkomst",
                veld="regels",
            )
        regel_uitkomst = (
            RegelUitkomst.TOEGEKEND
            if uitkomst == BesluitUitkomst.TOEGEKEND
            else RegelUitkomst.AFGEWEZEN
        )
        return [
            (r, RegelBesluit(regel_id=r.pk, uitkomst=regel_uitkomst)) for r in gevraagd.values()
        ]
    result: list[tuple[GevraagdeInzet, RegelBesluit]] = []
    gezien: set[int] = set()
    for i, regel in enumerate(regels):
        veld = f"regels[{i}]"
        gevraagde = gevraagd.get(regel.regel_id)
        if gevraagde is None:
            raise OngeldigeInvoer("deze regel hoort niet bij dit deelverzoek", veld=veld)
        if regel.regel_id in gezien:
            raise OngeldigeInvoer("deze regel staat er twee keer in", veld=veld)
        gezien.add(regel.regel_id)
        if regel.uitkomst not in RegelUitkomst.values:
            raise OngeldigeInvoer("kies toegekend of afgewezen", veld=f"{veld}.uitkomst")
        if regel.toegekend_aantal is not None:
            if regel.uitkomst != RegelUitkomst.TOEGEKEND or gevraagde.aantal is None:
                raise OngeldigeInvoer(
                    "een aantal hoort alleen bij een toegekende regel met een aantal",
                    veld=f"{veld}.toegekend_aantal",
                )
            if not 1 <= regel.toegekend_aantal <= gevraagde.aantal:
                raise OngeldigeInvoer(
                    f"tussen 1 en {gevraagde.aantal}", veld=f"{veld}.toegekend_aantal"
                )
        result.append((gevraagde, regel))
    ontbreekt = sorted(set(gevraagd) - gezien)
    if ontbreekt:
        raise OngeldigeInvoer(
            f"geef voor elke gevraagde regel de uitkomst (ontbreekt: {ontbreekt})", veld="regels"
        )
    volledig = all(
        r.uitkomst == RegelUitkomst.TOEGEKEND
        and (r.toegekend_aantal is None or r.toegekend_aantal == g.aantal)
        for g, r in result
    )
    niets = all(r.uitkomst == RegelUitkomst.AFGEWEZEN for _, r in result)
    verwacht = (
        BesluitUitkomst.TOEGEKEND
        if volledig
        else BesluitUitkomst.AFGEWEZEN
        if niets
        else BesluitUitkomst.DEELS_TOEGEKEND
    )
    if verwacht != uitkomst:
        raise OngeldigeInvoer(
            f"de regels passen bij '{verwacht.label.lower()}', niet bij '{uitkomst}'",
            veld="uitkomst",
        )
    return result


def _beslisverslag(deelverzoek: Deelverzoek) -> dict[str, Any]:
    """What the decision rests on, before its step: procedure, versions, route, data, steps.

    Stored with the `Besluit` so that its motivering can be checked later (Awb 3:46).
    """
    run = workflow.run_laden(deelverzoek)
    return {
        "procedure": deelverzoek.procedure_id,
        "model_versie": deelverzoek.model_versie,
        "regels_versie": deelverzoek.regels_versie,
        "advies_route": deelverzoek.route,
        "procesgegevens": run.data,
        "stappen": [s.to_dict() for s in engine.completed_steps(run)],
    }


def _besluit_regels_opslaan(
    besluit: Besluit, regel_besluiten: Sequence[tuple[GevraagdeInzet, RegelBesluit]]
) -> None:
    """The outcome per requested line; a granted line without a number gets the number asked."""
    BesluitRegel.objects.bulk_create(
        [
            BesluitRegel(
                besluit=besluit,
                regel=g,
                uitkomst=r.uitkomst,
                toegekend_aantal=(
                    r.toegekend_aantal
                    if r.toegekend_aantal is not None
                    else (g.aantal if r.uitkomst == RegelUitkomst.TOEGEKEND else None)
                ),
                toelichting=r.toelichting.strip(),
            )
            for g, r in regel_besluiten
        ]
    )


def besluit_ontvangers(verzoek: Bijstandsverzoek) -> list[Organisatie]:
    """Who is told of every decision on a request: requester, competent authority, municipalities.

    The requesting RCCB, the competent authority (`Bijstandsverzoek.bevoegd_gezag`: the
    burgemeester's municipality or the officier van justitie's parket) and the burgemeester of
    each municipality of the request (`Bijstandsverzoek.gemeenten`, ADR 0031), in that order,
    without duplicates. Issue #10, item 5; ADR 0035.
    """
    ontvangers = [verzoek.rccb, verzoek.bevoegd_gezag, *verzoek.gemeenten.order_by("code")]
    return list({o.pk: o for o in ontvangers}.values())


def _besluit_melden(
    besluit: Besluit, *, beroep_mogelijk: bool, door: Gebruiker, nu: datetime
) -> Document | None:
    """Write the decision letter and tell the requester, authority and municipalities.

    Recipients: `besluit_ontvangers`. With a (partial) rejection that may be appealed, the
    message says so (Pw 2012 art. 56 lid 4). Every decision step sends it: the korpschef's,
    DJZ's on behalf of Defence, the coordinator's (also passing on Defence's refusal) and the
    minister's on appeal. The letter (`brieven.besluit_brief`: the decision, or the minister's
    instruction on appeal) is stored and attached for receivers without an account. The
    korpschef's (partial) refusal in procedures 1 and 6 has one letter only: the written
    refusal of the next step (`AFWIJZING_STAP`, `afwijzing_brief`), with its copy to DGPOL.

    Returns:
        The stored letter, or None where the written refusal is the letter.
    """
    verzoek = besluit.verzoek
    ontvangers = besluit_ontvangers(verzoek)
    schriftelijk_volgt = (
        besluit.deelverzoek.procedure_id in ("1", "6")
        and besluit.veld == "besluit"
        and besluit.uitkomst != BesluitUitkomst.TOEGEKEND
    )
    brief = (
        None
        if schriftelijk_volgt
        else besluit_brief(besluit=besluit, ontvangers=ontvangers, door=door, nu=nu)
    )
    # Whoever is told of the decision may read it behind the link (need-to-know, ADR 0035).
    workflow.deelnemers_toevoegen(verzoek=verzoek, codes=[o.code for o in ontvangers])
    berichten_met_brief(
        soort="besluit-genomen",
        naam="besluit_genomen",
        context={
            "uitkomst": BesluitUitkomst(besluit.uitkomst).label.lower(),
            "namens": besluit.namens,
            "beroep_mogelijk": beroep_mogelijk,
        },
        ontvangers=ontvangers,
        obj=besluit,
        nu=nu,
        verzoek=verzoek,
        brief=brief,
        afzender=besluit.organisatie,
    )
    return brief


#: The step that passes Defence's refusal on (procedures 4 and 8, `blokken.besluit_defensie`).
AFWIJZING_DEFENSIE_STAP = "taak_afwijzing_defensie_doorgeven"


def _besluit_defensie(deelverzoek: Deelverzoek) -> Besluit | None:
    """DJZ's decision on behalf of the Minister of Defence on this part, if taken (4 and 8)."""
    return (
        Besluit.objects.filter(deelverzoek=deelverzoek, veld="besluit_defensie")
        .prefetch_related("regels")
        .order_by("-genomen_op", "-id")
        .first()
    )


def _defensie_velden(
    taak: Taak, uitkomst: str, standpunt_defensie: str, overeenstemming_defensie: bool | None
) -> dict[str, Any]:
    """Defence's position and agreement on the coordinator's decision (3, 4, 7 and 8).

    Returns the fields to record (empty for a step that does not declare them).

    Raises:
        OngeldigeInvoer: ``standpunt_defensie`` empty; ``overeenstemming_defensie`` not given;
            a grant without agreement on the manner (code ``overeenstemming-defensie-ontbreekt``).

    Bron: Pw 2012 art. 57 lid 2 ("na overleg": whether) and lid 3, art. 58 lid 2 ("in
    overeenstemming": how).
    """
    velden: dict[str, Any] = {}
    if "standpunt_defensie" in taak.velden:
        velden["standpunt_defensie"] = tekst(standpunt_defensie, "standpunt_defensie")
    if "overeenstemming_defensie" in taak.velden:
        if not isinstance(overeenstemming_defensie, bool):
            raise OngeldigeInvoer(
                "kies ja of nee: stemt de Minister van Defensie in met de wijze van bijstand?",
                veld="overeenstemming_defensie",
            )
        if not overeenstemming_defensie and uitkomst != BesluitUitkomst.AFGEWEZEN:
            raise OngeldigeInvoer(
                "zonder overeenstemming met de Minister van Defensie kan niet worden bepaald op "
                "welke wijze bijstand wordt verleend (Pw 2012 art. 57 lid 3, art. 58 lid 2): "
                "alleen afwijzen is mogelijk",
                veld="overeenstemming_defensie",
                code="overeenstemming-defensie-ontbreekt",
            )
        velden["overeenstemming_defensie"] = overeenstemming_defensie
    return velden


def _binnen_besluit_defensie(
    djz: Besluit | None,
    uitkomst: str,
    regel_besluiten: Sequence[tuple[GevraagdeInzet, RegelBesluit]],
) -> None:
    """The coordinator grants no more than DJZ granted on behalf of Defence (4 and 8).

    After DJZ's refusal only ``afgewezen``; after a partial grant no line that DJZ refused and
    no more than DJZ's number per line.

    Raises:
        OngeldigeInvoer: code ``afwijzing-defensie-bindt`` (field ``uitkomst``) or
            ``meer-dan-defensie`` (field ``regels[i]``).

    Bron: factsheet, toelichting 4 and 8 ("Namens de Minister van Defensie is DJZ gemandateerd
    tot het nemen van het besluit tot bijstand of de afwijzing daarvan"); Pw 2012 art. 58 lid 2.
    """
    if djz is None or uitkomst == BesluitUitkomst.AFGEWEZEN:
        return
    if djz.uitkomst == BesluitUitkomst.AFGEWEZEN:
        raise OngeldigeInvoer(
            "de Minister van Defensie (DJZ) heeft afgewezen (besluit_defensie: afgewezen): "
            "alleen 'afgewezen' kan worden vastgelegd, met de redenen van Defensie",
            veld="uitkomst",
            code="afwijzing-defensie-bindt",
        )
    djz_regels = {r.regel_id: r for r in djz.regels.all()}
    for i, (gevraagde, regel) in enumerate(regel_besluiten):
        door_defensie = djz_regels.get(gevraagde.pk)
        if regel.uitkomst != RegelUitkomst.TOEGEKEND or door_defensie is None:
            continue
        if door_defensie.uitkomst == RegelUitkomst.AFGEWEZEN:
            raise OngeldigeInvoer(
                f"'{gevraagde}' is door de Minister van Defensie (DJZ) afgewezen en kan niet "
                "worden toegekend",
                veld=f"regels[{i}]",
                code="meer-dan-defensie",
            )
        aantal = regel.toegekend_aantal if regel.toegekend_aantal is not None else gevraagde.aantal
        maximum = door_defensie.toegekend_aantal
        if aantal is not None and maximum is not None and aantal > maximum:
            raise OngeldigeInvoer(
                f"de Minister van Defensie (DJZ) heeft voor '{gevraagde}' {maximum} toegekend, "
                f"niet {aantal}",
                veld=f"regels[{i}].toegekend_aantal",
                code="meer-dan-defensie",
            )


def _motivering_afwijzing_defensie(djz: Besluit | None, eigen: str) -> str:
    """The pass-on's reasons: Defence's, then the coordinator's own words if any."""
    delen = [f"Afgewezen door de Minister van Defensie (DJZ): {djz.motivering}"] if djz else []
    if eigen:
        delen.append(eigen)
    return "\n\n".join(delen)


@transaction.atomic
def besluit_nemen(
    *,
    taak: Taak,
    uitkomst: str,
    motivering: str,
    door: Gebruiker,
    voorwaarden: str = "",
    regels: Sequence[RegelBesluit] = (),
    standpunt_defensie: str = "",
    overeenstemming_defensie: bool | None = None,
    bestand: UploadedFile[bytes] | None = None,
    raming_fnik: str | Decimal | None = None,
    nu: datetime | None = None,
) -> Besluit:
    """Take the decision of a decision step: toegekend, deels_toegekend (per line), afgewezen.

    Callers pass validated values (the page's `BesluitForm`): texts as str, `RegelBesluit`
    lines. The service checks what depends on the step and the part: the outcome, the
    motivering a rejection needs, and that the lines fit the part and the outcome.

    Records a `Besluit` with its reasons, conditions, `namens` text and legal basis
    (`workflow.namens_voor`) and a beslisverslag; completes the step with the outcome, which
    the procedure's gateways read; changes the part's status (for the decision itself, not for
    DJZ's intermediate decision on behalf of Defence); for an appeal (procedure 9) also the
    appealed part's status. Messages go to the requesting RCCB and the authority.

    Args:
        taak: an open decision step (`Taak.is_besluit`) of the user's organisation.
        uitkomst: ``"toegekend"``, ``"deels_toegekend"`` or ``"afgewezen"``.
        motivering: the reasons; required for a (partial) rejection (Awb 3:46; factsheet,
            toelichting 9: "schriftelijk, met reden omkleed").
        door: a besluitvormer of the step's organisation, not the person who requested.
        voorwaarden: conditions of a grant.
        regels: per requested line (`RegelBesluit`); required for deels_toegekend, and then
            for every line; otherwise every line gets the overall outcome.
        standpunt_defensie: Defence's position; required where the step declares it (the
            coordinator's decision in procedures 3, 4, 7 and 8).
        overeenstemming_defensie: whether Defence agrees on the manner; required there too.
            Without agreement only ``afgewezen`` (Pw 2012 art. 57 lid 3, art. 58 lid 2).
        bestand: the received PDF, required when the coordinator records the decision of a
            party without an account on its behalf (DJZ's ``taak_besluit_defensie``), refused
            otherwise (`taak_afronden`; issue #10 item 4, ADR 0037).
        raming_fnik: the estimated costs in euro (Decimal or text, never float), committed to
            the FNIK budget (`fnik.services.raming_vastleggen`); only at the coordinator's
            (partial) grant in procedures 3, 4, 7 and 8 (factsheet, toelichting 10; issue #11
            item 3). Optional here, required by the page's form. Not recorded for an
            exercise (`Bijstandsverzoek.oefening`; issue #11 item 5).
        nu: aware datetime of the decision (default now).

    After DJZ's refusal on behalf of the Minister of Defence (procedures 4 and 8) only
    ``afgewezen`` can be recorded, by any step; after a partial grant no more than DJZ granted.
    The pass-on of Defence's refusal (``taak_afwijzing_defensie_doorgeven``) records DJZ's
    reasons as the motivering, followed by the coordinator's own words if given. Defence's
    position, agreement and the legal standard go into the beslisverslag (``defensie``).

    Raises:
        GeenToegang: not a besluitvormer of the organisation, or the requester.
        TaakNietOpen: the step was completed or cancelled meanwhile.
        OngeldigeInvoer: not a decision step, an unknown outcome or one the step does not
            allow, missing reasons, lines that do not fit the outcome, a missing
            ``standpunt_defensie`` or ``overeenstemming_defensie``, a grant without agreement,
            or more than Defence granted (named field). Nothing was changed.
    """
    nu = nu_utc(nu)
    deelverzoek, taak = taak_onder_slot(taak)
    namens_code = controleer_mag_uitvoeren(taak, door)
    controleer_open(taak, door)
    controleer_bijlage(namens=namens_code, bestand=bestand)
    if not taak.is_besluit:
        raise OngeldigeInvoer("deze taak is geen besluit", veld="taak")
    if uitkomst not in BesluitUitkomst.values:
        raise OngeldigeInvoer("kies toegekend, deels_toegekend of afgewezen", veld="uitkomst")
    veld = workflow.besluit_veld(taak.velden)
    toegestaan = taak.velden[veld].get("waarden", BesluitUitkomst.values)
    if uitkomst not in toegestaan:
        raise OngeldigeInvoer(
            f"deze stap kan alleen {', '.join(toegestaan)} vastleggen", veld="uitkomst"
        )
    doorgeven = taak.bpmn_id == AFWIJZING_DEFENSIE_STAP
    motivering = tekst(
        motivering,
        "motivering",
        verplicht=uitkomst != BesluitUitkomst.TOEGEKEND and not doorgeven,
    )
    voorwaarden = tekst(voorwaarden, "voorwaarden", verplicht=False)
    if voorwaarden and uitkomst == BesluitUitkomst.AFGEWEZEN:
        raise OngeldigeInvoer(
            "voorwaarden horen bij een (gedeeltelijke) toekenning, niet bij een afwijzing",
            veld="voorwaarden",
        )
    regel_besluiten = _regels_besluit(deelverzoek, uitkomst, regels)
    raming = _raming_fnik(deelverzoek, taak, veld, uitkomst, raming_fnik)
    defensie = _defensie_velden(taak, uitkomst, standpunt_defensie, overeenstemming_defensie)
    djz = _besluit_defensie(deelverzoek) if veld == "besluit" else None
    _binnen_besluit_defensie(djz, uitkomst, regel_besluiten)
    if doorgeven:
        motivering = _motivering_afwijzing_defensie(djz, motivering)
    namens, grondslag = workflow.namens_voor(deelverzoek.procedure_id, veld)
    beslisverslag = _beslisverslag(deelverzoek)
    maatstaf = workflow.maatstaf_defensie(deelverzoek.procedure_id, veld)
    if defensie or maatstaf:
        beslisverslag["defensie"] = {
            **defensie,
            "maatstaf": maatstaf,
            "besluit_defensie": djz.uitkomst if djz else None,
        }
    voor = taak_snapshot(taak)
    if veld == "besluit":
        # Before the step: a decision that ends the run must not close the part "without a
        # decision" (na_engine_stap).
        _besluit_status(deelverzoek=deelverzoek, uitkomst=uitkomst, door=door, nu=nu)
    record = {veld: uitkomst, "motivering": motivering, "voorwaarden": voorwaarden, **defensie}
    run, _ = stap_uitvoeren(deelverzoek=deelverzoek, taak=taak, record=record, door=door, nu=nu)
    vastgelegd = namens_vastleggen(taak=taak, namens=namens_code, bestand=bestand, door=door)
    besluit = Besluit.objects.create(
        verzoek=deelverzoek.verzoek,
        deelverzoek=deelverzoek,
        taak=taak,
        veld=veld,
        uitkomst=uitkomst,
        motivering=motivering,
        voorwaarden=voorwaarden,
        namens=namens,
        grondslag=grondslag,
        organisatie=taak.organisatie,
        genomen_door=door,
        genomen_op=nu,
        beslisverslag=beslisverslag,
    )
    _besluit_regels_opslaan(besluit, regel_besluiten)
    if veld == "besluit":
        # Firm claims for what is granted, released at a refusal (ADR 0038).
        claims_bij_besluit(
            deelverzoek,
            uitkomst=uitkomst,
            regels={g.pk: (r.uitkomst, r.toegekend_aantal) for g, r in regel_besluiten},
            nu=nu,
        )
    if raming is not None and not deelverzoek.verzoek.oefening:
        # An exercise records no FNIK estimate (issue #11 item 5, ADR 0043).
        raming_vastleggen(deelverzoek=deelverzoek, bedrag=raming, door=door, nu=nu)
    brief = _besluit_melden(besluit, beroep_mogelijk=engine.beroep_mogelijk(run), door=door, nu=nu)
    audit_record(
        gebeurtenis=Gebeurtenis.BESLUIT_GENOMEN,
        actor=door,
        obj=besluit,
        voor=voor,
        na={
            "taak": taak.pk,
            "deelverzoek": deelverzoek.pk,
            "veld": veld,
            "uitkomst": uitkomst,
            "namens": namens,
            "motivering": motivering,
            "voorwaarden": voorwaarden,
            **defensie,
            "regels": [
                {"regel": g.pk, "uitkomst": r.uitkomst, "aantal": r.toegekend_aantal}
                for g, r in regel_besluiten
            ],
            **vastgelegd,
            **({"brief": {"document": str(brief.uuid), "sha256": brief.sha256}} if brief else {}),
        },
    )
    return besluit


def _raming_fnik(
    deelverzoek: Deelverzoek,
    taak: Taak,
    veld: str,
    uitkomst: str,
    raming_fnik: str | Decimal | None,
) -> Decimal | None:
    """The checked FNIK estimate, or None; refused where the step does not ask for it."""
    if raming_fnik is None:
        return None
    if (
        veld != "besluit"
        or "standpunt_defensie" not in taak.velden
        or deelverzoek.procedure_id not in FNIK_PROCEDURES
        or uitkomst == BesluitUitkomst.AFGEWEZEN
    ):
        raise OngeldigeInvoer(
            "een raming van de FNIK-kosten hoort alleen bij de toekenning van militaire "
            "bijstand door de coördinator (procedures 3, 4, 7 en 8)",
            veld="raming_fnik",
        )
    try:
        return bedrag_lezen(raming_fnik, veld="raming_fnik", label="Raming kosten (FNIK)")
    except OngeldigBedrag as fout:
        raise OngeldigeInvoer(fout.melding, veld="raming_fnik") from None


def _besluit_status(
    *, deelverzoek: Deelverzoek, uitkomst: str, door: Gebruiker, nu: datetime
) -> None:
    """Record the decision on the part (and, for an appeal, on the appealed part)."""
    deelverzoek.besluit = uitkomst
    Deelverzoek.objects.filter(pk=deelverzoek.pk).update(besluit=uitkomst)
    workflow.deelverzoek_overgang(
        deelverzoek=deelverzoek,
        handeling=workflow.BESLUIT_HANDELING[uitkomst],
        door=door,
        nu=nu,
    )
    if deelverzoek.beroep_op_id is not None:
        ouder = deelverzoek_onder_slot(deelverzoek.beroep_op_id)
        ouder.besluit = uitkomst
        Deelverzoek.objects.filter(pk=ouder.pk).update(besluit=uitkomst)
        workflow.deelverzoek_overgang(
            deelverzoek=ouder,
            handeling=workflow.BEROEP_HANDELING[uitkomst],
            door=door,
            nu=nu,
            toelichting="besluit van de minister op het beroep",
        )


#: The step of procedures 1 and 6 that sends the korpschef's (partial) rejection in writing,
#: with reasons, to the requester and a copy to DGPOL (factsheet, toelichting 9; ADR-0022).
AFWIJZING_STAP = "taak_afwijzing_schriftelijk"

#: What the appellant confirms (the page's checkbox): the appeal goes to the minister.
BEROEP_BEVESTIGING = "Ik stel beroep in bij de Minister van Justitie en Veiligheid"


def bevoegd_gezag_code(deelverzoek: Deelverzoek) -> str:
    """The organisation code of the competent authority of a part of procedure 1 or 6.

    The burgemeester's municipality (procedure 1, lane ``BURGEMEESTER``) or the
    arrondissementsparket of the officier van justitie (procedure 6, lane ``OVJ``): the
    requester of the korpschef's decision, and the only one who may appeal it.
    Bron: Pw 2012 art. 56 lid 1, 2 and 4.
    """
    lane = "OVJ" if deelverzoek.procedure_id == "6" else "BURGEMEESTER"
    return workflow.lane_organisatie_codes(deelverzoek.verzoek, [lane])[lane]


def afwijzing_berichten(*, taak: Taak, door: Gebruiker, nu: datetime) -> Document:
    """Send the korpschef's written rejection to the requester and the copy to DGPOL (outbox).

    In the caller's transaction (the step `AFWIJZING_STAP`, `taak_afronden`): the letter
    (`brieven.afwijzing_brief`, stored), one message ``afwijzing-schriftelijk`` to the
    requesting RCCB and the competent authority (`bevoegd_gezag_code`), and one
    ``afwijzing-afschrift`` to DGPOL; a receiver without an account gets the letter as PDF
    (ADR 0036). The reasons stay on the request, behind the link: a message body carries no
    request data (ADR 0035). DGPOL then takes part in the request (need-to-know).

    Returns:
        The stored letter.

    Bron: factsheet, toelichting 9 ("Een dergelijke afwijzing geschiedt schriftelijk, met
    reden omkleedt aan de aanvrager. Een afschrift ... gelijktijdig ... (DGPOL)").
    """
    deelverzoek = taak.deelverzoek
    verzoek = deelverzoek.verzoek
    gezag = Organisatie.objects.get(code=bevoegd_gezag_code(deelverzoek))
    dgpol = Organisatie.objects.get(code="DGPOL")
    uitkomst = (
        "gedeeltelijk afgewezen"
        if deelverzoek.besluit == BesluitUitkomst.DEELS_TOEGEKEND
        else "afgewezen"
    )
    brief = afwijzing_brief(taak=taak, gezag=gezag, dgpol=dgpol, door=door, nu=nu)
    for naam, soort, ontvangers in (
        ("afwijzing_schriftelijk", "afwijzing-schriftelijk", [verzoek.rccb, gezag]),
        ("afwijzing_afschrift", "afwijzing-afschrift", [dgpol]),
    ):
        berichten_met_brief(
            soort=soort,
            naam=naam,
            context={"uitkomst": uitkomst},
            ontvangers=ontvangers,
            obj=taak,
            nu=nu,
            verzoek=verzoek,
            brief=brief,
            afzender=taak.organisatie,
        )
    workflow.deelnemers_toevoegen(verzoek=verzoek, codes=[dgpol.code])
    return brief


def _controleer_beroepsrecht(
    deelverzoek: Deelverzoek, door: Gebruiker, namens: str, mandaat: str
) -> tuple[str, str]:
    """Who may appeal: the competent authority itself, or someone under a recorded mandate.

    An account of the competent authority's organisation (`bevoegd_gezag_code`) with the role
    besluitvormer (the burgemeester or officier van justitie), or another account of that
    organisation acting on their behalf (`namens`) under a mandate whose reference
    (`mandaat`) is recorded with the appeal. Never an RCCB or any other organisation.

    Returns:
        `namens` and `mandaat`, stripped.

    Raises:
        GeenToegang: another organisation, or no besluitvormer and no mandate.
        OngeldigeInvoer: a `namens` text without the mandate's reference, or the reverse.
    """
    if organisatie_code(door) != bevoegd_gezag_code(deelverzoek):
        raise GeenToegang(
            "Alleen de burgemeester of de officier van justitie die om bijstand vroeg (of wie "
            "namens hen handelt onder mandaat) kan beroep instellen. Er is niets gewijzigd."
        )
    namens = tekst(namens, "namens", verplicht=False, max_length=200)
    mandaat = tekst(mandaat, "mandaat", verplicht=False, max_length=200)
    if namens and not mandaat:
        raise OngeldigeInvoer(
            "noem het mandaat waaronder u namens het gezag handelt", veld="mandaat"
        )
    if mandaat and not namens:
        raise OngeldigeInvoer("noem namens wie u handelt", veld="namens")
    if not door.is_besluitvormer and not mandaat:
        raise GeenToegang(
            "Alleen de burgemeester of de officier van justitie zelf (besluitvormer) kan beroep "
            "instellen, of wie namens hen handelt onder een vastgelegd mandaat. Er is niets "
            "gewijzigd."
        )
    return namens, mandaat


@transaction.atomic
def beroep_instellen(
    *,
    deelverzoek: Deelverzoek,
    door: Gebruiker,
    reden: str,
    bevestigd: bool,
    namens: str = "",
    mandaat: str = "",
    nu: datetime | None = None,
) -> Deelverzoek:
    """Appeal to the minister after a (partial) rejection by the korpschef: procedure 9.

    The competent authority's own choice (Pw 2012 art. 56 lid 4): only the burgemeester
    (procedure 1) or the officier van justitie (procedure 6), or someone acting on their
    behalf under a recorded mandate, may lodge it (`_controleer_beroepsrecht`); never an
    RCCB. It needs a reason and the explicit confirmation `BEROEP_BEVESTIGING`, and comes
    after the korpschef's written rejection with its copy to DGPOL (`AFWIJZING_STAP`).

    The appeal runs as a new part, linked to the rejected one (`Deelverzoek.beroep_op`), which
    becomes in_beroep; the reason, and the `namens` text and mandate when given, are recorded
    in its history and audit event. In procedure 9 DGPOL advises, the minister decides
    (`besluit_nemen`), and after an instruction the korpschef informs LE-POB, which
    coordinates the assistance and informs the LOCC (ADR-0022).

    Args:
        deelverzoek: a part of procedure 1 or 6 with status afgewezen or deels_toegekend.
        door: an account of the competent authority's organisation.
        reden: why the appeal is lodged (required).
        bevestigd: the confirmation `BEROEP_BEVESTIGING`; must be True.
        namens: on whose behalf, e.g. "namens de burgemeester van Utrecht" (with `mandaat`).
        mandaat: the reference of the mandate decision (with `namens`).
        nu: aware datetime (default now).

    Returns:
        The new appeal part.

    Raises:
        GeenToegang: not the competent authority, nor acting for it under a mandate.
        OngeldigeInvoer: no reason, no confirmation, or `namens` without `mandaat` (or the
            reverse), named field.
        OngeldigeOvergang: no (partial) rejection in procedure 1 or 6, the written rejection
            not yet sent, or already appealed.

    Bron: Pw 2012 art. 56 lid 4; factsheet, toelichting 9.
    """
    nu = nu_utc(nu)
    ouder = deelverzoek_onder_slot(deelverzoek.pk)
    verzoek = ouder.verzoek
    if ouder.procedure_id not in ("1", "6"):
        raise OngeldigeOvergang(
            "beroep is alleen mogelijk na een (gedeeltelijke) afwijzing door de korpschef "
            "(procedure 1 of 6)",
            veld="deelverzoek",
        )
    namens, mandaat = _controleer_beroepsrecht(ouder, door, namens, mandaat)
    reden = tekst(reden, "reden")
    if not bevestigd:
        raise OngeldigeInvoer(f"bevestig: '{BEROEP_BEVESTIGING}'", veld="bevestigd")
    run = workflow.run_laden(ouder)
    if not engine.beroep_mogelijk(run) or ouder.status not in (
        DeelverzoekStatus.AFGEWEZEN,
        DeelverzoekStatus.DEELS_TOEGEKEND,
    ):
        raise OngeldigeOvergang(
            "beroep is alleen mogelijk na een (gedeeltelijke) afwijzing door de korpschef "
            "(procedure 1 of 6)",
            veld="deelverzoek",
        )
    # A run that started on the model before ADR-0022 has no such step: it finished on its
    # old model (the run embeds its spec), and its refusal may still be appealed.
    heeft_stap = any(bpmn_id == AFWIJZING_STAP for bpmn_id, _ in workflow.model_taken(run))
    if heeft_stap and engine.task_data(run, AFWIJZING_STAP) is None:
        raise OngeldigeOvergang(
            "de korpschef verstuurt eerst de schriftelijke afwijzing met redenen (met afschrift "
            "aan DGPOL); daarna kan beroep worden ingesteld",
            veld="deelverzoek",
        )
    # Filtered on the request too, so that its index is used, not beroep_op's (see below).
    if Deelverzoek.objects.filter(verzoek_id=ouder.verzoek_id, beroep_op=ouder).exists():
        raise OngeldigeOvergang("tegen dit besluit is al beroep ingesteld", veld="deelverzoek")
    start_data = engine.beroep_startgegevens(run)
    beroep_run = engine.procedure_start("9", start_data, now=nu)
    volgnummer = (
        Deelverzoek.objects.filter(verzoek=verzoek).aggregate(m=Max("volgnummer"))["m"] or 0
    ) + 1
    beroep = Deelverzoek.objects.create(
        verzoek=verzoek,
        volgnummer=volgnummer,
        procedure_id="9",
        leverancier=ouder.leverancier,
        route={},
        startgegevens=start_data,
        **workflow.run_velden(beroep_run, nu=nu),
        regels_versie=ouder.regels_versie,
        beroep_op=ouder,
        periode_start=verzoek.periode_start,
        periode_eind=verzoek.periode_eind,
        eenheid_id=verzoek.eenheid_id,
        aangemaakt_op=nu,
        gewijzigd_op=nu,
    )
    beroep.verzoek = verzoek
    workflow.deelverzoek_overgang(deelverzoek=beroep, handeling=Handeling.STARTEN, door=door, nu=nu)
    toelichting = reden + (f" ({namens}, mandaat: {mandaat})" if namens else "")
    workflow.deelverzoek_overgang(
        deelverzoek=ouder,
        handeling=Handeling.BEROEP_INSTELLEN,
        door=door,
        nu=nu,
        toelichting=toelichting,
    )
    lanes = workflow.deelnemende_lanes(beroep_run, start_data)
    workflow.deelnemers_toevoegen(
        verzoek=verzoek, codes=workflow.lane_organisatie_codes(verzoek, lanes).values()
    )
    sync = workflow.taken_synchroniseren(deelverzoek=beroep, run=beroep_run, nu=nu)
    berichten_nieuwe_taken(sync.nieuw, nu)
    brief = beroep_brief(
        beroep=beroep,
        ouder=ouder,
        gezag=Organisatie.objects.get(code=bevoegd_gezag_code(ouder)),
        reden=reden,
        namens=namens,
        door=door,
        nu=nu,
    )
    audit_record(
        gebeurtenis=Gebeurtenis.BEROEP_INGESTELD,
        actor=door,
        obj=beroep,
        voor={"deelverzoek": ouder.pk, "status": str(DeelverzoekStatus(ouder.besluit))},
        na={
            "beroep": beroep.pk,
            "procedure": "9",
            "reden": reden,
            "bevestiging": BEROEP_BEVESTIGING,
            "namens": namens,
            "mandaat": mandaat,
            "brief": {"document": str(brief.uuid), "sha256": brief.sha256},
            **start_data,
        },
    )
    return beroep
