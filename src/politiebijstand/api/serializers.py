"""Shapes of the advice API for the OpenAPI description (drf-spectacular).

These serializers document the contract (docs/contract/advies.md); they do not validate.
Input is validated by `rules.situatie_from_dict`, the single entry point for untrusted input,
so the API, the CLI and the wizard give the same errors. The rules a serializer cannot state
(a field required by another's value, no unknown fields) are in `SITUATIE_REGELS` and
`GEVRAAGD_REGELS`, JSON Schema 2020-12 that `api.openapi` adds to the document (ADR 0046), so
that the schema declares every rule the validation applies, down to "each provider once in
`gevraagd`" (`GEVRAAGD_LIJST_REGELS`, with `maxContains`).
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from politiebijstand.rules import (
    AdviesUitkomst,
    Formulier,
    Gezag,
    Indiener,
    Leverancier,
    Middel,
    Politietaak,
    Zienswijze,
)
from politiebijstand.rules.gemeenten import ALIASSEN, gemeenten
from politiebijstand.rules.situatie import (
    _LANDCODE,
    _TAKEN_ZONDER_GEVRAAGD,
    MAX_GEMEENTEN,
    Aanvrager,
)


def _keuzes(enum: Any) -> list[str]:
    return [e.value for e in enum]


def gemeentenamen() -> list[str]:
    """The 342 CBS names and the aliases `rules.gemeenten` knows, sorted."""
    return sorted({g.naam for g in gemeenten()} | set(ALIASSEN))


#: JSON Schema rules of `Situatie` beyond its fields (contract "Input: Situatie"; the checks
#: of `rules.situatie.situatie_from_dict`): no unknown field; `indicatie_misdrijf` (true or
#: false) with taak `vermissing`; `aanvrager` with taak `geen_politietaak`; at least one
#: `gevraagd` unless the own capacity suffices, a bijzondere bijstandseenheid is asked or the
#: task is one without providers (the minister's, or no police task).
SITUATIE_REGELS: dict[str, Any] = {
    "additionalProperties": False,
    "allOf": [
        {
            "if": {"properties": {"taak": {"const": "vermissing"}}, "required": ["taak"]},
            "then": {
                "required": ["indicatie_misdrijf"],
                "properties": {"indicatie_misdrijf": {"type": "boolean"}},
            },
        },
        {
            "if": {"properties": {"taak": {"const": "geen_politietaak"}}, "required": ["taak"]},
            "then": {
                "required": ["aanvrager"],
                "properties": {"aanvrager": {"enum": _keuzes(Aanvrager)}},
            },
        },
        {
            "if": {
                "properties": {
                    "eigen_capaciteit_toereikend": {"const": False},
                    "bijzondere_bijstandseenheid": {"const": False},
                    "taak": {"not": {"enum": sorted(t.value for t in _TAKEN_ZONDER_GEVRAAGD)}},
                },
                "required": ["eigen_capaciteit_toereikend", "taak"],
            },
            "then": {
                "required": ["gevraagd"],
                "properties": {"gevraagd": {"type": "array", "minItems": 1}},
            },
        },
    ],
}


def _elk_een_keer() -> list[dict[str, Any]]:
    """Per provider (`leverancier`, `middel` or none): at most one item of `gevraagd` is it."""
    regels: list[dict[str, Any]] = []
    for leverancier in Leverancier:
        for middel in (None, *Middel):
            item: dict[str, Any] = {
                "properties": {
                    "leverancier": {"const": leverancier.value},
                    # Absent or null when there is no middel.
                    "middel": {"type": "null"} if middel is None else {"const": middel.value},
                },
                "required": ["leverancier"] if middel is None else ["leverancier", "middel"],
            }
            regels.append({"contains": item, "minContains": 0, "maxContains": 1})
    return regels


#: JSON Schema rules of `gevraagd` beyond its items: each provider once (contract, `gevraagd`).
GEVRAAGD_LIJST_REGELS: dict[str, Any] = {"allOf": _elk_een_keer()}
#: JSON Schema rules of one `gevraagd` item: no unknown field; `middel` with `middelen_jenv`.
GEVRAAGD_REGELS: dict[str, Any] = {
    "additionalProperties": False,
    "if": {"properties": {"leverancier": {"const": "middelen_jenv"}}},
    "then": {"required": ["middel"], "properties": {"middel": {"enum": _keuzes(Middel)}}},
}


class GevraagdSerializer(serializers.Serializer[Any]):
    leverancier = serializers.ChoiceField(choices=_keuzes(Leverancier))
    middel = serializers.ChoiceField(
        choices=_keuzes(Middel), required=False, allow_null=True, help_text="Bij middelen_jenv."
    )
    oefening = serializers.BooleanField(required=False, default=False)
    politie_uitgeput = serializers.BooleanField(required=False, default=False)
    kmar_uitgeput = serializers.BooleanField(required=False, default=False)
    specialisme_niet_beschikbaar = serializers.BooleanField(required=False, default=False)
    land = serializers.RegexField(
        f"^{_LANDCODE.pattern}$",
        required=False,
        allow_null=True,
        help_text="ISO 3166-1 alpha-2 (twee hoofdletters, bijvoorbeeld BE), ter informatie.",
    )


class SituatieSerializer(serializers.Serializer[Any]):
    """The situation (contract `Situatie`)."""

    eigen_capaciteit_toereikend = serializers.BooleanField(
        help_text="Stroomschema stap 1: is de capaciteit binnen de eenheid voldoende?"
    )
    taak = serializers.ChoiceField(choices=_keuzes(Politietaak))
    indicatie_misdrijf = serializers.BooleanField(
        required=False, allow_null=True, help_text="Verplicht bij taak 'vermissing'."
    )
    aanvrager = serializers.ChoiceField(
        choices=_keuzes(Aanvrager),
        required=False,
        allow_null=True,
        help_text="Verplicht bij taak 'geen_politietaak'.",
    )
    spoed = serializers.BooleanField(required=False, default=False)
    aanvrager_is_regioburgemeester = serializers.BooleanField(required=False, default=False)
    locatiegebonden = serializers.BooleanField(required=False, default=True)
    gemeenten = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        allow_null=True,
        max_length=MAX_GEMEENTEN,
        help_text=(
            "De gemeenten (officiële CBS-naam of een bekende andere naam, zoals 'Den Haag'; "
            "hoofdletters, accenten, punten en streepjes tellen niet mee), elk één keer; null "
            "of [] als er geen zijn."
        ),
    )
    convenant = serializers.BooleanField(required=False, default=False)
    bijzondere_bijstandseenheid = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Er wordt een bijzondere bijstandseenheid gevraagd, zoals de Dienst Speciale "
        "Interventies (Politiewet 2012 art. 59; vaste interpretatie 13).",
    )
    gevraagd = GevraagdSerializer(
        many=True,
        required=False,
        allow_null=True,
        help_text="Verplicht tenzij de eigen capaciteit volstaat, de taak onder de minister "
        "valt of geen politietaak is, of een bijzondere bijstandseenheid wordt gevraagd.",
    )


class GrondslagSerializer(serializers.Serializer[Any]):
    regeling = serializers.CharField()
    artikel = serializers.CharField()
    lid = serializers.CharField(allow_null=True)


class StapSerializer(serializers.Serializer[Any]):
    actor = serializers.CharField(help_text="Organisatiecode, bijvoorbeeld 'LOCC'.")
    handeling = serializers.CharField()


class AanvraagformulierSerializer(serializers.Serializer[Any]):
    gemeente = serializers.CharField(
        allow_null=True,
        help_text="Officiële naam (CBS) van de gemeente waarvan de burgemeester dit formulier "
        "ondertekent; null als de route geen burgemeester per gemeente heeft.",
    )
    indiener = serializers.ChoiceField(choices=_keuzes(Indiener), allow_null=True)
    zienswijze_regioburgemeester = serializers.ChoiceField(
        choices=_keuzes(Zienswijze), allow_null=True
    )


class RouteSerializer(serializers.Serializer[Any]):
    leverancier = serializers.ChoiceField(choices=_keuzes(Leverancier))
    middel = serializers.ChoiceField(choices=_keuzes(Middel), allow_null=True)
    procedure = serializers.CharField(help_text="'1' tot en met '8', of 'rechtshulp'.")
    grondslag = GrondslagSerializer(allow_null=True)
    indiener = serializers.ChoiceField(choices=_keuzes(Indiener), allow_null=True)
    contacten = serializers.ListField(child=serializers.CharField())
    formulier = serializers.ChoiceField(choices=_keuzes(Formulier), allow_null=True)
    formulier_naar = serializers.CharField(allow_null=True)
    besluit_door = serializers.CharField(allow_null=True)
    toegestaan = serializers.BooleanField()
    bezwaren = serializers.ListField(child=serializers.CharField())
    zienswijze_regioburgemeester = serializers.ChoiceField(
        choices=_keuzes(Zienswijze), allow_null=True
    )
    stappen = StapSerializer(many=True)
    bronnen = serializers.ListField(child=serializers.CharField())
    formulieren = AanvraagformulierSerializer(
        many=True,
        help_text="Eén formulier per gemeente bij een route die een burgemeester ondertekent, "
        "anders één (vaste interpretatie 12).",
    )


class AdviesSerializer(serializers.Serializer[Any]):
    """The routing advice (contract `Advies`)."""

    uitkomst = serializers.ChoiceField(choices=_keuzes(AdviesUitkomst))
    gezag = serializers.ChoiceField(choices=_keuzes(Gezag), allow_null=True)
    grondslag = GrondslagSerializer(
        allow_null=True,
        help_text="Alleen bij uitkomst 'buiten_factsheet': het artikel dat de bijstand regelt "
        "(Politiewet 2012 art. 56 lid 5 of art. 59; vaste interpretatie 13); anders null.",
    )
    besluit_door = serializers.CharField(
        allow_null=True,
        help_text="Alleen bij uitkomst 'buiten_factsheet': wie beslist ('MINISTER-JENV'); "
        "anders null.",
    )
    routes = RouteSerializer(many=True)
    waarschuwingen = serializers.ListField(child=serializers.CharField())
    bronnen = serializers.ListField(child=serializers.CharField())
