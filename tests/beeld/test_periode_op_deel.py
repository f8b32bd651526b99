"""The part's current period and unit, kept by the services for the picture (ADR 0044).

`Deelverzoek.periode_start`, `periode_eind` and `eenheid` are copies: the request's at the
start of the part, then the latest deployment version's period. Each service that changes a
part (grant, refusal, withdrawal, appeal, start, change, extension, end of deployment) keeps
them in step; the data migration 0007 fills them for existing rows.
"""

from __future__ import annotations

import importlib
from datetime import UTC, datetime, timedelta

from django.apps import apps

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.exceptions import OngeldigeInvoer
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, InzetVersie
from politiebijstand.verzoeken.selectors import beeld_delen
from tests.verzoeken.helpers import (
    doorlopen,
    gebruiker,
    maak_verzoek,
    maak_verzoek_amsterdam,
    org,
    situatie,
)

pytestmark = pytest.mark.usefixtures("referentiedata")

#: A Monday far ahead (the picture leaves out what has ended by `nu`); the requests of
#: `maak_verzoek` ask for Wednesday 14 January 09:00 to 17:00 UTC.
T = datetime(2099, 1, 12, 9, 0, tzinfo=UTC)
START = datetime(2099, 1, 14, 9, 0, tzinfo=UTC)
EIND = datetime(2099, 1, 14, 17, 0, tzinfo=UTC)


def _periode(deel: Deelverzoek) -> tuple[str, datetime, datetime, str]:
    """The part's status, current period and unit code, as stored."""
    d = Deelverzoek.objects.select_related("eenheid").get(pk=deel.pk)
    return d.status, d.periode_start, d.periode_eind, d.eenheid.code


def _op_beeld(deel: Deelverzoek) -> tuple[str, datetime, datetime] | None:
    """The part as the LOCC's picture has it at `T`: status and period, or None."""
    for d in beeld_delen(gebruiker=gebruiker("LOCC"), nu=T):
        if d.pk == deel.pk:
            return d.status, d.periode_start, d.periode_eind
    return None


def _toegekend() -> Deelverzoek:
    verzoek = maak_verzoek(nu=T)
    doorlopen(verzoek, nu=T)
    return Deelverzoek.objects.get(verzoek=verzoek)


def test_een_nieuw_deel_krijgt_de_periode_en_eenheid_van_het_verzoek() -> None:
    deel = Deelverzoek.objects.get(verzoek=maak_verzoek(nu=T))
    assert _periode(deel) == ("in_behandeling", START, EIND, "EENHEID-MN")
    assert _op_beeld(deel) == ("in_behandeling", START, EIND)
    amsterdam = Deelverzoek.objects.get(verzoek=maak_verzoek_amsterdam(nu=T))
    assert _periode(amsterdam) == (
        "in_behandeling",
        datetime(2099, 1, 15, 9, 0, tzinfo=UTC),
        datetime(2099, 1, 15, 15, 0, tzinfo=UTC),
        "EENHEID-AM",
    )


def test_toekenning_houdt_de_periode_van_het_verzoek() -> None:
    deel = _toegekend()
    assert _periode(deel) == ("toegekend", START, EIND, "EENHEID-MN")
    assert _op_beeld(deel) == ("toegekend", START, EIND)


def test_afwijzing_houdt_de_periode_en_het_deel_blijft_op_het_beeld() -> None:
    verzoek = maak_verzoek(nu=T)
    doorlopen(verzoek, {"taak_besluit_locc": {"uitkomst": "afgewezen", "motivering": "Nee."}}, nu=T)
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    assert _periode(deel) == ("afgewezen", START, EIND, "EENHEID-MN")
    assert _op_beeld(deel) == ("afgewezen", START, EIND)


def test_intrekking_houdt_de_periode_en_haalt_het_deel_van_het_beeld() -> None:
    verzoek = maak_verzoek(nu=T)
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    services.verzoek_intrekken(
        verzoek=verzoek, reden="Afgelast.", door=gebruiker("RCCB-MN"), nu=T + timedelta(hours=1)
    )
    assert _periode(deel) == ("ingetrokken", START, EIND, "EENHEID-MN")
    assert _op_beeld(deel) is None


def test_beroep_is_een_deel_met_de_periode_en_eenheid_van_het_verzoek() -> None:
    sit = situatie(gevraagd=[{"leverancier": "politie"}], aanvrager_is_regioburgemeester=True)
    verzoek = maak_verzoek(sit, nu=T)
    doorlopen(
        verzoek,
        {"taak_besluit_korpschef": {"uitkomst": "afgewezen", "motivering": "Nee"}},
        nu=T,
    )
    ouder = Deelverzoek.objects.get(verzoek=verzoek)
    services.beroep_instellen(
        deelverzoek=ouder,
        door=gebruiker("GM0344", Rol.BESLUITVORMER),
        reden="Nodig.",
        bevestigd=True,
        nu=T + timedelta(hours=2),
    )
    beroep = Deelverzoek.objects.get(verzoek=verzoek, beroep_op=ouder)
    assert _periode(beroep) == ("in_behandeling", START, EIND, "EENHEID-MN")
    assert _periode(ouder) == ("in_beroep", START, EIND, "EENHEID-MN")
    assert _op_beeld(beroep) == ("in_behandeling", START, EIND)


