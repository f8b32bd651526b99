"""The request form (aanvraagformulier): field sets per route, drafts, versions, signing.

Issue #10 items 1 and 2, ADR 0033. One form per route (`Deelverzoek`) and municipality
(`gemeente_code`; ADR 0031). What is typed is kept as a draft without validation
(`concept_bewaren`); a valid form becomes a version (`formulier_opslaan`); the competent
authority, or someone with its mandate, signs it after a fresh second factor (the view checks
that, `accounts.herauthenticatie`), which completes the municipality's signing tasks
(`formulier_ondertekenen`). A signing task cannot be completed without a signed form
(`controleer_formulier_ondertekend`, called by `taak_afronden`).

Times: entered in Europe/Amsterdam (``YYYY-MM-DDTHH:MM``), stored as UTC ISO 8601.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Final
from zoneinfo import ZoneInfo

from django.db import transaction
from django.db.models import Max, Q

from politiebijstand.accounts.constants import Rol
from politiebijstand.audit.services import audit_record
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.verzoeken.constants import (
    TAAK_OPENSTAAND,
    DeelverzoekStatus,
    Gebeurtenis,
    TaakStatus,
)
from politiebijstand.verzoeken.exceptions import GeenToegang, OngeldigeInvoer
from politiebijstand.verzoeken.models import Deelverzoek, Taak
from politiebijstand.verzoeken.models.formulier import (
    FormulierConcept,
    FormulierVersie,
    Mandaat,
)
from politiebijstand.verzoeken.services.documenten import formulier_document_maken
from politiebijstand.verzoeken.services.formuliervelden import (
    GEZAG_LANES,
    MAX_AANTAL,
    MAX_REGELS,
    MAX_TEKST,
    ONDERTEKEN_TAKEN,
    VELDEN,
    VERPLICHT_PER_PROCEDURE,
    controleer_formulier_ondertekend,
    is_ondertekentaak,
    taak_gemeente_code,
)
from politiebijstand.verzoeken.services.gedeeld import grondslag_tekst, nu_utc
from politiebijstand.verzoeken.services.taken import taak_afronden

if TYPE_CHECKING:
    from politiebijstand.accounts.models import Gebruiker

AMSTERDAM: Final = ZoneInfo("Europe/Amsterdam")

__all__ = [
    "GEZAG_LANES",
    "MAX_AANTAL",
    "MAX_REGELS",
    "ONDERTEKEN_TAKEN",
    "VELDEN",
    "VERPLICHT_PER_PROCEDURE",
    "controleer_formulier_ondertekend",
    "is_ondertekentaak",
]


class FormulierOngeldig(OngeldigeInvoer):
    """The form has errors; `fouten` maps each field (or "regel 3: aantal") to its message."""

    code = "formulier-ongeldig"

    def __init__(self, fouten: Mapping[str, str]) -> None:
        lijst = "; ".join(f"{veld}: {fout}" for veld, fout in fouten.items())
        super().__init__(f"fouten in het formulier: {lijst}", veld="formulier")
        self.fouten = dict(fouten)


def velden_voor(procedure_id: str) -> list[str]:
    """The fields the form of `procedure_id` shows, in form order (required and optional).

    Raises:
        OngeldigeInvoer: the procedure has no request form (the appeal, procedure 9).
    """
    if procedure_id not in VERPLICHT_PER_PROCEDURE:
        raise OngeldigeInvoer(
            "deze procedure heeft geen aanvraagformulier", veld="procedure", code="geen-formulier"
        )
    verplicht = VERPLICHT_PER_PROCEDURE[procedure_id]
    optioneel = {"subsidiariteit", "zienswijze", "kosten"} - verplicht
    return [v for v in VELDEN if v in verplicht or v in optioneel]


def gegevens_uit_post(post: Mapping[str, Any], getlist: Any) -> dict[str, Any]:
    """The form's raw values from a POST (`QueryDict`), as stored in a draft.

    Args:
        post: the posted values (one per name).
        getlist: ``post.getlist``, for the repeated line fields ``regel_omschrijving`` and
            ``regel_aantal``.
    """
    gegevens: dict[str, Any] = {}
    for naam, (_, soort) in VELDEN.items():
        if soort == "regels":
            omschrijvingen = [str(o) for o in getlist("regel_omschrijving")]
            aantallen = [str(a) for a in getlist("regel_aantal")]
            aantallen += [""] * (len(omschrijvingen) - len(aantallen))
            gegevens["regels"] = [
                {"omschrijving": o, "aantal": a}
                for o, a in zip(omschrijvingen, aantallen, strict=False)
                if o.strip() or a.strip()
            ]
        elif soort == "zienswijze":
            for deel in ("zienswijze_datum", "zienswijze_inhoud", "zienswijze_niet_nodig"):
                gegevens[deel] = str(post.get(deel, ""))[:MAX_TEKST]
        else:
            gegevens[naam] = str(post.get(naam, ""))[:MAX_TEKST]
    return gegevens


def _moment(waarde: str) -> datetime:
    lokaal = datetime.fromisoformat(waarde)
    if lokaal.tzinfo is not None:
        raise ValueError("tijdzone niet toegestaan")
    return lokaal.replace(tzinfo=AMSTERDAM).astimezone(ZoneInfo("UTC"))


def formulier_valideren(
    procedure_id: str, gegevens: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, str]]:
    """Check a form against its route's field set; all errors at once.

    Args:
        procedure_id: the route's procedure (`VERPLICHT_PER_PROCEDURE`).
        gegevens: raw values as `gegevens_uit_post` gives them.

    Returns:
        ``(schoon, fouten)``: the clean values (moments as UTC ISO 8601, aantal as int) and
        the errors, keyed by field name or ``"regel N: omschrijving"`` / ``"regel N: aantal"``.
        Pure: no database, no clock.

    Raises:
        OngeldigeInvoer: the procedure has no request form.
    """
    velden = velden_voor(procedure_id)
    verplicht = VERPLICHT_PER_PROCEDURE[procedure_id]
    schoon: dict[str, Any] = {}
    fouten: dict[str, str] = {}
    for naam in velden:
        soort = VELDEN[naam][1]
        if soort == "regels":
            _regels(gegevens.get("regels"), naam in verplicht, schoon, fouten)
        elif soort == "zienswijze":
            _zienswijze(gegevens, naam in verplicht, schoon, fouten)
        else:
            waarde = str(gegevens.get(naam) or "").strip()
            if not waarde:
                if naam in verplicht:
                    fouten[naam] = "verplicht"
                continue
            if soort == "ja_nee" and waarde not in ("ja", "nee"):
                fouten[naam] = "kies ja of nee"
            elif soort == "moment":
                try:
                    schoon[naam] = _moment(waarde).isoformat()
                except ValueError:
                    fouten[naam] = "geen geldige datum en tijd"
            elif soort == "tekst" and len(waarde) > MAX_TEKST:
                fouten[naam] = f"ten hoogste {MAX_TEKST} tekens"
            else:
                schoon[naam] = waarde
    start, eind = schoon.get("periode_start"), schoon.get("periode_eind")
    if start and eind and eind <= start:
        fouten["periode_eind"] = "moet na het begin liggen"
    return schoon, fouten


def _regels(ruw: object, verplicht: bool, schoon: dict[str, Any], fouten: dict[str, str]) -> None:
    regels = [r for r in ruw if isinstance(r, Mapping)] if isinstance(ruw, list) else []
    if not regels:
        if verplicht:
            fouten["regels"] = "vraag ten minste één regel capaciteit of specialisme"
        return
    if len(regels) > MAX_REGELS:
        fouten["regels"] = f"ten hoogste {MAX_REGELS} regels"
        return
    lijst = []
    for nummer, regel in enumerate(regels, start=1):
        omschrijving = str(regel.get("omschrijving") or "").strip()
        aantal_tekst = str(regel.get("aantal") or "").strip()
        if not omschrijving:
            fouten[f"regel {nummer}: omschrijving"] = "verplicht"
        elif len(omschrijving) > 300:
            fouten[f"regel {nummer}: omschrijving"] = "ten hoogste 300 tekens"
        try:
            aantal = int(aantal_tekst)
        except ValueError:
            fouten[f"regel {nummer}: aantal"] = f"een heel getal van 1 tot en met {MAX_AANTAL}"
            continue
        if not 1 <= aantal <= MAX_AANTAL:
            fouten[f"regel {nummer}: aantal"] = f"een heel getal van 1 tot en met {MAX_AANTAL}"
            continue
        lijst.append({"omschrijving": omschrijving, "aantal": aantal})
    schoon["regels"] = lijst


def _zienswijze(
    gegevens: Mapping[str, Any], verplicht: bool, schoon: dict[str, Any], fouten: dict[str, str]
) -> None:
    datum = str(gegevens.get("zienswijze_datum") or "").strip()
    inhoud = str(gegevens.get("zienswijze_inhoud") or "").strip()
    niet_nodig = str(gegevens.get("zienswijze_niet_nodig") or "").strip()
    if niet_nodig and not (datum or inhoud):
        schoon["zienswijze_niet_nodig"] = niet_nodig
        return
    if not (datum or inhoud):
        if verplicht:
            fouten["zienswijze"] = "geef datum en inhoud, of waarom een zienswijze niet nodig is"
        return
    if not datum:
        fouten["zienswijze_datum"] = "verplicht bij een zienswijze"
    else:
        try:
            schoon["zienswijze_datum"] = date.fromisoformat(datum).isoformat()
        except ValueError:
            fouten["zienswijze_datum"] = "geen geldige datum"
    if not inhoud:
        fouten["zienswijze_inhoud"] = "verplicht bij een zienswijze"
    else:
        schoon["zienswijze_inhoud"] = inhoud


def canonieke_json(inhoud: Mapping[str, Any]) -> str:
    """Canonical JSON: sorted keys, no spaces, UTF-8 characters kept (what is hashed)."""
    return json.dumps(inhoud, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def gezag_van_formulier(deelverzoek: Deelverzoek, gemeente_code: str) -> Organisatie:
    """The competent authority that signs the form.

    The municipality; for the form without one, the organisation of the part's signing task
    (the authority that formalises, e.g. the officier van justitie), else the request's gezag.
    """
    if gemeente_code:
        return Organisatie.objects.get(code=gemeente_code)
    taak = (
        Taak.objects.filter(
            deelverzoek=deelverzoek,
            bpmn_id__in=ONDERTEKEN_TAKEN,
            bpmn_lane__in=GEZAG_LANES,
            gemeente__isnull=True,
        )
        .select_related("organisatie")
        .order_by("aangemaakt_op", "id")
        .first()
    )
    return taak.organisatie if taak is not None else deelverzoek.verzoek.bevoegd_gezag


def gemeente_codes(deelverzoek: Deelverzoek) -> list[str]:
    """The municipalities of the part's forms (start data ``gemeenten``; ``[""]`` is one form)."""
    codes = deelverzoek.startgegevens.get("gemeenten") or [""]
    return [str(c) for c in codes]


