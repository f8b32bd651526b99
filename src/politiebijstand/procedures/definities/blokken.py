"""The blocks that several procedures share, one helper each.

Each helper adds the same nodes, with the same ids, to any procedure that has the block, and
takes the factsheet sentences its tasks quote as arguments: every procedure passes the lines of
its own toelichting, verbatim, even where two toelichtingen word the step alike.

Nodes first, flows later: the generator writes elements, and the layout breaks ties, in the
order in which they were added, so a block that a procedure describes among its nodes returns a
`Blok` whose `Blok.verbind` adds the block's inner flows where the procedure lists its flows.
"""

from __future__ import annotations

from dataclasses import dataclass

from politiebijstand.procedures.model import BESLUIT, GEMEENTEN, JA_NEE, TEKST, Proces, Veld

#: Start variables. ``spoed`` and ``formalisatie_termijn`` are taken by every procedure with an
#: urgent path; ``indiener`` by 3 and 4 (factsheet, toelichting 3 and 4: primus inter pares).
SPOED = Veld("ja_nee", standaard=False)
FORMALISATIE_TERMIJN = Veld("duur", standaard="PT24H")
INDIENER = Veld("keuze", ("burgemeester", "regioburgemeester"), standaard="burgemeester")
#: The start variable of the procedures whose form a burgemeester signs: one form per
#: municipality, each signed by its own burgemeester (contract, interpretation 12), so the
#: burgemeester's signing and written formalisation are done once per municipality.
PER_GEMEENTE = {"gemeenten": GEMEENTEN}


def per_gemeente(p: Proces, lane: str) -> str | None:
    """``"gemeenten"`` when a task in `lane` is done once per municipality, else None.

    A task of the burgemeester (lane ``BURGEMEESTER``) is signed per municipality (contract,
    interpretation 12); the procedure's start event must declare `PER_GEMEENTE`.

    Raises:
        ValueError: a task of the burgemeester in a procedure whose start event does not
            declare ``gemeenten``.
    """
    if lane != "BURGEMEESTER":
        return None
    if "gemeenten" not in p.knopen["start"].velden:
        raise ValueError(f"{p.id}: de start declareert 'gemeenten' niet (PER_GEMEENTE)")
    return "gemeenten"


#: The coordinator of each procedure with an urgent path, by lane: who is reminded of, and
#: escalates, a late formalisation (issue #8, item 2; ADR 0024).
COORDINATOREN = {
    "LE-POB": "de afdeling Preparatie en Operationeel Beheer (LE-POB)",
    "LOCC": "het LOCC",
    "OZI": "OZI",
}
#: The coordinator of each procedure, by procedure id (`engine.PROCEDURES`): the lane that
#: records on behalf of a party without an account what it answered by letter or e-mail
#: (issue #10 item 4; ADR 0037). LE-POB for procedures 1 and 6, the LOCC for 2 to 5, OZI for 7
#: and 8 (factsheet, toelichting 1 to 8); the appeal (9) has none.
COORDINATOR_VAN_PROCEDURE = {
    "1": "LE-POB",
    "2_waterwerper": "LOCC",
    "2_container_vrt": "LOCC",
    "3": "LOCC",
    "4": "LOCC",
    "5": "LOCC",
    "6": "LE-POB",
    "7": "OZI",
    "8": "OZI",
}
#: The notes users read on the task page and in messages: plain Dutch, no pointers for
#: developers (issue #8, item 15). The phone call: contract, interpretation 11.
TELEFOON_NOOT = (
    "Spoedroute: leg vast wie wie belde, wanneer, en wat is afgesproken. Het werk begint direct; "
    "de schriftelijke stappen volgen achteraf in de stap 'Schriftelijk formaliseren'."
)
#: Required on every path (ADR 0024).
FORMALISEREN_NOOT = (
    "Spoedroute: vervangt de schriftelijke stappen van de normale route, achteraf, door het "
    "bevoegd gezag zelf. Verplicht en niet over te slaan, ook na een afwijzing: het verzoek moet "
    "schriftelijk vastliggen, ook het afgewezen verzoek. Het verzoek is pas afgehandeld als deze "
    "stap gedaan is; alleen het intrekken van het verzoek beëindigt het zonder formalisatie."
)


