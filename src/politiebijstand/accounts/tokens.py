"""API tokens of an organisation: create, check, use and revoke (issue #12 item 3, ADR 0049).

A token is the credential of another system. Its organisation's beheerder creates it (on a
page behind log-in with the second factor, after re-authentication) and revokes it. The
secret is ``pb_`` + `secrets.token_urlsafe(32)` (46 characters), shown once; the database
keeps only its sha256 (`ApiToken.geheim_hash`) and its public prefix (``pb_`` + 8
characters). A call is checked by looking up the sha256 of the secret it sends (an index
lookup: no comparison of secrets in Python, so no timing to learn from), every call anew (no
cache), so a revocation takes effect at the very next call.

A token acts as its own system account (`ApiToken.account`, user name ``api-<prefix>``): a
`Gebruiker` of the token's organisation with the role the beheerder chose (`TOKEN_ROLLEN`)
and no usable password, so that the selectors' need-to-know rules apply unchanged and every
audit row of a call names the token and the organisation.

Audit events (`accounts.constants.Gebeurtenis`): ``api-token-aangemaakt``,
``api-token-ingetrokken``, ``api-aanroep`` (every call with a valid token: method, path
without the query string, token prefix, organisation), ``api-token-geweigerd`` (a call with a
known token that is expired or revoked). A secret that matches no token is not audited (it
would let anyone fill the audit trail); the request log line records its 401.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from politiebijstand.accounts.constants import Gebeurtenis, Rol
from politiebijstand.accounts.models import ApiToken, Gebruiker
from politiebijstand.accounts.services import gebruiker_aanmaken
from politiebijstand.audit.services import audit_record

#: Every secret starts with this, so that a secret scanner and a person recognise it.
GEHEIM_VOORVOEGSEL = "pb_"
#: A secret as it is issued: the prefix and 43 characters of `secrets.token_urlsafe(32)`.
GEHEIM_PATROON = re.compile(r"pb_[A-Za-z0-9_-]{43}")
#: Characters of the random part in the public prefix (``pb_`` + 8 = 11 characters).
PREFIX_LENGTE = 8
#: Default and longest validity, in days after today (Europe/Amsterdam).
GELDIGHEID_STANDAARD_DAGEN = 90
GELDIGHEID_MAXIMUM_DAGEN = 365
#: `ApiToken.laatst_gebruikt_op` is written at most once per this interval.
GEBRUIK_INTERVAL = timedelta(minutes=1)
#: The roles a token may have: a system never manages accounts (no beheerder).
TOKEN_ROLLEN = (Rol.MEDEWERKER, Rol.BESLUITVORMER)
#: Dates are chosen and shown in Dutch time; times are stored in UTC.
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class TokenFout(ValueError):
    """A token could not be created or revoked; nothing was changed.

    Attributes:
        veld: the form field at fault (``naam``, ``rol``, ``geldig_tot``, ``door``).
        melding: the Dutch message.
    """

    def __init__(self, veld: str, melding: str) -> None:
        super().__init__(f"{veld}: {melding}")
        self.veld = veld
        self.melding = melding


class TokenGeweigerd(Exception):
    """A call's token is refused: unknown, expired or revoked (the answer is a 401).

    Attributes:
        code: ``token-onbekend``, ``token-verlopen`` or ``token-ingetrokken``.
        melding: the Dutch message for the caller.
        token: the token, when it is known.
    """

    def __init__(self, code: str, melding: str, token: ApiToken | None = None) -> None:
        super().__init__(melding)
        self.code = code
        self.melding = melding
        self.token = token


@dataclass(frozen=True)
class NieuwToken:
    """A token just created, with its secret: the only moment the secret exists."""

    token: ApiToken
    geheim: str


def geheim_hash(geheim: str) -> str:
    """The sha256 of a secret as 64 lowercase hex digits (what `ApiToken.geheim_hash` keeps)."""
    return hashlib.sha256(geheim.encode("utf-8")).hexdigest()


def vandaag(nu: datetime | None = None) -> date:
    """Today's date in Europe/Amsterdam at `nu` (default now)."""
    return (nu or timezone.now()).astimezone(AMSTERDAM).date()


