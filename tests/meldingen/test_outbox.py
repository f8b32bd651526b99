"""The outbox (meldingen): written in the change's transaction, drained with leases and retries."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core import mail
from django.db import transaction

import pytest

from politiebijstand.meldingen.models import Bericht, BerichtStatus
from politiebijstand.meldingen.selectors import (
    Bezorging,
    Bezorgstatus,
    bezorgstatus_van_modellen,
    bezorgstatus_voor,
)
from politiebijstand.meldingen.services import (
    bericht_schrijven,
    berichten_versturen,
    wachttijd_na,
)
from tests.accounts.factories import maak_organisatie

# Its own organisations and addresses (`schrijf`), without the reference data.
pytestmark = pytest.mark.usefixtures("zonder_referentiedata")

NU = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def schrijf(*codes: str, sleutel: str | None = None, nu: datetime = NU) -> Bericht | None:
    ontvangers = [
        maak_organisatie(code, mailbox=f"{code.lower()}@example.nl" if code != "ZONDER" else "")
        for code in codes
    ]
    return bericht_schrijven(
        soort="taak-klaargezet",
        ontvangers=ontvangers,
        onderwerp="BV-2026-000001: nieuwe taak",
        inhoud="Er staat een taak klaar.",
        sleutel=sleutel,
        nu=nu,
    )


def test_bericht_wordt_verstuurd_naar_de_adressen_van_de_organisaties() -> None:
    bericht = schrijf("LOCC", "DJZ", "LOCC")
    assert bericht is not None
    assert sorted(o.code for o in bericht.ontvangers.all()) == ["DJZ", "LOCC"]
    resultaat = berichten_versturen(nu=NU)
    assert (resultaat.verzonden, resultaat.opnieuw, resultaat.mislukt) == (1, 0, 0)
    (email,) = mail.outbox
    assert (email.subject, email.to, email.body) == (
        "BV-2026-000001: nieuwe taak",
        ["djz@example.nl", "locc@example.nl"],
        "Er staat een taak klaar.",
    )
    assert email.extra_headers["X-Politiebijstand-Bericht"] == str(bericht.uuid)
    bericht.refresh_from_db()
    assert (bericht.status, bericht.pogingen, bericht.verzonden_op, bericht.lease_tot) == (
        BerichtStatus.VERZONDEN,
        1,
        NU,
        None,
    )
    assert bericht.adressen == ["djz@example.nl", "locc@example.nl"]
    assert berichten_versturen(nu=NU + timedelta(minutes=1)).verzonden == 0
    assert len(mail.outbox) == 1


def test_zonder_ontvangers_of_met_bestaande_sleutel_geen_bericht() -> None:
    assert bericht_schrijven(soort="x", ontvangers=[], onderwerp="o", inhoud="i", nu=NU) is None
    assert schrijf("LOCC", sleutel="herinnering:1") is not None
    assert schrijf("LOCC", sleutel="herinnering:1") is None
    assert Bericht.objects.count() == 1


def test_organisatie_zonder_adres() -> None:
    bericht = schrijf("ZONDER")
    assert bericht is not None
    assert berichten_versturen(nu=NU).geen_adres == 1
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.GEEN_ADRES
    assert mail.outbox == []


def test_bericht_is_deel_van_de_transactie() -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        schrijf("LOCC")
        raise RuntimeError("de wijziging mislukt")
    assert Bericht.objects.count() == 0


def test_verlopen_lease_van_een_gestorven_werker_wordt_opnieuw_verstuurd(settings: Any) -> None:
    settings.BERICHT_LEASE_SECONDEN = 300
    bericht = schrijf("LOCC")
    assert bericht is not None
    Bericht.objects.filter(pk=bericht.pk).update(lease_tot=NU + timedelta(minutes=5))
    assert berichten_versturen(nu=NU + timedelta(minutes=4)).verzonden == 0
    assert mail.outbox == []
    assert berichten_versturen(nu=NU + timedelta(minutes=5)).verzonden == 1
    assert len(mail.outbox) == 1


def test_mislukte_verzending_wordt_herhaald_met_toenemende_wachttijd(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.BERICHT_MAX_POGINGEN = 3
    bericht = schrijf("LOCC")
    assert bericht is not None

    def faalt(self: Any, fail_silently: bool = False) -> int:
        raise ConnectionRefusedError("smtp niet bereikbaar")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", faalt)
    assert berichten_versturen(nu=NU).opnieuw == 1
    bericht.refresh_from_db()
    assert (bericht.status, bericht.pogingen, bericht.volgende_poging_op) == (
        BerichtStatus.WACHTEND,
        1,
        NU + timedelta(minutes=1),
    )
    assert bericht.laatste_fout == "ConnectionRefusedError: smtp niet bereikbaar"
    assert berichten_versturen(nu=NU + timedelta(seconds=59)).opnieuw == 0
    assert berichten_versturen(nu=NU + timedelta(minutes=1)).opnieuw == 1
    bericht.refresh_from_db()
    assert (bericht.pogingen, bericht.volgende_poging_op) == (2, NU + timedelta(minutes=3))
    assert berichten_versturen(nu=NU + timedelta(minutes=3)).mislukt == 1
    bericht.refresh_from_db()
    assert (bericht.status, bericht.pogingen) == (BerichtStatus.MISLUKT, 3)
    monkeypatch.undo()
    assert berichten_versturen(nu=NU + timedelta(hours=1)).verzonden == 0


def test_na_commit_wordt_de_werker_gewekt(
    django_capture_on_commit_callbacks: Callable[..., Any],
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        bericht = schrijf("LOCC", nu=datetime.now(UTC))
    assert bericht is not None
    bericht.refresh_from_db()
    assert bericht.status == BerichtStatus.VERZONDEN
    assert [m.to for m in mail.outbox] == [["locc@example.nl"]]


def test_elke_poging_draagt_dezelfde_message_id(monkeypatch: pytest.MonkeyPatch) -> None:
    bericht = schrijf("LOCC")
    assert bericht is not None
    ids: list[str] = []
    echt = mail.EmailMessage.send

    def faalt_eerst(self: mail.EmailMessage, fail_silently: bool = False) -> int:
        ids.append(self.extra_headers["Message-ID"])
        if len(ids) == 1:
            raise TimeoutError("timed out")
        return echt(self, fail_silently)

    monkeypatch.setattr("django.core.mail.EmailMessage.send", faalt_eerst)
    assert berichten_versturen(nu=NU).opnieuw == 1
    assert berichten_versturen(nu=NU + timedelta(minutes=1)).verzonden == 1
    assert ids == [f"<{bericht.uuid}@politiebijstand>"] * 2
    (email,) = mail.outbox
    assert email.message()["Message-ID"] == f"<{bericht.uuid}@politiebijstand>"


def test_ontvanger_zonder_mailbox_wordt_vastgelegd_en_niet_overgeslagen() -> None:
    bericht = schrijf("LOCC", "ZONDER")
    assert bericht is not None
    wachtend = bezorgstatus_voor("", "")
    assert [(r.organisatie_code, r.status, r.adres) for r in wachtend] == [
        ("LOCC", Bezorging.WACHTEND, "locc@example.nl"),
        ("ZONDER", Bezorging.ZONDER_ADRES, ""),
    ]
    assert berichten_versturen(nu=NU).verzonden == 1
    bericht.refresh_from_db()
    assert (bericht.status, bericht.adressen, bericht.zonder_adres) == (
        BerichtStatus.VERZONDEN,
        ["locc@example.nl"],
        ["ZONDER"],
    )
    assert [m.to for m in mail.outbox] == [["locc@example.nl"]]
    assert [(r.organisatie_code, r.status_label) for r in bezorgstatus_voor("", "")] == [
        ("LOCC", "Verzonden"),
        ("ZONDER", "Niet bezorgd: geen mailbox bekend"),
    ]


def test_bezorgstatus_per_object_en_ontvanger() -> None:
    taak = maak_organisatie("TAAK-OBJ")  # any model instance will do as the subject
    bericht = bericht_schrijven(
        soort="taak-klaargezet",
        ontvangers=[maak_organisatie("LOCC", mailbox="locc@example.nl")],
        onderwerp="o",
        inhoud="i",
        obj=taak,
        nu=NU,
    )
    assert bericht is not None
    schrijf("DJZ")  # about no object: not listed
    (rij,) = bezorgstatus_voor("organisaties.organisatie", taak.pk)
    assert rij == Bezorgstatus(
        bericht_uuid=str(bericht.uuid),
        soort="taak-klaargezet",
        onderwerp="o",
        organisatie_code="LOCC",
        organisatie_naam="Organisatie LOCC",
        adres="locc@example.nl",
        status=Bezorging.WACHTEND,
        aangemaakt_op=NU,
        verzonden_op=None,
        pogingen=0,
        volgende_poging_op=NU,
    )
    assert bezorgstatus_van_modellen([taak]) == [rij]
    assert bezorgstatus_voor("organisaties.organisatie", taak.pk + 1) == []


@pytest.mark.parametrize(
    ("pogingen", "minuten"), [(1, 1), (2, 2), (3, 4), (8, 128), (9, 256), (10, 360), (30, 360)]
)
def test_wachttijd_verdubbelt_tot_zes_uur(pogingen: int, minuten: int) -> None:
    assert wachttijd_na(pogingen) == timedelta(minutes=minuten)


def test_een_bericht_wacht_achter_een_eerder_bericht_van_zijn_reeks() -> None:
    """Per reeks (request) in the order written: a later one waits for an earlier retry."""
    ontvanger = maak_organisatie("LOCC", mailbox="locc@example.nl")
    eerste, tweede, los = (
        bericht_schrijven(
            soort="taak-klaargezet",
            ontvangers=[ontvanger],
            onderwerp=onderwerp,
            inhoud="-",
            reeks=reeks,
            nu=NU,
        )
        for onderwerp, reeks in (("1", "r"), ("2", "r"), ("los", ""))
    )
    assert eerste is not None and tweede is not None and los is not None
    Bericht.objects.filter(pk=eerste.pk).update(volgende_poging_op=NU + timedelta(minutes=2))
    assert berichten_versturen(nu=NU).verzonden == 1
    assert [e.subject for e in mail.outbox] == ["los"]
    assert berichten_versturen(nu=NU + timedelta(minutes=2)).verzonden == 2
    assert [e.subject for e in mail.outbox] == ["los", "1", "2"]


def test_reeks_van_een_object_is_zijn_verzoek() -> None:
    from politiebijstand.meldingen.services import reeks_van

    organisatie = maak_organisatie("LOCC")
    assert reeks_van(None) == ""
    assert reeks_van(organisatie) == ""
