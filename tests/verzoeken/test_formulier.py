"""The request form: field sets per route, drafts, signing with a fresh second factor (#10)."""

from __future__ import annotations

import re
import time
from datetime import timedelta
from typing import Any

from django.urls import reverse

import pytest
from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY

from politiebijstand.accounts.constants import Rol
from politiebijstand.verzoeken.constants import TaakStatus
from politiebijstand.verzoeken.demo import formulier_voorbeeld
from politiebijstand.verzoeken.exceptions import GeenToegang, OngeldigeInvoer
from politiebijstand.verzoeken.models import (
    FormulierConcept,
    FormulierVersie,
    Mandaat,
    OndertekendFormulierGewijzigd,
    Taak,
)
from politiebijstand.verzoeken.services import formulier, taak_afronden
from tests.verzoeken.helpers import NU, doorlopen, gebruiker, maak_verzoek, stap_uitvoeren
from tests.verzoeken_ui.helpers import als

pytestmark = pytest.mark.django_db

_BASIS = {
    "aanvrager": "verplicht",
    "ondertekenaar": "verplicht",
    "eenheid": "verplicht",
    "grondslag": "verplicht",
    "taak": "verplicht",
    "aanleiding": "verplicht",
    "gewenst_effect": "verplicht",
    "taken": "verplicht",
    "politiebevoegdheden": "verplicht",
    "geweld": "verplicht",
    "periode_start": "verplicht",
    "periode_eind": "verplicht",
    "meldtijd": "verplicht",
    "locatie": "verplicht",
    "meldplaats": "verplicht",
    "regels": "vraag ten minste één regel capaciteit of specialisme",
    "commando": "verplicht",
    "logistiek": "verplicht",
    "contact_24_7": "verplicht",
}
_ZIENSWIJZE = {"zienswijze": "geef datum en inhoud, of waarom een zienswijze niet nodig is"}
_KOSTEN = {"kosten": "verplicht"}
_SUBSIDIARITEIT = {"subsidiariteit": "verplicht"}


@pytest.mark.parametrize(
    ("procedure_id", "fouten"),
    [
        ("1", _BASIS | _ZIENSWIJZE),
        ("2_waterwerper", _BASIS),
        ("2_container_vrt", _BASIS),
        ("3", _BASIS | _KOSTEN),
        ("4", _BASIS | _KOSTEN | _SUBSIDIARITEIT),
        ("5", _BASIS),
        ("6", _BASIS | _ZIENSWIJZE),
        ("7", _BASIS | _KOSTEN),
        ("8", _BASIS | _KOSTEN | _SUBSIDIARITEIT),
    ],
)
def test_elke_route_vraagt_precies_haar_velden(procedure_id: str, fouten: dict[str, str]) -> None:
    schoon, gevonden = formulier.formulier_valideren(procedure_id, {})
    assert (schoon, gevonden) == ({}, fouten)


def test_beroep_heeft_geen_formulier() -> None:
    with pytest.raises(OngeldigeInvoer) as fout:
        formulier.formulier_valideren("9", {})
    assert fout.value.code == "geen-formulier"


def test_alle_fouten_tegelijk_met_veld_en_regel() -> None:
    gegevens = {
        "politiebevoegdheden": "misschien",
        "periode_start": "2026-03-04T10:00",
        "periode_eind": "2026-03-04T09:00",
        "meldtijd": "gisteren",
        "regels": [
            {"omschrijving": "ME-peloton", "aantal": "4"},
            {"omschrijving": "", "aantal": "2"},
            {"omschrijving": "Hondengeleider", "aantal": "501"},
            {"omschrijving": "Arrestatieteam", "aantal": "0"},
        ],
    }
    _, fouten = formulier.formulier_valideren("5", gegevens)
    verwacht = {k: v for k, v in _BASIS.items() if k not in gegevens}
    assert fouten == verwacht | {
        "politiebevoegdheden": "kies ja of nee",
        "periode_eind": "moet na het begin liggen",
        "meldtijd": "geen geldige datum en tijd",
        "regel 2: omschrijving": "verplicht",
        "regel 3: aantal": "een heel getal van 1 tot en met 500",
        "regel 4: aantal": "een heel getal van 1 tot en met 500",
    }


