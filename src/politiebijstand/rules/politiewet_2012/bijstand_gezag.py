"""Gezag en het pad van het stroomschema: eigen capaciteit, gezag per taak (Pw 2012 art. 11, 12).

Step 1 of the factsheet's flowchart asks whether the unit's own capacity suffices; step 2 asks
for which police task capacity is needed, which fixes the gezag and so the path: A for public
order (burgemeester), B for justice tasks (officier van justitie). Tasks under the minister's
direct authority fall outside the factsheet.
"""

from __future__ import annotations

from enum import StrEnum

from politiebijstand.rules.advies import Gezag
from politiebijstand.rules.bron import factsheet, politiewet
from politiebijstand.rules.catalogus import regel
from politiebijstand.rules.situatie import Politietaak, Situatie
from politiebijstand.rules.uitkomst import Uitkomst

STROOMSCHEMA_STAP_1 = factsheet("stroomschema stap 1")
STROOMSCHEMA_STAP_2 = factsheet("stroomschema stap 2")
GEZAG_BURGEMEESTER = politiewet("11", "1")
GEZAG_OFFICIER = politiewet("12", "1")
GEZAG_MINISTER = factsheet("Politie en bevoegd gezag, voetnoot 2")
VERMISSING = factsheet("toelichting 12")
GEEN_POLITIETAAK = factsheet("toelichting 11")


class Pad(StrEnum):
    """The two paths of the flowchart (factsheet, stroomschema stap 2)."""

    OPENBARE_ORDE = "A"
    JUSTITIE = "B"


@regel(
    STROOMSCHEMA_STAP_1,
    samenvatting=(
        "Is de eigen capaciteit van de eenheid voldoende, dan eindigt het bijstandsproces."
    ),
    toelichting=(
        "Stap 1 van het stroomschema: 'Capaciteit binnen de eenheid voldoende (na verificatie "
        "via RCCB)? Ja: zelf in voorzien, einde bijstandsproces.' Of de capaciteit volstaat, "
        "is een oordeel van het RCCB dat als gegeven wordt ingevoerd; de regel leidt het niet "
        "zelf af. Ook dan wordt het gezag bepaald (vaste interpretatie 1 (docs/contract))."
    ),
)
def eigen_capaciteit(situatie: Situatie) -> Uitkomst[bool]:
    """Whether the unit provides for itself, which ends the bijstand process.

    Step 1 of the flowchart: "Capaciteit binnen de eenheid voldoende (na verificatie via
    RCCB)? Ja: zelf in voorzien, einde bijstandsproces." The answer is a judgement of the
    RCCB, recorded in `Situatie.eigen_capaciteit_toereikend`; it is never derived here.
    """
    if situatie.eigen_capaciteit_toereikend:
        return _EIGEN_JA
    return _EIGEN_NEE


_EIGEN_JA = Uitkomst(
    True,
    bron=STROOMSCHEMA_STAP_1,
    reden="de eigen capaciteit is na verificatie via RCCB voldoende: einde bijstandsproces",
)
_EIGEN_NEE = Uitkomst(
    False,
    bron=STROOMSCHEMA_STAP_1,
    reden="de eigen capaciteit is niet voldoende: ga naar stap 2",
)


@regel(
    VERMISSING,
    GEZAG_BURGEMEESTER,
    GEZAG_OFFICIER,
    samenvatting=("Bij een vermissing hangt het gezag af van een aanwijzing voor een misdrijf."),
    toelichting=(
        "Toelichting 12: zonder aanwijzing voor een misdrijf is het zoeken hulpverlening aan "
        "hen die deze behoeven, onder gezag van de burgemeester (Pw 2012 art. 11 lid 1). Is er "
        "(mogelijk) sprake van een misdrijf, dan valt de inzet onder het gezag van de officier "
        "van justitie (Pw 2012 art. 12 lid 1; vaste interpretatie 2 (docs/contract))."
    ),
)
def gezag_bij_vermissing(indicatie_misdrijf: bool) -> Uitkomst[Gezag]:
    """The gezag over a search for a missing person depends on an indication of a crime.

    Toelichting 12: without an indication of a crime, the search is help to those who need it
    (hulpverlening) under the burgemeester (Pw art. 11 lid 1); with a (possible) crime, it is
    criminal-law enforcement under the officier van justitie (Pw art. 12 lid 1).
    """
    return _VERMISSING_MISDRIJF if indicatie_misdrijf else _VERMISSING_HULPVERLENING