def verloopmoment(geldig_tot: date) -> datetime:
    """The UTC moment a token valid through `geldig_tot` expires: the next Dutch midnight.

    ``date(2026, 3, 2)`` -> ``2026-03-02T23:00:00+00:00`` (midnight of 3 March, UTC+1).
    """
    middernacht = datetime.combine(geldig_tot + timedelta(days=1), time(0), tzinfo=AMSTERDAM)
    return middernacht.astimezone(ZoneInfo("UTC"))


def geldig_tot_van(token: ApiToken) -> date:
    """The last Dutch day on which `token` is valid (the day before `verloopt_op`)."""
    return (token.verloopt_op.astimezone(AMSTERDAM) - timedelta(microseconds=1)).date()


def _beheerder_van(door: Gebruiker, organisatie_id: int | None) -> int:
    """The organisation id of `door`, an active beheerder (of `organisatie_id`, if given)."""
    eigen = door.organisatie_id
    if not door.is_beheerder or eigen is None or not door.is_active:
        raise TokenFout("door", "alleen een beheerder van een organisatie beheert API-tokens")
    if organisatie_id is not None and eigen != organisatie_id:
        raise TokenFout("door", "dit token hoort bij een andere organisatie")
    return eigen


def _nieuw_geheim() -> tuple[str, str]:
    """A fresh secret and its public prefix, the prefix not yet in use (case-insensitive)."""
    for _ in range(10):
        geheim = GEHEIM_VOORVOEGSEL + secrets.token_urlsafe(32)
        prefix = geheim[: len(GEHEIM_VOORVOEGSEL) + PREFIX_LENGTE]
        if not ApiToken.objects.filter(prefix__iexact=prefix).exists():
            return geheim, prefix
    raise RuntimeError("geen vrij tokenvoorvoegsel gevonden")  # pragma: no cover


def _toestand(token: ApiToken, nu: datetime) -> dict[str, object]:
    return {
        "prefix": token.prefix,
        "naam": token.naam,
        "organisatie": token.organisatie.code,
        "rol": token.account.rol,
        "account": token.account.username,
        "verloopt_op": token.verloopt_op,
        "status": token.status(nu),
    }


@transaction.atomic
def token_aanmaken(
    *, door: Gebruiker, naam: str, rol: str, geldig_tot: date, nu: datetime | None = None
) -> NieuwToken:
    """Create an API token of `door`'s organisation and its system account.

    Args:
        door: the beheerder (of an organisation, active).
        naam: what the token is for, 1-100 characters after trimming.
        rol: one of `TOKEN_ROLLEN` (medewerker or besluitvormer).
        geldig_tot: the last day (Europe/Amsterdam) it is valid: after today and at most
            `GELDIGHEID_MAXIMUM_DAGEN` days after today.
        nu: the moment (UTC), injected by tests; default now.

    Returns:
        The stored token and its secret, to be shown once and never stored.

    Raises:
        TokenFout: naming the field (``door``, ``naam``, ``rol``, ``geldig_tot``); nothing
            is stored.
    """
    nu = nu or timezone.now()
    organisatie_id = _beheerder_van(door, None)
    naam = " ".join(naam.split())
    if not naam:
        raise TokenFout("naam", "geef aan waarvoor het token dient")
    if len(naam) > 100:
        raise TokenFout("naam", "hoogstens 100 tekens")
    if rol not in TOKEN_ROLLEN:
        raise TokenFout("rol", "kies medewerker of besluitvormer")
    dag = vandaag(nu)
    if geldig_tot <= dag:
        raise TokenFout("geldig_tot", "kies een datum na vandaag")
    if geldig_tot > dag + timedelta(days=GELDIGHEID_MAXIMUM_DAGEN):
        raise TokenFout(
            "geldig_tot", f"hoogstens {GELDIGHEID_MAXIMUM_DAGEN} dagen na vandaag (een jaar)"
        )
    geheim, prefix = _nieuw_geheim()
    account = gebruiker_aanmaken(
        door=door,
        username=f"api-{prefix}",
        organisatie=door.organisatie,
        rol=rol,
        password=None,
        first_name=f"API-token {naam}"[:150],
    )
    token = ApiToken.objects.create(
        organisatie_id=organisatie_id,
        naam=naam,
        account=account,
        prefix=prefix,
        geheim_hash=geheim_hash(geheim),
        aangemaakt_door=door,
        aangemaakt_op=nu,
        verloopt_op=verloopmoment(geldig_tot),
    )
    audit_record(
        gebeurtenis=Gebeurtenis.API_TOKEN_AANGEMAAKT, actor=door, obj=token, na=_toestand(token, nu)
    )
    return NieuwToken(token=token, geheim=geheim)


