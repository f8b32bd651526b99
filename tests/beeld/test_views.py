"""The operational picture /beeld/: counts, rows, need-to-know, filters, htmx and print (#11)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.test import Client
from django.utils import timezone

import pytest

from politiebijstand.verzoeken.constants import DeelverzoekStatus, InzetSoort
from politiebijstand.verzoeken.models import (
    Bijstandsverzoek,
    Deelname,
    Deelverzoek,
    InzetVersie,
)
from tests.accounts.helpers import tweede_factor_instellen
from tests.verzoeken.helpers import gebruiker, maak_verzoek, maak_verzoek_amsterdam, situatie
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")

URL = "/beeld/"
#: A Monday far in the future of any test run (the picture leaves out what has ended by the
#: real now); requests start two days later, on Wednesday 14 January (UTC+1 then).
T = datetime(2099, 1, 12, 9, 0, tzinfo=UTC)


def _verzoeken() -> tuple[Bijstandsverzoek, Bijstandsverzoek, Bijstandsverzoek]:
    """MN procedure 3 (KMar), MN procedure 1 (politie), AM procedure 3 (KMar, 14 Jan)."""
    kmar = maak_verzoek(nu=T)
    politie = maak_verzoek(situatie(gevraagd=[{"leverancier": "politie"}]), nu=T)
    amsterdam = maak_verzoek_amsterdam(nu=T)
    return kmar, politie, amsterdam


def _inzet(deel: Deelverzoek, *, start: datetime, einden: list[datetime], op: datetime) -> None:
    """Deployment versions of `deel` (started, then extended to each end), written as
    `services.inzet` writes them: the part carries the latest version's period (ADR 0044)."""
    for versie, eind in enumerate(einden, start=1):
        InzetVersie.objects.create(
            deelverzoek=deel,
            versie=versie,
            soort=InzetSoort.GESTART if versie == 1 else InzetSoort.VERLENGD,
            periode_start=start,
            periode_eind=eind,
            capaciteit="2 pelotons",
            door=gebruiker("LE-POB"),
            op=op,
        )
    Deelverzoek.objects.filter(pk=deel.pk).update(periode_start=start, periode_eind=einden[-1])


def _rijen(html: str) -> list[str]:
    return [deel.split('"')[0] for deel in html.split('data-deel="')[1:]]


def _telling(html: str, status: str) -> int:
    start = html.index(f'<li data-status="{status}">')
    return int(html[start:].split('">', 2)[2].split("<", 1)[0])


def test_het_locc_ziet_alle_lopende_verzoeken_met_tellingen_en_rijen() -> None:
    kmar, politie, amsterdam = _verzoeken()
    # Without a Deelname the LOCC still sees the part, but gets no link to the request page.
    Deelname.objects.filter(verzoek=amsterdam, organisatie__code="LOCC").delete()
    client, _ = als("LOCC")
    response = client.get(URL)
    assert response.status_code == 200
    html = inhoud(response)
    assert _rijen(html) == [f"{kmar.kenmerk}/1", f"{politie.kenmerk}/1", f"{amsterdam.kenmerk}/1"]
    assert ": 3 verzoeken, 3 delen." in html
    assert _telling(html, "in_behandeling") == 3
    assert _telling(html, "toegekend") == 0
    assert f'href="/verzoeken/{kmar.uuid}/"' in html
    assert f'href="/verzoeken/{amsterdam.uuid}/"' not in html
    assert f'<span class="pb-kenmerk">{amsterdam.kenmerk}</span>/1' in html
    # Period in Dutch time (UTC+1 in January); provider, unit, procedure of the part.
    rij = html[html.index(f'data-deel="{kmar.kenmerk}/1"') :].split("</tr>")[0]
    assert '<td class="utrecht-table__cell">Versterking openbare orde Utrecht</td>' in rij
    assert '<abbr title="Procedure 3: bijstand door de KMar, openbare orde">3</abbr>' in rij
    assert '<td class="utrecht-table__cell">KMar</td>' in rij
    assert '<td class="utrecht-table__cell">Eenheid MN</td>' in rij
    assert '<td class="utrecht-table__cell">nee</td>' in rij
    assert ">14-01-2099 10:00</time> tot <time" in rij
    assert ">14-01-2099 18:00</time>" in rij
    # The schematic counts requests per unit.
    assert "<title>Politie, eenheid Midden-Nederland: 2 verzoeken</title>" in html
    assert "<title>Politie, eenheid Amsterdam: 1 verzoek</title>" in html
    assert "<title>Politie, eenheid Limburg: 0 verzoeken</title>" in html
    assert html.count('<rect class="pb-vak') == 11


