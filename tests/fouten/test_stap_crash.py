"""A crash in the middle of completing a task: the whole step or nothing (issue #13 item 5).

`taak_afronden` writes the task, the run, the new tasks, the outbox rows and the audit row in
one transaction. An exception after the rows are written (the audit write fails) and a
SIGKILL of the process between the writes and the commit both leave the step undone: the task
open, the run as before, no audit row, no message; the audit chain verifies. ADR 0053.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.audit.keten import keten_verifieren
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.meldingen.models import Bericht
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.constants import TaakStatus
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, Taak
from tests.fouten.proces import (
    database_naar_bestand,
    doden,
    script_draaien,
    starten,
    wachten_op,
)
from tests.verzoeken.helpers import NU, STAP, gebruiker, maak_verzoek, open_taken, standaard

pytestmark = pytest.mark.usefixtures("referentiedata")


def _eerste_stap(verzoek: Bijstandsverzoek) -> Taak:
    taak = open_taken(verzoek)[0]
    assert not taak.is_besluit and taak.bpmn_id != services.TELEFOON_STAP
    return taak


def _toestand(verzoek: Bijstandsverzoek) -> dict[str, Any]:
    """What a step changes: tasks and their states, the runs, audit rows and messages."""
    return {
        "taken": sorted(
            Taak.objects.filter(verzoek=verzoek).values_list("bpmn_id", "status", "gegevens")
        ),
        "runs": list(
            Deelverzoek.objects.filter(verzoek=verzoek).order_by("id").values_list("run_state")
        ),
        "audit": AuditLogEntry.objects.count(),
        "berichten": Bericht.objects.count(),
    }


class AuditSchrijvenFaalt(Exception):
    pass


def test_fout_na_alle_rijen_laat_niets_van_de_stap_achter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    verzoek = maak_verzoek()
    taak = _eerste_stap(verzoek)
    door = gebruiker(taak.organisatie.code, Rol.BESLUITVORMER)
    voor = _toestand(verzoek)
    geschreven: list[int] = []

    def audit_faalt(**kwargs: Any) -> None:
        # The last write of the step: the task, the run and the messages are written by now.
        geschreven.append(Bericht.objects.count())
        raise AuditSchrijvenFaalt("schijf weg")

    monkeypatch.setattr("politiebijstand.verzoeken.services.taken.audit_record", audit_faalt)
    with pytest.raises(AuditSchrijvenFaalt):
        services.taak_afronden(taak=taak, data=standaard(taak), door=door, nu=NU + STAP)

    assert geschreven[0] > voor["berichten"]  # the outbox rows were written, then undone
    assert _toestand(verzoek) == voor
    taak.refresh_from_db()
    assert taak.status == TaakStatus.OPEN
    assert taak.afgerond_op is None

    monkeypatch.undo()
    services.taak_afronden(taak=taak, data=standaard(taak), door=door, nu=NU + STAP)
    na = _toestand(verzoek)
    taak.refresh_from_db()
    assert taak.status == TaakStatus.AFGEROND
    assert na["audit"] == voor["audit"] + 1
    assert na["berichten"] == geschreven[0]
    assert na["runs"] != voor["runs"]
    assert keten_verifieren().intact


AFRONDEN_EN_HANGEN = """
import time
from pathlib import Path
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.models import Taak
from politiebijstand.verzoeken.services import taken
from tests.verzoeken.helpers import NU, STAP, standaard

echt = taken.audit_record

def audit_en_hangen(**kwargs):
    echt(**kwargs)  # every row of the step is written, the transaction is still open
    Path({punt!r}).touch()
    time.sleep(60)

taken.audit_record = audit_en_hangen
taak = Taak.objects.get(pk={taak})
door = Gebruiker.objects.get(pk={door})
services.taak_afronden(taak=taak, data=standaard(taak), door=door, nu=NU + STAP)
"""

CONTROLE = """
import json
from politiebijstand.audit.keten import keten_verifieren
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.meldingen.models import Bericht
from politiebijstand.verzoeken.models import Deelverzoek, Taak
from django.db import connection

with connection.cursor() as c:
    c.execute("PRAGMA integrity_check")
    integriteit = c.fetchone()[0]
taak = Taak.objects.get(pk={taak})
print(json.dumps({{
    "integriteit": integriteit,
    "status": taak.status,
    "audit": AuditLogEntry.objects.count(),
    "berichten": Bericht.objects.count(),
    "run": Deelverzoek.objects.get(pk=taak.deelverzoek_id).run_state,
    "keten": keten_verifieren().intact,
}}))
"""


@pytest.mark.django_db(transaction=True)
def test_sigkill_tussen_schrijven_en_commit(tmp_path: Path) -> None:
    verzoek = maak_verzoek()
    taak = _eerste_stap(verzoek)
    door = gebruiker(taak.organisatie.code, Rol.BESLUITVORMER)
    run_voor = Deelverzoek.objects.get(pk=taak.deelverzoek_id).run_state
    audit_voor, berichten_voor = AuditLogEntry.objects.count(), Bericht.objects.count()
    url = database_naar_bestand(tmp_path / "db.sqlite3")
    punt = tmp_path / "geschreven"

    proces = starten(url, AFRONDEN_EN_HANGEN.format(punt=str(punt), taak=taak.pk, door=door.pk))
    wachten_op(punt, proces)
    doden(proces)

    na = json.loads(script_draaien(url, CONTROLE.format(taak=taak.pk)))
    assert na == {
        "integriteit": "ok",
        "status": TaakStatus.OPEN,
        "audit": audit_voor,
        "berichten": berichten_voor,
        "run": run_voor,
        "keten": True,
    }
