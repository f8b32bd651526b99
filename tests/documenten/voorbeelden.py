"""One filled context per document template, for the tests and `make bench` (issue #10)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from politiebijstand.documenten.contexten import (
    Aanvraagformulier,
    AanwijzingMinister,
    AfwijzingKorpschef,
    Afzender,
    Beroep,
    Besluit,
    Besluitregel,
    Brief,
    Capaciteitsregel,
    Capaciteitsvergelijking,
    Doorlooptijd,
    Evaluatie,
    Evaluatiebesluit,
    Ondertekening,
    Tijdlijnregel,
    VerzoekDefensie,
)

TIJDSTIP = datetime(2026, 12, 3, 13, 5, tzinfo=UTC)  # 3 december 2026 om 14:05 in Amsterdam
KENMERK = "BV-2026-0042"

_BURGEMEESTER = Ondertekening(
    naam="L. Bolsius",
    functie="Burgemeester",
    namens="De burgemeester van Amersfoort",
)
_LOCC = Afzender(
    organisatie="Landelijk Operationeel Coördinatiecentrum",
    afdeling="LOCC",
    adresregels=("Postbus 100", "3970 AC Driebergen"),
)


def aanvraagformulier() -> Aanvraagformulier:
    return Aanvraagformulier(
        kenmerk=KENMERK,
        tijdstip=TIJDSTIP,
        afzender=Afzender(organisatie="Gemeente Amersfoort", afdeling="Kabinet burgemeester"),
        geadresseerden=("Landelijk Operationeel Coördinatiecentrum (LOCC)",),
        onderwerp="Aanvraag bijstand ME Amersfoort",
        ondertekening=_BURGEMEESTER,
        gemeente="Amersfoort",
        verzoekende_autoriteit="de burgemeester van Amersfoort",
        eenheid="Midden-Nederland",
        grondslag="artikel 56, eerste lid, van de Politiewet 2012",
        taak="handhaving van de openbare orde",
        aanleiding="Een aangekondigde demonstratie met 3000 deelnemers.",
        verwachte_taak="Ordehandhaving bij de demonstratie.\nScheiden van groepen.",
        politiebevoegdheden=True,
        geweld=False,
        periode_van=datetime(2026, 12, 5, 8, 0, tzinfo=UTC),
        periode_tot=datetime(2026, 12, 5, 20, 0, tzinfo=UTC),
        meldtijd=datetime(2026, 12, 5, 7, 30, tzinfo=UTC),
        locatie="Stationsplein, Amersfoort",
        meldplaats="Politiebureau Amersfoort",
        capaciteit=(Capaciteitsregel(omschrijving="ME-peloton", aantal=2, specialisme="ME"),),
        contact_24_7="Officier van dienst, 033 123 4567",
        zienswijze="Niet nodig: de regioburgemeester is zelf de verzoeker.",
    )


def verzoek_defensie() -> VerzoekDefensie:
    return VerzoekDefensie(
        kenmerk=KENMERK,
        tijdstip=TIJDSTIP,
        afzender=_LOCC,
        geadresseerden=(
            "Ministerie van Defensie\nDirectie Juridische Zaken (DJZ)",
            "Defensie Operaties, Koninklijke Marechaussee (DOPS-KMar)",
        ),
        afschrift=("Defensie Operatiecentrum (DOC)",),
        onderwerp="Verzoek om militaire bijstand",
        ondertekening=Ondertekening(
            naam="J. Jansen", functie="Hoofd LOCC", namens="namens de burgemeester van Amersfoort"
        ),
        bijstand_door="de krijgsmacht",
        gemeenten=("Amersfoort", "Utrecht"),
        grondslag="artikel 58, eerste lid, van de Politiewet 2012",
        aanleiding="Grootschalige ordeverstoringen.",
        capaciteit=(Capaciteitsregel(omschrijving="Genie-eenheid", aantal=1, specialisme="genie"),),
        periode_van=datetime(2026, 12, 5, 8, 0, tzinfo=UTC),
        periode_tot=datetime(2026, 12, 6, 8, 0, tzinfo=UTC),
        locatie="Amersfoort en Utrecht",
    )


def besluit() -> Besluit:
    return Besluit(
        kenmerk=KENMERK,
        tijdstip=TIJDSTIP,
        afzender=Afzender(organisatie="Politie", afdeling="Korpschef"),
        geadresseerden=("De burgemeester van Amersfoort",),
        onderwerp="Besluit op uw verzoek om bijstand",
        ondertekening=Ondertekening(
            naam="H. de Vries", functie="Korpschef", namens="namens de korpschef van politie"
        ),
        uitkomst="deels_toegekend",
        regels=(
            Besluitregel(omschrijving="ME-peloton", gevraagd=2, toegekend=1, toelichting="krap"),
        ),
        redenen="Er is elders ook capaciteit nodig.",
        maatstaf="artikel 56, eerste lid, van de Politiewet 2012",
        voorwaarden=("Inzet uiterlijk tot 20.00 uur.",),
    )


def afwijzing_korpschef() -> AfwijzingKorpschef:
    return AfwijzingKorpschef(
        kenmerk=KENMERK,
        tijdstip=TIJDSTIP,
        afzender=Afzender(organisatie="Politie", afdeling="Korpschef"),
        geadresseerden=("De burgemeester van Amersfoort",),
        onderwerp="Afwijzing van uw verzoek om bijstand",
        ondertekening=Ondertekening(naam="H. de Vries", functie="Korpschef"),
        geheel=True,
        redenen="Er is geen capaciteit beschikbaar.",
    )


def beroep() -> Beroep:
    return Beroep(
        kenmerk=KENMERK,
        tijdstip=TIJDSTIP,
        afzender=Afzender(organisatie="Gemeente Amersfoort"),
        geadresseerden=("De Minister van Justitie en Veiligheid",),
        onderwerp="Beroep tegen de afwijzing van bijstand",
        ondertekening=_BURGEMEESTER,
        bestreden_kenmerk="KC-2026-7",
        bestreden_datum=date(2026, 12, 2),
        gronden="De inzet is onmisbaar.",
        verzoek="Bijstand ME Amersfoort",
    )


def aanwijzing_minister() -> AanwijzingMinister:
    return AanwijzingMinister(
        kenmerk=KENMERK,
        tijdstip=TIJDSTIP,
        afzender=Afzender(organisatie="Ministerie van Justitie en Veiligheid"),
        geadresseerden=("De korpschef van politie",),
        afschrift=("De burgemeester van Amersfoort",),
        onderwerp="Aanwijzing bijstand Amersfoort",
        ondertekening=Ondertekening(
            naam="D. Minister", functie="Minister van Justitie en Veiligheid"
        ),
        uitkomst="toegekend",
        aanwijzing="Verleen de gevraagde bijstand.",
        overwegingen="Het belang van de openbare orde weegt zwaarder.",
        beroep_kenmerk="BR-2026-3",
    )


def evaluatie() -> Evaluatie:
    return Evaluatie(
        kenmerk=KENMERK,
        tijdstip=TIJDSTIP,
        afzender=Afzender(organisatie="RCCB Midden-Nederland"),
        geadresseerden=("De burgemeester van Amersfoort",),
        onderwerp="Evaluatie bijstandsverzoek BV-2026-0042: ME Amersfoort",
        ondertekening=Ondertekening(naam="J. Jansen", functie="RCCB Midden-Nederland"),
        verzoek="ME Amersfoort, Stadhuisplein",
        periode="5 december 2026 om 09:00 tot 5 december 2026 om 21:00",
        tijdlijn=(
            Tijdlijnregel(tijdstip=TIJDSTIP, gebeurtenis="Inzet gestart (versie 1)", door="LOCC"),
        ),
        doorlooptijden=(
            Doorlooptijd(deel=1, stap="Aanvraag toetsen", organisatie="LOCC", uren=Decimal("1.5")),
        ),
        besluiten=(
            Evaluatiebesluit(
                deel=1,
                uitkomst="Toegekend",
                namens="namens de korpschef van politie",
                tijdstip=TIJDSTIP,
                uren_na_verzoek=Decimal("26.25"),
            ),
        ),
        capaciteit=(
            Capaciteitsvergelijking(
                deel=1, omschrijving="ME-peloton", gevraagd="2", toegekend="1", geleverd="1"
            ),
        ),
        verslagen=("Deel 1: Goed verlopen.",),
        kosten="Kosten: niet vastgelegd",
    )


ALLE: dict[str, Brief] = {
    "aanvraagformulier": aanvraagformulier(),
    "verzoek_defensie": verzoek_defensie(),
    "besluit": besluit(),
    "afwijzing_korpschef": afwijzing_korpschef(),
    "beroep": beroep(),
    "aanwijzing_minister": aanwijzing_minister(),
    "evaluatie": evaluatie(),
}
