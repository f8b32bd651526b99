"""Spoed: eerst telefonisch contact, het schriftelijke verzoek achteraf (factsheet; Pw art. 56).

Urgency (`Situatie.spoed`) is a human judgement. Where the factsheet allows it, the contact is
made by phone first (the LOCC, LE-POB and OZI are reachable 24/7) and the written request is
formalised afterwards: water cannons (toelichting 2: "bij spoed achteraf"), the KMar and the
armed forces (toelichting 3, 4, 7, 8: "In spoedgevallen vindt het contact telefonisch plaats en
wordt het verzoek achteraf geformaliseerd"). For procedures 1, 5 and 6 the factsheet allows
24/7 contact but no form afterwards: only the contact becomes a phone call (for 1 and 6 the
zienswijze may then be skipped, Pw art. 56 lid 3).
"""

from __future__ import annotations

from dataclasses import dataclass

from politiebijstand.rules import organisatiecodes as org
from politiebijstand.rules.advies import Route, Stap
from politiebijstand.rules.bron import Bron, factsheet
from politiebijstand.rules.catalogus import regel
from politiebijstand.rules.politiewet_2012.bijstand_buitenland import P5_CONTACTSTAP
from politiebijstand.rules.politiewet_2012.bijstand_eenheden import CONTACTSTAP
from politiebijstand.rules.politiewet_2012.bijstand_kmar import (
    JUSTITIE_SCHRIFTELIJK,
    P3_CONTACTSTAP,
    P3_SCHRIFTELIJK,
)
from politiebijstand.rules.politiewet_2012.bijstand_krijgsmacht import (
    P4_CONTACTSTAP,
    P4_SCHRIFTELIJK,
)
from politiebijstand.rules.politiewet_2012.bijstand_middelen import (
    WATERWERPER_CONTACTSTAP,
    WATERWERPER_SCHRIFTELIJK,
)
from politiebijstand.rules.situatie import Middel, Situatie
from politiebijstand.rules.uitkomst import Uitkomst

_TOELICHTING = {n: factsheet(f"toelichting {n}") for n in ("1", "2", "3", "4", "5", "6", "7", "8")}
#: The 24/7 (piket) numbers: the flowchart says "bij spoed 24/7" at every provider.
BEREIKBAARHEID = factsheet("Contactgegevens")
ACHTERAF = "Achteraf (formalisering): "
_NIET_TOEGESTAAN = "niet toegestaan: er wordt niet (met spoed) aangevraagd"


@dataclass(frozen=True, slots=True)
class _Spoedregeling:
    """How urgency changes one procedure's steps.

    Attributes:
        belt: the organisation code called in the phone step (first in `contacten`).
        eerst: the phone step, placed first.
        vervangt: the ordinary contact step it replaces, or None.
        achteraf: the written steps that move to the end, prefixed with `ACHTERAF`.
        bron: the section of the factsheet that allows it.
    """

    belt: str
    eerst: Stap
    vervangt: Stap | None
    achteraf: tuple[Stap, ...]
    bron: Bron


_BEL_LE_POB = Stap(
    org.RCCB,
    "Spoed: RCCB neemt direct telefonisch contact op met LE-POB (24 uur per dag bereikbaar).",
)
_FORMALISEREN = " De schriftelijke afhandeling wordt later geformaliseerd."

