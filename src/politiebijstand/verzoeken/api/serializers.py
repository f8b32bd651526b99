"""Input and output shapes of the request API (issue #3): Dutch field names, as the models.

Output serializers only read what the selectors loaded (`verzoek_list`,
`taak_list_for_werkvoorraad`, `verzoek_bekijken`), so a page costs a fixed number of queries.
Organisations are shown as ``{"code": ..., "naam": ...}``; datetimes as ISO 8601 with the
offset of Europe/Amsterdam (stored in UTC).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from politiebijstand.procedures.engine import PROCEDURES
from politiebijstand.verzoeken.constants import (
    BesluitUitkomst,
    DeelverzoekStatus,
    Gezag,
    InzetSoort,
    RegelUitkomst,
    TaakStatus,
    VerzoekStatus,
)
from politiebijstand.verzoeken.models import Deelverzoek, Taak
from politiebijstand.web.apibasis import QueryFilters

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

# --- input: query parameters ------------------------------------------------------------------

#: Dutch messages where DRF's own translation is missing or vague.
_JA_NEE: dict[str, str | StrPromise] = {"invalid": "Moet true of false zijn."}
_KEUZE: dict[str, str | StrPromise] = {"invalid_choice": "'{input}' is geen geldige waarde."}
_TEKST: dict[str, str | StrPromise] = {"invalid": "Moet een tekst zijn."}


# --- input: a request and its withdrawal ---------------------------------------------------


class InzetRegelSerializer(serializers.Serializer[Any]):
    """One requested line (`services.InzetRegel`)."""

    omschrijving = serializers.CharField(
        error_messages=_TEKST,
        max_length=300,
        help_text="Wat gevraagd wordt, bijvoorbeeld 'ME-peloton'.",
    )
    aantal = serializers.IntegerField(
        min_value=1, required=False, allow_null=True, default=None, help_text="Hoeveel, of null."
    )
    deel = serializers.IntegerField(
        min_value=1,
        required=False,
        default=1,
        help_text="Het deel (1, 2, ...): de toegestane routes van het advies, in volgorde.",
    )


@extend_schema_field({"type": "string", "minLength": 1, "pattern": r"\S"})
class TekstVeld(serializers.CharField):
    """Required text: at least one character that is not white space (trimmed, as DRF does)."""


@extend_schema_field({"$ref": "#/components/schemas/Situatie"})
class SituatieVeld(serializers.DictField):
    """The situation as the advice takes it; checked as the advice checks it (the service)."""


class VerzoekAanmakenSerializer(serializers.Serializer[Any]):
    """Body of ``POST /api/v1/verzoeken``: the page's create form (`VerzoekForm`) as JSON.

    The advice is determined from ``situatie`` as on the page; organisations are given by
    their code. Datetimes are ISO 8601; without an offset they are Dutch time
    (Europe/Amsterdam), as on the page; they are stored in UTC.
    """

    situatie = SituatieVeld(
        error_messages={"not_a_dict": "Moet een JSON-object zijn."},
        help_text="De situatie (contract: Situatie), zoals POST /api/v1/advies die neemt.",
    )
    titel = TekstVeld(
        error_messages=_TEKST, max_length=200, help_text="Korte omschrijving van de inzet."
    )
    omschrijving = serializers.CharField(
        error_messages=_TEKST,
        required=False,
        allow_blank=True,
        default="",
        help_text="De feitelijke aanvraag.",
    )
    bevoegd_gezag = serializers.CharField(
        error_messages=_TEKST,
        max_length=40,
        help_text=(
            "Organisatiecode van de burgemeester (gemeente, 'GM0344') of de officier van "
            "justitie (parket) die vraagt, in het gebied van uw eenheid."
        ),
    )
    gemeenten = serializers.ListField(
        child=serializers.CharField(error_messages=_TEKST, max_length=40),
        required=False,
        default=list,
        max_length=100,
        help_text="Codes van de gemeenten van de inzet; die van de burgemeester komt erbij.",
    )
    periode_start = serializers.DateTimeField(help_text="Begin van de inzet.")
    periode_eind = serializers.DateTimeField(help_text="Einde van de inzet, na het begin.")
    locatie = TekstVeld(error_messages=_TEKST, max_length=300)
    gevraagde_capaciteit = serializers.CharField(
        error_messages=_TEKST,
        required=False,
        allow_blank=True,
        default="",
        help_text="In woorden. Deze, gewenst_effect of regels is verplicht.",
    )
    gewenst_effect = serializers.CharField(
        error_messages=_TEKST, required=False, allow_blank=True, default=""
    )
    regels = InzetRegelSerializer(
        many=True, required=False, default=list, help_text="De gevraagde inzet per deel."
    )
    oefening = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Dit is een oefening (ADR 0043).",
        error_messages=_JA_NEE,
    )


class IntrekkingSerializer(serializers.Serializer[Any]):
    """Body of ``POST /api/v1/verzoeken/<uuid>/intrekking``."""

    reden = TekstVeld(error_messages=_TEKST, help_text="Waarom het verzoek wordt ingetrokken.")


# --- input: a step ---------------------------------------------------------------------------


@extend_schema_field({"type": "object", "additionalProperties": {}})
class GegevensVeld(serializers.JSONField):
    """A step's ``gegevens``: a JSON object in a JSON body, a JSON string in multipart."""

    default_error_messages = {"invalid": "Moet een JSON-object zijn."}  # noqa: RUF012

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, str | bytes):
            try:
                data = json.loads(data)
            except ValueError:
                self.fail("invalid")
        if not isinstance(data, dict):
            self.fail("invalid")
        return data


