"""Who is told what: the outbox of every procedure walked end to end (issue #10, item 5).

Each walk goes through the services (`tests.verzoeken.helpers.doorlopen`), as in
`tests.verzoeken.test_procedures`; the expected outbox is the set of (kind of message, the
step it is about, the receiving organisations). The step of ``stap-afgerond`` is the step
whose completion the factsheet names the receivers of (`workflow.BERICHT_BIJ_STAP`); of
``taak-klaargezet`` the new task; of ``besluit-genomen`` the decision step. ADR 0035.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.test import override_settings

import pytest

from politiebijstand import verzoeken
from politiebijstand.documenten.models import Document
from politiebijstand.meldingen.models import Bericht
from politiebijstand.verzoeken.models import Besluit, Bijstandsverzoek, Taak
from tests.verzoeken.helpers import doorlopen, gebruiker, maak_verzoek, situatie
from tests.verzoeken.test_procedures import (
    AFGEWEZEN,
    BUITENLAND,
    KRIJGSMACHT,
    KRIJGSMACHT_JUSTITIE,
    P4_ANTWOORDEN,
    P8_ANTWOORDEN,
    beroep_door,
    enig_deel,
    justitie,
    veenendaal,
)

pytestmark = pytest.mark.usefixtures("referentiedata")

Uitgaand = set[tuple[str, str, tuple[str, ...]]]


def uitgaand() -> Uitgaand:
    """The outbox as (soort, bpmn id of the step, sorted receiver codes).

    A step with a letter writes two messages of one kind: with the link to the receivers with
    an account, with the PDF to those without (ADR 0036); they are one entry here, as the
    same parties are told.
    """
    per_bericht: dict[tuple[str, str, str], set[str]] = {}
    for bericht in Bericht.objects.prefetch_related("ontvangers"):
        stap = ""
        if bericht.object_type == "verzoeken.taak":
            stap = Taak.objects.get(pk=bericht.object_id).bpmn_id
        elif bericht.object_type == "verzoeken.besluit":
            stap = Besluit.objects.select_related("taak").get(pk=bericht.object_id).taak.bpmn_id
        sleutel = (bericht.soort, stap, f"{bericht.object_type}:{bericht.object_id}")
        per_bericht.setdefault(sleutel, set()).update(o.code for o in bericht.ontvangers.all())
    return {(soort, stap, tuple(sorted(codes))) for (soort, stap, _), codes in per_bericht.items()}


def walk(verzoek: Bijstandsverzoek, antwoorden: dict[str, Any] | None = None) -> Uitgaand:
    doorlopen(verzoek, antwoorden)
    return uitgaand()


#: Procedure 1 (Veenendaal, with the regioburgemeester's zienswijze): toelichting 1.
P1: Uitgaand = {
    ("besluit-genomen", "taak_besluit_korpschef", ("GM0345", "RCCB-MN")),
    ("stap-afgerond", "taak_aanvraagformulier_verzenden", ("LE-POB",)),
    ("stap-afgerond", "taak_bijstand_coordineren", ("RCCB-MN",)),
    ("stap-afgerond", "taak_contact_le_pob", ("LE-POB",)),
    ("stap-afgerond", "taak_locc_informeren", ("LOCC",)),
    ("stap-afgerond", "taak_verzoek_indienen", ("KORPSCHEF",)),
    ("taak-klaargezet", "taak_aanvraagformulier_opstellen", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_aanvraagformulier_verzenden", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_besluit_korpschef", ("KORPSCHEF",)),
    ("taak-klaargezet", "taak_bijstand_coordineren", ("LE-POB",)),
    ("taak-klaargezet", "taak_contact_le_pob", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_locc_informeren", ("LE-POB",)),
    ("taak-klaargezet", "taak_verzoek_indienen", ("GM0345",)),
    ("taak-klaargezet", "taak_zienswijze_regioburgemeester", ("GM0344",)),
}

#: Procedure 2, water cannon: toelichting 2.
P2_WATERWERPER: Uitgaand = {
    ("besluit-genomen", "taak_aanvraag_toetsen", ("GM0344", "RCCB-MN")),
    ("stap-afgerond", "taak_aanvraagformulier_verzenden", ("LOCC",)),
    ("stap-afgerond", "taak_contact_locc", ("LOCC",)),
    ("stap-afgerond", "taak_inzet_coordineren", ("IFV-ML", "RCCB-MN")),
    ("taak-klaargezet", "taak_aanvraag_toetsen", ("LOCC",)),
    ("taak-klaargezet", "taak_aanvraagformulier_verzenden", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_contact_locc", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_inzet_coordineren", ("LOCC",)),
}

#: Procedure 2, guard container: DB3's consent to the RCCB, copy to the beheersorganisatie.
P2_CONTAINER: Uitgaand = {
    ("besluit-genomen", "taak_inzet_toetsen", ("GM0344", "RCCB-MN")),
    ("stap-afgerond", "taak_contact_beheersorganisatie", ("IFV-ML",)),
    ("stap-afgerond", "taak_contact_db3", ("NCTV-DB3",)),
    ("stap-afgerond", "taak_inzet_toetsen", ("IFV-ML", "RCCB-MN")),
    ("taak-klaargezet", "taak_contact_beheersorganisatie", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_contact_db3", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_inzet_toetsen", ("NCTV-DB3",)),
}

#: Procedure 3 for two municipalities (Utrecht, Amersfoort): toelichting 3.
P3: Uitgaand = {
    ("besluit-genomen", "taak_besluit_locc", ("GM0307", "GM0344", "RCCB-MN")),
    ("stap-afgerond", "taak_aanvraagformulier_verzenden", ("LOCC",)),
    ("stap-afgerond", "taak_advies_c_kmar", ("SG-DEFENSIE",)),
    ("stap-afgerond", "taak_advies_djz", ("SG-DEFENSIE",)),
    ("stap-afgerond", "taak_korpschef_informeren", ("KORPSCHEF", "LE-POB")),
    ("stap-afgerond", "taak_rccb_informeren", ("CCB-KMAR", "RCCB-MN")),
    ("stap-afgerond", "taak_standpunt_defensie", ("LOCC",)),
    ("stap-afgerond", "taak_verzoek_defensie", ("DJZ", "DOC", "DOPS-KMAR")),
    ("stap-afgerond", "taak_vooroverleg_ccb_kmar", ("CCB-KMAR",)),
    ("stap-afgerond", "taak_vooroverleg_dops_kmar", ("DOPS-KMAR",)),
    ("stap-afgerond", "taak_vooroverleg_locc", ("LOCC",)),
    ("taak-klaargezet", "taak_aanvraag_toetsen", ("LOCC",)),
    ("taak-klaargezet", "taak_aanvraag_verwerken", ("LOCC",)),
    ("taak-klaargezet", "taak_aanvraagformulier_ondertekenen", ("GM0307",)),
    ("taak-klaargezet", "taak_aanvraagformulier_ondertekenen", ("GM0344",)),
    ("taak-klaargezet", "taak_aanvraagformulier_opstellen", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_aanvraagformulier_verzenden", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_advies_c_kmar", ("C-KMAR",)),
    ("taak-klaargezet", "taak_advies_djz", ("DJZ",)),
    ("taak-klaargezet", "taak_besluit_locc", ("LOCC",)),
    ("taak-klaargezet", "taak_korpschef_informeren", ("LOCC",)),
    ("taak-klaargezet", "taak_rccb_informeren", ("LOCC",)),
    ("taak-klaargezet", "taak_standpunt_defensie", ("DJZ",)),
    ("taak-klaargezet", "taak_verzoek_defensie", ("LOCC",)),
    ("taak-klaargezet", "taak_vooroverleg_ccb_kmar", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_vooroverleg_dops_kmar", ("LOCC",)),
    ("taak-klaargezet", "taak_vooroverleg_locc", ("RCCB-MN",)),
}

#: Procedure 4: toelichting 4.
P4: Uitgaand = {
    ("besluit-genomen", "taak_besluit_defensie", ("GM0344", "RCCB-MN")),
    ("besluit-genomen", "taak_besluit_locc", ("GM0344", "RCCB-MN")),
    ("stap-afgerond", "taak_aanvraagformulier_verzenden", ("LOCC",)),
    ("stap-afgerond", "taak_besluit_defensie_informeren", ("LOCC",)),
    ("stap-afgerond", "taak_contact_le_pob", ("LE-POB",)),
    ("stap-afgerond", "taak_korpschef_informeren", ("KORPSCHEF", "LE-POB")),
    ("stap-afgerond", "taak_rccb_informeren", ("RCCB-MN",)),
    ("stap-afgerond", "taak_toestemming_geven", ("LOCC", "RCCB-MN")),
    ("stap-afgerond", "taak_uitputting_toetsen", ("GM0344", "RCCB-MN")),
    ("stap-afgerond", "taak_verzoek_defensie", ("DJZ", "DOC")),
    ("stap-afgerond", "taak_vooroverleg_ovr", ("OVR",)),
    ("taak-klaargezet", "taak_aanvraag_toetsen", ("LOCC",)),
    ("taak-klaargezet", "taak_aanvraag_verwerken", ("LOCC",)),
    ("taak-klaargezet", "taak_aanvraagformulier_ondertekenen", ("GM0344",)),
    ("taak-klaargezet", "taak_aanvraagformulier_opstellen", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_aanvraagformulier_verzenden", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_besluit_defensie", ("DJZ",)),
    ("taak-klaargezet", "taak_besluit_defensie_informeren", ("DJZ",)),
    ("taak-klaargezet", "taak_besluit_locc", ("LOCC",)),
    ("taak-klaargezet", "taak_contact_le_pob", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_korpschef_informeren", ("LOCC",)),
    ("taak-klaargezet", "taak_rccb_informeren", ("LOCC",)),
    ("taak-klaargezet", "taak_toestemming_geven", ("LE-POB",)),
    ("taak-klaargezet", "taak_uitputting_toetsen", ("LE-POB",)),
    ("taak-klaargezet", "taak_verzoek_defensie", ("LOCC",)),
    ("taak-klaargezet", "taak_vooroverleg_ovr", ("RCCB-MN",)),
}

#: Procedure 5: toelichting 5.
P5: Uitgaand = {
    ("besluit-genomen", "taak_besluit_locc", ("GM0344", "RCCB-MN")),
    ("stap-afgerond", "taak_contact_le_pob", ("LE-POB",)),
    ("stap-afgerond", "taak_contact_locc", ("LOCC",)),
    ("stap-afgerond", "taak_verzoek_ondertekenen", ("LOCC",)),
    ("taak-klaargezet", "taak_besluit_locc", ("LOCC",)),
    ("taak-klaargezet", "taak_contact_le_pob", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_contact_locc", ("LE-POB",)),
    ("taak-klaargezet", "taak_verzoek_ondertekenen", ("GM0344",)),
}

#: Procedure 6 (officier van justitie, parket OM-MN): toelichting 6.
P6: Uitgaand = {
    ("besluit-genomen", "taak_besluit_korpschef", ("GM0344", "OM-MN", "RCCB-MN")),
    ("stap-afgerond", "taak_aanvraagformulier_verzenden", ("LE-POB",)),
    ("stap-afgerond", "taak_bijstand_coordineren", ("RCCB-MN",)),
    ("stap-afgerond", "taak_contact_le_pob", ("LE-POB",)),
    ("stap-afgerond", "taak_locc_informeren", ("LOCC",)),
    ("stap-afgerond", "taak_verzoek_indienen", ("KORPSCHEF",)),
    ("taak-klaargezet", "taak_aanvraagformulier_opstellen", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_aanvraagformulier_verzenden", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_besluit_korpschef", ("KORPSCHEF",)),
    ("taak-klaargezet", "taak_bijstand_coordineren", ("LE-POB",)),
    ("taak-klaargezet", "taak_contact_le_pob", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_locc_informeren", ("LE-POB",)),
    ("taak-klaargezet", "taak_verzoek_indienen", ("OM-MN",)),
    ("taak-klaargezet", "taak_zienswijze_regioburgemeester", ("GM0344",)),
}

#: Procedure 7: toelichting 7.
P7: Uitgaand = {
    ("besluit-genomen", "taak_besluit_ozi", ("GM0344", "OM-MN", "RCCB-MN")),
    ("stap-afgerond", "taak_aanvraag_doorgeleiden", ("OZI",)),
    ("stap-afgerond", "taak_aanvraag_parket_generaal", ("PARKET-GENERAAL",)),
    ("stap-afgerond", "taak_advies_c_kmar", ("SG-DEFENSIE",)),
    ("stap-afgerond", "taak_advies_djz", ("SG-DEFENSIE",)),
    ("stap-afgerond", "taak_korpschef_informeren", ("KORPSCHEF",)),
    ("stap-afgerond", "taak_le_pob_informeren", ("LE-POB",)),
    ("stap-afgerond", "taak_verzoek_defensie", ("DJZ", "DOC", "DOPS-KMAR")),
    ("stap-afgerond", "taak_vooroverleg_ccb_kmar", ("CCB-KMAR",)),
    ("taak-klaargezet", "taak_aanvraag_doorgeleiden", ("PARKET-GENERAAL",)),
    ("taak-klaargezet", "taak_aanvraag_parket_generaal", ("OM-MN",)),
    ("taak-klaargezet", "taak_advies_c_kmar", ("C-KMAR",)),
    ("taak-klaargezet", "taak_advies_djz", ("DJZ",)),
    ("taak-klaargezet", "taak_besluit_ozi", ("OZI",)),
    ("taak-klaargezet", "taak_korpschef_informeren", ("LE-POB",)),
    ("taak-klaargezet", "taak_le_pob_informeren", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_verzoek_defensie", ("OZI",)),
    ("taak-klaargezet", "taak_vooroverleg_ccb_kmar", ("RCCB-MN",)),
}

#: Procedure 8: toelichting 8, with footnote 4 (korpsleiding).
P8: Uitgaand = {
    ("besluit-genomen", "taak_besluit_defensie", ("GM0344", "OM-MN", "RCCB-MN")),
    ("besluit-genomen", "taak_besluit_ozi", ("GM0344", "OM-MN", "RCCB-MN")),
    ("stap-afgerond", "taak_aanvraag_doorgeleiden", ("OZI",)),
    ("stap-afgerond", "taak_aanvraag_parket_generaal", ("PARKET-GENERAAL",)),
    ("stap-afgerond", "taak_besluit_defensie_informeren", ("OZI",)),
    ("stap-afgerond", "taak_contact_le_pob", ("LE-POB",)),
    ("stap-afgerond", "taak_korpsleiding_informeren", ("KORPSCHEF",)),
    ("stap-afgerond", "taak_rccb_locc_informeren", ("LOCC", "RCCB-MN")),
    ("stap-afgerond", "taak_uitputting_toetsen", ("OM-MN", "RCCB-MN")),
    ("stap-afgerond", "taak_verzoek_defensie", ("DJZ", "DOC")),
    ("taak-klaargezet", "taak_aanvraag_doorgeleiden", ("PARKET-GENERAAL",)),
    ("taak-klaargezet", "taak_aanvraag_parket_generaal", ("OM-MN",)),
    ("taak-klaargezet", "taak_besluit_defensie", ("DJZ",)),
    ("taak-klaargezet", "taak_besluit_defensie_informeren", ("DJZ",)),
    ("taak-klaargezet", "taak_besluit_ozi", ("OZI",)),
    ("taak-klaargezet", "taak_contact_le_pob", ("RCCB-MN",)),
    ("taak-klaargezet", "taak_korpsleiding_informeren", ("LE-POB",)),
    ("taak-klaargezet", "taak_rccb_locc_informeren", ("LE-POB",)),
    ("taak-klaargezet", "taak_uitputting_toetsen", ("LE-POB",)),
    ("taak-klaargezet", "taak_verzoek_defensie", ("OZI",)),
}

#: Procedure 9 after the korpschef's refusal in 1 (the appeal's part only): toelichting 9.
P9: Uitgaand = {
    ("besluit-genomen", "taak_besluit_minister", ("GM0345", "RCCB-MN")),
    ("stap-afgerond", "taak_advies_dgpol", ("MINISTER-JENV",)),
    ("stap-afgerond", "taak_besluit_minister", ("KORPSCHEF",)),
    ("taak-klaargezet", "taak_advies_dgpol", ("DGPOL",)),
    ("taak-klaargezet", "taak_besluit_minister", ("MINISTER-JENV",)),
}


def waterwerper() -> Uitgaand:
    gevraagd = [{"leverancier": "middelen_jenv", "middel": "waterwerper"}]
    verzoek = maak_verzoek(situatie(gevraagd=gevraagd))
    return walk(verzoek, {"taak_aanvraagformulier_verzenden": {"bevoegd_gezag": "burgemeester"}})


def container() -> Uitgaand:
    gevraagd = [{"leverancier": "middelen_jenv", "middel": "bewakingscontainer"}]
    return walk(maak_verzoek(situatie(gevraagd=gevraagd)))


def twee_gemeenten() -> Uitgaand:
    sit = situatie(gemeenten=["Utrecht", "Amersfoort"])
    return walk(maak_verzoek(sit, gemeenten=("GM0344", "GM0307")))


def beroep() -> Uitgaand:
    verzoek = veenendaal()
    doorlopen(verzoek, {"taak_besluit_korpschef": AFGEWEZEN})
    Bericht.objects.all().delete()
    beroep_door("GM0345", enig_deel(verzoek))
    return walk(verzoek, {"taak_besluit_minister": AFGEWEZEN})


@pytest.mark.parametrize(
    ("doorloop", "verwacht"),
    [
        pytest.param(lambda: walk(veenendaal()), P1, id="1"),
        pytest.param(waterwerper, P2_WATERWERPER, id="2-waterwerper"),
        pytest.param(container, P2_CONTAINER, id="2-container"),
        pytest.param(twee_gemeenten, P3, id="3"),
        pytest.param(
            lambda: walk(maak_verzoek(situatie(gevraagd=KRIJGSMACHT)), P4_ANTWOORDEN), P4, id="4"
        ),
        pytest.param(lambda: walk(maak_verzoek(situatie(gevraagd=BUITENLAND))), P5, id="5"),
        pytest.param(lambda: walk(justitie([{"leverancier": "politie"}])), P6, id="6"),
        pytest.param(
            lambda: walk(
                justitie([{"leverancier": "kmar"}]),
                {"taak_aanvraag_doorgeleiden": {"ondersteund": True}},
            ),
            P7,
            id="7",
        ),
        pytest.param(lambda: walk(justitie(KRIJGSMACHT_JUSTITIE), P8_ANTWOORDEN), P8, id="8"),
        pytest.param(beroep, P9, id="9"),
    ],
)
def test_wie_wat_hoort_per_procedure(doorloop: Callable[[], Uitgaand], verwacht: Uitgaand) -> None:
    assert doorloop() == verwacht


# --- the texts: kenmerk, title, what to do, the link; no request data (issue #10, item 5) ------

VOET = (
    "\n\nHet verzoek, met alle gegevens, leest u na inloggen: "
    "https://bijstand.example.nl/verzoeken/{uuid}/\n"
    "Dit bericht bevat bewust geen gegevens van het verzoek.\n"
    "(English: log in at the link above to read the request; this e-mail holds no request data.)"
)


def bericht_over(soort: str, bpmn_id: str) -> Bericht:
    taak = Taak.objects.get(bpmn_id=bpmn_id)
    return Bericht.objects.get(soort=soort, object_type="verzoeken.taak", object_id=str(taak.pk))


@override_settings(BASIS_URL="https://bijstand.example.nl")
def test_tekst_nieuwe_taak() -> None:
    verzoek = maak_verzoek()
    bericht = bericht_over("taak-klaargezet", "taak_vooroverleg_ccb_kmar")
    assert bericht.onderwerp == (
        f"{verzoek.kenmerk}: nieuwe taak 'Lokaal operationeel vooroverleg met CCB-KMar'"
    )
    assert bericht.inhoud == (
        f"Voor bijstandsverzoek {verzoek.kenmerk} (Versterking openbare orde Utrecht) staat een "
        "taak voor uw organisatie klaar.\n\nWat u moet doen: de taak 'Lokaal operationeel "
        "vooroverleg met CCB-KMar' uitvoeren. U vindt de taak in uw werkvoorraad en op de "
        "pagina van het verzoek." + VOET.format(uuid=verzoek.uuid)
    )


STAP_DEFENSIE = (
    "Landelijk Operationeel Coördinatiecentrum heeft de stap 'Verzoek aan Defensie "
    "versturen (DJZ, DOPS-KMar, afschrift DOC)' van bijstandsverzoek {kenmerk} "
    "(Versterking openbare orde Utrecht) afgerond.\n\nWat u moet doen: ter informatie. "
    "Heeft uw organisatie hierna een taak, dan krijgt u daarover een apart bericht."
)


@override_settings(BASIS_URL="https://bijstand.example.nl")
def test_tekst_verzoek_aan_defensie_met_afschrift_en_de_brief_als_bijlage() -> None:
    """DJZ, DOPS-KMar and the DOC have no account here: one message, with the letter as PDF."""
    verzoek = maak_verzoek()
    doorlopen(verzoek)
    bericht = bericht_over("stap-afgerond", "taak_verzoek_defensie")
    assert sorted(o.code for o in bericht.ontvangers.all()) == ["DJZ", "DOC", "DOPS-KMAR"]
    assert bericht.onderwerp == (
        f"{verzoek.kenmerk}: Verzoek aan Defensie versturen (DJZ, DOPS-KMar, afschrift DOC)"
    )
    brief = Document.objects.get(verzoek=verzoek, soort="verzoek_defensie")
    assert brief.titel == (
        "Verzoek aan Defensie (Directie Juridische Zaken van het Ministerie van Defensie, "
        "Directie Operaties van de Koninklijke Marechaussee; afschrift DOC), deel 1"
    )
    assert bericht.inhoud == STAP_DEFENSIE.format(kenmerk=verzoek.kenmerk) + (
        f"\n\nBijlage: {brief.titel} (PDF). Uw organisatie heeft geen account in "
        "politiebijstand: antwoord per brief of e-mail aan Landelijk Operationeel "
        f"Coördinatiecentrum, met kenmerk {verzoek.kenmerk}; Landelijk Operationeel "
        "Coördinatiecentrum legt uw antwoord in het verzoek vast.\n(English: the letter is "
        "attached as a PDF; your organisation has no account, so please answer by letter or "
        "e-mail, quoting the reference above.)"
    )
    formulier = Document.objects.get(verzoek=verzoek, soort="aanvraagformulier")
    # The letter, then the signed form it refers to (ADR 0036).
    assert bericht.bijlagen == [
        {
            "bestand": brief.bestand,
            "naam": "verzoek_defensie-1-v1.pdf",
            "sha256": brief.sha256,
        },
        {
            "bestand": formulier.bestand,
            "naam": "aanvraagformulier-1_GM0344-v1.pdf",
            "sha256": formulier.sha256,
        },
    ]


@override_settings(BASIS_URL="https://bijstand.example.nl")
def test_verzoek_aan_defensie_een_partij_met_account_krijgt_de_link_zonder_bijlage() -> None:
    gebruiker("DJZ")
    verzoek = maak_verzoek()
    doorlopen(verzoek)
    taak = Taak.objects.get(bpmn_id="taak_verzoek_defensie")
    berichten = Bericht.objects.filter(
        soort="stap-afgerond", object_type="verzoeken.taak", object_id=str(taak.pk)
    ).order_by("id")
    per_ontvangers = {
        tuple(sorted(o.code for o in b.ontvangers.all())): (b.inhoud, len(b.bijlagen))
        for b in berichten
    }
    assert per_ontvangers == {
        ("DJZ",): (
            STAP_DEFENSIE.format(kenmerk=verzoek.kenmerk) + VOET.format(uuid=verzoek.uuid),
            0,
        ),
        ("DOC", "DOPS-KMAR"): (per_ontvangers[("DOC", "DOPS-KMAR")][0], 2),
    }
    assert "Bijlage: Verzoek aan Defensie" in per_ontvangers[("DOC", "DOPS-KMAR")][0]


@override_settings(BASIS_URL="https://bijstand.example.nl")
def test_tekst_afwijzing_door_de_korpschef() -> None:
    verzoek = veenendaal()
    doorlopen(verzoek, {"taak_besluit_korpschef": AFGEWEZEN})
    bericht = Bericht.objects.get(soort="besluit-genomen")
    assert bericht.onderwerp == f"{verzoek.kenmerk}: besluit afgewezen"
    assert bericht.inhoud == (
        f"Over bijstandsverzoek {verzoek.kenmerk} (Versterking openbare orde Utrecht) is "
        "besloten: afgewezen, namens de korpschef van politie. De motivering en eventuele "
        "voorwaarden staan bij het verzoek.\n\nWat u moet doen: ter informatie. Tegen deze "
        "(gedeeltelijke) afwijzing kan de burgemeester of de officier van justitie de minister "
        "verzoeken de korpschef op te dragen alsnog in de bijstand te voorzien (Pw 2012 art. 56 "
        "lid 4)." + VOET.format(uuid=verzoek.uuid)
    )


#: Request data that no message template may print (ADR 0035): reasons, notes, reports,
#: place, capacity, period, the step's data and its documentation.
VERBODEN = re.compile(
    r"motivering|voorwaarden|reden|verslag|toelichting|documentatie|locatie|omschrijving|"
    r"capaciteit|periode|gegevens\.(?!politie_uitgeput\b)|notitie|afspraken"
)


def test_geen_sjabloon_drukt_verzoekgegevens_af() -> None:
    map_ = Path(verzoeken.__file__).parent / "templates" / "verzoeken" / "berichten"
    sjablonen = sorted(map_.glob("*.txt"))
    assert len(sjablonen) == 21  # with oefening_afgesloten (ADR 0043)
    assert "brief.titel" in (map_ / "_voet.txt").read_text(encoding="utf-8")
    for sjabloon in sjablonen:
        variabelen = re.findall(r"{{\s*([^}|\s]+)", sjabloon.read_text(encoding="utf-8"))
        variabelen += re.findall(r"{%\s*if\s+([^%]+)%}", sjabloon.read_text(encoding="utf-8"))
        assert [v for v in variabelen if VERBODEN.search(v)] == [], sjabloon.name


def test_geen_bericht_van_een_doorloop_bevat_verzoekgegevens() -> None:
    verzoek = veenendaal()
    doorlopen(verzoek, {"taak_besluit_korpschef": AFGEWEZEN})
    teksten = [b.onderwerp + b.inhoud for b in Bericht.objects.all()]
    assert len(teksten) > 10
    for geheim in (
        "Demonstratie en tegendemonstratie",  # omschrijving
        "Jaarbeursplein",  # locatie
        "4 pelotons",  # gevraagde capaciteit
        "Geen capaciteit beschikbaar",  # motivering
        ": gedaan",  # the steps' reports (verslag)
        "Vanuit de eenheid die bijstand nodig heeft",  # the steps' documentation
    ):
        assert [t for t in teksten if geheim in t] == [], geheim
