"""Services that change accounts: creation, rights, sessions, second factor (issue #3).

Every change of rights (role, organisation, active, staff, superuser) is written to the audit
trail in the same transaction, with the state before and after.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import logout
from django.db import transaction
from django.http import HttpRequest

from politiebijstand.accounts.constants import Gebeurtenis, Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.audit.services import audit_record
from politiebijstand.organisaties.models import Organisatie

#: The fields that make up a person's rights; their changes are audited.
RECHTEN_VELDEN = ("rol", "organisatie", "is_active", "is_staff", "is_superuser")


def rechten(gebruiker: Gebruiker) -> dict[str, Any]:
    """The rights of an account as JSON: role, organisation code, active, staff, superuser."""
    return {
        "rol": gebruiker.rol,
        "organisatie": gebruiker.organisatie.code if gebruiker.organisatie else None,
        "is_active": gebruiker.is_active,
        "is_staff": gebruiker.is_staff,
        "is_superuser": gebruiker.is_superuser,
    }


@transaction.atomic
def gebruiker_aanmaken(
    *,
    door: Gebruiker | None,
    username: str,
    organisatie: Organisatie | None,
    rol: str = Rol.MEDEWERKER,
    password: str | None = None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    is_demo: bool = False,
) -> Gebruiker:
    """Create an account and audit it (`gebruiker-aangemaakt`, with its rights).

    Args:
        door: who creates it (a beheerder, or None for the system).
        username: the log-in name, unique.
        organisatie: the organisation the person works for.
        rol: one of `Rol`.
        password: initial password; None leaves the account without a usable password.
        first_name: given name.
        last_name: family name.
        email: e-mail address, may be empty.
        is_demo: a demo account of `make run` (no second factor required there).

    Raises:
        ValueError: for an unknown role.
    """
    if rol not in Rol.values:
        raise ValueError(f"rol: {rol!r} is geen rol ({', '.join(Rol.values)})")
    gebruiker = Gebruiker.objects.create_user(
        username=username,
        password=password,
        organisatie=organisatie,
        rol=rol,
        first_name=first_name,
        last_name=last_name,
        email=email,
        is_demo=is_demo,
    )
    audit_record(
        gebeurtenis=Gebeurtenis.GEBRUIKER_AANGEMAAKT,
        actor=door,
        obj=gebruiker,
        na={**rechten(gebruiker), "is_demo": is_demo},
    )
    return gebruiker


@transaction.atomic
def gebruiker_rechten_wijzigen(
    *, door: Gebruiker | None, gebruiker: Gebruiker, **wijzigingen: Any
) -> Gebruiker:
    """Change an account's rights and audit the change (`rechten-gewijzigd`, before and after).

    When the account is deactivated, all its sessions end at once.

    Args:
        door: who changes it; None for the system.
        gebruiker: the account to change.
        **wijzigingen: new values for any of `RECHTEN_VELDEN` (`organisatie` as an Organisatie).

    Returns:
        The account as stored; unchanged (and no audit row) when nothing differs.

    Raises:
        ValueError: for a field outside `RECHTEN_VELDEN`, or an unknown role.
    """
    onbekend = set(wijzigingen) - set(RECHTEN_VELDEN)
    if onbekend:
        raise ValueError(f"{sorted(onbekend)[0]}: geen recht dat hier gewijzigd kan worden")
    if "rol" in wijzigingen and wijzigingen["rol"] not in Rol.values:
        raise ValueError(f"rol: {wijzigingen['rol']!r} is geen rol ({', '.join(Rol.values)})")
    gebruiker = Gebruiker.objects.select_for_update().get(pk=gebruiker.pk)
    voor = rechten(gebruiker)
    for veld, waarde in wijzigingen.items():
        setattr(gebruiker, veld, waarde)
    na = rechten(gebruiker)
    if na == voor:
        return gebruiker
    gebruiker.save(update_fields=list(wijzigingen))
    audit_record(
        gebeurtenis=Gebeurtenis.RECHTEN_GEWIJZIGD, actor=door, obj=gebruiker, voor=voor, na=na
    )
    if voor["is_active"] and not na["is_active"]:
        _sessies_beeindigen(gebruiker)
    return gebruiker


#: The fields of an account that are not rights; changes in the admin are audited too.
GEGEVENS_VELDEN = ("username", "first_name", "last_name", "email", "is_demo")


def beheerrechten(gebruiker: Gebruiker) -> dict[str, Any]:
    """The rights of an account as the admin can change them: `rechten` plus Django's.

    Returns:
        `rechten(gebruiker)` with ``groepen`` (sorted group names) and ``permissies`` (sorted
        ``"app_label.codename"``) of the account itself, not those it has through groups.
    """
    return {
        **rechten(gebruiker),
        "groepen": sorted(gebruiker.groups.values_list("name", flat=True)),
        "permissies": sorted(
            f"{app}.{codename}"
            for app, codename in gebruiker.user_permissions.values_list(
                "content_type__app_label", "codename"
            )
        ),
    }


def gegevens(gebruiker: Gebruiker) -> dict[str, Any]:
    """The other fields of an account: `GEGEVENS_VELDEN` and whether its password is usable."""
    return {
        **{veld: getattr(gebruiker, veld) for veld in GEGEVENS_VELDEN},
        "wachtwoord_bruikbaar": gebruiker.has_usable_password(),
    }


def beheer_toestand(gebruiker: Gebruiker) -> dict[str, dict[str, Any]]:
    """What `beheer_wijziging_vastleggen` compares: ``{"rechten": ..., "gegevens": ...}``."""
    return {"rechten": beheerrechten(gebruiker), "gegevens": gegevens(gebruiker)}


def beheer_wijziging_vastleggen(
    *, door: Gebruiker | None, gebruiker: Gebruiker, voor: dict[str, dict[str, Any]] | None
) -> None:
    """Audit an account saved in the Django admin: created, rights or other fields changed.

    Call it in the transaction of the save, after its groups and permissions were saved, with
    `beheer_toestand` of the account before the save (None when new). Writes
    `gebruiker-aangemaakt` (na: rights and fields), `rechten-gewijzigd` (voor/na:
    `beheerrechten`) and `gebruiker-gewijzigd` (voor/na: `gegevens`), each only when something
    differs. Deactivation ends all sessions of the account.
    """
    na = beheer_toestand(gebruiker)
    if voor is None:
        audit_record(
            gebeurtenis=Gebeurtenis.GEBRUIKER_AANGEMAAKT,
            actor=door,
            obj=gebruiker,
            na={**na["rechten"], **na["gegevens"]},
        )
        return
    if voor["rechten"] != na["rechten"]:
        audit_record(
            gebeurtenis=Gebeurtenis.RECHTEN_GEWIJZIGD,
            actor=door,
            obj=gebruiker,
            voor=voor["rechten"],
            na=na["rechten"],
        )
        if voor["rechten"]["is_active"] and not na["rechten"]["is_active"]:
            _sessies_beeindigen(gebruiker)
    if voor["gegevens"] != na["gegevens"]:
        audit_record(
            gebeurtenis=Gebeurtenis.GEBRUIKER_GEWIJZIGD,
            actor=door,
            obj=gebruiker,
            voor=voor["gegevens"],
            na=na["gegevens"],
        )


def wachtwoord_instelling_vastleggen(
    *, door: Gebruiker | None, gebruiker: Gebruiker, voor_bruikbaar: bool
) -> None:
    """Audit a password set by someone else (the admin): `wachtwoord-ingesteld`.

    The password itself, or its hash, is never recorded; voor/na say whether it was usable.
    Call it in the transaction of the change.
    """
    audit_record(
        gebeurtenis=Gebeurtenis.WACHTWOORD_INGESTELD,
        actor=door,
        obj=gebruiker,
        voor={"wachtwoord_bruikbaar": voor_bruikbaar},
        na={"wachtwoord_bruikbaar": gebruiker.has_usable_password()},
    )


def _sessies_beeindigen(gebruiker: Gebruiker) -> int:
    from allauth.usersessions.models import UserSession

    sessies = list(UserSession.objects.filter(user=gebruiker))
    for sessie in sessies:
        sessie.end()
    return len(sessies)


@transaction.atomic
def sessies_beeindigen(
    *, gebruiker: Gebruiker, door: Gebruiker | None, request: HttpRequest | None = None
) -> int:
    """Log out everywhere: end every session of `gebruiker`, including the current one.

    Args:
        gebruiker: whose sessions end.
        door: who asked (the person themselves, or their beheerder).
        request: the current request; when it is `gebruiker`'s own, it is logged out too.

    Returns:
        The number of sessions ended.
    """
    aantal = _sessies_beeindigen(gebruiker)
    audit_record(
        gebeurtenis=Gebeurtenis.SESSIES_BEEINDIGD, actor=door, obj=gebruiker, na={"aantal": aantal}
    )
    if request is not None and request.user.pk == gebruiker.pk:
        logout(request)
    return aantal


@transaction.atomic
def tweede_factor_resetten(*, gebruiker: Gebruiker, door: Gebruiker | None) -> int:
    """Remove every second factor of an account (a lost phone), and end its sessions.

    The person sets up TOTP again at the next log-in. Audited as `tweede-factor-verwijderd`.

    Returns:
        The number of authenticators removed (TOTP and recovery codes).
    """
    from allauth.mfa.models import Authenticator

    soorten = sorted(Authenticator.objects.filter(user=gebruiker).values_list("type", flat=True))
    Authenticator.objects.filter(user=gebruiker).delete()
    audit_record(
        gebeurtenis=Gebeurtenis.TWEEDE_FACTOR_VERWIJDERD,
        actor=door,
        obj=gebruiker,
        voor={"types": soorten},
        na={"types": []},
    )
    _sessies_beeindigen(gebruiker)
    return len(soorten)