class TaakAfrondenSerializer(serializers.Serializer[Any]):
    """Body of ``POST /api/v1/taken/<id>/afronding``: JSON, or multipart with the PDF.

    A step (`services.taak_afronden`) sends ``gegevens``; a decision step
    (`services.besluit_nemen`) ``uitkomst`` and ``motivering`` (and where the step asks for
    them ``voorwaarden``, ``standpunt_defensie``, ``overeenstemming_defensie``). The
    coordinator recording a step on behalf of a party without an account sends ``bestand``,
    the received PDF, as ``multipart/form-data`` (issue #10 item 4; ADR 0037); in multipart,
    ``gegevens`` is a JSON string.
    """

    gegevens = GegevensVeld(
        required=False,
        help_text="De velden van de stap (Taak.velden) en een eventueel verslag, als object.",
    )
    uitkomst = serializers.ChoiceField(
        choices=BesluitUitkomst.choices, required=False, error_messages=_KEUZE
    )
    motivering = serializers.CharField(required=False, allow_blank=True, default="")
    voorwaarden = serializers.CharField(required=False, allow_blank=True, default="")
    standpunt_defensie = serializers.CharField(required=False, allow_blank=True, default="")
    overeenstemming_defensie = serializers.BooleanField(
        required=False, allow_null=True, default=None
    )
    bestand = serializers.FileField(
        required=False,
        allow_empty_file=True,
        help_text=(
            "Het ontvangen antwoord (PDF, ten hoogste 10 MiB) van een partij zonder account; "
            "alleen als multipart/form-data, en alleen voor de coördinator die namens haar "
            "vastlegt."
        ),
    )