def escalatie_noot(coordinator: str) -> str:
    """The note of ``taak_escalatie_formalisatie``: the term, and who escalates (`coordinator`).

    The term is the start variable ``formalisatie_termijn``, from the setting
    ``PB_FORMALISATIE_TERMIJN``; the escalation is this application's working agreement (issues
    #4 and #8), not a step of the factsheet.

    Raises:
        KeyError: `coordinator` is not a lane of `COORDINATOREN`.
    """
    return (
        "De termijn voor de schriftelijke formalisatie (standaard 24 uur, door het beheer in te "
        f"stellen) en de escalatie naar {COORDINATOREN[coordinator]}, de coördinator van deze "
        "procedure, zijn een werkafspraak van deze applicatie, geen stap van de factsheet. De "
        "formalisatie zelf blijft openstaan tot het bevoegd gezag haar doet."
    )


@dataclass(frozen=True, slots=True)
class Blok:
    """A block whose nodes are in the process and whose inner flows are still to add.

    Attributes:
        proces: the process the nodes were added to.
        ingang: id of the node that the flow into the block must reach.
        uitgang: id of the node from which the flow leaves the block.
        ketens: the inner flows, as chains of node ids (see `Proces.keten`), in order.
    """

    proces: Proces
    ingang: str
    uitgang: str
    ketens: tuple[tuple[str, ...], ...]

    def verbind(self) -> None:
        """Add the block's inner flows to its process, in order."""
        for keten in self.ketens:
            self.proces.keten(*keten)


def start(p: Proces, lane: str, **velden: Veld) -> None:
    """The start event ``start``, with ``spoed``, ``formalisatie_termijn`` and `velden`."""
    p.start(
        "start",
        "Bijstand nodig",
        lane,
        velden={"spoed": SPOED, "formalisatie_termijn": FORMALISATIE_TERMIJN, **velden},
    )


def spoedroute(
    p: Proces,
    *,
    lane: str,
    formaliseert: str,
    coordinator: str,
    telefoon: tuple[str, ...],
    formaliseren: tuple[str, ...],
    naar: str,
    rij: int,
    conditie: str = "spoed",
    velden: dict[str, Veld] | None = None,
) -> None:
    """The urgent path, from the gateway ``gw_spoed`` to `naar`, nodes and flows.

    ``taak_telefonisch_contact_vastgelegd`` (lane `lane`) first, then in parallel the work
    itself (`naar`) and ``taak_schriftelijk_formaliseren`` in the lane of the competent
    authority (`formaliseert`). The formalisation is required: it cannot be skipped, and the run
    is finished only when every branch has ended, so not before it is done (ADR 0024). Its
    non-interrupting timer ``timer_formalisatie`` (duration: the start variable
    ``formalisatie_termijn``) starts ``taak_escalatie_formalisatie`` in the lane of the
    procedure's coordinator (`coordinator`).

    Args:
        p: the procedure; ``gw_spoed`` and `naar` must exist, and the lanes `lane`,
            `formaliseert` and `coordinator`.
        lane: organisation code of the lane that phones.
        formaliseert: lane of the competent authority that formalises in writing
            (``BURGEMEESTER``, ``OVJ``; ``RCCB`` for the water cannon's form, toelichting 2).
        coordinator: lane of the procedure's coordinator (`COORDINATOREN`): ``LE-POB`` for
            1 and 6, ``LOCC`` for 2 to 5, ``OZI`` for 7 and 8 (issue #8, item 2).
        telefoon: the procedure's factsheet lines on the phone contact, verbatim.
        formaliseren: its lines on the written steps that the formalisation replaces, verbatim
            (the escalation quotes them too).
        naar: id of the node where the work continues.
        rij: layout row of the formalisation in `formaliseert`.
        conditie: the condition of the flow from ``gw_spoed`` into the urgent path.
        velden: the fields the formalisation records (procedure 2: ``bevoegd_gezag``).

    Raises:
        KeyError: `coordinator` is not in `COORDINATOREN`.
    """
    p.taak(
        "taak_telefonisch_contact_vastgelegd",
        "Telefonisch contact vastleggen",
        lane,
        *telefoon,
        noot=TELEFOON_NOOT,
    )
    p.en("gw_spoed_parallel", "Werk start direct", lane)
    p.taak(
        "taak_schriftelijk_formaliseren",
        "Schriftelijk formaliseren",
        formaliseert,
        *formaliseren,
        noot=FORMALISEREN_NOOT,
        velden=velden,
        rij=rij,
        per_gemeente=per_gemeente(p, formaliseert),
    )
    p.timer(
        "timer_formalisatie",
        "Termijn verstreken",
        aan="taak_schriftelijk_formaliseren",
        duur="formalisatie_termijn",
    )
    p.taak(
        "taak_escalatie_formalisatie",
        "Escalatie: formalisatie te laat",
        coordinator,
        *formaliseren,
        noot=escalatie_noot(coordinator),
    )
    p.eind("eind_geformaliseerd", "Schriftelijk geformaliseerd", formaliseert, rij=rij)
    p.eind("eind_escalatie_afgehandeld", "Escalatie afgehandeld", coordinator)
    p.stroom("gw_spoed", "taak_telefonisch_contact_vastgelegd", "spoed", conditie)
    p.keten(
        "taak_telefonisch_contact_vastgelegd",
        "gw_spoed_parallel",
        "taak_schriftelijk_formaliseren",
        "eind_geformaliseerd",
    )
    p.stroom("gw_spoed_parallel", naar)
    p.keten("timer_formalisatie", "taak_escalatie_formalisatie", "eind_escalatie_afgehandeld")