_VERMISSING_MISDRIJF = Uitkomst(
    Gezag.OFFICIER_VAN_JUSTITIE,
    bron=VERMISSING,
    ook=(GEZAG_OFFICIER,),
    reden="vermissing met (mogelijk) een misdrijf: gezag van de officier van justitie",
)
_VERMISSING_HULPVERLENING = Uitkomst(
    Gezag.BURGEMEESTER,
    bron=VERMISSING,
    ook=(GEZAG_BURGEMEESTER,),
    reden="vermissing zonder indicatie van een misdrijf: hulpverlening onder de burgemeester",
)


@regel(
    GEZAG_BURGEMEESTER,
    GEZAG_OFFICIER,
    GEZAG_MINISTER,
    GEEN_POLITIETAAK,
    VERMISSING,
    samenvatting=("Het gezag over de inzet volgt uit de politietaak."),
    toelichting=(
        "Handhaving van de openbare orde en hulpverlening: de burgemeester (Pw 2012 art. 11 "
        "lid 1). Strafrechtelijke handhaving van de rechtsorde en taken ten dienste van "
        "justitie, waaronder het waken over de veiligheid van personen: de officier van "
        "justitie (Pw 2012 art. 12 lid 1). Bewaking en beveiliging in het rijksdomein, "
        "waaronder de beveiliging van personen door de landelijke eenheid (Pw 2012 art. 42 "
        "lid 1 onder c; vaste interpretatie 13 (docs/contract)), en handhaving van de "
        "vreemdelingenwetgeving: rechtstreeks de Minister van Justitie en Veiligheid "
        "(factsheet, 'Politie en bevoegd gezag', voetnoot 2). Bij een vermissing: "
        "zie de regel over het gezag bij een vermissing. Geen politietaak: geen gezag over "
        "politie-inzet (toelichting 11). Het gezag wordt ook bepaald als de eigen capaciteit "
        "voldoende is (vaste interpretatie 1 (docs/contract))."
    ),
)
def gezag_voor_taak(situatie: Situatie) -> Uitkomst[Gezag | None]:
    """Who holds gezag over the deployment, derived from the police task alone.

    Public order and hulpverlening: the burgemeester (Pw art. 11 lid 1). Criminal-law
    enforcement and tasks for the justice system, including guarding the safety of persons:
    the officier van justitie (Pw art. 12 lid 1). Guarding in the national domain
    (rijksdomein), including the national unit's protection of persons (art. 42 lid 1 onder c;
    contract, interpretation 13), and aliens supervision: the Minister of JenV directly
    (factsheet, "Politie en bevoegd gezag", footnote 2). A missing person: see
    `gezag_bij_vermissing`. No police task: no gezag (toelichting 11). The gezag is derived
    also when own capacity suffices (contract, interpretation 1).
    """
    if situatie.taak is Politietaak.VERMISSING:
        # situatie_from_dict requires indicatie_misdrijf for a missing person; a Situatie
        # built in code without it is a programming error.
        if situatie.indicatie_misdrijf is None:
            raise ValueError("indicatie_misdrijf is required for taak vermissing")
        return gezag_bij_vermissing(situatie.indicatie_misdrijf)
    return _GEZAG_PER_TAAK[situatie.taak]