def test_starten_wijzigen_verlengen_en_beeindigen_zetten_de_periode_van_de_laatste_versie() -> None:
    deel = _toegekend()
    rccb = gebruiker("RCCB-MN")
    start, eind = START + timedelta(hours=1), EIND + timedelta(hours=2)
    services.inzet_starten(
        deelverzoek=deel,
        periode_start=start,
        periode_eind=eind,
        capaciteit="4 pelotons",
        door=rccb,
        nu=T,
    )
    assert _periode(deel) == ("in_inzet", start, eind, "EENHEID-MN")
    assert _op_beeld(deel) == ("in_inzet", start, eind)

    services.inzet_wijzigen(
        deelverzoek=deel,
        periode_start=start - timedelta(hours=3),
        periode_eind=eind,
        capaciteit="3 pelotons",
        toelichting="Eerder begonnen.",
        door=rccb,
        nu=T,
    )
    assert _periode(deel) == ("in_inzet", start - timedelta(hours=3), eind, "EENHEID-MN")

    services.inzet_verlengen(
        deelverzoek=deel,
        periode_eind=eind + timedelta(days=1),
        toelichting="Onrust houdt aan.",
        door=gebruiker("LOCC"),
        nu=T,
    )
    verlengd = ("in_inzet", start - timedelta(hours=3), eind + timedelta(days=1))
    assert _periode(deel) == (*verlengd, "EENHEID-MN")
    assert _op_beeld(deel) == verlengd

    # A refused extension changes nothing, the period on the part neither.
    with pytest.raises(OngeldigeInvoer):
        services.inzet_verlengen(
            deelverzoek=deel,
            periode_eind=eind,
            toelichting="Te kort.",
            door=gebruiker("LOCC"),
            nu=T,
        )
    assert _periode(deel) == (*verlengd, "EENHEID-MN")

    services.inzet_beeindigen(
        deelverzoek=deel,
        beeindigd_op=eind + timedelta(hours=5),
        door=rccb,
        nu=eind + timedelta(hours=5),
    )
    assert _periode(deel) == (
        "inzet_beeindigd",
        start - timedelta(hours=3),
        eind + timedelta(hours=5),
        "EENHEID-MN",
    )
    assert _op_beeld(deel) is None
    laatste = InzetVersie.objects.filter(deelverzoek=deel).order_by("-versie").first()
    assert laatste is not None
    assert (laatste.versie, laatste.periode_eind) == (4, eind + timedelta(hours=5))


def test_de_datamigratie_vult_periode_en_eenheid_van_bestaande_delen() -> None:
    """Migration 0007 on rows whose copies are wrong: the request's, else the latest version's."""
    vullen = importlib.import_module(
        "politiebijstand.verzoeken.migrations.0008_deelverzoek_periode_vullen"
    ).vullen
    gewoon = Deelverzoek.objects.get(verzoek=maak_verzoek(nu=T))
    ingezet = _toegekend()
    rccb = gebruiker("RCCB-MN")
    services.inzet_starten(
        deelverzoek=ingezet,
        periode_start=START,
        periode_eind=EIND,
        capaciteit="4 pelotons",
        door=rccb,
        nu=T,
    )
    services.inzet_verlengen(
        deelverzoek=ingezet,
        periode_eind=EIND + timedelta(hours=6),
        toelichting="Langer.",
        door=rccb,
        nu=T,
    )
    # As before the migration: nothing sensible in the new columns.
    Deelverzoek.objects.update(
        periode_start=datetime(2000, 1, 1, tzinfo=UTC),
        periode_eind=datetime(2000, 1, 2, tzinfo=UTC),
        eenheid=org("EENHEID-LB"),
    )
    vullen(apps, None)
    assert _periode(gewoon) == ("in_behandeling", START, EIND, "EENHEID-MN")
    assert _periode(ingezet) == ("in_inzet", START, EIND + timedelta(hours=6), "EENHEID-MN")
    for deel in Deelverzoek.objects.select_related("verzoek"):
        if not InzetVersie.objects.filter(deelverzoek=deel).exists():
            verzoek: Bijstandsverzoek = deel.verzoek
            assert (deel.periode_start, deel.periode_eind, deel.eenheid_id) == (
                verzoek.periode_start,
                verzoek.periode_eind,
                verzoek.eenheid_id,
            )