def _lokaal(waarde: datetime) -> str:
    return waarde.astimezone(AMSTERDAM).strftime("%Y-%m-%dT%H:%M")


def formulier_voorinvullen(*, deelverzoek: Deelverzoek, gemeente_code: str) -> dict[str, Any]:
    """A new form's values from the request, the advice and a completed zienswijze task."""
    verzoek = deelverzoek.verzoek
    gezag = gezag_van_formulier(deelverzoek, gemeente_code)
    gegevens: dict[str, Any] = {
        "aanvrager": gezag.naam,
        "eenheid": verzoek.eenheid.naam,
        "grondslag": grondslag_tekst(deelverzoek.route),
        "taak": verzoek.taak,
        "aanleiding": verzoek.omschrijving,
        "gewenst_effect": verzoek.gewenst_effect,
        "periode_start": _lokaal(verzoek.periode_start),
        "periode_eind": _lokaal(verzoek.periode_eind),
        "locatie": verzoek.locatie,
        "regels": [
            {"omschrijving": r.omschrijving, "aantal": "" if r.aantal is None else str(r.aantal)}
            for r in deelverzoek.regels.all()
        ],
    }
    zienswijze = (
        Taak.objects.filter(
            deelverzoek=deelverzoek,
            bpmn_id="taak_zienswijze_regioburgemeester",
            status=TaakStatus.AFGEROND,
        )
        .filter(Q(gemeente__code=gemeente_code) if gemeente_code else Q())
        .order_by("-afgerond_op")
        .first()
    )
    if zienswijze is not None and zienswijze.afgerond_op is not None:
        inhoud = (zienswijze.gegevens or {}).get("verslag") or (zienswijze.gegevens or {}).get(
            "zienswijze"
        )
        if inhoud:
            gegevens["zienswijze_datum"] = zienswijze.afgerond_op.astimezone(AMSTERDAM).date()
            gegevens["zienswijze_datum"] = gegevens["zienswijze_datum"].isoformat()
            gegevens["zienswijze_inhoud"] = str(inhoud)
    return gegevens


