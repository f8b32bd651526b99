"""The steps of the Bijstandswijzer: the factsheet's flowchart (stroomschema) as questions.

The wizard keeps no server state: every answer travels in the query string, under the name
of the form field that asks it. `voortgang` validates the answers step by step with Django
forms and finds the first step that still needs an answer; `naar_situatie` turns the answers
into the contract's `Situatie` object, which `rules.situatie_from_dict` validates again.

Which questions are asked follows the factsheet (stroomschema stap 1 and 2, paths A and B)
and the contract's interpretations: a follow-up is asked only where the engine uses it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from django import forms
from django.http import QueryDict

from politiebijstand.rules import Leverancier, Middel, Politietaak
from politiebijstand.rules.situatie import Aanvrager, OngeldigeSituatie, gemeenten_valideren
from politiebijstand.vragenlijst import teksten
from politiebijstand.web.tekst import foutregel

Antwoorden = dict[str, Any]

JA, NEE = "ja", "nee"
JA_NEE = [(JA, "Ja"), (NEE, "Nee")]

#: Tasks under the burgemeester (path A of the flowchart); `vermissing` depends on the crime
#: indication (factsheet, toelichting 12; contract interpretation 2).
TAKEN_PAD_A = frozenset({Politietaak.OPENBARE_ORDE, Politietaak.HULPVERLENING})
#: Tasks under the officier van justitie (path B).
TAKEN_PAD_B = frozenset(
    {Politietaak.STRAFRECHTELIJKE_HANDHAVING, Politietaak.TAKEN_TEN_DIENSTE_VAN_JUSTITIE}
)
#: Tasks whose outcome needs no provider (contract interpretation 1).
TAKEN_ZONDER_LEVERANCIER = frozenset(
    {
        Politietaak.BEWAKING_EN_BEVEILIGING_RIJKSDOMEIN,
        Politietaak.VREEMDELINGENTOEZICHT,
        Politietaak.GEEN_POLITIETAAK,
    }
)

GEEN_VOORWAARDE = "geen"
VOORWAARDEN_KRIJGSMACHT = {
    "politie_uitgeput": "De capaciteit van de politie is uitgeput.",
    "kmar_uitgeput": "De capaciteit van de KMar is uitgeput.",
    "specialisme_niet_beschikbaar": (
        "Het gevraagde specialisme is niet beschikbaar bij de politie en de KMar."
    ),
    GEEN_VOORWAARDE: "Geen van deze.",
}

#: The question asked only without municipalities: with them, the answer is derived per
#: municipality from the reference data (contract, interpretation 12).
REGIOBURGEMEESTER = "aanvrager_is_regioburgemeester"

_GEMEENTE_SCHEIDING = re.compile(r"[\n,;]+")


def pad(antwoorden: Mapping[str, Any]) -> str | None:
    """The flowchart path of the answers: ``"A"``, ``"B"`` or None.

    Path A is the burgemeester's (public order, hulpverlening), path B the officier van
    justitie's; None when the task has no path or is not known yet.

    Bron: factsheet, stroomschema stap 2 and toelichting 12 (vermissing).
    """
    taak = antwoorden.get("taak")
    if taak in TAKEN_PAD_A:
        return "A"
    if taak in TAKEN_PAD_B:
        return "B"
    if taak == Politietaak.VERMISSING and "indicatie_misdrijf" in antwoorden:
        return "B" if antwoorden["indicatie_misdrijf"] else "A"
    return None


def _leveranciers(antwoorden: Mapping[str, Any]) -> list[str]:
    return list(antwoorden.get("leverancier", []))


def ja_nee(label: str, *, help_text: str = "", verplicht: str) -> forms.TypedChoiceField:
    """A required yes/no question as two radio buttons; the cleaned value is a bool."""
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=JA_NEE,
        coerce=lambda value: value == JA,
        widget=forms.RadioSelect,
        error_messages={
            "required": verplicht,
            "invalid_choice": "Kies ja of nee.",
        },
    )


@dataclass(frozen=True)
class Keuze:
    """One radio button or checkbox of a question."""

    id: str
    waarde: str
    label: str
    uitleg: str
    gekozen: bool


@dataclass(frozen=True)
class Vraag:
    """One question of a step, prepared for the template (`wijzer/_vraag.html`).

    Attributes:
        veld: the bound field.
        soort: ``"radio"``, ``"checkbox"``, ``"select"`` or ``"textarea"``.
        keuzes: the options of a radio or checkbox question.
        eerste_id: the id the error summary links to (the first option, or the control).
    """

    veld: forms.BoundField
    soort: str
    keuzes: tuple[Keuze, ...]
    eerste_id: str


class StapForm(forms.Form):
    """A step's form; it may depend on the answers of the steps before it."""

    #: Extra explanations shown as disclosures (title, text) below the questions.
    uitleg: ClassVar[tuple[tuple[str, str], ...]] = ()
    #: Per field, an explanation per option value, shown under the option's label.
    keuze_uitleg: ClassVar[dict[str, Mapping[str, str]]] = {}

    def __init__(self, *args: Any, antwoorden: Mapping[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.antwoorden = antwoorden

    def vragen(self) -> list[Vraag]:
        """The questions in order, with their options, for the template."""
        vragen: list[Vraag] = []
        for bound in self:
            widget = bound.field.widget
            if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
                soort = "checkbox" if widget.allow_multiple_selected else "radio"
                uitleg = self.keuze_uitleg.get(bound.name, {})
                keuzes = tuple(
                    Keuze(
                        id=sub.id_for_label,
                        waarde=str(sub.data["value"]),
                        label=str(sub.choice_label),
                        uitleg=uitleg.get(str(sub.data["value"]), ""),
                        gekozen=bool(sub.data["selected"]),
                    )
                    for sub in bound.subwidgets
                )
                eerste_id = keuzes[0].id if keuzes else bound.auto_id
            else:
                soort = "textarea" if isinstance(widget, forms.Textarea) else "select"
                keuzes = ()
                eerste_id = bound.auto_id
            vragen.append(Vraag(bound, soort, keuzes, str(eerste_id)))
        return vragen


class TaakForm(StapForm):
    taak = forms.ChoiceField(
        label="Voor welke politietaak is capaciteit nodig?",
        help_text=(
            "De taak bepaalt onder wiens gezag de inzet valt, en dus wie de bijstand aanvraagt."
        ),
        choices=[(t.value, teksten.TAAK[t]) for t in Politietaak],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies voor welke politietaak capaciteit nodig is.",
            "invalid_choice": "Kies een van de genoemde politietaken.",
        },
    )
    keuze_uitleg: ClassVar[dict[str, Mapping[str, str]]] = {"taak": teksten.TAAK_UITLEG}
    uitleg = (
        (
            "Wat is gezag?",
            "Gezag is de beslissingsbevoegdheid over de inzet en het optreden van de politie. "
            "Bij openbare orde en hulpverlening heeft de burgemeester het gezag "
            "(Politiewet 2012, art. 11); bij strafrechtelijke handhaving en taken ten dienste "
            "van justitie de officier van justitie (art. 12). Ook de KMar en andere militairen "
            "die bijstand verlenen, werken onder dat gezag (art. 14 lid 1, 2 en 4); "
            "buitenlandse politie doet dat op grond van verdragen (factsheet, 'Politie en "
            "bevoegd gezag').",
        ),
        (
            "Waarom de taak eerst?",
            "De factsheet zegt: stel voordat u bijstand aanvraagt vast onder wiens gezag de "
            "inzet plaatsvindt. Daarom vraagt de wijzer eerst naar de taak en pas daarna of "
            "de eigen capaciteit voldoende is (stroomschema stap 1).",
        ),
    )


class MisdrijfForm(StapForm):
    indicatie_misdrijf = ja_nee(
        "Is er een aanwijzing dat er (mogelijk) sprake is van een misdrijf?",
        help_text=(
            "Zonder aanwijzing voor een misdrijf valt het zoeken onder de burgemeester "
            "(hulpverlening); met een aanwijzing onder de officier van justitie "
            "(factsheet, toelichting 12)."
        ),
        verplicht="Geef aan of er een aanwijzing voor een misdrijf is.",
    )


class AanvragerForm(StapForm):
    aanvrager = forms.ChoiceField(
        label="Wie vraagt de militaire steun aan?",
        help_text=(
            "Een burgemeester kan militaire steunverlening in het openbaar belang aanvragen; "
            "een officier van justitie kan dat niet (factsheet, toelichting 11)."
        ),
        choices=[(a.value, teksten.AANVRAGER[a]) for a in Aanvrager],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies wie de steun aanvraagt.",
            "invalid_choice": "Kies de burgemeester of de officier van justitie.",
        },
    )