def lokaal_vooroverleg(p: Proces, id: str, naam: str, citaat: str) -> str:
    """The RCCB's optional local vooroverleg ("kan ... plaatsvinden"), a task in lane RCCB.

    Args:
        p: the procedure.
        id: BPMN id of the task (``taak_vooroverleg_ccb_kmar``).
        naam: its label.
        citaat: the procedure's own sentence, verbatim.
    """
    return p.taak(id, naam, "RCCB", citaat, optioneel=True)


def ondertekenen(
    p: Proces, *, van: str, naar: str, ondertekenen: str, primus_inter_pares: str
) -> None:
    """The form signed by the burgemeester, or the regioburgemeester as primus inter pares.

    The gateway ``gw_indiener`` reads the start variable ``indiener`` (`INDIENER`); nodes and
    flows, between `van` and `naar`. Procedures 3 and 4 (contract, interpretation 8). The
    burgemeester signs once per municipality (``gemeenten``, interpretation 12); the
    regioburgemeester as primus inter pares signs one form for all.

    Args:
        p: the procedure; `van` and `naar` must exist.
        van: id of the node before the signature.
        naar: id of the node after it.
        ondertekenen: the procedure's sentence on signing, verbatim.
        primus_inter_pares: its sentence on the regioburgemeester, verbatim.
    """
    p.xor("gw_indiener", "Wie ondertekent?", "RCCB")
    p.taak(
        "taak_aanvraagformulier_ondertekenen",
        "Aanvraagformulier ondertekenen",
        "BURGEMEESTER",
        ondertekenen,
        per_gemeente=per_gemeente(p, "BURGEMEESTER"),
    )
    p.taak(
        "taak_aanvraagformulier_ondertekenen_regioburgemeester",
        "Aanvraagformulier ondertekenen (primus inter pares)",
        "REGIOBURGEMEESTER",
        ondertekenen,
        primus_inter_pares,
    )
    p.xor("gw_indiener_samen", "", "RCCB")
    p.stroom(van, "gw_indiener")
    p.stroom(
        "gw_indiener",
        "taak_aanvraagformulier_ondertekenen",
        "burgemeester",
        'indiener == "burgemeester"',
    )
    p.stroom(
        "gw_indiener",
        "taak_aanvraagformulier_ondertekenen_regioburgemeester",
        "regioburgemeester",
        'indiener == "regioburgemeester"',
    )
    p.stroom("taak_aanvraagformulier_ondertekenen", "gw_indiener_samen")
    p.stroom("taak_aanvraagformulier_ondertekenen_regioburgemeester", "gw_indiener_samen")
    p.stroom("gw_indiener_samen", naar)


