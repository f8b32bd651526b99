"""The worker killed with SIGKILL while it delivers a message (issue #13 item 5, ADR 0053).

A worker (`berichten_versturen` in a subprocess, on a file database) is killed while it sends
the first message; a new worker takes over the message once its lease has run out and delivers
everything. The outbox is at-least-once: killed before the receiver had the message, each
message arrives exactly once; killed after the receiver had it but before the worker stored
that, the message arrives twice, with the same Message-ID, so the receiver drops the copy.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from django.db.models import Value
from django.db.models.functions import Concat, Lower

import pytest

from politiebijstand.meldingen.models import Bericht, BerichtStatus
from politiebijstand.organisaties.models import Organisatie
from tests.fouten.proces import database_naar_bestand, doden, script_draaien, starten, wachten_op
from tests.verzoeken.helpers import maak_verzoek

pytestmark = pytest.mark.usefixtures("referentiedata")

WERKER = """
from django.conf import settings
from politiebijstand.meldingen.services import berichten_versturen
settings.EMAIL_BACKEND = "tests.fouten.ontvanger.BestandBackend"
{voorbereiding}
print(berichten_versturen({nu}).verzonden)
"""

NA_DE_LEASE = """
from datetime import timedelta
from django.utils import timezone
later = timezone.now() + timedelta(seconds=settings.BERICHT_LEASE_SECONDEN + 1)
"""

STAND = """
import json
from django.db import connection
from politiebijstand.meldingen.models import Bericht
with connection.cursor() as c:
    c.execute("PRAGMA integrity_check")
    integriteit = c.fetchone()[0]
print(json.dumps({
    "integriteit": integriteit,
    "berichten": [[b.message_id, b.status, b.pogingen] for b in Bericht.objects.order_by("id")],
}))
"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("hangen", "dubbel"), [("voor", 0), ("na", 1)])
def test_werker_gedood_tijdens_versturen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, hangen: str, dubbel: int
) -> None:
    Organisatie.objects.update(mailbox=Concat(Lower("code"), Value("@example.nl")))
    maak_verzoek()
    maak_verzoek()
    # The tests' huey runs the wake-up at once; put the outbox back as it is before a worker.
    Bericht.objects.update(
        status=BerichtStatus.WACHTEND, pogingen=0, lease_tot=None, verzonden_op=None, adressen=[]
    )
    message_ids = [b.message_id for b in Bericht.objects.order_by("id")]
    assert len(message_ids) >= 2
    url = database_naar_bestand(tmp_path / "db.sqlite3")
    ontvanger, punt = tmp_path / "ontvangen.txt", tmp_path / "punt"
    monkeypatch.setenv("PB_TEST_ONTVANGER", str(ontvanger))
    monkeypatch.setenv("PB_TEST_PUNT", str(punt))

    monkeypatch.setenv("PB_TEST_HANGEN", hangen)
    eerste = starten(url, WERKER.format(voorbereiding="", nu=""))
    wachten_op(punt, eerste)
    doden(eerste)
    ontvangen = ontvanger.read_text().split() if ontvanger.exists() else []
    assert ontvangen == message_ids[:dubbel]

    monkeypatch.delenv("PB_TEST_HANGEN")
    # Within the lease the new worker leaves the killed one's message alone ...
    binnen = script_draaien(url, WERKER.format(voorbereiding="", nu=""))
    assert int(binnen) == len(message_ids) - 1
    # ... after it, it takes the message over.
    na = script_draaien(url, WERKER.format(voorbereiding=NA_DE_LEASE, nu="nu=later"))
    assert int(na) == 1

    ontvangen = ontvanger.read_text().split()
    assert Counter(ontvangen) == Counter(message_ids + message_ids[:dubbel])
    assert sorted(set(ontvangen)) == sorted(message_ids)  # de-duplicated by Message-ID: once
    stand = json.loads(script_draaien(url, STAND))
    assert stand == {
        "integriteit": "ok",
        "berichten": [[m, "verzonden", 1] for m in message_ids],
    }