class CapaciteitForm(StapForm):
    eigen_capaciteit_toereikend = ja_nee(
        "Kan de politie-eenheid van uw regio zelf voorzien in de capaciteit die nodig is?",
        help_text=(
            "Bedoeld is de regionale eenheid van de politie waar de inzet plaatsvindt: uw "
            "eigen eenheid als u bij de politie werkt, of de eenheid van uw gemeente of "
            "arrondissement als u voor een burgemeester of officier van justitie werkt. Het "
            "RCCB van die eenheid gaat dit na. Ja: de eenheid voorziet zelf en er is geen "
            "bijstand nodig."
        ),
        verplicht="Geef aan of de eigen politie-eenheid zelf kan voorzien.",
    )
    uitleg = (
        (
            "Wat is het RCCB?",
            "De afdeling Conflict- en Crisisbeheersing van een regionale eenheid. Zij voert "
            "de bijstandsaanvragen uit en heeft contact met de Landelijke Eenheid "
            "(afdeling Preparatie en Operationeel Beheer) en het LOCC.",
        ),
    )


class LeveranciersForm(StapForm):
    leverancier = forms.MultipleChoiceField(
        label="Van wie is capaciteit nodig?",
        help_text="Kies er één of meer: de factsheet zegt 'en / of'.",
        choices=[(lev.value, teksten.LEVERANCIER[lev]) for lev in Leverancier],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Kies ten minste één leverancier van bijstand.",
            "invalid_choice": "Kies uit de genoemde leveranciers.",
        },
    )
    keuze_uitleg: ClassVar[dict[str, Mapping[str, str]]] = {
        "leverancier": teksten.LEVERANCIER_UITLEG
    }