_GEZAG_PER_TAAK: dict[Politietaak, Uitkomst[Gezag | None]] = {
    Politietaak.OPENBARE_ORDE: Uitkomst(
        Gezag.BURGEMEESTER,
        bron=GEZAG_BURGEMEESTER,
        reden="handhaving van de openbare orde: gezag van de burgemeester",
    ),
    Politietaak.HULPVERLENING: Uitkomst(
        Gezag.BURGEMEESTER,
        bron=GEZAG_BURGEMEESTER,
        reden="hulpverlening aan hen die deze behoeven: gezag van de burgemeester",
    ),
    Politietaak.STRAFRECHTELIJKE_HANDHAVING: Uitkomst(
        Gezag.OFFICIER_VAN_JUSTITIE,
        bron=GEZAG_OFFICIER,
        reden="strafrechtelijke handhaving van de rechtsorde: gezag van de officier van justitie",
    ),
    Politietaak.TAKEN_TEN_DIENSTE_VAN_JUSTITIE: Uitkomst(
        Gezag.OFFICIER_VAN_JUSTITIE,
        bron=GEZAG_OFFICIER,
        reden="taken ten dienste van justitie: gezag van de officier van justitie",
    ),
    Politietaak.BEWAKING_EN_BEVEILIGING_RIJKSDOMEIN: Uitkomst(
        Gezag.MINISTER_JENV,
        bron=GEZAG_MINISTER,
        reden="bewaking en beveiliging in het rijksdomein: rechtstreeks gezag van de minister",
    ),
    Politietaak.BEWAKING_EN_BEVEILIGING_PERSONEN: Uitkomst(
        Gezag.MINISTER_JENV,
        bron=GEZAG_MINISTER,
        reden="bewaking en beveiliging van personen door de landelijke eenheid (Pw 2012 art. 42 "
        "lid 1 onder c): gezag van de minister",
    ),
    Politietaak.VREEMDELINGENTOEZICHT: Uitkomst(
        Gezag.MINISTER_JENV,
        bron=GEZAG_MINISTER,
        reden="handhaving van de vreemdelingenwetgeving: rechtstreeks gezag van de minister",
    ),
    Politietaak.GEEN_POLITIETAAK: Uitkomst(
        None,
        bron=GEEN_POLITIETAAK,
        reden="geen politietaak: er is geen gezag over politie-inzet in het geding",
    ),
}


@regel(
    GEZAG_MINISTER,
    samenvatting=("Taken onder rechtstreeks gezag van de minister vallen buiten de factsheet."),
    toelichting=(
        "'Bijstand voor politietaken die worden verricht onder rechtstreeks gezag van de "
        "Minister van Veiligheid en Justitie valt buiten het bereik van deze factsheet. De "
        "Minister van Veiligheid en Justitie kan in zulke gevallen opdrachten geven.' Voetnoot "
        "2 noemt bewaking en beveiliging in het rijksdomein en handhaving van de "
        "vreemdelingenwetgeving. Het advies zegt dat de minister opdrachten kan geven en noemt "
        "geen procedure (vaste interpretatie 1 (docs/contract))."
    ),
)
def taak_onder_gezag_minister(situatie: Situatie) -> Uitkomst[bool]:
    """Whether the task is one of the minister's own, outside the factsheet.

    "Bijstand voor politietaken die worden verricht onder rechtstreeks gezag van de Minister
    van Veiligheid en Justitie valt buiten het bereik van deze factsheet. De Minister kan in
    zulke gevallen opdrachten geven." Footnote 2 names guarding and security in the national
    domain and the enforcement of aliens law.
    """
    if situatie.taak in _TAKEN_MINISTER:
        return _MINISTER_JA
    return _MINISTER_NEE


