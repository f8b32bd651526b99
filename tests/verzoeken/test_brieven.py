"""The letters of the procedures as PDF/A, stored at their step and mailed (issue #10 item 3).

The request to Defence (one action, copy to the DOC), the decision letter, the korpschef's
written refusal with the copy to DGPOL, the appeal and the minister's instruction: each is a
`Document` with its template version and sha256, its content checked in the PDF's text, and
attached to the message of a party without an account (ADR 0036).
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from django.core import mail

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.documenten.models import Document
from politiebijstand.documenten.renderen import sjabloon_versie
from politiebijstand.documenten.services import document_pad
from politiebijstand.meldingen.models import Bericht, BerichtStatus
from politiebijstand.meldingen.services import berichten_versturen
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.models import Bijstandsverzoek, Taak
from tests.documenten.pdf import tekst, xmp
from tests.verzoeken.helpers import (
    NU,
    doorlopen,
    gebruiker,
    maak_verzoek,
    open_taken,
    stap_uitvoeren,
)
from tests.verzoeken.test_afwijzing_beroep import (
    AFGEWEZEN,
    REDENEN,
    beroep,
    deel_van,
    schriftelijk_afwijzen,
    tot_en_met_besluit,
    veenendaal,
)

pytestmark = pytest.mark.usefixtures("referentiedata")


def pdf(document: Document) -> bytes:
    inhoud = document_pad(document).read_bytes()
    assert hashlib.sha256(inhoud).hexdigest() == document.sha256
    return inhoud


def _tot_verzoek_defensie(verzoek: Bijstandsverzoek) -> Taak:
    for _ in range(20):
        taak = next((t for t in open_taken(verzoek) if t.bpmn_id == "taak_verzoek_defensie"), None)
        if taak is not None:
            return taak
        doorlopen_een_fase(verzoek)
    raise AssertionError("geen verzoek aan Defensie")


def doorlopen_een_fase(verzoek: Bijstandsverzoek) -> None:
    for taak in open_taken(verzoek):
        stap_uitvoeren(taak, None, NU + timedelta(minutes=5))


def test_het_locc_stuurt_het_verzoek_aan_defensie_in_een_handeling_met_de_brief() -> None:
    verzoek = maak_verzoek()
    taak = _tot_verzoek_defensie(verzoek)
    assert Document.objects.filter(soort="verzoek_defensie").count() == 0
    locc = gebruiker("LOCC")

    services.taak_afronden(
        taak=taak, data={"verslag": "Graag spoedig antwoord."}, door=locc, nu=NU + timedelta(1)
    )

    brief = Document.objects.get(verzoek=verzoek, soort="verzoek_defensie")
    assert (brief.versie, brief.sleutel, brief.ondertekend_door, brief.ondertekend_namens) == (
        1,
        "1",
        locc,
        "namens de Minister van Justitie en Veiligheid",
    )
    assert brief.sjabloon_versie == sjabloon_versie("verzoek_defensie")
    inhoud = pdf(brief)
    assert "<pdfaid:part>2</pdfaid:part>" in xmp(inhoud)
    text = tekst(inhoud)
    for stuk in (
        "Directie Juridische Zaken van het Ministerie van Defensie",
        "Directie Operaties van de Koninklijke Marechaussee",
        "Defensie Operatiecentrum",
        f"Ons kenmerk {verzoek.kenmerk}",
        "Onderwerp Verzoek om bijstand: Versterking openbare orde Utrecht",
        "verzoek ik u om bijstand door de Koninklijke Marechaussee ten behoeve van de politie in "
        "de gemeente(n) Utrecht, op grond van Politiewet 2012 art. 57 lid 1.",
        "Periode 4 maart 2026 om 10:00 tot 4 maart 2026 om 18:00",
        # From the signed form (formulier_voorbeeld), not from the step's internal note.
        "Meldplaats: Politiebureau, hoofdingang",
        "Contactpersoon ter plaatse (24/7): Officier van dienst, 088-1234567",
        "Bijgevoegd: het ondertekende aanvraagformulier (Aanvraagformulier — Utrecht, deel 1, "
        "versie 1).",
        "Gevraagde bijstand Gevraagd Aantal Specialisme ME-peloton 4",
        "Hoogachtend, namens de Minister van Justitie en Veiligheid,",
        "Afschrift aan Defensie Operatiecentrum van het Ministerie van Defensie",
    ):
        assert stuk in text, stuk
    assert "Graag spoedig antwoord." not in text
    # One action: the one step's message reaches all three, each with the letter (no accounts).
    (bericht,) = Bericht.objects.filter(
        soort="stap-afgerond", object_type="verzoeken.taak", object_id=str(taak.pk)
    )
    assert sorted(o.code for o in bericht.ontvangers.all()) == ["DJZ", "DOC", "DOPS-KMAR"]
    formulier = Document.objects.get(verzoek=verzoek, soort="aanvraagformulier")
    assert [b["sha256"] for b in bericht.bijlagen] == [brief.sha256, formulier.sha256]
    assert Taak.objects.get(pk=taak.pk).status == "afgerond"


def test_de_bijlage_wordt_verzonden_en_een_gewijzigd_bestand_nooit() -> None:
    for code, adres in (("DJZ", "djz@example.nl"), ("DOC", "doc@example.nl")):
        Organisatie.objects.filter(code=code).update(mailbox=adres)
    Organisatie.objects.filter(code="DOPS-KMAR").update(mailbox="dops@example.nl")
    verzoek = maak_verzoek()
    taak = _tot_verzoek_defensie(verzoek)
    services.taak_afronden(taak=taak, data={}, door=gebruiker("LOCC"), nu=NU + timedelta(1))
    brief = Document.objects.get(verzoek=verzoek, soort="verzoek_defensie")
    bericht = Bericht.objects.get(
        soort="stap-afgerond", object_type="verzoeken.taak", object_id=str(taak.pk)
    )
    Bericht.objects.exclude(pk=bericht.pk).delete()
    mail.outbox.clear()

    berichten_versturen(nu=NU + timedelta(days=2))

    (verzonden,) = mail.outbox
    assert sorted(verzonden.to) == ["djz@example.nl", "doc@example.nl", "dops@example.nl"]
    formulier = Document.objects.get(verzoek=verzoek, soort="aanvraagformulier")
    assert [(a.filename, a.content, a.mimetype) for a in verzonden.attachments] == [
        ("verzoek_defensie-1-v1.pdf", pdf(brief), "application/pdf"),
        ("aanvraagformulier-1_GM0344-v1.pdf", pdf(formulier), "application/pdf"),
    ]

    # A changed file is never sent: the attempt fails and is retried later.
    Bericht.objects.filter(pk=bericht.pk).update(status=BerichtStatus.WACHTEND)
    document_pad(brief).write_bytes(pdf(brief) + b"%")
    mail.outbox.clear()
    berichten_versturen(nu=NU + timedelta(days=3))
    bericht.refresh_from_db()
    assert mail.outbox == []
    assert (bericht.status, bericht.laatste_fout) == (
        BerichtStatus.WACHTEND,
        "BijlageBeschadigd: bijlage verzoek_defensie-1-v1.pdf: sha256 klopt niet",
    )


def test_besluitbrief_deels_toegekend_per_regel_met_maatstaf() -> None:
    """The LOCC's partial grant in procedure 3: lines, conditions, standard, on whose behalf."""
    verzoek = maak_verzoek()
    (regel,) = deel_van(verzoek).regels.all()
    besluit: dict[str, Any] = {
        "uitkomst": "deels_toegekend",
        "motivering": "Twee pelotons zijn elders nodig.",
        "voorwaarden": "Inzet onder leiding van de eigen eenheid.\nMelden bij de meldplaats.",
        "regels": [
            services.RegelBesluit(
                regel_id=regel.pk,
                uitkomst="toegekend",
                toegekend_aantal=2,
                toelichting="Twee van de vier.",
            )
        ],
    }
    doorlopen(verzoek, {"taak_besluit_locc": besluit})
    brief = Document.objects.get(verzoek=verzoek, soort="besluit")
    assert (brief.sleutel, brief.titel) == (
        "1:besluit",
        "Besluit (gedeeltelijk toegekend) door Landelijk Operationeel Coördinatiecentrum, deel 1",
    )
    text = tekst(pdf(brief))
    for stuk in (
        f"Op uw verzoek met kenmerk {verzoek.kenmerk} besluit ik als volgt.",
        "Besluit: het verzoek wordt gedeeltelijk toegekend.",
        "Onderdeel Gevraagd Toegekend Toelichting ME-peloton 4 2 Twee van de vier.",
        "Overwegingen Twee pelotons zijn elders nodig.",
        "Voorwaarden",
        "Inzet onder leiding van de eigen eenheid.",
        "Melden bij de meldplaats.",
        "Maatstaf Dit besluit berust op Politiewet 2012 art. 57 lid 2 en 3, na overleg met de "
        "Minister van Defensie over de vraag of bijstand wordt verleend en in overeenstemming "
        "met de Minister van Defensie over de wijze waarop.",
        "Hoogachtend, namens de Minister van Justitie en Veiligheid,",
    ):
        assert stuk in text, stuk
    assert "(of)" not in text


