"""The request list and the request page: content, scope (404), audit of every view, queries."""

from __future__ import annotations

import re
import uuid

from django.db import connection
from django.db.models import Q

import pytest

from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.meldingen.models import Bericht
from politiebijstand.meldingen.selectors import bezorgstatus_van_modellen
from politiebijstand.verzoeken.models import Deelverzoek, StatusWijziging
from tests.conftest import REPO
from tests.verzoeken.helpers import NU, doorlopen, maak_verzoek, open_taken, situatie
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")


def test_verzoekenlijst_toont_alleen_verzoeken_waaraan_de_organisatie_deelneemt() -> None:
    mn = maak_verzoek()
    rccb, _ = als("RCCB-MN")
    html = inhoud(rccb.get("/verzoeken/"))
    assert (
        f'<a class="utrecht-link pb-kenmerk" href="/verzoeken/{mn.uuid}/">{mn.kenmerk}</a>' in html
    )
    assert "Versterking openbare orde Utrecht" in html
    ander, _ = als("RCCB-AM")
    html = inhoud(ander.get("/verzoeken/"))
    assert mn.kenmerk not in html
    assert "Er zijn geen bijstandsverzoeken waaraan uw organisatie deelneemt." in html
    assert mn.kenmerk in inhoud(rccb.get("/verzoeken/", {"zoek": "Jaarbeurs"}))
    assert mn.kenmerk not in inhoud(rccb.get("/verzoeken/", {"zoek": "Maastricht"}))


def test_verzoekpagina_toont_samenvatting_stap_tijdlijn_en_contacten() -> None:
    verzoek = maak_verzoek()
    client, wie = als("RCCB-MN")
    response = client.get(f"/verzoeken/{verzoek.uuid}/")
    assert response.status_code == 200
    html = inhoud(response)
    assert f"{verzoek.kenmerk}: Versterking openbare orde Utrecht</h1>" in html
    assert "<dt>Bevoegd gezag</dt><dd>Burgemeester: Gemeente Utrecht (burgemeester)</dd>" in html
    # 2 March 2026 09:00 UTC + 2 days is 4 March 10:00 in Amsterdam (CET, UTC+1).
    assert "04-03-2026 10:00</time> tot <time" in html
    assert "04-03-2026 18:00</time> (Nederlandse tijd)" in html
    assert "Deel 1: Procedure 3: bijstand door de KMar, openbare orde</h2>" in html
    (taak,) = open_taken(verzoek)
    assert (
        f'<a class="utrecht-link" href="/verzoeken/taken/{taak.pk}/">'
        "Lokaal operationeel vooroverleg met CCB-KMar</a>: Afdeling Conflict- en "
        "Crisisbeheersing, Midden-Nederland</li>" in html
    )
    # The model of the version the part runs on (ADR 0051).
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    assert f'data-bpmn-url="/verzoeken/procedures/3.bpmn?versie={deel.model_versie}"' in html
    assert 'data-huidig="taak_vooroverleg_ccb_kmar"' in html
    assert 'data-afgerond=""' in html
    assert '<li class="utrecht-unordered-list__item">4 ME-peloton</li>' in html
    assert (
        "<strong>De Koninklijke Marechaussee (KMar)</strong>: Procedure 3: Bijstand door de "
        "Koninklijke Marechaussee, voor handhaving van de openbare orde. Besluit door: "
        "Landelijk Operationeel Coördinatiecentrum (LOCC).</li>"
    ) in html
    assert "(kmar)" not in html
    assert "besluit door LOCC" not in html
    assert '<h2 class="utrecht-heading-2" id="contacten">' in html
    assert "<strong>Status deelverzoek: - → In behandeling</strong>" in html
    assert '<script src="/static/verzoeken/diagram.js"></script>' in html
    assert "<script>" not in html
    bekeken = AuditLogEntry.objects.filter(gebeurtenis="verzoek-bekeken")
    assert list(bekeken.values_list("actor_id", flat=True)) == [wie.pk]


def test_verzoekpagina_markeert_afgeronde_stappen_en_toont_ze_in_de_tijdlijn() -> None:
    verzoek = maak_verzoek()
    skip = {"overgeslagen": True, "reden": "CCB-KMar niet bereikbaar"}
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    doorlopen(
        verzoek,
        {"taak_vooroverleg_ccb_kmar": skip, "taak_besluit_locc": {"uitkomst": "toegekend"}},
        deelverzoek_id=deel.pk,
    )
    client, _ = als("LOCC")
    html = inhoud(client.get(f"/verzoeken/{verzoek.uuid}/"))
    assert 'data-huidig=""' in html
    assert 'data-afgerond="taak_vooroverleg_ccb_kmar taak_vooroverleg_locc ' in html
    assert "<dt>Reden</dt><dd>CCB-KMar niet bereikbaar</dd>" in html
    assert (
        "<strong>Toegekend</strong>, namens de Minister van Justitie en Veiligheid, na overleg "
        "met de Minister van Defensie (of) en in overeenstemming met de Minister van Defensie "
        "(op welke wijze) (Landelijk Operationeel Coördinatiecentrum" in html
    )
    assert "Inzet gestart" in html  # the LOCC decided, so it may record the deployment


def _tijdlijn_titels(html: str) -> list[str]:
    return re.findall(r"<strong>(.*?)</strong>", html.split('id="tijdlijn"', 1)[1])


