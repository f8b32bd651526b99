"""Recording the FNIK budget, estimates and actual costs, each audited (issue #11 item 3).

Amounts are parsed with `Decimal`, never float (`bedrag_lezen`). Each change is recorded with
`audit_record` in the same transaction; on an error nothing is changed.

Bron: factsheet, toelichting 10 (financiering: "jaarlijks een bedrag ... waaruit additionele
uitgaven voor militaire bijstand en steunverlening worden vergoed") and 11 (militaire
steunverlening); convenant FNIK van 10 juni 2010.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.audit.services import audit_record
from politiebijstand.fnik.models import Budget, Kostenpost, KostenSoort

#: The zone of a deployment's year.
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
#: The organisation that keeps the FNIK overview (factsheet, toelichting 2 and 10).
LOCC = "LOCC"
#: Military procedures, paid from the FNIK: KMar 3 and 7, krijgsmacht 4 and 8 (toelichting 10).
MILITAIRE_PROCEDURES = frozenset({"3", "4", "7", "8"})
#: Amounts must be below this (the column holds 12 digits, 2 of them decimals), in euro.
MAXIMUM = Decimal("10000000000")
# Dutch notation: points between thousands (in groups of three), a decimal comma.
_NEDERLANDS = re.compile(r"^(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")
# Plain notation with a decimal point and no thousands separators: "12500.50".
_PUNT = re.compile(r"^\d+\.\d{1,2}$")

BUDGET_VASTGESTELD = "fnik-budget-vastgesteld"
RAMING_VASTGELEGD = "fnik-raming-vastgelegd"
WERKELIJKE_KOSTEN_VASTGELEGD = "fnik-werkelijke-kosten-vastgelegd"


class OngeldigBedrag(ValueError):
    """Bad input for the FNIK; `veld` names the field, the message is Dutch and names it too."""

    def __init__(self, melding: str, *, veld: str) -> None:
        super().__init__(melding)
        self.melding = melding
        self.veld = veld


class GeenFnikToegang(PermissionError):
    """The user may not do this with the FNIK (Dutch message)."""


def bedrag_lezen(waarde: str | Decimal | int, *, veld: str, label: str) -> Decimal:
    """An amount in euro as `Decimal` with two decimals, from text or a Decimal (never float).

    The one parser of all FNIK amount fields (budget, estimate, actual costs). Text in Dutch
    notation, points between thousands and a decimal comma (``"12.500,50"``,
    ``"2.500.000"``), or plain (``"12500,50"``, ``"12500.50"``). A point followed by exactly
    three digits is a thousands point (``"12.500"`` is twelve thousand five hundred); a
    single point with one or two digits after it is a decimal point. Returns e.g.
    ``Decimal("12500.50")``.

    Raises:
        OngeldigBedrag: empty, not a number, negative, more than 2 decimals, or 10 000 000 000
            euro or more; the message starts with `label`.
    """
    if isinstance(waarde, float):
        raise TypeError("bedragen nooit als float")  # pragma: no cover
    if isinstance(waarde, str):
        tekst = waarde.strip().replace(" ", "").replace("\u00a0", "").removeprefix("€")
        if not tekst:
            raise OngeldigBedrag(f"{label}: vul een bedrag in euro in.", veld=veld)
        if tekst.startswith("-"):
            raise OngeldigBedrag(f"{label}: het bedrag mag niet negatief zijn.", veld=veld)
        if _NEDERLANDS.match(tekst):
            tekst = tekst.replace(".", "").replace(",", ".")
        elif not _PUNT.match(tekst):
            raise OngeldigBedrag(
                f"{label}: geef een bedrag in euro met hoogstens 2 decimalen, bijvoorbeeld "
                "12.500,50 of 12500,50.",
                veld=veld,
            )
        try:
            bedrag = Decimal(tekst)
        except InvalidOperation:  # pragma: no cover - the patterns admit only numbers
            raise OngeldigBedrag(f"{label}: geen geldig bedrag.", veld=veld) from None
    else:
        bedrag = Decimal(waarde)
        if not bedrag.is_finite():
            raise OngeldigBedrag(f"{label}: geen geldig bedrag.", veld=veld)
    if bedrag < 0:
        raise OngeldigBedrag(f"{label}: het bedrag mag niet negatief zijn.", veld=veld)
    exponent = bedrag.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise OngeldigBedrag(
            f"{label}: hoogstens 2 decimalen (hele centen), bijvoorbeeld 12500,50.", veld=veld
        )
    if bedrag >= MAXIMUM:
        raise OngeldigBedrag(
            f"{label}: het bedrag moet kleiner zijn dan 10.000.000.000 euro.", veld=veld
        )
    return bedrag.quantize(Decimal("0.01"))


def jaar_van(moment: datetime) -> int:
    """The calendar year of an aware datetime in Europe/Amsterdam (31-12 23:30 UTC is next year)."""
    return moment.astimezone(AMSTERDAM).year


def is_locc(gebruiker: Any) -> bool:
    """An active user of the active LOCC organisation."""
    if not isinstance(gebruiker, Gebruiker) or not gebruiker.is_active:
        return False
    organisatie = gebruiker.organisatie
    return organisatie is not None and organisatie.actief and organisatie.code == LOCC


def mag_fnik_zien(gebruiker: Any) -> bool:
    """The LOCC and beheerders (of an active organisation) see the national FNIK overview."""
    if is_locc(gebruiker):
        return True
    return (
        isinstance(gebruiker, Gebruiker)
        and gebruiker.is_active
        and gebruiker.rol == Rol.BEHEERDER
        and gebruiker.organisatie is not None
        and gebruiker.organisatie.actief
    )


def _nu(nu: datetime | None) -> datetime:
    return (nu or timezone.now()).astimezone(UTC)


def _militair(deelverzoek: Any) -> None:
    if str(deelverzoek.procedure_id) not in MILITAIRE_PROCEDURES:
        raise OngeldigBedrag(
            "FNIK: alleen militaire bijstand (procedures 3, 4, 7 en 8) wordt uit de FNIK betaald.",
            veld="deelverzoek",
        )


def _post(
    soort: str,
    deelverzoek: Any,
    bedrag: Decimal,
    toelichting: str,
    door: Gebruiker,
    nu: datetime,
    gebeurtenis: str,
) -> Kostenpost:
    verzoek = deelverzoek.verzoek
    oud = Kostenpost.objects.filter(deelverzoek_id=deelverzoek.pk, soort=soort).first()
    voor = {"bedrag": str(oud.bedrag), "toelichting": oud.toelichting} if oud else None
    post, _ = Kostenpost.objects.update_or_create(
        deelverzoek_id=deelverzoek.pk,
        soort=soort,
        defaults={
            "verzoek_id": verzoek.pk,
            "bedrag": bedrag,
            "toelichting": toelichting,
            "jaar": jaar_van(verzoek.periode_start),
            "vastgelegd_door": door,
            "vastgelegd_op": nu,
        },
    )
    audit_record(
        gebeurtenis=gebeurtenis,
        actor=door,
        obj=post,
        voor=voor,
        na={
            "verzoek": verzoek.pk,
            "deelverzoek": deelverzoek.pk,
            "soort": soort,
            "bedrag": str(bedrag),
            "toelichting": toelichting,
            "jaar": post.jaar,
        },
    )
    return post


@transaction.atomic
def raming_vastleggen(
    *, deelverzoek: Any, bedrag: str | Decimal, door: Gebruiker, nu: datetime | None = None
) -> Kostenpost:
    """Commit the estimated costs of a granted military deployment to the FNIK.

    Called by `verzoeken.services.besluit_nemen` at the coordinator's grant in procedures 3,
    4, 7 and 8, which checked who decides. `deelverzoek` is a `verzoeken.Deelverzoek` (its
    ``verzoek.periode_start`` gives the year). A second estimate replaces the first.

    Raises:
        OngeldigBedrag: a bad amount (``raming_fnik``) or a non-military procedure.
    """
    waarde = bedrag_lezen(bedrag, veld="raming_fnik", label="Raming kosten (FNIK)")
    _militair(deelverzoek)
    return _post(KostenSoort.RAMING, deelverzoek, waarde, "", door, _nu(nu), RAMING_VASTGELEGD)


@transaction.atomic
def werkelijke_kosten_vastleggen(
    *,
    deelverzoek: Any,
    bedrag: str | Decimal,
    toelichting: str,
    door: Gebruiker,
    nu: datetime | None = None,
) -> Kostenpost:
    """Record the actual costs of a military deployment after its end (the LOCC).

    The deployment has ended when ``verzoek.periode_eind`` (UTC) is at or before `nu`.

    Raises:
        GeenFnikToegang: `door` is not of the LOCC.
        OngeldigBedrag: a bad amount (``werkelijke_kosten``), a non-military procedure, or a
            deployment that has not ended (``deelverzoek``).
    """
    if not is_locc(door):
        raise GeenFnikToegang("Alleen het LOCC legt de werkelijke kosten (FNIK) vast.")
    waarde = bedrag_lezen(bedrag, veld="werkelijke_kosten", label="Werkelijke kosten (FNIK)")
    _militair(deelverzoek)
    moment = _nu(nu)
    if deelverzoek.verzoek.periode_eind > moment:
        raise OngeldigBedrag(
            "Werkelijke kosten (FNIK): de inzet is nog niet afgelopen; leg de kosten vast na "
            "het einde van de inzet.",
            veld="deelverzoek",
        )
    return _post(
        KostenSoort.WERKELIJK,
        deelverzoek,
        waarde,
        toelichting.strip(),
        door,
        moment,
        WERKELIJKE_KOSTEN_VASTGELEGD,
    )


@transaction.atomic
def budget_vaststellen(
    *, jaar: int, bedrag: str | Decimal, door: Gebruiker, nu: datetime | None = None
) -> Budget:
    """Set (or change) the FNIK budget of a calendar year; by the LOCC or a beheerder.

    Raises:
        GeenFnikToegang: `door` is neither of the LOCC nor a beheerder.
        OngeldigBedrag: a bad amount (``bedrag``) or a year outside 2000 to 2100 (``jaar``).
    """
    if not mag_fnik_zien(door):
        raise GeenFnikToegang("Alleen het LOCC of een beheerder stelt het FNIK-budget vast.")
    if not 2000 <= jaar <= 2100:
        raise OngeldigBedrag("Jaar: kies een jaar van 2000 tot en met 2100.", veld="jaar")
    waarde = bedrag_lezen(bedrag, veld="bedrag", label="Budget (FNIK)")
    oud = Budget.objects.filter(jaar=jaar).first()
    budget, _ = Budget.objects.update_or_create(
        jaar=jaar,
        defaults={"bedrag": waarde, "vastgesteld_door": door, "vastgesteld_op": _nu(nu)},
    )
    audit_record(
        gebeurtenis=BUDGET_VASTGESTELD,
        actor=door,
        obj=budget,
        voor={"bedrag": str(oud.bedrag)} if oud else None,
        na={"jaar": jaar, "bedrag": str(waarde)},
    )
    return budget
