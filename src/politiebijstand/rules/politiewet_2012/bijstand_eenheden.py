"""Bijstand door andere politie-eenheden (Pw 2012 art. 56): procedures 1 en 6, zienswijze.

The burgemeester (public order, lid 1) or the officier van justitie (justice tasks, lid 2)
sends the request to the korpschef; except in urgent cases only after the regioburgemeester
has had the opportunity to give his view (lid 3). The factsheet's toelichting 1 and 6 give the
steps: the RCCB drafts the form (intranet politie) and e-mails it to LE-POB, which coordinates
the units and informs the LOCC.
"""

from __future__ import annotations

from politiebijstand.rules import organisatiecodes as org
from politiebijstand.rules.advies import (
    Formulier,
    Grondslag,
    Indiener,
    Route,
    Stap,
    Zienswijze,
)
from politiebijstand.rules.bron import POLITIEWET_2012, factsheet, politiewet
from politiebijstand.rules.catalogus import regel
from politiebijstand.rules.gemeenten import Gemeente, gemeente_zoeken
from politiebijstand.rules.situatie import Gevraagd, Leverancier, Situatie
from politiebijstand.rules.uitkomst import Uitkomst, labels

ART_56_LID_1 = politiewet("56", "1")
ART_56_LID_2 = politiewet("56", "2")
ART_56_LID_3 = politiewet("56", "3")
TOELICHTING_1 = factsheet("toelichting 1")
TOELICHTING_6 = factsheet("toelichting 6")
STROOMSCHEMA_A = factsheet("stroomschema A, Politie")
STROOMSCHEMA_B = factsheet("stroomschema B, Politie")


# --- Zienswijze van de regioburgemeester (art. 56 lid 3) ---------------------------------


@regel(
    ART_56_LID_3,
    TOELICHTING_1,
    samenvatting=(
        "Bij procedure 1 krijgt de regioburgemeester vooraf de gelegenheid tot een zienswijze, "
        "behalve bij spoed of als hij zelf verzoekt."
    ),
    toelichting=(
        "Pw 2012 art. 56 lid 3, aangehaald in toelichting 1: 'Behoudens in spoedeisende "
        "gevallen wordt het verzoek niet gedaan dan nadat de regioburgemeester in de "
        "gelegenheid is gesteld zijn zienswijze over het verzoek te geven.' Is de verzoekende "
        "burgemeester zelf de regioburgemeester, dan is de zienswijze niet van toepassing; "
        "anders is zij bij spoed niet vooraf vereist, en anders vereist (vaste interpretatie 4 "
        "(docs/contract)). Of er spoed is, is een menselijk oordeel dat als gegeven wordt "
        "ingevoerd."
    ),
)
def zienswijze_procedure_1(situatie: Situatie) -> Uitkomst[Zienswijze]:
    """Whether the regioburgemeester's zienswijze must precede a request of procedure 1.

    "Behoudens in spoedeisende gevallen wordt het verzoek niet gedaan dan nadat de
    regioburgemeester in de gelegenheid is gesteld zijn zienswijze over het verzoek te geven."
    Not applicable when the requesting burgemeester is the regioburgemeester; otherwise not
    required when urgent (`spoed`, a human judgement); otherwise required (contract,
    interpretation 4).
    """
    if situatie.gemeenten:
        # Interpretation 12: derived per municipality; `vereist` when any form needs it.
        per_gemeente = {z.value for z in _zienswijzen_per_gemeente(situatie)}
        for uitkomst in (_ZIENSWIJZE_1_VEREIST, _ZIENSWIJZE_1_SPOED):
            if uitkomst.value in per_gemeente:
                return uitkomst
        return _ZIENSWIJZE_1_NVT_GEMEENTE
    if situatie.aanvrager_is_regioburgemeester:
        return _ZIENSWIJZE_1_NVT
    if situatie.spoed:
        return _ZIENSWIJZE_1_SPOED
    return _ZIENSWIJZE_1_VEREIST