@transaction.atomic
def concept_bewaren(
    *,
    deelverzoek: Deelverzoek,
    gemeente_code: str,
    gegevens: Mapping[str, Any],
    door: Gebruiker,
    nu: datetime | None = None,
) -> FormulierConcept:
    """Store what `door` typed, without validating, for their organisation (autosave).

    Not audited: a draft is no record (the signed version is).

    Raises:
        GeenToegang: the user has no organisation.
    """
    nu = nu_utc(nu)
    if door.organisatie_id is None:
        raise GeenToegang("U hoort bij geen organisatie.")
    concept, _ = FormulierConcept.objects.update_or_create(
        deelverzoek=deelverzoek,
        gemeente_code=gemeente_code,
        organisatie_id=door.organisatie_id,
        defaults={"gegevens": dict(gegevens), "bewaard_door": door, "bewaard_op": nu},
    )
    return concept


def concept_voor(
    *, deelverzoek: Deelverzoek, gemeente_code: str, door: Gebruiker
) -> FormulierConcept | None:
    """The draft of `door`'s organisation for this form, or None."""
    if door.organisatie_id is None:
        return None
    return FormulierConcept.objects.filter(
        deelverzoek=deelverzoek, gemeente_code=gemeente_code, organisatie_id=door.organisatie_id
    ).first()


