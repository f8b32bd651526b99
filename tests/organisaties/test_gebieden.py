"""Units, RCCBs, parketten, municipalities and regioburgemeesters; history of changes (#3)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from django.core.management import call_command
from django.test import Client

import pytest

from politiebijstand.audit.keten import keten_verifieren
from politiebijstand.organisaties.gebied_services import gebieden_laden
from politiebijstand.organisaties.gebieden import load_gebieden
from politiebijstand.organisaties.geschiedenis import organisatie_geschiedenis
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.organisaties.referentie import OngeldigeReferentie
from politiebijstand.rules.gemeenten import gemeente_zoeken
from tests.conftest import CASES_DIR

REGIONALE_EENHEDEN = {
    "EENHEID-NN": "GM0014",  # Groningen
    "EENHEID-ON": "GM0202",  # Arnhem
    "EENHEID-MN": "GM0344",  # Utrecht
    "EENHEID-NH": "GM0392",  # Haarlem
    "EENHEID-AM": "GM0363",  # Amsterdam
    "EENHEID-DH": "GM0518",  # Den Haag
    "EENHEID-RT": "GM0599",  # Rotterdam
    "EENHEID-ZWB": "GM0758",  # Breda
    "EENHEID-OB": "GM0772",  # Eindhoven
    "EENHEID-LB": "GM0935",  # Maastricht
}


def test_tien_regionale_eenheden_en_de_landelijke_eenheid_elk_met_rccb_en_parket() -> None:
    gebieden = load_gebieden()
    eenheden = [c for c in gebieden.organisaties if c.startswith("EENHEID-")]
    assert sorted(eenheden) == sorted([*REGIONALE_EENHEDEN, "EENHEID-LE"])
    for eenheid in eenheden:
        suffix = eenheid.removeprefix("EENHEID-")
        rccb = gebieden.organisaties[f"RCCB-{suffix}"]
        assert rccb.parent == eenheid
        assert rccb.soort == "politie"
        parket = "OM-LP" if suffix == "LE" else f"OM-{suffix}"
        assert gebieden.organisaties[parket].soort == "openbaar_ministerie"
        assert gebieden.eenheid_van[parket] == eenheid
    assert gebieden.organisaties["OM-LP"].naam == "Landelijk Parket"
    assert gebieden.regioburgemeester_van == REGIONALE_EENHEDEN


def test_alle_342_gemeenten_staan_erin_met_de_eenheid_van_hun_veiligheidsregio() -> None:
    gebieden = load_gebieden()
    namen = {info.afkorting for info in gebieden.organisaties.values() if info.soort == "gezag"}
    assert len(namen) == 342
    uit_casussen = {
        gemeente
        for bestand in sorted(CASES_DIR.glob("*.json"))
        for gemeente in json.loads(bestand.read_text())["situatie"].get("gemeenten", [])
    }
    assert uit_casussen  # the cases name municipalities, some by an alias ("Den Haag")
    gevonden = {gemeente_zoeken(g) for g in uit_casussen}
    assert None not in gevonden
    assert {g.naam for g in gevonden if g} <= namen
    utrecht = gebieden.organisaties["GM0344"]
    assert utrecht.naam == "Gemeente Utrecht (burgemeester)"
    assert gebieden.organisaties["GM0518"].afkorting == "'s-Gravenhage"
    assert gebieden.eenheid_van["GM0344"] == "EENHEID-MN"
    assert gebieden.eenheid_van["GM0352"] == "EENHEID-MN"  # Utrechtse Heuvelrug
    assert gebieden.eenheid_van["GM0034"] == "EENHEID-MN"  # Almere: VR25 Flevoland
    assert gebieden.eenheid_van["GM0629"] == "EENHEID-DH"  # Wassenaar: VR15 Haaglanden
    assert gebieden.eenheid_van["GM0687"] == "EENHEID-ZWB"  # Middelburg (Z.): VR19 Zeeland
    per_eenheid = Counter(
        gebieden.eenheid_van[c] for c, i in gebieden.organisaties.items() if i.soort == "gezag"
    )
    assert sorted(per_eenheid) == sorted(REGIONALE_EENHEDEN)


@pytest.mark.parametrize(
    ("vervang", "door", "melding"),
    [
        (
            "gebied: Oost-Brabant,",
            "gebied: Brabant,",
            "gebieden.yaml: organisatie GM0743, veld eenheden: geen regionale eenheid met "
            "gebied 'Oost-Brabant'",
        ),
        (
            "regioburgemeester: GM0344}",
            "regioburgemeester: GM0345}",
            "gebieden.yaml: organisatie EENHEID-MN, veld regioburgemeester: 'GM0345' wijkt af "
            "van de regels (rules.gemeenten.REGIOBURGEMEESTERS: 'GM0344')",
        ),
        (
            "regioburgemeester: GM0344}",
            "regioburgemeester: GM0014}",
            "gebieden.yaml: organisatie EENHEID-MN, veld regioburgemeester: gemeente 'GM0014' "
            "ligt niet in EENHEID-MN",
        ),
        (
            "rccb: RCCB-ON,",
            "rccb: RCCB-NN,",
            "gebieden.yaml: organisatie RCCB-NN, veld code: komt dubbel voor",
        ),
    ],
)
def test_ongeldig_bestand_noemt_het_veld(
    tmp_path: Path, vervang: str, door: str, melding: str
) -> None:
    tekst = load_gebieden.__globals__["DEFAULT_PATH"].read_text(encoding="utf-8")
    assert vervang in tekst
    bestand = tmp_path / "gebieden.yaml"
    bestand.write_text(tekst.replace(vervang, door, 1), encoding="utf-8")
    with pytest.raises(OngeldigeReferentie) as exc:
        load_gebieden(bestand)
    assert str(exc.value) == melding


@pytest.mark.usefixtures("zonder_referentiedata")
def test_laden_legt_eenheid_en_regioburgemeester_vast_en_is_herhaalbaar() -> None:
    eerste = gebieden_laden(gebieden=load_gebieden())
    assert len(eerste.nieuw) == 375
    mn = Organisatie.objects.get(code="EENHEID-MN")
    assert mn.regioburgemeester is not None and mn.regioburgemeester.code == "GM0344"
    assert Organisatie.objects.get(code="RCCB-MN").parent == mn
    assert Organisatie.objects.get(code="GM0310").eenheid == mn  # De Bilt
    assert Organisatie.objects.get(code="OM-MN").eenheid == mn
    assert Organisatie.objects.get(code="EENHEID-LE").regioburgemeester is None
    utrecht = Organisatie.objects.get(code="GM0344")
    utrecht.functionaris = "(naam burgemeester)"
    utrecht.actief = False
    utrecht.save()
    tweede = gebieden_laden(gebieden=load_gebieden())
    assert (len(tweede.nieuw), len(tweede.bijgewerkt), len(tweede.ongewijzigd)) == (0, 0, 375)
    utrecht.refresh_from_db()
    assert (utrecht.functionaris, utrecht.actief) == ("(naam burgemeester)", False)


@pytest.mark.usefixtures("zonder_referentiedata")
def test_command_gebieden_laden() -> None:
    from io import StringIO

    out = StringIO()
    call_command("gebieden_laden", stdout=out)
    assert out.getvalue() == "375 organisaties geladen (375 nieuw, 0 bijgewerkt, 0 ongewijzigd)\n"


@pytest.mark.usefixtures("zonder_referentiedata")
def test_elke_wijziging_van_een_organisatie_staat_in_de_geschiedenis(
    admin_client: Client,
) -> None:
    gebieden_laden(gebieden=load_gebieden())
    utrecht = Organisatie.objects.get(code="GM0344")
    # Created in bulk (issue #8): one row with the state and its relations.
    (aangemaakt,) = organisatie_geschiedenis(utrecht)
    assert aangemaakt.gebeurtenis == "organisatie-aangemaakt"
    assert aangemaakt.actor_id is None  # the loader: the system
    assert aangemaakt.voor is None and aangemaakt.na is not None
    assert (aangemaakt.na["code"], aangemaakt.na["eenheid"]) == ("GM0344", "EENHEID-MN")
    assert aangemaakt.na["afkorting"] == "Utrecht"
    mn = Organisatie.objects.get(code="EENHEID-MN")
    (eenheid_aangemaakt,) = organisatie_geschiedenis(mn)
    assert eenheid_aangemaakt.na is not None
    assert eenheid_aangemaakt.na["regioburgemeester"] == "GM0344"
    assert keten_verifieren().intact
    response = admin_client.get(f"/admin/organisaties/organisatie/{utrecht.pk}/change/")
    assert response.status_code == 200
    formulier = response.context["adminform"].form
    data = {
        veld: formulier.initial.get(veld)
        for veld in formulier.fields
        if formulier.initial.get(veld) is not None
    }
    data.update({"telefoon": "030 - 286 00 00", "functionaris": "De burgemeester", "actief": "on"})
    response = admin_client.post(f"/admin/organisaties/organisatie/{utrecht.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    gewijzigd, _ = organisatie_geschiedenis(utrecht)
    assert gewijzigd.gebeurtenis == "organisatie-gewijzigd"
    assert gewijzigd.actor_gebruikersnaam == "admin"
    assert gewijzigd.voor is not None and gewijzigd.na is not None
    verschil = {k for k in gewijzigd.na if gewijzigd.voor[k] != gewijzigd.na[k]}
    assert verschil == {"telefoon", "functionaris"}
    assert (gewijzigd.voor["telefoon"], gewijzigd.na["telefoon"]) == ("", "030 - 286 00 00")
    pagina = admin_client.get(f"/admin/organisaties/organisatie/{utrecht.pk}/change/")
    assert "telefoon: &#x27;&#x27; → &#x27;030 - 286 00 00&#x27;" in pagina.content.decode()
    assert keten_verifieren().intact
