"""Views of the Bijstandswijzer (/wijzer/) and the rule catalogue (/regels/).

Every page is a GET: the answers travel in the query string (see `stappen`), so each page,
the result included, can be bookmarked, printed and reached with the browser's Back button.
A step's form submits to its own URL with the key `verder`; a valid answer redirects to the
next step. Invalid or tampered query strings give a page that names the field, never a 500.

Every view here is public (`web.publiek`, issue #8, ADR 0020): no log-in, rate-limited for
anonymous users, and nothing stored (no session).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from politiebijstand.organisaties.models import Organisatie
from politiebijstand.organisaties.selectors import organisaties_by_codes
from politiebijstand.rules import (
    Advies,
    AdviesUitkomst,
    Indiener,
    OngeldigeSituatie,
    Route,
    Zienswijze,
    advies_bepalen,
    situatie_from_dict,
)
from politiebijstand.rules.advies import Aanvraagformulier
from politiebijstand.rules.catalogus import BRONNOTITIES, bron_voluit, module_titel, regels
from politiebijstand.rules.engine import aanvraagbare_routes, wat_nu
from politiebijstand.rules.interpretaties import VASTE_INTERPRETATIES
from politiebijstand.rules.versie import regels_versie, regels_versie_kort
from politiebijstand.vragenlijst import teksten
from politiebijstand.vragenlijst.adressen import (
    resultaat_url,
    stap_url,
)
from politiebijstand.vragenlijst.referentie import regioburgemeester_volgens_gemeentelijst
from politiebijstand.vragenlijst.stappen import (
    FASEN,
    STAP_BY_SLUG,
    STAPPEN,
    VERDER,
    Stap,
    StapForm,
    Voortgang,
    canonieke_query,
    naar_situatie,
    samenvatting,
    stapnummer,
    voortgang,
)
from politiebijstand.web.problemen import probleem_response
from politiebijstand.web.publiek import publiek

#: A query key set on the redirect to a question that a changed answer made necessary.
NIEUW = "nieuw"


def _zonder_verder(query: QueryDict) -> QueryDict:
    data = query.copy()
    data.pop(VERDER, None)
    data.pop(NIEUW, None)
    return data


@publiek
@require_safe
def start(request: HttpRequest) -> HttpResponse:
    """The introduction: what the wizard does, and the button to the first step."""
    return render(
        request,
        "wijzer/start.html",
        {"eerste_stap_url": stap_url(STAPPEN[0], QueryDict()), "fasen": FASEN},
    )


@publiek
@require_safe
def stap(request: HttpRequest, slug: str) -> HttpResponse:
    """One question page; with `verder` in the query it validates and moves on."""
    huidige = STAP_BY_SLUG.get(slug)
    if huidige is None:
        return _ongeldig(
            request,
            [("stap", f"De wijzer kent geen stap {slug!r}. Begin opnieuw.")],
            status=404,
        )
    data = _zonder_verder(request.GET)
    stand = voortgang(data)
    if huidige not in stand.pad:
        # Not asked for these answers (yet): go to the first open question or the result.
        if stand.open is not None:
            return HttpResponseRedirect(stap_url(stand.open.stap, data))
        return HttpResponseRedirect(resultaat_url(canonieke_query(stand)))

    if VERDER in request.GET:
        form = huidige.form(data, antwoorden=stand.antwoorden)
        if form.is_valid():
            if request.GET.get(VERDER) == NAAR_ADVIES:
                return HttpResponseRedirect(_advies_of_open_vraag_url(data))
            return HttpResponseRedirect(_volgende_url(huidige, data))
    elif stand.open is not None and huidige is stand.open.stap and stand.open.ongeldig:
        form = stand.open.form
    else:
        form = huidige.form(antwoorden=stand.antwoorden, initial=_initial(huidige, data, stand))
    return _render_stap(
        request, huidige, form, data, stand, gewijzigd=request.GET.get(NIEUW) == "1"
    )


#: The value of `VERDER` of the button "Terug naar het advies" (after "Wijzig").
NAAR_ADVIES = "advies"


def _advies_of_open_vraag_url(data: QueryDict) -> str:
    """The result, or the first question that the changed answers left open."""
    nieuw = voortgang(data)
    if nieuw.open is not None:
        return f"{stap_url(nieuw.open.stap, data)}{'&' if data else '?'}{NIEUW}=1"
    return resultaat_url(canonieke_query(nieuw))


def _na_deze_stap_beantwoord(huidige: Stap, data: QueryDict) -> bool:
    """Whether the query holds answers of steps after this one: the user came to change it."""
    later = STAPPEN[STAPPEN.index(huidige) + 1 :]
    return any(naam in data for stap_ in later for naam in stap_.form_class.base_fields)


def _nieuwe_vragen(
    huidige: Stap, form: StapForm, data: QueryDict, stand: Voortgang, *, gewijzigd: bool
) -> list[str]:
    """The unanswered questions of the open step, when a changed answer added them.

    That is so when the step is partly answered, or when "Terug naar het advies" led here
    (`gewijzigd`).
    """
    if stand.open is None or huidige is not stand.open.stap or form.is_bound:
        return []
    if not gewijzigd and not any(naam in data for naam in form.fields):
        return []
    # An optional question (a bijzondere bijstandseenheid) is no new question to point at.
    return [
        str(veld.label) for naam, veld in form.fields.items() if naam not in data and veld.required
    ]


def _initial(huidige: Stap, data: QueryDict, stand: Voortgang) -> dict[str, Any]:
    form = huidige.form(antwoorden=stand.antwoorden)
    initial: dict[str, Any] = {}
    for naam, veld in form.fields.items():
        if naam not in data:
            continue
        waarden = data.getlist(naam)
        initial[naam] = waarden if isinstance(veld, forms.MultipleChoiceField) else waarden[-1]
    return initial


def _volgende_url(huidige: Stap, data: QueryDict) -> str:
    nieuw = voortgang(data)
    index = nieuw.pad.index(huidige)
    if index + 1 < len(nieuw.pad):
        return stap_url(nieuw.pad[index + 1], data)
    return resultaat_url(canonieke_query(nieuw))


def _render_stap(
    request: HttpRequest,
    huidige: Stap,
    form: StapForm,
    data: QueryDict,
    stand: Voortgang,
    *,
    gewijzigd: bool = False,
) -> HttpResponse:
    index = stand.pad.index(huidige)
    terug_url = stap_url(stand.pad[index - 1], data) if index else reverse("wijzer:start")
    verborgen = [
        (naam, waarde)
        for naam, waarden in data.lists()
        if naam not in form.fields
        for waarde in waarden
    ]
    return render(
        request,
        "wijzer/stap.html",
        {
            "stap": huidige,
            "form": form,
            "nieuwe_vragen": _nieuwe_vragen(huidige, form, data, stand, gewijzigd=gewijzigd),
            "naar_advies": (
                NAAR_ADVIES if gewijzigd or _na_deze_stap_beantwoord(huidige, data) else ""
            ),
            "gewijzigd": NIEUW if gewijzigd else "",
            "stapnummer": stapnummer(huidige, stand.antwoorden),
            "fase": huidige.fase,
            "fasen": FASEN,
            "fase_titel": FASEN[huidige.fase - 1],
            "terug_url": terug_url,
            "verborgen": verborgen,
            "actie": reverse("wijzer:stap", args=[huidige.slug]),
            "verder": VERDER,
        },
    )


def _ongeldig(
    request: HttpRequest,
    fouten: list[tuple[str, str]],
    *,
    status: int = 400,
    herstel_url: str | None = None,
) -> HttpResponse:
    return render(
        request,
        "wijzer/ongeldig.html",
        {"fouten": fouten, "herstel_url": herstel_url or reverse("wijzer:start")},
        status=status,
    )


@dataclass(frozen=True)
class Contact:
    """An organisation as shown on the result page (from the reference data)."""

    code: str
    naam: str
    afkorting: str
    telefoon_spoed: str = ""
    telefoon: str = ""
    email: str = ""
    opmerking: str = ""

    @property
    def weergave(self) -> str:
        """``"Landelijk Operationeel Coördinatiecentrum (LOCC)"``."""
        if self.afkorting and self.afkorting != self.naam:
            return f"{self.naam} ({self.afkorting})"
        return self.naam

    @staticmethod
    def van(code: str, organisaties: dict[str, Organisatie]) -> Contact:
        org = organisaties.get(code)
        if org is None:
            return Contact(code=code, naam=code, afkorting=code)
        return Contact(
            code=code,
            naam=org.naam,
            afkorting=org.afkorting,
            telefoon_spoed=org.telefoon_spoed,
            telefoon=org.telefoon,
            email=org.email,
            opmerking=org.opmerking,
        )


@dataclass(frozen=True)
class RouteWeergave:
    """One route of the advice in words."""

    route: Route
    leverancier: str
    middel: str
    procedure: str
    grondslag: str
    indiener: str
    contacten: list[Contact]
    formulier: str
    formulier_naar: Contact | None
    besluit_door: Contact | None
    zienswijze: str
    stappen: list[tuple[Contact, str]] = field(default_factory=list)
    #: For a route that is not allowed: what to do instead (`rules.engine.wat_nu`).
    wat_nu: str = ""
    #: One (municipality, zienswijze in words or "", what the reference data says of its
    #: burgemeester or "") per form of a municipality (contract, interpretation 12); empty
    #: when the route has one form without municipality.
    formulieren_per_gemeente: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def actoren(self) -> list[Contact]:
        """The abbreviated organisations acting in the steps, each once, in order."""
        gezien: dict[str, Contact] = {}
        for contact, _ in self.stappen:
            if contact.afkorting != contact.naam:
                gezien.setdefault(contact.code, contact)
        return list(gezien.values())


def _codes(advies: Advies) -> list[str]:
    codes = list(teksten.SPOED_CODES)
    if advies.besluit_door:
        codes.append(advies.besluit_door)
    for route in advies.routes:
        codes += route.contacten
        codes += [c for c in (route.formulier_naar, route.besluit_door) if c]
        codes += [s.actor for s in route.stappen]
    return codes


def _grondslag(route: Route) -> str:
    if route.grondslag is None:
        return "De factsheet noemt voor deze route geen wetsartikel."
    g = route.grondslag
    lid = f" lid {g.lid}" if g.lid else ""
    return f"art. {g.artikel}{lid} {g.regeling}"


def _kleine_beginletter(tekst: str) -> str:
    return tekst[:1].lower() + tekst[1:]


#: The zienswijze statuses that follow from whether the municipality's burgemeester is the
#: regioburgemeester (urgency skips it whoever requests).
_AFGELEID = frozenset({Zienswijze.VEREIST, Zienswijze.NIET_VAN_TOEPASSING})


def _afgeleid(formulier: Aanvraagformulier) -> str:
    """What the advice derived from the reference data for this form, in a sentence, or "".

    With municipalities the wizard does not ask whether the requester is the
    regioburgemeester: the advice derives it per municipality (contract, interpretation 12),
    so the result says, for a form signed by a burgemeester whose zienswijze status follows
    from it, what the reference data says. Bron: Politiewet 2012, art. 56 lid 3.
    """
    if (
        formulier.gemeente is None
        or formulier.indiener != Indiener.BURGEMEESTER
        or formulier.zienswijze_regioburgemeester not in _AFGELEID
    ):
        return ""
    feit = regioburgemeester_volgens_gemeentelijst(formulier.gemeente)
    return feit.zin() if feit is not None else ""


def _weergave(route: Route, organisaties: dict[str, Organisatie]) -> RouteWeergave:
    def contact(code: str | None) -> Contact | None:
        return Contact.van(code, organisaties) if code else None

    return RouteWeergave(
        route=route,
        leverancier=teksten.LEVERANCIER.get(route.leverancier, route.leverancier),
        middel=teksten.MIDDEL.get(route.middel, route.middel) if route.middel else "",
        procedure=teksten.procedure_titel(route.procedure),
        grondslag=_grondslag(route),
        indiener=teksten.INDIENER[route.indiener] if route.indiener else "Niet van toepassing",
        contacten=[Contact.van(c, organisaties) for c in route.contacten],
        formulier=teksten.FORMULIER[route.formulier] if route.formulier else "Geen formulier",
        formulier_naar=contact(route.formulier_naar),
        besluit_door=contact(route.besluit_door),
        zienswijze=(
            teksten.ZIENSWIJZE[route.zienswijze_regioburgemeester]
            if route.zienswijze_regioburgemeester
            else ""
        ),
        stappen=[(Contact.van(s.actor, organisaties), s.handeling) for s in route.stappen],
        wat_nu=wat_nu(route) or "",
        formulieren_per_gemeente=[
            (
                f.gemeente,
                # Within the sentence: only the first letter lower case ("Politiewet" stays).
                _kleine_beginletter(teksten.ZIENSWIJZE[f.zienswijze_regioburgemeester])
                if f.zienswijze_regioburgemeester
                else "",
                _afgeleid(f),
            )
            for f in route.formulieren
            if f.gemeente is not None
        ],
    )


def _advies_voor(request: HttpRequest) -> tuple[Voortgang, dict[str, Any], Advies] | HttpResponse:
    """The answers, the Situatie object and the advice; or the response that says why not."""
    stand = voortgang(request.GET)
    if stand.open is not None:
        herstel_url = stap_url(stand.open.stap, request.GET)
        if stand.open.ongeldig:
            return _ongeldig(request, stand.open.fouten(), herstel_url=herstel_url)
        return HttpResponseRedirect(herstel_url)
    situatie_dict = naar_situatie(stand.antwoorden)
    try:
        situatie = situatie_from_dict(situatie_dict)
    except OngeldigeSituatie as fout:
        return _ongeldig(request, [(fout.veld, fout.melding)])
    return stand, situatie_dict, advies_bepalen(situatie)


def _is_canoniek(query: QueryDict, canoniek: QueryDict) -> bool:
    return list(query.lists()) == list(canoniek.lists())


def _kop(advies: Advies) -> str:
    """The result page's heading: it names the outcome (`teksten.UITKOMST_KOP`)."""
    if (
        advies.uitkomst == AdviesUitkomst.BIJSTAND
        and advies.routes
        and not any(r.toegestaan for r in advies.routes)
    ):
        return "Advies: deze bijstand is niet toegestaan"
    return teksten.UITKOMST_KOP[advies.uitkomst]