def waarden_uit_versie(versie: FormulierVersie) -> dict[str, Any]:
    """A saved version's fields as the form shows them (moments local, numbers as text)."""
    velden: dict[str, Any] = dict(json.loads(versie.inhoud).get("velden") or {})
    for naam, (_, soort) in VELDEN.items():
        if soort == "moment" and isinstance(velden.get(naam), str) and velden[naam]:
            velden[naam] = _lokaal(datetime.fromisoformat(velden[naam]))
    velden["regels"] = [
        {"omschrijving": str(r.get("omschrijving", "")), "aantal": str(r.get("aantal", ""))}
        for r in velden.get("regels") or []
    ]
    return velden


def startwaarden(
    *, deelverzoek: Deelverzoek, gemeente_code: str, door: Gebruiker
) -> tuple[dict[str, Any], FormulierConcept | None]:
    """What the form shows: the newer of the organisation's draft and the last saved version.

    So the competent authority finds what the RCCB drafted and saved (issue #10 item 1:
    "nothing typed is lost"), and each user their own later typing. Without either: the
    prefill from the request and the advice (`formulier_voorinvullen`).

    Returns:
        (values, the draft when the values are the draft's, else None).
    """
    concept = concept_voor(deelverzoek=deelverzoek, gemeente_code=gemeente_code, door=door)
    laatste = (
        FormulierVersie.objects.filter(deelverzoek=deelverzoek, gemeente_code=gemeente_code)
        .order_by("-versie")
        .first()
    )
    if concept is not None and (laatste is None or concept.bewaard_op >= laatste.aangemaakt_op):
        return dict(concept.gegevens), concept
    if laatste is not None:
        return waarden_uit_versie(laatste), None
    return formulier_voorinvullen(deelverzoek=deelverzoek, gemeente_code=gemeente_code), None