@regel(
    ART_56_LID_3,
    TOELICHTING_1,
    samenvatting=(
        "Bij procedure 1 met gemeenten: per gemeente is de zienswijze niet van toepassing als "
        "haar burgemeester de regioburgemeester van haar eenheid is."
    ),
    toelichting=(
        "Elke burgemeester heeft gezag in zijn eigen gemeente (Pw 2012 art. 11) en ondertekent "
        "het formulier van die gemeente. Of hij de regioburgemeester is, volgt uit de "
        "referentiegegevens: de gemeente van de regioburgemeester van de eenheid waartoe de "
        "gemeente behoort (vaste interpretatie 12 (docs/contract)). Is hij dat, dan is de "
        "zienswijze voor dat formulier niet van toepassing; anders is zij bij spoed niet vooraf "
        "vereist, en anders vereist. Het antwoord op de vraag of de verzoekende burgemeester de "
        "regioburgemeester is, telt alleen als er geen gemeente is opgegeven. De route vraagt de "
        "zienswijze als één formulier haar vraagt."
    ),
)
def zienswijze_procedure_1_per_gemeente(
    situatie: Situatie, gemeente: Gemeente
) -> Uitkomst[Zienswijze]:
    """The zienswijze on the form of one municipality of a request of procedure 1.

    Not applicable when the municipality's burgemeester is the regioburgemeester of its unit
    (`Gemeente.is_regioburgemeester`, from the reference data); otherwise not required when
    urgent; otherwise required (contract, interpretation 12; Pw 2012 art. 56 lid 3).
    """
    if gemeente.is_regioburgemeester:
        return _ZIENSWIJZE_1_NVT_GEMEENTE
    if situatie.spoed:
        return _ZIENSWIJZE_1_SPOED
    return _ZIENSWIJZE_1_VEREIST


def _zienswijzen_per_gemeente(situatie: Situatie) -> tuple[Zienswijze, ...]:
    return tuple(
        zienswijze_procedure_1_per_gemeente(situatie, gemeente_van(naam)).value
        for naam in situatie.gemeenten
    )


def gemeente_van(naam: str) -> Gemeente:
    """The `Gemeente` of a name in `Situatie.gemeenten` (an official name after validation).

    Raises:
        ValueError: a `Situatie` built in code with a name that `situatie_from_dict` would
            refuse.
    """
    gemeente = gemeente_zoeken(naam)
    if gemeente is None:
        raise ValueError(f"gemeenten: onbekende gemeente {naam!r}")
    return gemeente


_ZIENSWIJZE_1_NVT = Uitkomst(
    Zienswijze.NIET_VAN_TOEPASSING,
    bron=ART_56_LID_3,
    ook=(TOELICHTING_1,),
    reden="de verzoekende burgemeester is zelf de regioburgemeester",
)
_ZIENSWIJZE_1_NVT_GEMEENTE = Uitkomst(
    Zienswijze.NIET_VAN_TOEPASSING,
    bron=ART_56_LID_3,
    ook=(TOELICHTING_1,),
    reden="de burgemeester van de gemeente is de regioburgemeester van haar eenheid",
)
_ZIENSWIJZE_1_SPOED = Uitkomst(
    Zienswijze.NIET_VEREIST_SPOED,
    bron=ART_56_LID_3,
    ook=(TOELICHTING_1,),
    reden="spoedeisend geval: de zienswijze hoeft niet vooraf te worden gevraagd",
)
_ZIENSWIJZE_1_VEREIST = Uitkomst(
    Zienswijze.VEREIST,
    bron=ART_56_LID_3,
    ook=(TOELICHTING_1,),
    reden="geen spoed: de regioburgemeester krijgt eerst de gelegenheid tot een zienswijze",
)