def test_ten_hoogste_vijftig_regels() -> None:
    regels = [{"omschrijving": "x", "aantal": "1"}] * 51
    _, fouten = formulier.formulier_valideren("5", {"regels": regels})
    assert fouten["regels"] == "ten hoogste 50 regels"


def test_momenten_in_nederlandse_tijd_opgeslagen_in_utc() -> None:
    schoon, _ = formulier.formulier_valideren("5", {"periode_start": "2026-07-01T10:00"})
    assert schoon["periode_start"] == "2026-07-01T08:00:00+00:00"


# --- signing ----------------------------------------------------------------------------------


def _procedure_3() -> tuple[Any, Taak]:
    """A KMar request for Utrecht walked to its open signing task of Utrecht (GM0344)."""
    verzoek = maak_verzoek()
    for _ in range(10):
        taken = list(Taak.objects.filter(verzoek=verzoek, status=TaakStatus.OPEN))
        teken = [t for t in taken if formulier.is_ondertekentaak(t)]
        if teken:
            return verzoek, teken[0]
        stap_uitvoeren(taken[0], None, NU + timedelta(minutes=5))
    raise AssertionError("geen ondertekentaak")


def _opslaan(taak: Taak, door: Any) -> FormulierVersie:
    code = taak.gemeente.code if taak.gemeente else ""
    return formulier.formulier_opslaan(
        deelverzoek=taak.deelverzoek,
        gemeente_code=code,
        gegevens=formulier_voorbeeld(taak.deelverzoek, code),
        door=door,
        nu=NU,
    )


def test_ondertekentaak_zonder_ondertekend_formulier_geweigerd() -> None:
    _, taak = _procedure_3()
    door = gebruiker(taak.organisatie.code, Rol.BESLUITVORMER)
    with pytest.raises(OngeldigeInvoer) as fout:
        taak_afronden(taak=taak, data={"verslag": "getekend"}, door=door, nu=NU)
    assert (fout.value.code, fout.value.veld) == ("formulier-niet-ondertekend", "formulier")
    taak.refresh_from_db()
    assert taak.status == TaakStatus.OPEN


def test_ondertekenen_rondt_de_taak_af_en_de_versie_verandert_niet() -> None:
    _, taak = _procedure_3()
    door = gebruiker(taak.organisatie.code, Rol.BESLUITVORMER)
    versie = formulier.formulier_ondertekenen(versie=_opslaan(taak, door), door=door, nu=NU)
    taak.refresh_from_db()
    assert (taak.status, taak.afgerond_door) == (TaakStatus.AFGEROND, door)
    assert (versie.versie, versie.ondertekend_door, versie.ondertekend_op) == (1, door, NU)
    assert versie.hoedanigheid == "De burgemeester van Utrecht"
    versie.inhoud = "{}"
    with pytest.raises(OndertekendFormulierGewijzigd):
        versie.save()
    with pytest.raises(OndertekendFormulierGewijzigd):
        versie.delete()
    versie.refresh_from_db()
    assert versie.inhoud != "{}"
    # The same content again is the signed version (nothing new to sign, a user trial signed
    # version 2 of an unchanged form); a change after signing is a new version, unsigned.
    assert _opslaan(taak, door).pk == versie.pk
    gegevens = formulier_voorbeeld(taak.deelverzoek, versie.gemeente_code)
    gegevens["meldplaats"] = "Stadhuis, zij-ingang"
    nieuw = formulier.formulier_opslaan(
        deelverzoek=taak.deelverzoek,
        gemeente_code=versie.gemeente_code,
        gegevens=gegevens,
        door=door,
        nu=NU,
    )
    assert (nieuw.versie, nieuw.is_ondertekend) == (2, False)
    assert [
        v.versie
        for v in formulier.versies_voor(
            deelverzoek=taak.deelverzoek, gemeente_code=versie.gemeente_code
        )
    ] == [1, 2]