def _inloggen_url(volgende: str) -> str:
    """The log-in page that returns to `volgende` (a path with query) afterwards."""
    return f"{reverse(settings.LOGIN_URL)}?{urlencode({REDIRECT_FIELD_NAME: volgende})}"


@publiek
@require_safe
def resultaat(request: HttpRequest) -> HttpResponse:
    """The advice for complete answers: per route whom to call, which form, who decides."""
    uitkomst = _advies_voor(request)
    if isinstance(uitkomst, HttpResponse):
        return uitkomst
    stand, situatie_dict, advies = uitkomst
    canoniek = canonieke_query(stand)
    if not _is_canoniek(request.GET, canoniek):
        return HttpResponseRedirect(resultaat_url(canoniek))
    organisaties = organisaties_by_codes(codes=_codes(advies))
    antwoorden = [
        (stap_, list(regels_))
        for stap_, regels_ in groupby(samenvatting(stand), key=lambda a: a.stap)
    ]
    return render(
        request,
        "wijzer/resultaat.html",
        {
            "advies": advies,
            "uitkomst": (
                "Geen van de gevraagde routes is toegestaan: vraag deze bijstand niet aan. "
                "Hieronder staat per route wat u in plaats daarvan kunt doen."
                if advies.uitkomst == AdviesUitkomst.BIJSTAND
                and advies.routes
                and not any(r.toegestaan for r in advies.routes)
                else teksten.UITKOMST[advies.uitkomst]
            ),
            "kop": _kop(advies),
            "aanvraagbaar": bool(aanvraagbare_routes(advies)),
            "gezag": teksten.GEZAG.get(advies.gezag) if advies.gezag else None,
            # Contract, interpretation 13: outside the factsheet, the article and who decides.
            "grondslag": (
                f"art. {g.artikel}{f' lid {g.lid}' if g.lid else ''} {g.regeling}"
                if (g := advies.grondslag)
                else None
            ),
            "besluit_door": (
                Contact.van(advies.besluit_door, organisaties) if advies.besluit_door else None
            ),
            "routes": [_weergave(r, organisaties) for r in advies.routes],
            "antwoorden": [(s, stap_url(s, canoniek), regels_) for s, regels_ in antwoorden],
            "json_url": f"{reverse('wijzer:resultaat-json')}?{canoniek.urlencode()}",
            "situatie_json": json.dumps(situatie_dict, indent=2, ensure_ascii=False),
            "opnieuw_url": reverse("wijzer:start"),
            # Anonymous users log in first; the request form then opens with these answers.
            "inloggen_url": _inloggen_url(f"{reverse('verzoeken:nieuw')}?{canoniek.urlencode()}"),
            "spoed_organisaties": organisaties,
            "fasen": FASEN,
            "regels_versie": regels_versie_kort(),
        },
    )


