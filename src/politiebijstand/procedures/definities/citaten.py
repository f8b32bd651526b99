"""Sentences of the factsheet that more than one procedure quotes, verbatim.

The same sentence stands in each of those toelichtingen; a sentence that one procedure quotes
lives in its module, and where toelichtingen word a step differently, each keeps its own words.
Copied from ``bronnen/factsheet-bijstand-politie.md``, never retyped: the tests check every
task's documentation against the factsheet.
"""

from __future__ import annotations

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
SPOED_ACHTERAF_SCHRIFTELIJK = (
    "In spoedgevallen vindt het contact telefonisch plaats en wordt de schriftelijke "
    "afhandeling later geformaliseerd."
)
FORMULIER_DOOR_OVJ = (
    "Het aanvraagformulier is te vinden op de website van het LOCC en kan door RCCB opgemaakt "
    "worden maar dient ingezonden te worden door de betrokken (hoofd)officier van justitie "
    "vanuit het arrondissementsparket zelf en niet vanuit de politie."
)
UITPUTTING_TOETSEN_KORT = (
    "toetst of de Nationale politie daadwerkelijk is uitgeput en of het gewenste resultaat niet "
    "anderszins met eigen middelen kan worden bereikt."
)
