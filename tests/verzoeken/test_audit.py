"""Every service writes its audit event, on its object, in its transaction (issue #4, item 9)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import transaction

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.audit.keten import keten_verifieren
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.verzoeken import selectors, services
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, Taak
from tests.verzoeken.helpers import (
    NU,
    doorlopen,
    gebruiker,
    maak_verzoek,
    open_taken,
    org,
    situatie,
    stap_uitvoeren,
)

pytestmark = pytest.mark.usefixtures("referentiedata")


def laatste() -> AuditLogEntry:
    entry = AuditLogEntry.objects.order_by("-volgnummer").first()
    assert entry is not None
    return entry


def _toegekend() -> Deelverzoek:
    verzoek = maak_verzoek()
    doorlopen(verzoek)
    return Deelverzoek.objects.get(verzoek=verzoek)


def _in_inzet() -> Deelverzoek:
    deel = _toegekend()
    services.inzet_starten(
        deelverzoek=deel,
        periode_start=NU,
        periode_eind=NU + timedelta(hours=8),
        capaciteit="4 pelotons",
        door=gebruiker("RCCB-MN"),
        nu=NU,
    )
    return deel


def _afgewezen_procedure_1() -> Deelverzoek:
    sit = situatie(gevraagd=[{"leverancier": "politie"}], aanvrager_is_regioburgemeester=True)
    verzoek = maak_verzoek(sit)
    doorlopen(verzoek, {"taak_besluit_korpschef": {"uitkomst": "afgewezen", "motivering": "Nee"}})
    return Deelverzoek.objects.get(verzoek=verzoek)


def _besluittaak() -> Taak:
    verzoek = maak_verzoek(situatie(gevraagd=[{"leverancier": "buitenland", "land": "DE"}]))
    for _ in range(3):  # RCCB, LE-POB, then the burgemeester signs (procedure 5)
        stap_uitvoeren(open_taken(verzoek)[0], None, NU)
    return open_taken(verzoek)[0]


def _telefoon() -> Taak:
    return open_taken(maak_verzoek(situatie(spoed=True)))[0]


def _teruggegeven() -> int:
    taak = open_taken(maak_verzoek())[0]
    door = gebruiker("RCCB-MN")
    services.taak_oppakken(taak=taak, door=door, nu=NU)
    return services.taak_teruggeven(taak=taak, door=door, nu=NU).pk


# service -> (its event, the audited object's type, a call that returns the audited object's pk)
GEVALLEN: dict[str, tuple[str, str, Callable[[], Any]]] = {
    "verzoek_aanmaken": (
        "verzoek-aangemaakt",
        "verzoeken.bijstandsverzoek",
        lambda: maak_verzoek().pk,
    ),
    "taak_oppakken": (
        "taak-opgepakt",
        "verzoeken.taak",
        lambda: (
            services.taak_oppakken(
                taak=open_taken(maak_verzoek())[0], door=gebruiker("RCCB-MN"), nu=NU
            ).pk
        ),
    ),
    "taak_teruggeven": ("taak-teruggegeven", "verzoeken.taak", _teruggegeven),
    "taak_afronden": (
        "taak-overgeslagen",
        "verzoeken.taak",
        lambda: (
            services.taak_afronden(
                taak=open_taken(maak_verzoek())[0],
                data={"overgeslagen": True, "reden": "niet nodig"},
                door=gebruiker("RCCB-MN"),
                nu=NU,
            ).pk
        ),
    ),
    "telefonisch_contact_vastleggen": (
        "telefonisch-contact-vastgelegd",
        "verzoeken.telefonischcontact",
        lambda: (
            services.telefonisch_contact_vastleggen(
                taak=_telefoon(),
                beller="RCCB",
                gebelde_organisatie=org("LOCC"),
                gebeld="LOCC",
                tijdstip=NU,
                afspraken="Start",
                door=gebruiker("RCCB-MN"),
                nu=NU,
            ).pk
        ),
    ),
    "besluit_nemen": (
        "besluit-genomen",
        "verzoeken.besluit",
        lambda: (
            services.besluit_nemen(
                taak=_besluittaak(),
                uitkomst="toegekend",
                motivering="",
                door=gebruiker("LOCC", Rol.BESLUITVORMER),
                nu=NU,
            ).pk
        ),
    ),
    "beroep_instellen": (
        "beroep-ingesteld",
        "verzoeken.deelverzoek",
        lambda: (
            services.beroep_instellen(
                deelverzoek=_afgewezen_procedure_1(),
                door=gebruiker("GM0344", Rol.BESLUITVORMER),
                reden="Bijstand is noodzakelijk.",
                bevestigd=True,
                nu=NU,
            ).pk
        ),
    ),
    "inzet_starten": (
        "inzet-gestart",
        "verzoeken.inzetversie",
        lambda: _in_inzet().inzetversies.get().pk,
    ),
    "inzet_wijzigen": (
        "inzet-gewijzigd",
        "verzoeken.inzetversie",
        lambda: (
            services.inzet_wijzigen(
                deelverzoek=_in_inzet(),
                periode_start=NU,
                periode_eind=NU + timedelta(hours=8),
                capaciteit="3 pelotons",
                toelichting="minder nodig",
                door=gebruiker("RCCB-MN"),
                nu=NU,
            ).pk
        ),
    ),
    "inzet_verlengen": (
        "inzet-verlengd",
        "verzoeken.inzetversie",
        lambda: (
            services.inzet_verlengen(
                deelverzoek=_in_inzet(),
                periode_eind=NU + timedelta(hours=9),
                toelichting="langer",
                door=gebruiker("RCCB-MN"),
                nu=NU,
            ).pk
        ),
    ),
    "inzet_beeindigen": (
        "inzet-beeindigd",
        "verzoeken.inzetversie",
        lambda: (
            services.inzet_beeindigen(
                deelverzoek=_in_inzet(), door=gebruiker("RCCB-MN"), nu=NU + timedelta(hours=2)
            ).pk
        ),
    ),
    "inzet_evalueren": (
        "inzet-geevalueerd",
        "verzoeken.inzetevaluatie",
        lambda: (
            (d := _in_inzet())
            and services.inzet_beeindigen(
                deelverzoek=d, door=gebruiker("RCCB-MN"), nu=NU + timedelta(hours=2)
            )
            and services.inzet_evalueren(
                deelverzoek=d, verslag="goed", door=gebruiker("RCCB-MN"), nu=NU
            ).pk
        ),
    ),
    "verzoek_intrekken": (
        "verzoek-ingetrokken",
        "verzoeken.bijstandsverzoek",
        lambda: (
            services.verzoek_intrekken(
                verzoek=maak_verzoek(), reden="afgelast", door=gebruiker("RCCB-MN"), nu=NU
            ).pk
        ),
    ),
    "verzoek_bekijken": (
        "verzoek-bekeken",
        "verzoeken.bijstandsverzoek",
        lambda: (
            selectors.verzoek_bekijken(verzoek=maak_verzoek(), door=gebruiker("LOCC")).verzoek.pk
        ),
    ),
}


@pytest.mark.parametrize("service", list(GEVALLEN))
def test_elke_service_schrijft_haar_gebeurtenis(service: str) -> None:
    gebeurtenis, object_type, aanroep = GEVALLEN[service]
    pk = aanroep()
    entry = laatste()
    assert (entry.gebeurtenis, entry.object_type, entry.object_id) == (
        gebeurtenis,
        object_type,
        str(pk),
    )
    assert keten_verifieren().intact


def test_audit_en_wijziging_samen_of_geen_van_beide() -> None:
    verzoek = maak_verzoek()
    taak = open_taken(verzoek)[0]
    aantal = AuditLogEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.taak_afronden(taak=taak, data={}, door=gebruiker("RCCB-MN"), nu=NU)
        raise RuntimeError("een latere stap in dezelfde transactie mislukt")
    assert AuditLogEntry.objects.count() == aantal
    assert Taak.objects.get(pk=taak.pk).status == "open"


def test_keten_intact_na_een_hele_procedure_met_beroep() -> None:
    deel = _afgewezen_procedure_1()
    services.beroep_instellen(
        deelverzoek=deel,
        door=gebruiker("GM0344", Rol.BESLUITVORMER),
        reden="Bijstand is noodzakelijk.",
        bevestigd=True,
        nu=NU,
    )
    doorlopen(Bijstandsverzoek.objects.get(pk=deel.verzoek_id))
    verificatie = keten_verifieren()
    assert verificatie.intact
    assert verificatie.aantal == AuditLogEntry.objects.count()
