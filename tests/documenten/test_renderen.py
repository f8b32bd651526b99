"""Rendering the six document templates as PDF/A-2b (issue #10 item 3, ADR 0032)."""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, date, datetime

import pytest

from politiebijstand.documenten.constants import Soort
from politiebijstand.documenten.contexten import CONTEXTEN, Besluit
from politiebijstand.documenten.renderen import (
    datum_tekst,
    document_renderen,
    renderen,
    sjabloon_versie,
    tijdstip_tekst,
)
from tests.documenten import voorbeelden
from tests.documenten.pdf import fonts, is_ingebed, tekst, xmp

SJABLONEN = sorted(voorbeelden.ALLE)

#: Per template: sentences that must be in the PDF's text.
VERWACHT: dict[str, tuple[str, ...]] = {
    "aanvraagformulier": (
        "Gemeente Amersfoort",
        "Landelijk Operationeel Coördinatiecentrum (LOCC)",
        "Datum 3 december 2026",
        "Ons kenmerk BV-2026-0042",
        "Onderwerp Aanvraag bijstand ME Amersfoort",
        "Namens de burgemeester van Amersfoort verzoek ik om bijstand aan de politie voor de "
        "gemeente Amersfoort",
        "Periode 5 december 2026 om 09:00 tot 5 december 2026 om 21:00",
        "Meldtijd 5 december 2026 om 08:30",
        "ME-peloton 2 ME",
        "De burgemeester van Amersfoort, L. Bolsius Burgemeester",
    ),
    "verzoek_defensie": (
        "Ministerie van Defensie Directie Juridische Zaken (DJZ)",
        "Defensie Operaties, Koninklijke Marechaussee (DOPS-KMar)",
        "Afschrift aan Defensie Operatiecentrum (DOC)",
        "in de gemeente(n) Amersfoort, Utrecht, op grond van artikel 58, eerste lid, van de "
        "Politiewet 2012.",
        "Ons kenmerk BV-2026-0042",
        "namens de burgemeester van Amersfoort, J. Jansen Hoofd LOCC",
    ),
    "besluit": (
        "Besluit: het verzoek wordt gedeeltelijk toegekend.",
        "ME-peloton 2 1 krap",
        "Er is elders ook capaciteit nodig.",
        "Inzet uiterlijk tot 20.00 uur.",
        "Dit besluit berust op artikel 56, eerste lid, van de Politiewet 2012.",
        "De burgemeester van Amersfoort",
        "namens de korpschef van politie, H. de Vries Korpschef",
        "Ons kenmerk BV-2026-0042",
    ),
    "afwijzing_korpschef": (
        "Uw verzoek om bijstand wijs ik geheel af, op grond van artikel 56, vierde lid, van "
        "de Politiewet 2012.",
        "Er is geen capaciteit beschikbaar.",
        "Afschrift aan Directoraat-Generaal Politie en Veiligheidsregio's (DGPOL)",
        "De burgemeester van Amersfoort",
        "H. de Vries Korpschef",
        "Ons kenmerk BV-2026-0042",
    ),
    "beroep": (
        "beroep in tegen de afwijzing van mijn verzoek om bijstand met kenmerk KC-2026-7 van "
        "2 december 2026.",
        "Gemeente Amersfoort",
        "De inzet is onmisbaar.",
        "De burgemeester van Amersfoort, L. Bolsius Burgemeester",
        "Ons kenmerk BV-2026-0042",
    ),
    "evaluatie": (
        "Onderwerp Evaluatie bijstandsverzoek BV-2026-0042: ME Amersfoort",
        "Periode 5 december 2026 om 09:00 tot 5 december 2026 om 21:00",
        "1 Toegekend namens de korpschef van politie 3 december 2026 om 14:05 26,25",
        "1 ME-peloton 2 1 1",
        "Kosten Kosten: niet vastgelegd",
        "1 Aanvraag toetsen LOCC 1,5",
        "3 december 2026 om 14:05 Inzet gestart (versie 1) LOCC",
        "Deel 1: Goed verlopen.",
    ),
    "aanwijzing_minister": (
        "Besluit: het beroep wordt toegekend.",
        "Verleen de gevraagde bijstand.",
        "Afschrift aan De burgemeester van Amersfoort",
        "D. Minister Minister van Justitie en Veiligheid",
        "Ons kenmerk BV-2026-0042",
    ),
}


def test_elke_soort_met_sjabloon_heeft_een_context_en_een_voorbeeld() -> None:
    met_sjabloon = {s.value for s in Soort if s != Soort.EXTERN}
    assert {s.value for s in CONTEXTEN} == met_sjabloon
    assert set(VERWACHT) == met_sjabloon == set(SJABLONEN)


