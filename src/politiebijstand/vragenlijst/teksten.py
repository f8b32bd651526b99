"""Plain-Dutch labels for the values of the contract, as shown by the Bijstandswijzer.

Presentation only: the law lives in `politiebijstand.rules`. The titles of the procedures are
the headings of the factsheet's toelichting (numbers 1 to 8), shortened where they repeat.
"""

from __future__ import annotations

from politiebijstand.rules import (
    AdviesUitkomst,
    Formulier,
    Gezag,
    Indiener,
    Leverancier,
    Middel,
    Politietaak,
    Zienswijze,
)
from politiebijstand.rules.situatie import Aanvrager

TAAK: dict[str, str] = {
    Politietaak.OPENBARE_ORDE: "Handhaving van de openbare orde",
    Politietaak.HULPVERLENING: "Hulpverlening aan hen die deze behoeven",
    Politietaak.VERMISSING: "Zoeken naar een vermist persoon",
    Politietaak.STRAFRECHTELIJKE_HANDHAVING: "Strafrechtelijke handhaving van de rechtsorde",
    Politietaak.TAKEN_TEN_DIENSTE_VAN_JUSTITIE: (
        "Taken ten dienste van justitie, waaronder het waken over de veiligheid van personen"
    ),
    Politietaak.BEWAKING_EN_BEVEILIGING_RIJKSDOMEIN: "Bewaking en beveiliging in het rijksdomein",
    Politietaak.BEWAKING_EN_BEVEILIGING_PERSONEN: (
        "Bewaking en beveiliging van personen door de landelijke eenheid (koninklijk huis, "
        "door de minister aangewezen personen)"
    ),
    Politietaak.VREEMDELINGENTOEZICHT: "Toezicht op vreemdelingen (Vreemdelingenwet)",
    Politietaak.GEEN_POLITIETAAK: "Geen politietaak (bijvoorbeeld militaire hulp bij een ramp)",
}

TAAK_UITLEG: dict[str, str] = {
    Politietaak.OPENBARE_ORDE: "Bijvoorbeeld rellen, een demonstratie of een voetbalwedstrijd.",
    Politietaak.HULPVERLENING: "Bijvoorbeeld hulp bij een ongeval of een evacuatie.",
    Politietaak.VERMISSING: "De vervolgvraag is of er een aanwijzing is voor een misdrijf.",
    Politietaak.STRAFRECHTELIJKE_HANDHAVING: "Opsporing en aanhouding van verdachten.",
    Politietaak.TAKEN_TEN_DIENSTE_VAN_JUSTITIE: (
        "Bijvoorbeeld beveiliging bij een rechtszaak of persoonsbeveiliging."
    ),
    Politietaak.BEWAKING_EN_BEVEILIGING_RIJKSDOMEIN: "Valt onder het gezag van de minister.",
    Politietaak.BEWAKING_EN_BEVEILIGING_PERSONEN: (
        "Valt onder het gezag van de minister; de minister geeft de korpschef opdrachten "
        "(Politiewet 2012, art. 56 lid 5)."
    ),
    Politietaak.VREEMDELINGENTOEZICHT: "Valt onder het gezag van de minister.",
    Politietaak.GEEN_POLITIETAAK: (
        "Er wordt om militaire steun gevraagd voor iets anders dan politiewerk."
    ),
}

AANVRAGER: dict[str, str] = {
    Aanvrager.BURGEMEESTER: "De burgemeester",
    Aanvrager.OFFICIER_VAN_JUSTITIE: "De officier van justitie",
}

LEVERANCIER: dict[str, str] = {
    Leverancier.POLITIE: "Een andere eenheid van de politie",
    Leverancier.MIDDELEN_JENV: "Middelen van het Ministerie van Justitie en Veiligheid",
    Leverancier.KMAR: "De Koninklijke Marechaussee (KMar)",
    Leverancier.KRIJGSMACHT: "Een ander deel van de krijgsmacht (Defensie)",
    Leverancier.BUITENLAND: "Buitenlandse politie",
}