@publiek
@require_safe
def resultaat_json(request: HttpRequest) -> HttpResponse:
    """The same advice as the result page, as the contract's JSON (`Advies.to_dict()`)."""
    stand = voortgang(request.GET)
    if stand.open is not None:
        params = [
            {"name": naam, "reason": " ".join(str(m) for m in meldingen)}
            for naam, meldingen in stand.open.form.errors.items()
        ]
        return probleem_response(
            titel="Onvolledige of ongeldige antwoorden",
            detail=f"De stap '{stand.open.stap.titel}' is niet (goed) beantwoord.",
            code="ongeldige-antwoorden",
            ongeldige_velden=params,
        )
    try:
        situatie = situatie_from_dict(naar_situatie(stand.antwoorden))
    except OngeldigeSituatie as fout:
        return probleem_response(
            titel="Ongeldige situatie",
            detail=str(fout),
            code="ongeldige-situatie",
            ongeldige_velden=[{"name": fout.veld, "reason": fout.melding}],
        )
    response = JsonResponse(
        advies_bepalen(situatie).to_dict(), json_dumps_params={"ensure_ascii": False}
    )
    response["X-Regelversie"] = regels_versie()
    return response


def alineas(tekst: str) -> list[list[str]]:
    r"""A docstring's text as paragraphs of lines: hard wraps joined, list items kept apart.

    Example: ``"a\nb\n\n- c\n  d\n- e"`` gives ``[["a b"], ["- c d", "- e"]]``.
    """
    resultaat: list[list[str]] = []
    for alinea in re.split(r"\n\s*\n", tekst.strip()):
        regels_: list[str] = []
        for regel in alinea.splitlines():
            regel = regel.strip()
            if regels_ and not regel.startswith(("- ", "* ")):
                regels_[-1] += f" {regel}"
            else:
                regels_.append(regel)
        if regels_:
            resultaat.append(regels_)
    return resultaat