def parket_generaal(p: Proces, *, aanvraag: str, formulier: str, geleid: str) -> None:
    """The officier van justitie's request through the Parket-Generaal to OZI (7 and 8); nodes.

    ``taak_aanvraag_parket_generaal`` (lane OVJ), ``taak_aanvraag_doorgeleiden`` (lane
    PARKET-GENERAAL, records ``ondersteund``), the gateway ``gw_ondersteund`` and the end event
    ``eind_niet_ondersteund``; the procedure adds the flows.

    Args:
        p: the procedure.
        aanvraag: its sentence on contacting the College van procureurs-generaal, verbatim.
        formulier: its sentence on the form sent by the officier van justitie, verbatim.
        geleid: its sentence on the Parket-Generaal passing the request to OZI, verbatim.
    """
    p.taak(
        "taak_aanvraag_parket_generaal",
        "Aanvraag via het College van PG's",
        "OVJ",
        aanvraag,
        formulier,
    )
    p.taak(
        "taak_aanvraag_doorgeleiden",
        "Aanvraag doorgeleiden naar OZI",
        "PARKET-GENERAAL",
        geleid,
        velden={"ondersteund": JA_NEE},
    )
    p.xor("gw_ondersteund", "Ondersteund door het College?", "PARKET-GENERAAL")
    p.eind("eind_niet_ondersteund", "Niet ondersteund", "PARKET-GENERAAL")


def verzoek_aan_defensie(
    p: Proces, *, lane: str, verzoek: str, afschrift: str, dops_kmar: bool
) -> str:
    """The request to DJZ (and DOPS-KMar) with its copy to the DOC: one task, one action.

    The task ``taak_verzoek_defensie`` in `lane`: completing it sends the request to DJZ (and
    DOPS-KMar) and the copy to the DOC at the same time (`workflow.BERICHT_BIJ_STAP`), as the
    factsheet says ("tegelijkertijd in afschrift"). Procedures 3 and 7 (KMar: DJZ and
    DOPS-KMar), 4 and 8 (armed forces: DJZ only). Issue #10, item 3: one action instead of
    three parallel tasks.

    Args:
        p: the procedure.
        lane: who sends: ``LOCC`` (openbare orde) or ``OZI`` (justitiële taken).
        verzoek: the procedure's sentence on the request, verbatim.
        afschrift: its sentence on the copy to the DOC, verbatim.
        dops_kmar: whether the request also goes to DOPS-KMar (the KMar procedures).

    Returns:
        The id of the task; the procedure adds the flows in and out.
    """
    naar = "DJZ, DOPS-KMar" if dops_kmar else "DJZ"
    return p.taak(
        "taak_verzoek_defensie",
        f"Verzoek aan Defensie versturen ({naar}, afschrift DOC)",
        lane,
        verzoek,
        afschrift,
        noot=(
            f"Eén handeling: het verzoek gaat tegelijk naar {naar.replace(', ', ' en ')} en in "
            "afschrift naar het DOC."
        ),
    )


def advies_aan_sg(p: Proces, *, advies: str) -> Blok:
    """DJZ and the Commandant KMar advise the SG of Defensie, in parallel (3 and 7).

    Between the parallel gateways ``gw_advies`` and ``gw_advies_samen`` (lane DJZ): the tasks
    ``taak_advies_djz`` (lane DJZ) and ``taak_advies_c_kmar`` (lane C-KMAR).

    Args:
        p: the procedure.
        advies: the procedure's sentence on the advice, verbatim (quoted by both tasks).

    Returns:
        The block; call `Blok.verbind` where the procedure adds its flows.
    """
    p.en("gw_advies", "Advies aan de SG", "DJZ")
    taken = (
        p.taak("taak_advies_djz", "Advies aan de SG", "DJZ", advies),
        p.taak("taak_advies_c_kmar", "Advies aan de SG", "C-KMAR", advies),
    )
    p.en("gw_advies_samen", "", "DJZ")
    ketens = tuple(("gw_advies", taak, "gw_advies_samen") for taak in taken)
    return Blok(p, "gw_advies", "gw_advies_samen", ketens)


