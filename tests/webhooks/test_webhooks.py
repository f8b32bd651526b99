"""Webhooks: signed POSTs written with the status change, retried, in order (issue #12 item 5).

A receiver on loopback (`tests.webhooks.ontvanger`) gets the deliveries; the tests check the
HMAC themselves (not with the product's function), the back-off times with time_machine, and
that only organisations taking part in a request get its events. ADR 0050.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from django.db import transaction

import pytest
import time_machine

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.accounts.versleuteling import geheim_ontsleutelen
from politiebijstand.gebruikersbeheer.webhooks import CONTROLE_VOORBEELD
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.verzoeken import services as verzoek_services
from politiebijstand.verzoeken.models import Bijstandsverzoek
from politiebijstand.webhooks import services
from politiebijstand.webhooks.handtekening import handtekening, handtekening_klopt, lichaam
from politiebijstand.webhooks.models import LeveringStatus, WebhookAbonnement, WebhookLevering
from tests.verzoeken.helpers import gebruiker, maak_verzoek, org
from tests.webhooks.ontvanger import Ontvanger

pytestmark = pytest.mark.usefixtures("referentiedata")

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def ontvanger() -> Iterator[Ontvanger]:
    o = Ontvanger().starten()
    yield o
    o.stoppen()


def abonneren(code: str, url: str) -> tuple[WebhookAbonnement, str]:
    beheerder = gebruiker(code, "beheerder")
    return services.abonnement_aanmaken(door=beheerder, organisatie=org(code), url=url, nu=T0)


def intrekken(verzoek: Bijstandsverzoek) -> None:
    """One part (KMar, procedure 3) withdrawn: a part event, then the request's event."""
    door = Gebruiker.objects.get(pk=verzoek.aangevraagd_door_id)
    verzoek_services.verzoek_intrekken(verzoek=verzoek, reden="Demonstratie afgelast.", door=door)


def eigen_hmac(geheim: str, headers: dict[str, str], body: bytes) -> str:
    """The signature as the receiver computes it, without the product's code."""
    bericht = f"{headers['Webhook-Id']}.{headers['Webhook-Timestamp']}.".encode() + body
    return "v1=" + hmac.new(geheim.encode(), bericht, hashlib.sha256).hexdigest()


def test_handtekening_met_vaste_waarden() -> None:
    body = b'{"id":"x"}'
    verwacht = hmac.new(b"whsec_test", b"e1.1772442000." + body, hashlib.sha256).hexdigest()
    assert verwacht == "f863843692e7748adf542db49a202a546c28e1f2f908c6d328cd44bbceec8693"
    waarde = handtekening(geheim="whsec_test", webhook_id="e1", tijdstempel=1772442000, body=body)
    assert waarde == f"v1={verwacht}"
    argumenten: dict[str, Any] = {
        "geheim": "whsec_test",
        "webhook_id": "e1",
        "body": body,
        "waarde": waarde,
    }
    # a receiver accepts 5 minutes of clock difference, not a second more
    assert handtekening_klopt(tijdstempel=1772442000, nu=1772442300, **argumenten)
    assert not handtekening_klopt(tijdstempel=1772442000, nu=1772442301, **argumenten)
    assert not handtekening_klopt(
        tijdstempel=1772442000, nu=1772442000, **{**argumenten, "body": b'{"id":"y"}'}
    )
    assert lichaam({"b": 1, "a": "é"}) == '{"a":"é","b":1}'.encode()


