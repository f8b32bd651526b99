"""The procedures of the factsheet, described compactly; `generate` turns them into BPMN 2.0.

One `Proces` per procedure of the factsheet's "Toelichting" (1 to 9; procedure 2 split into
water cannons and guard containers/VRT vehicles). Every bullet of a procedure is a user task in
the lane of the organisation that acts (contract codes), its documentation quoting the bullet
verbatim. Where the model interprets the factsheet, the task carries a ``noot``.

Modelling choices, the same in every procedure:

- ``spoed`` (start variable): the exclusive gateway ``gw_spoed`` right after the start sends an
  urgent request along the urgent path: ``taak_telefonisch_contact_vastgelegd`` first, then, in
  parallel, the work itself and ``taak_schriftelijk_formaliseren``, which carries a
  non-interrupting timer (``timer_formalisatie``, duration ``formalisatie_termijn``) that starts
  ``taak_escalatie_formalisatie`` in the LOCC lane when the term passes. The written steps that
  the formalisation replaces are skipped on the urgent path.
- Optional steps ("kan ... vooroverleg plaatsvinden") are always a task, marked ``optioneel``: it
  is completed either with what was discussed or with ``{"overgeslagen": true, "reden": ...}``.
  The local vooroverleg is on the normal path only: on the urgent path the phone call comes first.
- A decision is a task with the field ``besluit`` (toegekend, deels_toegekend, afgewezen);
  gateways read only fields that their tasks declare (``velden``), so the engine can check them.
"""

from __future__ import annotations

from politiebijstand.procedures.model import BESLUIT, JA_NEE, Proces, Veld

SPOED = Veld("ja_nee", standaard=False)
FORMALISATIE_TERMIJN = Veld("duur", standaard="PT24H")
INDIENER = Veld("keuze", ("burgemeester", "regioburgemeester"), standaard="burgemeester")

ESCALATIE_NOOT = (
    "De termijn voor de schriftelijke formalisatie (procesvariabele formalisatie_termijn, "
    "standaard 24 uur) en de escalatie naar het LOCC zijn een werkafspraak van deze applicatie "
    "(issue #4), geen stap van de factsheet. De formalisatie zelf blijft openstaan."
)
TELEFOON_NOOT = (
    "Spoedroute: leg vast wie wie belde, wanneer, en wat is afgesproken. Het werk begint direct; "
    "de schriftelijke stappen volgen achteraf in taak_schriftelijk_formaliseren "
    "(contract, interpretatie 11)."
)
FORMALISEREN_NOOT = (
    "Spoedroute: vervangt de schriftelijke stappen van de normale route, achteraf. Kan worden "
    "overgeslagen met een reden (bijvoorbeeld omdat het verzoek is afgewezen)."
)

# Sentences of the factsheet used in more than one procedure.
CONTACT_LE_POB_SPOED = (
    "Vanuit de eenheid die bijstand nodig heeft, neemt RCCB contact op met de afdeling "
    "Preparatie en Operationeel Beheer. Bij spoed kan dit 24 uur per dag."
)
FORMULIER_OPSTELLEN = "RCCB stelt het aanvraagformulier op."
FORMULIER_INDIENEN_KORPSCHEF = (
    "Het aanvraagformulier wordt door de burgemeester ingediend bij de korpschef en bevat naast "
    "de feitelijke aanvraag tevens de zienswijze van de regioburgemeester"
)
ZIENSWIJZE = (
    "Behoudens in spoedeisende gevallen wordt het verzoek, niet gedaan dan nadat de "
    "regioburgemeester in de gelegenheid is gesteld zijn zienswijze over het verzoek te geven."
)
LE_POB_COORDINEERT = (
    "De afdeling Preparatie en Operationeel Beheer coördineert de bijstand tussen de RCCB's van "
    "de eenheden die bijstand gaan leveren met het RCCB dat bijstand aanvraagt."
)
LE_POB_INFORMEERT_LOCC = (
    "De afdeling Preparatie en Operationeel Beheer informeert het LOCC over de wijze waarop de "
    "bijstand geleverd wordt."
)
KORPSCHEF_UITVOERING = (
    "De korpschef dient in principe uitvoering te geven aan de aanvraag en zienswijze van de "
    "(regio)burgemeester."
)
KORPSCHEF_AFWIJZEN = (
    "De korpschef kan een verzoek om bijstand van de burgemeester of de officier van justitie "
    "geheel of gedeeltelijk afwijzen."
)
VOOROVERLEG_ZONDER_TOEZEGGING = (
    "kan lokaal operationeel vooroverleg plaatsvinden om te onderzoeken of er potentiële "
    "bijstand beschikbaar is. Er kunnen geen toezeggingen gedaan worden"
)
ONDERTEKENEN_BURGEMEESTER = (
    "Het aanvraagformulier dient te worden ondertekend door of namens de burgemeester."
)
PRIMUS_INTER_PARES = (
    "Indien de noodzakelijke bijstand vooraf niet aan een specifieke locatie (gemeente) te "
    "koppelen is, kan de regioburgemeester het bijstandsverzoek als primus inter pares, indienen."
)
FORMULIER_NAAR_LOCC = "RCCB verzendt het aanvraagformulier per e-mail naar het LOCC."
AFSCHRIFT_DOC = (
    "Het verzoek wordt tegelijkertijd in afschrift gestuurd naar het Defensie Operatiecentrum "
    "(DOC) van het Ministerie van Defensie."
)
ADVIES_AAN_SG = (
    "Vanuit hun verantwoordelijkheden ten aanzien van de uit te voeren bijstand adviseren DJZ "
    "en Commandant KMar daarop de Secretaris –generaal (SG) van het Ministerie van Defensie in "
    "zijn hoedanigheid als korpsbeheerder van de KMar."
)
LOCC_BEPAALT = (
    "Namens de Minister van Veiligheid en Justitie en na overleg met de Minister van Defensie "
    "(DJZ) bepaalt het LOCC of, en zo ja, op welke wijze, bijstand wordt verleend."
)
DJZ_BESLUIT = (
    "Namens de Minister van Defensie is DJZ gemandateerd tot het nemen van het besluit tot "
    "bijstand of de afwijzing daarvan."
)
SPOED_ACHTERAF_VERZOEK = (
    "In spoedgevallen vindt het contact telefonisch plaats en wordt het verzoek achteraf "
    "geformaliseerd."
)
SPOED_ACHTERAF_SCHRIFTELIJK = (
    "In spoedgevallen vindt het contact telefonisch plaats en wordt de schriftelijke "
    "afhandeling later geformaliseerd."
)
OVJ_NAAR_COLLEGE_7 = (
    "De (hoofd)officier van justitie onder wiens leiding het opsporingsonderzoek plaatsvindt "
    "neemt contact op met (de afdeling bestuurlijke en juridische zaken van) het College van "
    "procureurs-generaal."
)
OVJ_NAAR_COLLEGE_8 = (
    "De (hoofd)officier van justitie onder wiens leiding het opsporingsonderzoek plaatsvindt, "
    "neemt contact op met (de afdeling bestuurlijke en juridische zaken van) het College van "
    "procureurs-generaal."
)
FORMULIER_DOOR_OVJ = (
    "Het aanvraagformulier is te vinden op de website van het LOCC en kan door RCCB opgemaakt "
    "worden maar dient ingezonden te worden door de betrokken (hoofd)officier van justitie "
    "vanuit het arrondissementsparket zelf en niet vanuit de politie."
)
OZI_RECHTSTREEKS = (
    "In spoedgevallen kan rechtstreeks telefonisch contact tussen de aanvragende "
    "(hoofd)officier van justitie en OZI gelegd worden."
)
UITPUTTING_TOETSEN_KORT = (
    "toetst of de Nationale politie daadwerkelijk is uitgeput en of het gewenste resultaat niet "
    "anderszins met eigen middelen kan worden bereikt."
)


