"""Pages of the bijstandsverzoek: list, creation from the advice, request page, task forms.

Views hold no business logic: they parse forms and call the domain's services
(`verzoeken.services`) and selectors (`verzoeken.selectors`), which check need-to-know, the
lane, the role and the status, and raise `VerzoekFout` with a Dutch message and the offending
field when they refuse. A request or task outside the user's scope answers 404 (issue #3).
Every view of a request page is logged through `verzoek_bekijken` (audit trail, issue #4).

Times are shown and entered in Europe/Amsterdam and stored in UTC (``TIME_ZONE``, ``USE_TZ``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.capaciteit.selectors import claims_van_verzoek
from politiebijstand.capaciteit.services import conflicten
from politiebijstand.documenten.views import document_response
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.organisaties.selectors import organisaties_by_codes
from politiebijstand.procedures.definities import PROCESSEN
from politiebijstand.procedures.engine import PROCEDURES
from politiebijstand.rules import (
    AdviesUitkomst,
    OngeldigeSituatie,
    advies_bepalen,
    situatie_from_dict,
)
from politiebijstand.rules.engine import aanvraagbare_routes
from politiebijstand.toegang.regels import (
    TAAK_NAMENS_VASTLEGGEN,
    TAAK_UITVOEREN,
    VERZOEK_BEKIJKEN,
    mag,
    organisatie_code,
)
from politiebijstand.verzoeken import services, workflow
from politiebijstand.verzoeken.constants import (
    DeelverzoekStatus,
    Gezag,
    TaakStatus,
    VerzoekStatus,
)
from politiebijstand.verzoeken.exceptions import (
    GeenToegang,
    GelijktijdigGewijzigd,
    OngeldigeInvoer,
    TaakNietOpen,
    VerzoekFout,
)
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, GevraagdeInzet, Taak
from politiebijstand.verzoeken.selectors import (
    TijdlijnItem,
    access_taak_by_id,
    access_verzoek_by_uuid,
    deelverzoek_by_volgnummer,
    document_van_verzoek,
    documenten_van_verzoek,
    evaluatie_bekijken,
    evaluatie_zichtbaar,
    gevraagde_inzet_list,
    organisatie_list_in_eenheid,
    organisatie_list_voor_telefoon,
    procedure_bpmn_van_versie,
    rccb_eenheid,
    taak_list_for_werkvoorraad,
    verzoek_bekijken,
    verzoek_list,
)
from politiebijstand.verzoeken.services.capaciteit import CAPACITEIT_STAP
from politiebijstand.verzoeken.services.evaluatie import evaluatie_pdf_opslaan
from politiebijstand.verzoeken.services.formulier import is_ondertekentaak
from politiebijstand.verzoeken.services.verzoek import GEEN_OEFENING
from politiebijstand.verzoeken.ui import forms as uiforms
from politiebijstand.vragenlijst import teksten
from politiebijstand.vragenlijst.adressen import (
    resultaat_url,
    resultaat_url_voor_situatie,
    stap_url,
)
from politiebijstand.vragenlijst.stappen import (
    REGIOBURGEMEESTER,
    canonieke_query,
    naar_situatie,
    voortgang,
)
from politiebijstand.vragenlijst.teksten import SPOED_CODES

PER_PAGINA = 25


def _gebruiker(request: HttpRequest) -> Gebruiker:
    """The logged-in user; every page here is behind log-in (`accounts.middleware`)."""
    if not isinstance(request.user, Gebruiker):
        raise PermissionDenied
    return request.user


def _capaciteit(verzoek: Bijstandsverzoek, gebruiker: Gebruiker) -> dict[str, Any]:
    """The request's claims and their conflicts, for the "Capaciteit" block (ADR 0038).

    Shown only on a request the user may see (need-to-know by the caller); two queries, and
    the access rule per other request in a conflict. Each conflict comes with the other
    requests holding competing claims: ``(kenmerk, uuid)`` when the user may see that request,
    else ``(None, None)`` (counted, not named).
    """
    claims = claims_van_verzoek(verzoek.pk)
    regels = []
    for conflict in conflicten(claims):
        verzoeken = {c.verzoek_id: c.verzoek for c in conflict.andere}
        andere = [
            (v.kenmerk, v.uuid) if mag(VERZOEK_BEKIJKEN, gebruiker, v) else (None, None)
            for v in verzoeken.values()
        ]
        regels.append({"soort": conflict.soort, "melding": conflict.melding, "andere": andere})
    return {"capaciteit_claims": claims, "capaciteit_conflicten": regels}


def _procedure_titel(procedure_id: str) -> str:
    procedure = PROCEDURES.get(procedure_id)
    return procedure.titel if procedure else f"Procedure {procedure_id}"


def _fout_naar_form(form: forms.Form, fout: VerzoekFout, veld: str | None) -> None:
    """Show a service's refusal on the form: on its field when there is one, else on top."""
    if veld is not None and veld in form.fields:
        form.add_error(veld, fout.message)
    elif fout.veld:
        form.add_error(None, f"{fout.veld}: {fout.message}")
    else:
        form.add_error(None, fout.message)


# --- the list ---------------------------------------------------------------------------------


