"""Geen politietaak: militaire steunverlening in het openbaar belang (factsheet, toelichting 11).

Military resources may also be used for civil purposes under the Regeling militaire
steunverlening in het openbaar belang (Stcrt. 2008, 3). A burgemeester may ask for it, but not
for police tasks (the Politiewet 2012 governs those); an officier van justitie cannot ask for it.
"""

from __future__ import annotations

from politiebijstand.rules.advies import AdviesUitkomst
from politiebijstand.rules.bron import Bron, factsheet
from politiebijstand.rules.catalogus import regel
from politiebijstand.rules.politiewet_2012.financiering import FNIK, FNIK_WAARSCHUWING
from politiebijstand.rules.situatie import Aanvrager, Situatie
from politiebijstand.rules.uitkomst import Uitkomst

TOELICHTING_11 = factsheet("toelichting 11")
REGELING_STEUNVERLENING = Bron(
    regeling="Regeling militaire steunverlening in het openbaar belang",
    onderdeel="Stcrt. 2008, 3",
)


@regel(
    TOELICHTING_11,
    REGELING_STEUNVERLENING,
    FNIK,
    samenvatting=(
        "Geen politietaak: de burgemeester kan militaire steunverlening aanvragen, de officier "
        "van justitie niet."
    ),
    toelichting=(
        "Toelichting 11: militaire middelen kunnen ook voor civiele doeleinden worden ingezet "
        "op grond van de Regeling militaire steunverlening in het openbaar belang (Stcrt. "
        "2008, 3). Een burgemeester kan die aanvragen, maar niet voor het laten verrichten van "
        "politietaken: daarvoor geldt de Politiewet 2012. De extra kosten vallen onder de "
        "financiering nationale inzet krijgsmacht (toelichting 10). 'Een officier van justitie "
        "kan geen militaire steunverlening aanvragen op grond van deze regeling': de uitkomst "
        "is dan 'niet mogelijk' (vaste interpretatie 1 (docs/contract))."
    ),
)
def militaire_steunverlening(situatie: Situatie) -> Uitkomst[AdviesUitkomst]:
    """For a task that is no police task: militaire steunverlening, or not possible.

    A burgemeester may ask for militaire steunverlening in the public interest (Regeling
    militaire steunverlening in het openbaar belang, Stcrt. 2008, 3), never for police tasks;
    its additional costs fall under the FNIK (toelichting 10). "Een officier van justitie kan
    geen militaire steunverlening aanvragen op grond van deze regeling": the outcome is then
    `niet_mogelijk`.

    Raises:
        ValueError: `situatie.aanvrager` is missing (`situatie_from_dict` requires it for
            `geen_politietaak`).
    """
    if situatie.aanvrager is Aanvrager.BURGEMEESTER:
        return _STEUNVERLENING
    if situatie.aanvrager is Aanvrager.OFFICIER_VAN_JUSTITIE:
        return _NIET_MOGELIJK
    raise ValueError("aanvrager is required for taak geen_politietaak")


_STEUNVERLENING = Uitkomst(
    AdviesUitkomst.MILITAIRE_STEUNVERLENING,
    bron=TOELICHTING_11,
    ook=(REGELING_STEUNVERLENING, FNIK),
    reden="geen politietaak; de burgemeester kan militaire steunverlening aanvragen",
    waarschuwingen=(
        "Dit is geen politietaak, dus geen bijstand aan de politie. De burgemeester kan "
        "militaire steunverlening aanvragen op grond van de Regeling militaire steunverlening "
        "in het openbaar belang (Stcrt. 2008, 3), maar niet voor het laten verrichten van "
        "politietaken: daarvoor geldt de Politiewet 2012 (factsheet, toelichting 11).",
        FNIK_WAARSCHUWING,
    ),
)
_NIET_MOGELIJK = Uitkomst(
    AdviesUitkomst.NIET_MOGELIJK,
    bron=TOELICHTING_11,
    ook=(REGELING_STEUNVERLENING,),
    reden="een officier van justitie kan geen militaire steunverlening aanvragen",
    waarschuwingen=(
        "Niet mogelijk: een officier van justitie kan geen militaire steunverlening aanvragen "
        "op grond van de Regeling militaire steunverlening in het openbaar belang (factsheet, "
        "toelichting 11). Gaat het toch om een politietaak (strafrechtelijke handhaving of "
        "taken ten dienste van justitie), vraag dan militaire bijstand via pad B "
        "(procedure 7 of 8).",
    ),
)