def _start(p: Proces, lane: str, **velden: Veld) -> None:
    p.start(
        "start",
        "Bijstand nodig",
        lane,
        velden={"spoed": SPOED, "formalisatie_termijn": FORMALISATIE_TERMIJN, **velden},
    )


def _spoedroute(
    p: Proces,
    *,
    lane: str,
    telefoon: tuple[str, ...],
    formaliseren: tuple[str, ...],
    naar: str,
    rij: int,
) -> None:
    """Add the urgent path from ``gw_spoed`` to ``naar`` (see the module docstring)."""
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
        lane,
        *formaliseren,
        noot=FORMALISEREN_NOOT,
        optioneel=True,
        rij=rij,
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
        "LOCC",
        *formaliseren,
        noot=ESCALATIE_NOOT,
    )
    p.eind("eind_geformaliseerd", "Schriftelijk geformaliseerd", lane, rij=rij)
    p.eind("eind_escalatie_afgehandeld", "Escalatie afgehandeld", "LOCC")
    p.stroom("gw_spoed", "taak_telefonisch_contact_vastgelegd", "spoed", "spoed")
    p.keten(
        "taak_telefonisch_contact_vastgelegd",
        "gw_spoed_parallel",
        "taak_schriftelijk_formaliseren",
        "eind_geformaliseerd",
    )
    p.stroom("gw_spoed_parallel", naar)
    p.keten("timer_formalisatie", "taak_escalatie_formalisatie", "eind_escalatie_afgehandeld")


