"""Demo accounts for `make run`: every organisation that acts in a procedure (issue #3, #8).

Each lane of each procedure (`procedures.definities.PROCESSEN`, the BPMN files' lanes) is
reached by a demo account: the central bodies by their own code, the lanes that depend on the
request (``RCCB``, ``BURGEMEESTER``, ``REGIOBURGEMEESTER``, ``OVJ``) by the organisations of two
police units, Midden-Nederland (the demo requests) and Den Haag (the KMar during the curfew
riots, docs/cases/kmar-avondklok-den-haag.json). Each has a second municipality, whose
burgemeester is not the regioburgemeester, so that the zienswijze is someone else's step.
A test walks the lanes of every BPMN file against the demo requests, so a new lane without a
demo account fails (tests/verzoeken/test_demo.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from django.contrib.auth.hashers import make_password
from django.db import transaction

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.accounts.policy import demo_accounts_toegestaan
from politiebijstand.accounts.services import gebruiker_aanmaken, gebruiker_rechten_wijzigen
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.procedures.definities import PROCESSEN
from politiebijstand.rules.organisatiecodes import BURGEMEESTER, OVJ, RCCB, REGIOBURGEMEESTER

#: The fields of a step that take a decision, as `verzoeken.workflow.BESLUIT_VELDEN`.
_BESLUIT_VELDEN = ("besluit", "besluit_defensie")


@dataclass(frozen=True)
class DemoOrganisatie:
    """An organisation with demo accounts.

    Attributes:
        code: the organisation's code in the reference data.
        kort: its short name in the log-in, ``demo-<kort>-<rol>``.
        groep: the heading it is listed under by `demo_overzicht`.
        lanes: the procedure lanes it acts in: a central body its own code; a unit's RCCB, a
            burgemeester or a parket the request lanes it fills in the demo.
        beheerder: whether it also has a demo beheerder (user management of its own staff).
    """

    code: str
    kort: str
    groep: str
    lanes: tuple[str, ...] = ()
    beheerder: bool = False

    @property
    def banen(self) -> tuple[str, ...]:
        """The lanes: `lanes`, or the organisation's own code for a central body."""
        return self.lanes or (self.code,)


_MN = "Eenheid Midden-Nederland (de demoverzoeken)"
_DH = "Eenheid Den Haag (de KMar bij de avondklokrellen)"
_POLITIE = "Politie, landelijk"
_JENV = "Ministerie van Justitie en Veiligheid"
_OM = "Openbaar Ministerie"
_KMAR = "Koninklijke Marechaussee"
_DEFENSIE = "Ministerie van Defensie"
_BEHEER = "Beheersorganisatie"

#: Every demo organisation, in the order of the list `make run` prints.
DEMO_ORGANISATIE_LIJST: tuple[DemoOrganisatie, ...] = (
    DemoOrganisatie("RCCB-MN", "rccb-mn", _MN, (RCCB,), beheerder=True),
    DemoOrganisatie(
        "GM0344", "burgemeester-utrecht", _MN, (BURGEMEESTER, REGIOBURGEMEESTER), beheerder=True
    ),
    DemoOrganisatie("GM0307", "burgemeester-amersfoort", _MN, (BURGEMEESTER,)),
    DemoOrganisatie("OM-MN", "ovj-mn", _MN, (OVJ,), beheerder=True),
    DemoOrganisatie("RCCB-DH", "rccb-dh", _DH, (RCCB,)),
    DemoOrganisatie("GM0518", "burgemeester-den-haag", _DH, (BURGEMEESTER, REGIOBURGEMEESTER)),
    DemoOrganisatie("GM0629", "burgemeester-wassenaar", _DH, (BURGEMEESTER,)),
    DemoOrganisatie("OM-DH", "ovj-dh", _DH, (OVJ,)),
    DemoOrganisatie("LE-POB", "le-pob", _POLITIE, beheerder=True),
    DemoOrganisatie("KORPSCHEF", "korpschef", _POLITIE, beheerder=True),
    DemoOrganisatie("LOCC", "locc", _JENV, beheerder=True),
    DemoOrganisatie("NCTV-DB3", "db3", _JENV),
    DemoOrganisatie("DGPOL", "dgpol", _JENV),
    DemoOrganisatie("MINISTER-JENV", "minister-jenv", _JENV),
    DemoOrganisatie("PARKET-GENERAAL", "parket-generaal", _OM),
    DemoOrganisatie("C-KMAR", "commandant-kmar", _KMAR),
    DemoOrganisatie("DOPS-KMAR", "dops-kmar", _KMAR, beheerder=True),
    DemoOrganisatie("CCB-KMAR", "ccb-kmar", _KMAR),
    DemoOrganisatie("DJZ", "djz", _DEFENSIE, beheerder=True),
    DemoOrganisatie("OZI", "ozi", _DEFENSIE, beheerder=True),
    DemoOrganisatie("DOC", "doc", _DEFENSIE),
    DemoOrganisatie("SG-DEFENSIE", "sg-defensie", _DEFENSIE),
    DemoOrganisatie("OVR", "ovr", _DEFENSIE),
    DemoOrganisatie("IFV-ML", "beheersorganisatie", _BEHEER),
)

