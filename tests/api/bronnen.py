"""Helpers of the read resources' tests (issue #12 item 1, ADR 0047)."""

from __future__ import annotations

from typing import Any

from politiebijstand.api.versies import etag_van
from politiebijstand.audit.models import AuditLogEntry

PROBLEM = "application/problem+json"

#: The answer for an unknown object and for one outside the caller's scope (the same).
NIET_GEVONDEN = {
    "type": "urn:politiebijstand:probleem:niet-gevonden",
    "title": "Niet gevonden",
    "status": 404,
    "detail": "Dit bestaat niet, of valt buiten wat uw organisatie mag zien.",
}


def json_met_etag(response: Any) -> Any:
    """The JSON body of a 200 answer, after checking its type and its ETag (`etag_van`)."""
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert response["ETag"] == etag_van(body)
    return body


def niet_gevonden(response: Any) -> None:
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert response.json() == NIET_GEVONDEN
    assert not response.has_header("ETag")


def ongeldig(response: Any, naam: str, reden: str) -> None:
    """A 400 problem naming the one invalid query parameter `naam`."""
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    assert response.json() == {
        "type": "urn:politiebijstand:probleem:ongeldige-parameters",
        "title": "Ongeldige parameters",
        "status": 400,
        "detail": f"{naam}: {reden}",
        "invalid-params": [{"name": naam, "reason": reden}],
    }


def bekeken(gebeurtenis: str = "verzoek-bekeken") -> list[tuple[str, str, Any]]:
    """The audit rows of `gebeurtenis`: (actor user name, object id, na)."""
    return [
        (e.actor_gebruikersnaam, e.object_id, e.na)
        for e in AuditLogEntry.objects.filter(gebeurtenis=gebeurtenis).order_by("volgnummer")
    ]