def versies_voor(*, deelverzoek: Deelverzoek, gemeente_code: str) -> list[FormulierVersie]:
    """Every version of the form, oldest first (signed ones stay readable)."""
    return list(
        FormulierVersie.objects.filter(
            deelverzoek=deelverzoek, gemeente_code=gemeente_code
        ).select_related("ondertekend_door")
    )


def _formulier_gesloten(deelverzoek: Deelverzoek, gemeente_code: str) -> bool:
    """Whether the form no longer changes: decided or closed, and no signing step open.

    An urgent request is formalised after the decision ("achteraf geformaliseerd",
    toelichting 3, 4, 7, 8), so an open signing step for this municipality keeps it open.
    """
    if not deelverzoek.besluit and deelverzoek.status == DeelverzoekStatus.IN_BEHANDELING:
        return False
    open_ = Taak.objects.filter(
        deelverzoek=deelverzoek, bpmn_id__in=ONDERTEKEN_TAKEN, status__in=TAAK_OPENSTAAND
    )
    return not any(taak_gemeente_code(t) == gemeente_code for t in open_.select_related("gemeente"))


@transaction.atomic
def formulier_opslaan(
    *,
    deelverzoek: Deelverzoek,
    gemeente_code: str,
    gegevens: Mapping[str, Any],
    door: Gebruiker,
    nu: datetime | None = None,
) -> FormulierVersie:
    """Validate the form and store it as the current unsigned version.

    The unsigned version is updated in place; after a signed one a new version (versie + 1)
    is made, which must be signed again; the same content as the signed version makes no new
    version (the signed one is returned). The draft stays (it is the page's content).

    Raises:
        FormulierOngeldig: every error at once (`fouten`); nothing was stored.
        OngeldigeInvoer: the procedure has no request form, the municipality is not one of
            the part's forms, or the part is decided or closed (``formulier-gesloten``: a
            decided request's form no longer changes).
    """
    nu = nu_utc(nu)
    if gemeente_code not in gemeente_codes(deelverzoek):
        raise OngeldigeInvoer("geen formulier voor deze gemeente", veld="gemeente")
    if _formulier_gesloten(deelverzoek, gemeente_code):
        raise OngeldigeInvoer(
            "over dit deel is besloten of het is afgesloten en er staat geen ondertekening "
            "meer open: het formulier verandert niet meer",
            veld="formulier",
            code="formulier-gesloten",
        )
    schoon, fouten = formulier_valideren(deelverzoek.procedure_id, gegevens)
    if fouten:
        raise FormulierOngeldig(fouten)
    gezag = gezag_van_formulier(deelverzoek, gemeente_code)
    inhoud = {
        "kenmerk": deelverzoek.verzoek.kenmerk,
        "deel": deelverzoek.volgnummer,
        "procedure": deelverzoek.procedure_id,
        "gemeente": gemeente_code,
        "gezag": gezag.code,
        "velden": schoon,
    }
    tekst = canonieke_json(inhoud)
    laatste = (
        FormulierVersie.objects.select_for_update()
        .filter(deelverzoek=deelverzoek, gemeente_code=gemeente_code)
        .order_by("-versie")
        .first()
    )
    sha256 = hashlib.sha256(tekst.encode()).hexdigest()
    if laatste is not None and laatste.is_ondertekend and laatste.inhoud_sha256 == sha256:
        return laatste  # unchanged: the signed version stands, no new version to sign
    if laatste is not None and not laatste.is_ondertekend:
        laatste.inhoud = tekst
        laatste.inhoud_sha256 = hashlib.sha256(tekst.encode()).hexdigest()
        laatste.aangemaakt_door = door
        laatste.aangemaakt_op = nu
        laatste.save()
        versie = laatste
    else:
        versie = FormulierVersie.objects.create(
            deelverzoek=deelverzoek,
            gemeente_code=gemeente_code,
            versie=(laatste.versie + 1) if laatste else 1,
            inhoud=tekst,
            inhoud_sha256=hashlib.sha256(tekst.encode()).hexdigest(),
            aangemaakt_door=door,
            aangemaakt_op=nu,
        )
    audit_record(
        gebeurtenis=Gebeurtenis.FORMULIER_OPGESLAGEN,
        actor=door,
        obj=versie,
        na={"versie": versie.versie, "sha256": versie.inhoud_sha256},
    )
    return versie