LEVERANCIER_UITLEG: dict[str, str] = {
    Leverancier.POLITIE: (
        "Capaciteit of bijstand van een andere regionale of de landelijke eenheid."
    ),
    Leverancier.MIDDELEN_JENV: "Een waterwerper, bewakingscontainer of VRT-voertuig.",
    Leverancier.KMAR: (
        "Mag ook als de politie nog niet is uitgeput; een gericht KMar-verzoek kan, "
        "bijvoorbeeld wegens lokale bekendheid."
    ),
    Leverancier.KRIJGSMACHT: (
        "Alleen als de politie (en bij openbare orde ook de KMar) is uitgeput, "
        "of als een specialisme alleen bij de krijgsmacht bestaat."
    ),
    Leverancier.BUITENLAND: "Op grond van verdragen (Benelux, Verdrag van Enschede, Prüm).",
}

MIDDEL: dict[str, str] = {
    Middel.WATERWERPER: "Waterwerper",
    Middel.BEWAKINGSCONTAINER: "Bewakingscontainer",
    Middel.VRT_VOERTUIG: "Voertuig voor verscherpt rijdend toezicht (VRT)",
}

GEZAG: dict[str, str] = {
    Gezag.BURGEMEESTER: "de burgemeester",
    Gezag.OFFICIER_VAN_JUSTITIE: "de officier van justitie",
    Gezag.MINISTER_JENV: "de Minister van Justitie en Veiligheid",
}

UITKOMST: dict[str, str] = {
    AdviesUitkomst.BIJSTAND: "Vraag bijstand aan volgens de procedure(s) hieronder.",
    AdviesUitkomst.EIGEN_CAPACITEIT: (
        "De eenheid voorziet zelf in de capaciteit. Het bijstandsproces eindigt hier."
    ),
    AdviesUitkomst.GEZAG_MINISTER: (
        "Deze taak valt onder het rechtstreekse gezag van de Minister van Justitie en "
        "Veiligheid. De minister kan opdrachten geven; de bijstandsprocedures van de "
        "factsheet gelden hier niet."
    ),
    AdviesUitkomst.BUITEN_FACTSHEET: (
        "Deze bijstand valt buiten de factsheet: de Politiewet 2012 regelt hiervoor een eigen "
        "weg. Hieronder staan het artikel en wie beslist."
    ),
    AdviesUitkomst.MILITAIRE_STEUNVERLENING: (
        "Het gaat niet om een politietaak. De burgemeester kan militaire steunverlening in "
        "het openbaar belang aanvragen (Regeling militaire steunverlening), niet via de "
        "Politiewet 2012."
    ),
    AdviesUitkomst.NIET_MOGELIJK: (
        "Dit kan niet: een officier van justitie kan geen militaire steunverlening in het "
        "openbaar belang aanvragen."
    ),
}

#: The heading of the result page per outcome (contract, `uitkomst`).
UITKOMST_KOP: dict[str, str] = {
    AdviesUitkomst.BIJSTAND: "Advies: bijstand aan de politie",
    AdviesUitkomst.EIGEN_CAPACITEIT: "Advies: de eenheid voorziet zelf, geen bijstand nodig",
    AdviesUitkomst.GEZAG_MINISTER: "Advies: gezag van de minister, geen bijstandsprocedure",
    AdviesUitkomst.BUITEN_FACTSHEET: "Advies: bijstand buiten de factsheet",
    AdviesUitkomst.MILITAIRE_STEUNVERLENING: (
        "Advies: militaire steunverlening in het openbaar belang, geen bijstand"
    ),
    AdviesUitkomst.NIET_MOGELIJK: "Advies: niet mogelijk",
}

INDIENER: dict[str, str] = {
    Indiener.BURGEMEESTER: "De burgemeester (of namens de burgemeester)",
    Indiener.REGIOBURGEMEESTER: "De regioburgemeester, als primus inter pares",
    Indiener.OFFICIER_VAN_JUSTITIE: "De (hoofd)officier van justitie, vanuit het parket zelf",
    Indiener.RCCB: "Het RCCB van de eenheid",
}