@regel(
    ART_56_LID_3,
    TOELICHTING_6,
    samenvatting=(
        "Bij procedure 6 krijgt de regioburgemeester vooraf de gelegenheid tot een zienswijze, "
        "behalve bij spoed."
    ),
    toelichting=(
        "Pw 2012 art. 56 lid 3 geldt ook voor het verzoek van de officier van justitie (lid 2) "
        "en wordt aangehaald in toelichting 6. De officier van justitie verzoekt, dus of een "
        "burgemeester de regioburgemeester is, speelt geen rol: bij spoed niet vooraf vereist, "
        "anders vereist (vaste interpretatie 4 (docs/contract))."
    ),
)
def zienswijze_procedure_6(situatie: Situatie) -> Uitkomst[Zienswijze]:
    """Whether the regioburgemeester's zienswijze must precede a request of procedure 6.

    Art. 56 lid 3 applies to the officier van justitie's request of lid 2 as well. The
    officier van justitie requests, so whether a burgemeester is the regioburgemeester plays
    no part: not required when urgent, otherwise required (contract, interpretation 4).
    """
    if situatie.spoed:
        return _ZIENSWIJZE_6_SPOED
    return _ZIENSWIJZE_6_VEREIST


_ZIENSWIJZE_6_SPOED = Uitkomst(
    Zienswijze.NIET_VEREIST_SPOED,
    bron=ART_56_LID_3,
    ook=(TOELICHTING_6,),
    reden="spoedeisend geval: de zienswijze hoeft niet vooraf te worden gevraagd",
)
_ZIENSWIJZE_6_VEREIST = Uitkomst(
    Zienswijze.VEREIST,
    bron=ART_56_LID_3,
    ook=(TOELICHTING_6,),
    reden="geen spoed: de regioburgemeester krijgt eerst de gelegenheid tot een zienswijze",
)


# --- Indiener van procedure 6: erratum ----------------------------------------------------


@regel(
    ART_56_LID_2,
    TOELICHTING_6,
    samenvatting=(
        "Erratum: bij procedure 6 dient de officier van justitie het verzoek in, niet de "
        "burgemeester."
    ),
    toelichting=(
        "De stappen van toelichting 6 zeggen: 'Het aanvraagformulier wordt door de "
        "burgemeester ingediend bij de korpschef.' Pw 2012 art. 56 lid 2 en de kop van "
        "toelichting 6 zeggen dat de officier van justitie het verzoek indient. De wet gaat "
        "voor; het advies waarschuwt en noemt beide teksten (vaste interpretatie 3 "
        "(docs/contract))."
    ),
)
def indiener_procedure_6() -> Uitkomst[Indiener]:
    """The officier van justitie submits the request of procedure 6, not the burgemeester.

    Erratum: the steps of toelichting 6 say "Het aanvraagformulier wordt door de burgemeester
    ingediend bij de korpschef"; Pw art. 56 lid 2 and the heading of toelichting 6 say that
    the officier van justitie submits the request. The law prevails, with a warning citing
    both texts (contract, interpretation 3).
    """
    return _INDIENER_6


_INDIENER_6 = Uitkomst(
    Indiener.OFFICIER_VAN_JUSTITIE,
    bron=ART_56_LID_2,
    ook=(TOELICHTING_6,),
    reden="Pw 2012 art. 56 lid 2: de officier van justitie dient het verzoek in",
    waarschuwingen=(
        "Erratum factsheet: de stappen van toelichting 6 zeggen 'Het aanvraagformulier wordt "
        "door de burgemeester ingediend bij de korpschef'. Pw 2012 art. 56 lid 2 en de kop van "
        "toelichting 6 zeggen dat de officier van justitie het verzoek om bijstand indient bij "
        "de korpschef. Dit advies volgt de wet: de officier van justitie dient in en "
        "ondertekent.",
    ),
)


# --- Steps --------------------------------------------------------------------------------