#: A rule text's pointer to where its interpretation is kept ("vaste interpretatie 5
#: (docs/contract)"): the page lists the interpretations itself, so readers see only the number.
_VINDPLAATS = re.compile(r"(vaste interpretatie \d+) \(docs/contract\)")


def voor_lezers(tekst: str) -> str:
    """A rule's Dutch text as shown on /regels/: without the pointer into the repository.

    ``"... (vaste interpretatie 5 (docs/contract))"`` becomes ``"... (vaste interpretatie 5)"``.
    """
    return _VINDPLAATS.sub(r"\1", tekst)


@publiek
@require_safe
def regelcatalogus(request: HttpRequest) -> HttpResponse:
    """Every rule of the engine, grouped by module, with its Dutch text and sources.

    Also the sources' version notes, the rules version and the contract's fixed
    interpretations that the rules cite (`rules.catalogus`, `rules.interpretaties`).
    """
    groepen = [
        {
            "module": module,
            "titel": module_titel(module),
            "regels": [
                {
                    "regel": r,
                    "alineas": alineas(voor_lezers(r.toelichting)),
                    "bronnen": [bron_voluit(b) for b in r.bronnen],
                }
                for r in groep
            ],
        }
        for module, groep in groupby(regels(), key=lambda r: r.module)
    ]
    return render(
        request,
        "wijzer/regels.html",
        {
            "groepen": groepen,
            "aantal": sum(len(g["regels"]) for g in groepen),
            "bronnotities": BRONNOTITIES,
            "interpretaties": VASTE_INTERPRETATIES,
            "regels_versie": regels_versie_kort(),
        },
    )