def test_de_ontvanger_krijgt_een_ondertekende_post(ontvanger: Ontvanger) -> None:
    abonnement, geheim = abonneren("RCCB-MN", ontvanger.url)
    assert geheim.startswith("whsec_") and len(geheim) == 6 + 43
    assert geheim not in abonnement.geheim_versleuteld
    verzoek = maak_verzoek()
    with time_machine.travel(T0, tick=False):
        intrekken(verzoek)
        assert services.leveringen_versturen() == services.Verzendresultaat(bezorgd=2)

    deel, geheel = ontvanger.ontvangen
    assert deel.pad == "/webhooks/pb?bron=test"
    for ontvangen in (deel, geheel):
        assert ontvangen.headers["Content-Type"] == "application/json"
        assert ontvangen.headers["Webhook-Timestamp"] == str(int(T0.timestamp())) == "1772442000"
        assert ontvangen.headers["Webhook-Signature"] == eigen_hmac(
            geheim, ontvangen.headers, ontvangen.body
        )
        assert json.loads(ontvangen.body)["id"] == ontvangen.headers["Webhook-Id"]
        # the example on the beheerder's page accepts it (its clock is time_machine's)
        naamruimte: dict[str, Any] = {}
        exec(CONTROLE_VOORBEELD, naamruimte)  # noqa: S102 (the page's own example, run as is)
        with time_machine.travel(T0 + timedelta(seconds=10)):
            assert naamruimte["echt"](geheim, ontvangen.headers, ontvangen.body) is True
            assert naamruimte["echt"]("whsec_ander", ontvangen.headers, ontvangen.body) is False
    assert json.loads(deel.body) == {
        "id": deel.headers["Webhook-Id"],
        "type": "deelverzoek.status-gewijzigd",
        "verzoek": str(verzoek.uuid),
        "kenmerk": verzoek.kenmerk,
        "deelverzoek": 1,
        "status": "ingetrokken",
        "oud": "in_behandeling",
        "tijdstip": "2026-03-02T09:00:00Z",
    }
    assert json.loads(geheel.body) == {
        "id": geheel.headers["Webhook-Id"],
        "type": "verzoek.status-gewijzigd",
        "verzoek": str(verzoek.uuid),
        "kenmerk": verzoek.kenmerk,
        "status": "ingetrokken",
        "oud": "in_behandeling",
        "tijdstip": "2026-03-02T09:00:00Z",
    }
    rijen = list(
        WebhookLevering.objects.order_by("id").values_list(
            "status", "pogingen", "laatste_http_status", "laatste_fout", "bezorgd_op"
        )
    )
    assert rijen == [(LeveringStatus.BEZORGD, 1, 204, "", T0)] * 2
    # nothing is sent twice
    assert services.leveringen_versturen(nu=T0 + timedelta(days=1)) == services.Verzendresultaat()
    assert len(ontvanger.ontvangen) == 2


def test_ontvanger_plat_dan_opnieuw_met_wachttijden_en_in_volgorde() -> None:
    ontvanger = Ontvanger()  # not started: the port refuses connections
    abonneren("RCCB-MN", ontvanger.url)
    verzoek = maak_verzoek()
    with time_machine.travel(T0, tick=False):
        intrekken(verzoek)
    eerste, tweede = WebhookLevering.objects.order_by("id")
    assert (eerste.soort, tweede.soort) == (
        "deelverzoek.status-gewijzigd",
        "verzoek.status-gewijzigd",
    )

    moment = T0
    for poging, wachttijd in enumerate(
        [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2)],
        start=1,
    ):
        with time_machine.travel(moment, tick=False):
            # the second event waits behind the first (order per request): one attempt only
            assert services.leveringen_versturen() == services.Verzendresultaat(opnieuw=1)
        eerste.refresh_from_db()
        tweede.refresh_from_db()
        assert (eerste.pogingen, eerste.volgende_poging_op) == (poging, moment + wachttijd)
        assert eerste.laatste_fout.startswith("ConnectionRefusedError")
        assert eerste.laatste_http_status is None
        assert (tweede.pogingen, tweede.status) == (0, LeveringStatus.WACHTEND)
        # not before its time
        with time_machine.travel(moment + wachttijd - timedelta(seconds=1), tick=False):
            assert services.leveringen_versturen() == services.Verzendresultaat()
        moment += wachttijd

    ontvanger.starten()  # the receiver is back
    try:
        with time_machine.travel(moment, tick=False):
            assert services.leveringen_versturen() == services.Verzendresultaat(bezorgd=2)
        assert [json.loads(o.body)["type"] for o in ontvanger.ontvangen] == [
            "deelverzoek.status-gewijzigd",
            "verzoek.status-gewijzigd",
        ]
        eerste.refresh_from_db()
        assert (eerste.status, eerste.pogingen, eerste.laatste_fout) == (
            LeveringStatus.BEZORGD,
            5,
            "",
        )
        # delivered once: later sweeps send nothing
        with time_machine.travel(moment + timedelta(days=1), tick=False):
            assert services.leveringen_versturen() == services.Verzendresultaat()
        assert len(ontvanger.ontvangen) == 2
    finally:
        ontvanger.stoppen()


def test_na_zes_pogingen_mislukt_en_dan_gaat_de_volgende(ontvanger: Ontvanger) -> None:
    ontvanger.status = 500
    abonneren("RCCB-MN", ontvanger.url)
    verzoek = maak_verzoek()
    with time_machine.travel(T0, tick=False):
        intrekken(verzoek)
    moment = T0
    for wachttijd in services.WACHTTIJDEN:
        assert services.leveringen_versturen(nu=moment) == services.Verzendresultaat(opnieuw=1)
        moment += wachttijd
    assert moment == T0 + timedelta(hours=14, minutes=36)
    eerste = WebhookLevering.objects.order_by("id").first()
    assert eerste is not None
    assert (eerste.pogingen, eerste.laatste_http_status, eerste.laatste_fout) == (
        5,
        500,
        "HTTP 500",
    )
    # the 6th attempt fails too: mislukt; then the request's next event is no longer held back
    assert services.leveringen_versturen(nu=moment) == services.Verzendresultaat(
        mislukt=1, opnieuw=1
    )
    eerste.refresh_from_db()
    assert (eerste.status, eerste.pogingen) == (LeveringStatus.MISLUKT, 6)
    assert len(ontvanger.ontvangen) == 7  # six of the first, then the second's first attempt


