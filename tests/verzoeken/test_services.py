"""The services of the bijstandsverzoek: effects, audit events, outbox rows and refusals.

A refusal asserts that nothing changed: the task, the part (its version and run), the audit
trail and the outbox are as before.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.meldingen.models import Bericht
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.constants import (
    DeelverzoekStatus,
    InzetSoort,
    TaakStatus,
    VerzoekStatus,
)
from politiebijstand.verzoeken.demo import formulier_ondertekenen_voor_taak
from politiebijstand.verzoeken.exceptions import (
    GeenToegang,
    GelijktijdigGewijzigd,
    OngeldigeInvoer,
    OngeldigeOvergang,
    TaakNietOpen,
)
from politiebijstand.verzoeken.models import (
    Besluit,
    Bijstandsverzoek,
    Deelverzoek,
    InzetVersie,
    StatusWijziging,
    Taak,
)
from politiebijstand.verzoeken.services.formulier import is_ondertekentaak
from politiebijstand.verzoeken.workflow import run_laden, run_opslaan
from tests.verzoeken.helpers import (
    NU,
    doorlopen,
    gebruiker,
    maak_verzoek,
    open_taken,
    org,
    situatie,
    standaard,
)

pytestmark = pytest.mark.usefixtures("referentiedata")


def toestand() -> dict[str, Any]:
    """Everything a refused service must leave unchanged."""
    return {
        "taken": sorted(
            Taak.objects.values_list("pk", "status", "opgepakt_door_id", "afgerond_door_id")
        ),
        "delen": sorted(Deelverzoek.objects.values_list("pk", "status", "versie", "run_state")),
        "verzoeken": sorted(Bijstandsverzoek.objects.values_list("pk", "status", "versie")),
        "audit": AuditLogEntry.objects.count(),
        "berichten": Bericht.objects.count(),
        "statuswijzigingen": StatusWijziging.objects.count(),
        "besluiten": Besluit.objects.count(),
        "inzet": InzetVersie.objects.count(),
    }


def laatste_audit() -> AuditLogEntry:
    entry = AuditLogEntry.objects.order_by("-volgnummer").first()
    assert entry is not None
    return entry


def na(entry: AuditLogEntry) -> dict[str, Any]:
    assert isinstance(entry.na, dict)
    return entry.na


def gebeurtenissen_sinds(volgnummer: int) -> list[str]:
    return list(
        AuditLogEntry.objects.filter(volgnummer__gt=volgnummer)
        .order_by("volgnummer")
        .values_list("gebeurtenis", flat=True)
    )


def eerste_taak(verzoek: Bijstandsverzoek) -> Taak:
    return open_taken(verzoek)[0]


def tot_taak(verzoek: Bijstandsverzoek, bpmn_id: str) -> Taak:
    """Walk the request until the task `bpmn_id` is open, and return it."""
    for _ in range(30):
        for taak in open_taken(verzoek):
            if taak.bpmn_id == bpmn_id:
                return taak
        taak = open_taken(verzoek)[0]
        door = gebruiker(taak.organisatie.code, Rol.BESLUITVORMER)
        if taak.bpmn_id == services.TELEFOON_STAP:
            services.telefonisch_contact_vastleggen(
                taak=taak,
                beller="RCCB",
                gebelde_organisatie=org("LOCC"),
                gebeld="LOCC",
                tijdstip=NU,
                afspraken="Start.",
                door=door,
                nu=NU,
            )
        else:
            data = standaard(taak) if "politie_uitgeput" in taak.velden else {}
            if is_ondertekentaak(taak):
                formulier_ondertekenen_voor_taak(taak, door=door, nu=NU)
            else:
                services.taak_afronden(taak=taak, data=data, door=door, nu=NU)
    raise AssertionError(f"{bpmn_id} not reached")


# --- verzoek_aanmaken ------------------------------------------------------------------------


def test_verzoek_aanmaken_slaat_advies_regels_en_eerste_taak_op() -> None:
    door = gebruiker("RCCB-MN")
    verzoek = maak_verzoek(door=door)
    assert verzoek.kenmerk == f"BV-2026-{verzoek.pk:06d}"
    assert (verzoek.gezag, verzoek.bevoegd_gezag.code, verzoek.eenheid.code) == (
        "burgemeester",
        "GM0344",
        "EENHEID-MN",
    )
    assert (verzoek.rccb.code, verzoek.regioburgemeester and verzoek.regioburgemeester.code) == (
        "RCCB-MN",
        "GM0344",
    )
    assert verzoek.advies["routes"][0]["procedure"] == "3"
    assert len(verzoek.regels_versie) == 64
    assert [g.code for g in verzoek.gemeenten.all()] == ["GM0344"]
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    assert deel.startgegevens == {
        "spoed": False,
        "formalisatie_termijn": "PT24H",
        "indiener": "burgemeester",
        "gemeenten": ["GM0344"],
    }
    assert [(r.omschrijving, r.aantal) for r in deel.regels.all()] == [("ME-peloton", 4)]
    (taak,) = open_taken(verzoek)
    assert (taak.bpmn_id, taak.bpmn_lane, taak.organisatie.code, taak.optioneel) == (
        "taak_vooroverleg_ccb_kmar",
        "RCCB",
        "RCCB-MN",
        True,
    )
    assert taak.lane == "RCCB-MN"
    entry = AuditLogEntry.objects.get(gebeurtenis="verzoek-aangemaakt")
    assert (entry.actor_id, entry.object_id) == (door.pk, str(verzoek.pk))
    assert na(entry)["procedures"] == ["3"]
    bericht = Bericht.objects.get(soort="taak-klaargezet")
    assert [o.code for o in bericht.ontvangers.all()] == ["RCCB-MN"]
    assert bericht.onderwerp == f"{verzoek.kenmerk}: nieuwe taak '{taak.naam}'"
    assert StatusWijziging.objects.filter(verzoek=verzoek).count() == 1


@pytest.mark.parametrize(
    ("wijziging", "veld"),
    [
        ({"situatie": {"taak": "onbekend"}}, "situatie.taak"),
        ({"situatie": {"eigen_capaciteit_toereikend": True}}, "situatie"),
        ({"titel": "  "}, "titel"),
        ({"locatie": ""}, "locatie"),
        ({"bevoegd_gezag": "OM-MN"}, "bevoegd_gezag"),
        ({"bevoegd_gezag": "GM0599"}, "bevoegd_gezag"),
        ({"gemeenten": ["GM0599"]}, "gemeenten"),
        ({"periode_eind": NU}, "periode_eind"),
        ({"periode_start": NU.replace(tzinfo=None)}, "periode_start"),
        ({"gevraagde_capaciteit": "", "regels": ()}, "gevraagde_capaciteit"),
        ({"regels": (services.InzetRegel("x", 0),)}, "regels[0].aantal"),
        ({"regels": (services.InzetRegel("x", 1, deel=2),)}, "regels[0].deel"),
    ],
)
def test_verzoek_aanmaken_weigert_ongeldige_invoer_met_het_veld(
    wijziging: dict[str, Any], veld: str
) -> None:
    kwargs: dict[str, Any] = {
        "situatie": situatie(),
        "titel": "Titel",
        "bevoegd_gezag": org("GM0344"),
        "gemeenten": [],
        "periode_start": NU + timedelta(days=1),
        "periode_eind": NU + timedelta(days=2),
        "locatie": "Utrecht",
        "gevraagde_capaciteit": "4 pelotons",
        "regels": (),
        "door": gebruiker("RCCB-MN"),
        "nu": NU,
    }
    for key, value in wijziging.items():
        if key == "situatie":
            kwargs["situatie"] = situatie(**value)
        elif key == "bevoegd_gezag":
            kwargs[key] = org(value)
        elif key == "gemeenten":
            kwargs[key] = [org(c) for c in value]
        else:
            kwargs[key] = value
    voor = toestand()
    with pytest.raises(OngeldigeInvoer) as exc:
        services.verzoek_aanmaken(**kwargs)
    assert exc.value.veld == veld
    assert toestand() == voor


def test_alleen_een_rccb_van_een_eenheid_maakt_een_verzoek() -> None:
    voor = toestand()
    with pytest.raises(GeenToegang):
        maak_verzoek(door=gebruiker("LOCC"))
    assert toestand() == voor


# --- taak_oppakken, taak_teruggeven, taak_afronden ------------------------------------------


def test_taak_oppakken_en_teruggeven() -> None:
    verzoek = maak_verzoek()
    taak = eerste_taak(verzoek)
    anna, bert = gebruiker("RCCB-MN"), gebruiker("RCCB-MN")
    start = laatste_audit().volgnummer
    services.taak_oppakken(taak=taak, door=anna, nu=NU)
    taak.refresh_from_db()
    assert (taak.status, taak.opgepakt_door_id) == (TaakStatus.OPGEPAKT, anna.pk)
    voor = toestand()
    with pytest.raises(TaakNietOpen, match="opgepakt door"):
        services.taak_afronden(taak=taak, data={}, door=bert, nu=NU)
    with pytest.raises(TaakNietOpen):
        services.taak_teruggeven(taak=taak, door=bert, nu=NU)
    assert toestand() == voor
    services.taak_teruggeven(taak=taak, door=anna, nu=NU)
    taak.refresh_from_db()
    assert (taak.status, taak.opgepakt_door_id) == (TaakStatus.OPEN, None)
    assert gebeurtenissen_sinds(start) == ["taak-opgepakt", "taak-teruggegeven"]


def test_taak_afronden_volgt_de_procedure_schrijft_audit_en_bericht() -> None:
    verzoek = maak_verzoek()
    tot_taak(verzoek, "taak_vooroverleg_locc")
    taak = eerste_taak(verzoek)
    assert taak.bpmn_id == "taak_vooroverleg_locc"
    door = gebruiker("RCCB-MN")
    start = laatste_audit().volgnummer
    berichten = Bericht.objects.count()
    services.taak_afronden(taak=taak, data={"verslag": "LOCC gebeld"}, door=door, nu=NU)
    taak.refresh_from_db()
    assert (taak.status, taak.afgerond_door_id, taak.gegevens) == (
        TaakStatus.AFGEROND,
        door.pk,
        {"verslag": "LOCC gebeld"},
    )
    assert gebeurtenissen_sinds(start) == ["taak-afgerond"]
    assert na(laatste_audit())["nieuwe_taken"] == ["taak_aanvraagformulier_opstellen"]
    nieuw = list(Bericht.objects.order_by("id")[berichten:])
    assert [(b.soort, [o.code for o in b.ontvangers.all()]) for b in nieuw] == [
        ("taak-klaargezet", ["RCCB-MN"]),
        ("stap-afgerond", ["LOCC"]),
    ]


def test_optionele_stap_overslaan_vraagt_een_reden() -> None:
    verzoek = maak_verzoek()
    taak = eerste_taak(verzoek)
    door = gebruiker("RCCB-MN")
    voor = toestand()
    with pytest.raises(OngeldigeInvoer) as exc:
        services.taak_afronden(taak=taak, data={"overgeslagen": True}, door=door, nu=NU)
    assert exc.value.veld == "reden"
    assert toestand() == voor
    services.taak_afronden(
        taak=taak, data={"overgeslagen": True, "reden": "CCB-KMar onbereikbaar"}, door=door, nu=NU
    )
    taak.refresh_from_db()
    assert (taak.overgeslagen, laatste_audit().gebeurtenis) == (True, "taak-overgeslagen")


def test_verplichte_stap_kan_niet_worden_overgeslagen() -> None:
    verzoek = maak_verzoek()
    taak = tot_taak(verzoek, "taak_vooroverleg_locc")
    voor = toestand()
    with pytest.raises(OngeldigeInvoer) as exc:
        services.taak_afronden(
            taak=taak,
            data={"overgeslagen": True, "reden": "geen zin"},
            door=gebruiker("RCCB-MN"),
            nu=NU,
        )
    assert exc.value.veld == "overgeslagen"
    assert toestand() == voor


def test_veld_van_de_stap_wordt_gecontroleerd_met_naam() -> None:
    verzoek = maak_verzoek(
        situatie(
            gevraagd=[
                {"leverancier": "krijgsmacht", "politie_uitgeput": True, "kmar_uitgeput": True}
            ]
        )
    )
    taak = tot_taak(verzoek, "taak_toestemming_geven")
    door = gebruiker("LE-POB")
    voor = toestand()
    with pytest.raises(OngeldigeInvoer) as exc:
        services.taak_afronden(taak=taak, data={}, door=door, nu=NU)
    assert (exc.value.veld, exc.value.message) == (
        "toestemming",
        "verplicht veld van de stap 'Toestemming geven, RCCB en LOCC informeren'",
    )
    with pytest.raises(OngeldigeInvoer) as exc:
        services.taak_afronden(taak=taak, data={"toestemming": "ja"}, door=door, nu=NU)
    assert (exc.value.veld, exc.value.message) == ("toestemming", "kies ja of nee")
    assert toestand() == voor


def test_taak_van_een_andere_organisatie_wordt_geweigerd() -> None:
    verzoek = maak_verzoek()
    taak = eerste_taak(verzoek)
    voor = toestand()
    for code in ("RCCB-RT", "LOCC", "GM0344"):
        with pytest.raises(GeenToegang, match="hoort niet bij uw organisatie"):
            services.taak_afronden(taak=taak, data={}, door=gebruiker(code), nu=NU)
        with pytest.raises(GeenToegang):
            services.taak_oppakken(taak=taak, door=gebruiker(code), nu=NU)
    assert toestand() == voor


def test_besluit_en_telefoon_hebben_hun_eigen_service() -> None:
    verzoek = maak_verzoek(situatie(spoed=True))
    telefoon = eerste_taak(verzoek)
    voor = toestand()
    with pytest.raises(OngeldigeInvoer) as exc:
        services.taak_afronden(taak=telefoon, data={}, door=gebruiker("RCCB-MN"), nu=NU)
    assert exc.value.code == "telefonisch-contact-vastleggen"
    assert toestand() == voor
    besluit = tot_taak(maak_verzoek(), "taak_besluit_locc")
    voor = toestand()
    with pytest.raises(OngeldigeInvoer) as exc:
        services.taak_afronden(
            taak=besluit, data={"besluit": "toegekend"}, door=gebruiker("LOCC", Rol.BESLUITVORMER)
        )
    assert exc.value.code == "besluit-via-besluit-nemen"
    assert toestand() == voor


# --- concurrency (sequential equivalent; the threaded test runs on PostgreSQL) ---------------


def test_tweede_afronding_van_dezelfde_taak_krijgt_een_duidelijke_fout() -> None:
    verzoek = maak_verzoek()
    taak = eerste_taak(verzoek)
    anna = gebruiker("RCCB-MN")
    anna.first_name, anna.last_name = "Anna", "de Vries"
    anna.save()
    verouderd = Taak.objects.get(pk=taak.pk)  # what the second person's form was built from
    services.taak_afronden(taak=taak, data={"verslag": "gedaan"}, door=anna, nu=NU)
    voor = toestand()
    with pytest.raises(TaakNietOpen) as exc:
        services.taak_afronden(
            taak=verouderd, data={"verslag": "ook gedaan"}, door=gebruiker("RCCB-MN"), nu=NU
        )
    assert exc.value.message == (
        "Deze taak is al afgerond door Anna de Vries op 02-03-2026 10:00. Er is niets gewijzigd."
    )
    assert exc.value.code == "taak-niet-open"
    assert toestand() == voor
    assert Taak.objects.get(pk=taak.pk).gegevens == {"verslag": "gedaan"}


def test_optimistische_versie_weigert_een_verouderde_run() -> None:
    verzoek = maak_verzoek()
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    verouderd = Deelverzoek.objects.get(pk=deel.pk)
    services.taak_afronden(taak=eerste_taak(verzoek), data={}, door=gebruiker("RCCB-MN"), nu=NU)
    voor = toestand()
    with pytest.raises(GelijktijdigGewijzigd):
        run_opslaan(deelverzoek=verouderd, run=run_laden(verouderd), nu=NU)
    assert toestand() == voor


# --- telefonisch contact ------------------------------------------------------------------


def test_telefonisch_contact_vastleggen_start_het_werk_en_de_termijn() -> None:
    verzoek = maak_verzoek(situatie(spoed=True))
    taak = eerste_taak(verzoek)
    door = gebruiker("RCCB-MN")
    contact = services.telefonisch_contact_vastleggen(
        taak=taak,
        beller="J. Jansen, hoofd RCCB",
        gebelde_organisatie=org("LOCC"),
        gebeld="piket LOCC",
        tijdstip=NU - timedelta(minutes=10),
        afspraken="KMar-peloton om 14:00 ter plaatse; formulier volgt.",
        door=door,
        nu=NU,
    )
    assert (contact.beller_organisatie.code, contact.gebelde_organisatie.code) == (
        "RCCB-MN",
        "LOCC",
    )
    open_ = {t.bpmn_id: t for t in open_taken(verzoek)}
    assert set(open_) == {"taak_aanvraag_verwerken", "taak_schriftelijk_formaliseren"}
    assert open_["taak_schriftelijk_formaliseren"].due == NU + timedelta(hours=24)
    assert open_["taak_aanvraag_verwerken"].due is None
    assert Deelverzoek.objects.get(verzoek=verzoek).volgende_timer == NU + timedelta(hours=24)
    entry = laatste_audit()
    assert entry.gebeurtenis == "telefonisch-contact-vastgelegd"
    assert na(entry)["gegevens"]["afspraken"] == (
        "KMar-peloton om 14:00 ter plaatse; formulier volgt."
    )


@pytest.mark.parametrize(
    ("wijziging", "veld"),
    [
        ({"beller": ""}, "beller"),
        ({"gebeld": " "}, "gebeld"),
        ({"afspraken": ""}, "afspraken"),
        ({"tijdstip": NU + timedelta(hours=1)}, "tijdstip"),
        ({"tijdstip": NU.replace(tzinfo=None)}, "tijdstip"),
    ],
)
def test_telefonisch_contact_weigert_ontbrekende_gegevens(
    wijziging: dict[str, Any], veld: str
) -> None:
    verzoek = maak_verzoek(situatie(spoed=True))
    kwargs: dict[str, Any] = {
        "taak": eerste_taak(verzoek),
        "beller": "RCCB",
        "gebelde_organisatie": org("LOCC"),
        "gebeld": "LOCC",
        "tijdstip": NU,
        "afspraken": "Start.",
        "door": gebruiker("RCCB-MN"),
        "nu": NU,
        **wijziging,
    }
    voor = toestand()
    with pytest.raises(OngeldigeInvoer) as exc:
        services.telefonisch_contact_vastleggen(**kwargs)
    assert exc.value.veld == veld
    assert toestand() == voor


# --- besluit_nemen ----------------------------------------------------------------------------


#: Defence's position and agreement, which the LOCC's decision in procedure 3 records.
DEFENSIE: dict[str, Any] = {
    "standpunt_defensie": "Defensie stemt in met twee pelotons.",
    "overeenstemming_defensie": True,
}


def _tot_besluit(regels: tuple[services.InzetRegel, ...]) -> tuple[Bijstandsverzoek, Taak]:
    verzoek = maak_verzoek(regels=regels)
    return verzoek, tot_taak(verzoek, "taak_besluit_locc")


def test_besluit_deels_toegekend_per_regel() -> None:
    verzoek, taak = _tot_besluit(
        (services.InzetRegel("ME-peloton", 4), services.InzetRegel("Arrestatieteam", 1))
    )
    me, at = Deelverzoek.objects.get(verzoek=verzoek).regels.order_by("volgnummer")
    door = gebruiker("LOCC", Rol.BESLUITVORMER)
    start = laatste_audit().volgnummer
    besluit = services.besluit_nemen(
        taak=taak,
        uitkomst="deels_toegekend",
        motivering="Twee pelotons beschikbaar; geen arrestatieteam.",
        voorwaarden="Inzet onder leiding van de eigen eenheid.",
        regels=(
            services.RegelBesluit(me.pk, "toegekend", toegekend_aantal=2),
            services.RegelBesluit(at.pk, "afgewezen", toelichting="Niet beschikbaar."),
        ),
        door=door,
        nu=NU,
        **DEFENSIE,
    )
    assert besluit.namens == (
        "namens de Minister van Justitie en Veiligheid, na overleg met de Minister van Defensie "
        "(of) en in overeenstemming met de Minister van Defensie (op welke wijze)"
    )
    assert besluit.grondslag == "Politiewet 2012 art. 57 lid 2 en 3"
    assert [(r.regel_id, r.uitkomst, r.toegekend_aantal) for r in besluit.regels.all()] == [
        (me.pk, "toegekend", 2),
        (at.pk, "afgewezen", None),
    ]
    assert besluit.beslisverslag["procedure"] == "3"
    assert "taak_aanvraag_toetsen" in [s["bpmn_id"] for s in besluit.beslisverslag["stappen"]]
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    assert (deel.status, deel.besluit) == ("deels_toegekend", "deels_toegekend")
    # the part's status, the request's derived status, the letter, then the decision itself
    assert gebeurtenissen_sinds(start) == [
        "status-gewijzigd",
        "status-gewijzigd",
        "document-aangemaakt",
        "besluit-genomen",
    ]
    # Both have an account here (the burgemeester signed the form): the link, no attachment.
    berichten = Bericht.objects.filter(soort="besluit-genomen").order_by("id")
    assert [(sorted(o.code for o in b.ontvangers.all()), len(b.bijlagen)) for b in berichten] == [
        (["GM0344", "RCCB-MN"], 0)
    ]


@pytest.mark.parametrize(
    ("uitkomst", "regels", "veld"),
    [
        ("misschien", (), "uitkomst"),
        ("deels_toegekend", (), "regels"),
        ("deels_toegekend", (("me", "toegekend", None),), "regels"),
        ("deels_toegekend", (("me", "toegekend", None), ("at", "toegekend", None)), "uitkomst"),
        (
            "toegekend",
            (("me", "toegekend", 5), ("at", "toegekend", None)),
            "regels[0].toegekend_aantal",
        ),
        (
            "toegekend",
            (("at", "toegekend", 1), ("me", "toegekend", None)),
            "regels[0].toegekend_aantal",
        ),
        ("afgewezen", (("me", "nee", None), ("at", "afgewezen", None)), "regels[0].uitkomst"),
    ],
)
def test_besluit_weigert_regels_die_niet_passen(
    uitkomst: str, regels: tuple[tuple[str, str, int | None], ...], veld: str
) -> None:
    verzoek, taak = _tot_besluit(
        (services.InzetRegel("ME-peloton", 4), services.InzetRegel("Arrestatieteam"))
    )
    me, at = Deelverzoek.objects.get(verzoek=verzoek).regels.order_by("volgnummer")
    ids = {"me": me.pk, "at": at.pk}
    voor = toestand()
    with pytest.raises(OngeldigeInvoer) as exc:
        services.besluit_nemen(
            taak=taak,
            uitkomst=uitkomst,
            motivering="Reden.",
            regels=tuple(services.RegelBesluit(ids[r], u, a) for r, u, a in regels),
            door=gebruiker("LOCC", Rol.BESLUITVORMER),
            nu=NU,
            **DEFENSIE,
        )
    assert exc.value.veld == veld
    assert toestand() == voor


def test_afwijzing_vraagt_een_motivering() -> None:
    _, taak = _tot_besluit((services.InzetRegel("ME-peloton", 4),))
    voor = toestand()
    with pytest.raises(OngeldigeInvoer) as exc:
        services.besluit_nemen(
            taak=taak,
            uitkomst="afgewezen",
            motivering="",
            door=gebruiker("LOCC", Rol.BESLUITVORMER),
            nu=NU,
        )
    assert exc.value.veld == "motivering"
    assert toestand() == voor


def test_besluit_alleen_door_een_besluitvormer_die_niet_zelf_aanvroeg() -> None:
    _, taak = _tot_besluit((services.InzetRegel("ME-peloton", 4),))
    voor = toestand()
    with pytest.raises(GeenToegang, match="Alleen een besluitvormer"):
        services.besluit_nemen(
            taak=taak, uitkomst="toegekend", motivering="", door=gebruiker("LOCC"), nu=NU
        )
    assert toestand() == voor


def test_aanvrager_kan_niet_over_het_eigen_verzoek_besluiten() -> None:
    # A person who moved from the RCCB to the LOCC after requesting it.
    aanvrager = gebruiker("RCCB-MN", Rol.BESLUITVORMER)
    verzoek = maak_verzoek(door=aanvrager)
    taak = tot_taak(verzoek, "taak_besluit_locc")
    aanvrager.organisatie = org("LOCC")
    aanvrager.save()
    voor = toestand()
    with pytest.raises(GeenToegang, match="zelf aangevraagd"):
        services.besluit_nemen(
            taak=taak, uitkomst="toegekend", motivering="", door=aanvrager, nu=NU
        )
    assert toestand() == voor


# --- beroep -------------------------------------------------------------------------------------


def test_beroep_alleen_na_afwijzing_in_procedure_1_of_6() -> None:
    verzoek = maak_verzoek()
    doorlopen(verzoek, {"taak_besluit_locc": {"uitkomst": "afgewezen", "motivering": "Nee."}})
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    voor = toestand()
    with pytest.raises(OngeldigeOvergang):
        services.beroep_instellen(
            deelverzoek=deel,
            door=gebruiker("GM0344", Rol.BESLUITVORMER),
            reden="Nodig.",
            bevestigd=True,
            nu=NU,
        )
    assert toestand() == voor


def test_beroep_door_een_buitenstaander_wordt_geweigerd() -> None:
    sit = situatie(gevraagd=[{"leverancier": "politie"}], aanvrager_is_regioburgemeester=True)
    verzoek = maak_verzoek(sit)
    doorlopen(verzoek, {"taak_besluit_korpschef": {"uitkomst": "afgewezen", "motivering": "Nee"}})
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    voor = toestand()
    burgemeester = gebruiker("GM0344", Rol.BESLUITVORMER)
    with pytest.raises(GeenToegang):
        services.beroep_instellen(
            deelverzoek=deel,
            door=gebruiker("LOCC", Rol.BESLUITVORMER),
            reden="Nodig.",
            bevestigd=True,
            nu=NU,
        )
    assert toestand() == voor
    services.beroep_instellen(
        deelverzoek=deel, door=burgemeester, reden="Nodig.", bevestigd=True, nu=NU
    )
    assert toestand() != voor
    with pytest.raises(OngeldigeOvergang):
        services.beroep_instellen(
            deelverzoek=deel, door=burgemeester, reden="Nodig.", bevestigd=True, nu=NU
        )
    assert AuditLogEntry.objects.filter(gebeurtenis="beroep-ingesteld").count() == 1


# --- inzet --------------------------------------------------------------------------------------


def _toegekend() -> Deelverzoek:
    verzoek = maak_verzoek()
    doorlopen(verzoek)
    return Deelverzoek.objects.get(verzoek=verzoek)


def test_inzet_starten_wijzigen_verlengen_beeindigen_evalueren_als_versies() -> None:
    deel = _toegekend()
    rccb = gebruiker("RCCB-MN")
    start, eind = NU + timedelta(days=2), NU + timedelta(days=2, hours=8)
    begin = laatste_audit().volgnummer
    services.inzet_starten(
        deelverzoek=deel,
        periode_start=start,
        periode_eind=eind,
        capaciteit="4 pelotons",
        door=rccb,
        nu=NU,
    )
    services.inzet_wijzigen(
        deelverzoek=deel,
        periode_start=start,
        periode_eind=eind,
        capaciteit="3 pelotons",
        toelichting="Een peloton teruggetrokken.",
        door=rccb,
        nu=NU,
    )
    services.inzet_verlengen(
        deelverzoek=deel,
        periode_eind=eind + timedelta(hours=4),
        toelichting="Onrust houdt aan.",
        door=gebruiker("LOCC"),
        nu=NU,
    )
    services.inzet_beeindigen(
        deelverzoek=deel,
        beeindigd_op=eind + timedelta(hours=3),
        door=rccb,
        nu=eind + timedelta(hours=3),
    )
    services.inzet_evalueren(deelverzoek=deel, verslag="Goed verlopen.", door=rccb, nu=NU)
    versies = list(InzetVersie.objects.filter(deelverzoek=deel).order_by("versie"))
    assert [(v.versie, v.soort, v.capaciteit, v.periode_eind - start) for v in versies] == [
        (1, InzetSoort.GESTART, "4 pelotons", timedelta(hours=8)),
        (2, InzetSoort.GEWIJZIGD, "3 pelotons", timedelta(hours=8)),
        (3, InzetSoort.VERLENGD, "3 pelotons", timedelta(hours=12)),
        (4, InzetSoort.BEEINDIGD, "3 pelotons", timedelta(hours=11)),
    ]
    deel.refresh_from_db()
    assert deel.status == DeelverzoekStatus.GEEVALUEERD
    assert Bijstandsverzoek.objects.get(pk=deel.verzoek_id).status == VerzoekStatus.AFGEROND
    inzet = [g for g in gebeurtenissen_sinds(begin) if g.startswith("inzet-")]
    assert inzet == [
        "inzet-gestart",
        "inzet-gewijzigd",
        "inzet-verlengd",
        "inzet-beeindigd",
        "inzet-geevalueerd",
    ]


def test_inzet_weigeringen() -> None:
    deel = _toegekend()
    rccb = gebruiker("RCCB-MN")
    start, eind = NU + timedelta(days=2), NU + timedelta(days=2, hours=8)
    voor = toestand()
    with pytest.raises(GeenToegang):
        services.inzet_starten(
            deelverzoek=deel,
            periode_start=start,
            periode_eind=eind,
            capaciteit="x",
            door=gebruiker("DJZ"),
            nu=NU,
        )
    with pytest.raises(OngeldigeOvergang):
        services.inzet_verlengen(
            deelverzoek=deel, periode_eind=eind, toelichting="x", door=rccb, nu=NU
        )
    with pytest.raises(OngeldigeOvergang):
        services.inzet_evalueren(deelverzoek=deel, verslag="x", door=rccb, nu=NU)
    with pytest.raises(OngeldigeInvoer) as exc:
        services.inzet_starten(
            deelverzoek=deel,
            periode_start=eind,
            periode_eind=start,
            capaciteit="x",
            door=rccb,
            nu=NU,
        )
    assert exc.value.veld == "periode_eind"
    assert toestand() == voor
    services.inzet_starten(
        deelverzoek=deel, periode_start=start, periode_eind=eind, capaciteit="x", door=rccb, nu=NU
    )
    voor = toestand()
    with pytest.raises(OngeldigeInvoer) as exc:
        services.inzet_verlengen(
            deelverzoek=deel, periode_eind=eind, toelichting="x", door=rccb, nu=NU
        )
    assert exc.value.veld == "periode_eind"
    with pytest.raises(OngeldigeInvoer):
        services.inzet_wijzigen(
            deelverzoek=deel,
            periode_start=start,
            periode_eind=eind,
            capaciteit="x",
            toelichting="niets",
            door=rccb,
            nu=NU,
        )
    with pytest.raises(OngeldigeOvergang, match="inzet"):
        services.verzoek_intrekken(verzoek=deel.verzoek, reden="Rustig", door=rccb, nu=NU)
    assert toestand() == voor


# --- intrekken ----------------------------------------------------------------------------


def test_verzoek_intrekken_sluit_open_taken_en_stopt_timers() -> None:
    verzoek = maak_verzoek(situatie(spoed=True))
    tot_taak(verzoek, "taak_schriftelijk_formaliseren")
    deel = Deelverzoek.objects.get(verzoek=verzoek)
    assert deel.volgende_timer is not None
    open_voor = {t.pk for t in open_taken(verzoek)}
    door = gebruiker("GM0344")
    services.verzoek_intrekken(verzoek=verzoek, reden="Demonstratie afgelast.", door=door, nu=NU)
    verzoek.refresh_from_db()
    deel.refresh_from_db()
    assert (verzoek.status, verzoek.ingetrokken_reden) == (
        VerzoekStatus.INGETROKKEN,
        "Demonstratie afgelast.",
    )
    status, timer = (
        Deelverzoek.objects.filter(pk=deel.pk).values_list("status", "volgende_timer").get()
    )
    assert status == DeelverzoekStatus.INGETROKKEN
    assert timer is None
    assert open_taken(verzoek) == []
    assert set(Taak.objects.filter(pk__in=open_voor).values_list("status", flat=True)) == {
        TaakStatus.VERVALLEN
    }
    entry = AuditLogEntry.objects.get(gebeurtenis="verzoek-ingetrokken")
    assert na(entry)["reden"] == "Demonstratie afgelast."
    assert na(entry)["taken_vervallen"] == len(open_voor)
    bericht = Bericht.objects.get(soort="verzoek-ingetrokken")
    ontvangers = {o.code for o in bericht.ontvangers.all()}
    assert "GM0344" not in ontvangers
    assert {"RCCB-MN", "LOCC"} <= ontvangers
    voor = toestand()
    with pytest.raises(OngeldigeOvergang):
        services.verzoek_intrekken(verzoek=verzoek, reden="nogmaals", door=door, nu=NU)
    vervallen = Taak.objects.select_related("organisatie").get(pk=min(open_voor))
    with pytest.raises(TaakNietOpen, match="vervallen"):
        services.taak_afronden(
            taak=vervallen, data={}, door=gebruiker(vervallen.organisatie.code), nu=NU
        )
    assert toestand() == voor


def test_intrekken_vraagt_reden_en_de_aanvrager() -> None:
    verzoek = maak_verzoek()
    voor = toestand()
    with pytest.raises(OngeldigeInvoer) as exc:
        services.verzoek_intrekken(verzoek=verzoek, reden=" ", door=gebruiker("RCCB-MN"), nu=NU)
    assert exc.value.veld == "reden"
    with pytest.raises(GeenToegang):
        services.verzoek_intrekken(verzoek=verzoek, reden="x", door=gebruiker("LOCC"), nu=NU)
    assert toestand() == voor


def test_inzet_beeindigen_toetst_aan_de_werkelijke_start_en_niet_in_de_toekomst() -> None:
    """#11 trial: started now, planned three days ahead; the end is checked against now."""
    deel = _toegekend()
    rccb = gebruiker("RCCB-MN")
    gestart = NU + timedelta(hours=6, minutes=32)  # 16:32 in Amsterdam
    gepland = NU + timedelta(days=3, hours=10, minutes=4)
    services.inzet_starten(
        deelverzoek=deel,
        periode_start=gepland,
        periode_eind=gepland + timedelta(hours=8),
        capaciteit="2 pelotons",
        door=rccb,
        nu=gestart,
    )
    nu = NU + timedelta(hours=10, minutes=12)
    voor = toestand()
    with pytest.raises(OngeldigeInvoer) as exc:
        services.inzet_beeindigen(
            deelverzoek=deel, beeindigd_op=gepland + timedelta(hours=4), door=rccb, nu=nu
        )
    assert (exc.value.veld, exc.value.message) == (
        "beeindigd_op",
        "het einde mag niet in de toekomst liggen; laat het veld leeg voor nu",
    )
    with pytest.raises(OngeldigeInvoer) as exc:
        services.inzet_beeindigen(deelverzoek=deel, beeindigd_op=gestart, door=rccb, nu=nu)
    assert (exc.value.veld, exc.value.message) == (
        "beeindigd_op",
        "het einde moet na de werkelijke start van de inzet liggen (gestart op 02-03-2026 16:32)",
    )
    assert toestand() == voor
    # 19:00 local: after the actual start, before the planned start: accepted.
    eind = NU + timedelta(hours=9)
    versie = services.inzet_beeindigen(deelverzoek=deel, beeindigd_op=eind, door=rccb, nu=nu)
    assert (versie.soort, versie.periode_start, versie.periode_eind) == (
        InzetSoort.BEEINDIGD,
        gestart,
        eind,
    )
    deel.refresh_from_db()
    assert (deel.status, deel.periode_start, deel.periode_eind) == (
        DeelverzoekStatus.INZET_BEEINDIGD,
        gestart,
        eind,
    )


def test_inzet_beeindigen_leeg_is_nu() -> None:
    deel = _toegekend()
    rccb = gebruiker("RCCB-MN")
    services.inzet_starten(
        deelverzoek=deel,
        periode_start=NU + timedelta(days=3),
        periode_eind=NU + timedelta(days=3, hours=8),
        capaciteit="2 pelotons",
        door=rccb,
        nu=NU,
    )
    nu = NU + timedelta(hours=4)
    versie = services.inzet_beeindigen(deelverzoek=deel, door=rccb, nu=nu)
    assert (versie.periode_start, versie.periode_eind) == (NU, nu)
