"""Bijstand buiten de factsheet: beveiliging van personen (Pw 2012 art. 56 lid 5) en art. 59.

The factsheet describes bijstand requested by a burgemeester or an officier van justitie. Two
kinds of bijstand in the Politiewet 2012 follow another route, and the factsheet leaves them
out (issue #8, item 8; contract, interpretation 13; ADR-0025):

- the national unit's guarding and security of members of the royal house and of persons the
  minister designates (art. 42 lid 1 onder c): when it needs other units, the minister gives
  the korpschef the orders needed (art. 56 lid 5); no one files a request;
- the bijzondere bijstandseenheden of the police, the KMar and the armed forces (art. 59):
  the officier van justitie asks the minister through the College van procureurs-generaal;
  the minister decides whether and how, and informs the Minister of Defence.

The advice for either names the article, says that it is outside the factsheet and who
decides (`Advies.grondslag`, `Advies.besluit_door`), instead of procedure 6 or 8.
"""

from __future__ import annotations

from dataclasses import dataclass

from politiebijstand.rules import organisatiecodes as org
from politiebijstand.rules.advies import Gezag, Grondslag
from politiebijstand.rules.bron import POLITIEWET_2012, POLITIEWET_2012_BWB_ID, Bron, politiewet
from politiebijstand.rules.catalogus import regel
from politiebijstand.rules.politiewet_2012.bijstand_gezag import GEZAG_MINISTER
from politiebijstand.rules.situatie import Leverancier, Politietaak, Situatie
from politiebijstand.rules.uitkomst import Uitkomst

ART_56_LID_5 = politiewet("56", "5")
ART_42_LID_1_C = Bron(
    regeling=POLITIEWET_2012,
    artikel="42",
    lid="1",
    onderdeel="onder c",
    bwb_id=POLITIEWET_2012_BWB_ID,
)
#: Art. 59 as the law summary gives it (docs/bronnen/politiewet-2012.md: one row, no lid).
ART_59 = politiewet("59")
ART_12_LID_1 = politiewet("12", "1")


@dataclass(frozen=True, slots=True)
class BuitenFactsheet:
    """Bijstand that the Politiewet 2012 rules outside the factsheet (interpretation 13).

    Attributes:
        grondslag: the article that governs the bijstand (contract, `Advies.grondslag`).
        besluit_door: the organisation code of who decides (contract, `Advies.besluit_door`).
    """

    grondslag: Grondslag
    besluit_door: str


_GRONDSLAG_56_5 = Grondslag(regeling=POLITIEWET_2012, artikel="56", lid="5")
_GRONDSLAG_59 = Grondslag(regeling=POLITIEWET_2012, artikel="59", lid=None)

PERSONEN_WAARSCHUWING = (
    "Bewaking en beveiliging van leden van het koninklijk huis en van personen die de minister "
    "aanwijst, is een taak van de landelijke eenheid (Pw 2012 art. 42 lid 1 onder c) onder "
    "het gezag van de Minister van Justitie en Veiligheid. Bijstand hiervoor valt buiten de "
    "factsheet: er is geen bijstandsverzoek van een burgemeester of officier van justitie en "
    "geen procedure 1 of 6. Heeft de landelijke eenheid bijstand van andere eenheden nodig, "
    "dan geeft de Minister van Justitie en Veiligheid de korpschef de nodige opdrachten (Pw "
    "2012 art. 56 lid 5)."
)
PERSONEN_MILITAIR_WAARSCHUWING = (
    "Art. 56 lid 5 gaat over bijstand van andere politie-eenheden. Voor bijstand door de KMar "
    "of andere delen van de krijgsmacht bij deze taak beslist ook de minister, met de Minister "
    "van Defensie (Pw 2012 art. 57 en 58); de factsheet beschrijft daarvoor geen procedure."
)
BBE_WAARSCHUWING = (
    "Bijstand door een bijzondere bijstandseenheid (de Dienst Speciale Interventies van de "
    "politie, of een bijzondere eenheid van de KMar of de krijgsmacht) valt buiten de "
    "factsheet en volgt niet procedure 6 of 8. De officier van justitie vraagt deze bijstand "
    "via het College van procureurs-generaal aan de Minister van Justitie en Veiligheid; de "
    "minister beslist of en hoe, en informeert de Minister van Defensie (Pw 2012 art. 59)."
)
BBE_BURGEMEESTER_WAARSCHUWING = (
    "Art. 59 laat de officier van justitie het verzoek doen, niet de burgemeester: overleg "
    "met de officier van justitie over het verzoek (Pw 2012 art. 59; art. 12 lid 1)."
)


