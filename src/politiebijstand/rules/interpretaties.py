"""The thirteen fixed interpretations of the contract, in Dutch, for the rule catalogue.

Where the factsheet is silent, ambiguous or contradicts the law, the engine follows the
interpretations fixed in the contract (`docs/contract/advies.md`, "Interpretations fixed
here"). Rules cite them in their Dutch text as "vaste interpretatie N (docs/contract)"; the
catalogue lists them here so that a lawyer can read what each says. The texts are faithful
Dutch renderings of the contract's English, without field names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: How a rule's Dutch text cites an interpretation.
CITAAT = "vaste interpretatie {nummer} (docs/contract)"
_CITAAT = re.compile(r"vaste interpretatie (\d+) \(docs/contract\)")


@dataclass(frozen=True, slots=True)
class Interpretatie:
    """One fixed interpretation of the contract.

    Attributes:
        nummer: its number in the contract, 1 to 13.
        titel: a short Dutch title.
        tekst: the interpretation in Dutch.
    """

    nummer: int
    titel: str
    tekst: str


VASTE_INTERPRETATIES: tuple[Interpretatie, ...] = (
    Interpretatie(
        1,
        "Volgorde van beoordeling",
        "Ongeldige invoer geeft een foutmelding. Daarna geldt deze volgorde. Is de eigen "
        "capaciteit voldoende, dan eindigt het bijstandsproces. Valt de taak onder het "
        "rechtstreekse gezag van de minister (bewaking en beveiliging in het rijksdomein, "
        "vreemdelingentoezicht; factsheet, 'Politie en bevoegd gezag', voetnoot 2), dan valt "
        "zij buiten de factsheet. Gaat het niet om een politietaak (toelichting 11), dan kan "
        "een burgemeester militaire steunverlening aanvragen en is dat voor een officier van "
        "justitie niet mogelijk; wie aanvraagt, moet dan zijn opgegeven. In alle andere "
        "gevallen is de uitkomst bijstand, ook als geen enkele route is toegestaan. Het gezag "
        "wordt altijd uit de taak afgeleid, ook als de eigen capaciteit voldoende is.",
    ),
    Interpretatie(
        2,
        "Hulpverlening en vermissing",
        "Hulpverlening, en een vermissing zonder aanwijzing voor een misdrijf, vallen onder "
        "het gezag van de burgemeester en volgen pad A, met een waarschuwing dat het artikel "
        "van procedure 1 (Pw 2012 art. 56 lid 1) spreekt van handhaving van de openbare orde "
        "en de factsheet procedures 3 en 4 zo noemt; art. 57 lid 1 en 58 lid 1 noemen geen "
        "taak. Een vermissing met een aanwijzing voor een misdrijf valt onder het gezag van de "
        "officier van justitie en volgt pad B (toelichting 12).",
    ),
    Interpretatie(
        3,
        "Errata in de factsheet",
        "De stappen van procedure 6 zeggen dat de burgemeester het formulier indient; Pw 2012 "
        "art. 56 lid 2 en de kop van toelichting 6 zeggen de officier van justitie. Het advies "
        "volgt de wet: de officier van justitie dient in, met een waarschuwing die beide "
        "teksten noemt. Toelichting 12 verwijst voor militaire bijstand onder gezag van de "
        "officier van justitie naar de procedures '8 of 9'; bedoeld zijn procedure 7 (KMar) "
        "en procedure 8 (andere delen van de krijgsmacht).",
    ),
    Interpretatie(
        4,
        "Zienswijze van de regioburgemeester",
        "De zienswijze van de regioburgemeester (Pw 2012 art. 56 lid 3, aangehaald in "
        "toelichting 1 en 6) geldt voor procedures 1 en 6. Procedure 1: niet van toepassing "
        "als de verzoekende burgemeester zelf de regioburgemeester is; anders bij spoed niet "
        "vooraf vereist; anders vereist. Procedure 6: de officier van justitie verzoekt, dus "
        "of een burgemeester de regioburgemeester is, speelt geen rol: bij spoed niet vooraf "
        "vereist, anders vereist.",
    ),
    Interpretatie(
        5,
        "Voorwaarden voor de krijgsmacht",
        "Andere delen van de krijgsmacht (procedures 4 en 8) zijn alleen toegestaan als het "
        "specialisme bij politie en KMar ontbreekt, of: bij de openbare orde als de capaciteit "
        "van zowel politie als KMar is uitgeput (de getrapte volgorde politie, KMar, "
        "krijgsmacht); bij justitiële taken als de politiecapaciteit is uitgeput (stroomschema "
        "B). De factsheet zegt dit anders in het stroomschema dan in toelichting 4 en 8; het "
        "advies zegt welke voorwaarde het heeft toegepast. Voor de KMar is uitputting nooit "
        "vereist.",
    ),
    Interpretatie(
        6,
        "Middelen van het Ministerie van Justitie en Veiligheid",
        "Bij procedure 2 dient het RCCB zelf in. Waterwerpers: het formulier gaat naar het "
        "LOCC, dat beslist. Bewakingscontainers en VRT-voertuigen: het RCCB neemt contact op "
        "met DB3 van de NCTV, dat beslist, en het verzoek gaat naar DB3 (toelichting 2 is "
        "specifieker dan het stroomschema). Voor een oefening met een waterwerper hoeft het "
        "bevoegd gezag niet op het formulier te staan; een waarschuwing zegt dat.",
    ),
    Interpretatie(
        7,
        "Procedures 1 en 6: waarheen en wie beslist",
        "Het verzoek is gericht aan de korpschef en het RCCB mailt het formulier naar LE-POB. "
        "Het formulier gaat dus naar LE-POB, en de korpschef beslist.",
    ),
    Interpretatie(
        8,
        "Procedures 3, 4, 7 en 8: indiener, waarheen en wie beslist",
        "Procedures 3 en 4: de burgemeester dient in, of de regioburgemeester als primus inter "
        "pares als de bijstand vooraf niet aan één gemeente te koppelen is; het formulier gaat "
        "naar het LOCC en het LOCC beslist, namens de Minister van Justitie en Veiligheid (bij "
        "procedure 4 na het besluit van DJZ namens de Minister van Defensie, dat de stappen "
        "tonen). Procedures 7 en 8: de (hoofd)officier van justitie dient in, het formulier "
        "gaat naar het Parket-Generaal en OZI beslist.",
    ),
    Interpretatie(
        9,
        "Buitenlandse politie",
        "Procedure 5 (openbare orde): de burgemeester dient in; het RCCB neemt contact op met "
        "LE-POB, dat het LOCC inschakelt; het formulier gaat naar het LOCC en het LOCC "
        "beslist. Voor een justitiële taak: rechtshulp via de officier van justitie, die "
        "indient, zonder formulier en zonder beslisser in dit systeem.",
    ),
    Interpretatie(
        10,
        "Convenant",
        "Een convenant (toelichting 8, voetnoot 4) verandert alleen procedure 8: de stappen "
        "worden die van de verkorte route van het convenant, plus het informeren van de "
        "korpsleiding via LE-POB, met een waarschuwing. De andere gegevens van de route "
        "blijven gelijk.",
    ),
    Interpretatie(
        11,
        "Meer gemeenten en spoed",
        "Bijstand in meer gemeenten op een route die een burgemeester ondertekent: één "
        "formulier per gemeente, elk ondertekend door de eigen burgemeester; een waarschuwing "
        "noemt het aantal. Spoed zet bij elke procedure die dat toelaat het telefonische "
        "contact vooraan en het schriftelijke verzoek achteraf.",
    ),
    Interpretatie(
        12,
        "Eén formulier per gemeente",
        "Elke gemeente waar de bijstand wordt ingezet, krijgt een eigen formulier, ondertekend "
        "door haar eigen burgemeester (Pw 2012 art. 11; art. 56 lid 3). Of die burgemeester de "
        "regioburgemeester is, volgt uit de referentiegegevens (de gemeente van de "
        "regioburgemeester van de eenheid waartoe de gemeente behoort), niet uit het antwoord "
        "op de vraag of de verzoekende burgemeester de regioburgemeester is; dat antwoord telt "
        "alleen als er geen gemeente is opgegeven. Bij procedure 1 met Den Haag en Wassenaar "
        "is de zienswijze dus voor Den Haag niet van toepassing en voor Wassenaar vereist (bij "
        "spoed niet vooraf vereist). Een gemeente die de referentiegegevens niet kennen, geeft "
        "een foutmelding die het veld gemeenten noemt, met de namen die er het meest op lijken.",
    ),
    Interpretatie(
        13,
        "Bijstand buiten de factsheet (uitbreiding van het project)",
        "Twee soorten bijstand regelt de Politiewet 2012, maar laat de factsheet weg. Het "
        "advies zegt dan dat de bijstand buiten de factsheet valt, noemt het artikel en wie "
        "beslist, geeft een waarschuwing en geen procedure 1, 6 of 8. Ten eerste de bewaking "
        "en beveiliging van leden van het koninklijk huis en van personen die de minister "
        "aanwijst, een taak van de landelijke eenheid (art. 42 lid 1 onder c) onder het gezag "
        "van de minister (voetnoot 2: taken in het rijksdomein): heeft de landelijke eenheid "
        "bijstand van andere eenheden nodig, dan geeft de minister de korpschef de nodige "
        "opdrachten (art. 56 lid 5); niemand dient een verzoek in. Wordt daarbij de KMar of de "
        "krijgsmacht gevraagd, dan waarschuwt het advies dat art. 57 en 58 gelden. Ten tweede "
        "een bijzondere bijstandseenheid (de Dienst Speciale Interventies van de politie, of "
        "een bijzondere eenheid van de KMar of de krijgsmacht): de officier van justitie "
        "vraagt haar via het College van procureurs-generaal aan de minister, die beslist of "
        "en hoe en de Minister van Defensie informeert (art. 59). Valt de inzet onder het "
        "gezag van de burgemeester, dan waarschuwt het advies dat art. 59 de officier van "
        "justitie het verzoek laat doen. De volgorde van beoordeling (1) wordt: eigen "
        "capaciteit, beveiliging van personen, de andere taken van de minister, geen "
        "politietaak, een bijzondere bijstandseenheid, en anders bijstand. Toegevoegd op "
        "2026-12-03 (ADR-0025).",
    ),
)


def geciteerde_interpretaties(tekst: str) -> tuple[int, ...]:
    """The numbers of the interpretations a Dutch text cites, in order, each once.

    Raises:
        ValueError: a cited number is not one of the contract's interpretations (1 to 13).
    """
    nummers = tuple(dict.fromkeys(int(n) for n in _CITAAT.findall(tekst)))
    bekend = {i.nummer for i in VASTE_INTERPRETATIES}
    for nummer in nummers:
        if nummer not in bekend:
            raise ValueError(f"no interpretation {nummer} in the contract")
    return nummers
