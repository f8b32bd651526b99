"""GET /verzoeken/export.csv: the visible requests as CSV, scoped and audited (issue #3)."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from politiebijstand.audit.keten import keten_verifieren
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.verzoeken.models import Bijstandsverzoek
from politiebijstand.verzoeken.ui.export import veilige_cel
from tests.accounts.factories import maak_gebruiker
from tests.accounts.helpers import tweede_factor_instellen
from tests.verzoeken.helpers import NU, maak_verzoek, maak_verzoek_amsterdam
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")

KOP = (
    "Kenmerk;Titel;Status;Gezag;Taak;Eenheid;Bevoegd gezag;Spoed;Periode start;Periode eind;"
    "Locatie;Aangemaakt op;Adres"
)


def rij_mn(verzoek: Bijstandsverzoek) -> str:
    return (
        f"{verzoek.kenmerk};Versterking openbare orde Utrecht;In behandeling;Burgemeester;"
        "openbare_orde;Politie, eenheid Midden-Nederland;Gemeente Utrecht (burgemeester);nee;"
        "2026-03-04T10:00+01:00;2026-03-04T18:00+01:00;Jaarbeursplein, Utrecht;"
        f"2026-03-02T10:00+01:00;http://testserver/verzoeken/{verzoek.uuid}/"
    )


def rij_am(verzoek: Bijstandsverzoek) -> str:
    return (
        f"{verzoek.kenmerk};Voetbalwedstrijd Amsterdam;In behandeling;Burgemeester;"
        "openbare_orde;Politie, eenheid Amsterdam;Gemeente Amsterdam (burgemeester);nee;"
        "2026-03-05T11:00+01:00;2026-03-05T17:00+01:00;Johan Cruijff ArenA, Amsterdam;"
        f"2026-03-02T11:00+01:00;http://testserver/verzoeken/{verzoek.uuid}/"
    )


def regels(response: Any) -> list[str]:
    tekst = str(response.content.decode("utf-8"))
    assert tekst.startswith("\ufeff")
    assert tekst.endswith("\r\n")
    return tekst.removeprefix("\ufeff").split("\r\n")[:-1]


def test_export_bevat_exact_de_verzoeken_van_de_eigen_organisatie_en_wordt_vastgelegd() -> None:
    mn = maak_verzoek()
    am = maak_verzoek_amsterdam(nu=NU.replace(hour=10))
    client, wie = als("RCCB-MN")
    response = client.get("/verzoeken/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    # The view's no-store, completed by web.cache.NietBewarenMiddleware (ADR 0029).
    assert response["Cache-Control"] == "no-store, max-age=0, no-cache, must-revalidate, private"
    assert response["Content-Disposition"].startswith('attachment; filename="bijstandsverzoeken-')
    assert regels(response) == [KOP, rij_mn(mn)]  # not Amsterdam's request
    (regel,) = AuditLogEntry.objects.filter(gebeurtenis="verzoeken-geexporteerd")
    assert (regel.actor_id, regel.actor_organisatie_code, regel.object_type) == (
        wie.pk,
        "RCCB-MN",
        "verzoeken.bijstandsverzoek",
    )
    assert regel.na == {
        "filters": {"status": None, "spoed": None, "zoek": None},
        "aantal": 1,
        "kenmerken": [mn.kenmerk],
    }
    rccb_am, _ = als("RCCB-AM")
    assert regels(rccb_am.get("/verzoeken/export.csv")) == [KOP, rij_am(am)]
    locc, _ = als("LOCC")  # takes part in both (procedure 3): newest first
    assert regels(locc.get("/verzoeken/export.csv")) == [KOP, rij_am(am), rij_mn(mn)]
    assert AuditLogEntry.objects.filter(gebeurtenis="verzoeken-geexporteerd").count() == 3
    assert keten_verifieren().intact


def test_export_volgt_de_filters_van_de_lijst_en_legt_ze_vast() -> None:
    mn = maak_verzoek()
    maak_verzoek_amsterdam()
    locc, _ = als("LOCC")
    response = locc.get("/verzoeken/export.csv", {"zoek": "jaarbeurs", "spoed": "nee"})
    assert regels(response) == [KOP, rij_mn(mn)]
    assert regels(locc.get("/verzoeken/export.csv", {"status": "besloten"})) == [KOP]
    filters = [
        (r.na or {})["filters"]
        for r in AuditLogEntry.objects.filter(gebeurtenis="verzoeken-geexporteerd").order_by(
            "volgnummer"
        )
    ]
    assert filters == [
        {"status": None, "spoed": False, "zoek": "jaarbeurs"},
        {"status": "besloten", "spoed": None, "zoek": None},
    ]


def test_ongeldig_filter_geeft_400_en_geen_export() -> None:
    maak_verzoek()
    client, _ = als("RCCB-MN")
    response = client.get("/verzoeken/export.csv", {"status": "klaar"})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert inhoud(response).startswith("Ongeldig filter: status: ")
    assert not AuditLogEntry.objects.filter(gebeurtenis="verzoeken-geexporteerd").exists()


def test_zonder_organisatie_is_de_export_leeg() -> None:
    technisch = maak_gebruiker(organisatie=None, username="technisch", is_staff=True)
    tweede_factor_instellen(technisch)
    maak_verzoek()
    client = Client()
    client.force_login(technisch)
    assert regels(client.get("/verzoeken/export.csv")) == [KOP]
    (regel,) = AuditLogEntry.objects.filter(gebeurtenis="verzoeken-geexporteerd")
    assert regel.na is not None
    assert regel.na["aantal"] == 0


def test_een_formule_in_een_titel_wordt_als_tekst_geexporteerd() -> None:
    verzoek = maak_verzoek()
    Bijstandsverzoek.objects.filter(pk=verzoek.pk).update(
        titel='=HYPERLINK("http://x.example","klik")', locatie="@SUM(1;2)"
    )
    client, _ = als("RCCB-MN")
    (_, rij) = regels(client.get("/verzoeken/export.csv"))
    assert f'{verzoek.kenmerk};"\'=HYPERLINK(""http://x.example"",""klik"")";' in rij
    assert ';"\'@SUM(1;2)";' in rij
    assert [veilige_cel(t) for t in ("-1", "+1", "\tx", "a=1", "")] == [
        "'-1",
        "'+1",
        "'\tx",
        "a=1",
        "",
    ]


def test_aantal_queries_van_de_export_hangt_niet_af_van_het_aantal_verzoeken() -> None:
    maak_verzoek()
    client, _ = als("RCCB-MN")
    client.get("/verzoeken/")  # the first request caches the second factor in the session

    def tel() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/verzoeken/export.csv").status_code == 200
        return len(queries)

    een = tel()
    for _ in range(3):
        maak_verzoek()
    assert tel() == een


def test_de_lijst_biedt_de_export_met_de_filters_aan() -> None:
    client, _ = als("RCCB-MN")
    html = inhoud(client.get("/verzoeken/", {"zoek": "Jaarbeurs", "spoed": "ja"}))
    assert 'href="/verzoeken/export.csv?zoek=Jaarbeurs&amp;spoed=ja"' in html
