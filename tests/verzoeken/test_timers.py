"""The urgent path's timers: reminder before the formalisation term, escalation to the LOCC after.

Time is injected (``nu``) into the services and frozen with time-machine where huey reads the
clock. Bron: factsheet, toelichting 3 ("In spoedgevallen ... wordt het verzoek achteraf
geformaliseerd"); the 24-hour term and the escalation are this application's agreement (#4).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from huey.contrib.djhuey import HUEY

from politiebijstand.accounts.constants import Rol
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.meldingen.models import Bericht
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.constants import TaakStatus
from politiebijstand.verzoeken.demo import formulier_ondertekenen_voor_taak
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, Taak
from tests.verzoeken.helpers import NU, gebruiker, maak_verzoek, open_taken, org, situatie

pytestmark = pytest.mark.usefixtures("referentiedata")

TERMIJN = timedelta(hours=24)


@pytest.fixture(autouse=True)
def _lege_planning() -> Iterator[None]:
    HUEY.storage.flush_schedule()
    yield
    HUEY.storage.flush_schedule()


def gebeld(verzoek: Bijstandsverzoek) -> Taak:
    """Record the phone call at NU; returns the formalisation task (due NU + 24 hours)."""
    (telefoon,) = open_taken(verzoek)
    services.telefonisch_contact_vastleggen(
        taak=telefoon,
        beller="Hoofd RCCB",
        gebelde_organisatie=org("LOCC"),
        gebeld="Piket LOCC",
        tijdstip=NU,
        afspraken="KMar komt; formulier volgt.",
        door=gebruiker("RCCB-MN"),
        nu=NU,
    )
    return Taak.objects.get(verzoek=verzoek, bpmn_id="taak_schriftelijk_formaliseren")


def test_herinnering_twee_uur_voor_de_termijn_een_keer() -> None:
    formaliseren = gebeld(maak_verzoek(situatie(spoed=True)))
    assert formaliseren.due == NU + TERMIJN
    assert services.timers_verwerken(nu=NU + timedelta(hours=21, minutes=59)).herinneringen == []
    assert not Bericht.objects.filter(soort="termijn-herinnering").exists()

    resultaat = services.timers_verwerken(nu=NU + timedelta(hours=22))
    assert (resultaat.herinneringen, resultaat.gevuurd) == ([formaliseren.pk], [])
    bericht = Bericht.objects.get(soort="termijn-herinnering")
    # The burgemeester of Utrecht formalises; the LOCC, procedure 3's coordinator, watches (#8).
    assert [o.code for o in bericht.ontvangers.all()] == ["GM0344", "LOCC"]
    assert bericht.sleutel == f"herinnering:{formaliseren.pk}"
    assert "uiterlijk 03-03-2026 10:00" in bericht.inhoud  # Europe/Amsterdam
    formaliseren.refresh_from_db()
    assert formaliseren.herinnering_op == NU + timedelta(hours=22)
    entry = AuditLogEntry.objects.order_by("-volgnummer")[0]
    assert (entry.gebeurtenis, entry.actor_id) == ("herinnering-gepland", None)

    assert services.timers_verwerken(nu=NU + timedelta(hours=23)).herinneringen == []
    assert Bericht.objects.filter(soort="termijn-herinnering").count() == 1


def test_herinnering_volgt_de_instelling(settings: Any) -> None:
    settings.HERINNERING_VOOR_SECONDEN = 30 * 60
    formaliseren = gebeld(maak_verzoek(situatie(spoed=True)))
    assert services.timers_verwerken(nu=NU + timedelta(hours=23)).herinneringen == []
    resultaat = services.timers_verwerken(nu=NU + timedelta(hours=23, minutes=30))
    assert resultaat.herinneringen == [formaliseren.pk]


def test_na_de_termijn_escalatie_naar_het_locc_en_de_formalisatie_blijft_open() -> None:
    verzoek = maak_verzoek(situatie(spoed=True))
    formaliseren = gebeld(verzoek)
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    assert deel.volgende_timer == NU + TERMIJN
    assert services.timers_verwerken(nu=NU + TERMIJN - timedelta(seconds=1)).gevuurd == []
    assert not Taak.objects.filter(bpmn_id="taak_escalatie_formalisatie").exists()

    later = NU + TERMIJN + timedelta(minutes=1)
    resultaat = services.timers_verwerken(nu=later)
    assert resultaat.gevuurd == [(deel.pk, "timer_formalisatie")]
    escalatie = Taak.objects.get(verzoek=verzoek, bpmn_id="taak_escalatie_formalisatie")
    assert (escalatie.organisatie.code, escalatie.status, escalatie.aangemaakt_op) == (
        "LOCC",
        TaakStatus.OPEN,
        later,
    )
    formaliseren.refresh_from_db()
    assert formaliseren.status == TaakStatus.OPEN  # non-interrupting: still to be done
    assert formaliseren.due == NU + TERMIJN  # shown as overdue
    deel.refresh_from_db()
    assert deel.volgende_timer is None
    bericht = Bericht.objects.get(soort="taak-klaargezet", object_id=str(escalatie.pk))
    assert [o.code for o in bericht.ontvangers.all()] == ["LOCC"]
    entry = AuditLogEntry.objects.get(gebeurtenis="timer-verlopen")
    assert entry.actor_id is None
    assert entry.na == {
        "timers": ["timer_formalisatie"],
        "nieuwe_taken": ["taak_escalatie_formalisatie"],
        "volgende_timer": None,
    }

    # Idempotent: nothing happens twice.
    aantal = (Taak.objects.count(), Bericht.objects.count(), AuditLogEntry.objects.count())
    opnieuw = services.timers_verwerken(nu=later + timedelta(minutes=5))
    assert (opnieuw.gevuurd, opnieuw.herinneringen) == ([], [])
    assert (Taak.objects.count(), Bericht.objects.count(), AuditLogEntry.objects.count()) == aantal


def test_formaliseren_op_tijd_laat_de_timer_vervallen() -> None:
    verzoek = maak_verzoek(situatie(spoed=True))
    formaliseren = gebeld(verzoek)
    formulier_ondertekenen_voor_taak(
        formaliseren,
        door=gebruiker("GM0344", Rol.BESLUITVORMER),
        verslag="Formulier ondertekend verstuurd.",
        nu=NU + timedelta(hours=3),
    )
    assert Deelverzoek.objects.get(verzoek=verzoek).volgende_timer is None
    assert services.timers_verwerken(nu=NU + TERMIJN * 2).gevuurd == []
    assert not Taak.objects.filter(bpmn_id="taak_escalatie_formalisatie").exists()


def test_formalisatietermijn_is_een_instelling(settings: Any) -> None:
    settings.FORMALISATIE_TERMIJN = "PT6H"
    verzoek = maak_verzoek(situatie(spoed=True))
    assert Deelverzoek.objects.get(verzoek=verzoek).startgegevens["formalisatie_termijn"] == "PT6H"
    assert gebeld(verzoek).due == NU + timedelta(hours=6)


def test_timer_job_wordt_na_commit_gepland_op_de_vervaltijd(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    verzoek = maak_verzoek(situatie(spoed=True))
    with time_machine.travel(NU, tick=False), django_capture_on_commit_callbacks(execute=True):
        gebeld(verzoek)
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    gepland = [t for t in HUEY.scheduled() if t.name == "timer_verwerken_task"]
    assert [(t.args, t.eta) for t in gepland] == [((deel.pk,), (NU + TERMIJN).replace(tzinfo=None))]


def test_geplande_job_verwerkt_alleen_zijn_eigen_deel() -> None:
    eerste = maak_verzoek(situatie(spoed=True))
    tweede = maak_verzoek(situatie(spoed=True))
    gebeld(eerste)
    gebeld(tweede)
    een = Deelverzoek.objects.get(verzoek=eerste)
    resultaat = services.timers_verwerken(nu=NU + TERMIJN, deelverzoek_id=een.pk)
    assert resultaat.gevuurd == [(een.pk, "timer_formalisatie")]
    assert Deelverzoek.objects.get(verzoek=tweede).volgende_timer == NU + TERMIJN
