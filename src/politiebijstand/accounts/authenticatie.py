"""DRF authentication with an organisation's API token (issue #12 item 3, ADR 0049).

``Authorization: Bearer pb_…`` (RFC 6750). The token is checked at every call
(`accounts.tokens.token_controleren`: one indexed lookup of the secret's sha256, no cache),
so a revoked or expired token gets 401 at its very next call, as ``application/problem+json``
with ``WWW-Authenticate: Bearer realm="politiebijstand", error="invalid_token"``. Every call
with a valid token is audited (``api-aanroep``) before the view runs, as a page view is. A
token call carries no cookie, so no CSRF token is asked (DRF checks CSRF only for the
session). In the OpenAPI document the scheme is ``bearerAuth`` (`ApiTokenSchema`).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from politiebijstand.accounts.models import ApiToken, Gebruiker
from politiebijstand.accounts.tokens import (
    TokenGeweigerd,
    api_aanroep_vastleggen,
    token_controleren,
    token_weigering_vastleggen,
)

REALM = "politiebijstand"
#: The attribute of the Django request that holds the token of a token call.
TOKEN_ATTRIBUUT = "pb_api_token"  # noqa: S105 - a name, not a secret


def bearer_geheim(kop: str) -> str | None:
    """The credential of an ``Authorization`` header of the Bearer scheme, else None.

    ``"Bearer pb_abc"`` -> ``"pb_abc"``; the scheme is case-insensitive (RFC 9110 §11.1);
    ``"Bearer"`` alone or with more than one credential -> ``""`` (a Bearer call that is
    malformed); another scheme or no header -> None.
    """
    delen = kop.split()
    if not delen or delen[0].lower() != "bearer":
        return None
    return delen[1] if len(delen) == 2 else ""


class ApiTokenAuthenticatie(BaseAuthentication):
    """The caller is the token's system account; the token is ``request.auth``."""

    def authenticate(self, request: Request) -> tuple[Gebruiker, ApiToken] | None:
        try:
            kop = get_authorization_header(request).decode("latin-1")
        except UnicodeDecodeError:  # pragma: no cover - latin-1 decodes every byte
            kop = ""
        geheim = bearer_geheim(kop)
        if geheim is None:
            return None
        try:
            token = token_controleren(geheim)
        except TokenGeweigerd as fout:
            token_weigering_vastleggen(fout=fout, methode=request.method or "", pad=request.path)
            raise AuthenticationFailed(fout.melding, code=fout.code) from None
        api_aanroep_vastleggen(token=token, methode=request.method or "", pad=request.path)
        setattr(request._request, TOKEN_ATTRIBUUT, token)
        return token.account, token

    def authenticate_header(self, request: Request) -> str:
        if bearer_geheim(request.headers.get("Authorization", "")) is not None:
            return f'Bearer realm="{REALM}", error="invalid_token"'
        return f'Bearer realm="{REALM}"'


class ApiTokenSchema(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """The token scheme in the OpenAPI document: HTTP bearer, named ``bearerAuth``."""

    target_class = "politiebijstand.accounts.authenticatie.ApiTokenAuthenticatie"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "pb_<43 tekens>",
            "description": (
                "API-token van een organisatie, aangemaakt door haar beheerder op "
                "/accounts/beheer/tokens/. Zelfde need-to-know als de pagina's; elke "
                "aanroep wordt in de audittrail vastgelegd. Verlopen of ingetrokken: 401."
            ),
        }
