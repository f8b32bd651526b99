"""The report's figures equal figures computed independently from seeded data (#11 item 4).

Requests are made and walked through the services (`tests.verzoeken.helpers`), then their
times are set to known values; the expected counts, medians and 90th percentiles are computed
here with `statistics` from those values, not with the report's code.
"""

from __future__ import annotations

import statistics
from datetime import UTC, datetime, timedelta

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.rapportages.selectors import (
    Rapportage,
    doorlooptijd,
    p90,
    rapportage_maken,
)
from politiebijstand.verzoeken.constants import TaakStatus
from politiebijstand.verzoeken.models import Besluit, Bijstandsverzoek, Taak
from tests.verzoeken.helpers import (
    doorlopen,
    gebruiker,
    maak_verzoek,
    maak_verzoek_amsterdam,
    open_taken,
    situatie,
    stap_uitvoeren,
)

pytestmark = pytest.mark.usefixtures("referentiedata")

NU = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def _zet_tijden(verzoek: Bijstandsverzoek, begin: datetime, besluit_na: timedelta) -> None:
    """Known times: the request at `begin`; completed step i took i + 1 hours; the decision."""
    Bijstandsverzoek.objects.filter(pk=verzoek.pk).update(aangemaakt_op=begin)
    for i, taak in enumerate(
        Taak.objects.filter(verzoek=verzoek, status=TaakStatus.AFGEROND).order_by("id")
    ):
        Taak.objects.filter(pk=taak.pk).update(
            aangemaakt_op=begin, afgerond_op=begin + timedelta(hours=i + 1)
        )
    Besluit.objects.filter(verzoek=verzoek).update(genomen_op=begin + besluit_na)


@pytest.fixture
def gezaaid() -> dict[str, Bijstandsverzoek]:
    """Five requests of Midden-Nederland, one of Amsterdam, one of 2025."""
    a = maak_verzoek()
    doorlopen(a)  # granted
    b = maak_verzoek()
    doorlopen(b, {"taak_besluit_locc": {"uitkomst": "afgewezen", "motivering": "Niet nodig."}})
    c = maak_verzoek()  # still in progress: no decision
    d = maak_verzoek(situatie(spoed=True))
    (telefoon,) = open_taken(d)
    stap_uitvoeren(telefoon, None, NU)
    am = maak_verzoek_amsterdam()
    doorlopen(am)
    oud = maak_verzoek()
    doorlopen(oud)
    # 15 January 11:00 in Amsterdam.
    _zet_tijden(a, datetime(2026, 1, 15, 10, 0, tzinfo=UTC), timedelta(hours=30))
    # 31 January 23:30 UTC is 1 February 00:30 in Amsterdam: February.
    _zet_tijden(b, datetime(2026, 1, 31, 23, 30, tzinfo=UTC), timedelta(hours=6))
    # 31 December 2025 23:30 UTC is 1 January 2026 00:30 in Amsterdam: January 2026.
    _zet_tijden(c, datetime(2025, 12, 31, 23, 30, tzinfo=UTC), timedelta(0))
    _zet_tijden(d, datetime(2026, 3, 10, 8, 0, tzinfo=UTC), timedelta(0))
    _zet_tijden(am, datetime(2026, 5, 5, 9, 0, tzinfo=UTC), timedelta(hours=50))
    # 31 December 2025 22:30 UTC is 23:30 in Amsterdam: 2025.
    _zet_tijden(oud, datetime(2025, 12, 31, 22, 30, tzinfo=UTC), timedelta(hours=1))
    return {"a": a, "b": b, "c": c, "d": d, "am": am, "oud": oud}


def _rijen(rapportage: Rapportage, sleutel: str) -> dict[str, tuple[object, ...]]:
    return {str(r[0]): tuple(r[1:]) for r in rapportage.tabel(sleutel).rijen}


def _verwachte_staptijden(verzoeken: list[Bijstandsverzoek]) -> dict[str, tuple[object, ...]]:
    """Per step name: count, median and p90 in hours, from the rows read here in Python."""
    per_naam: dict[str, list[float]] = {}
    for taak in Taak.objects.filter(
        verzoek__in=verzoeken, status=TaakStatus.AFGEROND, overgeslagen=False
    ):
        assert taak.afgerond_op is not None
        uren = (taak.afgerond_op - taak.aangemaakt_op).total_seconds() / 3600
        per_naam.setdefault(taak.naam, []).append(uren)
    return {
        naam: (
            len(w),
            round(statistics.median(w), 2),
            round(w[0] if len(w) == 1 else statistics.quantiles(w, n=10, method="inclusive")[8], 2),
        )
        for naam, w in per_naam.items()
    }


def test_landelijk_per_maand_procedure_leverancier_eenheid_en_besluit(
    gezaaid: dict[str, Bijstandsverzoek],
) -> None:
    rapportage = rapportage_maken(gebruiker=gebruiker("LOCC"), jaar=2026, nu=NU)
    assert rapportage.landelijk is True
    maanden = _rijen(rapportage, "per-maand")
    assert maanden["januari"] == (2,)  # a and c
    assert maanden["februari"] == (1,)  # b
    assert maanden["maart"] == (1,)  # d
    assert maanden["mei"] == (1,)  # Amsterdam
    assert sum(v[0] for v in maanden.values()) == 5  # type: ignore[misc]
    assert _rijen(rapportage, "per-procedure") == {
        "Procedure 3: bijstand door de KMar, openbare orde": (5,)
    }
    assert _rijen(rapportage, "per-leverancier") == {"Koninklijke Marechaussee": (5,)}
    assert _rijen(rapportage, "per-eenheid") == {
        gezaaid["a"].eenheid.naam: (4,),
        gezaaid["am"].eenheid.naam: (1,),
    }
    assert _rijen(rapportage, "besluiten") == {
        "Toegekend": (2,),
        "Gedeeltelijk toegekend": (0,),
        "Afgewezen": (1,),
        "Nog geen besluit": (2,),
    }
    assert _rijen(rapportage, "spoed") == {"Spoed": (1, None, None), "Normaal": (4, 30.0, 46.0)}