@regel(
    ART_56_LID_5,
    ART_42_LID_1_C,
    GEZAG_MINISTER,
    samenvatting=(
        "Bijstand voor de beveiliging van personen door de landelijke eenheid valt buiten de "
        "factsheet: de minister geeft de korpschef de nodige opdrachten."
    ),
    toelichting=(
        "De landelijke eenheid bewaakt en beveiligt leden van het koninklijk huis en personen "
        "die de minister aanwijst (Pw 2012 art. 42 lid 1 onder c), onder het gezag van de "
        "Minister van Justitie en Veiligheid (factsheet, 'Politie en bevoegd gezag', voetnoot "
        "2: taken in het rijksdomein). Heeft de landelijke eenheid hiervoor bijstand van "
        "andere eenheden nodig, dan geeft de minister de korpschef de nodige opdrachten (art. "
        "56 lid 5). Er is dus geen verzoek van een burgemeester of officier van justitie en "
        "geen procedure 1 of 6. Het advies noemt art. 56 lid 5 als grondslag en de minister "
        "als beslisser, welke leverancier ook is gevraagd. Voor de KMar of de krijgsmacht "
        "waarschuwt het dat art. 57 en 58 dan gelden (vaste interpretatie 13 (docs/contract))."
    ),
)
def beveiliging_personen(situatie: Situatie) -> Uitkomst[BuitenFactsheet | None]:
    """Bijstand for the national unit's protection of persons (Pw art. 56 lid 5, 42 lid 1 c).

    The national unit guards members of the royal house and persons the minister designates
    (art. 42 lid 1 onder c), under the minister's gezag (factsheet footnote 2: tasks in the
    rijksdomein). If it needs bijstand of other units, the minister gives the korpschef the
    orders needed (art. 56 lid 5): no request, no procedure 1 or 6.

    Returns:
        `BuitenFactsheet` (grondslag art. 56 lid 5, besluit_door MINISTER-JENV) when
        `situatie.taak` is `BEWAKING_EN_BEVEILIGING_PERSONEN`, whatever `gevraagd` holds
        (a provider other than the police adds a warning on art. 57 and 58); else None.

    Bron: Pw 2012 art. 56 lid 5, art. 42 lid 1 onder c; factsheet, "Politie en bevoegd
    gezag", voetnoot 2; contract, interpretation 13.
    """
    if situatie.taak is not Politietaak.BEWAKING_EN_BEVEILIGING_PERSONEN:
        return _PERSONEN_NEE
    militair = any(
        g.leverancier in {Leverancier.KMAR, Leverancier.KRIJGSMACHT} for g in situatie.gevraagd
    )
    return _PERSONEN_MILITAIR if militair else _PERSONEN_JA


_PERSONEN = BuitenFactsheet(grondslag=_GRONDSLAG_56_5, besluit_door=org.MINISTER_JENV)
_PERSONEN_JA = Uitkomst(
    _PERSONEN,
    bron=ART_56_LID_5,
    ook=(ART_42_LID_1_C, GEZAG_MINISTER),
    reden="beveiliging van personen door de landelijke eenheid: de minister geeft opdrachten",
    waarschuwingen=(PERSONEN_WAARSCHUWING,),
)
_PERSONEN_MILITAIR = Uitkomst(
    _PERSONEN,
    bron=ART_56_LID_5,
    ook=(ART_42_LID_1_C, GEZAG_MINISTER),
    reden="beveiliging van personen, ook militaire bijstand gevraagd: de minister beslist",
    waarschuwingen=(PERSONEN_WAARSCHUWING, PERSONEN_MILITAIR_WAARSCHUWING),
)
_PERSONEN_NEE = Uitkomst(
    None, bron=ART_56_LID_5, reden="geen beveiliging van personen door de landelijke eenheid"
)