_TAKEN_MINISTER = frozenset(
    {Politietaak.BEWAKING_EN_BEVEILIGING_RIJKSDOMEIN, Politietaak.VREEMDELINGENTOEZICHT}
)
_MINISTER_JA = Uitkomst(
    True,
    bron=GEZAG_MINISTER,
    reden="taak onder rechtstreeks gezag van de minister",
    waarschuwingen=(
        "Deze taak valt onder het rechtstreekse gezag van de Minister van Justitie en "
        "Veiligheid (bewaking en beveiliging in het rijksdomein of handhaving van de "
        "vreemdelingenwetgeving). Bijstand hiervoor valt buiten de factsheet: de minister kan "
        "opdrachten geven (factsheet, 'Politie en bevoegd gezag', voetnoot 2).",
    ),
)
_MINISTER_NEE = Uitkomst(False, bron=GEZAG_MINISTER, reden="geen taak onder gezag van de minister")


@regel(
    STROOMSCHEMA_STAP_2,
    GEZAG_BURGEMEESTER,
    GEZAG_OFFICIER,
    VERMISSING,
    samenvatting=(
        "Het gezag bepaalt het pad van het stroomschema: A voor openbare-ordetaken, B voor "
        "justitiële taken."
    ),
    toelichting=(
        "Onder gezag van de burgemeester: pad A, ook bij hulpverlening en bij een vermissing "
        "zonder aanwijzing voor een misdrijf. Dan waarschuwt het advies dat Pw 2012 art. 56 "
        "lid 1 (procedure 1) spreekt van handhaving van de openbare orde en dat de factsheet "
        "procedures 3 en 4 zo noemt, terwijl art. 57 lid 1 en 58 lid 1 geen taak noemen "
        "(vaste interpretatie 2 (docs/contract)). Onder gezag van de officier van justitie: "
        "pad B, ook bij een vermissing met een aanwijzing voor een misdrijf (toelichting 12)."
    ),
)
def pad_voor_situatie(situatie: Situatie, gezag: Gezag) -> Uitkomst[Pad]:
    """The path of the flowchart: A (public-order tasks) or B (justice tasks), by gezag.

    Under the burgemeester: path A, also for hulpverlening and for a missing person without an
    indication of a crime, with a warning that Pw art. 56 lid 1 (procedure 1) is written for
    public order and the factsheet heads procedures 3 and 4 so, while art. 57 lid 1 and 58
    lid 1 name no task (contract, interpretation 2; issue #8, item 9). Under the officier van
    justitie: path B, also for a missing person with an indication of a crime
    (toelichting 12).

    Raises:
        ValueError: `gezag` is the minister's; those tasks never reach step 2.
    """
    if gezag is Gezag.OFFICIER_VAN_JUSTITIE:
        if situatie.taak is Politietaak.VERMISSING:
            return _PAD_B_VERMISSING
        return _PAD_B
    if gezag is Gezag.BURGEMEESTER:
        if situatie.taak is Politietaak.HULPVERLENING:
            return _PAD_A_HULPVERLENING
        if situatie.taak is Politietaak.VERMISSING:
            return _PAD_A_VERMISSING
        return _PAD_A
    raise ValueError(f"no path of the flowchart for gezag {gezag}")


_HULPVERLENING_TEKST = (
    "{wat} valt onder het gezag van de burgemeester (Pw 2012 art. 11 lid 1) en volgt daarom "
    "pad A (openbare-ordetaken) van de factsheet. Let op: Pw 2012 art. 56 lid 1 (procedure 1) "
    "spreekt van bijstand voor de handhaving van de openbare orde, en de factsheet noemt "
    "procedures 3 en 4 'voor handhaving van de openbare orde'; art. 57 lid 1 en 58 lid 1 noemen "
    "geen taak. Vermeld in het verzoek dat het om hulpverlening gaat."
)
_PAD_A = Uitkomst(Pad.OPENBARE_ORDE, bron=STROOMSCHEMA_STAP_2, reden="gezag burgemeester: pad A")
_PAD_A_HULPVERLENING = Uitkomst(
    Pad.OPENBARE_ORDE,
    bron=STROOMSCHEMA_STAP_2,
    ook=(GEZAG_BURGEMEESTER,),
    reden="hulpverlening onder gezag van de burgemeester: pad A",
    waarschuwingen=(_HULPVERLENING_TEKST.format(wat="Hulpverlening"),),
)
_PAD_A_VERMISSING = Uitkomst(
    Pad.OPENBARE_ORDE,
    bron=STROOMSCHEMA_STAP_2,
    ook=(VERMISSING, GEZAG_BURGEMEESTER),
    reden="vermissing zonder indicatie van een misdrijf: hulpverlening, pad A",
    waarschuwingen=(
        _HULPVERLENING_TEKST.format(
            wat="Het zoeken naar een vermiste persoon zonder indicatie van een misdrijf "
            "(hulpverlening, factsheet toelichting 12)"
        ),
    ),
)
_PAD_B = Uitkomst(
    Pad.JUSTITIE, bron=STROOMSCHEMA_STAP_2, reden="gezag officier van justitie: pad B"
)
_PAD_B_VERMISSING = Uitkomst(
    Pad.JUSTITIE,
    bron=STROOMSCHEMA_STAP_2,
    ook=(VERMISSING,),
    reden="vermissing met indicatie van een misdrijf: gezag officier van justitie, pad B",
)


