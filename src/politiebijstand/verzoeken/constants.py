"""Status values, acts (handelingen), audit event codes and choices of the verzoeken app (#4)."""

from __future__ import annotations

from enum import StrEnum

from django.db import models

from politiebijstand.rules.organisatiecodes import (
    BURGEMEESTER,
    ORGANISATIECODES,
    OVJ,
    RCCB,
    REGIOBURGEMEESTER,
)


class DeelverzoekStatus(models.TextChoices):
    """Where one part (deelverzoek, one route of the advice) stands.

    Changed only by `politiebijstand.verzoeken.workflow.deelverzoek_overgang`, following
    `workflow.OVERGANGEN`.
    """

    IN_BEHANDELING = "in_behandeling", "In behandeling"
    TOEGEKEND = "toegekend", "Toegekend"
    DEELS_TOEGEKEND = "deels_toegekend", "Gedeeltelijk toegekend"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    IN_BEROEP = "in_beroep", "In beroep bij de minister"
    AFGESLOTEN = "afgesloten", "Afgesloten zonder besluit"
    IN_INZET = "in_inzet", "Inzet loopt"
    INZET_BEEINDIGD = "inzet_beeindigd", "Inzet beëindigd"
    GEEVALUEERD = "geevalueerd", "Geëvalueerd"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


class VerzoekStatus(models.TextChoices):
    """Where the request as a whole stands: derived from its parts (`workflow.verzoek_status`)."""

    IN_BEHANDELING = "in_behandeling", "In behandeling"
    BESLOTEN = "besloten", "Besloten"
    IN_INZET = "in_inzet", "Inzet loopt"
    AFGEROND = "afgerond", "Afgerond"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


class Handeling(StrEnum):
    """An act that changes the status of a deelverzoek (the edges of `workflow.OVERGANGEN`)."""

    STARTEN = "starten"
    TOEKENNEN = "toekennen"
    DEELS_TOEKENNEN = "deels_toekennen"
    AFWIJZEN = "afwijzen"
    AFSLUITEN = "afsluiten"
    BEROEP_INSTELLEN = "beroep_instellen"
    NA_BEROEP_TOEGEKEND = "na_beroep_toegekend"
    NA_BEROEP_DEELS_TOEGEKEND = "na_beroep_deels_toegekend"
    NA_BEROEP_AFGEWEZEN = "na_beroep_afgewezen"
    INZET_STARTEN = "inzet_starten"
    INZET_BEEINDIGEN = "inzet_beeindigen"
    INZET_EVALUEREN = "inzet_evalueren"
    INTREKKEN = "intrekken"


class Gezag(models.TextChoices):
    """Who holds authority over the deployment and requests it (Pw 2012 art. 11, 12, 56)."""

    BURGEMEESTER = "burgemeester", "Burgemeester"
    OFFICIER_VAN_JUSTITIE = "officier_van_justitie", "Officier van justitie"


class TaakStatus(models.TextChoices):
    """Where a task of the work queue stands."""

    OPEN = "open", "Open"
    OPGEPAKT = "opgepakt", "Opgepakt"
    AFGEROND = "afgerond", "Afgerond"
    VERVALLEN = "vervallen", "Vervallen"


#: The statuses of a task in a work queue (still to be done).
TAAK_OPENSTAAND = (TaakStatus.OPEN, TaakStatus.OPGEPAKT)


class BesluitUitkomst(models.TextChoices):
    """The outcome of a decision (the engine's ``besluit`` field, `procedures.engine.BESLUITEN`)."""

    TOEGEKEND = "toegekend", "Toegekend"
    DEELS_TOEGEKEND = "deels_toegekend", "Gedeeltelijk toegekend"
    AFGEWEZEN = "afgewezen", "Afgewezen"


class RegelUitkomst(models.TextChoices):
    """The outcome of a decision for one requested line."""

    TOEGEKEND = "toegekend", "Toegekend"
    AFGEWEZEN = "afgewezen", "Afgewezen"


class InzetSoort(models.TextChoices):
    """What a version of the deployment records."""

    GESTART = "gestart", "Gestart"
    GEWIJZIGD = "gewijzigd", "Gewijzigd"
    VERLENGD = "verlengd", "Verlengd"
    BEEINDIGD = "beeindigd", "Beëindigd"


class Gebeurtenis(StrEnum):
    """Stable kebab-case audit event codes written by the verzoeken app."""

    VERZOEK_AANGEMAAKT = "verzoek-aangemaakt"
    VERZOEK_BEKEKEN = "verzoek-bekeken"
    EVALUATIE_BEKEKEN = "evaluatie-bekeken"
    VERZOEKEN_GEEXPORTEERD = "verzoeken-geexporteerd"
    VERZOEK_INGETROKKEN = "verzoek-ingetrokken"
    OEFENING_AFGESLOTEN = "oefening-afgesloten"
    STATUS_GEWIJZIGD = "status-gewijzigd"
    TAAK_OPGEPAKT = "taak-opgepakt"
    TAAK_TERUGGEGEVEN = "taak-teruggegeven"
    TAAK_AFGEROND = "taak-afgerond"
    TAAK_OVERGESLAGEN = "taak-overgeslagen"
    TELEFONISCH_CONTACT_VASTGELEGD = "telefonisch-contact-vastgelegd"
    BESLUIT_GENOMEN = "besluit-genomen"
    BEROEP_INGESTELD = "beroep-ingesteld"
    INZET_GESTART = "inzet-gestart"
    INZET_GEWIJZIGD = "inzet-gewijzigd"
    INZET_VERLENGD = "inzet-verlengd"
    INZET_BEEINDIGD = "inzet-beeindigd"
    INZET_GEEVALUEERD = "inzet-geevalueerd"
    TIMER_VERLOPEN = "timer-verlopen"
    HERINNERING_GEPLAND = "herinnering-gepland"
    FORMULIER_OPGESLAGEN = "formulier-opgeslagen"
    FORMULIER_ONDERTEKEND = "formulier-ondertekend"
    MANDAAT_VASTGELEGD = "mandaat-vastgelegd"


#: Contract lane codes that stand for one central organisation (its own code): every code but
#: those resolved per request (the requesting unit's RCCB, the authority, the regioburgemeester).
CENTRALE_LANES = frozenset(ORGANISATIECODES) - {RCCB, BURGEMEESTER, REGIOBURGEMEESTER, OVJ}

#: Lanes resolved per request (see `workflow.lane_organisatie`).
REQUEST_LANES = frozenset({"RCCB", "BURGEMEESTER", "REGIOBURGEMEESTER", "OVJ"})