def test_doorlooptijd_tot_besluit_mediaan_en_p90(gezaaid: dict[str, Bijstandsverzoek]) -> None:
    rapportage = rapportage_maken(gebruiker=gebruiker("LOCC"), jaar=2026, nu=NU)
    uren = [30.0, 6.0, 50.0]  # a, b and Amsterdam, as seeded
    verwacht = (
        3,
        statistics.median(uren),
        statistics.quantiles(uren, n=10, method="inclusive")[8],
    )
    assert verwacht == (3, 30.0, 46.0)
    assert _rijen(rapportage, "doorlooptijd-besluit") == {
        "Alle": verwacht,
        "Spoed": (0, None, None),
        "Normaal": verwacht,
    }


def test_doorlooptijd_per_stap(gezaaid: dict[str, Bijstandsverzoek]) -> None:
    rapportage = rapportage_maken(gebruiker=gebruiker("LOCC"), jaar=2026, nu=NU)
    verwacht = _verwachte_staptijden([gezaaid[k] for k in ("a", "b", "c", "d", "am")])
    assert _rijen(rapportage, "doorlooptijd-stap") == verwacht
    # The first step of the three walked normal requests (a, b, Amsterdam).
    assert verwacht["Lokaal operationeel vooroverleg met CCB-KMar"][0] == 3


def test_formalisatietermijn_gehaald_of_niet(gezaaid: dict[str, Bijstandsverzoek]) -> None:
    formaliseren = Taak.objects.get(verzoek=gezaaid["d"], bpmn_id="taak_schriftelijk_formaliseren")
    assert formaliseren.due is not None
    rapportage = rapportage_maken(gebruiker=gebruiker("LOCC"), jaar=2026, nu=NU)
    # The due time (a day after the phone call at NU) is after NU: open, in time.
    assert _rijen(rapportage, "formalisatie") == {
        "Op tijd geformaliseerd": (0,),
        "Te laat geformaliseerd": (0,),
        "Nog open, termijn verstreken": (0,),
        "Nog open, binnen de termijn": (1,),
    }
    later = rapportage_maken(
        gebruiker=gebruiker("LOCC"), jaar=2026, nu=formaliseren.due + timedelta(minutes=1)
    )
    assert _rijen(later, "formalisatie")["Nog open, termijn verstreken"] == (1,)
    Taak.objects.filter(pk=formaliseren.pk).update(
        status=TaakStatus.AFGEROND, afgerond_op=formaliseren.due + timedelta(hours=2)
    )
    assert _rijen(rapportage_maken(gebruiker=gebruiker("LOCC"), jaar=2026, nu=NU), "formalisatie")[
        "Te laat geformaliseerd"
    ] == (1,)
    Taak.objects.filter(pk=formaliseren.pk).update(afgerond_op=formaliseren.due)
    assert _rijen(rapportage_maken(gebruiker=gebruiker("LOCC"), jaar=2026, nu=NU), "formalisatie")[
        "Op tijd geformaliseerd"
    ] == (1,)


def test_need_to_know_eigen_verzoeken_en_beheerder_landelijk(
    gezaaid: dict[str, Bijstandsverzoek],
) -> None:
    eigen = rapportage_maken(gebruiker=gebruiker("RCCB-AM"), jaar=2026, nu=NU)
    assert eigen.landelijk is False
    assert _rijen(eigen, "per-eenheid") == {gezaaid["am"].eenheid.naam: (1,)}
    assert sum(r[1] for r in eigen.tabel("per-maand").rijen) == 1
    beheerder = rapportage_maken(gebruiker=gebruiker("RCCB-AM", Rol.BEHEERDER), jaar=2026, nu=NU)
    assert beheerder.landelijk is True
    assert sum(r[1] for r in beheerder.tabel("per-maand").rijen) == 5
    inactief = gebruiker("LOCC")
    inactief.is_active = False
    inactief.save()
    niets = rapportage_maken(gebruiker=inactief, jaar=2026, nu=NU)
    assert sum(r[1] for r in niets.tabel("per-maand").rijen) == 0


def test_filters_eenheid_procedure_en_jaar(gezaaid: dict[str, Bijstandsverzoek]) -> None:
    locc = gebruiker("LOCC")
    mn = rapportage_maken(gebruiker=locc, jaar=2026, eenheid_code="EENHEID-MN", nu=NU)
    assert sum(r[1] for r in mn.tabel("per-maand").rijen) == 4
    geen = rapportage_maken(gebruiker=locc, jaar=2026, procedure_id="1", nu=NU)
    assert sum(r[1] for r in geen.tabel("per-maand").rijen) == 0
    assert geen.tabel("per-procedure").rijen == ()
    vorig = rapportage_maken(gebruiker=locc, jaar=2025, nu=NU)
    assert _rijen(vorig, "per-maand")["december"] == (1,)
    assert _rijen(vorig, "doorlooptijd-besluit")["Alle"] == (1, 1.0, 1.0)


def test_p90_en_doorlooptijd_zonder_en_met_een_waarde() -> None:
    assert p90([5.0]) == 5.0
    assert p90([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]) == pytest.approx(9.1)
    with pytest.raises(ValueError, match="geen waarden"):
        p90([])
    assert doorlooptijd([]).mediaan is None
    assert doorlooptijd([3600.0, 7200.0]) == doorlooptijd([7200.0, 3600.0])