_SPOED: dict[tuple[str, str | None], _Spoedregeling] = {
    ("1", None): _Spoedregeling(org.LE_POB, _BEL_LE_POB, CONTACTSTAP, (), _TOELICHTING["1"]),
    ("2", Middel.WATERWERPER.value): _Spoedregeling(
        org.LOCC,
        Stap(
            org.RCCB,
            "Spoed: RCCB neemt direct telefonisch contact op met het LOCC (piket, 24 uur per "
            "dag bereikbaar); het aanvraagformulier volgt achteraf.",
        ),
        WATERWERPER_CONTACTSTAP,
        WATERWERPER_SCHRIFTELIJK,
        _TOELICHTING["2"],
    ),
    ("3", None): _Spoedregeling(
        org.LOCC,
        Stap(
            org.RCCB,
            "Spoed: het contact vindt telefonisch plaats; RCCB belt direct het LOCC (piket, 24 "
            "uur per dag bereikbaar)." + _FORMALISEREN,
        ),
        P3_CONTACTSTAP,
        P3_SCHRIFTELIJK,
        _TOELICHTING["3"],
    ),
    ("4", None): _Spoedregeling(
        org.LE_POB,
        Stap(
            org.RCCB,
            "Spoed: het contact vindt telefonisch plaats; RCCB belt direct LE-POB (24 uur per "
            "dag bereikbaar)." + _FORMALISEREN,
        ),
        P4_CONTACTSTAP,
        P4_SCHRIFTELIJK,
        _TOELICHTING["4"],
    ),
    ("5", None): _Spoedregeling(
        org.LE_POB,
        Stap(
            org.RCCB,
            "Spoed: RCCB neemt direct telefonisch contact op met LE-POB (24 uur per dag "
            "bereikbaar) over het verzoek om bijstand van buitenlandse politie-eenheden.",
        ),
        P5_CONTACTSTAP,
        (),
        _TOELICHTING["5"],
    ),
    ("6", None): _Spoedregeling(org.LE_POB, _BEL_LE_POB, CONTACTSTAP, (), _TOELICHTING["6"]),
    ("7", None): _Spoedregeling(
        org.OZI,
        Stap(
            org.OVJ,
            "Spoed: de aanvragende (hoofd)officier van justitie legt rechtstreeks telefonisch "
            "contact met OZI (piket)." + _FORMALISEREN,
        ),
        None,
        JUSTITIE_SCHRIFTELIJK,
        _TOELICHTING["7"],
    ),
    ("8", None): _Spoedregeling(
        org.OZI,
        Stap(
            org.OVJ,
            "Spoed: het contact vindt telefonisch plaats; de (hoofd)officier van justitie legt "
            "het verzoek telefonisch voor aan OZI (piket)." + _FORMALISEREN,
        ),
        None,
        JUSTITIE_SCHRIFTELIJK,
        _TOELICHTING["8"],
    ),
}


@regel(
    *_TOELICHTING.values(),
    BEREIKBAARHEID,
    samenvatting=(
        "Bij spoed eerst telefonisch contact; waar de factsheet dat toestaat, volgt het "
        "schriftelijke verzoek achteraf."
    ),
    toelichting=(
        "Bij spoed komt een telefoonstap eerst, in plaats van het gewone eerste contact. Bij "
        "een waterwerper (procedure 2) en bij procedures 3, 4, 7 en 8 gaan de stappen die het "
        "formulier opstellen, ondertekenen, versturen of doorgeleiden naar het einde, als "
        "'achteraf (formalisering)' (toelichting 2, 3, 4, 7 en 8; vaste interpretatie 11 "
        "(docs/contract)). Procedures 1, 5 en 6 krijgen alleen het telefonische contact. Bij "
        "procedure 8 zegt de factsheet niet wie de officier van justitie belt; net als bij "
        "procedure 7 is dat OZI.\n\n"
        "Ongewijzigd blijven: bewakingscontainers, VRT-voertuigen en rechtshulp (de factsheet "
        "noemt geen spoedprocedure), procedure 8 op de verkorte route van een convenant, en "
        "een route die niet is toegestaan (er wordt dan niet aangevraagd, dus ook niet met "
        "spoed)."
    ),
)
def stappen_bij_spoed(situatie: Situatie, route: Route) -> Uitkomst[tuple[Stap, ...]]:
    """The steps of a route in an urgent case: phone contact first, the written form afterwards.

    When `spoed`: a phone step comes first, replacing the ordinary first contact; where the
    factsheet allows the written request afterwards (procedure 2 for a water cannon, 3, 4, 7
    and 8), the steps that draw up, sign, send or pass on the form move to the end, marked
    "Achteraf (formalisering)" (contract, interpretation 11). Procedures 1, 5 and 6 get only
    the phone contact. For procedure 8 the factsheet does not say whom the officier van
    justitie calls; as in procedure 7 it is OZI. Unchanged: no urgency; guard containers and
    VRT vehicles and rechtshulp (the factsheet names no urgent procedure); procedure 8 on the
    convenant's short route (its own steps apply); a route that is not allowed (no request is
    made, so no urgent phone call either: its steps stay the ordinary ones, for information).
    """
    regeling = _SPOED.get((route.procedure, route.middel))
    if not situatie.spoed or regeling is None:
        return Uitkomst(route.stappen, bron=BEREIKBAARHEID, reden="geen spoedstappen")
    if not route.toegestaan:
        return Uitkomst(route.stappen, bron=regeling.bron, reden=_NIET_TOEGESTAAN)
    if route.procedure == "8" and situatie.convenant:
        return Uitkomst(
            route.stappen, bron=_TOELICHTING["8"], reden="convenant: eigen verkorte route"
        )
    midden = tuple(
        s for s in route.stappen if s != regeling.vervangt and s not in regeling.achteraf
    )
    achteraf = tuple(
        Stap(s.actor, ACHTERAF + s.handeling) for s in route.stappen if s in regeling.achteraf
    )
    return Uitkomst(
        (regeling.eerst, *midden, *achteraf),
        bron=regeling.bron,
        ook=(BEREIKBAARHEID,),
        reden="spoed: eerst telefonisch contact"
        + (", het schriftelijke verzoek achteraf" if achteraf else ""),
    )


