"""One form per municipality: each its own signing task and its own zienswijze.

Contract, interpretation 12 (issue #8, items 7 and 11): a route signed by a burgemeester has
one form per municipality of the request, signed by that municipality's own burgemeester (Pw
2012 art. 56 lid 1); each form needs the regioburgemeester's zienswijze unless that
municipality's burgemeester is the regioburgemeester (art. 56 lid 3), derived from the
reference data. The unit Den Haag: RCCB ``RCCB-DH``; 's-Gravenhage ``GM0518`` (its burgemeester
is the regioburgemeester), Wassenaar ``GM0629``, Rijswijk ``GM0603``.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.procedures import engine
from politiebijstand.verzoeken import services, workflow
from politiebijstand.verzoeken.constants import TaakStatus
from politiebijstand.verzoeken.exceptions import GeenToegang
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, Taak
from tests.verzoeken.helpers import (
    NU,
    STAP,
    doorlopen,
    gebruiker,
    open_taken,
    org,
    situatie,
    stap_uitvoeren,
)

pytestmark = pytest.mark.usefixtures("referentiedata")


def den_haag(
    gemeenten: tuple[str, ...], *, bevoegd_gezag: str = "GM0518", **velden: Any
) -> Bijstandsverzoek:
    """A request of the unit Den Haag, by the burgemeester of `bevoegd_gezag`."""
    namen = {"GM0518": "Den Haag", "GM0629": "Wassenaar", "GM0603": "Rijswijk (ZH.)"}
    sit = situatie(gemeenten=[namen[c] for c in gemeenten], **velden)
    return services.verzoek_aanmaken(
        situatie=sit,
        titel="Demonstraties Den Haag en Wassenaar",
        bevoegd_gezag=org(bevoegd_gezag),
        gemeenten=[org(c) for c in gemeenten],
        periode_start=NU + timedelta(days=2),
        periode_eind=NU + timedelta(days=2, hours=8),
        locatie="Malieveld en Landgoed De Paauw",
        gevraagde_capaciteit="2 pelotons",
        door=gebruiker("RCCB-DH"),
        nu=NU,
    )


def enig_deel(verzoek: Bijstandsverzoek) -> Deelverzoek:
    (deel,) = Deelverzoek.objects.filter(verzoek=verzoek)
    return deel


def open_stappen(verzoek: Bijstandsverzoek) -> list[tuple[str, str, str | None, str]]:
    """(bpmn id, organisation, municipality, label) of each open task, sorted."""
    return sorted(
        (t.bpmn_id, t.organisatie.code, t.gemeente.code if t.gemeente else None, t.naam)
        for t in Taak.objects.filter(
            verzoek=verzoek, status__in=(TaakStatus.OPEN, TaakStatus.OPGEPAKT)
        ).select_related("organisatie", "gemeente")
    )


def eerste_stappen(verzoek: Bijstandsverzoek) -> None:
    """The RCCB's contact with LE-POB and its drafting of the form (procedure 1)."""
    for nu in (NU + STAP, NU + 2 * STAP):
        (taak,) = open_taken(verzoek)
        stap_uitvoeren(taak, None, nu)


POLITIE = [{"leverancier": "politie"}]


def test_den_haag_en_wassenaar_twee_formulieren_en_een_zienswijze() -> None:
    verzoek = den_haag(("GM0518", "GM0629"), gevraagd=POLITIE)
    deel = enig_deel(verzoek)
    assert deel.procedure_id == "1"
    assert verzoek.advies["routes"][0]["formulieren"] == [
        {
            "gemeente": "'s-Gravenhage",
            "indiener": "burgemeester",
            "zienswijze_regioburgemeester": "niet_van_toepassing",
        },
        {
            "gemeente": "Wassenaar",
            "indiener": "burgemeester",
            "zienswijze_regioburgemeester": "vereist",
        },
    ]
    assert deel.startgegevens == {
        "spoed": False,
        "formalisatie_termijn": "PT24H",
        "zienswijze_vereist": True,
        "zienswijze_termijn": "PT24H",
        "gemeenten": ["GM0518", "GM0629"],
        "gemeenten_zienswijze": ["GM0629"],
    }
    eerste_stappen(verzoek)
    # Only Wassenaar's form asks the regioburgemeester (the burgemeester of 's-Gravenhage).
    assert open_stappen(verzoek) == [
        ("taak_zienswijze_regioburgemeester", "GM0518", "GM0629", "Zienswijze geven — Wassenaar"),
    ]
    (zienswijze,) = open_taken(verzoek)
    stap_uitvoeren(zienswijze, {"verslag": "Geen bezwaar."}, NU + 3 * STAP)
    assert open_stappen(verzoek) == [
        (
            "taak_verzoek_indienen",
            "GM0518",
            "GM0518",
            "Verzoek indienen bij de korpschef — 's-Gravenhage",
        ),
        (
            "taak_verzoek_indienen",
            "GM0629",
            "GM0629",
            "Verzoek indienen bij de korpschef — Wassenaar",
        ),
    ]


