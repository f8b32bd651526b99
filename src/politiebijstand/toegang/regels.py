"""The need-to-know predicates and the named rules built from them (library `rules`).

Rules are tested with ``rules.test_rule(name, gebruiker, obj)``, not with ``has_perm``: Django
lets an active superuser pass every ``has_perm``, but technical administration gives no sight
of requests (need-to-know, issue #3).
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import Exists, OuterRef

from rules.predicates import predicate
from rules.rulesets import add_rule, test_rule

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.procedures.definities.blokken import COORDINATOR_VAN_PROCEDURE
from politiebijstand.toegang.protocollen import TaakToegang, VerzoekToegang

#: Names of the rules, for `rules.test_rule` and the `{% test_rule %}` template tag.
VERZOEK_BEKIJKEN = "toegang.verzoek_bekijken"
TAAK_UITVOEREN = "toegang.taak_uitvoeren"
TAAK_NAMENS_VASTLEGGEN = "toegang.taak_namens_vastleggen"
BESLUIT_NEMEN = "toegang.besluit_nemen"
GEBRUIKERS_BEHEREN = "toegang.gebruikers_beheren"
GEBRUIKER_BEHEREN = "toegang.gebruiker_beheren"


def mag(regel: str, gebruiker: Gebruiker | AnonymousUser | None, obj: object = None) -> bool:
    """Whether rule `regel` (e.g. `VERZOEK_BEKIJKEN`) allows `gebruiker` on `obj`.

    `gebruiker` is `request.user` (an anonymous visitor gets no access) or None (no one).
    The predicates below get the same two values from the `rules` library.
    """
    return bool(test_rule(regel, gebruiker, obj))


def organisatie_code(gebruiker: Gebruiker | AnonymousUser | None) -> str | None:
    """Code of the user's organisation when both are active, else None (no access at all)."""
    if not isinstance(gebruiker, Gebruiker) or not gebruiker.is_active:
        return None
    organisatie = gebruiker.organisatie
    if organisatie is None or not organisatie.actief:
        return None
    return str(organisatie.code)


@predicate
def is_actieve_gebruiker(gebruiker: Gebruiker | AnonymousUser | None) -> bool:
    """Logged in, active, and working for an active organisation."""
    return organisatie_code(gebruiker) is not None


@predicate
def is_besluitvormer(gebruiker: Gebruiker | AnonymousUser | None) -> bool:
    """Has the role besluitvormer: may take decisions and sign."""
    return isinstance(gebruiker, Gebruiker) and gebruiker.rol == Rol.BESLUITVORMER


@predicate
def is_beheerder(gebruiker: Gebruiker | AnonymousUser | None) -> bool:
    """Has the role beheerder: manages the accounts of their own organisation."""
    return isinstance(gebruiker, Gebruiker) and gebruiker.rol == Rol.BEHEERDER


@predicate
def neemt_deel_aan_verzoek(
    gebruiker: Gebruiker | AnonymousUser | None, verzoek: VerzoekToegang | None
) -> bool:
    """The user's organisation takes part in the request (see `VerzoekToegang`)."""
    code = organisatie_code(gebruiker)
    if code is None or verzoek is None:
        return False
    return code in verzoek.deelnemende_organisatie_codes()


@predicate
def heeft_verzoek_aangevraagd(
    gebruiker: Gebruiker | AnonymousUser | None, verzoek: VerzoekToegang | None
) -> bool:
    """The user is the person who requested it (who may not decide on it)."""
    if verzoek is None or gebruiker is None or gebruiker.pk is None:
        return False
    return bool(verzoek.aangevraagd_door_id == gebruiker.pk)


@predicate
def taak_in_eigen_lane(
    gebruiker: Gebruiker | AnonymousUser | None, taak: TaakToegang | None
) -> bool:
    """The task's lane is the user's organisation."""
    code = organisatie_code(gebruiker)
    return code is not None and taak is not None and taak.lane == code


@predicate
def neemt_deel_aan_verzoek_van_taak(
    gebruiker: Gebruiker | AnonymousUser | None, taak: TaakToegang | None
) -> bool:
    """The user's organisation takes part in the request the task belongs to (issue #3 item 4)."""
    return taak is not None and neemt_deel_aan_verzoek.test(gebruiker, taak.verzoek)


@predicate
def is_besluittaak(gebruiker: Gebruiker | AnonymousUser | None, taak: TaakToegang | None) -> bool:
    """Completing the task takes the decision (Pw 2012 art. 56 lid 1-2, 57 lid 2-3, 58 lid 2)."""
    return taak is not None and bool(taak.is_besluit)


@predicate
def mag_besluit_van_taak_nemen(
    gebruiker: Gebruiker | AnonymousUser | None, taak: TaakToegang | None
) -> bool:
    """The user is a besluitvormer and did not request the task's request (issue #3 item 4)."""
    return (
        taak is not None
        and is_besluitvormer.test(gebruiker)
        and not heeft_verzoek_aangevraagd.test(gebruiker, taak.verzoek)
    )