@transaction.atomic
def token_intrekken(*, door: Gebruiker, token: ApiToken, nu: datetime | None = None) -> ApiToken:
    """Revoke a token: refused from its very next call; its system account is deactivated.

    Revoking a revoked token changes nothing (and writes no audit row).

    Raises:
        TokenFout: ``door`` is not a beheerder of the token's organisation.
    """
    nu = nu or timezone.now()
    _beheerder_van(door, token.organisatie_id)
    token = (
        ApiToken.objects.select_for_update()
        .select_related("account", "organisatie")
        .get(pk=token.pk)
    )
    if token.ingetrokken_op is not None:
        return token
    voor = _toestand(token, nu)
    token.ingetrokken_op = nu
    token.ingetrokken_door = door
    token.save(update_fields=["ingetrokken_op", "ingetrokken_door"])
    Gebruiker.objects.filter(pk=token.account_id).update(is_active=False)
    token.account.is_active = False
    audit_record(
        gebeurtenis=Gebeurtenis.API_TOKEN_INGETROKKEN,
        actor=door,
        obj=token,
        voor=voor,
        na=_toestand(token, nu),
    )
    return token


def token_controleren(geheim: str, *, nu: datetime | None = None) -> ApiToken:
    """The valid token of a secret sent with a call; marks it used (at most once a minute).

    One indexed query by the secret's sha256 (with account and organisation), no cache: a
    revocation or expiry counts at the next call.

    Raises:
        TokenGeweigerd: unknown (also a malformed secret), expired, or revoked (also when its
            account was deactivated or moved to another organisation).
    """
    nu = nu or timezone.now()
    token = None
    if GEHEIM_PATROON.fullmatch(geheim):
        token = (
            ApiToken.objects.select_related("account", "organisatie")
            .filter(geheim_hash=geheim_hash(geheim))
            .first()
        )
    if token is None:
        raise TokenGeweigerd("token-onbekend", "Dit API-token is onbekend.")
    status = token.status(nu)
    if status == "ingetrokken" or (
        not token.account.is_active or token.account.organisatie_id != token.organisatie_id
    ):
        raise TokenGeweigerd(
            "token-ingetrokken",
            f"Het API-token {token.prefix} is ingetrokken; vraag uw beheerder om een nieuw.",
            token,
        )
    if status == "verlopen":
        raise TokenGeweigerd(
            "token-verlopen",
            f"Het API-token {token.prefix} is verlopen; vraag uw beheerder om een nieuw.",
            token,
        )
    vorig = token.laatst_gebruikt_op
    if vorig is None or nu - vorig >= GEBRUIK_INTERVAL:
        ApiToken.objects.filter(pk=token.pk).update(laatst_gebruikt_op=nu)
        token.laatst_gebruikt_op = nu
    return token


def _aanroep(token: ApiToken, methode: str, pad: str) -> dict[str, str]:
    return {
        "token": token.prefix,
        "organisatie": token.organisatie.code,
        "methode": methode,
        "pad": pad[:200],
    }


def api_aanroep_vastleggen(*, token: ApiToken, methode: str, pad: str) -> None:
    """Audit one call made with a valid token (``api-aanroep``), as a page view is audited.

    Args:
        token: the checked token (from `token_controleren`).
        methode: the HTTP method.
        pad: the path, without the query string (it may carry request data).
    """
    audit_record(
        gebeurtenis=Gebeurtenis.API_AANROEP,
        actor=token.account,
        obj=token,
        na=_aanroep(token, methode, pad),
    )


def token_weigering_vastleggen(*, fout: TokenGeweigerd, methode: str, pad: str) -> None:
    """Audit a call with a known but expired or revoked token (``api-token-geweigerd``).

    A secret that matches no token is not audited (see the module docstring).
    """
    if fout.token is None:
        return
    audit_record(
        gebeurtenis=Gebeurtenis.API_TOKEN_GEWEIGERD,
        actor=fout.token.account,
        obj=fout.token,
        na={**_aanroep(fout.token, methode, pad), "reden": fout.code},
    )
