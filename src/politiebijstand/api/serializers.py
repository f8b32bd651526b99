"""Shapes of the advice API for the OpenAPI description (drf-spectacular).

These serializers document the contract (docs/contract/advies.md); they do not validate.
Input is validated by `rules.situatie_from_dict`, the single entry point for untrusted input,
so the API, the CLI and the wizard give the same errors.
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
from politiebijstand.rules.situatie import Aanvrager


def _keuzes(enum: Any) -> list[str]:
    return [e.value for e in enum]


class GevraagdSerializer(serializers.Serializer[Any]):
    leverancier = serializers.ChoiceField(choices=_keuzes(Leverancier))
    middel = serializers.ChoiceField(
        choices=_keuzes(Middel), required=False, allow_null=True, help_text="Bij middelen_jenv."
    )
    oefening = serializers.BooleanField(required=False, default=False)
    politie_uitgeput = serializers.BooleanField(required=False, default=False)
    kmar_uitgeput = serializers.BooleanField(required=False, default=False)
    specialisme_niet_beschikbaar = serializers.BooleanField(required=False, default=False)
    land = serializers.CharField(
        required=False, allow_null=True, help_text="ISO 3166-1 alpha-2, ter informatie."
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
    gemeenten = serializers.ListField(child=serializers.CharField(), required=False)
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
