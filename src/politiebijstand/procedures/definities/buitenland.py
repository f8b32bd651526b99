"""Procedure 5: bijstand by a foreign police service, openbare orde (toelichting 5).

On a treaty basis; the RCCB contacts LE-POB, which contacts the LOCC, which decides (contract,
interpretation 9). The burgemeester, who has the gezag, signs the formal request before the
LOCC decides; when urgent, afterwards (issue #8, item 6). Foreign police on a justice task is
`rechtshulp`, outside this system.
"""

from __future__ import annotations

from politiebijstand.procedures.definities import blokken
from politiebijstand.procedures.model import BESLUIT, Proces


def buitenland() -> Proces:
    """Procedure 5: foreign police on a treaty basis, openbare orde."""
    contact = (
        "Omdat de aard van bijstand kan verschillen wordt hier in algemene zin opgemerkt dat bij "
        "een verzoek tot bijstand van buitenlandse eenheden, contact opgenomen kan worden met de "
        "Afdeling Preparatie en Operationeel Beheer."
    )
    naar_locc = (
        "Indien duidelijk is om welk soort bijstand het handelt, neemt de Afdeling Preparatie en "
        "Operationeel beheer contact op met het LOCC voor verdere coördinatie en formalisatie van "
        "de gevraagde bijstand."
    )
    ondergeschikt = (
        "Ook bijstand aan de politie, bijvoorbeeld door defensie-eenheden of buitenlandse "
        "politieambtenaren, vindt plaats in ondergeschiktheid aan deze gezagsdragers."
    )
    p = Proces(
        id="procedure_5",
        naam="Procedure 5: bijstand door een buitenlandse politiedienst, openbare orde",
        lanes=["RCCB", "BURGEMEESTER", "LE-POB", "LOCC"],
        documentatie=(
            "Factsheet, toelichting 5. Diverse verdragen maken het mogelijk dat buitenlandse "
            "politie-eenheden in Nederland bijstand verlenen."
        ),
    )
    blokken.start(p, "RCCB", **blokken.PER_GEMEENTE)
    p.xor("gw_spoed", "Spoed?", "RCCB")
    p.taak("taak_contact_le_pob", "Contact met LE-POB", "RCCB", contact)
    p.xor("gw_spoed_samen", "", "LE-POB")
    blokken.spoedroute(
        p,
        lane="RCCB",
        formaliseert="BURGEMEESTER",
        coordinator="LOCC",
        telefoon=(
            "Neem contact op met afdeling Preparatie en Operationeel Beheer, bij spoed 24/7",
        ),
        formaliseren=(naar_locc, ondergeschikt),
        naar="gw_spoed_samen",
        rij=2,
    )
    p.taak("taak_contact_locc", "Contact met het LOCC", "LE-POB", naar_locc)
    p.xor("gw_ondertekenen", "Spoed?", "LE-POB")
    p.taak(
        "taak_verzoek_ondertekenen",
        "Formeel verzoek ondertekenen",
        "BURGEMEESTER",
        naar_locc,
        ondergeschikt,
        per_gemeente=blokken.per_gemeente(p, "BURGEMEESTER"),
        noot=(
            "De burgemeester heeft het gezag over de handhaving van de openbare orde (Pw 2012 "
            "art. 11) en doet het verzoek om bijstand (vgl. art. 56 lid 1); de buitenlandse "
            "eenheden werken onder zijn gezag. Hij ondertekent dus het formele verzoek dat het "
            "LOCC formaliseert. Bij spoed gebeurt dat achteraf, in de stap 'Schriftelijk "
            "formaliseren'."
        ),
    )
    p.xor("gw_ondertekenen_samen", "", "LOCC")
    p.taak(
        "taak_besluit_locc",
        "Coördineren, formaliseren en besluiten",
        "LOCC",
        naar_locc,
        velden={"besluit": BESLUIT},
        # Contract, interpretation 9: the factsheet names no decider; the LOCC decides.
        noot=(
            "Toelichting 5 zegt niet wie beslist; het LOCC, dat de bijstand coördineert en "
            "formaliseert, neemt hier het besluit."
        ),
    )
    p.eind("eind", "Afgehandeld", "LOCC")
    p.stroom("start", "gw_spoed")
    p.stroom("gw_spoed", "taak_contact_le_pob", "geen spoed", "not spoed")
    p.keten("taak_contact_le_pob", "gw_spoed_samen", "taak_contact_locc", "gw_ondertekenen")
    p.stroom("gw_ondertekenen", "taak_verzoek_ondertekenen", "geen spoed", "not spoed")
    p.stroom("gw_ondertekenen", "gw_ondertekenen_samen", "spoed: achteraf", "spoed")
    p.keten("taak_verzoek_ondertekenen", "gw_ondertekenen_samen", "taak_besluit_locc", "eind")
    return p
