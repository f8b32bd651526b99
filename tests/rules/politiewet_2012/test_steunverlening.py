from __future__ import annotations

import pytest

from politiebijstand.rules import AdviesUitkomst, Politietaak, Situatie
from politiebijstand.rules.bron import factsheet
from politiebijstand.rules.politiewet_2012.financiering import FNIK_WAARSCHUWING
from politiebijstand.rules.politiewet_2012.steunverlening import (
    REGELING_STEUNVERLENING,
    militaire_steunverlening,
)
from tests.rules.maak import situatie, uit_catalogus


def test_militaire_steunverlening_voor_burgemeester_toelichting_11() -> None:
    uitkomst = militaire_steunverlening(situatie(taak="geen_politietaak", aanvrager="burgemeester"))
    assert uitkomst.value is AdviesUitkomst.MILITAIRE_STEUNVERLENING
    assert uitkomst.bronnen == (
        factsheet("toelichting 11"),
        REGELING_STEUNVERLENING,
        factsheet("toelichting 10"),
    )
    assert "niet voor het laten verrichten van politietaken" in uitkomst.waarschuwingen[0]
    assert uitkomst.waarschuwingen[1] == FNIK_WAARSCHUWING
    assert REGELING_STEUNVERLENING.label == (
        "Regeling militaire steunverlening in het openbaar belang Stcrt. 2008, 3"
    )
    uit_catalogus(militaire_steunverlening, uitkomst)


def test_militaire_steunverlening_niet_mogelijk_voor_officier_toelichting_11() -> None:
    s = situatie(taak="geen_politietaak", aanvrager="officier_van_justitie")
    uitkomst = militaire_steunverlening(s)
    assert uitkomst.value is AdviesUitkomst.NIET_MOGELIJK
    assert uitkomst.waarschuwingen[0].startswith(
        "Niet mogelijk: een officier van justitie kan geen militaire steunverlening aanvragen"
    )


def test_militaire_steunverlening_zonder_aanvrager_in_code_is_een_fout() -> None:
    with pytest.raises(ValueError, match="aanvrager"):
        militaire_steunverlening(
            Situatie(eigen_capaciteit_toereikend=False, taak=Politietaak.GEEN_POLITIETAAK)
        )