@dataclass(frozen=True)
class Hoedanigheid:
    """In which capacity someone signs: as the authority itself, or under a mandate."""

    tekst: str
    mandaat: Mandaat | None


def _gezag_titel(gezag: Organisatie) -> str:
    if gezag.code.startswith("GM"):
        naam = gezag.naam.removeprefix("Gemeente ").removeprefix("gemeente ")
        return f"de burgemeester van {naam.removesuffix(' (burgemeester)')}"
    return f"de officier van justitie ({gezag.naam})"


def hoedanigheid_bepalen(*, door: Gebruiker, gezag: Organisatie, nu: datetime) -> Hoedanigheid:
    """Whether `door` may sign for `gezag` at `nu`, and in which capacity.

    A besluitvormer of the authority's own organisation signs as the authority; a user of that
    organisation with a mandate valid at `nu` signs "namens" it (Awb art. 10:1, 10:4: mandate
    to someone under the authority's responsibility).

    Raises:
        GeenToegang: neither.
    """
    if door.organisatie_id == gezag.pk and door.is_besluitvormer:
        return Hoedanigheid(_gezag_titel(gezag)[0].upper() + _gezag_titel(gezag)[1:], None)
    mandaat = (
        Mandaat.objects.filter(gemachtigde=door, gezag=gezag, geldig_van__lte=nu, geldig_tot__gt=nu)
        .order_by("-geldig_van")
        .first()
    )
    if mandaat is None or door.organisatie_id != gezag.pk:
        raise GeenToegang(
            f"Alleen {_gezag_titel(gezag)} of wie daarvoor mandaat heeft, kan dit formulier "
            "ondertekenen."
        )
    return Hoedanigheid(f"namens {_gezag_titel(gezag)}", mandaat)


@transaction.atomic
def formulier_ondertekenen(
    *, versie: FormulierVersie, door: Gebruiker, verslag: str = "", nu: datetime | None = None
) -> FormulierVersie:
    """Sign the current version and complete the municipality's open signing tasks.

    `verslag` is the note recorded on the completed tasks (default: which version, in which
    capacity).

    The caller (the page) has checked a fresh second factor (ADR 0027, 0033). Records who, in
    which capacity and when (UTC); the version never changes afterwards.

    Raises:
        GeenToegang: `door` may not sign for the form's authority (`hoedanigheid_bepalen`).
        OngeldigeInvoer: the version is already signed, or not the latest.
        TaakNietOpen, GelijktijdigGewijzigd: as `taak_afronden`.
    """
    nu = nu_utc(nu)
    versie = FormulierVersie.objects.select_for_update().get(pk=versie.pk)
    if versie.is_ondertekend:
        raise OngeldigeInvoer("deze versie is al ondertekend", veld="versie", code="al-ondertekend")
    hoogste = FormulierVersie.objects.filter(
        deelverzoek_id=versie.deelverzoek_id, gemeente_code=versie.gemeente_code
    ).aggregate(m=Max("versie"))["m"]
    if versie.versie != hoogste:
        raise OngeldigeInvoer("er is een nieuwere versie", veld="versie", code="niet-de-laatste")
    deelverzoek = versie.deelverzoek
    gezag = gezag_van_formulier(deelverzoek, versie.gemeente_code)
    hoedanigheid = hoedanigheid_bepalen(door=door, gezag=gezag, nu=nu)
    versie.ondertekend_door = door
    versie.ondertekend_op = nu
    versie.hoedanigheid = hoedanigheid.tekst
    versie.mandaat = hoedanigheid.mandaat
    versie.save()
    audit_record(
        gebeurtenis=Gebeurtenis.FORMULIER_ONDERTEKEND,
        actor=door,
        obj=versie,
        na={
            "versie": versie.versie,
            "sha256": versie.inhoud_sha256,
            "hoedanigheid": versie.hoedanigheid,
            "mandaat": hoedanigheid.mandaat.pk if hoedanigheid.mandaat else None,
        },
    )
    # The signed form as PDF/A, stored with who signed, how and when (issue #10 item 3).
    formulier_document_maken(versie=versie, gezag=gezag, door=door, nu=nu)
    for taak in _open_ondertekentaken(deelverzoek, versie.gemeente_code):
        taak_afronden(
            taak=taak,
            data={
                "verslag": verslag
                or f"Formulier versie {versie.versie} ondertekend {versie.hoedanigheid}."
            },
            door=door,
            nu=nu,
        )
    return versie


