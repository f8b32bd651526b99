"""The report page, its charts and tables, the CSV and XLSX exports and their audit (#11 item 4)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from openpyxl import load_workbook

from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.verzoeken.models import Besluit, Bijstandsverzoek
from politiebijstand.web.grafiek import staafdiagram
from tests.verzoeken.helpers import doorlopen, maak_verzoek, maak_verzoek_amsterdam
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")

URL = "/rapportages/"


@pytest.fixture
def twee() -> tuple[Bijstandsverzoek, Bijstandsverzoek]:
    """A granted request of Midden-Nederland (decided after 30 hours) and one of Amsterdam."""
    mn = maak_verzoek()
    doorlopen(mn)
    begin = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    Bijstandsverzoek.objects.filter(pk=mn.pk).update(aangemaakt_op=begin)
    Besluit.objects.filter(verzoek=mn).update(genomen_op=begin + timedelta(hours=30, minutes=30))
    am = maak_verzoek_amsterdam()
    Bijstandsverzoek.objects.filter(pk=am.pk).update(
        aangemaakt_op=datetime(2026, 4, 1, 9, 0, tzinfo=UTC)
    )
    return mn, am


def test_pagina_toont_grafieken_met_tabel_en_standaard_het_huidige_jaar(
    twee: tuple[Bijstandsverzoek, Bijstandsverzoek],
) -> None:
    # 31 December 2026 23:30 UTC is already 2027 in Amsterdam.
    with time_machine.travel(datetime(2026, 12, 31, 22, 30, tzinfo=UTC), tick=False):
        client, _ = als("LOCC")
        html = inhoud(client.get(URL))
    assert '<h1 class="utrecht-heading-1">Rapportages 2026</h1>' in html
    assert "Landelijke cijfers: alle bijstandsverzoeken." in html
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="pb-grafiek"') == 9
    assert html.count('<table class="utrecht-table pb-tabel" data-tabel=') == 9
    assert "<title>maart: 1</title>" in html
    assert "<title>april: 1</title>" in html
    assert '<th class="utrecht-table__header-cell" scope="row">maart</th>' in html
    assert (
        '<th class="utrecht-table__header-cell" scope="row">Alle</th>'
        '<td class="utrecht-table__cell pb-getal">1</td>'
        '<td class="utrecht-table__cell pb-getal">30,5</td>'
        '<td class="utrecht-table__cell pb-getal">30,5</td>'
    ) in html
    assert 'href="/rapportages/export.csv?jaar=2026"' in html
    assert 'aria-current="page">Rapportages</a>' in html
    with time_machine.travel(datetime(2026, 12, 31, 23, 30, tzinfo=UTC), tick=False):
        client, _ = als("LOCC")
        assert '<h1 class="utrecht-heading-1">Rapportages 2027</h1>' in inhoud(client.get(URL))


def test_eigen_organisatie_ziet_alleen_eigen_verzoeken(
    twee: tuple[Bijstandsverzoek, Bijstandsverzoek],
) -> None:
    client, _ = als("RCCB-AM")
    html = inhoud(client.get(URL, {"jaar": "2026"}))
    assert "Cijfers van de bijstandsverzoeken waaraan uw organisatie deelneemt." in html
    assert "<title>april: 1</title>" in html
    assert "<title>maart: 0</title>" in html


def test_ongeldig_filter_noemt_het_veld() -> None:
    client, _ = als("LOCC")
    response = client.get(URL, {"jaar": "twintig", "eenheid": "EENHEID-XX"})
    assert response.status_code == 400
    html = inhoud(response)
    assert "Jaar: Vul een jaar in als getal, bijvoorbeeld 2026." in html
    assert "Vragende eenheid: Kies een waarde uit de lijst." in html
    assert "<svg" not in html
    export = client.get("/rapportages/export.csv", {"jaar": "1999"})
    assert export.status_code == 400
    assert export.content.decode() == "Ongeldig filter: Jaar: Kies een jaar vanaf 2000."
    assert not AuditLogEntry.objects.filter(gebeurtenis="rapportage-geexporteerd").exists()


def test_niet_ingelogd_gaat_naar_inloggen() -> None:
    from django.test import Client

    response = Client().get(URL)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_csv_export_met_cijfers_en_audit(twee: tuple[Bijstandsverzoek, Bijstandsverzoek]) -> None:
    client, wie = als("LOCC")
    response = client.get("/rapportages/export.csv", {"jaar": "2026", "eenheid": "EENHEID-MN"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="rapportage-2026-')
    tekst = response.content.decode("utf-8")
    assert tekst.startswith("\ufeff")
    rijen = list(csv.reader(io.StringIO(tekst[1:]), delimiter=";"))
    assert rijen[0] == ["Verzoeken per maand in 2026"]
    assert rijen[1] == ["Maand", "Verzoeken"]
    assert rijen[2:14] == [
        [m, "1" if m == "maart" else "0"]
        for m in (
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        )
    ]
    start = rijen.index(["Doorlooptijd van verzoek tot besluit (uren)"])
    assert rijen[start + 1 : start + 5] == [
        ["Groep", "Deelverzoeken met besluit", "Mediaan (uren)", "90e percentiel (uren)"],
        ["Alle", "1", "30,50", "30,50"],
        ["Spoed", "0", "", ""],
        ["Normaal", "1", "30,50", "30,50"],
    ]
    (regel,) = AuditLogEntry.objects.filter(gebeurtenis="rapportage-geexporteerd")
    assert regel.actor_id == wie.pk
    assert regel.na == {
        "formaat": "csv",
        "filters": {"jaar": 2026, "eenheid": "EENHEID-MN", "procedure": None},
        "landelijk": True,
    }


def test_xlsx_export_een_blad_per_tabel_getallen_als_getallen(
    twee: tuple[Bijstandsverzoek, Bijstandsverzoek],
) -> None:
    client, _ = als("LOCC")
    response = client.get("/rapportages/export.xlsx", {"jaar": "2026"})
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith('.xlsx"')
    boek = load_workbook(io.BytesIO(response.content))
    assert boek.sheetnames == [
        "per-maand",
        "per-procedure",
        "per-leverancier",
        "per-eenheid",
        "besluiten",
        "doorlooptijd-besluit",
        "doorlooptijd-stap",
        "spoed",
        "formalisatie",
    ]
    maanden = list(boek["per-maand"].iter_rows(values_only=True))
    assert maanden[0] == ("Maand", "Verzoeken")
    assert maanden[3] == ("maart", 1)
    assert maanden[4] == ("april", 1)
    assert list(boek["doorlooptijd-besluit"].iter_rows(values_only=True)) == [
        ("Groep", "Deelverzoeken met besluit", "Mediaan (uren)", "90e percentiel (uren)"),
        ("Alle", 1, 30.5, 30.5),
        ("Spoed", 0, None, None),
        ("Normaal", 1, 30.5, 30.5),
    ]
    assert list(boek["besluiten"].iter_rows(values_only=True)) == [
        ("Besluit", "Deelverzoeken"),
        ("Toegekend", 1),
        ("Gedeeltelijk toegekend", 0),
        ("Afgewezen", 0),
        ("Nog geen besluit", 1),
    ]
    (regel,) = AuditLogEntry.objects.filter(gebeurtenis="rapportage-geexporteerd")
    assert regel.na == {
        "formaat": "xlsx",
        "filters": {"jaar": 2026, "eenheid": None, "procedure": None},
        "landelijk": True,
    }


def test_staafdiagram_titels_assen_en_escapen() -> None:
    svg = str(
        staafdiagram(
            titel="Test <grafiek>",
            labels=["a & b", "c"],
            waarden=[10, None],
            as_naam="Uren",
            sleutel="t",
        )
    )
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="pb-grafiek" role="img"')
    assert '<title id="grafiek-t-titel">Test &lt;grafiek&gt;</title>' in svg
    assert "<title>a &amp; b: 10</title>" in svg
    assert "<title>c: geen</title>" in svg
    # Ticks 0, 5, 10, 15, 20 (step 5 for a maximum of 10) and the axis name.
    assert all(
        t in svg for t in (">0</text>", ">5</text>", ">10</text>", ">15</text>", ">20</text>")
    )
    assert ">Uren</text>" in svg
    with pytest.raises(ValueError, match="verschillen in aantal"):
        staafdiagram(titel="x", labels=["a"], waarden=[], as_naam="x", sleutel="x")
    with pytest.raises(ValueError, match="negatief"):
        staafdiagram(titel="x", labels=["a"], waarden=[-1], as_naam="x", sleutel="x")


def test_pagina_uit_de_cache_tot_een_wijziging(
    twee: tuple[Bijstandsverzoek, Bijstandsverzoek],
    django_assert_max_num_queries: Any,
) -> None:
    client, _ = als("LOCC")
    html = inhoud(client.get(URL, {"jaar": "2026"}))
    assert "<title>Toegekend: 1</title>" in html
    # Unchanged: the figures come from the cache (session, user, the year's version, cache).
    with django_assert_max_num_queries(8):
        assert "<title>Toegekend: 1</title>" in inhoud(client.get(URL, {"jaar": "2026"}))
    # A decision through the services (audited) is counted at once.
    mn, am = twee
    Bijstandsverzoek.objects.filter(pk=am.pk).update(aangemaakt_op=mn.aangemaakt_op)
    doorlopen(am)
    assert "<title>Toegekend: 2</title>" in inhoud(client.get(URL, {"jaar": "2026"}))


def test_een_ander_jaar_of_een_raadpleging_laat_de_cijfers_in_de_cache(
    twee: tuple[Bijstandsverzoek, Bijstandsverzoek],
    django_assert_max_num_queries: Any,
) -> None:
    """The key is the year's own version (ADR 0045): only its requests and parts move it."""
    mn, am = twee
    client, _ = als("LOCC")
    assert "<title>Toegekend: 1</title>" in inhoud(client.get(URL, {"jaar": "2026"}))
    # Another year's request made and decided, and a request page viewed (both audited).
    ander = maak_verzoek()
    Bijstandsverzoek.objects.filter(pk=ander.pk).update(
        aangemaakt_op=datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
    )
    doorlopen(ander)
    assert client.get(f"/verzoeken/{mn.uuid}/").status_code == 200
    with django_assert_max_num_queries(9):  # session, user, two for the year's version, cache
        assert "<title>Toegekend: 1</title>" in inhoud(client.get(URL, {"jaar": "2026"}))
    # 2025 has its own figures, read once.
    assert "<title>Toegekend: 1</title>" in inhoud(client.get(URL, {"jaar": "2025"}))
    # A decision on a 2026 request moves 2026's version: counted at once.
    Bijstandsverzoek.objects.filter(pk=am.pk).update(aangemaakt_op=mn.aangemaakt_op)
    doorlopen(am)
    assert "<title>Toegekend: 2</title>" in inhoud(client.get(URL, {"jaar": "2026"}))
