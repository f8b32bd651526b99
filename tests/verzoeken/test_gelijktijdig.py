"""Two people completing the same task at the same moment, in two threads (PostgreSQL only).

The sequential equivalent, which runs on SQLite too, is in test_services.py
(`test_tweede_afronding_van_dezelfde_taak_krijgt_een_duidelijke_fout`).
"""

from __future__ import annotations

import json
import threading
from typing import Any

from django.db import connection

import pytest

from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.exceptions import TaakNietOpen
from politiebijstand.verzoeken.models import Deelverzoek, Taak
from tests.verzoeken.helpers import NU, gebruiker, maak_verzoek, open_taken

pytestmark = [
    pytest.mark.usefixtures("referentiedata"),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("ronde", range(3))
def test_twee_tegelijk_een_slaagt_de_ander_krijgt_een_duidelijke_fout(ronde: int) -> None:
    verzoek = maak_verzoek()
    taak = open_taken(verzoek)[0]
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    mensen = [gebruiker("RCCB-MN"), gebruiker("RCCB-MN")]
    start = threading.Barrier(2)
    uitkomsten: list[Any] = [None, None]

    def afronden(i: int) -> None:
        try:
            start.wait(timeout=10)
            services.taak_afronden(
                taak=Taak.objects.get(pk=taak.pk),
                data={"verslag": f"gedaan door {i}"},
                door=mensen[i],
                nu=NU,
            )
            uitkomsten[i] = "ok"
        except Exception as exc:  # the assertion below names it
            uitkomsten[i] = exc
        finally:
            connection.close()

    draden = [threading.Thread(target=afronden, args=(i,)) for i in range(2)]
    for d in draden:
        d.start()
    for d in draden:
        d.join(timeout=30)

    assert sorted(type(u).__name__ if u != "ok" else "ok" for u in uitkomsten) == [
        "TaakNietOpen",
        "ok",
    ]
    winnaar = uitkomsten.index("ok")
    verliezer = uitkomsten[1 - winnaar]
    assert isinstance(verliezer, TaakNietOpen)
    assert verliezer.message.startswith("Deze taak is al afgerond door ")
    taak.refresh_from_db()
    assert (taak.afgerond_door_id, taak.gegevens) == (
        mensen[winnaar].pk,
        {"verslag": f"gedaan door {winnaar}"},
    )
    deel_na = Deelverzoek.objects.get(pk=deel.pk)
    assert deel_na.versie == deel.versie + 1
    assert len(json.loads(deel_na.run_state)["steps"]) == 1
    assert AuditLogEntry.objects.filter(gebeurtenis="taak-afgerond").count() == 1
    assert [t.bpmn_id for t in open_taken(verzoek)] == ["taak_vooroverleg_locc"]
