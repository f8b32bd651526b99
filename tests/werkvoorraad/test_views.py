"""The work queue page: the own organisation's open tasks, order, filters, counts, pick-up."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.utils import timezone

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.verzoeken.constants import TaakStatus
from politiebijstand.verzoeken.models import Taak
from politiebijstand.verzoeken.selectors import taak_list_for_werkvoorraad
from tests.verzoeken.helpers import gebruiker, maak_verzoek, open_taken, situatie
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")

URL = "/werkvoorraad/"
#: The LOCC's open tasks of a procedure-4 request at DJZ's decision, DJZ's on its behalf included.
RIJEN_NAMENS = 1


def test_werkvoorraad_toont_de_open_taken_van_de_eigen_organisatie() -> None:
    verzoek = maak_verzoek()
    client, _ = als("RCCB-MN")
    response = client.get(URL)
    assert response.status_code == 200
    html = inhoud(response)
    assert (
        '<h1 class="utrecht-heading-1">'
        "Werkvoorraad Afdeling Conflict- en Crisisbeheersing, Midden-Nederland</h1>"
    ) in html
    (taak,) = open_taken(verzoek)
    assert taak.bpmn_id == "taak_vooroverleg_ccb_kmar"
    assert f'href="/verzoeken/taken/{taak.pk}/"' in html
    assert "Lokaal operationeel vooroverleg met CCB-KMar" in html
    assert verzoek.kenmerk in html
    assert '<span class="pb-telling">1</span> open' in html


def test_werkvoorraad_van_een_andere_organisatie_toont_de_taak_niet() -> None:
    verzoek = maak_verzoek()
    client, _ = als("LOCC")
    html = inhoud(client.get(URL))
    assert verzoek.kenmerk not in html
    assert "Er staan geen taken voor uw organisatie." in html
    assert '<span class="pb-telling">0</span> open' in html


def test_spoed_eerst_dan_te_laat_dan_op_termijn_en_de_tellingen() -> None:
    eerste, tweede, derde = maak_verzoek(), maak_verzoek(), maak_verzoek(situatie(spoed=True))
    nu = timezone.now()
    Taak.objects.filter(verzoek=eerste).update(due=nu + timedelta(hours=3))
    Taak.objects.filter(verzoek=tweede).update(due=nu - timedelta(hours=1))
    client, _ = als("RCCB-MN")
    (taak_derde,) = open_taken(derde)
    client.post(f"/werkvoorraad/taken/{taak_derde.pk}/oppakken/")
    html = inhoud(client.get(URL))
    # Urgent first (issue #8), then overdue, then by due time.
    rijen = [open_taken(v)[0].pk for v in (derde, tweede, eerste)]
    posities = [html.index(f'data-taak="{pk}"') for pk in rijen]
    assert posities == sorted(posities)
    assert '<span class="pb-telling">3</span> open' in html
    assert '<span class="pb-telling pb-status--nee">1</span> te laat' in html
    assert '<span class="pb-telling">1</span> spoed' in html
    assert '<span class="pb-telling">1</span> door mij opgepakt' in html
    assert html.count('<strong class="pb-status--nee">te laat</strong>') == 1


def test_filters_op_procedure_eenheid_spoed_en_status() -> None:
    gewoon = maak_verzoek()
    spoed = maak_verzoek(situatie(spoed=True))
    client, _ = als("RCCB-MN")
    assert spoed.kenmerk not in inhoud(client.get(URL, {"spoed": "nee"}))
    assert gewoon.kenmerk in inhoud(client.get(URL, {"spoed": "nee"}))
    assert gewoon.kenmerk not in inhoud(client.get(URL, {"spoed": "ja"}))
    assert gewoon.kenmerk in inhoud(client.get(URL, {"procedure": "3"}))
    assert "Er staan geen taken voor uw organisatie met deze filters." in inhoud(
        client.get(URL, {"procedure": "1"})
    )
    assert gewoon.kenmerk in inhoud(client.get(URL, {"eenheid": "EENHEID-MN"}))
    assert gewoon.kenmerk not in inhoud(client.get(URL, {"eenheid": "EENHEID-AM"}))
    assert gewoon.kenmerk not in inhoud(client.get(URL, {"status": "mij"}))
    fout = inhoud(client.get(URL, {"procedure": "99"}))
    assert "Procedure: Selecteer een geldige keuze. 99 is geen beschikbare keuze." in fout


def test_oppakken_en_teruggeven() -> None:
    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    client, wie = als("RCCB-MN")
    response = client.post(
        f"/werkvoorraad/taken/{taak.pk}/oppakken/", {"terug": "/werkvoorraad/?spoed=nee"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/werkvoorraad/?spoed=nee"
    taak.refresh_from_db()
    assert (taak.status, taak.opgepakt_door_id) == (TaakStatus.OPGEPAKT, wie.pk)
    html = inhoud(client.get(URL))
    assert "Opgepakt door u" in html
    assert f"U hebt de taak &#x27;{taak.naam}&#x27; ({verzoek.kenmerk}) opgepakt." in html

    collega, _ = als("RCCB-MN")
    collega.post(f"/werkvoorraad/taken/{taak.pk}/teruggeven/")
    assert f"Deze taak is opgepakt door {wie.username}. Er is niets gewijzigd." in inhoud(
        collega.get(URL)
    )
    taak.refresh_from_db()
    assert taak.status == TaakStatus.OPGEPAKT

    client.post(f"/werkvoorraad/taken/{taak.pk}/teruggeven/", {"terug": "https://elders.example/"})
    taak.refresh_from_db()
    assert (taak.status, taak.opgepakt_door_id) == (TaakStatus.OPEN, None)
    assert list(
        AuditLogEntry.objects.filter(gebeurtenis__startswith="taak-").values_list(
            "gebeurtenis", flat=True
        )
    ) == ["taak-opgepakt", "taak-teruggegeven"]


def test_taak_van_een_andere_organisatie_oppakken_geeft_404_en_verandert_niets() -> None:
    verzoek = maak_verzoek()
    (taak,) = open_taken(verzoek)
    client, _ = als("LOCC")
    assert client.post(f"/werkvoorraad/taken/{taak.pk}/oppakken/").status_code == 404
    assert client.get(f"/werkvoorraad/taken/{taak.pk}/oppakken/").status_code == 405
    taak.refresh_from_db()
    assert taak.status == TaakStatus.OPEN


def test_aantal_queries_hangt_niet_af_van_het_aantal_taken(
    django_assert_num_queries: object,
) -> None:
    door = gebruiker("RCCB-MN")
    for _ in range(12):
        maak_verzoek(door=door)
    client, _ = als("RCCB-MN")
    client.get(URL)  # session and user cached like every later request
    # Session, user, organisation, units of the filter, the counts, the page of tasks: the
    # unfiltered list takes its count from the header's counts (#13 item 4).
    with django_assert_num_queries(6):  # type: ignore[operator]
        response = client.get(URL)
    assert inhoud(response).count('data-taak="') == 12
    # Filtered, the paginator counts the filtered list itself: one query more.
    with django_assert_num_queries(7):  # type: ignore[operator]
        response = client.get(URL + "?spoed=nee")
    assert inhoud(response).count('data-taak="') == 12
    assert '<span class="pb-telling">12</span> open' in inhoud(response)


def test_ongefilterd_neemt_de_paginering_de_telling_van_de_kop_ook_met_namens_taken() -> None:
    # The unfiltered list takes its count from the header's counts (#13 item 4): both must
    # hold the same tasks, the LOCC's own and those it records on behalf of DJZ.
    from tests.verzoeken.test_namens import tot_besluit_djz

    _, djz = tot_besluit_djz()
    client, locc = als("LOCC")
    html = inhoud(client.get(URL))
    rijen = html.count('data-taak="')
    assert f'data-taak="{djz.pk}"' in html
    assert rijen == taak_list_for_werkvoorraad(gebruiker=locc).count() == RIJEN_NAMENS
    assert f'<span class="pb-telling">{RIJEN_NAMENS}</span> open' in html


def test_elke_soort_rij_komt_uit_dezelfde_zes_queries(
    django_assert_num_queries: object,
) -> None:
    # The list reads only the columns it shows (`LIJST_KOLOMMEN`, #13): a row that shows one
    # more (who picked it up, on whose behalf, an exercise, urgent) must not load it later.
    from politiebijstand.verzoeken.services import taak_oppakken, taak_teruggeven
    from tests.verzoeken.test_namens import tot_besluit_djz

    verzoek, djz = tot_besluit_djz()
    Taak.objects.filter(pk=djz.pk).update(spoed=True)
    type(verzoek).objects.filter(pk=verzoek.pk).update(oefening=True)
    client, _ = als("LOCC")
    client.get(URL)
    with django_assert_num_queries(6):  # type: ignore[operator]
        html = inhoud(client.get(URL))
    assert f'data-taak="{djz.pk}"' in html
    rij = html.split(f'data-taak="{djz.pk}"', 1)[1].split("</tr>", 1)[0]
    assert '<strong class="pb-spoed">spoed</strong>' in rij
    assert '<span class="pb-label pb-namens">namens Directie Juridische Zaken' in rij
    assert '<strong class="pb-oefening-tag">OEFENING</strong>' in rij
    assert f">{verzoek.kenmerk}</a>" in rij
    # Picked up, by a colleague (named) and by oneself, in an organisation's own queue.
    (taak,) = open_taken(maak_verzoek())
    rccb, ik = als("RCCB-MN")
    collega = gebruiker("RCCB-MN")
    collega.first_name, collega.last_name = "Sanne", "de Vries"
    collega.save()
    taak_oppakken(taak=taak, door=collega)
    rccb.get(URL)
    with django_assert_num_queries(6):  # type: ignore[operator]
        html = inhoud(rccb.get(URL))
    rij = html.split(f'data-taak="{taak.pk}"', 1)[1].split("</tr>", 1)[0]
    assert "Opgepakt door Sanne de Vries" in rij
    taak_teruggeven(taak=Taak.objects.get(pk=taak.pk), door=collega)
    taak_oppakken(taak=Taak.objects.get(pk=taak.pk), door=ik)
    with django_assert_num_queries(6):  # type: ignore[operator]
        html = inhoud(rccb.get(URL))
    rij = html.split(f'data-taak="{taak.pk}"', 1)[1].split("</tr>", 1)[0]
    assert "Opgepakt door u" in rij
    assert "Teruggeven" in rij


def test_een_rij_toont_termijn_procedure_status_en_actie_met_exacte_waarden() -> None:
    # Exact values of one row, so that a change to how the row is made (#13 item 4) shows.
    (taak,) = open_taken(maak_verzoek())
    Taak.objects.filter(pk=taak.pk).update(
        due=datetime(2020, 1, 15, 16, 30, tzinfo=UTC), is_besluit=True
    )
    medewerker, _ = als("RCCB-MN")
    rij = _rij(inhoud(medewerker.get(URL)), taak.pk)
    # Stored in UTC, shown in Europe/Amsterdam; overdue against the page's now.
    assert (
        '<time datetime="2020-01-15T17:30:00+01:00">15-01-2020 17:30</time>'
        ' <strong class="pb-status--nee">te laat</strong>'
    ) in rij
    assert '<abbr title="Procedure 3: bijstand door de KMar, openbare orde">3</abbr>' in rij
    assert '<td class="utrecht-table__cell">Open</td>' in rij
    # An open decision: only a besluitvormer picks it up.
    assert "<span>Voor een besluitvormer</span>" in rij
    assert "Oppakken" not in rij
    besluitvormer, wie = als("RCCB-MN", Rol.BESLUITVORMER)
    rij = _rij(inhoud(besluitvormer.get(URL)), taak.pk)
    assert f'<form method="post" action="/werkvoorraad/taken/{taak.pk}/oppakken/">' in rij
    assert "Voor een besluitvormer" not in rij
    besluitvormer.post(f"/werkvoorraad/taken/{taak.pk}/oppakken/")
    # Picked up by a colleague: named, and no action for the others.
    rij = _rij(inhoud(medewerker.get(URL)), taak.pk)
    assert f'<td class="utrecht-table__cell">Opgepakt door {wie.username}</td>' in rij
    assert "<form" not in rij and "Voor een besluitvormer" not in rij
    Taak.objects.filter(pk=taak.pk).update(due=None)
    rij = _rij(inhoud(besluitvormer.get(URL)), taak.pk)
    assert '<td class="utrecht-table__cell">geen</td>' in rij
    assert f'<form method="post" action="/werkvoorraad/taken/{taak.pk}/teruggeven/">' in rij


def _rij(html: str, taak_pk: int) -> str:
    """The HTML of the task's row in the list."""
    return html.split(f'data-taak="{taak_pk}"', 1)[1].split("</tr>", 1)[0]
