"""``GET /api/v1/verzoeken/{uuid}/taken`` and ``GET /api/v1/taken/{id}`` (issue #12 item 1).

The steps of a request as its page shows them (need-to-know and audit as the page), and one
step with the fields that ``POST /api/v1/taken/{id}`` expects (scope as the step page).
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.verzoeken.models import Bijstandsverzoek, Taak
from politiebijstand.web.paginering import Paginering
from tests.api.bronnen import bekeken, json_met_etag, niet_gevonden, ongeldig
from tests.verzoeken.helpers import (
    NU,
    doorlopen,
    maak_verzoek,
    open_taken,
    situatie,
    stap_uitvoeren,
)
from tests.verzoeken.test_namens import tot_besluit_djz
from tests.verzoeken.test_procedures import KRIJGSMACHT, P4_ANTWOORDEN
from tests.verzoeken_ui.helpers import als

pytestmark = pytest.mark.usefixtures("referentiedata")

RCCB_MN = {"code": "RCCB-MN", "naam": "Afdeling Conflict- en Crisisbeheersing, Midden-Nederland"}
LOCC = {"code": "LOCC", "naam": "Landelijk Operationeel Coördinatiecentrum"}
VOOROVERLEG = (
    "Tussen RCCB van de vragende eenheid en CCB-KMar of andere betrokken KMar eenheid kan lokaal "
    "operationeel vooroverleg plaatsvinden om te onderzoeken of er potentiële bijstand "
    "beschikbaar is. Er kunnen geen toezeggingen gedaan worden."
)


def _stap(taak: Taak, **anders: Any) -> dict[str, Any]:
    """The first step of `maak_verzoek()` (procedure 3), open, as the list shows it."""
    return {
        "id": taak.pk,
        "naam": "Lokaal operationeel vooroverleg met CCB-KMar",
        "bpmn_id": "taak_vooroverleg_ccb_kmar",
        "procedure_id": "3",
        "deelverzoek": 1,
        "organisatie": RCCB_MN,
        "status": "open",
        "is_besluit": False,
        "optioneel": True,
        "overgeslagen": False,
        "due": None,
        "aangemaakt_op": "2026-03-02T10:00:00+01:00",
        "opgepakt_door": None,
        "afgerond_op": None,
        "afgerond_door": None,
        "gegevens": None,
        **anders,
    }


def _veld(
    naam: str, soort: str, typ: str, verplicht: bool, omschrijving: str, **anders: Any
) -> dict[str, Any]:
    """One field of `velden`, to send inside `gegevens` unless `plaats` says otherwise."""
    return {
        "naam": naam,
        "plaats": "gegevens",
        "soort": soort,
        "type": typ,
        "verplicht": verplicht,
        "keuzes": None,
        "omschrijving": omschrijving,
        **anders,
    }


def _taken(client: Client, verzoek: Bijstandsverzoek, **query: str) -> Any:
    return client.get(f"/api/v1/verzoeken/{verzoek.uuid}/taken", query)


def test_de_stappen_van_een_nieuw_verzoek_exact_met_etag_en_auditregel() -> None:
    verzoek = maak_verzoek()
    eerste = open_taken(verzoek)[0]
    client, wie = als("RCCB-MN")
    body = json_met_etag(_taken(client, verzoek))
    assert body == {"aantal": 1, "volgende": None, "vorige": None, "resultaten": [_stap(eerste)]}
    # Logged like the request page, saying through which resource.
    assert bekeken() == [
        (wie.username, str(verzoek.pk), {"kenmerk": verzoek.kenmerk, "via": "api/taken"})
    ]


def test_stappen_van_het_verzoek_van_een_andere_eenheid_geven_404_zonder_auditregel() -> None:
    verzoek = maak_verzoek()
    client, _ = als("RCCB-AM")
    niet_gevonden(_taken(client, verzoek))
    niet_gevonden(client.get("/api/v1/verzoeken/00000000-0000-4000-8000-000000000000/taken"))
    assert bekeken() == []


def test_afgeronde_stappen_met_wat_ze_vastlegden_filter_op_status_en_paginering() -> None:
    verzoek = maak_verzoek()
    eerste = open_taken(verzoek)[0]
    stap_uitvoeren(eerste, {"verslag": "Overleg gevoerd."}, NU)
    client, _ = als("RCCB-MN")
    afgerond = json_met_etag(_taken(client, verzoek, status="afgerond"))
    uitvoerder = Taak.objects.get(pk=eerste.pk).afgerond_door
    assert uitvoerder is not None
    assert afgerond["resultaten"] == [
        _stap(
            eerste,
            status="afgerond",
            afgerond_op="2026-03-02T10:00:00+01:00",
            opgepakt_door=uitvoerder.username,  # completing picks the step up first
            afgerond_door=uitvoerder.username,
            gegevens={"verslag": "Overleg gevoerd."},
        )
    ]
    open_ = json_met_etag(_taken(client, verzoek, status="open"))
    assert [t["bpmn_id"] for t in open_["resultaten"]] == ["taak_vooroverleg_locc"]
    alle = json_met_etag(_taken(client, verzoek, **{Paginering.page_size_query_param: "1"}))
    assert alle["aantal"] == 2
    assert [t["bpmn_id"] for t in alle["resultaten"]] == ["taak_vooroverleg_ccb_kmar"]
    assert alle["volgende"] is not None
    ongeldig(
        _taken(client, verzoek, status="klaar"),
        "status",
        "'klaar' is geen geldige waarde; kies uit: open, opgepakt, afgerond, vervallen.",
    )


def test_alle_stappen_na_de_hele_procedure_oudste_eerst() -> None:
    verzoek = maak_verzoek()
    doorlopen(verzoek)
    client, _ = als("LOCC")
    body = json_met_etag(_taken(client, verzoek, **{Paginering.page_size_query_param: "100"}))
    assert [(t["bpmn_id"], t["organisatie"]["code"], t["status"]) for t in body["resultaten"]] == [
        ("taak_vooroverleg_ccb_kmar", "RCCB-MN", "afgerond"),
        ("taak_vooroverleg_locc", "RCCB-MN", "afgerond"),
        ("taak_aanvraagformulier_opstellen", "RCCB-MN", "afgerond"),
        ("taak_aanvraagformulier_ondertekenen", "GM0344", "afgerond"),
        ("taak_aanvraagformulier_verzenden", "RCCB-MN", "afgerond"),
        ("taak_aanvraag_verwerken", "LOCC", "afgerond"),
        ("taak_aanvraag_toetsen", "LOCC", "afgerond"),
        ("taak_korpschef_informeren", "LOCC", "afgerond"),
        ("taak_vooroverleg_dops_kmar", "LOCC", "afgerond"),
        ("taak_verzoek_defensie", "LOCC", "afgerond"),
        ("taak_advies_djz", "DJZ", "afgerond"),
        ("taak_advies_c_kmar", "C-KMAR", "afgerond"),
        ("taak_standpunt_defensie", "DJZ", "afgerond"),
        ("taak_besluit_locc", "LOCC", "afgerond"),
        ("taak_rccb_informeren", "LOCC", "afgerond"),
    ]


def test_een_stap_met_de_velden_om_hem_af_te_ronden() -> None:
    verzoek = maak_verzoek()
    eerste = open_taken(verzoek)[0]
    client, _ = als("RCCB-MN")
    body = json_met_etag(client.get(f"/api/v1/taken/{eerste.pk}"))
    assert body == {
        **_stap(eerste),
        "verzoek": {
            "uuid": str(verzoek.uuid),
            "kenmerk": verzoek.kenmerk,
            "titel": "Versterking openbare orde Utrecht",
        },
        "eenheid": {"code": "EENHEID-MN", "naam": "Politie, eenheid Midden-Nederland"},
        "spoed": False,
        "opgepakt_op": None,
        "documentatie": VOOROVERLEG,
        "namens": None,
        "velden": [
            _veld("verslag", "tekst", "string", False, "Wat is gedaan of afgesproken (optioneel)."),
            _veld(
                "overgeslagen",
                "ja_nee",
                "boolean",
                False,
                "true om deze optionele stap over te slaan (met een reden).",
            ),
            _veld(
                "reden",
                "tekst",
                "string",
                False,
                "De reden om over te slaan; verplicht met overgeslagen.",
            ),
        ],
    }
    # The step page's scope: another organisation's step is not found, nor an unknown one.
    anders, _ = als("LOCC")
    niet_gevonden(anders.get(f"/api/v1/taken/{eerste.pk}"))
    niet_gevonden(client.get("/api/v1/taken/999999"))


def test_een_afgeronde_stap_heeft_geen_velden_meer() -> None:
    verzoek = maak_verzoek()
    eerste = open_taken(verzoek)[0]
    stap_uitvoeren(eerste, {"verslag": "Overleg gevoerd."}, NU)
    client, _ = als("RCCB-MN")
    body = json_met_etag(client.get(f"/api/v1/taken/{eerste.pk}"))
    assert (body["status"], body["gegevens"], body["velden"]) == (
        "afgerond",
        {"verslag": "Overleg gevoerd."},
        [],
    )


def test_velden_van_het_besluit_van_de_coordinator() -> None:
    verzoek = maak_verzoek()
    while not any(t.bpmn_id == "taak_besluit_locc" for t in open_taken(verzoek)):
        for taak in open_taken(verzoek):
            stap_uitvoeren(taak, None, NU)
    besluit = next(t for t in open_taken(verzoek) if t.bpmn_id == "taak_besluit_locc")
    client, _ = als("LOCC", Rol.BESLUITVORMER)
    body = json_met_etag(client.get(f"/api/v1/taken/{besluit.pk}"))
    assert (body["is_besluit"], body["organisatie"], body["namens"]) == (True, LOCC, None)
    assert body["velden"] == [
        _veld(
            "uitkomst",
            "keuze",
            "string",
            True,
            "Het besluit.",
            plaats="body",
            keuzes=["toegekend", "deels_toegekend", "afgewezen"],
        ),
        _veld(
            "motivering",
            "tekst",
            "string",
            False,
            "De redenen; verplicht bij een afwijzing of gedeeltelijke toekenning (Awb 3:46).",
            plaats="body",
        ),
        _veld(
            "voorwaarden",
            "tekst",
            "string",
            False,
            "Voorwaarden bij een (gedeeltelijke) toekenning; leeg bij afwijzing.",
            plaats="body",
        ),
        # Procedure 3: the coordinator decides in agreement with the Minister of Defence.
        _veld(
            "standpunt_defensie",
            "tekst",
            "string",
            True,
            "Wat DJZ namens de Minister van Defensie heeft laten weten.",
            plaats="body",
        ),
        _veld(
            "overeenstemming_defensie",
            "ja_nee",
            "boolean",
            True,
            "In overeenstemming met de Minister van Defensie (Pw 2012 art. 57 lid 3, art. 58 "
            "lid 2); zonder overeenstemming alleen afwijzen.",
            plaats="body",
        ),
    ]


def test_stap_namens_djz_vraagt_het_ontvangen_pdf() -> None:
    _, taak = tot_besluit_djz()
    client, _ = als("LOCC", Rol.BESLUITVORMER)
    body = json_met_etag(client.get(f"/api/v1/taken/{taak.pk}"))
    assert (body["bpmn_id"], body["organisatie"]["code"], body["namens"]) == (
        "taak_besluit_defensie",
        "DJZ",
        "DJZ",
    )
    assert [v["naam"] for v in body["velden"]] == [
        "uitkomst",
        "motivering",
        "voorwaarden",
        "bestand",
    ]
    assert body["velden"][-1] == _veld(
        "bestand",
        "bestand",
        "file",
        True,
        "Het ontvangen antwoord van DJZ (PDF, ten hoogste 10 MiB), als multipart/form-data.",
        plaats="body",
    )


def test_velden_van_een_stap_met_een_ja_nee_veld() -> None:
    verzoek = maak_verzoek(situatie(gevraagd=KRIJGSMACHT))  # procedure 4
    for _ in range(40):
        taken = open_taken(verzoek)
        stap = next((t for t in taken if t.bpmn_id == "taak_toestemming_geven"), None)
        if stap is not None:
            break
        stap_uitvoeren(taken[0], P4_ANTWOORDEN.get(taken[0].bpmn_id), NU)
    assert stap is not None
    assert (stap.organisatie.code, stap.optioneel) == ("LE-POB", False)
    client, _ = als("LE-POB", Rol.BESLUITVORMER)
    body = json_met_etag(client.get(f"/api/v1/taken/{stap.pk}"))
    assert body["velden"] == [
        _veld("toestemming", "ja_nee", "boolean", True, "Ja (true) of nee (false)."),
        _veld("verslag", "tekst", "string", False, "Wat is gedaan of afgesproken (optioneel)."),
    ]


def test_de_stappenlijst_kost_evenveel_queries_bij_meer_stappen() -> None:
    verzoek = maak_verzoek()
    client, _ = als("LOCC")

    def queries() -> int:
        with CaptureQueriesContext(connection) as vastgelegd:
            assert _taken(client, verzoek).status_code == 200
        return len(vastgelegd)

    stap_uitvoeren(open_taken(verzoek)[0], None, NU)
    queries()  # the session's first request does more
    voor = queries()
    for taak in open_taken(verzoek):
        stap_uitvoeren(taak, None, NU)
    assert Taak.objects.filter(verzoek=verzoek).count() > 2
    assert queries() == voor
