"""The mail server down for ten minutes (simulated time): afterwards all delivered, once, in order.

Two requests write messages while every connection to the mail server is refused; the worker's
sweep runs every minute (`berichten_versturen_periodiek_task`) and retries with a doubling
wait. One request writes more messages in the middle of the outage, which are then due before
the earlier ones' retry: the lease holds them back, so that per request the messages go out in
the order they were written (`meldingen.services._lease`, ADR 0053).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from django.core import mail
from django.core.mail import EmailMessage
from django.core.mail.backends.locmem import EmailBackend
from django.db.models import Value
from django.db.models.functions import Concat, Lower
from django.test import override_settings

import pytest
import time_machine

from politiebijstand.accounts.constants import Rol
from politiebijstand.meldingen.models import Bericht, BerichtStatus
from politiebijstand.meldingen.tasks import berichten_versturen_periodiek_task
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.verzoeken import services
from tests.verzoeken.helpers import NU, gebruiker, maak_verzoek, open_taken, standaard

pytestmark = pytest.mark.usefixtures("referentiedata")

#: Whether the mail server refuses connections (set by the test).
ONBEREIKBAAR = {"nu": False}
#: Every attempt the backend saw: (minute, Message-ID, delivered).
POGINGEN: list[tuple[int, str, bool]] = []


class StoringBackend(EmailBackend):
    """The locmem backend, refusing every connection while `ONBEREIKBAAR`."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        POGINGEN.extend(
            (0, str(b.extra_headers["Message-ID"]), not ONBEREIKBAAR["nu"]) for b in email_messages
        )
        if ONBEREIKBAAR["nu"]:
            raise ConnectionRefusedError(111, "Connection refused")
        return super().send_messages(email_messages)


def _eerste_stap_afronden(verzoek: Any, *, minuut: int) -> None:
    taak = open_taken(verzoek)[0]
    door = gebruiker(taak.organisatie.code, Rol.BESLUITVORMER)
    services.taak_afronden(
        taak=taak, data=standaard(taak), door=door, nu=NU + timedelta(minutes=minuut)
    )


@override_settings(
    EMAIL_BACKEND="tests.fouten.test_mail_onbereikbaar.StoringBackend", BERICHT_MAX_POGINGEN=8
)
def test_tien_minuten_geen_mailserver() -> None:
    Organisatie.objects.update(mailbox=Concat(Lower("code"), Value("@example.nl")))
    POGINGEN.clear()
    ONBEREIKBAAR["nu"] = True
    with time_machine.travel(NU, tick=False) as reis:
        a = maak_verzoek(nu=NU)
        andere = maak_verzoek(nu=NU)
        for minuut in range(21):
            reis.move_to(NU + timedelta(minutes=minuut))
            if minuut == 5:
                _eerste_stap_afronden(a, minuut=5)  # new messages in the middle of the outage
            if minuut == 10:
                ONBEREIKBAAR["nu"] = False  # the server is back after ten minutes
            berichten_versturen_periodiek_task()  # the sweep, run at once (immediate huey)
            if minuut < 10:
                assert mail.outbox == []

    berichten = list(Bericht.objects.order_by("id"))
    reeksen = {f"verzoeken.bijstandsverzoek:{a.pk}", f"verzoeken.bijstandsverzoek:{andere.pk}"}
    assert [b.status for b in berichten] == [BerichtStatus.VERZONDEN] * 4
    # Attempts at minutes 0, 1, 3 and 7 refused; the retry at 15 (after 8 minutes) delivers.
    # The messages of the step at minute 5 waited behind request a's first: one attempt.
    assert [
        (b.reeks, b.pogingen, b.aangemaakt_op, b.verzonden_op, b.laatste_fout) for b in berichten
    ] == [
        (f"verzoeken.bijstandsverzoek:{a.pk}", 5, NU, NU + timedelta(minutes=15), ""),
        (f"verzoeken.bijstandsverzoek:{andere.pk}", 5, NU, NU + timedelta(minutes=15), ""),
        (
            f"verzoeken.bijstandsverzoek:{a.pk}",
            1,
            NU + timedelta(minutes=5),
            NU + timedelta(minutes=15),
            "",
        ),
        (
            f"verzoeken.bijstandsverzoek:{a.pk}",
            1,
            NU + timedelta(minutes=5),
            NU + timedelta(minutes=15),
            "",
        ),
    ]

    # Everything delivered once.
    verzonden = [str(e.extra_headers["Message-ID"]) for e in mail.outbox]
    assert sorted(verzonden) == sorted(b.message_id for b in berichten)
    # Per request in the order written (by id), although the later ones were due first.
    volgorde = {b.message_id: (b.reeks, b.id) for b in berichten}
    for reeks in reeksen:
        ids = [volgorde[m][1] for m in verzonden if volgorde[m][0] == reeks]
        assert ids == sorted(ids)
    assert [p for p in POGINGEN if p[2]] == [(0, m, True) for m in verzonden]
