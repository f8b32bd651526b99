"""The diagram of a request is drawn from the model version its part ran on (ADR 0051)."""

from __future__ import annotations

import html

import pytest

from politiebijstand.procedures.engine import PROCEDURES
from politiebijstand.verzoeken.models import Deelverzoek, ProcedureSpecificatie
from tests.verzoeken.helpers import maak_verzoek
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")

OUDE_VERSIE = "0" * 64
OUDE_BPMN = '<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions id="oud"/>'


def test_the_request_page_draws_the_version_the_part_ran_on() -> None:
    verzoek = maak_verzoek()
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    oud = ProcedureSpecificatie.objects.create(
        model_versie=OUDE_VERSIE,
        procedure_id=deel.procedure_id,
        spec=deel.specificatie.spec,
        bpmn=OUDE_BPMN,
        aangemaakt_op=deel.aangemaakt_op,
    )
    Deelverzoek.objects.filter(pk=deel.pk).update(specificatie=oud, model_versie=OUDE_VERSIE)
    client, _ = als("RCCB-MN")

    pagina = html.unescape(inhoud(client.get(f"/verzoeken/{verzoek.uuid}/")))

    adres = f"/verzoeken/procedures/{deel.procedure_id}.bpmn?versie={OUDE_VERSIE}"
    assert f'data-bpmn-url="{adres}"' in pagina
    assert f'href="{adres}"' in pagina
    response = client.get(adres)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert response.content.decode() == OUDE_BPMN
    # Today's file is another text.
    huidig = client.get(f"/verzoeken/procedures/{deel.procedure_id}.bpmn")
    assert huidig.content == PROCEDURES[deel.procedure_id].bestand.read_bytes()


def test_a_version_that_is_not_stored_or_has_no_text_is_not_found() -> None:
    deel = Deelverzoek.objects.get(verzoek=maak_verzoek())
    client, _ = als("LOCC")
    procedure_id = deel.procedure_id
    huidig = client.get(f"/verzoeken/procedures/{procedure_id}.bpmn?versie={deel.model_versie}")
    assert huidig.content == PROCEDURES[procedure_id].bestand.read_bytes()
    assert client.get(f"/verzoeken/procedures/{procedure_id}.bpmn?versie=abc").status_code == 404
    assert client.get(f"/verzoeken/procedures/9.bpmn?versie={deel.model_versie}").status_code == 404
    ProcedureSpecificatie.objects.filter(pk=deel.specificatie_id).update(bpmn="")
    zonder = client.get(f"/verzoeken/procedures/{procedure_id}.bpmn?versie={deel.model_versie}")
    assert zonder.status_code == 404
