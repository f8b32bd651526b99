"""The status transition table, walked both ways, and the glue between engine and database."""

from __future__ import annotations

import re

import pytest

from politiebijstand.verzoeken import workflow
from politiebijstand.verzoeken.constants import (
    DeelverzoekStatus,
    Handeling,
    VerzoekStatus,
)
from politiebijstand.verzoeken.exceptions import OngeldigeOvergang
from politiebijstand.verzoeken.models import Deelverzoek, StatusWijziging
from tests.verzoeken.helpers import NU, gebruiker, maak_verzoek

S = DeelverzoekStatus

#: The table written out once more, edge by edge (source status -> act -> target).
VERWACHT = {
    (S.IN_BEHANDELING, Handeling.TOEKENNEN): S.TOEGEKEND,
    (S.IN_BEHANDELING, Handeling.DEELS_TOEKENNEN): S.DEELS_TOEGEKEND,
    (S.IN_BEHANDELING, Handeling.AFWIJZEN): S.AFGEWEZEN,
    (S.IN_BEHANDELING, Handeling.AFSLUITEN): S.AFGESLOTEN,
    (S.IN_BEHANDELING, Handeling.INTREKKEN): S.INGETROKKEN,
    (S.AFGEWEZEN, Handeling.BEROEP_INSTELLEN): S.IN_BEROEP,
    (S.DEELS_TOEGEKEND, Handeling.BEROEP_INSTELLEN): S.IN_BEROEP,
    (S.IN_BEROEP, Handeling.NA_BEROEP_TOEGEKEND): S.TOEGEKEND,
    (S.IN_BEROEP, Handeling.NA_BEROEP_DEELS_TOEGEKEND): S.DEELS_TOEGEKEND,
    (S.IN_BEROEP, Handeling.NA_BEROEP_AFGEWEZEN): S.AFGEWEZEN,
    (S.IN_BEROEP, Handeling.INTREKKEN): S.INGETROKKEN,
    (S.TOEGEKEND, Handeling.INZET_STARTEN): S.IN_INZET,
    (S.DEELS_TOEGEKEND, Handeling.INZET_STARTEN): S.IN_INZET,
    (S.TOEGEKEND, Handeling.INTREKKEN): S.INGETROKKEN,
    (S.DEELS_TOEGEKEND, Handeling.INTREKKEN): S.INGETROKKEN,
    (S.AFGEWEZEN, Handeling.INTREKKEN): S.INGETROKKEN,
    (S.IN_INZET, Handeling.INZET_BEEINDIGEN): S.INZET_BEEINDIGD,
    (S.INZET_BEEINDIGD, Handeling.INZET_EVALUEREN): S.GEEVALUEERD,
}


def test_de_tabel_is_precies_de_verwachte() -> None:
    tabel = {
        (van, handeling): naar
        for handeling, (vanaf, naar) in workflow.OVERGANGEN.items()
        for van in vanaf
    }
    assert tabel == VERWACHT
    assert workflow.OVERGANGEN[Handeling.STARTEN] == (frozenset(), S.IN_BEHANDELING)


@pytest.mark.usefixtures("referentiedata")
@pytest.mark.parametrize("van", list(S))
@pytest.mark.parametrize("handeling", [h for h in Handeling if h != Handeling.STARTEN])
def test_elke_overgang_heen_en_elke_andere_geweigerd(van: S, handeling: Handeling) -> None:
    verzoek = maak_verzoek()
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    Deelverzoek.objects.filter(pk=deel.pk).update(status=van)
    deel.refresh_from_db()
    door = gebruiker("RCCB-MN")
    rijen = StatusWijziging.objects.count()
    verwacht = VERWACHT.get((van, handeling))
    if verwacht is None:
        with pytest.raises(OngeldigeOvergang) as exc:
            workflow.deelverzoek_overgang(deelverzoek=deel, handeling=handeling, door=door, nu=NU)
        assert exc.value.veld == "status"
        deel.refresh_from_db()
        assert deel.status == van
        assert StatusWijziging.objects.count() == rijen
    else:
        workflow.deelverzoek_overgang(
            deelverzoek=deel, handeling=handeling, door=door, nu=NU, toelichting="test"
        )
        deel.refresh_from_db()
        assert deel.status == verwacht
        rij = StatusWijziging.objects.filter(deelverzoek=deel).order_by("-id")[0]
        assert (rij.van, rij.naar, rij.handeling, rij.door_id, rij.toelichting) == (
            van,
            verwacht,
            handeling.value,
            door.pk,
            "test",
        )


@pytest.mark.parametrize(
    ("statussen", "verwacht"),
    [
        ([], VerzoekStatus.IN_BEHANDELING),
        (["in_behandeling", "toegekend"], VerzoekStatus.IN_BEHANDELING),
        (["in_beroep"], VerzoekStatus.IN_BEHANDELING),
        (["in_inzet", "afgewezen"], VerzoekStatus.IN_INZET),
        (["toegekend", "geevalueerd"], VerzoekStatus.BESLOTEN),
        (["afgewezen"], VerzoekStatus.BESLOTEN),
        (["ingetrokken", "ingetrokken"], VerzoekStatus.INGETROKKEN),
        (["ingetrokken", "afgesloten"], VerzoekStatus.AFGEROND),
        (["geevalueerd", "inzet_beeindigd"], VerzoekStatus.AFGEROND),
    ],
)
def test_status_van_het_verzoek_volgt_uit_de_delen(
    statussen: list[str], verwacht: VerzoekStatus
) -> None:
    assert workflow.verzoek_status(statussen) == verwacht


def test_namens_per_procedure_en_besluitveld() -> None:
    assert workflow.namens_voor("8", "besluit") == (
        "namens de Minister van Justitie en Veiligheid, in overeenstemming met de Minister van "
        "Defensie",
        "Politiewet 2012 art. 58 lid 1 en 2",
    )
    assert workflow.namens_voor("1", "besluit") == (
        "namens de korpschef van politie",
        "Politiewet 2012 art. 56 lid 1",
    )
    with pytest.raises(KeyError):
        workflow.namens_voor("1", "besluit_defensie")


def test_regels_versie_is_een_sha256() -> None:
    versie = workflow.regels_versie()
    assert re.fullmatch("[0-9a-f]{64}", versie), versie