def test_een_doorverwijzing_wordt_niet_gevolgd(ontvanger: Ontvanger) -> None:
    ontvanger.status = 302
    abonneren("RCCB-MN", ontvanger.url)
    intrekken(maak_verzoek())
    assert services.leveringen_versturen() == services.Verzendresultaat(opnieuw=1)
    levering = WebhookLevering.objects.order_by("id").first()
    assert levering is not None
    assert (levering.laatste_http_status, levering.laatste_fout) == (
        302,
        "HTTP 302: doorverwijzingen worden niet gevolgd",
    )
    assert len(ontvanger.ontvangen) == 1


def test_alleen_organisaties_die_het_verzoek_zien_krijgen_het() -> None:
    verzoek = maak_verzoek()
    deelnemers = set(verzoek.deelnemende_organisatie_codes())
    assert {"RCCB-MN", "GM0344", "LOCC", "DOPS-KMAR"} <= deelnemers
    assert "RCCB-NN" not in deelnemers
    mn, _ = abonneren("RCCB-MN", "http://127.0.0.1:9/mn")
    locc, _ = abonneren("LOCC", "http://127.0.0.1:9/locc")
    abonneren("RCCB-NN", "http://127.0.0.1:9/nn")  # takes no part
    gestopt, _ = abonneren("GM0344", "http://127.0.0.1:9/gestopt")
    services.abonnement_deactiveren(door=gestopt.aangemaakt_door, abonnement=gestopt)
    abonneren("DOPS-KMAR", "http://127.0.0.1:9/inactief")
    Organisatie.objects.filter(code="DOPS-KMAR").update(actief=False)  # no access at all
    intrekken(verzoek)
    ontvangers = sorted(
        WebhookLevering.objects.values_list("abonnement__organisatie__code", "soort")
    )
    assert ontvangers == [
        ("LOCC", "deelverzoek.status-gewijzigd"),
        ("LOCC", "verzoek.status-gewijzigd"),
        ("RCCB-MN", "deelverzoek.status-gewijzigd"),
        ("RCCB-MN", "verzoek.status-gewijzigd"),
    ]
    # one event id per event, shared by the subscriptions
    assert WebhookLevering.objects.values("gebeurtenis_id").distinct().count() == 2
    assert {mn.pk, locc.pk} == set(WebhookLevering.objects.values_list("abonnement", flat=True))


def test_teruggedraaide_wijziging_geeft_geen_levering(
    django_capture_on_commit_callbacks: Any,
) -> None:
    abonneren("RCCB-MN", "http://127.0.0.1:9/mn")
    verzoek = maak_verzoek()
    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        intrekken(verzoek)
        assert WebhookLevering.objects.count() == 2
        raise RuntimeError("iets anders faalt in dezelfde transactie")
    assert WebhookLevering.objects.count() == 0
    assert callbacks == []


def test_na_de_commit_wordt_meteen_bezorgd(
    ontvanger: Ontvanger, django_capture_on_commit_callbacks: Any
) -> None:
    abonneren("RCCB-MN", ontvanger.url)
    verzoek = maak_verzoek()
    with django_capture_on_commit_callbacks(execute=True):
        intrekken(verzoek)
    # huey runs immediately in the tests: the wake-up sent both, in order
    assert [json.loads(o.body)["type"] for o in ontvanger.ontvangen] == [
        "deelverzoek.status-gewijzigd",
        "verzoek.status-gewijzigd",
    ]


def test_gestopt_abonnement_laat_wachtende_leveringen_vervallen(ontvanger: Ontvanger) -> None:
    abonnement, _ = abonneren("RCCB-MN", ontvanger.url)
    intrekken(maak_verzoek())
    services.abonnement_deactiveren(door=abonnement.aangemaakt_door, abonnement=abonnement)
    assert services.leveringen_versturen() == services.Verzendresultaat()
    assert set(WebhookLevering.objects.values_list("status", flat=True)) == {
        LeveringStatus.VERVALLEN
    }
    assert ontvanger.ontvangen == []


def test_het_geheim_staat_versleuteld_in_de_database() -> None:
    abonnement, geheim = abonneren("RCCB-MN", "http://127.0.0.1:9/mn")
    opgeslagen = WebhookAbonnement.objects.get(pk=abonnement.pk).geheim_versleuteld
    assert opgeslagen.startswith("gAAAAA")
    assert geheim_ontsleutelen(opgeslagen) == geheim