def test_afwijzing_door_de_korpschef_brief_met_redenen_en_afschrift_aan_dgpol() -> None:
    verzoek = veenendaal()
    tot_en_met_besluit(verzoek, AFGEWEZEN)
    taak = schriftelijk_afwijzen(verzoek)
    # One letter: the written refusal is the decision's letter (a user trial found two).
    assert list(
        Document.objects.filter(verzoek=verzoek)
        .exclude(soort="aanvraagformulier")
        .values_list("soort", flat=True)
    ) == ["afwijzing_korpschef"]
    brief = Document.objects.get(verzoek=verzoek, soort="afwijzing_korpschef")
    text = tekst(pdf(brief))
    dgpol = Organisatie.objects.get(code="DGPOL").naam
    for stuk in (
        "Uw verzoek om bijstand wijs ik geheel af, op grond van artikel 56, vierde lid, van de "
        "Politiewet 2012.",
        f"Redenen {AFGEWEZEN['motivering']} {REDENEN}",
        f"Een afschrift van deze afwijzing is gelijktijdig gezonden aan {dgpol}.",
        f"Afschrift aan {dgpol}",
    ):
        assert stuk in text, stuk
    # DGPOL has no account here: its copy carries the letter; nothing else of the request.
    (afschrift,) = Bericht.objects.filter(soort="afwijzing-afschrift", object_id=str(taak.pk))
    assert [o.code for o in afschrift.ontvangers.all()] == ["DGPOL"]
    assert afschrift.bijlagen == [
        {"bestand": brief.bestand, "naam": "afwijzing_korpschef-1-v1.pdf", "sha256": brief.sha256}
    ]
    assert REDENEN not in afschrift.inhoud