class VerzoekFilterForm(forms.Form):
    zoek = forms.CharField(label="Zoek (kenmerk, titel of locatie)", required=False, max_length=100)
    status = forms.ChoiceField(
        label="Status", choices=[("", "Alle"), *VerzoekStatus.choices], required=False
    )
    spoed = forms.ChoiceField(
        label="Spoed",
        choices=[("", "Alle"), ("ja", "Alleen spoed"), ("nee", "Zonder spoed")],
        required=False,
    )


@require_safe
def lijst(request: HttpRequest) -> HttpResponse:
    """The requests in which the user's organisation takes part, newest first."""
    form = VerzoekFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    verzoeken = verzoek_list(
        gebruiker=_gebruiker(request),
        status=filters.get("status") or None,
        spoed={"ja": True, "nee": False}.get(filters.get("spoed") or ""),
        zoek=filters.get("zoek") or None,
    )
    pagina = Paginator(verzoeken, PER_PAGINA).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "verzoeken/lijst.html",
        {
            "form": form,
            "pagina": pagina,
            "verzoeken": list(pagina.object_list),
            "query": query.urlencode(),
            "kan_aanmaken": rccb_eenheid(_gebruiker(request)) is not None,
        },
    )


# --- creation from the wizard's advice --------------------------------------------------------


@require_http_methods(["GET", "POST"])
def nieuw(request: HttpRequest) -> HttpResponse:
    """The request's details after the wizard's advice, for the requesting unit's RCCB.

    The query string holds the wizard's answers (as on its result page); the advice is
    determined again from them. A valid form calls `verzoek_aanmaken`, which stores the
    situation, the advice and the rules version with the request.
    """
    gebruiker = _gebruiker(request)
    eenheid = rccb_eenheid(gebruiker)
    if eenheid is None:
        return render(request, "verzoeken/alleen_rccb.html", status=403)
    stand = voortgang(request.GET)
    if stand.open is not None:
        return HttpResponseRedirect(stap_url(stand.open.stap, request.GET))
    situatie = naar_situatie(stand.antwoorden)
    query = canonieke_query(stand)
    advies_url = resultaat_url(query)
    try:
        advies = advies_bepalen(situatie_from_dict(situatie))
    except OngeldigeSituatie as fout:
        return render(
            request,
            "verzoeken/niet_mogelijk.html",
            {"reden": f"{fout.veld}: {fout.melding}", "advies_url": advies_url},
            status=400,
        )
    routes = list(aanvraagbare_routes(advies))
    if advies.uitkomst != AdviesUitkomst.BIJSTAND or not routes:
        return render(
            request,
            "verzoeken/niet_mogelijk.html",
            {
                "reden": "Het advies heeft geen route waarvoor een bijstandsverzoek kan worden "
                "gedaan.",
                "advies_url": advies_url,
            },
        )
    gezag = Gezag(advies.gezag.value) if advies.gezag else Gezag.BURGEMEESTER
    soort = "gezag" if gezag == Gezag.BURGEMEESTER else "openbaar_ministerie"
    gezag_keuzes = organisatie_list_in_eenheid(eenheid=eenheid, soort=soort)
    gemeente_keuzes = organisatie_list_in_eenheid(eenheid=eenheid, soort="gezag")
    delen = [
        f"{_procedure_titel(r.procedure)}{f' ({r.middel})' if r.middel else ''}" for r in routes
    ]
    namen = [str(n).strip().lower() for n in situatie.get("gemeenten", [])]
    gekozen = [g for g in gemeente_keuzes if g.afkorting.lower() in namen]
    initial: dict[str, Any] = {"gemeenten": gekozen}
    if gezag == Gezag.BURGEMEESTER and gekozen:
        initial["bevoegd_gezag"] = gekozen[0]
    elif gezag == Gezag.OFFICIER_VAN_JUSTITIE:
        initial["bevoegd_gezag"] = gezag_keuzes.first()
    # Only without municipalities does the wizard ask it; with them the advice derives it per
    # municipality (contract, interpretation 12) and the situation does not hold it.
    regio_antwoord = situatie.get(REGIOBURGEMEESTER)
    form = uiforms.VerzoekForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        gezag_keuzes=gezag_keuzes,
        gemeente_keuzes=gemeente_keuzes,
        delen=delen,
        regioburgemeester=regio_antwoord,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            verzoek = services.verzoek_aanmaken(
                situatie=situatie,
                titel=data["titel"],
                bevoegd_gezag=data["bevoegd_gezag"],
                periode_start=data["periode_start"],
                periode_eind=data["periode_eind"],
                locatie=data["locatie"],
                door=gebruiker,
                omschrijving=data["omschrijving"],
                gemeenten=list(data["gemeenten"]),
                gevraagde_capaciteit=data["gevraagde_capaciteit"],
                gewenst_effect=data["gewenst_effect"],
                regels=form.regels(),
                oefening=data["oefening"],
            )
        except GeenToegang:
            return render(request, "verzoeken/alleen_rccb.html", status=403)
        except OngeldigeInvoer as fout:
            _fout_naar_form(form, fout, form.veld_voor(fout.veld))
        else:
            messages.success(
                request,
                f"Bijstandsverzoek {verzoek.kenmerk} is aangemaakt; de eerste taken staan klaar.",
            )
            return HttpResponseRedirect(reverse("verzoeken:detail", args=[verzoek.uuid]))
    return render(
        request,
        "verzoeken/nieuw.html",
        {
            "form": form,
            "advies": advies,
            "routes": list(zip(routes, delen, strict=True)),
            "gezag": gezag,
            "spoed": bool(situatie.get("spoed")),
            "eenheid": eenheid,
            "advies_url": advies_url,
            "actie": f"{reverse('verzoeken:nieuw')}?{query.urlencode()}",
        },
    )