@regel(
    *_TOELICHTING.values(),
    BEREIKBAARHEID,
    samenvatting=(
        "Bij spoed staat de organisatie die als eerste wordt gebeld vooraan bij de contacten."
    ),
    toelichting=(
        "Het eerste contact is de organisatie die de eerste stap belt, zodat 'bel eerst' het "
        "goede nummer toont. Bij procedures 7 en 8 belt de (hoofd)officier van justitie "
        "rechtstreeks OZI (toelichting 7: 'In spoedgevallen kan rechtstreeks telefonisch "
        "contact tussen de aanvragende (hoofd)officier van justitie en OZI gelegd worden'; bij "
        "procedure 8 net zo), dus OZI (piket, 24 uur per dag) komt voor LE-POB. De nummers "
        "staan bij de contactgegevens van de factsheet. Bij de andere procedures belt de "
        "telefoonstap al het eerste contact. Een route die niet is toegestaan, blijft "
        "ongewijzigd."
    ),
)
def contacten_bij_spoed(situatie: Situatie, route: Route) -> Uitkomst[tuple[str, ...]]:
    """The contacts of a route in an urgent case: whom the phone step calls comes first.

    The first contact is the organisation that the first step calls, so that "bel eerst" shows
    the right number. With `spoed` that is the organisation of the phone step; the other
    contacts keep their order. For procedures 7 and 8 the (hoofd)officier van justitie calls
    OZI directly (toelichting 7: "In spoedgevallen kan rechtstreeks telefonisch contact tussen
    de aanvragende (hoofd)officier van justitie en OZI gelegd worden"; for 8 as in 7), so OZI
    (piket, 24/7) comes before LE-POB. For the other procedures the phone step calls the first
    contact already. Unchanged where `stappen_bij_spoed` leaves the steps unchanged (also for
    a route that is not allowed).
    """
    regeling = _SPOED.get((route.procedure, route.middel))
    if not situatie.spoed or regeling is None:
        return Uitkomst(route.contacten, bron=BEREIKBAARHEID, reden="geen spoedcontact")
    if not route.toegestaan:
        return Uitkomst(route.contacten, bron=regeling.bron, reden=_NIET_TOEGESTAAN)
    if route.procedure == "8" and situatie.convenant:
        return Uitkomst(
            route.contacten, bron=_TOELICHTING["8"], reden="convenant: eigen verkorte route"
        )
    contacten = (regeling.belt, *(c for c in route.contacten if c != regeling.belt))
    return Uitkomst(
        contacten,
        bron=regeling.bron,
        ook=(BEREIKBAARHEID,),
        reden=f"spoed: eerst telefonisch contact met {regeling.belt}",
    )