class MiddelenForm(StapForm):
    middel = forms.MultipleChoiceField(
        label="Welke middelen van het Ministerie van Justitie en Veiligheid?",
        help_text=(
            "Het Instituut Fysieke Veiligheid beheert ze (factsheet, toelichting 2). "
            "Kies er één of meer."
        ),
        choices=[(m.value, teksten.MIDDEL[m]) for m in Middel],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Kies ten minste één middel.",
            "invalid_choice": "Kies uit de genoemde middelen.",
        },
    )


class WaterwerperForm(StapForm):
    oefening = ja_nee(
        "Is de waterwerper voor een oefening?",
        help_text=(
            "Bij een oefening hoeft het aanvraagformulier het bevoegd gezag niet te noemen."
        ),
        verplicht="Geef aan of de waterwerper voor een oefening is.",
    )


class KrijgsmachtForm(StapForm):
    krijgsmacht_voorwaarde = forms.MultipleChoiceField(
        label="Welke voorwaarden voor bijstand door de krijgsmacht zijn vervuld?",
        help_text="Vink aan wat van toepassing is, of 'Geen van deze'.",
        choices=list(VOORWAARDEN_KRIJGSMACHT.items()),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Kies de vervulde voorwaarden, of 'Geen van deze'.",
            "invalid_choice": "Kies uit de genoemde voorwaarden.",
        },
    )
    uitleg = (
        (
            "Wanneer mag de krijgsmacht helpen?",
            "Alleen in bijzondere gevallen (Politiewet 2012, art. 58 lid 1). Bij openbare orde "
            "moeten politie en KMar zijn uitgeput, of moet het specialisme alleen bij de "
            "krijgsmacht bestaan (factsheet, toelichting 4). Bij justitiële taken moet de "
            "politie zijn uitgeput, of het specialisme ontbreken (toelichting 8).",
        ),
    )

    def __init__(self, *args: Any, antwoorden: Mapping[str, Any], **kwargs: Any) -> None:
        if args and isinstance(args[0], QueryDict) and pad(antwoorden) == "B":
            # On path B the KMar's capacity plays no part (flowchart B); an answer left from
            # path A is ignored rather than reported as invalid.
            data = args[0].copy()
            data.setlist(
                "krijgsmacht_voorwaarde",
                [v for v in data.getlist("krijgsmacht_voorwaarde") if v != "kmar_uitgeput"],
            )
            args = (data, *args[1:])
        super().__init__(*args, antwoorden=antwoorden, **kwargs)
        if pad(antwoorden) == "B":
            field = self.fields["krijgsmacht_voorwaarde"]
            if isinstance(field, forms.MultipleChoiceField):
                field.choices = [
                    (k, v) for k, v in VOORWAARDEN_KRIJGSMACHT.items() if k != "kmar_uitgeput"
                ]

    def clean_krijgsmacht_voorwaarde(self) -> list[str]:
        gekozen: list[str] = self.cleaned_data["krijgsmacht_voorwaarde"]
        if GEEN_VOORWAARDE in gekozen and len(gekozen) > 1:
            raise forms.ValidationError(
                "Kies 'Geen van deze' niet samen met een voorwaarde.", code="tegenstrijdig"
            )
        return gekozen


class BuitenlandForm(StapForm):
    land = forms.ChoiceField(
        label="Uit welk land komt de buitenlandse politie?",
        help_text=(
            "Ter informatie in de aanvraag. Verdragen: Benelux, Verdrag van Enschede "
            "(Duitsland), Prüm (EU)."
        ),
        choices=[("", "Kies een land"), *teksten.LANDEN],
        error_messages={
            "required": "Kies het land van de buitenlandse politie.",
            "invalid_choice": "Kies een land uit de lijst.",
        },
    )


