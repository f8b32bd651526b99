"""The OpenAPI document's NLGov finish: a drf-spectacular post-processing hook (ADR 0046).

drf-spectacular describes each view from its serializers; what holds for every operation is
added here, so that no view can forget it and the document says what the middleware and the
error handler do (`web.api_middleware`, `web.problemen`):

- every error (status 400 and up) as ``application/problem+json`` with the `Probleem` schema,
  never ``application/json``;
- the header ``API-Version`` on every answer (rule API-57), and ``Cache-Control`` (no-store);
  ``Retry-After`` on a 429;
- the statuses that can always occur: 406 (an ``Accept`` without JSON) everywhere; 401 and
  403 on every operation that needs log-in (its ``security`` is not ``[{}]``); 400 and 413 on
  every POST; 429 on the public operations (rate limit, `web.publiek`);
- the rules of the advice's input that its serializers cannot state (`api.serializers`:
  `SITUATIE_REGELS`, `GEVRAAGD_REGELS`, `GEVRAAGD_LIJST_REGELS`; the known municipalities,
  each once);
- ``security: [{}]`` (no log-in) on operations without authentication, which drf-spectacular
  leaves without ``security``;
- a Dutch description on answers that have none.
"""

from __future__ import annotations

from typing import Any

from politiebijstand.api.serializers import (
    GEVRAAGD_LIJST_REGELS,
    GEVRAAGD_REGELS,
    SITUATIE_REGELS,
    gemeentenamen,
)

PROBLEM_JSON = "application/problem+json"
PROBLEEM_REF = {"$ref": "#/components/schemas/Probleem"}

#: The headers every answer carries, as components of the document.
KOPPEN: dict[str, dict[str, Any]] = {
    "API-Version": {
        "description": "De volledige versie van de API (NLGov API-57), bijvoorbeeld 1.0.0.",
        "required": True,
        "schema": {"type": "string", "pattern": r"^\d+\.\d+\.\d+$"},
    },
    "Cache-Control": {
        "description": "Antwoorden worden nergens bewaard: altijd no-store.",
        "required": True,
        "schema": {"type": "string", "pattern": "no-store"},
    },
}

#: The header of a 429 (`web.publiek.te_veel_verzoeken`).
RETRY_AFTER: dict[str, Any] = {
    "description": "Na hoeveel seconden een nieuw verzoek weer kan.",
    "required": True,
    "schema": {"type": "integer", "minimum": 1},
}

#: Per status that can always occur: its Dutch description.
STANDAARD: dict[str, str] = {
    "400": "Ongeldige invoer, lege body of geen JSON; invalid-params noemt elk veld.",
    "401": "Niet ingelogd, of de sessie is verlopen.",
    "403": "Geen tweede factor, geen CSRF-token bij een sessie, of geen toegang.",
    "406": "De kop Accept staat geen JSON toe.",
    "413": "De body is groter dan het systeem aanneemt (DATA_UPLOAD_MAX_MEMORY_SIZE).",
    "429": (
        "Te veel verzoeken zonder inloggen (PUBLIEK_LIMIET_AANTAL per "
        "PUBLIEK_LIMIET_SECONDEN); de kop Retry-After geeft de wachttijd in seconden."
    ),
}

_METHODEN = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def _is_publiek(operatie: dict[str, Any]) -> bool:
    """Whether the operation needs no log-in: its ``security`` allows anonymous (``{}``)."""
    return {} in operatie.get("security", [])


def _standaardcodes(methode: str, operatie: dict[str, Any]) -> list[str]:
    codes = ["406"]
    if methode in ("post", "put", "patch"):
        codes += ["400", "413"]
    codes += ["429"] if _is_publiek(operatie) else ["401", "403"]
    return codes


def _probleem_inhoud(antwoord: dict[str, Any]) -> None:
    """Make an error answer's content ``application/problem+json`` with the `Probleem` schema."""
    inhoud: dict[str, Any] = antwoord.get("content") or {}
    eerste: dict[str, Any] = next(iter(inhoud.values()), {})
    schema = eerste.get("schema", PROBLEEM_REF)
    antwoord["content"] = {PROBLEM_JSON: {"schema": schema}}


def nlgov_nabewerking(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular's POSTPROCESSING_HOOKS entry: the finish described in the module.

    Args:
        result: the generated OpenAPI 3.1 document (a dict), changed in place.
        kwargs: ``generator``, ``request``, ``public`` (unused).

    Returns:
        The same document.
    """
    componenten = result.setdefault("components", {})
    componenten.setdefault("headers", {}).update(KOPPEN)
    schemas = componenten.get("schemas", {})
    if "Situatie" in schemas:
        schemas["Situatie"].update(SITUATIE_REGELS)
        gemeenten = schemas["Situatie"]["properties"]["gemeenten"]
        gemeenten["items"] = {"type": "string", "enum": gemeentenamen()}
        gemeenten["uniqueItems"] = True
        schemas["Situatie"]["properties"]["gevraagd"].update(GEVRAAGD_LIJST_REGELS)
        schemas["Gevraagd"].update(GEVRAAGD_REGELS)
    koppen = {naam: {"$ref": f"#/components/headers/{naam}"} for naam in KOPPEN}
    for pad in result.get("paths", {}).values():
        for methode, operatie in pad.items():
            if methode not in _METHODEN:
                continue
            # drf-spectacular leaves out `security` when a view has no authentication (the
            # advice): say explicitly that it needs none.
            operatie.setdefault("security", [{}])
            antwoorden: dict[str, Any] = operatie.setdefault("responses", {})
            for code in _standaardcodes(methode, operatie):
                antwoorden.setdefault(code, {"description": STANDAARD[code]})
            for code, antwoord in antwoorden.items():
                if int(code) >= 400:
                    _probleem_inhoud(antwoord)
                    if not antwoord.get("description"):
                        antwoord["description"] = STANDAARD.get(code, "Fout.")
                elif not antwoord.get("description"):
                    antwoord["description"] = "Gelukt."
                antwoord["headers"] = {**antwoord.get("headers", {}), **koppen}
                if code == "429":
                    antwoord["headers"]["Retry-After"] = RETRY_AFTER
            operatie["responses"] = dict(sorted(antwoorden.items()))
    return result