# --- the request page -------------------------------------------------------------------------


@dataclass(frozen=True)
class TijdlijnRegel:
    """A timeline entry as shown: `TijdlijnItem` with its recorded data in words."""

    item: TijdlijnItem
    gegevens: list[tuple[str, str]]


_VERBORGEN = frozenset({"beller_organisatie", "gebelde_organisatie", "handeling"})


def _tijdstip(waarde: str) -> str | None:
    """An ISO 8601 moment with a time zone as Dutch time (``"01-03-2026 10:15"``), else None."""
    try:
        moment = datetime.fromisoformat(waarde)
    except ValueError:
        return None
    if moment.tzinfo is None or "T" not in waarde:
        return None
    return f"{timezone.localtime(moment):%d-%m-%Y %H:%M}"


def _in_woorden(gegevens: Mapping[str, Any]) -> list[tuple[str, str]]:
    regels = []
    for naam, waarde in gegevens.items():
        if naam in _VERBORGEN or waarde in (None, "", [], {}) or isinstance(waarde, dict | list):
            continue
        if isinstance(waarde, bool):
            tekst = "ja" if waarde else "nee"
        elif isinstance(waarde, str) and (moment := _tijdstip(waarde)):
            tekst = moment
        else:
            tekst = uiforms.WAARDE_LABELS.get(str(waarde), str(waarde))
        regels.append((uiforms.VELD_LABELS.get(naam, naam.replace("_", " ").capitalize()), tekst))
    return regels


@dataclass(frozen=True)
class DeelWeergave:
    """One part on the request page, with what the user may do with it."""

    deel: Deelverzoek
    titel: str
    open_taken: list[Taak]
    afgerond: str
    huidig: str
    inzet_acties: list[tuple[str, str]]
    beroep_mogelijk: bool


#: Deployment acts per status of a part: (url slug, button text).
INZET_ACTIES: Mapping[str, list[tuple[str, str]]] = {
    DeelverzoekStatus.TOEGEKEND: [("starten", "Inzet gestart")],
    DeelverzoekStatus.DEELS_TOEGEKEND: [("starten", "Inzet gestart")],
    DeelverzoekStatus.IN_INZET: [
        ("wijzigen", "Inzet wijzigen"),
        ("verlengen", "Inzet verlengen"),
        ("beeindigen", "Inzet beëindigen"),
    ],
    DeelverzoekStatus.INZET_BEEINDIGD: [("evalueren", "Inzet evalueren")],
}


@dataclass(frozen=True)
class AdviesRoute:
    """A route of the stored advice in words, for the request page."""

    procedure: str
    leverancier: str
    besluit_door: str
    toegestaan: bool


def _advies_routes(
    advies: Mapping[str, Any], organisaties: Mapping[str, Organisatie]
) -> list[AdviesRoute]:
    """The routes of the stored advice (contract JSON) with names instead of codes."""
    routes = []
    for route in advies.get("routes") or []:
        leverancier = teksten.LEVERANCIER.get(route.get("leverancier"), route.get("leverancier"))
        if route.get("middel"):
            leverancier += f": {teksten.MIDDEL.get(route['middel'], route['middel']).lower()}"
        code = route.get("besluit_door")
        besluiter = organisaties.get(code) if code else None
        routes.append(
            AdviesRoute(
                procedure=teksten.procedure_titel(str(route.get("procedure", ""))),
                leverancier=leverancier,
                besluit_door=(
                    f"{besluiter.naam} ({besluiter.afkorting})"
                    if besluiter is not None and besluiter.afkorting not in besluiter.naam
                    else besluiter.naam
                    if besluiter is not None
                    else str(code or "")
                ),
                toegestaan=bool(route.get("toegestaan", True)),
            )
        )
    return routes


