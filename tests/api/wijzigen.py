"""Helpers of the API's change tests: the versions (ETags) that If-Match sends back."""

from __future__ import annotations

from django.test import Client

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.verzoeken.api.views import taak_data
from politiebijstand.verzoeken.models import Bijstandsverzoek, Taak
from politiebijstand.verzoeken.selectors import access_taak_by_id
from politiebijstand.web.versies import etag_van


def taak_etag(taak: Taak, wie: Gebruiker) -> str:
    """The step's current ETag for `wie`, as ``GET /api/v1/taken/<id>`` gives it."""
    return etag_van(taak_data(access_taak_by_id(wie, taak.pk), wie))


def verzoek_etag(client: Client, verzoek: Bijstandsverzoek) -> str:
    """The request's current ETag, read with ``GET /api/v1/verzoeken/<uuid>``."""
    response = client.get(f"/api/v1/verzoeken/{verzoek.uuid}")
    assert response.status_code == 200, response.content
    return str(response["ETag"])