@pytest.mark.parametrize("sjabloon", SJABLONEN)
def test_pdf_bevat_kenmerk_gemeente_ondertekening_en_besluit(sjabloon: str) -> None:
    inhoud = tekst(document_renderen(voorbeelden.ALLE[sjabloon]))
    for zin in VERWACHT[sjabloon]:
        assert zin in inhoud, zin


@pytest.mark.parametrize("sjabloon", SJABLONEN)
def test_pdf_is_als_pdf_a_2b_aangemerkt_met_alle_fonts_ingebed(sjabloon: str) -> None:
    pdf = document_renderen(voorbeelden.ALLE[sjabloon])
    assert pdf.startswith(b"%PDF-1.7")
    metadata = xmp(pdf)
    part = re.search(r"<pdfaid:part>(\d+)</pdfaid:part>|pdfaid:part=\"(\d+)\"", metadata)
    conformance = re.search(
        r"<pdfaid:conformance>(\w+)</pdfaid:conformance>|pdfaid:conformance=\"(\w+)\"", metadata
    )
    assert part is not None and conformance is not None
    assert (part.group(1) or part.group(2)) == "2"
    assert (conformance.group(1) or conformance.group(2)) == "B"
    gebruikt = fonts(pdf)
    assert len(gebruikt) >= 2  # regular and bold
    assert [f["/BaseFont"] for f in gebruikt if not is_ingebed(f)] == []
    assert all("LibertinusSerif" in str(f["/BaseFont"]) for f in gebruikt)


def test_zelfde_context_geeft_dezelfde_bytes() -> None:
    context = voorbeelden.besluit()
    assert document_renderen(context) == document_renderen(context)


def test_tekst_met_typst_syntax_wordt_letterlijk_afgedrukt() -> None:
    gevaarlijk = '#sys.exit() $x^2$ *vet* ] [ _schuin_ `code` <label> @ref \\ // commentaar #"'
    context = dataclasses.replace(
        voorbeelden.besluit(),
        redenen=gevaarlijk,
        onderwerp='Onderwerp ] #panic("weg")',
        voorwaarden=('#import "/etc/passwd"',),
    )
    inhoud = tekst(document_renderen(context))
    assert gevaarlijk in inhoud
    assert 'Onderwerp ] #panic("weg")' in inhoud
    assert '#import "/etc/passwd"' in inhoud


def test_lege_regel_begint_een_nieuwe_alinea() -> None:
    context = dataclasses.replace(voorbeelden.besluit(), redenen="Eerste.\n\nTweede.\nDerde.")
    inhoud = tekst(document_renderen(context))
    assert "Eerste. Tweede. Derde." in inhoud


def test_renderen_zonder_tijdstip_met_tijdzone_weigert() -> None:
    velden = {f.name: getattr(voorbeelden.besluit(), f.name) for f in dataclasses.fields(Besluit)}
    velden["tijdstip"] = datetime(2026, 12, 3, 14, 5)  # noqa: DTZ001 - naive on purpose
    with pytest.raises(ValueError, match="tijdstip"):
        renderen("besluit", velden)


@pytest.mark.parametrize("naam", ["extern", "onbekend", "../besluit", "_brief"])
def test_renderen_kent_alleen_de_zes_sjablonen(naam: str) -> None:
    velden = {"tijdstip": voorbeelden.TIJDSTIP}
    with pytest.raises(ValueError, match="geen sjabloon"):
        renderen(naam, velden)


def test_sjabloon_versie_is_sha256_van_sjabloon_en_opmaak() -> None:
    versie = sjabloon_versie("besluit")
    assert re.fullmatch(r"[0-9a-f]{64}", versie)
    assert versie != sjabloon_versie("beroep")


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        (date(2026, 12, 3), "3 december 2026"),
        (datetime(2026, 12, 31, 23, 30, tzinfo=UTC), "1 januari 2027"),
        (datetime(2026, 3, 1, 12, 0, tzinfo=UTC), "1 maart 2026"),
    ],
)
def test_datum_in_het_nederlands_in_amsterdamse_tijd(
    waarde: date | datetime, verwacht: str
) -> None:
    assert datum_tekst(waarde) == verwacht


def test_tijdstip_in_het_nederlands_in_zomertijd() -> None:
    assert tijdstip_tekst(datetime(2026, 7, 1, 12, 0, tzinfo=UTC)) == "1 juli 2026 om 14:00"


def test_een_tijdstip_met_microseconden_wordt_op_de_seconde_gezet() -> None:
    """A signature at 14:05:07.123456 renders (typst takes whole seconds only)."""
    context = voorbeelden.besluit()
    met = dataclasses.replace(context, tijdstip=context.tijdstip.replace(microsecond=123456))
    assert document_renderen(met) == document_renderen(
        dataclasses.replace(context, tijdstip=context.tijdstip.replace(microsecond=0))
    )