#: The fields of the coordinator's decision in procedures 3, 4, 7 and 8 (LOCC or OZI): the
#: decision, Defence's position and whether Defence agrees. Pw 2012 art. 57 lid 2 (whether:
#: "na overleg"), 57 lid 3 and 58 lid 2 (how: "in overeenstemming"): without agreement the
#: manner cannot be decided, so only a refusal can be recorded (`besluiten.besluit_nemen`).
BESLUIT_MET_DEFENSIE: dict[str, Veld] = {
    "besluit": BESLUIT,
    "standpunt_defensie": TEKST,
    "overeenstemming_defensie": JA_NEE,
}
#: The pass-on of Defence's refusal records a decision that can only be a refusal.
ALLEEN_AFGEWEZEN = Veld("keuze", ("afgewezen",))

MAATSTAF_57_NOOT = (
    "Pw 2012 art. 57 lid 2: of bijstand wordt verleend, beslist de Minister van Justitie en "
    "Veiligheid na overleg met de Minister van Defensie; art. 57 lid 3: op welke wijze, in "
    "overeenstemming met de Minister van Defensie. Leg het standpunt van Defensie vast "
    "en of Defensie instemt met de wijze. Zonder overeenstemming kan alleen worden afgewezen."
)
MAATSTAF_58_NOOT = (
    "Pw 2012 art. 58 lid 2: op welke wijze bijstand wordt verleend, beslist de Minister van "
    "Justitie en Veiligheid in overeenstemming met de Minister van Defensie. Leg het standpunt "
    "van Defensie vast en of Defensie instemt met de wijze. Zonder overeenstemming kan alleen "
    "worden afgewezen. Het besluit gaat niet verder dan wat DJZ namens de Minister van Defensie "
    "heeft toegekend."
)
ERRATUM_58_LID_2_NOOT = (
    "Erratum factsheet: toelichting 4 zegt 'na overleg met de Minister van Defensie (DJZ)'. Pw "
    "2012 art. 58 lid 2 zegt 'in overeenstemming met' de Minister van Defensie. De wet gaat voor: "
    "zonder overeenstemming over de wijze geen toekenning."
)


def besluit_defensie(
    p: Proces,
    *,
    besluit: str,
    informeren_naam: str,
    informeren: str,
    lane: str,
) -> Blok:
    """DJZ decides on behalf of the Minister of Defence; its refusal binds (4 and 8).

    The tasks ``taak_besluit_defensie`` (records ``besluit_defensie``) and
    ``taak_besluit_defensie_informeren``, both in lane DJZ, then the gateway
    ``gw_besluit_defensie``: after ``afgewezen`` the coordinator (`lane`) can only pass the
    refusal on, with Defence's reasons (``taak_afwijzing_defensie_doorgeven``, a decision that
    can only be ``afgewezen``), and the run ends at ``eind_afgewezen_defensie``; otherwise the
    procedure adds the flow from ``gw_besluit_defensie`` to the coordinator's decision with
    the condition ``besluit_defensie != "afgewezen"``.

    Bron: factsheet, toelichting 4 and 8 ("Namens de Minister van Defensie is DJZ gemandateerd
    tot het nemen van het besluit tot bijstand of de afwijzing daarvan"); Pw 2012 art. 58 lid 2.

    Args:
        p: the procedure.
        besluit: the procedure's sentence on DJZ's mandate, verbatim.
        informeren_naam: the label of the second task (whom DJZ informs).
        informeren: its sentence on informing the LOCC or OZI, verbatim.
        lane: the coordinator that decides for the Minister of JenV: ``LOCC`` or ``OZI``.

    Returns:
        The block, from ``taak_besluit_defensie`` to ``gw_besluit_defensie``; call
        `Blok.verbind` where the procedure adds its flows.
    """
    eerste = p.taak(
        "taak_besluit_defensie",
        "Besluit namens de Minister van Defensie",
        "DJZ",
        besluit,
        velden={"besluit_defensie": BESLUIT},
    )
    tweede = p.taak("taak_besluit_defensie_informeren", informeren_naam, "DJZ", informeren)
    gateway = p.xor("gw_besluit_defensie", "Afgewezen door Defensie?", lane)
    doorgeven = p.taak(
        "taak_afwijzing_defensie_doorgeven",
        "Afwijzing van Defensie doorgeven",
        lane,
        besluit,
        informeren,
        noot=(
            "De afwijzing door DJZ namens de Minister van Defensie bindt (Pw 2012 art. 58 lid 2: "
            "de wijze alleen in overeenstemming met de Minister van Defensie). Leg de afwijzing "
            "vast als besluit, met de redenen van Defensie; de aanvrager krijgt het bericht."
        ),
        velden={"besluit": ALLEEN_AFGEWEZEN},
    )
    eind = p.eind("eind_afgewezen_defensie", "Afgewezen door Defensie", lane)
    return Blok(
        p,
        eerste,
        gateway,
        (
            (eerste, tweede, gateway),
            (doorgeven, eind),
        ),
    )