class _JaNeeFilter(serializers.ChoiceField):
    """A yes/no filter: exactly ``true`` or ``false``; empty filters nothing (None)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            choices=["true", "false"],
            required=False,
            allow_blank=True,
            error_messages={"invalid_choice": _JA_NEE["invalid"]},
            **kwargs,
        )

    def to_internal_value(self, data: Any) -> Any:
        """True, False, or None for an empty value."""
        return {"true": True, "false": False}.get(super().to_internal_value(data))


class _Filters(QueryFilters):
    """Query filters: an empty value (``?status=``) is as if it was not given."""

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        return {naam: waarde for naam, waarde in attrs.items() if waarde != ""}


class VerzoekFilterSerializer(_Filters):
    """Filters of ``GET /api/v1/verzoeken`` (all optional; an empty value filters nothing)."""

    status = serializers.ChoiceField(
        choices=VerzoekStatus.choices,
        required=False,
        allow_blank=True,
        help_text="Status van het verzoek.",
        error_messages=_KEUZE,
    )
    eenheid = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=40,
        help_text="Code van de vragende eenheid, 'EENHEID-MN'.",
    )
    spoed = _JaNeeFilter(help_text="Alleen spoed (true) of alleen zonder spoed (false).")
    zoek = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=100,
        help_text="Tekst in kenmerk, titel of locatie.",
    )


class WerkvoorraadFilterSerializer(_Filters):
    """Filters of ``GET /api/v1/werkvoorraad`` (all optional; an empty value filters nothing)."""

    procedure = serializers.ChoiceField(
        choices=sorted(PROCEDURES),
        required=False,
        allow_blank=True,
        help_text="Procedure, bijvoorbeeld '3'.",
        error_messages=_KEUZE,
    )
    eenheid = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=40,
        help_text="Code van de vragende eenheid, 'EENHEID-MN'.",
    )
    spoed = _JaNeeFilter(help_text="Alleen spoed (true) of alleen zonder spoed (false).")
    status = serializers.ChoiceField(
        choices=[TaakStatus.OPEN.value, TaakStatus.OPGEPAKT.value],
        required=False,
        allow_blank=True,
        help_text="Alleen open of alleen opgepakte taken; standaard beide.",
        error_messages=_KEUZE,
    )


# --- output -----------------------------------------------------------------------------------


class OrganisatieSerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="Organisatiecode, bijvoorbeeld 'RCCB-MN' of 'LOCC'.")
    naam = serializers.CharField()


class VerzoekSerializer(serializers.Serializer[Any]):
    """A request as listed: what the list page shows."""

    uuid = serializers.UUIDField()
    kenmerk = serializers.CharField(help_text="Bijvoorbeeld 'BV-2026-000042'.")
    titel = serializers.CharField()
    status = serializers.ChoiceField(choices=VerzoekStatus.choices)
    gezag = serializers.ChoiceField(choices=Gezag.choices)
    taak = serializers.CharField(help_text="De politietaak (contract: Situatie.taak).")
    eenheid = OrganisatieSerializer(help_text="De eenheid die bijstand nodig heeft.")
    bevoegd_gezag = OrganisatieSerializer(
        help_text="De gemeente van de burgemeester of het parket van de officier van justitie."
    )
    spoed = serializers.BooleanField()
    periode_start = serializers.DateTimeField()
    periode_eind = serializers.DateTimeField()
    locatie = serializers.CharField()
    aangemaakt_op = serializers.DateTimeField()
    gewijzigd_op = serializers.DateTimeField()


class VerzoekUitgebreidSerializer(VerzoekSerializer):
    """A request with everything it holds (the request page's summary and advice)."""

    omschrijving = serializers.CharField()
    rccb = OrganisatieSerializer(help_text="Het RCCB van de vragende eenheid.")
    regioburgemeester = OrganisatieSerializer(allow_null=True)
    gemeenten = OrganisatieSerializer(many=True)
    gevraagde_capaciteit = serializers.CharField()
    gewenst_effect = serializers.CharField()
    situatie = serializers.JSONField(help_text="De situatie (contract: Situatie).")
    advies = serializers.JSONField(help_text="Het advies (contract: Advies).")
    regels_versie = serializers.CharField()
    ingetrokken_reden = serializers.CharField()
    versie = serializers.IntegerField()


class GevraagdeInzetSerializer(serializers.Serializer[Any]):
    volgnummer = serializers.IntegerField()
    omschrijving = serializers.CharField()
    aantal = serializers.IntegerField(allow_null=True)


class BesluitRegelSerializer(serializers.Serializer[Any]):
    regel = serializers.IntegerField(source="regel.volgnummer", help_text="Volgnummer.")
    uitkomst = serializers.ChoiceField(choices=RegelUitkomst.choices)
    toegekend_aantal = serializers.IntegerField(allow_null=True)
    toelichting = serializers.CharField()


class BesluitSerializer(serializers.Serializer[Any]):
    uuid = serializers.UUIDField()
    uitkomst = serializers.ChoiceField(choices=BesluitUitkomst.choices)
    motivering = serializers.CharField()
    voorwaarden = serializers.CharField()
    namens = serializers.CharField()
    grondslag = serializers.CharField()
    organisatie = OrganisatieSerializer()
    genomen_op = serializers.DateTimeField()
    regels = BesluitRegelSerializer(many=True)


class InzetVersieSerializer(serializers.Serializer[Any]):
    versie = serializers.IntegerField()
    soort = serializers.ChoiceField(choices=InzetSoort.choices)
    periode_start = serializers.DateTimeField()
    periode_eind = serializers.DateTimeField()
    capaciteit = serializers.CharField()
    toelichting = serializers.CharField()
    op = serializers.DateTimeField()


class DeelverzoekSerializer(serializers.Serializer[Any]):
    """One part of a request: one route of the advice, running one procedure."""

    uuid = serializers.UUIDField()
    volgnummer = serializers.IntegerField()
    procedure_id = serializers.CharField(help_text="'1' tot en met '9', '2_waterwerper', ...")
    leverancier = serializers.CharField()
    middel = serializers.CharField()
    status = serializers.ChoiceField(choices=DeelverzoekStatus.choices)
    besluit = serializers.CharField(help_text="Het laatste besluit, of leeg.")
    beroep_op = serializers.SerializerMethodField(
        help_text="Bij een beroep (procedure 9): het volgnummer van het bestreden deel."
    )
    regels = GevraagdeInzetSerializer(many=True)
    besluiten = BesluitSerializer(many=True)
    inzetversies = InzetVersieSerializer(many=True)

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_beroep_op(self, deel: Deelverzoek) -> int | None:
        if deel.beroep_op_id is None:
            return None
        volgnummers: dict[int, int] = self.context["volgnummers"]
        return volgnummers[deel.beroep_op_id]


class TaakSerializer(serializers.Serializer[Any]):
    """A step to be done: an open (or picked-up) task of a procedure run."""

    id = serializers.IntegerField()
    naam = serializers.CharField()
    bpmn_id = serializers.CharField()
    procedure_id = serializers.CharField()
    organisatie = OrganisatieSerializer(help_text="De organisatie die de stap uitvoert.")
    status = serializers.ChoiceField(choices=TaakStatus.choices)
    due = serializers.DateTimeField(allow_null=True, help_text="Uiterlijk gereed.")
    is_besluit = serializers.BooleanField()
    optioneel = serializers.BooleanField()
    aangemaakt_op = serializers.DateTimeField()


class TijdlijnItemSerializer(serializers.Serializer[Any]):
    op = serializers.DateTimeField()
    soort = serializers.ChoiceField(
        choices=["stap", "overgeslagen", "vervallen", "status", "telefoon", "besluit", "inzet"]
    )
    titel = serializers.CharField()
    organisatie = serializers.CharField(help_text="Naam van de handelende organisatie, of leeg.")
    door = serializers.CharField(help_text="Naam van wie handelde, of leeg (het systeem).")
    gegevens = serializers.DictField(help_text="Wat de stap vastlegde.")


class VerzoekDetailSerializer(serializers.Serializer[Any]):
    """The request page as JSON: the request, its parts, open steps and timeline."""

    verzoek = VerzoekUitgebreidSerializer()
    deelverzoeken = DeelverzoekSerializer(many=True)
    open_taken = TaakSerializer(many=True)
    tijdlijn = TijdlijnItemSerializer(many=True)


class VerzoekKortSerializer(serializers.Serializer[Any]):
    uuid = serializers.UUIDField()
    kenmerk = serializers.CharField()
    titel = serializers.CharField()


class WerkvoorraadTaakSerializer(TaakSerializer):
    """A task of the user's organisation's work queue, with its request."""

    verzoek = VerzoekKortSerializer()
    eenheid = OrganisatieSerializer(help_text="De vragende eenheid.")
    spoed = serializers.BooleanField()
    te_laat = serializers.SerializerMethodField(help_text="De termijn is verstreken.")
    opgepakt_door = serializers.SerializerMethodField(help_text="Gebruikersnaam, of null.")
    namens = serializers.SerializerMethodField(
        help_text=(
            "Organisatiecode van de partij zonder account namens wie uw organisatie, als "
            "coördinator van de procedure, deze stap vastlegt met het ontvangen PDF; null voor "
            "een taak van uw eigen organisatie."
        )
    )

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_namens(self, taak: Taak) -> str | None:
        return getattr(taak, "namens_code", "") or None

    @extend_schema_field(serializers.BooleanField())
    def get_te_laat(self, taak: Taak) -> bool:
        return taak.due is not None and taak.due < self.context["nu"]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_opgepakt_door(self, taak: Taak) -> str | None:
        return None if taak.opgepakt_door is None else taak.opgepakt_door.get_username()


class TaakBronSerializer(TaakSerializer):
    """The step as a resource (``/api/v1/taken/<id>``), for its GET and its changes.

    What the work queue shows of it, its status and assignee, and what it recorded. Its
    `ETag` (`web.versies.etag_van` of this representation) guards picking it up, handing it
    back and completing it (`If-Match`). Context: ``organisatie_id``, the caller's
    organisation (for ``namens``). No field depends on the clock, so the tag changes only
    when the step does.
    """

    verzoek = VerzoekKortSerializer()
    eenheid = OrganisatieSerializer(help_text="De vragende eenheid.")
    spoed = serializers.BooleanField()
    namens = serializers.SerializerMethodField(
        help_text=(
            "Organisatiecode van de partij zonder account namens wie uw organisatie deze stap "
            "vastlegt (met het ontvangen PDF); null voor een stap van uw eigen organisatie."
        )
    )
    opgepakt_door = serializers.SerializerMethodField(help_text="Gebruikersnaam, of null.")
    opgepakt_op = serializers.DateTimeField(allow_null=True)
    afgerond_door = serializers.SerializerMethodField(help_text="Gebruikersnaam, of null.")
    afgerond_op = serializers.DateTimeField(allow_null=True)
    overgeslagen = serializers.BooleanField()
    gegevens = serializers.SerializerMethodField(
        help_text="Wat de stap vastlegde (met namens en document); leeg zolang hij open is."
    )

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_namens(self, taak: Taak) -> str | None:
        if taak.organisatie_id == self.context["organisatie_id"]:
            return None
        return str(taak.organisatie.code)

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_opgepakt_door(self, taak: Taak) -> str | None:
        return None if taak.opgepakt_door is None else taak.opgepakt_door.get_username()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_afgerond_door(self, taak: Taak) -> str | None:
        return None if taak.afgerond_door is None else taak.afgerond_door.get_username()

    @extend_schema_field(serializers.DictField())
    def get_gegevens(self, taak: Taak) -> dict[str, Any]:
        return dict(taak.gegevens or {})