def test_beroep_en_aanwijzing_van_de_minister_als_brief() -> None:
    verzoek = veenendaal()
    tot_en_met_besluit(verzoek, AFGEWEZEN)
    schriftelijk_afwijzen(verzoek)
    burgemeester = gebruiker("GM0345", Rol.BESLUITVORMER)
    deel = beroep(deel_van(verzoek), burgemeester, reden="De openbare orde is in gevaar.")

    brief = Document.objects.get(verzoek=verzoek, soort="beroep")
    assert (brief.sleutel, brief.ondertekend_door) == (str(deel.volgnummer), burgemeester)
    text = tekst(pdf(brief))
    for stuk in (
        "Hierbij stel ik, op grond van artikel 56, vierde lid, van de Politiewet 2012, beroep in",
        "De openbare orde is in gevaar.",
        "Gemeente Veenendaal",
    ):
        assert stuk in text, stuk

    doorlopen(
        verzoek,
        {"taak_besluit_minister": {"uitkomst": "toegekend", "motivering": "Beroep gegrond."}},
        nu=NU + timedelta(hours=3),
        deelverzoek_id=deel.pk,
    )
    aanwijzing = Document.objects.get(verzoek=verzoek, soort="aanwijzing_minister")
    text = tekst(pdf(aanwijzing))
    for stuk in (
        f"Naar aanleiding van het beroep met kenmerk {verzoek.kenmerk}-{deel.volgnummer}",
        "Besluit: het beroep wordt toegekend.",
        "De korpschef verleent de gevraagde bijstand",
        "Beroep gegrond.",
    ):
        assert stuk in text, stuk