CONTACTSTAP = Stap(
    org.RCCB,
    "RCCB van de eenheid die bijstand nodig heeft neemt contact op met de Landelijke Eenheid, "
    "afdeling Preparatie en Operationeel Beheer (LE-POB); bij spoed kan dit 24 uur per dag.",
)
_STAP_FORMULIER = Stap(
    org.RCCB, "RCCB stelt het aanvraagformulier op (formulier op intranet politie)."
)
_STAP_ZIENSWIJZE = Stap(
    org.REGIOBURGEMEESTER,
    "De regioburgemeester krijgt de gelegenheid zijn zienswijze over het verzoek te geven; "
    "de zienswijze komt in het aanvraagformulier (Pw 2012 art. 56 lid 3).",
)
_INDIENEN = {
    (org.BURGEMEESTER, Zienswijze.VEREIST): (
        "De burgemeester dient het aanvraagformulier in bij de korpschef; het formulier bevat "
        "naast de feitelijke aanvraag de zienswijze van de regioburgemeester."
    ),
    (org.BURGEMEESTER, Zienswijze.NIET_VEREIST_SPOED): (
        "De burgemeester dient het aanvraagformulier in bij de korpschef; wegens spoed zonder "
        "voorafgaande zienswijze van de regioburgemeester (Pw 2012 art. 56 lid 3)."
    ),
    (org.BURGEMEESTER, Zienswijze.NIET_VAN_TOEPASSING): (
        "De burgemeester, tevens regioburgemeester, dient het aanvraagformulier in bij de "
        "korpschef; een afzonderlijke zienswijze van de regioburgemeester is niet nodig."
    ),
    (org.OVJ, Zienswijze.VEREIST): (
        "De officier van justitie dient het aanvraagformulier in bij de korpschef; het "
        "formulier bevat naast de feitelijke aanvraag de zienswijze van de regioburgemeester "
        "(de factsheet noemt hier de burgemeester: zie de waarschuwing)."
    ),
    (org.OVJ, Zienswijze.NIET_VEREIST_SPOED): (
        "De officier van justitie dient het aanvraagformulier in bij de korpschef; wegens spoed "
        "zonder voorafgaande zienswijze van de regioburgemeester (Pw 2012 art. 56 lid 3; de "
        "factsheet noemt hier de burgemeester: zie de waarschuwing)."
    ),
}
_STAP_VERZENDEN = Stap(org.RCCB, "RCCB verzendt het aanvraagformulier per e-mail naar LE-POB.")
_STAP_COORDINEREN = Stap(
    org.LE_POB,
    "LE-POB coördineert de bijstand tussen de RCCB's van de eenheden die bijstand gaan leveren "
    "en het RCCB dat bijstand aanvraagt.",
)
_STAP_LOCC = Stap(
    org.LE_POB, "LE-POB informeert het LOCC over de wijze waarop de bijstand geleverd wordt."
)


def _stappen(indiener: str, zienswijze: Zienswijze) -> tuple[Stap, ...]:
    vooraf = (_STAP_ZIENSWIJZE,) if zienswijze is Zienswijze.VEREIST else ()
    return (
        CONTACTSTAP,
        _STAP_FORMULIER,
        *vooraf,
        Stap(indiener, _INDIENEN[(indiener, zienswijze)]),
        _STAP_VERZENDEN,
        _STAP_COORDINEREN,
        _STAP_LOCC,
    )


_STAPPEN_1 = {z: _stappen(org.BURGEMEESTER, z) for z in Zienswijze}
_STAPPEN_6 = {z: _stappen(org.OVJ, z) for z in (Zienswijze.VEREIST, Zienswijze.NIET_VEREIST_SPOED)}


# --- Routes -------------------------------------------------------------------------------

_BRONNEN_1 = (TOELICHTING_1, ART_56_LID_1, ART_56_LID_3, STROOMSCHEMA_A)
_BRONNEN_6 = (TOELICHTING_6, ART_56_LID_2, ART_56_LID_3, STROOMSCHEMA_B)