def test_elke_burgemeester_ondertekent_alleen_het_eigen_formulier() -> None:
    verzoek = den_haag(("GM0518", "GM0629"), gevraagd=POLITIE)
    eerste_stappen(verzoek)
    (zienswijze,) = open_taken(verzoek)
    stap_uitvoeren(zienswijze, None, NU + 3 * STAP)
    den_haag_taak, wassenaar_taak = sorted(open_taken(verzoek), key=lambda t: t.organisatie.code)
    assert (den_haag_taak.gemeente_id, wassenaar_taak.gemeente_id) == (
        org("GM0518").pk,
        org("GM0629").pk,
    )

    with pytest.raises(GeenToegang):
        services.taak_afronden(
            taak=den_haag_taak,
            data={"verslag": "Getekend"},
            door=gebruiker("GM0629", Rol.BESLUITVORMER),
            nu=NU + 4 * STAP,
        )
    den_haag_taak.refresh_from_db()
    assert den_haag_taak.status == TaakStatus.OPEN

    # Wassenaar signs: the form is not sent on while 's-Gravenhage has not signed.
    stap_uitvoeren(wassenaar_taak, {"verslag": "Getekend door de burgemeester van Wassenaar"}, NU)
    assert [(t.bpmn_id, t.organisatie.code) for t in open_taken(verzoek)] == [
        ("taak_verzoek_indienen", "GM0518"),
    ]
    stap_uitvoeren(den_haag_taak, {"verslag": "Getekend door de burgemeester van Den Haag"}, NU)
    assert [(t.bpmn_id, t.organisatie.code) for t in open_taken(verzoek)] == [
        ("taak_aanvraagformulier_verzenden", "RCCB-DH"),
    ]
    run = workflow.run_laden(enig_deel(verzoek))
    assert engine.task_data(run, "taak_verzoek_indienen") == {
        "GM0629": {"verslag": "Getekend door de burgemeester van Wassenaar"},
        "GM0518": {"verslag": "Getekend door de burgemeester van Den Haag"},
    }
    assert [(s.bpmn_id, s.gemeente) for s in run.steps][-2:] == [
        ("taak_verzoek_indienen", "GM0629"),
        ("taak_verzoek_indienen", "GM0518"),
    ]


def test_de_termijn_sluit_de_zienswijzen_die_nog_openstaan() -> None:
    verzoek = den_haag(("GM0629", "GM0603"), bevoegd_gezag="GM0629", gevraagd=POLITIE)
    assert enig_deel(verzoek).startgegevens["gemeenten_zienswijze"] == ["GM0629", "GM0603"]
    eerste_stappen(verzoek)
    rijswijk, wassenaar = sorted(open_taken(verzoek), key=lambda t: t.gemeente_id or 0)
    assert (rijswijk.gemeente_id, wassenaar.gemeente_id) == (org("GM0603").pk, org("GM0629").pk)
    assert wassenaar.due == rijswijk.due == NU + 2 * STAP + timedelta(hours=24)
    stap_uitvoeren(wassenaar, {"verslag": "Akkoord voor Wassenaar."}, NU + 3 * STAP)

    resultaat = services.timers_verwerken(nu=NU + 2 * STAP + timedelta(hours=24))

    assert resultaat.gevuurd == [(enig_deel(verzoek).pk, "timer_zienswijze")]
    rijswijk.refresh_from_db()
    wassenaar.refresh_from_db()
    assert (rijswijk.status, rijswijk.gegevens) == (
        TaakStatus.VERVALLEN,
        {"zienswijze": "geen zienswijze binnen de termijn"},
    )
    assert wassenaar.status == TaakStatus.AFGEROND
    assert sorted((t.bpmn_id, t.organisatie.code) for t in open_taken(verzoek)) == [
        ("taak_verzoek_indienen", "GM0603"),
        ("taak_verzoek_indienen", "GM0629"),
    ]


def test_de_regioburgemeester_alleen_vraagt_geen_zienswijze() -> None:
    verzoek = den_haag(("GM0518",), gevraagd=POLITIE)
    deel = enig_deel(verzoek)
    assert (deel.startgegevens["zienswijze_vereist"], deel.startgegevens["gemeenten"]) == (
        False,
        ["GM0518"],
    )
    assert "gemeenten_zienswijze" not in deel.startgegevens
    walk = doorlopen(verzoek)
    assert "taak_zienswijze_regioburgemeester" not in walk.taken
    assert walk.organisaties == [
        "RCCB-DH",
        "RCCB-DH",
        "GM0518",
        "RCCB-DH",
        "KORPSCHEF",
        "LE-POB",
        "LE-POB",
    ]


def test_kmar_elke_burgemeester_ondertekent_het_eigen_formulier() -> None:
    verzoek = den_haag(("GM0518", "GM0629"))
    deel = enig_deel(verzoek)
    assert (deel.procedure_id, deel.startgegevens["gemeenten"]) == ("3", ["GM0518", "GM0629"])
    walk = doorlopen(verzoek)
    ondertekend = [
        (t.organisatie.code, t.gemeente.code if t.gemeente else None)
        for fase in walk.fasen
        for t in fase
        if t.bpmn_id == "taak_aanvraagformulier_ondertekenen"
    ]
    assert sorted(ondertekend) == [("GM0518", "GM0518"), ("GM0629", "GM0629")]
    # Both signatures are in one stage: in parallel, each by its own burgemeester.
    (fase,) = [
        f for f in walk.fasen if any(t.bpmn_id == "taak_aanvraagformulier_ondertekenen" for t in f)
    ]
    assert len(fase) == 2


def test_spoed_elke_burgemeester_formaliseert_het_eigen_formulier() -> None:
    verzoek = den_haag(("GM0518", "GM0629"), gevraagd=POLITIE, spoed=True)
    deel = enig_deel(verzoek)
    assert deel.startgegevens["zienswijze_vereist"] is False
    assert "gemeenten_zienswijze" not in deel.startgegevens
    (telefoon,) = open_taken(verzoek)
    stap_uitvoeren(telefoon, None, NU + STAP)
    assert sorted((t.bpmn_id, t.organisatie.code) for t in open_taken(verzoek)) == [
        ("taak_besluit_korpschef", "KORPSCHEF"),
        ("taak_schriftelijk_formaliseren", "GM0518"),
        ("taak_schriftelijk_formaliseren", "GM0629"),
    ]
