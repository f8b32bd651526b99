"""Wie dient in en ondertekent: primus inter pares, één formulier per gemeente.

The burgemeester holds gezag over public order in his own municipality (Pw 2012 art. 11
lid 1) and decides whether bijstand of the KMar or the armed forces is wanted (toelichting 3
and 4). When the bijstand cannot be tied to one municipality beforehand, the regioburgemeester
may submit the request as primus inter pares.
"""

from __future__ import annotations

from collections.abc import Sequence

from politiebijstand.rules.advies import Aanvraagformulier, Indiener, Route
from politiebijstand.rules.bron import factsheet, politiewet
from politiebijstand.rules.catalogus import regel
from politiebijstand.rules.politiewet_2012 import bijstand_eenheden
from politiebijstand.rules.situatie import Situatie
from politiebijstand.rules.uitkomst import Uitkomst

TOELICHTING_3 = factsheet("toelichting 3")
TOELICHTING_4 = factsheet("toelichting 4")
GEZAG_BURGEMEESTER = politiewet("11", "1")
ART_56_LID_3 = politiewet("56", "3")


@regel(
    TOELICHTING_3,
    TOELICHTING_4,
    samenvatting=(
        "Bij procedures 3 en 4 dient de burgemeester in, of de regioburgemeester als primus "
        "inter pares."
    ),
    toelichting=(
        "'Indien de noodzakelijke bijstand vooraf niet aan een specifieke locatie (gemeente) "
        "te koppelen is, kan de regioburgemeester het bijstandsverzoek als primus inter pares "
        "indienen' (toelichting 3 en 4). Anders ondertekent de burgemeester, 'door of namens "
        "de burgemeester' (vaste interpretatie 8 (docs/contract))."
    ),
)
def indiener_openbare_orde_militair(situatie: Situatie) -> Uitkomst[Indiener]:
    """Who submits a request of procedure 3 or 4: the burgemeester, or primus inter pares.

    "Indien de noodzakelijke bijstand vooraf niet aan een specifieke locatie (gemeente) te
    koppelen is, kan de regioburgemeester het bijstandsverzoek als primus inter pares
    indienen." Not `locatiegebonden`: the regioburgemeester; otherwise the burgemeester, who
    signs the form ("ondertekend door of namens de burgemeester"; contract, interpretation 8).
    """
    if situatie.locatiegebonden:
        return _BURGEMEESTER
    return _REGIOBURGEMEESTER


_BURGEMEESTER = Uitkomst(
    Indiener.BURGEMEESTER,
    bron=TOELICHTING_3,
    ook=(TOELICHTING_4,),
    reden="bijstand aan een gemeente te koppelen: de burgemeester ondertekent",
)
_REGIOBURGEMEESTER = Uitkomst(
    Indiener.REGIOBURGEMEESTER,
    bron=TOELICHTING_3,
    ook=(TOELICHTING_4,),
    reden="bijstand vooraf niet aan één gemeente te koppelen: de regioburgemeester dient in "
    "als primus inter pares",
)


@regel(
    GEZAG_BURGEMEESTER,
    TOELICHTING_3,
    TOELICHTING_4,
    samenvatting=(
        "Bijstand in meer gemeenten: één formulier per gemeente, elk ondertekend door de eigen "
        "burgemeester."
    ),
    toelichting=(
        "Een burgemeester heeft alleen gezag in zijn eigen gemeente (Pw 2012 art. 11 lid 1). "
        "Een route die een burgemeester ondertekent, vraagt daarom bij meer gemeenten één "
        "formulier per gemeente; een waarschuwing noemt het aantal en de procedures (vaste "
        "interpretatie 11 (docs/contract)). Dient de regioburgemeester als primus inter pares "
        "in, dan volstaat één verzoek. Alleen procedures 3 en 4 kennen die mogelijkheid "
        "(toelichting 3 en 4), en alleen bij die procedures noemt de waarschuwing haar. Een "
        "route die niet is toegestaan, vraagt geen formulier."
    ),
)
def formulieren_per_gemeente(situatie: Situatie, routes: Sequence[Route]) -> Uitkomst[int]:
    """How many forms a route signed by a burgemeester needs: one per municipality.

    A burgemeester holds gezag in his own municipality only (Pw art. 11 lid 1), so bijstand in
    several `gemeenten` needs one form per municipality, each signed by its own burgemeester;
    a warning gives the number and the procedures concerned (contract, interpretation 11). A
    route submitted by the regioburgemeester as primus inter pares needs one form; a route that
    is not allowed needs none (no request is made). The warning mentions the primus inter
    pares only when procedure 3 or 4 is among the routes, naming those (toelichting 3 and 4
    are the only places that allow it).

    Returns:
        The number of forms per burgemeester-signed route (1 when at most one municipality or
        no such route).
    """
    procedures = [
        r.procedure for r in routes if r.indiener is Indiener.BURGEMEESTER and r.toegestaan
    ]
    aantal = len(situatie.gemeenten)
    if aantal <= 1 or not procedures:
        return Uitkomst(1, bron=GEZAG_BURGEMEESTER, reden="één formulier volstaat")
    namen = ", ".join(situatie.gemeenten)
    nummers = sorted(set(procedures), key=int)
    woord = "procedure" if len(nummers) == 1 else "procedures"
    primus = [n for n in nummers if n in _PRIMUS_INTER_PARES]
    tekst = (
        f"Bijstand in {aantal} gemeenten ({namen}): stel voor {woord} {_opsomming(nummers)} per "
        f"gemeente een eigen aanvraagformulier op, elk ondertekend door de eigen burgemeester: "
        f"{aantal} formulieren per procedure. Elke burgemeester heeft alleen gezag in zijn eigen "
        "gemeente (Pw 2012 art. 11 lid 1)."
    )
    if primus:
        # Only procedures 3 and 4 let the regioburgemeester submit as primus inter pares.
        tekst += (
            " Is de bijstand vooraf niet aan één gemeente te koppelen, dan kan de "
            f"regioburgemeester bij {'procedure' if len(primus) == 1 else 'procedures'} "
            f"{_opsomming(primus)} als primus inter pares één verzoek indienen (factsheet, "
            f"toelichting {_opsomming(primus)})."
        )
    return Uitkomst(
        aantal,
        bron=GEZAG_BURGEMEESTER,
        ook=tuple(_PRIMUS_INTER_PARES[n] for n in primus),
        reden=f"bijstand in {aantal} gemeenten: één formulier per gemeente",
        waarschuwingen=(tekst,),
    )


