"""The after-action evaluation of a request: lead times, decisions, capacity, PDF (#11 item 6)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from pytest_django.fixtures import Settings as SettingsWrapper

from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, Taak
from politiebijstand.verzoeken.selectors import evaluatie, uren_tussen
from tests.verzoeken.helpers import NU, doorlopen, gebruiker, maak_verzoek

pytestmark = pytest.mark.usefixtures("referentiedata")


@pytest.fixture(autouse=True)
def documentenmap(settings: SettingsWrapper, tmp_path: Path) -> Path:
    """Each test stores its documents in a folder of its own."""
    settings.DOCUMENTEN_DIR = tmp_path / "documenten"
    return Path(settings.DOCUMENTEN_DIR)


START = NU + timedelta(days=2)
EIND = NU + timedelta(days=2, hours=8)


def test_uren_tussen_twee_decimalen_half_naar_boven() -> None:
    assert uren_tussen(NU, NU + timedelta(minutes=90)) == Decimal("1.50")
    assert uren_tussen(NU, NU + timedelta(minutes=5)) == Decimal("0.08")
    assert uren_tussen(NU, NU + timedelta(seconds=18)) == Decimal("0.01")  # 0.005 -> 0.01
    assert uren_tussen(NU, NU + timedelta(days=2, minutes=30)) == Decimal("48.50")


def afgeronde_inzet() -> Bijstandsverzoek:
    """A KMar request for Utrecht, granted, deployed with "4 pelotons" and ended."""
    verzoek = maak_verzoek()
    doorlopen(verzoek)
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    rccb = gebruiker("RCCB-MN")
    services.inzet_starten(
        deelverzoek=deel,
        periode_start=START,
        periode_eind=EIND,
        capaciteit="4 pelotons",
        door=rccb,
        nu=START,
    )
    services.inzet_beeindigen(
        deelverzoek=deel, beeindigd_op=EIND - timedelta(hours=1), door=rccb, nu=EIND
    )
    return verzoek


def test_evaluatie_doorlooptijden_besluiten_capaciteit_en_kosten() -> None:
    verzoek = afgeronde_inzet()
    ev = evaluatie(verzoek)
    taken = list(
        Taak.objects.filter(verzoek=verzoek, status="afgerond").order_by("afgerond_op", "id")
    )
    # Lead times computed here from the stored times: seconds / 3600, two decimals.
    verwacht = [
        (
            t.naam,
            (
                Decimal(int((t.afgerond_op - t.aangemaakt_op).total_seconds())) / Decimal(3600)
            ).quantize(Decimal("0.01")),
        )
        for t in taken
        if t.afgerond_op is not None
    ]
    assert [(s.naam, s.doorlooptijd_uren) for s in ev.stappen] == verwacht
    assert len(ev.stappen) == len(taken) == 15
    # Every stage of the walk takes 5 minutes: each step is 0.08 hours.
    assert {s.doorlooptijd_uren for s in ev.stappen} == {Decimal("0.08")}
    assert [s.deel for s in ev.stappen] == [1] * len(taken)
    # One decision, by the korpschef's side, granted; hours from the request to it.
    assert len(ev.besluiten) == 1
    besluit = ev.besluiten[0]
    assert besluit.uitkomst == "Toegekend"
    assert besluit.deel == 1
    assert besluit.uren_na_verzoek == uren_tussen(verzoek.aangemaakt_op, besluit.genomen_op)
    # The walk's 13th stage (of 5 minutes each) is the decision: 65 minutes after the request.
    assert besluit.genomen_op == NU + timedelta(minutes=65)
    assert besluit.uren_na_verzoek == Decimal("1.08")
    assert besluit.namens == (
        "namens de Minister van Justitie en Veiligheid, na overleg met de Minister van Defensie "
        "(of) en in overeenstemming met de Minister van Defensie (op welke wijze)"
    )
    # Capacity: 4 asked, 4 granted, delivered = granted (the deployment records words).
    assert [
        (c.deel, c.omschrijving, c.gevraagd, c.toegekend, c.geleverd, c.inzet)
        for c in ev.capaciteit
    ] == [(1, "ME-peloton", 4, 4, 4, "4 pelotons")]
    assert ev.inzet_beeindigd is True
    assert ev.kosten == "Kosten: niet vastgelegd"
    titels = [i.titel for i in ev.tijdlijn]
    assert titels[-1] == "Inzet beëindigd (versie 2)"
    assert "Inzet gestart (versie 1)" in titels
    assert "Besluit: toegekend, " + besluit.namens in titels
    assert [i.op for i in ev.tijdlijn] == sorted(i.op for i in ev.tijdlijn)


def test_evaluatie_zonder_besluit_en_zonder_inzet() -> None:
    verzoek = maak_verzoek()
    ev = evaluatie(verzoek)
    assert ev.stappen == ()
    assert ev.besluiten == ()
    assert [(c.gevraagd, c.toegekend, c.geleverd, c.inzet) for c in ev.capaciteit] == [
        (4, None, None, "")
    ]
    assert ev.inzet_beeindigd is False


def test_evaluatie_als_pdf_opgeslagen_als_nieuwe_versie() -> None:
    from politiebijstand.documenten.models import Document
    from politiebijstand.documenten.services import document_pad
    from politiebijstand.verzoeken.services.evaluatie import evaluatie_pdf_opslaan
    from tests.documenten.pdf import tekst

    verzoek = afgeronde_inzet()
    door = gebruiker("RCCB-MN")
    een = evaluatie_pdf_opslaan(verzoek=verzoek, door=door, nu=EIND)
    twee = evaluatie_pdf_opslaan(verzoek=verzoek, door=door, nu=EIND + timedelta(hours=1))
    assert [
        (d.soort, d.versie, d.titel)
        for d in Document.objects.filter(verzoek=verzoek, soort="evaluatie")
    ] == [
        ("evaluatie", 1, f"Evaluatie {verzoek.kenmerk}"),
        ("evaluatie", 2, f"Evaluatie {verzoek.kenmerk}"),
    ]
    assert een.versie == 1 and twee.versie == 2
    inhoud = " ".join(tekst(document_pad(een).read_bytes()).split())
    assert f"Evaluatie bijstandsverzoek {verzoek.kenmerk}" in inhoud
    assert "Kosten: niet vastgelegd" in inhoud
    assert "Periode 4 maart 2026 om 10:00 tot 4 maart 2026 om 18:00" in inhoud
    assert "Deel Omschrijving Gevraagd Toegekend Geleverd 1 ME-peloton 4 4 4" in inhoud
    assert "(op welke wijze) 2 maart 2026 om 11:05 1,08" in inhoud
    assert "Aanvraag toetsen Landelijk Operationeel Coördinatiecentrum 0,08" in inhoud
    assert inhoud.count(" 0,08 ") == 15
    assert "Inzet beëindigd (versie 2)" in inhoud


def test_evaluatie_toont_de_fnik_kosten_van_een_militaire_inzet() -> None:
    """Procedure 3 (KMar): the estimate at the grant and the actual costs (ADR 0041, 0042)."""
    from politiebijstand.fnik.models import Kostenpost

    verzoek = maak_verzoek()
    doorlopen(verzoek)
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    locc = gebruiker("LOCC")
    for soort, bedrag in (("raming", Decimal("12500.50")), ("werkelijk", Decimal("1000000"))):
        Kostenpost.objects.create(
            verzoek=verzoek,
            deelverzoek=deel,
            soort=soort,
            bedrag=bedrag,
            jaar=2026,
            vastgelegd_door=locc,
            vastgelegd_op=NU,
        )
    assert evaluatie(verzoek).kosten == (
        "Kosten (FNIK): Raming: € 12.500,50; Werkelijke kosten: € 1.000.000,00"
    )


def test_evaluatie_toont_begin_en_einde_van_de_inzet() -> None:
    verzoek = afgeronde_inzet()
    assert evaluatie(verzoek).inzet_perioden == ((1, START, EIND - timedelta(hours=1)),)