#: The kinds of organisation (`Organisatie.soort`) whose steps the coordinator may record on
#: their behalf when they have no account: Defence (DJZ, DOC, ...) and the KMar, which answer
#: by letter or e-mail (issue #10 item 4; ADR 0037). A foreign police service gets a kind of
#: its own here when it gets a lane. The police, the authorities (burgemeester, officier van
#: justitie: they sign themselves, ADR 0033), the Openbaar Ministerie and the ministry of JenV
#: never: their steps are theirs alone.
NAMENS_SOORTEN = frozenset({"ministerie_defensie", "kmar"})


def is_partij_zonder_account(code: str) -> bool:
    """Whether organisation `code` is of a kind in `NAMENS_SOORTEN` and has no active account.

    One query. An account counts when `Gebruiker.is_active`; a deactivated one does not.
    """
    met_account = Gebruiker.objects.filter(organisatie_id=OuterRef("pk"), is_active=True)
    return (
        Organisatie.objects.filter(code=code, soort__in=NAMENS_SOORTEN)
        .exclude(Exists(met_account))
        .exists()
    )


def coordinator_van_procedure(procedure_id: str) -> str | None:
    """The organisation code of the procedure's coordinator, or None (the appeal, 9).

    LE-POB for procedures 1 and 6, the LOCC for 2 to 5, OZI for 7 and 8 (factsheet,
    toelichting 1 to 8; `blokken.COORDINATOR_VAN_PROCEDURE`). The coordinators are central
    bodies: the lane's code is the organisation's code.
    """
    return COORDINATOR_VAN_PROCEDURE.get(procedure_id)


@predicate
def is_coordinator_van_taak(
    gebruiker: Gebruiker | AnonymousUser | None, taak: TaakToegang | None
) -> bool:
    """The user's organisation coordinates the task's procedure and the task is not its own."""
    code = organisatie_code(gebruiker)
    return (
        code is not None
        and taak is not None
        and taak.lane != code
        and coordinator_van_procedure(taak.procedure_id) == code
    )


@predicate
def taak_van_organisatie_zonder_account(
    gebruiker: Gebruiker | AnonymousUser | None, taak: TaakToegang | None
) -> bool:
    """The task's organisation (Defence, the KMar) has no active account (`NAMENS_SOORTEN`)."""
    return taak is not None and is_partij_zonder_account(taak.lane)


@predicate
def zelfde_organisatie(
    gebruiker: Gebruiker | AnonymousUser | None, ander: Gebruiker | None
) -> bool:
    """The other account belongs to the user's (active) organisation."""
    code = organisatie_code(gebruiker)
    organisatie = ander.organisatie if ander is not None else None
    return code is not None and organisatie is not None and organisatie.code == code


@predicate
def is_technisch_beheerder(
    gebruiker: Gebruiker | AnonymousUser | None, ander: Gebruiker | None
) -> bool:
    """The other account is a technical administrator (staff or superuser).

    A beheerder of an organisation may not manage those accounts (issue #3 item 2).
    """
    return ander is not None and (ander.is_superuser or ander.is_staff)


kan_verzoek_bekijken = is_actieve_gebruiker & neemt_deel_aan_verzoek
kan_taak_uitvoeren = (
    is_actieve_gebruiker
    & taak_in_eigen_lane
    & neemt_deel_aan_verzoek_van_taak
    & (~is_besluittaak | mag_besluit_van_taak_nemen)
)
#: Recording a step on behalf of ("namens") a party without an account: a user of the
#: procedure's coordinator, taking part in the request, for a task whose organisation is of
#: Defence or the KMar and has no active account; a decision step only by a besluitvormer
#: who did not request it. The services add the other half of the rule: only with the
#: received PDF attached (issue #10 item 4; ADR 0037). Nobody else gets a new right: an
#: organisation with an account does its own steps.
kan_taak_namens_vastleggen = (
    is_actieve_gebruiker
    & is_coordinator_van_taak
    & neemt_deel_aan_verzoek_van_taak
    & (~is_besluittaak | mag_besluit_van_taak_nemen)
    & taak_van_organisatie_zonder_account
)
kan_besluit_nemen = (
    is_actieve_gebruiker & is_besluitvormer & neemt_deel_aan_verzoek & ~heeft_verzoek_aangevraagd
)
kan_gebruikers_beheren = is_actieve_gebruiker & is_beheerder
kan_gebruiker_beheren = kan_gebruikers_beheren & zelfde_organisatie & ~is_technisch_beheerder

add_rule(VERZOEK_BEKIJKEN, kan_verzoek_bekijken)
add_rule(TAAK_UITVOEREN, kan_taak_uitvoeren)
add_rule(TAAK_NAMENS_VASTLEGGEN, kan_taak_namens_vastleggen)
add_rule(BESLUIT_NEMEN, kan_besluit_nemen)
add_rule(GEBRUIKERS_BEHEREN, kan_gebruikers_beheren)
add_rule(GEBRUIKER_BEHEREN, kan_gebruiker_beheren)