def test_tijdlijn_toont_de_nederlandse_namen_van_de_statussen() -> None:
    verzoek = maak_verzoek()
    doorlopen(verzoek, {"taak_besluit_locc": {"uitkomst": "toegekend"}})
    client, _ = als("RCCB-MN")
    titels = _tijdlijn_titels(inhoud(client.get(f"/verzoeken/{verzoek.uuid}/")))
    assert [t for t in titels if t.startswith("Status ")] == [
        "Status deelverzoek: - → In behandeling",
        "Status deelverzoek: In behandeling → Toegekend",
        "Status verzoek: In behandeling → Besloten",
    ]
    assert not [t for t in titels if "_" in t]  # no stored code such as "in_behandeling"


def test_tijdlijn_toont_een_onbekende_oude_status_zoals_opgeslagen() -> None:
    verzoek = maak_verzoek()
    StatusWijziging.objects.create(
        verzoek=verzoek, handeling="migratie", van="in_behandeling", naar="oud_code", op=NU
    )
    client, _ = als("RCCB-MN")
    titels = _tijdlijn_titels(inhoud(client.get(f"/verzoeken/{verzoek.uuid}/")))
    assert "Status verzoek: In behandeling → oud_code" in titels


def test_verzoek_buiten_de_eigen_scope_geeft_404_en_geen_auditregel() -> None:
    verzoek = maak_verzoek()
    client, _ = als("RCCB-AM")
    buiten = client.get(f"/verzoeken/{verzoek.uuid}/")
    onbekend = client.get(f"/verzoeken/{uuid.uuid4()}/")
    assert (buiten.status_code, onbekend.status_code) == (404, 404)
    # The same Dutch page for both, so existence does not leak.
    assert '<h1 class="utrecht-heading-1">Niet gevonden</h1>' in inhoud(buiten)
    zonder_token = [re.sub(r'value="\w{64}"', "", inhoud(r)) for r in (buiten, onbekend)]
    assert zonder_token[0] == zonder_token[1]  # only the log-out form's CSRF token differs
    assert verzoek.kenmerk not in inhoud(buiten)
    assert client.post(f"/verzoeken/{verzoek.uuid}/intrekken/", {"reden": "x"}).status_code == 404
    assert client.get(f"/verzoeken/{verzoek.uuid}/delen/1/inzet/starten/").status_code == 404
    assert not AuditLogEntry.objects.filter(gebeurtenis="verzoek-bekeken").exists()


def test_aantal_queries_van_de_verzoekpagina_is_begrensd(
    django_assert_max_num_queries: object,
) -> None:
    klein = maak_verzoek()
    groot = maak_verzoek(situatie(gevraagd=[{"leverancier": "kmar"}, {"leverancier": "politie"}]))
    doorlopen(
        groot,
        {
            "taak_besluit_locc": {"uitkomst": "toegekend"},
            "taak_besluit_korpschef": {"uitkomst": "toegekend"},
        },
    )
    client, _ = als("RCCB-MN")
    client.get(f"/verzoeken/{klein.uuid}/")
    for verzoek in (klein, groot):
        # 23 for the small request, 24 for the large (SQLite): session, user, the request
        # (read once, #13 item 4), the audit row, the page's data, the documents, the
        # delivery of the messages (issue #10; the steps and decisions come from the page's
        # data), the LOCC's 24/7 number when the next actor has none, the capacity block
        # (ADR 0038: the claims, and their conflicts when there are claims). PostgreSQL adds
        # the audit trail's advisory lock.
        grens = 25 if connection.vendor == "postgresql" else 24
        with django_assert_max_num_queries(grens):  # type: ignore[operator]
            response = client.get(f"/verzoeken/{verzoek.uuid}/")
        assert response.status_code == 200


def test_bezorging_op_de_verzoekpagina_noemt_de_berichten_over_verzoek_stappen_en_besluiten() -> (
    None
):
    verzoek = maak_verzoek(situatie(gevraagd=[{"leverancier": "kmar"}, {"leverancier": "politie"}]))
    doorlopen(
        verzoek,
        {
            "taak_besluit_locc": {"uitkomst": "toegekend"},
            "taak_besluit_korpschef": {"uitkomst": "toegekend"},
        },
    )
    taken = list(verzoek.taken.all())
    besluiten = list(verzoek.besluiten.all())
    over = {
        (b.object_type, b.object_id)
        for b in Bericht.objects.filter(
            object_id__in=[str(o.pk) for o in [verzoek, *taken, *besluiten]]
        )
    }
    # Messages about each kind of object, so the page must read all three.
    assert {t for t, _ in over} >= {"verzoeken.taak", "verzoeken.besluit"}
    client, _ = als("RCCB-MN")
    response = client.get(f"/verzoeken/{verzoek.uuid}/")
    assert response.status_code == 200
    rijen = response.context["rijen"]
    assert rijen == bezorgstatus_van_modellen([verzoek, *taken, *besluiten])
    assert {r.bericht_uuid for r in rijen} == {
        str(b.uuid)
        for b in Bericht.objects.filter(
            Q(object_type="verzoeken.bijstandsverzoek", object_id=str(verzoek.pk))
            | Q(object_type="verzoeken.taak", object_id__in=[str(t.pk) for t in taken])
            | Q(object_type="verzoeken.besluit", object_id__in=[str(b.pk) for b in besluiten])
        )
    }


def test_procedure_bpmn_geeft_het_bestand_en_404_voor_een_onbekende() -> None:
    client, _ = als("LOCC")
    response = client.get("/verzoeken/procedures/3.bpmn")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    bestand = REPO / "src/politiebijstand/procedures/bpmn/procedure_3.bpmn"
    assert response.content == bestand.read_bytes()
    assert b'<bpmn:process id="procedure_3"' in response.content
    assert b"<bpmndi:BPMNDiagram " in response.content  # the layout bpmn-js draws
    assert client.get("/verzoeken/procedures/10.bpmn").status_code == 404
