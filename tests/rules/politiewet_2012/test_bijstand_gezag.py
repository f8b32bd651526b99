from __future__ import annotations

import pytest

from politiebijstand.rules import Gezag, Politietaak, Situatie
from politiebijstand.rules.bron import factsheet, politiewet
from politiebijstand.rules.politiewet_2012.bijstand_gezag import (
    Pad,
    eigen_capaciteit,
    erratum_vermissing_militaire_bijstand,
    gezag_bij_vermissing,
    gezag_voor_taak,
    pad_voor_situatie,
    taak_onder_gezag_minister,
)
from tests.rules.maak import situatie, uit_catalogus


def test_eigen_capaciteit_toereikend_eindigt_bijstandsproces_stroomschema_stap_1() -> None:
    uitkomst = eigen_capaciteit(situatie(eigen_capaciteit_toereikend=True))
    assert uitkomst.value is True
    assert uitkomst.bron == factsheet("stroomschema stap 1")
    assert "einde bijstandsproces" in uitkomst.reden
    uit_catalogus(eigen_capaciteit, uitkomst)


def test_eigen_capaciteit_onvoldoende_gaat_naar_stap_2_stroomschema_stap_1() -> None:
    uitkomst = eigen_capaciteit(situatie({"leverancier": "politie"}))
    assert uitkomst.value is False
    assert uitkomst.reden == "de eigen capaciteit is niet voldoende: ga naar stap 2"


@pytest.mark.parametrize(
    ("taak", "gezag", "bron"),
    [
        ("openbare_orde", Gezag.BURGEMEESTER, politiewet("11", "1")),
        ("hulpverlening", Gezag.BURGEMEESTER, politiewet("11", "1")),
        ("strafrechtelijke_handhaving", Gezag.OFFICIER_VAN_JUSTITIE, politiewet("12", "1")),
        ("taken_ten_dienste_van_justitie", Gezag.OFFICIER_VAN_JUSTITIE, politiewet("12", "1")),
        (
            "bewaking_en_beveiliging_rijksdomein",
            Gezag.MINISTER_JENV,
            factsheet("Politie en bevoegd gezag, voetnoot 2"),
        ),
        (
            "vreemdelingentoezicht",
            Gezag.MINISTER_JENV,
            factsheet("Politie en bevoegd gezag, voetnoot 2"),
        ),
    ],
)
def test_gezag_voor_taak_art_11_lid_1_art_12_lid_1_en_voetnoot_2(
    taak: str, gezag: Gezag, bron: object
) -> None:
    uitkomst = gezag_voor_taak(situatie({"leverancier": "politie"}, taak=taak))
    assert uitkomst.value is gezag
    assert uitkomst.bron == bron
    uit_catalogus(gezag_voor_taak, uitkomst)


def test_gezag_voor_taak_geen_politietaak_heeft_geen_gezag_toelichting_11() -> None:
    uitkomst = gezag_voor_taak(situatie(taak="geen_politietaak", aanvrager="burgemeester"))
    assert uitkomst.value is None
    assert uitkomst.bron == factsheet("toelichting 11")


def test_gezag_bij_vermissing_met_indicatie_misdrijf_officier_toelichting_12() -> None:
    uitkomst = gezag_bij_vermissing(True)
    assert uitkomst.value is Gezag.OFFICIER_VAN_JUSTITIE
    assert uitkomst.bronnen == (factsheet("toelichting 12"), politiewet("12", "1"))
    uit_catalogus(gezag_bij_vermissing, uitkomst)


def test_gezag_bij_vermissing_zonder_indicatie_burgemeester_toelichting_12() -> None:
    uitkomst = gezag_bij_vermissing(False)
    assert uitkomst.value is Gezag.BURGEMEESTER
    assert uitkomst.bronnen == (factsheet("toelichting 12"), politiewet("11", "1"))


def test_gezag_voor_taak_vermissing_volgt_indicatie_misdrijf_toelichting_12() -> None:
    met = situatie({"leverancier": "politie"}, taak="vermissing", indicatie_misdrijf=True)
    zonder = situatie({"leverancier": "politie"}, taak="vermissing", indicatie_misdrijf=False)
    assert gezag_voor_taak(met).value is Gezag.OFFICIER_VAN_JUSTITIE
    assert gezag_voor_taak(zonder).value is Gezag.BURGEMEESTER


def test_gezag_voor_taak_vermissing_zonder_indicatie_in_code_is_een_fout() -> None:
    with pytest.raises(ValueError, match="indicatie_misdrijf"):
        gezag_voor_taak(Situatie(eigen_capaciteit_toereikend=False, taak=Politietaak.VERMISSING))


@pytest.mark.parametrize("taak", list(Politietaak))
def test_taak_onder_gezag_minister_alleen_rijksdomein_en_vreemdelingen_voetnoot_2(
    taak: Politietaak,
) -> None:
    uitkomst = taak_onder_gezag_minister(
        Situatie(eigen_capaciteit_toereikend=False, taak=taak, indicatie_misdrijf=False)
    )
    verwacht = taak in {
        Politietaak.BEWAKING_EN_BEVEILIGING_RIJKSDOMEIN,
        Politietaak.VREEMDELINGENTOEZICHT,
    }
    assert uitkomst.value is verwacht
    assert uitkomst.bron == factsheet("Politie en bevoegd gezag, voetnoot 2")
    assert bool(uitkomst.waarschuwingen) is verwacht