@regel(
    *_BRONNEN_1,
    samenvatting=(
        "Procedure 1: bijstand door een andere politie-eenheid voor de openbare orde (Pw 2012 "
        "art. 56 lid 1)."
    ),
    toelichting=(
        "De burgemeester dient het verzoek in bij de korpschef, die beslist. Het RCCB neemt "
        "contact op met LE-POB (bij spoed 24 uur per dag), stelt het formulier op het intranet "
        "van de politie op en mailt het naar LE-POB. LE-POB coördineert de leverende eenheden "
        "en informeert het LOCC (vaste interpretatie 7 (docs/contract)). Of de zienswijze van "
        "de regioburgemeester nodig is, volgt uit de regel over de zienswijze bij procedure 1."
    ),
)
def eenheden_openbare_orde(situatie: Situatie, gevraagd: Gevraagd) -> Uitkomst[Route]:
    """Procedure 1: bijstand by another police unit for public order (Pw art. 56 lid 1).

    The burgemeester submits the request to the korpschef (`besluit_door` KORPSCHEF); the RCCB
    contacts LE-POB (24/7 when urgent), drafts the form (intranet politie) and e-mails it to
    LE-POB (`formulier_naar`), which coordinates the supplying units and informs the LOCC
    (contract, interpretation 7). The zienswijze follows `zienswijze_procedure_1`.
    """
    zienswijze = zienswijze_procedure_1(situatie)
    route = Route(
        leverancier=Leverancier.POLITIE.value,
        middel=None,
        procedure="1",
        grondslag=_GRONDSLAG_56_1,
        indiener=Indiener.BURGEMEESTER,
        contacten=(org.LE_POB,),
        formulier=Formulier.INTRANET_POLITIE,
        formulier_naar=org.LE_POB,
        besluit_door=org.KORPSCHEF,
        toegestaan=True,
        zienswijze_regioburgemeester=zienswijze.value,
        stappen=_STAPPEN_1[zienswijze.value],
        bronnen=_LABELS_1,
    )
    return Uitkomst(
        route,
        bron=_BRONNEN_1[0],
        ook=_BRONNEN_1[1:],
        reden=f"politie, openbare orde: procedure 1; zienswijze {zienswijze.value} "
        f"({zienswijze.reden})",
    )


@regel(
    *_BRONNEN_6,
    samenvatting=(
        "Procedure 6: bijstand door een andere politie-eenheid voor justitiële taken (Pw 2012 "
        "art. 56 lid 2)."
    ),
    toelichting=(
        "De officier van justitie dient het verzoek in bij de korpschef, die beslist (zie het "
        "erratum over de indiener van procedure 6). Verder zijn de stappen die van procedure "
        "1: het RCCB neemt contact op met LE-POB, en het formulier op het intranet van de "
        "politie gaat naar LE-POB (vaste interpretatie 7 (docs/contract)). Of de zienswijze "
        "nodig is, volgt uit de regel over de zienswijze bij procedure 6."
    ),
)
def eenheden_justitie(situatie: Situatie, gevraagd: Gevraagd) -> Uitkomst[Route]:
    """Procedure 6: bijstand by another police unit for justice tasks (Pw art. 56 lid 2).

    The officier van justitie submits the request to the korpschef (see
    `indiener_procedure_6` for the factsheet's erratum); otherwise the steps are those of
    procedure 1: RCCB, LE-POB, form on intranet politie to LE-POB, the korpschef decides. The
    zienswijze follows `zienswijze_procedure_6`.
    """
    zienswijze = zienswijze_procedure_6(situatie)
    indiener = indiener_procedure_6()
    route = Route(
        leverancier=Leverancier.POLITIE.value,
        middel=None,
        procedure="6",
        grondslag=_GRONDSLAG_56_2,
        indiener=indiener.value,
        contacten=(org.LE_POB,),
        formulier=Formulier.INTRANET_POLITIE,
        formulier_naar=org.LE_POB,
        besluit_door=org.KORPSCHEF,
        toegestaan=True,
        zienswijze_regioburgemeester=zienswijze.value,
        stappen=_STAPPEN_6[zienswijze.value],
        bronnen=_LABELS_6,
    )
    return Uitkomst(
        route,
        bron=_BRONNEN_6[0],
        ook=_BRONNEN_6[1:],
        reden=f"politie, justitiële taak: procedure 6; zienswijze {zienswijze.value} "
        f"({zienswijze.reden})",
        waarschuwingen=indiener.waarschuwingen,
    )


_GRONDSLAG_56_1 = Grondslag(regeling=POLITIEWET_2012, artikel="56", lid="1")
_GRONDSLAG_56_2 = Grondslag(regeling=POLITIEWET_2012, artikel="56", lid="2")
_LABELS_1 = labels(_BRONNEN_1)
_LABELS_6 = labels(_BRONNEN_6)