def na_besluit_defensie(p: Proces, *, naar: str) -> None:
    """The two flows out of ``gw_besluit_defensie``: refused (pass on), or on to `naar`."""
    p.stroom(
        "gw_besluit_defensie",
        "taak_afwijzing_defensie_doorgeven",
        "afgewezen",
        'besluit_defensie == "afgewezen"',
    )
    p.stroom("gw_besluit_defensie", naar, "(deels) toegekend", 'besluit_defensie != "afgewezen"')


def uitputting_toetsen(p: Proces, *, citaat: str) -> str:
    """LE-POB's check that the police are exhausted, with its outcome (4 and 8).

    The task ``taak_uitputting_toetsen`` (lane LE-POB) records ``politie_uitgeput`` (ja/nee)
    and ``motivering``; the gateway ``gw_uitgeput`` sends a negative outcome to the end event
    ``eind_politie_niet_uitgeput``. The procedure adds the flow from ``gw_uitgeput`` onwards
    with the condition ``politie_uitgeput``.

    Bron: factsheet, toelichting 4 and 8 ("... toetst of de Nationale politie daadwerkelijk is
    uitgeput en of het gewenste resultaat niet anderszins met eigen middelen kan worden
    bereikt"); Pw 2012 art. 58 lid 1 ("in bijzondere gevallen").

    Args:
        p: the procedure.
        citaat: the procedure's sentence on the check, verbatim.

    Returns:
        The id of the gateway ``gw_uitgeput``.
    """
    taak = p.taak(
        "taak_uitputting_toetsen",
        "Uitputting politie toetsen",
        "LE-POB",
        citaat,
        noot=(
            "Leg de uitkomst vast (is de politie uitgeput?) met de motivering. Is de politie niet "
            "uitgeput, of kan het resultaat anderszins met eigen middelen worden bereikt, dan "
            "stopt de route; de aanvrager krijgt bericht met de redenen."
        ),
        velden={"politie_uitgeput": JA_NEE, "motivering": TEKST},
    )
    gateway = p.xor("gw_uitgeput", "Politie uitgeput?", "LE-POB")
    p.eind("eind_politie_niet_uitgeput", "Politie niet uitgeput", "LE-POB")
    p.stroom(taak, gateway)
    p.stroom(gateway, "eind_politie_niet_uitgeput", "nee", "not politie_uitgeput")
    return gateway


def na_besluit(p: Proces, *, afgewezen: str, toegekend: str) -> None:
    """The two flows out of ``gw_besluit``, which reads ``besluit``: rejected, or (partly) granted.

    Args:
        p: the procedure; ``gw_besluit`` and the two nodes must exist.
        afgewezen: id of the node after ``besluit == "afgewezen"``.
        toegekend: id of the node after ``toegekend`` or ``deels_toegekend``.
    """
    p.stroom("gw_besluit", afgewezen, "afgewezen", 'besluit == "afgewezen"')
    p.stroom("gw_besluit", toegekend, "(deels) toegekend", 'besluit != "afgewezen"')