@regel(
    ART_59,
    ART_12_LID_1,
    samenvatting=(
        "Bijstand door een bijzondere bijstandseenheid valt buiten de factsheet: de minister "
        "beslist op verzoek van de officier van justitie."
    ),
    toelichting=(
        "Bijzondere bijstandseenheden van de politie (de Dienst Speciale Interventies), de "
        "KMar of de krijgsmacht verlenen bijstand op grond van Pw 2012 art. 59. De officier "
        "van justitie vraagt die bijstand via het College van procureurs-generaal aan de "
        "Minister van Justitie en Veiligheid; de minister beslist of en hoe en informeert de "
        "Minister van Defensie. Het advies noemt art. 59 als grondslag en de minister als "
        "beslisser, in plaats van procedure 6 of 8. Valt de inzet onder het gezag van de "
        "burgemeester, dan waarschuwt het dat art. 59 de officier van justitie het verzoek "
        "laat doen (art. 12 lid 1). Of een bijzondere bijstandseenheid wordt gevraagd, is een "
        "gegeven dat wordt ingevoerd (vaste interpretatie 13 (docs/contract))."
    ),
)
def bijzondere_bijstandseenheid(
    situatie: Situatie, gezag: Gezag | None
) -> Uitkomst[BuitenFactsheet | None]:
    """Bijstand by a bijzondere bijstandseenheid (Pw art. 59): the minister decides.

    The special units of the police (Dienst Speciale Interventies), the KMar or the armed
    forces: the officier van justitie asks the minister through the College van
    procureurs-generaal; the minister decides whether and how and informs the Minister of
    Defence. Not procedure 6 or 8. Whether such a unit is asked is an input
    (`Situatie.bijzondere_bijstandseenheid`), never derived here.

    Args:
        situatie: the situation.
        gezag: the gezag derived from the task (`bijstand_gezag.gezag_voor_taak`).

    Returns:
        `BuitenFactsheet` (grondslag art. 59, besluit_door MINISTER-JENV) when
        `situatie.bijzondere_bijstandseenheid`; under the burgemeester's gezag with a
        warning that art. 59 has the officier van justitie ask. Else None.

    Bron: Pw 2012 art. 59 (as summarised in docs/bronnen/politiewet-2012.md), art. 12 lid 1;
    contract, interpretation 13.
    """
    if not situatie.bijzondere_bijstandseenheid:
        return _BBE_NEE
    if gezag is Gezag.BURGEMEESTER:
        return _BBE_BURGEMEESTER
    return _BBE_JA


_BBE = BuitenFactsheet(grondslag=_GRONDSLAG_59, besluit_door=org.MINISTER_JENV)
_BBE_JA = Uitkomst(
    _BBE,
    bron=ART_59,
    reden="bijzondere bijstandseenheid: de minister beslist op verzoek van de officier",
    waarschuwingen=(BBE_WAARSCHUWING,),
)
_BBE_BURGEMEESTER = Uitkomst(
    _BBE,
    bron=ART_59,
    ook=(ART_12_LID_1,),
    reden="bijzondere bijstandseenheid onder gezag van de burgemeester: verzoek via de officier",
    waarschuwingen=(BBE_WAARSCHUWING, BBE_BURGEMEESTER_WAARSCHUWING),
)
_BBE_NEE = Uitkomst(None, bron=ART_59, reden="geen bijzondere bijstandseenheid gevraagd")