def test_een_rccb_ziet_alleen_de_verzoeken_waaraan_het_deelneemt() -> None:
    kmar, politie, amsterdam = _verzoeken()
    client, _ = als("RCCB-AM")
    html = inhoud(client.get(URL))
    assert _rijen(html) == [f"{amsterdam.kenmerk}/1"]
    assert kmar.kenmerk not in html
    assert politie.kenmerk not in html
    assert ": 1 verzoek, 1 deel." in html
    assert "<title>Politie, eenheid Midden-Nederland: 0 verzoeken</title>" in html
    client, _ = als("RCCB-MN")
    assert _rijen(inhoud(client.get(URL))) == [f"{kmar.kenmerk}/1", f"{politie.kenmerk}/1"]


def test_de_uitkomst_van_het_besluit_per_deel_en_afgelopen_inzet_valt_weg() -> None:
    kmar, politie, amsterdam = _verzoeken()
    Deelverzoek.objects.filter(verzoek=kmar).update(status=DeelverzoekStatus.AFGEWEZEN)
    Deelverzoek.objects.filter(verzoek=politie).update(
        status=DeelverzoekStatus.IN_INZET, besluit="deels_toegekend"
    )
    deel = Deelverzoek.objects.get(verzoek=politie)
    # The deployment's latest version sets the period (here: a day longer).
    _inzet(
        deel,
        start=T + timedelta(days=2),
        einden=[T + timedelta(days=2, hours=8), T + timedelta(days=3, hours=8)],
        op=T,
    )
    Deelverzoek.objects.filter(verzoek=amsterdam).update(status=DeelverzoekStatus.INZET_BEEINDIGD)
    client, _ = als("LOCC")
    html = inhoud(client.get(URL))
    assert _rijen(html) == [f"{kmar.kenmerk}/1", f"{politie.kenmerk}/1"]
    assert (_telling(html, "afgewezen"), _telling(html, "in_inzet")) == (1, 1)
    assert _telling(html, "in_behandeling") == 0
    assert '<span class="pb-beeld-status pb-beeld-status--afgewezen">Afgewezen</span>' in html
    assert (
        '<span class="pb-beeld-status pb-beeld-status--in_inzet">Inzet loopt</span>'
        " (gedeeltelijk toegekend)"
    ) in html
    rij = html[html.index(f'data-deel="{politie.kenmerk}/1"') :].split("</tr>")[0]
    assert ">15-01-2099 18:00</time>" in rij


def test_filters_op_procedure_leverancier_eenheid_en_datum() -> None:
    kmar, politie, amsterdam = _verzoeken()
    client, _ = als("LOCC")

    def rijen(**query: str) -> list[str]:
        response = client.get(URL, query)
        assert response.status_code == 200
        return _rijen(inhoud(response))

    assert rijen(procedure="1") == [f"{politie.kenmerk}/1"]
    assert rijen(leverancier="kmar") == [f"{kmar.kenmerk}/1", f"{amsterdam.kenmerk}/1"]
    assert rijen(eenheid="EENHEID-AM") == [f"{amsterdam.kenmerk}/1"]
    assert rijen(eenheid="EENHEID-MN", leverancier="kmar") == [f"{kmar.kenmerk}/1"]
    # Amsterdam's request is on 15 January, Utrecht's on 14 January (Dutch dates).
    assert rijen(van="2099-01-15", tot="2099-01-15") == [f"{amsterdam.kenmerk}/1"]
    assert rijen(tot="2099-01-14") == [f"{kmar.kenmerk}/1", f"{politie.kenmerk}/1"]
    assert rijen(van="2099-01-16") == []
    html = inhoud(client.get(URL, {"procedure": "7"}))
    assert "Er zijn geen lopende of komende verzoeken met deze filters." in html
    # The refresh sends the form's empty fields: that is no filter.
    leeg = {"procedure": "", "leverancier": "", "eenheid": "", "van": "", "tot": ""}
    assert len(_rijen(inhoud(client.get(URL, leeg)))) == 3
    client2, _ = als("RCCB-LB")
    html = inhoud(client2.get(URL, leeg))
    assert "Er zijn geen lopende of komende verzoeken.</p>" in html