@require_safe
def detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The request page: summary, advice, parts with their diagram, timeline and contacts."""
    gebruiker = _gebruiker(request)
    verzoek = access_verzoek_by_uuid(gebruiker, uuid)
    gegevens = verzoek_bekijken(verzoek=verzoek, door=gebruiker, vers=True)
    verzoek = gegevens.verzoek
    code = organisatie_code(gebruiker)
    namens_aanvrager = code in (verzoek.rccb.code, verzoek.bevoegd_gezag.code)
    beroep = {d.pk for d in gegevens.beroep_mogelijk}
    delen = []
    for deel in gegevens.deelverzoeken:
        # The deciding bodies of the part and of its appeals (parts of the same request).
        besluiters = {
            b.organisatie.code
            for d in gegevens.deelverzoeken
            if d.pk == deel.pk or d.beroep_op_id == deel.pk
            for b in d.besluiten.all()
        }
        mag_inzet = code == verzoek.rccb.code or code in besluiters
        voortgang_ = gegevens.voortgang[deel.pk]
        delen.append(
            DeelWeergave(
                deel=deel,
                titel=_procedure_titel(deel.procedure_id),
                open_taken=[t for t in gegevens.open_taken if t.deelverzoek_id == deel.pk],
                afgerond=" ".join(voortgang_.afgerond),
                huidig=" ".join(voortgang_.huidig),
                inzet_acties=INZET_ACTIES.get(deel.status, []) if mag_inzet else [],
                # Only the competent authority appeals, never the RCCB (ADR-0022).
                beroep_mogelijk=deel.pk in beroep and code == verzoek.bevoegd_gezag.code,
            )
        )
    try:
        advies_url = resultaat_url_voor_situatie(verzoek.situatie)
    except ValueError:
        advies_url = ""
    advies = verzoek.advies if isinstance(verzoek.advies, Mapping) else {}
    besluit_codes = [r.get("besluit_door") for r in advies.get("routes") or []]
    # One query for the deciders and the footer's 24/7 numbers.
    organisaties = organisaties_by_codes(codes=[*SPOED_CODES, *(c for c in besluit_codes if c)])
    return render(
        request,
        "verzoeken/detail.html",
        {
            "verzoek": verzoek,
            "advies_routes": _advies_routes(advies, organisaties),
            "spoed_organisaties": organisaties,
            "delen": delen,
            "open_taken": gegevens.open_taken,
            "taken": gegevens.taken,
            "besluiten": gegevens.besluiten,
            "tijdlijn": [TijdlijnRegel(i, _in_woorden(i.gegevens)) for i in gegevens.tijdlijn],
            "contacten": gegevens.contacten,
            "terugval_24_7": gegevens.terugval_24_7,
            "documenten": documenten_van_verzoek(verzoek),
            "advies": verzoek.advies,
            "advies_url": advies_url,
            "kan_intrekken": namens_aanvrager
            and verzoek.status in (VerzoekStatus.IN_BEHANDELING, VerzoekStatus.BESLOTEN),
            "kan_oefening_afsluiten": verzoek.oefening
            and code in (verzoek.rccb.code, "LOCC")
            and verzoek.status
            in (VerzoekStatus.IN_BEHANDELING, VerzoekStatus.BESLOTEN, VerzoekStatus.IN_INZET),
            "eigen_organisatie_id": gebruiker.organisatie_id,
            "evaluatie_zichtbaar": evaluatie_zichtbaar(verzoek, gegevens.deelverzoeken),
            "nu": timezone.now(),
            **_capaciteit(verzoek, gebruiker),
        },
    )


@require_safe
def procedure_bpmn(request: HttpRequest, procedure_id: str) -> HttpResponse:
    """The BPMN 2.0 file of a procedure (with its diagram layout), for the bpmn-js viewer.

    ``?versie=<sha256>``: the file of that model version as stored with the runs
    (`ProcedureSpecificatie.bpmn`), so a request's diagram is drawn from the version it ran
    on, not from today's file (ADR 0051); 404 when that version or its text is not stored.
    Without ``versie``: today's file. The models are the same for every user (no request data).
    """
    procedure = PROCEDURES.get(procedure_id)
    if procedure is None:
        raise Http404("Niet gevonden.")
    versie = request.GET.get("versie", "")
    if versie:
        bpmn = procedure_bpmn_van_versie(procedure_id=procedure_id, model_versie=versie)
        if not bpmn:
            raise Http404("Niet gevonden.")
        inhoud = bpmn.encode("utf-8")
    else:
        inhoud = procedure.bestand.read_bytes()
    response = HttpResponse(inhoud, content_type="application/xml")
    response["Cache-Control"] = "private, max-age=3600"
    return response


# --- acts on the request ----------------------------------------------------------------------


def _actie_pagina(
    request: HttpRequest,
    *,
    verzoek: Bijstandsverzoek,
    form: forms.Form,
    titel: str,
    uitleg: str,
    knop: str,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "verzoeken/actie.html",
        {"verzoek": verzoek, "form": form, "titel": titel, "uitleg": uitleg, "knop": knop},
        status=status,
    )


def _geweigerd(request: HttpRequest, verzoek: Bijstandsverzoek, fout: VerzoekFout) -> HttpResponse:
    return render(
        request,
        "verzoeken/geweigerd.html",
        {"verzoek": verzoek, "melding": fout.message},
        status=403,
    )


@require_http_methods(["GET", "POST"])
def intrekken(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Withdraw the request with a reason (`verzoek_intrekken`)."""
    gebruiker = _gebruiker(request)
    verzoek = access_verzoek_by_uuid(gebruiker, uuid)
    form = uiforms.IntrekkenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.verzoek_intrekken(
                verzoek=verzoek, reden=form.cleaned_data["reden"], door=gebruiker
            )
        except GeenToegang as fout:
            return _geweigerd(request, verzoek, fout)
        except VerzoekFout as fout:
            _fout_naar_form(form, fout, fout.veld)
        else:
            messages.success(request, f"Bijstandsverzoek {verzoek.kenmerk} is ingetrokken.")
            return HttpResponseRedirect(reverse("verzoeken:detail", args=[verzoek.uuid]))
    return _actie_pagina(
        request,
        verzoek=verzoek,
        form=form,
        titel="Verzoek intrekken",
        uitleg="Alle open taken vervallen en iedere deelnemer krijgt bericht.",
        knop="Verzoek intrekken",
    )