@regel(
    GEZAG_BURGEMEESTER,
    ART_56_LID_3,
    samenvatting=(
        "Elke route krijgt haar formulieren: één per gemeente als een burgemeester ondertekent, "
        "anders één."
    ),
    toelichting=(
        "Een route die een burgemeester ondertekent, krijgt één formulier per opgegeven "
        "gemeente, elk ondertekend door de burgemeester van die gemeente (Pw 2012 art. 11 "
        "lid 1), met bij procedure 1 de zienswijze van die gemeente: niet van toepassing als "
        "haar burgemeester de regioburgemeester van haar eenheid is (vaste interpretatie 12 "
        "(docs/contract)). Zonder gemeente, bij de regioburgemeester als primus inter pares en "
        "bij elke andere route is er één formulier zonder gemeente, met de indiener en de "
        "zienswijze van de route."
    ),
)
def formulieren_van_route(
    situatie: Situatie, route: Route
) -> Uitkomst[tuple[Aanvraagformulier, ...]]:
    """The forms to sign for one route (contract, `routes[].formulieren`; interpretation 12).

    A route signed by a burgemeester (`indiener` is `burgemeester`) has one form per name in
    `situatie.gemeenten`, in that order, each signed by that municipality's burgemeester; for
    procedure 1 each with its own zienswijze
    (`bijstand_eenheden.zienswijze_procedure_1_per_gemeente`), for the others none. Every other
    route, and a burgemeester's route without municipalities, has one form without
    municipality, with the route's `indiener` and `zienswijze_regioburgemeester`.

    Raises:
        ValueError: a `Situatie` built in code with a municipality that `situatie_from_dict`
            would refuse.
    """
    if route.indiener is not Indiener.BURGEMEESTER or not situatie.gemeenten:
        formulier = Aanvraagformulier(
            gemeente=None,
            indiener=route.indiener,
            zienswijze_regioburgemeester=route.zienswijze_regioburgemeester,
        )
        return Uitkomst((formulier,), bron=GEZAG_BURGEMEESTER, reden="één formulier")
    formulieren = []
    for naam in situatie.gemeenten:
        gemeente = bijstand_eenheden.gemeente_van(naam)
        zienswijze = None
        if route.zienswijze_regioburgemeester is not None:
            zienswijze = bijstand_eenheden.zienswijze_procedure_1_per_gemeente(
                situatie, gemeente
            ).value
        formulieren.append(
            Aanvraagformulier(
                gemeente=gemeente.naam,
                indiener=Indiener.BURGEMEESTER,
                zienswijze_regioburgemeester=zienswijze,
            )
        )
    return Uitkomst(
        tuple(formulieren),
        bron=GEZAG_BURGEMEESTER,
        ook=(ART_56_LID_3,),
        reden="een formulier per gemeente, elk ondertekend door de eigen burgemeester",
    )


#: The procedures whose toelichting lets the regioburgemeester submit as primus inter pares.
_PRIMUS_INTER_PARES = {"3": TOELICHTING_3, "4": TOELICHTING_4}


def _opsomming(delen: Sequence[str]) -> str:
    """Dutch enumeration: ``"1"``, ``"1 en 3"``, ``"1, 3 en 5"``."""
    if len(delen) <= 1:
        return "".join(delen)
    return f"{', '.join(delen[:-1])} en {delen[-1]}"
