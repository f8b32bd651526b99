"""The request form's field sets per route and the signing gate (#10, ADR 0033).

Data only, and the gate that `taak_afronden` calls; kept apart from `formulier` so that
`taken` can call the gate while `formulier` calls `taak_afronden` (no import cycle).
"""

from __future__ import annotations

from typing import Final

from politiebijstand.verzoeken.exceptions import OngeldigeInvoer
from politiebijstand.verzoeken.models import FormulierVersie, Taak

#: The steps that sign a municipality's form (ADR 0031); completed by signing only.
ONDERTEKEN_TAKEN: Final = frozenset(
    {
        "taak_verzoek_indienen",
        "taak_aanvraagformulier_ondertekenen",
        "taak_verzoek_ondertekenen",
        "taak_schriftelijk_formaliseren",
    }
)

#: The lanes of the competent authority: only there a signing step is the authority's signature
#: (procedure 2's formalisation is the RCCB's, recording who the authority is).
GEZAG_LANES: Final = frozenset({"BURGEMEESTER", "OVJ"})


def is_ondertekentaak(taak: Taak) -> bool:
    """Whether `taak` is the competent authority signing a form (completed by signing only)."""
    return (
        taak.bpmn_id in ONDERTEKEN_TAKEN
        and taak.bpmn_lane in GEZAG_LANES
        and taak.procedure_id in VERPLICHT_PER_PROCEDURE
    )


#: Bounds of the requested capacity (issue #10: "per line, with sane bounds").
MAX_REGELS: Final = 50
MAX_AANTAL: Final = 500
MAX_TEKST: Final = 4000

#: Every field of the form: name -> (label, kind). Kinds: tekst, moment (date and time),
#: ja_nee, regels (capacity lines), zienswijze (date and content, or why not needed).
VELDEN: Final[dict[str, tuple[str, str]]] = {
    "aanvrager": ("Verzoekend gezag", "tekst"),
    "ondertekenaar": ("Ondertekenaar (naam en functie)", "tekst"),
    "eenheid": ("Eenheid die bijstand vraagt", "tekst"),
    "grondslag": ("Wettelijke grondslag", "tekst"),
    "taak": ("Politietaak", "tekst"),
    "aanleiding": ("Aanleiding", "tekst"),
    "gewenst_effect": ("Gewenst effect", "tekst"),
    "taken": ("Te verrichten taken", "tekst"),
    "politiebevoegdheden": ("Worden politiebevoegdheden uitgeoefend?", "ja_nee"),
    "geweld": ("Wordt geweldgebruik verwacht?", "ja_nee"),
    "periode_start": ("Begin van de inzet", "moment"),
    "periode_eind": ("Einde van de inzet", "moment"),
    "meldtijd": ("Meldtijd", "moment"),
    "locatie": ("Locatie", "tekst"),
    "meldplaats": ("Meldplaats", "tekst"),
    "regels": ("Gevraagde capaciteit of specialisme", "regels"),
    "subsidiariteit": ("Motivering subsidiariteit (waarom niet de politie)", "tekst"),
    "zienswijze": ("Zienswijze van de regioburgemeester", "zienswijze"),
    "commando": ("Commandovoering en verbinding", "tekst"),
    "logistiek": ("Logistiek en uitrusting", "tekst"),
    "kosten": ("Kosten (FNIK)", "tekst"),
    "contact_24_7": ("Contactpersoon ter plaatse, 24 uur per dag bereikbaar", "tekst"),
}

_BASIS: Final = frozenset(
    {
        "aanvrager",
        "ondertekenaar",
        "eenheid",
        "grondslag",
        "taak",
        "aanleiding",
        "gewenst_effect",
        "taken",
        "politiebevoegdheden",
        "geweld",
        "periode_start",
        "periode_eind",
        "meldtijd",
        "locatie",
        "meldplaats",
        "regels",
        "commando",
        "logistiek",
        "contact_24_7",
    }
)
#: Routes through another unit: the regioburgemeester's zienswijze goes with the request
#: (Pw 2012 art. 56 lid 3; factsheet, toelichting 1 and 6; ADR 0031).
_ZIENSWIJZE: Final = frozenset({"zienswijze"})
#: Military routes: the costs are settled under the FNIK (factsheet, toelichting 3, 4, 7, 8).
_MILITAIR: Final = frozenset({"kosten"})
#: The armed forces only when the police cannot (Pw 2012 art. 58 and 59; factsheet,
#: toelichting 4 and 8): the request motivates why (subsidiarity).
_KRIJGSMACHT: Final = frozenset({"subsidiariteit"})

#: The required fields per procedure: the one place that says which route asks what.
VERPLICHT_PER_PROCEDURE: Final[dict[str, frozenset[str]]] = {
    "1": _BASIS | _ZIENSWIJZE,  # factsheet, toelichting 1
    "2_waterwerper": _BASIS,  # toelichting 2
    "2_container_vrt": _BASIS,  # toelichting 2
    "3": _BASIS | _MILITAIR,  # toelichting 3
    "4": _BASIS | _MILITAIR | _KRIJGSMACHT,  # toelichting 4
    "5": _BASIS,  # toelichting 5
    "6": _BASIS | _ZIENSWIJZE,  # toelichting 6
    "7": _BASIS | _MILITAIR,  # toelichting 7
    "8": _BASIS | _MILITAIR | _KRIJGSMACHT,  # toelichting 8
}


def taak_gemeente_code(taak: Taak) -> str:
    """The CBS code of the task's municipality, or empty for the authority's own form."""
    return taak.gemeente.code if taak.gemeente_id is not None and taak.gemeente else ""


def controleer_formulier_ondertekend(taak: Taak) -> None:
    """The gate: a signing task completes only once its municipality's form is signed.

    Raises:
        OngeldigeInvoer: code ``formulier-niet-ondertekend``.
    """
    if not is_ondertekentaak(taak):
        return
    if not FormulierVersie.objects.filter(
        deelverzoek_id=taak.deelverzoek_id,
        gemeente_code=taak_gemeente_code(taak),
        ondertekend_op__isnull=False,
    ).exists():
        raise OngeldigeInvoer(
            "onderteken eerst het aanvraagformulier van deze gemeente",
            veld="formulier",
            code="formulier-niet-ondertekend",
        )