def test_na_het_besluit_verandert_het_ondertekende_formulier_niet_meer() -> None:
    verzoek, taak = _procedure_3()
    door = gebruiker(taak.organisatie.code, Rol.BESLUITVORMER)
    versie = formulier.formulier_ondertekenen(versie=_opslaan(taak, door), door=door, nu=NU)
    doorlopen(verzoek, nu=NU + timedelta(hours=1))
    taak.deelverzoek.refresh_from_db()
    assert taak.deelverzoek.besluit == "toegekend"
    gegevens = formulier_voorbeeld(taak.deelverzoek, versie.gemeente_code)
    gegevens["meldplaats"] = "Stadhuis, zij-ingang"
    with pytest.raises(OngeldigeInvoer) as fout:
        formulier.formulier_opslaan(
            deelverzoek=taak.deelverzoek,
            gemeente_code=versie.gemeente_code,
            gegevens=gegevens,
            door=door,
            nu=NU + timedelta(hours=2),
        )
    assert (fout.value.veld, fout.value.code) == ("formulier", "formulier-gesloten")
    assert [
        v.versie
        for v in formulier.versies_voor(
            deelverzoek=taak.deelverzoek, gemeente_code=versie.gemeente_code
        )
    ] == [1]


def test_gemandateerde_tekent_namens_ongemandateerde_niet() -> None:
    _, taak = _procedure_3()
    gezag = taak.organisatie
    gemachtigd = gebruiker(gezag.code, Rol.MEDEWERKER)
    Mandaat.objects.create(
        gemachtigde=gemachtigd,
        gezag=gezag,
        geldig_van=NU - timedelta(days=1),
        geldig_tot=NU + timedelta(days=30),
        vastgelegd_door=gebruiker(gezag.code, Rol.BESLUITVORMER),
        vastgelegd_op=NU - timedelta(days=1),
    )
    collega = gebruiker(gezag.code, Rol.MEDEWERKER)
    ander = gebruiker("GM0518", Rol.BESLUITVORMER)
    versie = _opslaan(taak, collega)
    for wie in (collega, ander):
        with pytest.raises(GeenToegang):
            formulier.formulier_ondertekenen(versie=versie, door=wie, nu=NU)
    getekend = formulier.formulier_ondertekenen(versie=versie, door=gemachtigd, nu=NU)
    assert getekend.hoedanigheid.startswith("namens de burgemeester van ")
    assert getekend.mandaat is not None


# --- pages: drafts and re-authentication ------------------------------------------------------


def _url(taak: Taak, naam: str = "verzoeken:formulier") -> str:
    code = taak.gemeente.code if taak.gemeente else "-"
    return reverse(naam, args=[taak.verzoek.uuid, taak.deelverzoek.volgnummer, code])


def test_concept_overleeft_ongeldige_post_en_verlopen_sessie() -> None:
    _, taak = _procedure_3()
    client, rccb = als("RCCB-MN")
    antwoord = client.post(_url(taak), {"aanleiding": "Rellen verwacht", "actie": "opslaan"})
    assert antwoord.status_code == 400
    assert "Rellen verwacht" in antwoord.content.decode()
    bewaard = client.post(
        _url(taak, "verzoeken:formulier_concept"),
        {
            "aanleiding": "Rellen verwacht na de wedstrijd",
            "regel_omschrijving": ["ME"],
            "regel_aantal": ["3"],
        },
    )
    assert bewaard.status_code == 200
    assert "Concept bewaard om" in bewaard.content.decode()
    client.session.flush()
    client.logout()
    verlopen = client.post(_url(taak, "verzoeken:formulier_concept"), {"aanleiding": "weg"})
    assert verlopen.status_code == 401
    client.force_login(rccb)
    pagina = client.get(_url(taak)).content.decode()
    assert "Rellen verwacht na de wedstrijd" in pagina
    assert 'name="regel_aantal" value="3"' in pagina
    assert FormulierConcept.objects.get().gegevens["aanleiding"] == (
        "Rellen verwacht na de wedstrijd"
    )