@regel(
    VERMISSING,
    factsheet("toelichting 7"),
    factsheet("toelichting 8"),
    samenvatting=(
        "Erratum: toelichting 12 noemt voor militaire bijstand bij een vermissing de "
        "procedures '8 of 9'; bedoeld zijn 7 en 8."
    ),
    toelichting=(
        "'Indien de politie bij een vermissing optreedt onder gezag van de officier van "
        "justitie en als daarvoor militaire bijstand noodzakelijk is, dan geldt de procedure "
        "zoals hiervoor beschreven onder 8 of 9.' Procedure 9 gaat over de afwijzing door de "
        "korpschef (Pw 2012 art. 56 lid 4), niet over militaire bijstand. Bedoeld zijn "
        "procedure 7 (KMar) en procedure 8 (andere delen van de krijgsmacht). Het advies volgt "
        "die en waarschuwt, als zo'n route wordt geadviseerd (vaste interpretatie 3 "
        "(docs/contract))."
    ),
)
def erratum_vermissing_militaire_bijstand(
    situatie: Situatie, procedures: frozenset[str]
) -> Uitkomst[bool]:
    """Toelichting 12's "procedure 8 of 9" for military assistance means procedures 7 and 8.

    "Indien de politie bij een vermissing optreedt onder gezag van de officier van justitie en
    als daarvoor militaire bijstand noodzakelijk is, dan geldt de procedure zoals hiervoor
    beschreven onder 8 of 9." Procedure 9 is the korpschef's refusal (Pw art. 56 lid 4), not
    military assistance: the procedures for the KMar (7) and the other armed forces (8) are
    meant (contract, interpretation 3). The warning is given when such a route is advised.

    Args:
        situatie: the situation; only a missing person with an indication of a crime counts.
        procedures: the procedure numbers of the advised routes.
    """
    if (
        situatie.taak is Politietaak.VERMISSING
        and situatie.indicatie_misdrijf
        and procedures & {"7", "8"}
    ):
        return _ERRATUM_12
    return _GEEN_ERRATUM_12


_ERRATUM_12 = Uitkomst(
    True,
    bron=VERMISSING,
    reden="militaire bijstand bij een vermissing onder gezag van de officier van justitie",
    waarschuwingen=(
        "Erratum factsheet: toelichting 12 zegt dat voor militaire bijstand bij een vermissing "
        "onder gezag van de officier van justitie 'de procedure zoals hiervoor beschreven onder "
        "8 of 9' geldt. Procedure 9 gaat over de afwijzing door de korpschef (Pw 2012 art. 56 "
        "lid 4); bedoeld zijn procedure 7 (KMar) en procedure 8 (andere delen van de "
        "krijgsmacht). Dit advies volgt procedure 7 of 8.",
    ),
)
_GEEN_ERRATUM_12 = Uitkomst(
    False, bron=VERMISSING, reden="geen militaire bijstand bij een vermissing onder de OvJ"
)