#: The explanation of the municipalities question.
GEMEENTEN_UITLEG = (
    "Eén per regel of gescheiden door komma's. Bij meer gemeenten ondertekent elke "
    "burgemeester een eigen formulier. Mag leeg blijven."
)
#: Added where the regioburgemeester question depends on the answer (procedure 1).
GEMEENTEN_REGIOBURGEMEESTER = (
    "Met gemeenten volgt per gemeente uit de referentiegegevens of haar burgemeester de "
    "regioburgemeester is; zonder gemeente vraagt de volgende stap het u."
)


def _split_gemeenten(tekst: str) -> list[str]:
    return [g.strip() for g in _GEMEENTE_SCHEIDING.split(tekst) if g.strip()]


class DetailsForm(StapForm):
    spoed = ja_nee(
        "Is het spoedeisend?",
        help_text=(
            "Spoed: er is geen tijd om eerst schriftelijk aan te vragen. Dan wordt eerst "
            "gebeld en het verzoek achteraf op papier gezet, en hoeft de regioburgemeester "
            "niet eerst gehoord te worden (Politiewet 2012, art. 56 lid 3)."
        ),
        verplicht="Geef aan of het spoedeisend is.",
    )
    gemeenten = forms.CharField(
        label="In welke gemeente(n) wordt de bijstand ingezet?",
        help_text=GEMEENTEN_UITLEG,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    locatiegebonden = ja_nee(
        "Is de bijstand vooraf aan één gemeente te koppelen?",
        help_text=(
            "Nee: dan kan de regioburgemeester het verzoek als primus inter pares (eerste "
            "onder gelijken) indienen (factsheet, toelichting 3 en 4)."
        ),
        verplicht="Geef aan of de bijstand aan één gemeente te koppelen is.",
    )
    convenant = ja_nee(
        "Valt de inzet onder een convenant voor justitiële defensiebijstand?",
        help_text=(
            "Justitie en Defensie hebben voor sommige vormen van bijstand convenanten "
            "gesloten. Dan geldt een kortere route, maar de korpsleiding wordt altijd "
            "geïnformeerd (factsheet, voetnoot 4)."
        ),
        verplicht="Geef aan of een convenant van toepassing is.",
    )
    # Optional, "nee" when left open: the rare case must not cost every user a question
    # (contract, interpretation 13).
    bijzondere_bijstandseenheid = forms.TypedChoiceField(
        label="Wordt een bijzondere bijstandseenheid gevraagd?",
        help_text=(
            "Bijvoorbeeld de Dienst Speciale Interventies (DSI) van de politie, of een "
            "bijzondere eenheid van de KMar of de krijgsmacht. Die bijstand valt buiten de "
            "factsheet: de officier van justitie vraagt haar aan de minister, die beslist "
            "(Politiewet 2012, art. 59). Leeg laten betekent nee."
        ),
        choices=JA_NEE,
        coerce=lambda value: value == JA,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Kies ja of nee."},
    )

    def __init__(self, *args: Any, antwoorden: Mapping[str, Any], **kwargs: Any) -> None:
        super().__init__(*args, antwoorden=antwoorden, **kwargs)
        velden = details_velden(antwoorden)
        for naam in list(self.fields):
            if naam == "bijzondere_bijstandseenheid" and bijzondere_bijstandseenheid_vraag(
                antwoorden
            ):
                continue
            if naam not in velden:
                del self.fields[naam]
        if REGIOBURGEMEESTER in velden:
            self.fields["gemeenten"].help_text = f"{GEMEENTEN_UITLEG} {GEMEENTEN_REGIOBURGEMEESTER}"

    def clean_gemeenten(self) -> list[str]:
        # The same check as the CLI and the API (rules.situatie), so that the step refuses
        # what the advice would refuse, instead of an error page after the last step.
        try:
            return list(gemeenten_valideren(_split_gemeenten(self.cleaned_data["gemeenten"])))
        except OngeldigeSituatie as fout:
            slot = "" if fout.melding.endswith("?") else "."
            raise forms.ValidationError(
                f"{fout.melding[:1].upper()}{fout.melding[1:]}{slot}", code="ongeldig"
            ) from None


class RegioburgemeesterForm(StapForm):
    """The regioburgemeester question, asked only when no municipality is given.

    With municipalities the answer is derived per municipality from the reference data
    (contract, interpretation 12: `aanvrager_is_regioburgemeester` counts only when
    `gemeenten` is empty), so the step is skipped (`regioburgemeester_nodig`).
    """

    aanvrager_is_regioburgemeester = ja_nee(
        "Is de aanvragende burgemeester zelf de regioburgemeester?",
        help_text=(
            "De regioburgemeester is de burgemeester die voor de regionale eenheid het "
            "aanspreekpunt is. Bij bijstand door een andere eenheid krijgt hij eerst de "
            "gelegenheid zijn zienswijze (zijn standpunt over het verzoek) te geven, behalve "
            "bij spoed (Politiewet 2012, art. 56 lid 3). Vraagt hij zelf, dan vervalt die stap."
        ),
        verplicht="Geef aan of de aanvragende burgemeester de regioburgemeester is.",
    )


def details_velden(antwoorden: Mapping[str, Any]) -> list[str]:
    """The questions of the details steps that matter for these answers.

    `aanvrager_is_regioburgemeester` only plays a part in procedure 1 (path A, another
    unit: contract interpretation 4), and only without municipalities (interpretation 12: with
    them it is derived per municipality); it is listed while they are unknown and asked on a
    step of its own (`regioburgemeester_nodig`); `locatiegebonden` only in procedures 3 and 4
    (path A, KMar or armed forces: interpretation 8);
    `convenant` only in procedure 8 (path B, armed forces: interpretation 10). The optional
    `bijzondere_bijstandseenheid` is not among them: see `bijzondere_bijstandseenheid_vraag`.
    """
    leveranciers = _leveranciers(antwoorden)
    velden = ["spoed", "gemeenten"]
    if pad(antwoorden) == "A":
        if Leverancier.POLITIE in leveranciers and not antwoorden.get("gemeenten"):
            velden.append(REGIOBURGEMEESTER)
        if Leverancier.KMAR in leveranciers or Leverancier.KRIJGSMACHT in leveranciers:
            velden.append("locatiegebonden")
    if pad(antwoorden) == "B" and Leverancier.KRIJGSMACHT in leveranciers:
        velden.append("convenant")
    return velden


#: The providers that have bijzondere bijstandseenheden (Pw art. 59).
_BIJZONDERE_BIJSTANDSEENHEDEN = frozenset(
    {Leverancier.POLITIE, Leverancier.KMAR, Leverancier.KRIJGSMACHT}
)


def bijzondere_bijstandseenheid_vraag(antwoorden: Mapping[str, Any]) -> bool:
    """Whether the details step offers the optional question on a bijzondere bijstandseenheid.

    When the police, the KMar or the armed forces are asked: their special units are meant
    (Pw art. 59; contract, interpretation 13). Left open it means no, and then it is left
    out of the situation and of the bookmarkable query, so the common case is unchanged.
    """
    return bool(_BIJZONDERE_BIJSTANDSEENHEDEN.intersection(_leveranciers(antwoorden)))


def _na_capaciteit(antwoorden: Mapping[str, Any]) -> bool:
    """Whether the flow goes on after the capacity question (providers are needed)."""
    return (
        antwoorden.get("eigen_capaciteit_toereikend") is False
        and antwoorden.get("taak") not in TAKEN_ZONDER_LEVERANCIER
    )


def regioburgemeester_nodig(antwoorden: Mapping[str, Any]) -> bool:
    """Whether the regioburgemeester step is asked: it matters, and no municipality is given.

    Asked only once the details step is answered without municipalities (`gemeenten` is
    ``[]``); with municipalities the advice derives the answer per municipality from the
    reference data (contract, interpretation 12), and the result page says what it derived.
    """
    return (
        _na_capaciteit(antwoorden)
        and antwoorden.get("gemeenten") == []
        and REGIOBURGEMEESTER in details_velden(antwoorden)
    )


def _gekozen(leverancier: Leverancier) -> Callable[[Mapping[str, Any]], bool]:
    def nodig(antwoorden: Mapping[str, Any]) -> bool:
        return _na_capaciteit(antwoorden) and leverancier in _leveranciers(antwoorden)

    return nodig


@dataclass(frozen=True)
class Stap:
    """One page of the wizard.

    Attributes:
        slug: the URL segment (``/wijzer/<slug>/``).
        titel: short Dutch title, shown in the summary of answers.
        fase: the phase (1 to 4) of the progress indicator.
        form_class: the form that asks the questions; its field names are the query keys.
        nodig: whether the step is asked, given the answers of the steps before it.
    """

    slug: str
    titel: str
    fase: int
    form_class: type[StapForm]
    nodig: Callable[[Mapping[str, Any]], bool]

    def form(self, data: QueryDict | None = None, **kwargs: Any) -> StapForm:
        """The step's form, bound to `data` when given."""
        antwoorden: Mapping[str, Any] = kwargs.pop("antwoorden", {})
        if data is None:
            return self.form_class(antwoorden=antwoorden, **kwargs)
        return self.form_class(data, antwoorden=antwoorden, **kwargs)


#: The phases of the progress indicator (stroomschema stap 2, stap 1, path A/B, details).
FASEN: tuple[str, ...] = ("Taak en gezag", "Eigen capaciteit", "Leveranciers", "Details")

STAPPEN: tuple[Stap, ...] = (
    Stap("taak", "Politietaak", 1, TaakForm, lambda a: True),
    Stap(
        "misdrijf", "Vermissing", 1, MisdrijfForm, lambda a: a.get("taak") == Politietaak.VERMISSING
    ),
    Stap(
        "aanvrager",
        "Aanvrager",
        1,
        AanvragerForm,
        lambda a: a.get("taak") == Politietaak.GEEN_POLITIETAAK,
    ),
    Stap("capaciteit", "Eigen capaciteit", 2, CapaciteitForm, lambda a: True),
    Stap("leveranciers", "Leveranciers", 3, LeveranciersForm, _na_capaciteit),
    Stap("middelen", "Middelen", 3, MiddelenForm, _gekozen(Leverancier.MIDDELEN_JENV)),
    Stap(
        "waterwerper",
        "Waterwerper",
        3,
        WaterwerperForm,
        lambda a: (
            _gekozen(Leverancier.MIDDELEN_JENV)(a) and Middel.WATERWERPER in a.get("middel", [])
        ),
    ),
    Stap("krijgsmacht", "Krijgsmacht", 3, KrijgsmachtForm, _gekozen(Leverancier.KRIJGSMACHT)),
    Stap("buitenland", "Buitenland", 3, BuitenlandForm, _gekozen(Leverancier.BUITENLAND)),
    Stap("details", "Details", 4, DetailsForm, _na_capaciteit),
    Stap(
        "regioburgemeester",
        "Regioburgemeester",
        4,
        RegioburgemeesterForm,
        regioburgemeester_nodig,
    ),
)
STAP_BY_SLUG: dict[str, Stap] = {s.slug: s for s in STAPPEN}

#: The steps whose answers decide which later steps are asked (see each step's `nodig`);
#: the details step too where its municipalities decide the regioburgemeester step
#: (`kan_stappen_toevoegen`).
BEPALEN_HET_PAD = frozenset({"taak", "misdrijf", "capaciteit", "leveranciers", "middelen"})


def kan_stappen_toevoegen(stap: Stap, antwoorden: Mapping[str, Any]) -> bool:
    """Whether the answer of `stap` can still add a step to the path of `antwoorden`.

    A step of `BEPALEN_HET_PAD`; or the details step when the regioburgemeester question
    matters, since it is asked only when no municipality is given (`regioburgemeester_nodig`).
    """
    if stap.slug == "details":
        return REGIOBURGEMEESTER in details_velden(antwoorden)
    return stap.slug in BEPALEN_HET_PAD


@dataclass(frozen=True)
class Stapnummer:
    """Where a step stands on the path: "stap `nummer` van (ten minste) `totaal`".

    Attributes:
        nummer: 1-based position of the step among the pages asked.
        totaal: the pages asked for the answers known so far.
        zeker: False while an unanswered step can still add pages (the total may grow).
    """

    nummer: int
    totaal: int
    zeker: bool


def stapnummer(huidige: Stap, antwoorden: Mapping[str, Any]) -> Stapnummer:
    """The position of `huidige` among the pages asked, and how many there are (issue #8).

    Args:
        huidige: a step on the path of `antwoorden`.
        antwoorden: the cleaned answers of the complete steps (`Voortgang.antwoorden`).
    """
    pad_ = [s for s in STAPPEN if s.nodig(antwoorden)]
    beantwoord = set(antwoorden)
    zeker = all(
        set(s.form(antwoorden=dict(antwoorden)).fields) <= beantwoord
        for s in pad_[pad_.index(huidige) :]
        if kan_stappen_toevoegen(s, antwoorden)
    )
    return Stapnummer(nummer=pad_.index(huidige) + 1, totaal=len(pad_), zeker=zeker)


#: The query key of the submit button: present when a step's form was sent.
VERDER = "verder"


@dataclass(frozen=True)
class Open:
    """The first step that still needs an answer.

    Attributes:
        stap: the step.
        form: its form bound to the query; its errors say what is missing or wrong.
        ongeldig: the query holds answers for this step that are invalid (a tampered or
            stale link). False when the step's questions are merely unanswered, also when
            some of them are answered (a question added by a changed answer).
    """

    stap: Stap
    form: StapForm
    ongeldig: bool

    def fouten(self) -> list[tuple[str, str]]:
        """(field name, "question message") per invalid field (`web.tekst.foutregel`)."""
        return [
            (
                naam,
                foutregel(str(self.form.fields[naam].label), " ".join(str(m) for m in meldingen)),
            )
            for naam, meldingen in self.form.errors.items()
            if naam in self.form.fields
        ]


@dataclass(frozen=True)
class Voortgang:
    """How far the answers in a query string reach.

    Attributes:
        antwoorden: cleaned values of every complete step (field name -> value).
        pad: the steps asked so far, in order, up to and including the open one.
        open: the first step that still needs an answer, or None when all are complete.
    """

    antwoorden: Antwoorden
    pad: list[Stap]
    open: Open | None = None


def voortgang(data: QueryDict) -> Voortgang:
    """Validate the answers in `data` step by step, in flowchart order.

    Args:
        data: the query string (`request.GET`).

    Returns:
        A `Voortgang`: the cleaned answers and the first step that is missing or invalid.
    """
    antwoorden: Antwoorden = {}
    gevolgd: list[Stap] = []
    for stap in STAPPEN:
        if not stap.nodig(antwoorden):
            continue
        gevolgd.append(stap)
        form = stap.form(data, antwoorden=dict(antwoorden))
        if not form.is_valid():
            # A question without an answer in the query (for example one that a changed
            # answer made necessary) is open, not wrong: only given answers can be invalid.
            ongeldig = any(naam in data for naam in form.errors if naam in form.fields)
            return Voortgang(antwoorden, gevolgd, Open(stap, form, ongeldig))
        antwoorden.update(form.cleaned_data)
    return Voortgang(antwoorden, gevolgd)


def naar_situatie(antwoorden: Mapping[str, Any]) -> dict[str, Any]:
    """The contract's `Situatie` JSON object for complete answers.

    Only the answers of steps on the current path are used; answers left in the query from
    another path are dropped. The result is validated by `rules.situatie_from_dict`.

    Args:
        antwoorden: `Voortgang.antwoorden` of a complete `voortgang`.

    Returns:
        A dict with the contract's field names and JSON types.
    """
    situatie: dict[str, Any] = {
        "eigen_capaciteit_toereikend": antwoorden["eigen_capaciteit_toereikend"],
        "taak": antwoorden["taak"],
    }
    if antwoorden["taak"] == Politietaak.VERMISSING:
        situatie["indicatie_misdrijf"] = antwoorden["indicatie_misdrijf"]
    if antwoorden["taak"] == Politietaak.GEEN_POLITIETAAK:
        situatie["aanvrager"] = antwoorden["aanvrager"]
    if not _na_capaciteit(antwoorden):
        if antwoorden["eigen_capaciteit_toereikend"]:
            situatie["gevraagd"] = []
        return situatie
    for veld in details_velden(antwoorden):
        situatie[veld] = antwoorden[veld]
    if bijzondere_bijstandseenheid_vraag(antwoorden) and antwoorden.get(
        "bijzondere_bijstandseenheid"
    ):
        situatie["bijzondere_bijstandseenheid"] = True
    situatie["gevraagd"] = list(_gevraagd(antwoorden))
    return situatie


def _gevraagd(antwoorden: Mapping[str, Any]) -> Iterable[dict[str, Any]]:
    gekozen = _leveranciers(antwoorden)
    for leverancier in Leverancier:
        if leverancier not in gekozen:
            continue
        if leverancier is Leverancier.MIDDELEN_JENV:
            for middel in Middel:
                if middel not in antwoorden["middel"]:
                    continue
                item: dict[str, Any] = {"leverancier": leverancier.value, "middel": middel.value}
                if middel is Middel.WATERWERPER:
                    item["oefening"] = antwoorden["oefening"]
                yield item
        elif leverancier is Leverancier.KRIJGSMACHT:
            voorwaarden = antwoorden["krijgsmacht_voorwaarde"]
            item = {"leverancier": leverancier.value}
            for voorwaarde in VOORWAARDEN_KRIJGSMACHT:
                if voorwaarde == GEEN_VOORWAARDE:
                    continue
                if voorwaarde == "kmar_uitgeput" and pad(antwoorden) == "B":
                    continue
                item[voorwaarde] = voorwaarde in voorwaarden
            yield item
        elif leverancier is Leverancier.BUITENLAND:
            yield {"leverancier": leverancier.value, "land": antwoorden["land"]}
        else:
            yield {"leverancier": leverancier.value}


def _query_waarden(veld: str, waarde: Any) -> list[str]:
    if isinstance(waarde, bool):
        return [JA if waarde else NEE]
    if veld == "gemeenten":
        return [", ".join(waarde)] if waarde else []
    if isinstance(waarde, list):
        return [str(v) for v in waarde]
    return [str(waarde)]


def canonieke_query(voortgang_: Voortgang) -> QueryDict:
    """The answers of the steps on the path, in step order: the bookmarkable query string.

    Stale answers (of steps not on the path, or not asked) are left out.
    """
    query = QueryDict(mutable=True)
    for stap in voortgang_.pad:
        if voortgang_.open is not None and stap is voortgang_.open.stap:
            break
        for veld in stap.form(antwoorden=voortgang_.antwoorden).fields:
            waarden = _query_waarden(veld, voortgang_.antwoorden.get(veld))
            if veld == "bijzondere_bijstandseenheid" and not voortgang_.antwoorden.get(veld):
                continue  # optional, "nee" when left open
            if veld in voortgang_.antwoorden and waarden:
                query.setlist(veld, waarden)
    return query


@dataclass(frozen=True)
class Antwoord:
    """One answer in the summary: the question, the answer in words and its step."""

    vraag: str
    antwoord: str
    stap: Stap


def samenvatting(voortgang_: Voortgang) -> list[Antwoord]:
    """The answers of a complete path in words, for the result page."""
    regels: list[Antwoord] = []
    for stap in voortgang_.pad:
        form = stap.form(antwoorden=voortgang_.antwoorden)
        for naam, field in form.fields.items():
            waarde = voortgang_.antwoorden.get(naam)
            regels.append(Antwoord(str(field.label), _in_woorden(field, waarde), stap))
    return regels


def _in_woorden(field: forms.Field, waarde: Any) -> str:
    if waarde is None and isinstance(field, forms.TypedChoiceField) and not field.required:
        return "Nee"  # an optional yes/no question left open
    if isinstance(waarde, bool):
        return "Ja" if waarde else "Nee"
    if isinstance(field, forms.ChoiceField):
        choices: Iterable[tuple[Any, Any]] = field.choices  # type: ignore[assignment]
        labels = {str(k): str(v) for k, v in choices}
        if isinstance(waarde, list):
            return "; ".join(labels.get(str(v), str(v)) for v in waarde) or "—"
        return labels.get(str(waarde), str(waarde))
    if isinstance(waarde, list):
        return ", ".join(str(w) for w in waarde) if waarde else "Niet opgegeven"
    return str(waarde)


#: The contract's defaults of the optional yes/no fields of `Situatie`.
_STANDAARDWAARDEN = {
    "spoed": False,
    "locatiegebonden": True,
    "aanvrager_is_regioburgemeester": False,
    "convenant": False,
}


def query_van_situatie(situatie: Mapping[str, Any]) -> QueryDict:
    """The wizard's answers for a contract `Situatie` object (the reverse of `naar_situatie`).

    Every field of the situation is written as the wizard's answer; the wizard then uses only
    those its questions ask (`canonieke_query`). Used to open a case in the wizard and by the
    benchmark; the input is not validated here (the wizard's forms do that).

    Args:
        situatie: a dict in the shape of the contract's `Situatie`.

    Returns:
        A `QueryDict` for `/wijzer/advies/`.
    """
    query = QueryDict(mutable=True)
    for veld in ("taak", "indicatie_misdrijf", "aanvrager", "eigen_capaciteit_toereikend"):
        if situatie.get(veld) is not None:
            query.setlist(veld, _query_waarden(veld, situatie[veld]))
    for veld, standaard in _STANDAARDWAARDEN.items():
        waarde = situatie.get(veld)
        query.setlist(veld, _query_waarden(veld, standaard if waarde is None else waarde))
    if situatie.get("bijzondere_bijstandseenheid") is True:
        query.setlist("bijzondere_bijstandseenheid", [JA])
    if situatie.get("gemeenten"):
        query.setlist("gemeenten", _query_waarden("gemeenten", list(situatie["gemeenten"])))
    gevraagd = list(situatie.get("gevraagd") or [])
    query.setlist("leverancier", list(dict.fromkeys(str(g["leverancier"]) for g in gevraagd)))
    voorwaarden: list[str] = []
    for item in gevraagd:
        if item.get("middel"):
            query.appendlist("middel", str(item["middel"]))
            if item["middel"] == Middel.WATERWERPER:
                query.setlist("oefening", _query_waarden("oefening", bool(item.get("oefening"))))
        if item["leverancier"] == Leverancier.KRIJGSMACHT:
            overslaan = {GEEN_VOORWAARDE}
            if pad(situatie) == "B":
                overslaan.add("kmar_uitgeput")  # flowchart B: the KMar plays no part
            voorwaarden = [
                v for v in VOORWAARDEN_KRIJGSMACHT if v not in overslaan and item.get(v)
            ] or [GEEN_VOORWAARDE]
        if item.get("land"):
            query.setlist("land", [str(item["land"])])
    if voorwaarden:
        query.setlist("krijgsmacht_voorwaarde", voorwaarden)
    return query