def test_foutenoverzicht_noemt_labels_in_de_volgorde_van_het_formulier_met_links() -> None:
    _, taak = _procedure_3()
    client, _ = als("RCCB-MN")
    antwoord = client.post(
        _url(taak),
        {
            "actie": "opslaan",
            "periode_start": "2026-03-04T18:00",
            "periode_eind": "2026-03-04T10:00",
            "regel_omschrijving": ["ME-peloton"],
            "regel_aantal": ["0"],
        },
    )
    assert antwoord.status_code == 400
    pagina = antwoord.content.decode()
    begin = pagina.index("data-foutenoverzicht")
    overzicht = pagina[begin : pagina.index("</ul>", begin)]
    items = re.findall(
        r'<li data-fout="([^"]+)"><a class="utrecht-link" href="#([^"]+)">', overzicht
    )
    namen = [naam for naam, _ in items]
    # The form's order: the signatory before the period, the period before the lines.
    assert (
        namen.index("ondertekenaar") < namen.index("periode_eind") < namen.index("regel 1: aantal")
    )
    assert dict(items)["regel 1: aantal"] == "regel-1-aantal"
    assert dict(items)["ondertekenaar"] == "ondertekenaar"
    assert ">Ondertekenaar (naam en functie)</a>: " in overzicht
    assert ">Einde van de inzet</a>: moet na het begin liggen" in overzicht
    assert ">Regel 1: aantal</a>: een heel getal van 1 tot en met 500" in overzicht
    assert "contact_24_7" not in re.sub(r'(data-fout|href)="[^"]*"', "", overzicht)


def test_ondertekenen_vraagt_verse_tweede_factor() -> None:
    _, taak = _procedure_3()
    client, door = als(taak.organisatie.code, Rol.BESLUITVORMER)
    gegevens = formulier_voorbeeld(taak.deelverzoek, taak.gemeente.code if taak.gemeente else "")
    post: dict[str, Any] = {k: v for k, v in gegevens.items() if k != "regels"}
    post |= {
        "regel_omschrijving": [r["omschrijving"] for r in gegevens["regels"]],
        "regel_aantal": [r["aantal"] for r in gegevens["regels"]],
        "actie": "ondertekenen",
    }
    antwoord = client.post(_url(taak), post)
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith(reverse("mfa_reauthenticate"))
    assert not FormulierVersie.objects.filter(ondertekend_op__isnull=False).exists()
    sessie = client.session
    records = list(sessie.get(AUTHENTICATION_METHODS_SESSION_KEY, []))
    records.append({"method": "mfa", "at": time.time(), "reauthenticated": True, "type": "totp"})
    sessie[AUTHENTICATION_METHODS_SESSION_KEY] = records
    sessie.save()
    antwoord = client.post(_url(taak), post)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == _url(taak)
    versie = FormulierVersie.objects.get()
    assert (versie.ondertekend_door, versie.versie) == (door, 1)
    taak.refresh_from_db()
    assert taak.status == TaakStatus.AFGEROND


# --- mandates ---------------------------------------------------------------------------------


