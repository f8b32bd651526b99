"""Procedures 2 and 5 through the services: who signs, in which order, who gets a copy.

Bron: factsheet, toelichting 2 ("RCCB stuurt (bij spoed achteraf) een aanvraagformulier ...";
"DB3 toetst de inzet en verstrekt (al dan niet) toestemming tot inzet aan RCCB, in afschrift aan
de beheersorganisatie.") and 5 ("... contact op met het LOCC voor verdere coördinatie en
formalisatie"); Pw 2012 art. 11 (the burgemeester's gezag). Issue #8, item 6; ADR 0024.
"""

from __future__ import annotations

import pytest

from politiebijstand.meldingen.models import Bericht
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.exceptions import GeenToegang
from politiebijstand.verzoeken.models import Bijstandsverzoek, Taak
from tests.verzoeken.helpers import NU, doorlopen, gebruiker, maak_verzoek, open_taken, situatie

pytestmark = pytest.mark.usefixtures("referentiedata")


def middel(naam: str, *, spoed: bool = False) -> Bijstandsverzoek:
    gevraagd = [{"leverancier": "middelen_jenv", "middel": naam}]
    return maak_verzoek(situatie(gevraagd=gevraagd, spoed=spoed))


def stap_bericht(verzoek: Bijstandsverzoek, bpmn_id: str) -> list[str]:
    """The organisations that the message of a completed step went to, in order."""
    taak = Taak.objects.get(verzoek=verzoek, bpmn_id=bpmn_id)
    bericht = Bericht.objects.get(soort="stap-afgerond", object_id=str(taak.pk))
    return [o.code for o in bericht.ontvangers.order_by("code")]


@pytest.mark.parametrize("middel_naam", ["bewakingscontainer", "vrt_voertuig"])
@pytest.mark.parametrize("uitkomst", ["toegekend", "afgewezen"])
def test_db3_antwoordt_het_rccb_in_afschrift_aan_de_beheersorganisatie(
    middel_naam: str, uitkomst: str
) -> None:
    verzoek = middel(middel_naam)
    antwoord = {"uitkomst": uitkomst, "motivering": "Getoetst door DB3."}
    walk = doorlopen(verzoek, {"taak_inzet_toetsen": antwoord})
    verwacht = ["RCCB-MN", "NCTV-DB3", "RCCB-MN"][: 3 if uitkomst == "toegekend" else 2]
    assert walk.organisaties == verwacht
    # "al dan niet": the answer, whatever it is, goes to the RCCB and in copy to IFV-ML.
    assert stap_bericht(verzoek, "taak_inzet_toetsen") == ["IFV-ML", "RCCB-MN"]
    assert "IFV-ML" in verzoek.deelnemende_organisatie_codes()


def test_waterwerper_formulier_met_bevoegd_gezag_voor_het_besluit() -> None:
    verzoek = middel("waterwerper")
    walk = doorlopen(
        verzoek, {"taak_aanvraagformulier_verzenden": {"bevoegd_gezag": "burgemeester"}}
    )
    assert walk.organisaties == ["RCCB-MN", "RCCB-MN", "LOCC", "LOCC"]
    assert walk.taken == [
        "taak_contact_locc",
        "taak_aanvraagformulier_verzenden",
        "taak_aanvraag_toetsen",
        "taak_inzet_coordineren",
    ]
    assert stap_bericht(verzoek, "taak_aanvraagformulier_verzenden") == ["LOCC"]


def test_waterwerper_bij_spoed_formulier_achteraf_met_bevoegd_gezag() -> None:
    verzoek = middel("waterwerper", spoed=True)
    walk = doorlopen(
        verzoek, {"taak_schriftelijk_formaliseren": {"bevoegd_gezag": "officier_van_justitie"}}
    )
    assert walk.organisaties == ["RCCB-MN", ("LOCC", "RCCB-MN"), "LOCC"]
    assert walk.taken == [
        "taak_telefonisch_contact_vastgelegd",
        "taak_schriftelijk_formaliseren",
        "taak_aanvraag_toetsen",
        "taak_inzet_coordineren",
    ]
    formulier = Taak.objects.get(verzoek=verzoek, bpmn_id="taak_schriftelijk_formaliseren")
    assert formulier.gegevens == {"bevoegd_gezag": "officier_van_justitie"}


def test_procedure_5_de_burgemeester_ondertekent_het_formele_verzoek() -> None:
    verzoek = maak_verzoek(situatie(gevraagd=[{"leverancier": "buitenland", "land": "BE"}]))
    for _ in range(2):  # RCCB contacts LE-POB; LE-POB contacts the LOCC
        (taak,) = open_taken(verzoek)
        services.taak_afronden(taak=taak, data={}, door=gebruiker(taak.organisatie.code), nu=NU)
    (ondertekenen,) = open_taken(verzoek)
    assert (ondertekenen.bpmn_id, ondertekenen.bpmn_lane, ondertekenen.organisatie.code) == (
        "taak_verzoek_ondertekenen",
        "BURGEMEESTER",
        "GM0344",
    )
    for code in ("RCCB-MN", "LOCC", "LE-POB"):
        with pytest.raises(GeenToegang):
            services.taak_afronden(taak=ondertekenen, data={}, door=gebruiker(code), nu=NU)
    assert [t.bpmn_id for t in open_taken(verzoek)] == ["taak_verzoek_ondertekenen"]

    walk = doorlopen(verzoek)
    assert walk.organisaties == ["GM0344", "LOCC"]
    assert stap_bericht(verzoek, "taak_verzoek_ondertekenen") == ["LOCC"]