def _ondertekenen(p: Proces, *, van: str, naar: str) -> None:
    """The form signed by the burgemeester, or by the regioburgemeester as primus inter pares."""
    p.xor("gw_indiener", "Wie ondertekent?", "RCCB")
    p.taak(
        "taak_aanvraagformulier_ondertekenen",
        "Aanvraagformulier ondertekenen",
        "BURGEMEESTER",
        ONDERTEKENEN_BURGEMEESTER,
    )
    p.taak(
        "taak_aanvraagformulier_ondertekenen_regioburgemeester",
        "Aanvraagformulier ondertekenen (primus inter pares)",
        "REGIOBURGEMEESTER",
        ONDERTEKENEN_BURGEMEESTER,
        PRIMUS_INTER_PARES,
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


def _andere_eenheid(nummer: str) -> Proces:
    """Procedures 1 (openbare orde, art. 56 lid 1) and 6 (justitie, art. 56 lid 2)."""
    justitie = nummer == "6"
    indiener = "OVJ" if justitie else "BURGEMEESTER"
    if justitie:
        naam = "Procedure 6: bijstand door een andere eenheid, justitiële taken"
        intro = (
            "De Politiewet 2012 bepaalt dat de officier van justitie het verzoek om bijstand "
            "voor de strafrechtelijke handhaving van de rechtsorde en de taken ten dienste van "
            "justitie indient bij de korpschef."
        )
        verzenden = (
            "RCCB verzendt het aanvraagformulier per e-mail naar de afdeling Preparatie en "
            "Operationeel Beheer."
        )
    else:
        naam = "Procedure 1: bijstand door een andere eenheid, openbare orde"
        intro = (
            "De Politiewet 2012 bepaalt dat de burgemeester het verzoek om bijstand indient bij "
            "de korpschef."
        )
        verzenden = (
            "RCCB verzendt het aanvraagformulier per e-mail naar afdeling Preparatie en "
            "Operationeel Beheer."
        )
    p = Proces(
        id=f"procedure_{nummer}",
        naam=naam,
        lanes=["RCCB", "REGIOBURGEMEESTER", indiener, "KORPSCHEF", "LE-POB", "LOCC"],
        documentatie=f"Factsheet, toelichting {nummer}. {intro} {ZIENSWIJZE}",
    )
    _start(p, "RCCB", zienswijze_vereist=Veld("ja_nee"))
    p.xor("gw_spoed", "Spoed?", "RCCB")
    p.taak("taak_contact_le_pob", "Contact met LE-POB", "RCCB", CONTACT_LE_POB_SPOED)
    p.taak(
        "taak_aanvraagformulier_opstellen",
        "Aanvraagformulier opstellen",
        "RCCB",
        FORMULIER_OPSTELLEN,
    )
    p.xor("gw_zienswijze", "Zienswijze vereist?", "RCCB")
    p.taak(
        "taak_zienswijze_regioburgemeester",
        "Zienswijze geven",
        "REGIOBURGEMEESTER",
        ZIENSWIJZE,
        noot=(
            "Overgeslagen wanneer zienswijze_vereist onwaar is: de aanvrager is zelf de "
            "regioburgemeester (alleen procedure 1), of het is spoed (Pw 2012 art. 56 lid 3; "
            "contract, interpretatie 4)."
        ),
    )
    p.xor("gw_zienswijze_samen", "", "RCCB")
    noot_indienen = None
    if justitie:
        noot_indienen = (
            "Erratum: de factsheet noemt hier de burgemeester; Pw 2012 art. 56 lid 2 en de kop "
            "van toelichting 6 noemen de officier van justitie, die dus indient (contract, "
            "interpretatie 3)."
        )
    p.taak(
        "taak_verzoek_indienen",
        "Verzoek indienen bij de korpschef",
        indiener,
        FORMULIER_INDIENEN_KORPSCHEF,
        noot=noot_indienen,
    )
    p.taak("taak_aanvraagformulier_verzenden", "Aanvraagformulier verzenden", "RCCB", verzenden)
    p.xor("gw_spoed_samen", "", "KORPSCHEF")
    _spoedroute(
        p,
        lane="RCCB",
        telefoon=(CONTACT_LE_POB_SPOED,),
        formaliseren=(FORMULIER_OPSTELLEN, FORMULIER_INDIENEN_KORPSCHEF, verzenden),
        naar="gw_spoed_samen",
        rij=2,
    )
    p.taak(
        "taak_besluit_korpschef",
        "Besluit op het verzoek",
        "KORPSCHEF",
        intro,
        KORPSCHEF_UITVOERING,
        KORPSCHEF_AFWIJZEN,
        velden={"besluit": BESLUIT},
        noot=(
            "Bij (gedeeltelijke) afwijzing kan de aanvrager beroep instellen bij de minister: "
            "de aanroeper start dan procedure 9 (Pw 2012 art. 56 lid 4)."
        ),
    )
    p.xor("gw_besluit", "Besluit?", "KORPSCHEF")
    p.eind("eind_afgewezen", "Afgewezen: beroep mogelijk (procedure 9)", "KORPSCHEF")
    p.taak("taak_bijstand_coordineren", "Bijstand coördineren", "LE-POB", LE_POB_COORDINEERT)
    p.taak("taak_locc_informeren", "LOCC informeren", "LE-POB", LE_POB_INFORMEERT_LOCC)
    p.eind("eind", "Bijstand geregeld", "LE-POB")

    p.stroom("start", "gw_spoed")
    p.stroom("gw_spoed", "taak_contact_le_pob", "geen spoed", "not spoed")
    p.keten("taak_contact_le_pob", "taak_aanvraagformulier_opstellen", "gw_zienswijze")
    p.stroom("gw_zienswijze", "taak_zienswijze_regioburgemeester", "vereist", "zienswijze_vereist")
    p.stroom("gw_zienswijze", "gw_zienswijze_samen", "niet vereist", "not zienswijze_vereist")
    p.keten(
        "taak_zienswijze_regioburgemeester",
        "gw_zienswijze_samen",
        "taak_verzoek_indienen",
        "taak_aanvraagformulier_verzenden",
        "gw_spoed_samen",
    )
    p.keten("gw_spoed_samen", "taak_besluit_korpschef", "gw_besluit")
    p.stroom("gw_besluit", "eind_afgewezen", "afgewezen", 'besluit == "afgewezen"')
    p.stroom(
        "gw_besluit", "taak_bijstand_coordineren", "(deels) toegekend", 'besluit != "afgewezen"'
    )
    p.keten("taak_bijstand_coordineren", "taak_locc_informeren", "eind")
    return p


def _waterwerper() -> Proces:
    """Procedure 2, water cannons of the Ministry (toelichting 2)."""
    contact = (
        "Voor inzet van een waterwerper (ook bij oefeningen) neemt RCCB contact op met het LOCC. "
        "Bij spoed kan dit 24 uur per dag."
    )
    toetst = (
        "Het LOCC toetst de aanvraag, legt contact met de beheersorganisatie en coördineert de "
        "verdere inzet met RCCB."
    )
    formulier = "RCCB stuurt (bij spoed achteraf) een aanvraagformulier per e-mail naar het LOCC."
    gezag = (
        "Bij een daadwerkelijke inzet moet uit het aanvraagformulier blijken wie het bevoegd "
        "gezag is."
    )
    p = Proces(
        id="procedure_2_waterwerper",
        naam="Procedure 2: middelen JenV, waterwerper",
        lanes=["RCCB", "LOCC"],
        documentatie=(
            "Factsheet, toelichting 2. Inzet van een waterwerper van het Ministerie van "
            "Veiligheid en Justitie (beheerd door IFV-ML), ook voor een oefening."
        ),
    )
    _start(p, "RCCB", oefening=Veld("ja_nee", standaard=False))
    p.xor("gw_spoed", "Spoed?", "RCCB")
    p.taak("taak_contact_locc", "Contact met het LOCC", "RCCB", contact)
    p.xor("gw_spoed_samen", "", "LOCC")
    _spoedroute(
        p,
        lane="RCCB",
        telefoon=(contact,),
        formaliseren=(formulier, gezag),
        naar="gw_spoed_samen",
        rij=2,
    )
    p.taak(
        "taak_aanvraag_toetsen",
        "Aanvraag toetsen",
        "LOCC",
        toetst,
        velden={"besluit": BESLUIT},
        noot="Het LOCC beslist over de inzet (contract, interpretatie 6).",
    )
    p.xor("gw_besluit", "Besluit?", "LOCC")
    p.eind("eind_afgewezen", "Afgewezen", "LOCC")
    p.taak("taak_inzet_coordineren", "Beheersorganisatie en inzet coördineren", "LOCC", toetst)
    p.xor("gw_formulier", "Formulier nog te sturen?", "LOCC")
    p.xor("gw_oefening", "Oefening?", "RCCB")
    p.taak(
        "taak_aanvraagformulier_verzenden",
        "Aanvraagformulier verzenden (met bevoegd gezag)",
        "RCCB",
        formulier,
        gezag,
        velden={"bevoegd_gezag": Veld("keuze", ("burgemeester", "officier_van_justitie"))},
    )
    p.taak(
        "taak_aanvraagformulier_oefening_verzenden",
        "Aanvraagformulier verzenden (oefening)",
        "RCCB",
        formulier,
        "Bij een oefening is dat niet nodig.",
    )
    p.xor("gw_oefening_samen", "", "RCCB")
    p.eind("eind", "Inzet geregeld", "RCCB")
    p.eind("eind_spoed", "Inzet geregeld, formulier achteraf", "LOCC")

    p.stroom("start", "gw_spoed")
    p.stroom("gw_spoed", "taak_contact_locc", "geen spoed", "not spoed")
    p.keten("taak_contact_locc", "gw_spoed_samen", "taak_aanvraag_toetsen", "gw_besluit")
    p.stroom("gw_besluit", "eind_afgewezen", "afgewezen", 'besluit == "afgewezen"')
    p.stroom("gw_besluit", "taak_inzet_coordineren", "(deels) toegekend", 'besluit != "afgewezen"')
    p.stroom("taak_inzet_coordineren", "gw_formulier")
    p.stroom("gw_formulier", "eind_spoed", "spoed: formulier achteraf", "spoed")
    p.stroom("gw_formulier", "gw_oefening", "geen spoed", "not spoed")
    p.stroom(
        "gw_oefening", "taak_aanvraagformulier_verzenden", "daadwerkelijke inzet", "not oefening"
    )
    p.stroom("gw_oefening", "taak_aanvraagformulier_oefening_verzenden", "oefening", "oefening")
    p.stroom("taak_aanvraagformulier_verzenden", "gw_oefening_samen")
    p.stroom("taak_aanvraagformulier_oefening_verzenden", "gw_oefening_samen")
    p.stroom("gw_oefening_samen", "eind")
    return p


def _container_vrt() -> Proces:
    """Procedure 2, guard containers and VRT vehicles (toelichting 2); no urgent path."""
    p = Proces(
        id="procedure_2_container_vrt",
        naam="Procedure 2: middelen JenV, bewakingscontainers en VRT-voertuigen",
        lanes=["RCCB", "NCTV-DB3"],
        documentatie=(
            "Factsheet, toelichting 2. Inzet van bewakingscontainers of voertuigen voor "
            "verscherpt rijdend toezicht (VRT). De factsheet noemt hier geen spoedroute en geen "
            "formulier: de piketambtenaar van DB3 is het contact; spoed verandert de route niet."
        ),
    )
    _start(p, "RCCB")
    p.taak(
        "taak_contact_db3",
        "Contact met piket DB3",
        "RCCB",
        "Voor inzet van bewakingscontainers of VRT- voertuigen neemt RCCB contact op met de "
        "piketambtenaar van de directie Bewaken, Beveiligen en Burgerluchtvaart (DB3) van de "
        "NCTV.",
    )
    p.taak(
        "taak_inzet_toetsen",
        "Inzet toetsen en toestemming geven",
        "NCTV-DB3",
        "DB3 toetst de inzet en verstrekt (al dan niet) toestemming tot inzet aan RCCB, in "
        "afschrift aan de beheersorganisatie.",
        velden={"besluit": BESLUIT},
    )
    p.xor("gw_besluit", "Toestemming?", "NCTV-DB3")
    p.eind("eind_afgewezen", "Geen toestemming", "NCTV-DB3")
    p.taak(
        "taak_contact_beheersorganisatie",
        "Contact met de beheersorganisatie",
        "RCCB",
        "RCCB neemt zelf contact op met de beheersorganisatie.",
    )
    p.eind("eind", "Inzet geregeld", "RCCB")
    p.keten("start", "taak_contact_db3", "taak_inzet_toetsen", "gw_besluit")
    p.stroom("gw_besluit", "eind_afgewezen", "afgewezen", 'besluit == "afgewezen"')
    p.stroom(
        "gw_besluit",
        "taak_contact_beheersorganisatie",
        "(deels) toegekend",
        'besluit != "afgewezen"',
    )
    p.stroom("taak_contact_beheersorganisatie", "eind")
    return p


def _kmar_openbare_orde() -> Proces:
    """Procedure 3: KMar, openbare orde (art. 57 lid 1)."""
    vooroverleg_locc = (
        "Vanuit de eenheid die bijstand nodig heeft, neemt RCCB contact op met het LOCC voor "
        "informeel vooroverleg. Bij spoed kan dit 24 uur per dag."
    )
    p = Proces(
        id="procedure_3",
        naam="Procedure 3: bijstand door de KMar, openbare orde",
        lanes=["RCCB", "BURGEMEESTER", "REGIOBURGEMEESTER", "LOCC", "DJZ", "C-KMAR"],
        documentatie=(
            "Factsheet, toelichting 3 (Pw 2012 art. 57 lid 1). De burgemeester is "
            "verantwoordelijk voor de handhaving van de openbare orde. Hij bepaalt of bijstand "
            "van de KMar wenselijk is."
        ),
    )
    _start(p, "RCCB", indiener=INDIENER)
    p.xor("gw_spoed", "Spoed?", "RCCB")
    p.taak(
        "taak_vooroverleg_ccb_kmar",
        "Lokaal operationeel vooroverleg met CCB-KMar",
        "RCCB",
        "Tussen RCCB van de vragende eenheid en CCB-KMar of andere betrokken KMar eenheid "
        + VOOROVERLEG_ZONDER_TOEZEGGING
        + ".",
        optioneel=True,
    )
    p.taak("taak_vooroverleg_locc", "Informeel vooroverleg met het LOCC", "RCCB", vooroverleg_locc)
    p.taak(
        "taak_aanvraagformulier_opstellen",
        "Aanvraagformulier opstellen",
        "RCCB",
        FORMULIER_OPSTELLEN,
    )
    p.taak(
        "taak_aanvraagformulier_verzenden",
        "Aanvraagformulier verzenden",
        "RCCB",
        FORMULIER_NAAR_LOCC,
    )
    p.xor("gw_spoed_samen", "", "LOCC")
    _ondertekenen(
        p, van="taak_aanvraagformulier_opstellen", naar="taak_aanvraagformulier_verzenden"
    )
    _spoedroute(
        p,
        lane="RCCB",
        telefoon=(vooroverleg_locc, SPOED_ACHTERAF_VERZOEK),
        formaliseren=(
            SPOED_ACHTERAF_VERZOEK,
            FORMULIER_OPSTELLEN,
            ONDERTEKENEN_BURGEMEESTER,
            FORMULIER_NAAR_LOCC,
        ),
        naar="gw_spoed_samen",
        rij=2,
    )
    p.taak(
        "taak_aanvraag_verwerken",
        "Aanvraag verwerken in overzichten",
        "LOCC",
        "Het LOCC verwerkt de aanvraag in haar capaciteitenoverzichten en indien noodzakelijk in "
        "het multidisciplinair landelijk operationeel beeld.",
    )
    p.taak("taak_aanvraag_toetsen", "Aanvraag toetsen", "LOCC", "Het LOCC toetst de aanvraag.")
    p.taak(
        "taak_korpschef_informeren",
        "Korpschef informeren via LE-POB",
        "LOCC",
        "Het LOCC informeert de korpschef van politie, door tussenkomst van de afdeling "
        "Preparatie en Operationeel Beheer van de landelijke eenheid.",
    )
    p.taak(
        "taak_vooroverleg_dops_kmar",
        "Informeel vooroverleg met DOPS-KMar",
        "LOCC",
        "Het LOCC neemt contact op met Directie Operaties KMar (DOPS-KMar) en heeft informeel "
        "vooroverleg.",
    )
    verzoek = (
        "Het LOCC richt een verzoek om bijstand aan de Directie Juridische Zaken (DJZ) van het "
        "Ministerie van Defensie en aan DOPS-KMar."
    )
    p.en("gw_verzoek", "Verzoek en afschrift tegelijk", "LOCC")
    p.taak("taak_verzoek_djz", "Verzoek aan DJZ", "LOCC", verzoek)
    p.taak("taak_verzoek_dops_kmar", "Verzoek aan DOPS-KMar", "LOCC", verzoek)
    p.taak("taak_afschrift_doc", "Afschrift aan DOC", "LOCC", AFSCHRIFT_DOC)
    p.en("gw_verzoek_samen", "", "LOCC")
    p.en("gw_advies", "Advies aan de SG", "DJZ")
    p.taak("taak_advies_djz", "Advies aan de SG", "DJZ", ADVIES_AAN_SG)
    p.taak("taak_advies_c_kmar", "Advies aan de SG", "C-KMAR", ADVIES_AAN_SG)
    p.en("gw_advies_samen", "", "DJZ")
    p.taak(
        "taak_standpunt_defensie",
        "LOCC informeren over het standpunt van Defensie",
        "DJZ",
        "DJZ informeert het LOCC namens de SG over het standpunt van het Ministerie van Defensie.",
    )
    p.taak("taak_besluit_locc", "Besluit", "LOCC", LOCC_BEPAALT, velden={"besluit": BESLUIT})
    p.taak(
        "taak_rccb_informeren",
        "RCCB informeren en in verbinding brengen",
        "LOCC",
        "Het LOCC informeert het RCCB en brengt, indien nog noodzakelijk, RCCB en CCB-KMar met "
        "elkaar in verbinding.",
    )
    p.eind("eind", "Afgehandeld", "LOCC")

    p.stroom("start", "gw_spoed")
    p.stroom("gw_spoed", "taak_vooroverleg_ccb_kmar", "geen spoed", "not spoed")
    p.keten(
        "taak_vooroverleg_ccb_kmar", "taak_vooroverleg_locc", "taak_aanvraagformulier_opstellen"
    )
    p.stroom("taak_aanvraagformulier_verzenden", "gw_spoed_samen")
    p.keten(
        "gw_spoed_samen",
        "taak_aanvraag_verwerken",
        "taak_aanvraag_toetsen",
        "taak_korpschef_informeren",
        "taak_vooroverleg_dops_kmar",
        "gw_verzoek",
    )
    for taak in ("taak_verzoek_djz", "taak_verzoek_dops_kmar", "taak_afschrift_doc"):
        p.keten("gw_verzoek", taak, "gw_verzoek_samen")
    p.stroom("gw_verzoek_samen", "gw_advies")
    for taak in ("taak_advies_djz", "taak_advies_c_kmar"):
        p.keten("gw_advies", taak, "gw_advies_samen")
    p.keten(
        "gw_advies_samen",
        "taak_standpunt_defensie",
        "taak_besluit_locc",
        "taak_rccb_informeren",
        "eind",
    )
    return p


def _krijgsmacht_openbare_orde() -> Proces:
    """Procedure 4: other parts of the armed forces, openbare orde (art. 58 lid 1)."""
    p = Proces(
        id="procedure_4",
        naam="Procedure 4: bijstand door de krijgsmacht, openbare orde",
        lanes=["RCCB", "BURGEMEESTER", "REGIOBURGEMEESTER", "LE-POB", "LOCC", "DJZ"],
        documentatie=(
            "Factsheet, toelichting 4 (Pw 2012 art. 58 lid 1). De burgemeester is "
            "verantwoordelijk voor de handhaving van de openbare orde. Hij bepaalt of bijstand "
            "van de krijgsmacht wenselijk is."
        ),
    )
    contact = (
        "Vanuit de eenheid die bijstand nodig heeft, neemt RCCB contact op met de afdeling "
        "Preparatie en Operationeel Beheer."
    )
    _start(p, "RCCB", indiener=INDIENER)
    p.xor("gw_spoed", "Spoed?", "RCCB")
    p.taak(
        "taak_vooroverleg_ovr",
        "Lokaal operationeel vooroverleg met de OVR",
        "RCCB",
        "Tussen RCCB van de vragende eenheid en de Officier Veiligheidsregio (OVR) in de eenheid "
        "waar bijstand nodig is, " + VOOROVERLEG_ZONDER_TOEZEGGING + ".",
        optioneel=True,
    )
    p.taak("taak_contact_le_pob", "Contact met LE-POB", "RCCB", contact)
    p.xor("gw_spoed_samen", "", "LE-POB")
    _spoedroute(
        p,
        lane="RCCB",
        telefoon=(contact, SPOED_ACHTERAF_SCHRIFTELIJK),
        formaliseren=(
            SPOED_ACHTERAF_SCHRIFTELIJK,
            FORMULIER_OPSTELLEN,
            ONDERTEKENEN_BURGEMEESTER,
            FORMULIER_NAAR_LOCC,
        ),
        naar="gw_spoed_samen",
        rij=2,
    )
    p.taak(
        "taak_uitputting_toetsen",
        "Uitputting politie toetsen",
        "LE-POB",
        "Deze " + UITPUTTING_TOETSEN_KORT,
    )
    p.taak(
        "taak_toestemming_geven",
        "Toestemming geven, RCCB en LOCC informeren",
        "LE-POB",
        "De afdeling Preparatie en Operationeel Beheer geeft toestemming tot aanvragen van "
        "militaire bijstand en informeert RCCB en LOCC.",
        velden={"toestemming": JA_NEE},
    )
    p.xor("gw_toestemming", "Toestemming?", "LE-POB")
    p.eind("eind_geen_toestemming", "Geen toestemming", "LE-POB")
    p.xor("gw_formulier", "Spoed?", "RCCB")
    p.taak(
        "taak_aanvraagformulier_opstellen",
        "Aanvraagformulier opstellen",
        "RCCB",
        FORMULIER_OPSTELLEN,
    )
    p.taak(
        "taak_aanvraagformulier_verzenden",
        "Aanvraagformulier verzenden",
        "RCCB",
        FORMULIER_NAAR_LOCC,
    )
    p.xor("gw_formulier_samen", "", "LOCC")
    _ondertekenen(
        p, van="taak_aanvraagformulier_opstellen", naar="taak_aanvraagformulier_verzenden"
    )
    p.taak(
        "taak_aanvraag_verwerken",
        "Aanvraag verwerken in overzichten",
        "LOCC",
        "Het LOCC verwerkt de aanvraag in haar capaciteitsoverzichten en indien noodzakelijk in "
        "het multidisciplinair landelijk operationeel beeld.",
    )
    p.taak(
        "taak_aanvraag_toetsen",
        "Aanvraag toetsen",
        "LOCC",
        "Het LOCC toetst de aanvraag, onder andere om de noodzaak voor inzet van de krijgsmacht "
        "vast te stellen.",
    )
    p.taak(
        "taak_korpschef_informeren",
        "Korpschef informeren via LE-POB",
        "LOCC",
        "Het LOCC informeert de korpschef van politie, door tussenkomst van de afdeling "
        "Preparatie en Operationeel Beheer.",
    )
    p.en("gw_verzoek", "Verzoek en afschrift tegelijk", "LOCC")
    p.taak(
        "taak_verzoek_djz",
        "Verzoek aan DJZ",
        "LOCC",
        "Het LOCC richt een verzoek om bijstand aan de Directie Juridische Zaken (DJZ) van het "
        "Ministerie van Defensie.",
    )
    p.taak("taak_afschrift_doc", "Afschrift aan DOC", "LOCC", AFSCHRIFT_DOC)
    p.en("gw_verzoek_samen", "", "LOCC")
    p.taak(
        "taak_besluit_defensie",
        "Besluit namens de Minister van Defensie",
        "DJZ",
        DJZ_BESLUIT,
        velden={"besluit_defensie": BESLUIT},
    )
    p.taak(
        "taak_besluit_defensie_informeren",
        "LOCC informeren over het besluit",
        "DJZ",
        "DJZ informeert het LOCC over het genomen besluit.",
    )
    p.taak("taak_besluit_locc", "Besluit", "LOCC", LOCC_BEPAALT, velden={"besluit": BESLUIT})
    p.taak(
        "taak_rccb_informeren",
        "RCCB informeren, operationele contacten leggen",
        "LOCC",
        "Het LOCC informeert het RCCB en legt indien noodzakelijk de operationele contacten, al "
        "dan niet via de Officier Veiligheidsregio (OVR), binnen de aanvragende eenheid.",
    )
    p.eind("eind", "Afgehandeld", "LOCC")

    p.stroom("start", "gw_spoed")
    p.stroom("gw_spoed", "taak_vooroverleg_ovr", "geen spoed", "not spoed")
    p.keten("taak_vooroverleg_ovr", "taak_contact_le_pob", "gw_spoed_samen")
    p.keten("gw_spoed_samen", "taak_uitputting_toetsen", "taak_toestemming_geven", "gw_toestemming")
    p.stroom("gw_toestemming", "eind_geen_toestemming", "nee", "not toestemming")
    p.stroom("gw_toestemming", "gw_formulier", "ja", "toestemming")
    p.stroom("gw_formulier", "taak_aanvraagformulier_opstellen", "geen spoed", "not spoed")
    p.stroom("gw_formulier", "gw_formulier_samen", "spoed: formulier achteraf", "spoed")
    p.stroom("taak_aanvraagformulier_verzenden", "gw_formulier_samen")
    p.keten(
        "gw_formulier_samen",
        "taak_aanvraag_verwerken",
        "taak_aanvraag_toetsen",
        "taak_korpschef_informeren",
        "gw_verzoek",
    )
    for taak in ("taak_verzoek_djz", "taak_afschrift_doc"):
        p.keten("gw_verzoek", taak, "gw_verzoek_samen")
    p.keten(
        "gw_verzoek_samen",
        "taak_besluit_defensie",
        "taak_besluit_defensie_informeren",
        "taak_besluit_locc",
        "taak_rccb_informeren",
        "eind",
    )
    return p


def _buitenland() -> Proces:
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
    p = Proces(
        id="procedure_5",
        naam="Procedure 5: bijstand door een buitenlandse politiedienst, openbare orde",
        lanes=["RCCB", "LE-POB", "LOCC"],
        documentatie=(
            "Factsheet, toelichting 5. Diverse verdragen maken het mogelijk dat buitenlandse "
            "politie-eenheden in Nederland bijstand verlenen."
        ),
    )
    _start(p, "RCCB")
    p.xor("gw_spoed", "Spoed?", "RCCB")
    p.taak("taak_contact_le_pob", "Contact met LE-POB", "RCCB", contact)
    p.xor("gw_spoed_samen", "", "LE-POB")
    _spoedroute(
        p,
        lane="RCCB",
        telefoon=(
            "Neem contact op met afdeling Preparatie en Operationeel Beheer, bij spoed 24/7",
        ),
        formaliseren=(naar_locc,),
        naar="gw_spoed_samen",
        rij=2,
    )
    p.taak("taak_contact_locc", "Contact met het LOCC", "LE-POB", naar_locc)
    p.taak(
        "taak_besluit_locc",
        "Coördineren, formaliseren en besluiten",
        "LOCC",
        naar_locc,
        velden={"besluit": BESLUIT},
        noot="Het LOCC beslist (contract, interpretatie 9).",
    )
    p.eind("eind", "Afgehandeld", "LOCC")
    p.stroom("start", "gw_spoed")
    p.stroom("gw_spoed", "taak_contact_le_pob", "geen spoed", "not spoed")
    p.keten(
        "taak_contact_le_pob", "gw_spoed_samen", "taak_contact_locc", "taak_besluit_locc", "eind"
    )
    return p


def _parket_generaal(p: Proces, *, citaat_ovj: str, geleid: str) -> None:
    """The request of the officier van justitie through the Parket-Generaal (7 and 8)."""
    p.taak(
        "taak_aanvraag_parket_generaal",
        "Aanvraag via het College van PG's",
        "OVJ",
        citaat_ovj,
        FORMULIER_DOOR_OVJ,
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


def _kmar_justitie() -> Proces:
    """Procedure 7: KMar, justitiële taken (art. 57 lid 1)."""
    p = Proces(
        id="procedure_7",
        naam="Procedure 7: bijstand door de KMar, justitiële taken",
        lanes=["RCCB", "OVJ", "LE-POB", "PARKET-GENERAAL", "OZI", "DJZ", "C-KMAR", "LOCC"],
        documentatie=(
            "Factsheet, toelichting 7 (Pw 2012 art. 57 lid 1). De officier van justitie is "
            "verantwoordelijk voor de strafrechtelijke handhaving van de rechtsorde en de taken "
            "ten dienste van justitie. Hij bepaalt of bijstand van de KMar wenselijk is."
        ),
    )
    geleid = (
        "De aanvraag wordt vervolgens, indien ondersteund door het College, door het "
        "Parket-Generaal geleid naar de afdeling Operationele Zaken en Incidentenmanagement (OZI) "
        "van het Ministerie van Veiligheid en Justitie."
    )
    _start(p, "RCCB")
    p.xor("gw_spoed", "Spoed?", "RCCB")
    p.taak(
        "taak_vooroverleg_ccb_kmar",
        "Lokaal operationeel vooroverleg met CCB-KMar",
        "RCCB",
        "Tussen RCCB van de vragende eenheid en CCB-KMar of andere betrokken KMar eenheid, "
        + VOOROVERLEG_ZONDER_TOEZEGGING,
        optioneel=True,
    )
    p.xor("gw_spoed_samen", "", "RCCB")
    _spoedroute(
        p,
        lane="OVJ",
        telefoon=(OZI_RECHTSTREEKS,),
        formaliseren=(SPOED_ACHTERAF_SCHRIFTELIJK, OVJ_NAAR_COLLEGE_7, FORMULIER_DOOR_OVJ),
        naar="gw_spoed_samen",
        rij=1,
    )
    p.taak(
        "taak_le_pob_informeren",
        "LE-POB informeren over de voorgenomen aanvraag",
        "RCCB",
        "Vanuit de eenheid die bijstand nodig heeft, neemt RCCB contact op met de afdeling "
        "Preparatie en Operationeel Beheer om te informeren over de voorgenomen bijstands "
        "aanvraag.",
    )
    p.xor("gw_parket", "Spoed?", "RCCB")
    p.xor("gw_parket_samen", "", "LE-POB")
    p.taak(
        "taak_korpschef_informeren",
        "Korpschef informeren",
        "LE-POB",
        "De politie informeert in de eigen lijn de korpschef over de te ontvangen bijstand, door "
        "tussenkomst van de afdeling Preparatie en Operationeel Beheer.",
    )
    p.xor("gw_doorgeleiden", "Spoed?", "LE-POB")
    _parket_generaal(p, citaat_ovj=OVJ_NAAR_COLLEGE_7, geleid=geleid)
    p.xor("gw_doorgeleiden_samen", "", "OZI")
    verzoek = (
        "OZI richt een schriftelijk en gespecificeerd verzoek om bijstand aan de Directie "
        "Juridische Zaken (DJZ) van het Ministerie van Defensie en aan Directie Operaties KMar "
        "(DOPS-KMar)."
    )
    p.en("gw_verzoek", "Verzoek en afschrift tegelijk", "OZI")
    p.taak("taak_verzoek_djz", "Verzoek aan DJZ", "OZI", verzoek)
    p.taak("taak_verzoek_dops_kmar", "Verzoek aan DOPS-KMar", "OZI", verzoek)
    p.taak("taak_afschrift_doc", "Afschrift aan DOC", "OZI", AFSCHRIFT_DOC)
    p.en("gw_verzoek_samen", "", "OZI")
    p.en("gw_advies", "Advies aan de SG", "DJZ")
    p.taak("taak_advies_djz", "Advies aan de SG", "DJZ", ADVIES_AAN_SG)
    p.taak("taak_advies_c_kmar", "Advies aan de SG", "C-KMAR", ADVIES_AAN_SG)
    p.en("gw_advies_samen", "", "DJZ")
    p.taak(
        "taak_besluit_ozi",
        "Besluit",
        "OZI",
        "Namens de Minister van Veiligheid en Justitie en na overleg met de Minister van Defensie "
        "(DJZ) bepaalt OZI of, en zo ja, op welke wijze, bijstand wordt verleend.",
        velden={"besluit": BESLUIT},
    )
    p.eind("eind", "Afgehandeld", "OZI")

    p.stroom("start", "gw_spoed")
    p.stroom("gw_spoed", "taak_vooroverleg_ccb_kmar", "geen spoed", "not spoed")
    p.keten("taak_vooroverleg_ccb_kmar", "gw_spoed_samen", "taak_le_pob_informeren", "gw_parket")
    p.stroom("gw_parket", "taak_aanvraag_parket_generaal", "geen spoed", "not spoed")
    p.stroom("gw_parket", "gw_parket_samen", "spoed: rechtstreeks met OZI", "spoed")
    p.keten("taak_aanvraag_parket_generaal", "gw_parket_samen", "taak_korpschef_informeren")
    p.stroom("taak_korpschef_informeren", "gw_doorgeleiden")
    p.stroom("gw_doorgeleiden", "taak_aanvraag_doorgeleiden", "geen spoed", "not spoed")
    p.stroom("gw_doorgeleiden", "gw_doorgeleiden_samen", "spoed", "spoed")
    p.stroom("taak_aanvraag_doorgeleiden", "gw_ondersteund")
    p.stroom("gw_ondersteund", "eind_niet_ondersteund", "nee", "not ondersteund")
    p.stroom("gw_ondersteund", "gw_doorgeleiden_samen", "ja", "ondersteund")
    p.stroom("gw_doorgeleiden_samen", "gw_verzoek")
    for taak in ("taak_verzoek_djz", "taak_verzoek_dops_kmar", "taak_afschrift_doc"):
        p.keten("gw_verzoek", taak, "gw_verzoek_samen")
    p.stroom("gw_verzoek_samen", "gw_advies")
    for taak in ("taak_advies_djz", "taak_advies_c_kmar"):
        p.keten("gw_advies", taak, "gw_advies_samen")
    p.keten("gw_advies_samen", "taak_besluit_ozi", "eind")
    return p


def _krijgsmacht_justitie() -> Proces:
    """Procedure 8: other parts of the armed forces, justitiële taken (art. 58 lid 1)."""
    p = Proces(
        id="procedure_8",
        naam="Procedure 8: bijstand door de krijgsmacht, justitiële taken",
        lanes=["RCCB", "LE-POB", "OVJ", "PARKET-GENERAAL", "OZI", "DJZ", "LOCC"],
        documentatie=(
            "Factsheet, toelichting 8 (Pw 2012 art. 58 lid 1). De officier van justitie is "
            "verantwoordelijk voor de strafrechtelijke handhaving van de rechtsorde en de taken "
            "ten dienste van justitie. Hij bepaalt of bijstand van de krijgsmacht wenselijk is. "
            "Met een convenant (voetnoot 4) volgt alleen het informeren van de korpsleiding."
        ),
    )
    geleid = (
        "De aanvraag wordt vervolgens, indien ondersteund door het College, door het "
        "Parket-Generaal geleid aan de afdeling Operationele Zaken en Incidentenmanagement (OZI) "
        "van het Ministerie van Veiligheid en Justitie."
    )
    _start(p, "RCCB", convenant=Veld("ja_nee", standaard=False))
    p.xor("gw_convenant", "Convenant?", "RCCB")
    p.taak(
        "taak_korpsleiding_informeren",
        "Korpsleiding informeren (convenant)",
        "LE-POB",
        "Op basis van zo'n convenant hoeft niet de gehele procedure gevolgd te worden.",
        "Wel dient in de politielijn te allen tijde de korpsleiding geïnformeerd te worden over "
        "inzet van de krijgsmacht ten behoeve van politietaken, door tussenkomst van afdeling "
        "Preparatie en Operationeel Beheer.",
        noot="De verdere route volgt het convenant, buiten deze applicatie (contract, "
        "interpretatie 10).",
    )
    p.eind("eind_convenant", "Korpsleiding geïnformeerd", "LE-POB")
    p.xor("gw_spoed", "Spoed?", "RCCB")
    p.xor("gw_spoed_samen", "", "RCCB")
    _spoedroute(
        p,
        lane="OVJ",
        telefoon=(SPOED_ACHTERAF_SCHRIFTELIJK,),
        formaliseren=(SPOED_ACHTERAF_SCHRIFTELIJK, OVJ_NAAR_COLLEGE_8, FORMULIER_DOOR_OVJ),
        naar="gw_spoed_samen",
        rij=1,
    )
    p.taak(
        "taak_contact_le_pob",
        "Contact met LE-POB",
        "RCCB",
        "Vanuit de eenheid die bijstand nodig heeft, neemt RCCB contact op met de afdeling "
        "Preparatie en Operationeel Beheer.",
    )
    p.taak(
        "taak_uitputting_toetsen",
        "Uitputting politie toetsen",
        "LE-POB",
        "Deze afdeling " + UITPUTTING_TOETSEN_KORT,
    )
    p.taak(
        "taak_rccb_locc_informeren",
        "RCCB en LOCC informeren",
        "LE-POB",
        "De afdeling Preparatie en Operationeel Beheer informeert RCCB en LOCC.",
    )
    p.xor("gw_parket", "Spoed?", "LE-POB")
    _parket_generaal(p, citaat_ovj=OVJ_NAAR_COLLEGE_8, geleid=geleid)
    p.xor("gw_parket_samen", "", "OZI")
    p.en("gw_verzoek", "Verzoek en afschrift tegelijk", "OZI")
    p.taak(
        "taak_verzoek_djz",
        "Verzoek aan DJZ",
        "OZI",
        "OZI richt een schriftelijk en gespecificeerd verzoek om bijstand aan Directie "
        "Juridische Zaken (DJZ) van het Ministerie van Defensie.",
    )
    p.taak("taak_afschrift_doc", "Afschrift aan DOC", "OZI", AFSCHRIFT_DOC)
    p.en("gw_verzoek_samen", "", "OZI")
    p.taak(
        "taak_besluit_defensie",
        "Besluit namens de Minister van Defensie",
        "DJZ",
        DJZ_BESLUIT,
        velden={"besluit_defensie": BESLUIT},
    )
    p.taak(
        "taak_besluit_defensie_informeren",
        "OZI informeren over het besluit",
        "DJZ",
        "DJZ informeert OZI over het genomen besluit.",
    )
    p.taak(
        "taak_besluit_ozi",
        "Besluit",
        "OZI",
        "Namens de Minister van Veiligheid en Justitie en in overeenstemming met de Minister van "
        "Defensie (DJZ) bepaalt OZI of, en zo ja, op welke wijze, bijstand wordt verleend.",
        velden={"besluit": BESLUIT},
    )
    p.eind("eind", "Afgehandeld", "OZI")

    p.stroom("start", "gw_convenant")
    p.stroom("gw_convenant", "taak_korpsleiding_informeren", "convenant", "convenant")
    p.stroom("taak_korpsleiding_informeren", "eind_convenant")
    p.stroom("gw_convenant", "gw_spoed", "geen convenant", "not convenant")
    p.stroom("gw_spoed", "gw_spoed_samen", "geen spoed", "not spoed")
    p.keten(
        "gw_spoed_samen",
        "taak_contact_le_pob",
        "taak_uitputting_toetsen",
        "taak_rccb_locc_informeren",
        "gw_parket",
    )
    p.stroom("gw_parket", "taak_aanvraag_parket_generaal", "geen spoed", "not spoed")
    p.stroom("gw_parket", "gw_parket_samen", "spoed: rechtstreeks met OZI", "spoed")
    p.keten("taak_aanvraag_parket_generaal", "taak_aanvraag_doorgeleiden", "gw_ondersteund")
    p.stroom("gw_ondersteund", "eind_niet_ondersteund", "nee", "not ondersteund")
    p.stroom("gw_ondersteund", "gw_parket_samen", "ja", "ondersteund")
    p.stroom("gw_parket_samen", "gw_verzoek")
    for taak in ("taak_verzoek_djz", "taak_afschrift_doc"):
        p.keten("gw_verzoek", taak, "gw_verzoek_samen")
    p.keten(
        "gw_verzoek_samen",
        "taak_besluit_defensie",
        "taak_besluit_defensie_informeren",
        "taak_besluit_ozi",
        "eind",
    )
    return p


def _afwijzing_en_beroep() -> Proces:
    """Procedure 9: (partial) rejection by the korpschef and appeal (art. 56 lid 4)."""
    p = Proces(
        id="procedure_9",
        naam="Procedure 9: afwijzing door de korpschef en beroep bij de minister",
        lanes=["KORPSCHEF", "BURGEMEESTER", "OVJ", "DGPOL", "MINISTER-JENV"],
        documentatie=(
            "Factsheet, toelichting 9 (Pw 2012 art. 56 lid 4). "
            + KORPSCHEF_UITVOERING
            + " Kan of wil de korpschef het verzoek om zwaarwegende redenen niet honoreren, dan "
            "kan de burgemeester of hoofdofficier van justitie beroep instellen bij de minister. "
            "Deze kan de korpschef een aanwijzing geven. Gestart na een (gedeeltelijke) "
            "afwijzing in procedure 1 of 6."
        ),
    )
    p.start(
        "start",
        "Verzoek (deels) afgewezen",
        "KORPSCHEF",
        citaten=(KORPSCHEF_AFWIJZEN,),
        noot="Dit besluit is genomen in procedure 1 of 6 (taak_besluit_korpschef).",
        velden={
            "spoed": SPOED,
            "formalisatie_termijn": FORMALISATIE_TERMIJN,
            "aanvrager": Veld("keuze", ("burgemeester", "officier_van_justitie")),
        },
    )
    p.en("gw_afwijzing", "Afwijzing en afschrift tegelijk", "KORPSCHEF")
    p.taak(
        "taak_afwijzing_aanvrager",
        "Afwijzing schriftelijk aan de aanvrager",
        "KORPSCHEF",
        "Een dergelijke afwijzing geschiedt schriftelijk, met reden omkleedt aan de aanvrager.",
    )
    p.taak(
        "taak_afschrift_dgpol",
        "Afschrift aan DGPOL",
        "KORPSCHEF",
        "Een afschrift van deze afwijzing wordt gelijktijdig gezonden aan het Directoraat "
        "Generaal Politie (DGPOL) van het Ministerie van Veiligheid en Justitie.",
    )
    p.en("gw_afwijzing_samen", "", "KORPSCHEF")
    beroep = (
        "De burgemeester of de officier van justitie kan de Minister van Veiligheid en Justitie "
        "verzoeken de korpschef op te dragen alsnog in de gevraagde bijstand te voorzien."
    )
    p.xor("gw_aanvrager", "Aanvrager?", "KORPSCHEF")
    p.taak(
        "taak_beroep_burgemeester",
        "Beroep bij de minister?",
        "BURGEMEESTER",
        beroep,
        velden={"beroep_ingesteld": JA_NEE},
    )
    p.taak(
        "taak_beroep_ovj",
        "Beroep bij de minister?",
        "OVJ",
        beroep,
        velden={"beroep_ingesteld": JA_NEE},
    )
    p.xor("gw_aanvrager_samen", "", "DGPOL")
    p.xor("gw_beroep", "Beroep ingesteld?", "DGPOL")
    p.eind("eind_geen_beroep", "Geen beroep", "DGPOL")
    p.taak(
        "taak_advies_dgpol",
        "Advies aan de minister",
        "DGPOL",
        "DGPOL adviseert de Minister van Veiligheid en Justitie over dit verzoek en over de "
        "consequenties van herverdeling van politiecapaciteiten indien alsnog aan het "
        "bijstandsverzoek wordt voldaan.",
    )
    p.taak(
        "taak_besluit_minister",
        "Besluit, aanwijzing aan de korpschef",
        "MINISTER-JENV",
        "Indien de Minister van Veiligheid en Justitie tot het oordeel komt dat alsnog aan het "
        "bijstandsverzoek moet worden voldaan, dan geeft hij daartoe de nodige aanwijzingen aan "
        "de korpschef.",
        velden={"besluit": BESLUIT},
    )
    p.xor("gw_besluit", "Besluit?", "MINISTER-JENV")
    p.eind("eind_beroep_afgewezen", "Beroep afgewezen", "MINISTER-JENV")
    p.taak(
        "taak_le_pob_informeren",
        "LE-POB informeren om uit te voeren",
        "KORPSCHEF",
        "De korpschef informeert de landelijke eenheid van politie, afdeling Preparatie en "
        "Operationeel Beheer, teneinde het besluit daadwerkelijk uit te voeren.",
    )
    p.eind("eind", "Aanwijzing uitgevoerd", "KORPSCHEF")

    p.stroom("start", "gw_afwijzing")
    for taak in ("taak_afwijzing_aanvrager", "taak_afschrift_dgpol"):
        p.keten("gw_afwijzing", taak, "gw_afwijzing_samen")
    p.stroom("gw_afwijzing_samen", "gw_aanvrager")
    p.stroom(
        "gw_aanvrager", "taak_beroep_burgemeester", "burgemeester", 'aanvrager == "burgemeester"'
    )
    p.stroom(
        "gw_aanvrager",
        "taak_beroep_ovj",
        "officier van justitie",
        'aanvrager == "officier_van_justitie"',
    )
    p.stroom("taak_beroep_burgemeester", "gw_aanvrager_samen")
    p.stroom("taak_beroep_ovj", "gw_aanvrager_samen")
    p.stroom("gw_aanvrager_samen", "gw_beroep")
    p.stroom("gw_beroep", "eind_geen_beroep", "nee", "not beroep_ingesteld")
    p.stroom("gw_beroep", "taak_advies_dgpol", "ja", "beroep_ingesteld")
    p.keten("taak_advies_dgpol", "taak_besluit_minister", "gw_besluit")
    p.stroom("gw_besluit", "eind_beroep_afgewezen", "afgewezen", 'besluit == "afgewezen"')
    p.stroom("gw_besluit", "taak_le_pob_informeren", "(deels) toegekend", 'besluit != "afgewezen"')
    p.stroom("taak_le_pob_informeren", "eind")
    return p


PROCESSEN: tuple[Proces, ...] = (
    _andere_eenheid("1"),
    _waterwerper(),
    _container_vrt(),
    _kmar_openbare_orde(),
    _krijgsmacht_openbare_orde(),
    _buitenland(),
    _andere_eenheid("6"),
    _kmar_justitie(),
    _krijgsmacht_justitie(),
    _afwijzing_en_beroep(),
)