@pytest.mark.parametrize(
    ("query", "fout"),
    [
        (
            {"procedure": "99"},
            "Procedure: Selecteer een geldige keuze. 99 is geen beschikbare keuze.",
        ),
        (
            {"leverancier": "ufo"},
            "Leverancier: Selecteer een geldige keuze. ufo is geen beschikbare keuze.",
        ),
        (
            {"eenheid": "EENHEID-XX"},
            "Vragende eenheid: Selecteer een geldige keuze. EENHEID-XX is geen beschikbare keuze.",
        ),
        ({"van": "gisteren"}, "Datum van: Vul een datum in als jjjj-mm-dd."),
        (
            {"van": "2099-01-15", "tot": "2099-01-14"},
            "Datum tot en met: Deze datum ligt vóór &#x27;Datum van&#x27;.",
        ),
        (
            {"van": "2099-01-01", "tot": "2099-02-01"},
            "Datum tot en met: Kies een periode van hoogstens 31 dagen.",
        ),
    ],
)
def test_een_fout_filter_geeft_400_met_het_veld(query: dict[str, str], fout: str) -> None:
    _verzoeken()
    client, _ = als("LOCC")
    response = client.get(URL, query)
    assert response.status_code == 400
    html = inhoud(response)
    assert f'<p class="utrecht-paragraph">{fout}</p>' in html
    assert _rijen(html) == []
    assert "pb-tellingen" not in html


def test_htmx_ververst_alleen_het_beeld() -> None:
    kmar, _politie, _amsterdam = _verzoeken()
    client, _ = als("LOCC")
    headers = {"HX-Request": "true", "HX-Target": "beeld-inhoud"}
    response = client.get(URL, {"leverancier": "kmar"}, headers=headers)
    assert response.status_code == 200
    html = inhoud(response)
    assert html.startswith('<div id="beeld-inhoud">')
    assert "<html" not in html
    assert "<form" not in html
    assert f'data-deel="{kmar.kenmerk}/1"' in html
    # The print line is refreshed with the part: it names the filters in force.
    assert "(Nederlandse tijd) van http://testserver/beeld/?leverancier=kmar</p>" in html
    # A bad filter from htmx is shown in the part (htmx swaps only a success).
    response = client.get(URL, {"van": "x"}, headers=headers)
    assert response.status_code == 200
    assert "Datum van: Vul een datum in als jjjj-mm-dd." in inhoud(response)


def test_de_pagina_ververst_elke_30_seconden_en_heeft_een_afdrukknop() -> None:
    client, _ = als("LOCC")
    html = inhoud(client.get(URL))
    assert (
        '<div id="beeld-inhoud" hx-get="/beeld/" hx-include="#beeld-filters" '
        'hx-trigger="every 30s" hx-target="this" hx-select="#beeld-inhoud > *" '
        'hx-swap="innerHTML">'
    ) in html
    assert (
        '<button type="button" class="utrecht-button utrecht-button--secondary-action" '
        "data-print hidden>Afdrukken</button>"
    ) in html
    assert '<link rel="stylesheet" href="/static/beeld/beeld.css">' in html
    assert 'href="/beeld/" aria-current="page">Operationeel beeld</a>' in html
    assert "<script>" not in html