def _open_ondertekentaken(deelverzoek: Deelverzoek, gemeente_code: str) -> list[Taak]:
    return [
        t
        for t in Taak.objects.filter(
            deelverzoek=deelverzoek,
            bpmn_id__in=ONDERTEKEN_TAKEN,
            status__in=(TaakStatus.OPEN, TaakStatus.OPGEPAKT),
        ).select_related("gemeente")
        if taak_gemeente_code(t) == gemeente_code and is_ondertekentaak(t)
    ]


@transaction.atomic
def mandaat_vastleggen(
    *,
    gemachtigde: Gebruiker,
    geldig_van: datetime,
    geldig_tot: datetime,
    omschrijving: str,
    door: Gebruiker,
    nu: datetime | None = None,
) -> Mandaat:
    """Record that `gemachtigde` may sign forms on behalf of `door`'s organisation.

    Args:
        gemachtigde: an active account of the same organisation (Awb art. 10:4).
        geldig_van: aware datetime, the start of the mandate.
        geldig_tot: aware datetime, its end (exclusive).
        omschrijving: the mandate decision (kenmerk, date).
        door: a beheerder of the authority's organisation.
        nu: aware datetime of recording (default now).

    Raises:
        GeenToegang: `door` is no beheerder, or `gemachtigde` is of another organisation.
        OngeldigeInvoer: ``geldig_tot`` not after ``geldig_van`` (veld ``geldig_tot``).
    """
    nu = nu_utc(nu)
    if door.rol != Rol.BEHEERDER or door.organisatie_id is None:
        raise GeenToegang("Alleen een beheerder van de organisatie legt een mandaat vast.")
    if gemachtigde.organisatie_id != door.organisatie_id or not gemachtigde.is_active:
        raise GeenToegang("Mandaat alleen aan een actief account van uw eigen organisatie.")
    if geldig_tot <= geldig_van:
        raise OngeldigeInvoer("moet na het begin liggen", veld="geldig_tot")
    mandaat = Mandaat.objects.create(
        gemachtigde=gemachtigde,
        gezag_id=door.organisatie_id,
        geldig_van=geldig_van,
        geldig_tot=geldig_tot,
        omschrijving=omschrijving.strip(),
        vastgelegd_door=door,
        vastgelegd_op=nu,
    )
    audit_record(
        gebeurtenis=Gebeurtenis.MANDAAT_VASTGELEGD,
        actor=door,
        obj=mandaat,
        na={
            "gemachtigde": gemachtigde.pk,
            "gezag": door.organisatie_id,
            "geldig_van": geldig_van.isoformat(),
            "geldig_tot": geldig_tot.isoformat(),
        },
    )
    return mandaat