#: Organisation code -> its short name in the log-in (``demo-<kort>-<rol>``).
DEMO_ORGANISATIES: Mapping[str, str] = {o.code: o.kort for o in DEMO_ORGANISATIE_LIJST}

#: The password of every demo account (demo only: refused under production settings).
DEMO_WACHTWOORD = "demo-bijstand"


class DemoNietToegestaan(Exception):
    """Demo accounts are not allowed here (production settings)."""


@dataclass(frozen=True)
class DemoAccount:
    username: str
    organisatie: str
    rol: str


def demo_gebruikersnaam(code: str, rol: str) -> str:
    """The log-in of the demo account of organisation `code` with `rol`.

    Raises:
        LookupError: the organisation has no demo accounts.
    """
    kort = DEMO_ORGANISATIES.get(code)
    if kort is None:
        raise LookupError(f"geen demo-account voor organisatie {code}")
    return f"demo-{kort}-{rol}"


def procedure_label(process_id: str) -> str:
    """``procedure_2_waterwerper`` -> ``2 (waterwerper)``; ``procedure_3`` -> ``3``."""
    nummer, _, middel = process_id.removeprefix("procedure_").partition("_")
    leesbaar = {"waterwerper": "waterwerper", "container_vrt": "containers en VRT"}
    return f"{nummer} ({leesbaar.get(middel, middel)})" if middel else nummer


@cache
def lane_procedures() -> Mapping[str, tuple[str, ...]]:
    """Lane -> the procedures (`procedure_label`) that have it, in the factsheet's order."""
    result: dict[str, list[str]] = {}
    for proces in PROCESSEN:
        for lane in proces.lanes:
            result.setdefault(lane, []).append(procedure_label(proces.id))
    return {lane: tuple(labels) for lane, labels in result.items()}


@cache
def besluitende_lanes() -> frozenset[str]:
    """The lanes in which some procedure has a decision step (``besluit``, ``besluit_defensie``)."""
    return frozenset(
        knoop.lane
        for proces in PROCESSEN
        for knoop in proces.knopen.values()
        if knoop.soort == "taak" and any(v in knoop.velden for v in _BESLUIT_VELDEN)
    )


def demo_rollen(organisatie: DemoOrganisatie) -> tuple[str, ...]:
    """The roles with a demo account: medewerker; besluitvormer where it decides or signs.

    A besluitvormer for every organisation in a lane with a decision step, and for the
    bevoegd gezag (burgemeester, officier van justitie), who signs the request and may appeal
    (Pw 2012 art. 56 lid 4); a beheerder where `DemoOrganisatie.beheerder` says so.
    """
    rollen = [Rol.MEDEWERKER.value]
    gezag = {BURGEMEESTER, REGIOBURGEMEESTER, OVJ}
    if set(organisatie.banen) & (besluitende_lanes() | gezag):
        rollen.append(Rol.BESLUITVORMER.value)
    if organisatie.beheerder:
        rollen.append(Rol.BEHEERDER.value)
    return tuple(rollen)


def demo_accounts_laden() -> list[DemoAccount]:
    """Create (or reset) the demo accounts; no second factor is required for them.

    Also one technical administrator, ``demo-admin`` (Django admin, no sight of requests).

    Returns:
        The accounts, in the order of `DEMO_ORGANISATIE_LIJST` and `Rol`.

    Raises:
        DemoNietToegestaan: under settings that forbid demo accounts (production).
        LookupError: an organisation is missing; load the reference data first.
    """
    if not demo_accounts_toegestaan():
        raise DemoNietToegestaan(
            "Demo-accounts zijn niet toegestaan met deze instellingen (productie)."
        )
    with transaction.atomic():
        return _laden()