FORMULIER: dict[str, str] = {
    Formulier.INTRANET_POLITIE: "Aanvraagformulier op het intranet van de politie (Kennisnet)",
    Formulier.WEBSITE_LOCC: "Aanvraagformulier op de website van het LOCC",
}

ZIENSWIJZE: dict[str, str] = {
    Zienswijze.VEREIST: (
        "Vereist: de regioburgemeester krijgt eerst de gelegenheid zijn zienswijze te geven; "
        "die gaat mee met de aanvraag."
    ),
    Zienswijze.NIET_VEREIST_SPOED: (
        "Niet vereist, omdat het spoed heeft (Politiewet 2012, art. 56 lid 3)."
    ),
    Zienswijze.NIET_VAN_TOEPASSING: (
        "Niet van toepassing: de aanvragende burgemeester is zelf de regioburgemeester."
    ),
}

#: Headings of the factsheet's toelichting per procedure number.
PROCEDURE: dict[str, str] = {
    "1": "Bijstand door een andere eenheid, voor handhaving van de openbare orde",
    "2": "Middelen van het Ministerie van Justitie en Veiligheid",
    "3": "Bijstand door de Koninklijke Marechaussee, voor handhaving van de openbare orde",
    "4": "Bijstand door andere delen van de krijgsmacht, voor handhaving van de openbare orde",
    "5": "Bijstand door een buitenlandse politiedienst, op verdragsbasis",
    "6": (
        "Bijstand door een andere eenheid, voor strafrechtelijke handhaving of taken ten "
        "dienste van justitie"
    ),
    "7": (
        "Bijstand door de Koninklijke Marechaussee, voor strafrechtelijke handhaving of "
        "taken ten dienste van justitie"
    ),
    "8": (
        "Bijstand door andere delen van de krijgsmacht, voor strafrechtelijke handhaving of "
        "taken ten dienste van justitie"
    ),
    "rechtshulp": (
        "Buitenlandse politie voor een justitiële taak: afzonderlijke strafvorderlijke "
        "procedures (rechtshulp) via de officier van justitie"
    ),
}

#: Member states of the European Union other than the Netherlands (ISO 3166-1 alpha-2), the
#: neighbours first; the treaties of the factsheet (Benelux, Enschede, Prüm) concern these.
LANDEN: tuple[tuple[str, str], ...] = (
    ("BE", "België"),
    ("DE", "Duitsland"),
    ("LU", "Luxemburg"),
    ("FR", "Frankrijk"),
    ("AT", "Oostenrijk"),
    ("BG", "Bulgarije"),
    ("CY", "Cyprus"),
    ("CZ", "Tsjechië"),
    ("DK", "Denemarken"),
    ("EE", "Estland"),
    ("ES", "Spanje"),
    ("FI", "Finland"),
    ("GR", "Griekenland"),
    ("HR", "Kroatië"),
    ("HU", "Hongarije"),
    ("IE", "Ierland"),
    ("IT", "Italië"),
    ("LT", "Litouwen"),
    ("LV", "Letland"),
    ("MT", "Malta"),
    ("PL", "Polen"),
    ("PT", "Portugal"),
    ("RO", "Roemenië"),
    ("SE", "Zweden"),
    ("SI", "Slovenië"),
    ("SK", "Slowakije"),
)


def procedure_titel(procedure: str) -> str:
    """The heading of a procedure, e.g. ``"procedure 3: Bijstand door de KMar, ..."``."""
    titel = PROCEDURE.get(procedure, "")
    if procedure == "rechtshulp":
        return titel
    return f"Procedure {procedure}: {titel}" if titel else f"Procedure {procedure}"


#: The organisations of the footer's 24/7 numbers (`ui.templatetags.ui.SPOEDNUMMERS`).
SPOED_CODES = ("LE-POB", "LOCC", "OZI")