def test_pad_voor_situatie_openbare_orde_pad_a_zonder_waarschuwing_stroomschema_stap_2() -> None:
    uitkomst = pad_voor_situatie(situatie({"leverancier": "politie"}), Gezag.BURGEMEESTER)
    assert uitkomst.value is Pad.OPENBARE_ORDE
    assert uitkomst.bron == factsheet("stroomschema stap 2")
    assert uitkomst.waarschuwingen == ()


def test_pad_voor_situatie_hulpverlening_pad_a_met_waarschuwing_art_11_lid_1() -> None:
    s = situatie({"leverancier": "politie"}, taak="hulpverlening")
    uitkomst = pad_voor_situatie(s, Gezag.BURGEMEESTER)
    assert uitkomst.value is Pad.OPENBARE_ORDE
    assert uitkomst.ook == (politiewet("11", "1"),)
    (waarschuwing,) = uitkomst.waarschuwingen
    assert waarschuwing == (
        "Hulpverlening valt onder het gezag van de burgemeester (Pw 2012 art. 11 lid 1) en "
        "volgt daarom pad A (openbare-ordetaken) van de factsheet. Let op: Pw 2012 art. 56 lid "
        "1 (procedure 1) spreekt van bijstand voor de handhaving van de openbare orde, en de "
        "factsheet noemt procedures 3 en 4 'voor handhaving van de openbare orde'; art. 57 lid "
        "1 en 58 lid 1 noemen geen taak. Vermeld in het verzoek dat het om hulpverlening gaat."
    )
    # Issue #8, item 9: only 56 lid 1 names public order, not 57 lid 1 or 58 lid 1.
    assert "57 lid 1 en 58 lid 1 noemen geen taak" in waarschuwing
    assert "56 lid 1, 57 lid 1 en 58 lid 1" not in waarschuwing
    uit_catalogus(pad_voor_situatie, uitkomst)


def test_pad_voor_situatie_vermissing_zonder_misdrijf_pad_a_met_waarschuwing_toelichting_12() -> (
    None
):
    s = situatie({"leverancier": "politie"}, taak="vermissing", indicatie_misdrijf=False)
    uitkomst = pad_voor_situatie(s, Gezag.BURGEMEESTER)
    assert uitkomst.value is Pad.OPENBARE_ORDE
    assert factsheet("toelichting 12") in uitkomst.bronnen
    (waarschuwing,) = uitkomst.waarschuwingen
    assert "vermiste persoon zonder indicatie van een misdrijf" in waarschuwing
    assert waarschuwing.endswith(
        "Let op: Pw 2012 art. 56 lid 1 (procedure 1) spreekt van bijstand voor de handhaving "
        "van de openbare orde, en de factsheet noemt procedures 3 en 4 'voor handhaving van de "
        "openbare orde'; art. 57 lid 1 en 58 lid 1 noemen geen taak. Vermeld in het verzoek "
        "dat het om hulpverlening gaat."
    )


def test_pad_voor_situatie_officier_pad_b_art_12_lid_1() -> None:
    s = situatie({"leverancier": "politie"}, taak="strafrechtelijke_handhaving")
    uitkomst = pad_voor_situatie(s, Gezag.OFFICIER_VAN_JUSTITIE)
    assert uitkomst.value is Pad.JUSTITIE
    assert uitkomst.waarschuwingen == ()


def test_pad_voor_situatie_vermissing_met_misdrijf_pad_b_toelichting_12() -> None:
    s = situatie({"leverancier": "politie"}, taak="vermissing", indicatie_misdrijf=True)
    uitkomst = pad_voor_situatie(s, Gezag.OFFICIER_VAN_JUSTITIE)
    assert uitkomst.value is Pad.JUSTITIE
    assert uitkomst.ook == (factsheet("toelichting 12"),)


def test_pad_voor_situatie_gezag_minister_heeft_geen_pad() -> None:
    s = situatie(taak="vreemdelingentoezicht")
    with pytest.raises(ValueError, match="no path"):
        pad_voor_situatie(s, Gezag.MINISTER_JENV)


@pytest.mark.parametrize("procedures", [{"7"}, {"8"}, {"6", "8"}, {"7", "8"}])
def test_erratum_vermissing_militaire_bijstand_toelichting_12_bedoelt_7_en_8(
    procedures: set[str],
) -> None:
    s = situatie({"leverancier": "kmar"}, taak="vermissing", indicatie_misdrijf=True)
    uitkomst = erratum_vermissing_militaire_bijstand(s, frozenset(procedures))
    assert uitkomst.value is True
    (waarschuwing,) = uitkomst.waarschuwingen
    assert waarschuwing.startswith("Erratum factsheet: toelichting 12")
    assert "'de procedure zoals hiervoor beschreven onder 8 of 9'" in waarschuwing
    assert "bedoeld zijn procedure 7 (KMar) en procedure 8" in waarschuwing
    uit_catalogus(erratum_vermissing_militaire_bijstand, uitkomst)


@pytest.mark.parametrize(
    ("taak", "indicatie", "procedures"),
    [
        ("vermissing", True, {"6"}),
        ("vermissing", True, {"2", "rechtshulp"}),
        ("vermissing", False, {"3", "4"}),
        ("strafrechtelijke_handhaving", None, {"7", "8"}),
    ],
)
def test_erratum_vermissing_militaire_bijstand_alleen_bij_militaire_bijstand_onder_ovj(
    taak: str, indicatie: bool | None, procedures: set[str]
) -> None:
    s = situatie({"leverancier": "politie"}, taak=taak, indicatie_misdrijf=indicatie)
    uitkomst = erratum_vermissing_militaire_bijstand(s, frozenset(procedures))
    assert uitkomst.value is False
    assert uitkomst.waarschuwingen == ()