def _laden() -> list[DemoAccount]:
    organisaties = {o.code: o for o in Organisatie.objects.filter(code__in=DEMO_ORGANISATIES)}
    ontbrekend = [code for code in DEMO_ORGANISATIES if code not in organisaties]
    if ontbrekend:
        raise LookupError(
            f"organisatie {ontbrekend[0]} ontbreekt: draai eerst referentiedata_laden en "
            "gebieden_laden"
        )
    # One hash for all: the password is public, and hashing it per account would make
    # `make run` wait a second per account.
    wachtwoord = make_password(DEMO_WACHTWOORD)
    accounts: list[DemoAccount] = []
    for demo in DEMO_ORGANISATIE_LIJST:
        for rol in demo_rollen(demo):
            naam = demo_gebruikersnaam(demo.code, rol)
            _demo_account(naam, organisaties[demo.code], rol, wachtwoord)
            accounts.append(DemoAccount(naam, demo.code, rol))
    beheer = _demo_account("demo-admin", organisaties["LOCC"], Rol.MEDEWERKER, wachtwoord)
    if not (beheer.is_staff and beheer.is_superuser):
        gebruiker_rechten_wijzigen(door=None, gebruiker=beheer, is_staff=True, is_superuser=True)
    accounts.append(DemoAccount("demo-admin", "LOCC", "technisch beheer (Django admin)"))
    return accounts


def _demo_account(naam: str, organisatie: Organisatie, rol: str, wachtwoord: str) -> Gebruiker:
    gebruiker = Gebruiker.objects.filter(username=naam).first()
    if gebruiker is None:
        gebruiker = gebruiker_aanmaken(
            door=None, username=naam, organisatie=organisatie, rol=rol, is_demo=True
        )
    else:
        gebruiker_rechten_wijzigen(
            door=None, gebruiker=gebruiker, organisatie=organisatie, rol=rol, is_active=True
        )
    gebruiker.password = wachtwoord
    gebruiker.is_demo = True
    gebruiker.save(update_fields=["password", "is_demo"])
    return gebruiker


def demo_overzicht(accounts: Iterable[DemoAccount]) -> list[str]:
    """The demo log-ins as lines for `make run`: per group and organisation, with its lanes.

    ::

        Eenheid Midden-Nederland (de demoverzoeken)
          RCCB Midden-Nederland (RCCB-MN): RCCB in procedure 1, 2 (waterwerper), ...
            demo-rccb-mn-medewerker  demo-rccb-mn-besluitvormer  demo-rccb-mn-beheerder
    """
    per_code: dict[str, list[str]] = {}
    overig: list[DemoAccount] = []
    for account in accounts:
        if account.organisatie in DEMO_ORGANISATIES and account.username.startswith(
            f"demo-{DEMO_ORGANISATIES[account.organisatie]}-"
        ):
            per_code.setdefault(account.organisatie, []).append(account.username)
        else:
            overig.append(account)
    namen = dict(Organisatie.objects.filter(code__in=per_code).values_list("code", "afkorting"))
    regels: list[str] = []
    groep = ""
    for demo in DEMO_ORGANISATIE_LIJST:
        if demo.code not in per_code:
            continue
        if demo.groep != groep:
            groep = demo.groep
            regels += ["", groep]
        naam = namen.get(demo.code) or demo.code
        if demo.code.startswith("GM"):
            naam = f"Burgemeester van {naam}"
        if naam != demo.code:
            naam = f"{naam} ({demo.code})"
        regels.append(f"  {naam}: {_lanes_tekst(demo)}")
        regels.append("    " + "  ".join(per_code[demo.code]))
    for account in overig:
        regels += ["", f"  {account.username}: {account.rol}"]
    regels += [
        "",
        "Een nieuw verzoek loopt met deze accounts tot het einde als het RCCB, de gemeente en het "
        "parket hierboven staan.",
    ]
    return regels


def _lanes_tekst(demo: DemoOrganisatie) -> str:
    delen = []
    for lane in demo.banen:
        procedures = lane_procedures().get(lane, ())
        if procedures:
            wie = "" if lane == demo.code else f"{lane} "
            delen.append(f"{wie}in {_opsomming(procedures)}")
    return "; ".join(delen) or "geen eigen stap in de procedures (ontvangt berichten, leest mee)"


def _opsomming(procedures: tuple[str, ...]) -> str:
    """``procedure 1, 3 en 9``; ``alle procedures behalve 9`` where that is shorter."""
    alle = [procedure_label(proces.id) for proces in PROCESSEN]
    niet = [p for p in alle if p not in procedures]
    if len(niet) < len(procedures) / 2:
        return f"alle procedures behalve {_en(niet)}" if niet else "alle procedures"
    return f"procedure {_en(procedures)}"


def _en(items: Iterable[str]) -> str:
    lijst = list(items)
    return lijst[0] if len(lijst) == 1 else f"{', '.join(lijst[:-1])} en {lijst[-1]}"