@require_http_methods(["GET", "POST"])
def oefening_afsluiten(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """Close an exercise in one action (`oefening_afsluiten`): a confirmation, then the close.

    A real request is refused with a Dutch message (status 400); a user other than the
    requesting RCCB or the LOCC gets the refusal page (403). Issue #11 item 5.
    """
    gebruiker = _gebruiker(request)
    verzoek = access_verzoek_by_uuid(gebruiker, uuid)
    form = forms.Form(request.POST if request.method == "POST" else {})
    form.is_valid()  # no fields: only to hold the service's refusal
    status = 200
    if not verzoek.oefening:
        form.add_error(None, GEEN_OEFENING)
        status = 400
    elif request.method == "POST":
        try:
            services.oefening_afsluiten(verzoek=verzoek, door=gebruiker)
        except GeenToegang as fout:
            return _geweigerd(request, verzoek, fout)
        except VerzoekFout as fout:
            form.add_error(None, fout.message)
            status = 400
        else:
            messages.success(request, f"Oefening {verzoek.kenmerk} is afgesloten.")
            return HttpResponseRedirect(reverse("verzoeken:detail", args=[verzoek.uuid]))
    return _actie_pagina(
        request,
        verzoek=verzoek,
        form=form,
        titel="Oefening afsluiten",
        uitleg=(
            "Alle open delen van deze oefening worden beëindigd, alle open taken vervallen "
            "en iedere deelnemer krijgt bericht."
        ),
        knop="Oefening afsluiten",
        status=status,
    )


@require_http_methods(["GET", "POST"])
def beroep(request: HttpRequest, uuid: UUID, volgnummer: int) -> HttpResponse:
    """Appeal a (partial) rejection of procedure 1 or 6: starts procedure 9 (Pw 2012 56 lid 4)."""
    gebruiker = _gebruiker(request)
    verzoek = access_verzoek_by_uuid(gebruiker, uuid)
    deel = deelverzoek_by_volgnummer(verzoek=verzoek, volgnummer=volgnummer)
    form = uiforms.BeroepForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.beroep_instellen(
                deelverzoek=deel,
                door=gebruiker,
                reden=form.cleaned_data["reden"],
                bevestigd=form.cleaned_data["bevestigd"],
                namens=form.cleaned_data["namens"],
                mandaat=form.cleaned_data["mandaat"],
            )
        except GeenToegang as fout:
            return _geweigerd(request, verzoek, fout)
        except VerzoekFout as fout:
            _fout_naar_form(form, fout, fout.veld)
        else:
            messages.success(
                request, "Het beroep is ingesteld: procedure 9 is gestart (Pw 2012 art. 56 lid 4)."
            )
            return HttpResponseRedirect(reverse("verzoeken:detail", args=[verzoek.uuid]))
    return _actie_pagina(
        request,
        verzoek=verzoek,
        form=form,
        titel=f"Beroep instellen tegen het besluit over deel {deel.volgnummer}",
        uitleg=(
            "De burgemeester of de officier van justitie kan de Minister van Justitie en "
            "Veiligheid verzoeken de korpschef op te dragen alsnog in de gevraagde bijstand te "
            "voorzien (Politiewet 2012, art. 56 lid 4; factsheet, toelichting 9)."
        ),
        knop="Beroep instellen",
    )


INZET_FORMS: Mapping[str, tuple[type[forms.Form], str, str]] = {
    "starten": (uiforms.InzetStartenForm, "Inzet gestart", "Leg vast dat de inzet is gestart."),
    "wijzigen": (
        uiforms.InzetWijzigenForm,
        "Inzet wijzigen",
        "Een nieuwe periode of capaciteit wordt een nieuwe versie; eerdere versies blijven.",
    ),
    "verlengen": (
        uiforms.InzetVerlengenForm,
        "Inzet verlengen",
        "Een later einde wordt een nieuwe versie; eerdere versies blijven.",
    ),
    "beeindigen": (
        uiforms.InzetBeeindigenForm,
        "Inzet beëindigen",
        "Leg het einde van de inzet vast.",
    ),
    "evalueren": (
        uiforms.InzetEvaluerenForm,
        "Inzet evalueren",
        "Leg de evaluatie van de inzet vast.",
    ),
}


def _inzet_uitvoeren(
    soort: str, deel: Deelverzoek, data: Mapping[str, Any], door: Gebruiker
) -> None:
    if soort == "starten":
        services.inzet_starten(deelverzoek=deel, door=door, **data)
    elif soort == "wijzigen":
        services.inzet_wijzigen(deelverzoek=deel, door=door, **data)
    elif soort == "verlengen":
        services.inzet_verlengen(deelverzoek=deel, door=door, **data)
    elif soort == "beeindigen":
        services.inzet_beeindigen(deelverzoek=deel, door=door, **data)
    else:
        services.inzet_evalueren(deelverzoek=deel, door=door, **data)


@require_http_methods(["GET", "POST"])
def inzet(request: HttpRequest, uuid: UUID, volgnummer: int, soort: str) -> HttpResponse:
    """After the decision: deployment started, amended, extended, ended or evaluated."""
    gebruiker = _gebruiker(request)
    verzoek = access_verzoek_by_uuid(gebruiker, uuid)
    deel = deelverzoek_by_volgnummer(verzoek=verzoek, volgnummer=volgnummer)
    if soort not in INZET_FORMS:
        raise Http404("Niet gevonden.")
    form_class, titel, uitleg = INZET_FORMS[soort]
    form = form_class(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            _inzet_uitvoeren(soort, deel, form.cleaned_data, gebruiker)
        except GeenToegang as fout:
            return _geweigerd(request, verzoek, fout)
        except VerzoekFout as fout:
            _fout_naar_form(form, fout, fout.veld)
        else:
            messages.success(request, f"{titel}: vastgelegd.")
            return HttpResponseRedirect(reverse("verzoeken:detail", args=[verzoek.uuid]))
    return _actie_pagina(
        request,
        verzoek=verzoek,
        form=form,
        titel=f"{titel} (deel {deel.volgnummer}: {_procedure_titel(deel.procedure_id)})",
        uitleg=uitleg,
        knop=titel,
    )


# --- the task form ----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def taak(request: HttpRequest, pk: int) -> HttpResponse:
    """The form of one step of the user's organisation: a step, a decision or the phone call.

    The step's line of the factsheet (`Taak.documentatie`) is shown as guidance. An optional
    step can be skipped with a reason. When a colleague completed the step first, the page says
    so and nothing is changed (`TaakNietOpen`).
    """
    gebruiker = _gebruiker(request)
    taak = access_taak_by_id(gebruiker, pk)
    verzoek = taak.verzoek
    deel = taak.deelverzoek
    soort = (
        "besluit"
        if taak.is_besluit
        else "telefoon"
        if taak.bpmn_id == services.TELEFOON_STAP
        else "stap"
    )
    post = request.POST if request.method == "POST" else None
    bestanden = request.FILES if post is not None else None
    actie = request.POST.get("actie", "") if post is not None else ""
    # The coordinator records the step of a party without an account on its behalf, with the
    # received PDF (issue #10 item 4; ADR 0037).
    namens_partij = (
        taak.organisatie
        if taak.organisatie_id != gebruiker.organisatie_id
        and mag(TAAK_NAMENS_VASTLEGGEN, gebruiker, taak)
        else None
    )
    conflict = ""
    gebeld: Organisatie | None = None
    regels: list[GevraagdeInzet] = []
    namens = ""
    maatstaf = ""
    erratum = ""
    form: forms.Form
    overslaan: uiforms.OverslaanForm | None = None
    if soort == "besluit":
        regels = gevraagde_inzet_list(deelverzoek=deel)
        form = uiforms.BesluitForm(
            post,
            bestanden,
            regels=regels,
            velden=taak.velden,
            afwijzing_doorgeven=taak.bpmn_id == services.AFWIJZING_DEFENSIE_STAP,
            oefening=deel.verzoek.oefening,
        )
        besluit_veld = workflow.besluit_veld(taak.velden)
        namens = workflow.namens_voor(taak.procedure_id, besluit_veld)[0]
        maatstaf = workflow.maatstaf_defensie(taak.procedure_id, besluit_veld)
        erratum = workflow.erratum_besluit(taak.procedure_id, besluit_veld)
    elif soort == "telefoon":
        # The route's first contact is the one the urgent step calls (the LE-POB for
        # procedures 1, 4, 5 and 6, the LOCC for 2 and 3, DB3 for containers, OZI for 7
        # and 8: factsheet, toelichting 1 to 8; contract, interpretation 11).
        contacten = [str(c) for c in deel.route.get("contacten") or []]
        telefoon_organisaties = organisatie_list_voor_telefoon()
        organisaties = list(telefoon_organisaties)
        gebeld = next((o for o in organisaties if contacten and o.code == contacten[0]), None)
        initial: dict[str, Any] = {"tijdstip": timezone.now().replace(second=0, microsecond=0)}
        if gebeld is not None:
            initial["gebelde_organisatie"] = gebeld.pk
        form = uiforms.TelefoonForm(
            post,
            initial=initial,
            organisaties=telefoon_organisaties,
            uit_het_advies=contacten if gebeld is not None else (),
            opgehaald=organisaties,
        )
    else:
        form = uiforms.StapForm(
            post if actie != "overslaan" else None,
            bestanden if actie != "overslaan" else None,
            velden=taak.velden,
            verslag_verplicht=taak.bpmn_id == services.AFWIJZING_STAP,
        )
        if taak.optioneel and namens_partij is None:
            overslaan = uiforms.OverslaanForm(post if actie == "overslaan" else None)
    if namens_partij is not None:
        form.fields["bestand"] = uiforms.bestand_veld(namens_partij.naam)
    mag_uitvoeren = namens_partij is not None or mag(TAAK_UITVOEREN, gebruiker, taak)
    if post is not None and taak.is_open:
        gekozen: forms.Form = overslaan if actie == "overslaan" and overslaan else form
        if gekozen.is_valid():
            try:
                _taak_uitvoeren(soort, taak, gekozen, gebruiker, overslaan=gekozen is overslaan)
            except (TaakNietOpen, GelijktijdigGewijzigd) as fout:
                conflict = fout.message
                taak.refresh_from_db()
            except GeenToegang as fout:
                return render(
                    request,
                    "verzoeken/geweigerd.html",
                    {"verzoek": verzoek, "melding": fout.message},
                    status=403,
                )
            except OngeldigeInvoer as fout:
                veld = (
                    form.veld_voor(fout.veld)
                    if isinstance(form, uiforms.BesluitForm)
                    else fout.veld
                )
                _fout_naar_form(gekozen, fout, veld)
            else:
                return _na_afronden(request, taak, gebruiker)
    elif post is not None:
        conflict = _niet_open_melding(taak)
    return render(
        request,
        "verzoeken/taak.html",
        {
            "taak": taak,
            "verzoek": verzoek,
            "deel": deel,
            "procedure_titel": _procedure_titel(deel.procedure_id),
            "soort": soort,
            "gebeld": gebeld,
            "documentatie": leesbare_documentatie(taak.documentatie, deel.procedure_id),
            "form": form,
            "overslaan": overslaan,
            "regels": regels,
            "namens": namens,
            "maatstaf": maatstaf,
            "erratum": erratum,
            "conflict": conflict,
            "namens_partij": namens_partij,
            "niet_open": "" if taak.is_open else _niet_open_melding(taak),
            "mag_uitvoeren": mag_uitvoeren,
            "reden_niet": "" if mag_uitvoeren else _reden_niet(taak, gebruiker),
            "nu": timezone.now(),
            "formulier_url": _formulier_url(taak),
            # The capacity overview before a decision, and at the LOCC's step that puts the
            # request in it (issue #11 item 1: "the step shows the result").
            "capaciteit_stap": taak.bpmn_id == CAPACITEIT_STAP,
            **(
                _capaciteit(verzoek, gebruiker)
                if soort == "besluit" or taak.bpmn_id == CAPACITEIT_STAP
                else {}
            ),
        },
    )


def _formulier_url(taak: Taak) -> str:
    """The form to sign for the authority's signing step (ADR 0033), else empty."""
    if not is_ondertekentaak(taak):
        return ""
    gemeente = taak.gemeente.code if taak.gemeente else "-"
    return reverse(
        "verzoeken:formulier", args=[taak.verzoek.uuid, taak.deelverzoek.volgnummer, gemeente]
    )


def _na_afronden(request: HttpRequest, taak: Taak, gebruiker: Any) -> HttpResponseRedirect:
    """After completing `taak`: its request's next task for the user, else the work queue.

    The next task is the first, in work-queue order (`taak_list_for_werkvoorraad`), open task of
    the same request in the user's organisation that the user may do and that no colleague
    has picked up (issue #8). The message says where the user landed and why.
    """
    afgerond = f"Stap '{taak.naam}' van {taak.verzoek.kenmerk} is afgerond."
    kandidaten = (
        taak_list_for_werkvoorraad(gebruiker=gebruiker)
        .filter(verzoek_id=taak.verzoek_id)
        .exclude(pk=taak.pk)
        .exclude(Q(status=TaakStatus.OPGEPAKT) & ~Q(opgepakt_door=gebruiker.pk))
    )
    # Not a step on behalf of a party without an account: its answer comes later, by letter
    # or e-mail; the work queue shows it ("namens <partij>", ADR 0037).
    volgende = next((t for t in kandidaten if mag(TAAK_UITVOEREN, gebruiker, t)), None)
    if volgende is None:
        messages.success(
            request,
            f"{afgerond} Er is geen volgende stap van dit verzoek voor u; hier is uw werkvoorraad.",
        )
        return HttpResponseRedirect(reverse("werkvoorraad:lijst"))
    messages.success(request, f"{afgerond} Dit is de volgende stap van dit verzoek voor u.")
    return HttpResponseRedirect(reverse("verzoeken:taak", args=[volgende.pk]))


_TAAK_ID = re.compile(r"\btaak_[a-z0-9_]+\b")


@cache
def _stapnamen(procedure_id: str) -> dict[str, str]:
    procedure = PROCEDURES.get(procedure_id)
    for proces in PROCESSEN:
        if procedure is not None and proces.id == procedure.process_id:
            return {knoop.id: knoop.naam for knoop in proces.knopen.values()}
    return {}


def leesbare_documentatie(tekst: str, procedure_id: str) -> str:
    """A step's documentation with the BPMN ids of steps replaced by their Dutch names.

    ``"... volgen achteraf in taak_schriftelijk_formaliseren"`` becomes ``"... volgen
    achteraf in de stap 'Schriftelijk formaliseren'"``. Unknown ids are left as they are.
    Pointers for developers (``"(contract, interpretatie 11)"``, ``"(issue #4)"``) are left out.
    """
    namen = _stapnamen(procedure_id)

    def naam(match: re.Match[str]) -> str:
        gevonden = namen.get(match.group(0))
        return f"de stap '{gevonden}'" if gevonden else match.group(0)

    return _TAAK_ID.sub(naam, _INTERNE_VERWIJZING.sub("", tekst))


#: Pointers for the project's developers in a step's notes ("(contract, interpretatie 11)",
#: "(issue #4)"): not shown to users (issue #8).
_INTERNE_VERWIJZING = re.compile(r" ?\((?:contract, interpretatie \d+|issue #\d+)\)")


def _niet_open_melding(taak: Taak) -> str:
    if taak.status == TaakStatus.AFGEROND:
        wie = taak.afgerond_door
        naam = (wie.get_full_name() or wie.get_username()) if wie else "een ander"
        wanneer = (
            f" op {timezone.localtime(taak.afgerond_op):%d-%m-%Y %H:%M}" if taak.afgerond_op else ""
        )
        return f"Deze taak is al afgerond door {naam}{wanneer}. Er is niets gewijzigd."
    return "Deze taak is vervallen (ingetrokken verzoek of verlopen termijn)."


def _reden_niet(taak: Taak, gebruiker: Gebruiker) -> str:
    if taak.is_besluit and not gebruiker.is_besluitvormer:
        return "Alleen een besluitvormer van uw organisatie kan dit besluit nemen."
    if taak.is_besluit:
        return "U hebt dit verzoek zelf aangevraagd en kunt er daarom niet over besluiten."
    return "Deze taak hoort niet bij uw organisatie."


def _taak_uitvoeren(
    soort: str, taak: Taak, form: forms.Form, door: Gebruiker, *, overslaan: bool
) -> None:
    data = form.cleaned_data
    if overslaan:
        services.taak_afronden(
            taak=taak, data={"overgeslagen": True, "reden": data["reden"]}, door=door
        )
    elif isinstance(form, uiforms.BesluitForm):
        services.besluit_nemen(
            taak=taak,
            uitkomst=data["uitkomst"],
            motivering=data["motivering"],
            voorwaarden=data.get("voorwaarden", ""),
            regels=form.regel_besluiten(),
            door=door,
            bestand=data.get("bestand"),
            **form.defensie(),
            **form.fnik(),
        )
    elif isinstance(form, uiforms.TelefoonForm):
        services.telefonisch_contact_vastleggen(
            taak=taak,
            beller=data["beller"],
            gebelde_organisatie=data["gebelde_organisatie"],
            gebeld=data["gebeld"],
            tijdstip=data["tijdstip"],
            afspraken=data["afspraken"],
            door=door,
        )
    elif isinstance(form, uiforms.StapForm):
        services.taak_afronden(
            taak=taak, data=form.gegevens(), door=door, bestand=data.get("bestand")
        )
    else:  # pragma: no cover - every kind of task has its form above
        raise TypeError(f"onbekend formulier {type(form).__name__}")


@require_safe
def document(request: HttpRequest, uuid: UUID, document: UUID) -> FileResponse:
    """Download one of the request's documents (PDF), audited (issue #10 item 3; ADR 0032).

    Need-to-know as the request page: a user whose organisation does not take part gets 404,
    also for a document uuid of another request.
    """
    gebruiker = _gebruiker(request)
    verzoek = access_verzoek_by_uuid(gebruiker, uuid)
    return document_response(document_van_verzoek(verzoek, document), gebruiker)


# --- after-action evaluation (issue #11 item 6, ADR 0042) ---------------------------------------


@require_safe
def evaluatie(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """The evaluation page: timeline, lead times, decisions, capacity and costs; audited.

    Need-to-know as the request page (404 outside it); every view is logged
    (``evaluatie-bekeken``).
    """
    gebruiker = _gebruiker(request)
    verzoek = access_verzoek_by_uuid(gebruiker, uuid)
    ev = evaluatie_bekijken(verzoek=verzoek, door=gebruiker)
    return render(
        request,
        "verzoeken/evaluatie.html",
        {
            "verzoek": ev.verzoek,
            "evaluatie": ev,
            "tijdlijn": [TijdlijnRegel(i, _in_woorden(i.gegevens)) for i in ev.tijdlijn],
        },
    )


@require_http_methods(["POST"])
def evaluatie_pdf(request: HttpRequest, uuid: UUID) -> HttpResponseRedirect:
    """Store the evaluation as a PDF of the request (a new version each time)."""
    gebruiker = _gebruiker(request)
    verzoek = access_verzoek_by_uuid(gebruiker, uuid)
    document = evaluatie_pdf_opslaan(verzoek=verzoek, door=gebruiker)
    messages.success(
        request,
        f"De evaluatie is als PDF opgeslagen (versie {document.versie}) bij de documenten.",
    )
    return HttpResponseRedirect(reverse("verzoeken:detail", args=[verzoek.uuid]) + "#documenten")