def test_het_printblad_is_a4_liggend() -> None:
    css = (
        Path(__file__).parents[2] / "src/politiebijstand/beeld/static/beeld/beeld.css"
    ).read_text()
    assert "@page {\n  size: A4 landscape;" in css
    assert "@media print {" in css


def test_niet_ingelogd_gaat_naar_inloggen() -> None:
    response = Client().get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_zonder_organisatie_is_het_beeld_leeg() -> None:
    _verzoeken()
    wie = gebruiker("LOCC")
    wie.organisatie = None
    wie.save()
    tweede_factor_instellen(wie)
    client = Client()
    client.force_login(wie)
    response = client.get(URL, {"eenheid": "EENHEID-MN"})
    assert response.status_code == 200
    html = inhoud(response)
    assert _rijen(html) == []
    assert ": 0 verzoeken, 0 delen." in html


def test_een_verlengde_inzet_blijft_op_het_beeld_na_de_gevraagde_periode() -> None:
    nu = timezone.now()
    verzoek = maak_verzoek(nu=nu - timedelta(days=10))  # asked for 8 days ago, 8 hours
    Deelverzoek.objects.filter(verzoek=verzoek).update(
        status=DeelverzoekStatus.IN_INZET, besluit="toegekend"
    )
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    _inzet(
        deel,
        start=nu - timedelta(days=8),
        einden=[nu - timedelta(days=7), nu + timedelta(days=1)],
        op=nu,
    )
    ander = maak_verzoek(nu=nu - timedelta(days=10))  # ended, not deployed: not shown
    client, _ = als("LOCC")
    html = inhoud(client.get(URL))
    assert _rijen(html) == [f"{verzoek.kenmerk}/1"]
    assert ander.kenmerk not in html
    assert _telling(html, "in_inzet") == 1
    assert f'data-balk="{verzoek.kenmerk}/1"' in html


def test_ook_met_veel_verzoeken_via_de_index_van_de_periode() -> None:
    # One range of the part's period index (ADR 0044) gives the same picture with an extended
    # deployment and requests in a filtered window.
    test_een_verlengde_inzet_blijft_op_het_beeld_na_de_gevraagde_periode()
    kmar, politie, amsterdam = _verzoeken()
    client, _ = als("LOCC")
    html = inhoud(client.get(URL, {"van": "2099-01-14", "tot": "2099-01-15"}))
    assert _rijen(html) == [f"{kmar.kenmerk}/1", f"{politie.kenmerk}/1", f"{amsterdam.kenmerk}/1"]
    assert 'id="beeld-tijdlijn-kop">Inzet van 14-01-2099 tot en met 15-01-2099</h2>' in html


def test_de_filters_staan_boven_het_beeld_en_een_voorbije_einddatum_wordt_genoemd() -> None:
    # #11 trial: the printed picture names its filters; "tot" before today is said, not
    # drawn as a window from today to today.
    client, _ = als("LOCC")
    vandaag = timezone.now().astimezone(ZoneInfo("Europe/Amsterdam")).date()
    html = inhoud(client.get(URL, {"procedure": "3", "leverancier": "kmar", "tot": "2026-12-01"}))
    assert (
        '<p class="utrecht-paragraph pb-beeld-filters-tekst"><strong>Filters:</strong> '
        "Procedure 3 · Leverancier: KMar · tot en met 01-12-2026</p>"
    ) in html
    assert f'id="beeld-tijdlijn-kop">Inzet op {vandaag:%d-%m-%Y}</h2>' in html
    assert (
        "De gekozen datum tot en met 01-12-2026 ligt vóór vandaag; het beeld toont alleen "
        "delen die nog lopen en vóór die datum begonnen."
    ) in html
    html = inhoud(client.get(URL, {"van": "2099-01-14", "tot": "2099-01-15"}))
    assert "<strong>Filters:</strong> van 14-01-2099 tot en met 15-01-2099</p>" in html
    assert "ligt vóór vandaag" not in html
    html = inhoud(client.get(URL))
    assert "<strong>Filters:</strong> geen (alle procedures, leveranciers en eenheden)" in html