def test_beheerder_legt_mandaat_vast_na_herauthenticatie() -> None:
    client, beheerder = als("GM0344", Rol.BEHEERDER)
    gemachtigd = gebruiker("GM0344")
    post = {
        "gemachtigde": gemachtigd.pk,
        "geldig_van": "2026-03-01T09:00",
        "geldig_tot": "2026-04-01T09:00",
        "omschrijving": "Mandaatbesluit 2026-12",
    }
    zonder = client.post(reverse("verzoeken:mandaten"), post)
    assert zonder.status_code == 302
    assert not Mandaat.objects.exists()
    sessie = client.session
    records = list(sessie.get(AUTHENTICATION_METHODS_SESSION_KEY, []))
    records.append({"method": "mfa", "at": time.time(), "reauthenticated": True, "type": "totp"})
    sessie[AUTHENTICATION_METHODS_SESSION_KEY] = records
    sessie.save()
    assert client.post(reverse("verzoeken:mandaten"), post).status_code == 302
    mandaat = Mandaat.objects.get()
    assert (mandaat.gemachtigde, mandaat.gezag.code, mandaat.vastgelegd_door) == (
        gemachtigd,
        "GM0344",
        beheerder,
    )
    assert mandaat.geldig_van.isoformat() == "2026-03-01T08:00:00+00:00"


def test_mandaat_niet_aan_een_andere_organisatie() -> None:
    beheerder = gebruiker("GM0344", Rol.BEHEERDER)
    with pytest.raises(GeenToegang):
        formulier.mandaat_vastleggen(
            gemachtigde=gebruiker("GM0518"),
            geldig_van=NU,
            geldig_tot=NU + timedelta(days=1),
            omschrijving="x",
            door=beheerder,
            nu=NU,
        )
    assert not Mandaat.objects.exists()


def test_alleen_een_beheerder_ziet_de_mandatenpagina() -> None:
    client, _ = als("GM0344", Rol.BESLUITVORMER)
    assert client.get(reverse("verzoeken:mandaten")).status_code == 403


def test_ondertekend_formulier_wordt_een_pdf_a_document_met_de_ondertekening() -> None:
    """Issue #10 item 3: the signed form is stored as PDF/A with who signed, how and when."""
    from politiebijstand.documenten.models import Document
    from politiebijstand.documenten.services import document_pad
    from tests.documenten.pdf import tekst, xmp

    verzoek, taak = _procedure_3()
    door = gebruiker(taak.organisatie.code, Rol.BESLUITVORMER)
    versie = formulier.formulier_ondertekenen(versie=_opslaan(taak, door), door=door, nu=NU)
    (document,) = Document.objects.filter(verzoek=verzoek)
    assert (document.soort, document.sleutel, document.versie) == (
        "aanvraagformulier",
        "1:GM0344",
        1,
    )
    assert (document.ondertekend_door, document.ondertekend_namens, document.ondertekend_op) == (
        door,
        "De burgemeester van Utrecht",
        NU,
    )
    assert document.titel == "Aanvraagformulier — Utrecht, deel 1, versie 1"
    inhoud = document_pad(document).read_bytes()
    text = tekst(inhoud)
    # Every field of the signed version is in the PDF (a user trial found only a few).
    for stuk in (
        f"Ons kenmerk {verzoek.kenmerk}",
        "Aanleiding Demonstratie en tegendemonstratie op het Jaarbeursplein.",
        "Taak openbare orde Aanleiding",
        "Ordelijk verloop van de demonstratie.",
        "Afzetten, begeleiden en zo nodig optreden.",
        "Politiebevoegdheden uitgeoefend ja Geweld verwacht nee",
        "Meldplaats Politiebureau, hoofdingang",
        "Onder bevel van de algemeen commandant SGBO.",
        "Eigen voertuigen en uitrusting; verpleging door de eenheid.",
        "Volgens het FNIK.",
        "Alle politie-eenheden zijn ingezet; geen alternatief.",
        "Officier van dienst, 088-1234567",
        "Eenheid Politie, eenheid Midden-Nederland",
        "Zienswijze regioburgemeester Niet nodig: De aanvrager is zelf de regioburgemeester.",
        "ME-peloton 4",
        "Hoogachtend, De burgemeester van Utrecht,",
    ):
        assert stuk in text, stuk
    assert "<pdfaid:part>2</pdfaid:part>" in xmp(inhoud)
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in xmp(inhoud)
    assert versie.versie == 1
