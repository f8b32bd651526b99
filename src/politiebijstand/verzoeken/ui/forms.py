"""Forms of the request pages. They only check shapes; the services check the rules.

Datetimes are entered and shown in Europe/Amsterdam (``TIME_ZONE``): Django's form fields make
the entered local time aware in the current time zone, the services store it in UTC.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.db.models import QuerySet

from politiebijstand.fnik.forms import BedragVeld
from politiebijstand.organisaties.models import Organisatie
from politiebijstand.verzoeken.constants import BesluitUitkomst, RegelUitkomst
from politiebijstand.verzoeken.models import GevraagdeInzet
from politiebijstand.verzoeken.services import BEROEP_BEVESTIGING, InzetRegel, RegelBesluit
from politiebijstand.vragenlijst.referentie import gemeente_volgens_referentie

DATUM_TIJD_FORMAAT = "%Y-%m-%dT%H:%M"


def datum_tijd_veld(
    label: str, *, required: bool = True, help_text: str = ""
) -> forms.DateTimeField:
    """A date-and-time field in Europe/Amsterdam (``<input type="datetime-local">``)."""
    return forms.DateTimeField(
        label=label,
        required=required,
        help_text=help_text or "Nederlandse tijd (Europe/Amsterdam).",
        input_formats=[DATUM_TIJD_FORMAAT, "%Y-%m-%d %H:%M", "%d-%m-%Y %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATUM_TIJD_FORMAAT),
    )


def tekstvak(label: str, *, required: bool = False, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


_REGEL = re.compile(r"^\s*(\d+)\s*[x×]?\s+(.+?)\s*$")


def regels_lezen(tekst: str, *, deel: int) -> list[InzetRegel]:
    r"""Requested lines from text: one per line, an optional leading number is the count.

    ``"4 ME-pelotons\nhondengeleider"`` gives ``[InzetRegel("ME-pelotons", 4, deel),
    InzetRegel("hondengeleider", None, deel)]``; empty lines are skipped.
    """
    regels = []
    for regel in tekst.splitlines():
        if not regel.strip():
            continue
        match = _REGEL.match(regel)
        if match:
            regels.append(InzetRegel(match.group(2), int(match.group(1)), deel))
        else:
            regels.append(InzetRegel(regel.strip(), None, deel))
    return regels


class OrganisatieKeuze(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A choice of an organisation, shown by its name."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.naam)


class OrganisatieKeuzes(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """A multiple choice of organisations, shown by their names."""

    def label_from_instance(self, obj: Any) -> str:
        return str(obj.naam)


#: Of these two fields of `VerzoekForm` (or the requested lines per part) at least one.
EEN_VAN_BEIDE = ("gevraagde_capaciteit", "gewenst_effect")


class VerzoekForm(forms.Form):
    """The request's details, entered by the RCCB after the wizard's advice (`verzoek_aanmaken`).

    One text field ``regels_<n>`` per part (allowed route) of the advice, for its requested
    lines.
    """

    titel = forms.CharField(
        label="Titel", max_length=200, help_text="Korte omschrijving van de inzet."
    )
    omschrijving = tekstvak(
        "Omschrijving", help_text="De feitelijke aanvraag: aanleiding, taak en gevraagde inzet."
    )
    bevoegd_gezag = forms.ModelChoiceField(
        label="Bevoegd gezag", queryset=Organisatie.objects.none(), empty_label="Kies"
    )
    gemeenten = forms.ModelMultipleChoiceField(
        label="Gemeenten van de inzet",
        queryset=Organisatie.objects.none(),
        required=False,
        help_text="De gemeente van de burgemeester wordt altijd meegenomen.",
    )
    periode_start = datum_tijd_veld("Begin van de inzet")
    periode_eind = datum_tijd_veld("Einde van de inzet")
    locatie = forms.CharField(label="Locatie", max_length=300)
    gevraagde_capaciteit = tekstvak(
        "Gevraagde capaciteit",
        help_text=(
            "In woorden, bijvoorbeeld '4 ME-pelotons'. Of vul de gevraagde inzet per deel "
            "hieronder in, of het gewenste effect."
        ),
    )
    gewenst_effect = tekstvak(
        "Gewenst effect",
        help_text="Wat de bijstand moet bereiken, als de capaciteit niet vast te leggen is.",
    )
    oefening = forms.BooleanField(
        label="Dit is een oefening",
        required=False,
        help_text=(
            "Een oefening doorloopt de echte procedure met de echte partijen, maar claimt geen "
            "capaciteit en telt niet mee in rapportages en FNIK. Een oefening met de "
            "waterwerper uit de Bijstandswijzer is altijd een oefening."
        ),
    )

    def __init__(
        self,
        *args: Any,
        gezag_keuzes: QuerySet[Organisatie],
        gemeente_keuzes: QuerySet[Organisatie],
        delen: Sequence[str],
        regioburgemeester: bool | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        #: The advice's answer "the requesting burgemeester is the regioburgemeester", when
        #: the advice asked it (procedure 1); the chosen burgemeester must agree with it.
        self.regioburgemeester = regioburgemeester
        self.fields["bevoegd_gezag"] = OrganisatieKeuze(
            label="Bevoegd gezag",
            queryset=gezag_keuzes,
            empty_label="Kies",
            help_text="De burgemeester (gemeente) of de officier van justitie (parket) die vraagt.",
        )
        self.fields["gemeenten"] = OrganisatieKeuzes(
            label="Gemeenten van de inzet",
            queryset=gemeente_keuzes,
            required=False,
            help_text="De gemeente van de burgemeester wordt altijd meegenomen.",
        )
        self.delen = list(delen)
        for nummer, titel in enumerate(self.delen, start=1):
            self.fields[f"regels_{nummer}"] = tekstvak(
                f"Gevraagde inzet, deel {nummer}: {titel}",
                help_text="Eén regel per onderdeel, met het aantal vooraan: '4 ME-pelotons'.",
            )
        #: The fields of which one is required (`clean`): shown together, not "(optioneel)".
        self.capaciteit_velden = [
            *EEN_VAN_BEIDE,
            *(f"regels_{n}" for n in range(1, len(self.delen) + 1)),
        ]
        for naam in self.capaciteit_velden:
            self.fields[naam].een_van_beide = True  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        """The requested capacity (in words or per part) or the desired effect is required.

        Bron: factsheet, the request form holds "de feitelijke aanvraag" (toelichting 1 and 6);
        `verzoek_aanmaken` refuses a request without either.
        """
        data = super().clean() or {}
        regels = any((data.get(f"regels_{n}") or "").strip() for n in range(1, len(self.delen) + 1))
        if not (
            (data.get("gevraagde_capaciteit") or "").strip()
            or (data.get("gewenst_effect") or "").strip()
            or regels
        ):
            self.add_error(
                "gevraagde_capaciteit",
                forms.ValidationError(
                    "Vul de gevraagde capaciteit (in woorden of per deel) of het gewenste "
                    "effect in: ten minste een van beide.",
                    code="capaciteit-of-effect",
                ),
            )
        return data

    def clean_bevoegd_gezag(self) -> Organisatie:
        """The chosen authority; a burgemeester must agree with the advice's regioburgemeester.

        Bron: Politiewet 2012, art. 56 lid 3 (the regioburgemeester gives his zienswijze,
        unless he requests himself); the reference data of the regioburgemeesters.
        """
        gezag: Organisatie = self.cleaned_data["bevoegd_gezag"]
        if self.regioburgemeester is None:
            return gezag
        feit = gemeente_volgens_referentie(gezag)
        if feit is not None and feit.tegenstrijdigheid(self.regioburgemeester):
            volgens = "wel" if self.regioburgemeester else "niet"
            raise forms.ValidationError(
                f"Volgens het advies is de aanvragende burgemeester {volgens} de "
                f"regioburgemeester. {feit.zin()} Kies de burgemeester die bij het advies "
                "past, of wijzig het antwoord in de Bijstandswijzer.",
                code="regioburgemeester-tegenstrijdig",
            )
        return gezag

    def regels(self) -> list[InzetRegel]:
        """The requested lines of every part (after `is_valid`)."""
        result: list[InzetRegel] = []
        for nummer in range(1, len(self.delen) + 1):
            result += regels_lezen(self.cleaned_data.get(f"regels_{nummer}") or "", deel=nummer)
        return result

    def veld_voor(self, veld: str) -> str | None:
        """The form field for a service's error field (``regels[2].aantal`` -> a regels field)."""
        if veld in self.fields:
            return veld
        match = re.match(r"regels\[(\d+)\]", veld)
        if match:
            index = int(match.group(1))
            teller = 0
            for nummer in range(1, len(self.delen) + 1):
                aantal = len(
                    regels_lezen(self.cleaned_data.get(f"regels_{nummer}") or "", deel=nummer)
                )
                if index < teller + aantal:
                    return f"regels_{nummer}"
                teller += aantal
        return None


#: Labels of the fields that steps record (`Taak.velden`), by name.
VELD_LABELS: Mapping[str, str] = {
    "toestemming": "Toestemming gegeven?",
    "ondersteund": "Ondersteunt het College de aanvraag?",
    "bevoegd_gezag": "Wie is het bevoegd gezag?",
    "besluit": "Besluit",
    "besluit_defensie": "Besluit namens de Minister van Defensie",
    "politie_uitgeput": "Is de politie daadwerkelijk uitgeput?",
    "motivering": "Motivering",
    "standpunt_defensie": "Standpunt van het Ministerie van Defensie",
    "overeenstemming_defensie": "Stemt de Minister van Defensie in met de wijze van bijstand?",
}

#: Labels of the values of a choice field.
WAARDE_LABELS: Mapping[str, str] = {
    "toegekend": "Toegekend",
    "deels_toegekend": "Gedeeltelijk toegekend",
    "afgewezen": "Afgewezen",
    "burgemeester": "Burgemeester",
    "officier_van_justitie": "Officier van justitie",
}

JA_NEE = [("ja", "Ja"), ("nee", "Nee")]


def bestand_veld(partij: str) -> forms.FileField:
    """The received PDF of a step recorded on behalf of a party without an account.

    Required; the browser offers PDFs only (``accept="application/pdf"``), the service checks
    the content (`documenten.services.extern_document_opslaan`; issue #10 item 4, ADR 0037).
    """
    return forms.FileField(
        label=f"Ontvangen antwoord van {partij} (PDF)",
        required=True,
        allow_empty_file=True,  # the service refuses an empty file with its own message
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        help_text=(
            "De brief of e-mail van de partij als PDF, ten hoogste 10 MiB. Wordt bij het verzoek "
            "bewaard en is te downloaden door wie het verzoek mag zien."
        ),
        error_messages={"required": "Voeg het ontvangen antwoord toe als PDF."},
    )


def _ja(waarde: str) -> bool:
    return waarde == "ja"


class StapForm(forms.Form):
    """A step of the procedure: the fields it records (`Taak.velden`) and a report."""

    def __init__(
        self,
        *args: Any,
        velden: Mapping[str, Mapping[str, Any]],
        verslag_verplicht: bool = False,
        **kwargs: Any,
    ) -> None:
        """The step's form.

        Args:
            *args: Django's form arguments (the posted data).
            velden: the step's declared fields (`Taak.velden`).
            **kwargs: Django's form keyword arguments.
            verslag_verplicht: the report is required: the korpschef's written refusal
                carries its reasons in it (`services.AFWIJZING_STAP`; factsheet, toelichting 9).
        """
        super().__init__(*args, **kwargs)
        self.stapvelden = list(velden)
        for naam, spec in velden.items():
            label = VELD_LABELS.get(naam, naam.replace("_", " ").capitalize())
            soort = spec.get("soort")
            veld: forms.Field
            if soort == "ja_nee":
                veld = forms.TypedChoiceField(
                    label=label, choices=JA_NEE, coerce=_ja, widget=forms.RadioSelect
                )
            elif soort == "keuze":
                veld = forms.ChoiceField(
                    label=label,
                    choices=[(w, WAARDE_LABELS.get(w, w)) for w in spec.get("waarden", ())],
                    widget=forms.RadioSelect,
                )
            elif soort == "tekst":
                veld = tekstvak(label, required=True)
            else:
                veld = forms.CharField(label=label, help_text="Een ISO 8601-duur, zoals PT24H.")
            self.fields[naam] = veld
        if verslag_verplicht:
            self.fields["verslag"] = tekstvak(
                "Redenen van de afwijzing",
                required=True,
                help_text="Gaat schriftelijk naar de aanvrager, met een afschrift aan DGPOL.",
            )
        else:
            self.fields["verslag"] = tekstvak(
                "Verslag", help_text="Wat is gedaan of afgesproken (optioneel)."
            )

    def gegevens(self) -> dict[str, Any]:
        """The data for `taak_afronden` (after `is_valid`)."""
        data = {naam: self.cleaned_data[naam] for naam in self.stapvelden}
        verslag = self.cleaned_data.get("verslag") or ""
        if verslag:
            data["verslag"] = verslag
        return data


class OverslaanForm(forms.Form):
    """Skip an optional step, with the reason (factsheet: "kan ... plaatsvinden")."""

    reden = forms.CharField(
        label="Reden om deze stap over te slaan", widget=forms.Textarea(attrs={"rows": 2})
    )


class BesluitForm(forms.Form):
    """A decision: granted, partly granted per requested line, or rejected (`besluit_nemen`).

    One pair of fields per requested line: ``regel_<pk>`` (toegekend/afgewezen) and
    ``regel_<pk>_aantal`` (how many granted), used for a partial grant.
    """

    uitkomst = forms.ChoiceField(
        label="Besluit", choices=BesluitUitkomst.choices, widget=forms.RadioSelect
    )
    motivering = tekstvak(
        "Motivering",
        help_text="Verplicht bij een afwijzing of gedeeltelijke toekenning (Awb 3:46).",
    )
    # Required for some outcomes only: the label does not say "(optioneel)".
    motivering.voorwaardelijk = True  # type: ignore[attr-defined]
    voorwaarden = tekstvak(
        "Voorwaarden", help_text="Voorwaarden bij een (gedeeltelijke) toekenning."
    )

    def __init__(
        self,
        *args: Any,
        regels: Sequence[GevraagdeInzet],
        velden: Mapping[str, Mapping[str, Any]] | None = None,
        afwijzing_doorgeven: bool = False,
        oefening: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        velden = velden or {}
        self.afwijzing_doorgeven = afwijzing_doorgeven
        besluit = velden.get("besluit") or velden.get("besluit_defensie") or {}
        waarden = besluit.get("waarden")
        if waarden:
            keuzes = [(w, label) for w, label in BesluitUitkomst.choices if w in waarden]
            self.fields["uitkomst"] = forms.ChoiceField(
                label="Besluit", choices=keuzes, widget=forms.RadioSelect
            )
        if afwijzing_doorgeven:
            self.fields[
                "motivering"
            ].help_text = (
                "Optioneel: de redenen van Defensie worden overgenomen; vul hier alleen aan."
            )
        if "standpunt_defensie" in velden:
            self.fields["standpunt_defensie"] = tekstvak(
                VELD_LABELS["standpunt_defensie"],
                required=True,
                help_text="Wat DJZ namens de Minister van Defensie heeft laten weten.",
            )
        if "overeenstemming_defensie" in velden:
            self.fields["overeenstemming_defensie"] = forms.TypedChoiceField(
                label=VELD_LABELS["overeenstemming_defensie"],
                choices=JA_NEE,
                coerce=_ja,
                widget=forms.RadioSelect,
                help_text=(
                    "Over de wijze beslist u in overeenstemming met de Minister van Defensie "
                    "(Pw 2012 art. 57 lid 3, art. 58 lid 2). Zonder overeenstemming kunt u "
                    "alleen afwijzen."
                ),
            )
        if "besluit" in velden and "standpunt_defensie" in velden and not oefening:
            # The coordinator's decision in 3, 4, 7 and 8: the estimate committed to the FNIK
            # (factsheet, toelichting 10; issue #11 item 3). An exercise records none, so it is
            # not asked (`Bijstandsverzoek.oefening`; issue #11 item 5, ADR 0043).
            self.fields["raming_fnik"] = BedragVeld(
                naam="raming_fnik",
                melding_met_label=False,
                label="Raming kosten (FNIK), in euro",
                widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
                required=False,
                help_text=(
                    "Verplicht bij een (gedeeltelijke) toekenning: de geraamde extra kosten "
                    "van de militaire inzet, bijvoorbeeld 12.500,50 of 12500,50."
                ),
            )
            self.fields["raming_fnik"].voorwaardelijk = True  # type: ignore[attr-defined]
        # Passing on Defence's refusal can only refuse: no conditions, no lines to grant.
        self.gevraagd = [] if afwijzing_doorgeven else list(regels)
        if afwijzing_doorgeven:
            del self.fields["voorwaarden"]
        for regel in self.gevraagd:
            self.fields[f"regel_{regel.pk}"] = forms.ChoiceField(
                label=f"{regel}",
                choices=[("", "Kies"), *RegelUitkomst.choices],
                required=False,
            )
            if regel.aantal is not None:
                self.fields[f"regel_{regel.pk}_aantal"] = forms.IntegerField(
                    label=f"Aantal toegekend van {regel}",
                    min_value=1,
                    max_value=regel.aantal,
                    required=False,
                )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        uitkomst = data.get("uitkomst")
        if (
            uitkomst
            and uitkomst != BesluitUitkomst.TOEGEKEND
            and not data.get("motivering")
            and not self.afwijzing_doorgeven
        ):
            self.add_error(
                "motivering",
                "Geef de redenen: de motivering is verplicht bij een afwijzing of een "
                "gedeeltelijke toekenning (Awb 3:46).",
            )
        if uitkomst == BesluitUitkomst.AFGEWEZEN:
            if data.get("voorwaarden"):
                self.add_error(
                    "voorwaarden",
                    "Voorwaarden horen bij een (gedeeltelijke) toekenning; laat dit veld leeg "
                    "bij een afwijzing.",
                )
            for regel in self.gevraagd:
                if data.get(f"regel_{regel.pk}") == RegelUitkomst.TOEGEKEND or data.get(
                    f"regel_{regel.pk}_aantal"
                ):
                    self.add_error(
                        f"regel_{regel.pk}",
                        "Bij een afwijzing wordt geen regel toegekend; kies 'Deels toegekend' "
                        "om regels toe te kennen.",
                    )
        if (
            "raming_fnik" in self.fields
            and uitkomst in (BesluitUitkomst.TOEGEKEND, BesluitUitkomst.DEELS_TOEGEKEND)
            and data.get("raming_fnik") is None
            and "raming_fnik" not in self.errors
        ):
            self.add_error(
                "raming_fnik",
                "vul de geraamde kosten in bij een (gedeeltelijke) toekenning.",
            )
        if uitkomst == BesluitUitkomst.DEELS_TOEGEKEND:
            for regel in self.gevraagd:
                if not data.get(f"regel_{regel.pk}"):
                    self.add_error(
                        f"regel_{regel.pk}",
                        "Kies per gevraagde regel toegekend of afgewezen bij een gedeeltelijke "
                        "toekenning.",
                    )
        return data

    def defensie(self) -> dict[str, Any]:
        """``standpunt_defensie`` and ``overeenstemming_defensie`` for `besluit_nemen`."""
        return {
            naam: self.cleaned_data[naam]
            for naam in ("standpunt_defensie", "overeenstemming_defensie")
            if naam in self.fields
        }

    def fnik(self) -> dict[str, Any]:
        """``raming_fnik`` (Decimal euro) for `besluit_nemen` at a grant where it is asked."""
        bedrag = self.cleaned_data.get("raming_fnik")
        if bedrag is None or self.cleaned_data.get("uitkomst") == BesluitUitkomst.AFGEWEZEN:
            return {}
        return {"raming_fnik": bedrag}

    def regel_besluiten(self) -> list[RegelBesluit]:
        """Per line, for a partial grant; empty otherwise (every line gets the outcome)."""
        if self.cleaned_data.get("uitkomst") != BesluitUitkomst.DEELS_TOEGEKEND:
            return []
        return [
            RegelBesluit(
                regel_id=regel.pk,
                uitkomst=self.cleaned_data[f"regel_{regel.pk}"],
                toegekend_aantal=(
                    self.cleaned_data.get(f"regel_{regel.pk}_aantal")
                    if self.cleaned_data[f"regel_{regel.pk}"] == RegelUitkomst.TOEGEKEND
                    else None
                ),
            )
            for regel in self.gevraagd
        ]

    def veld_voor(self, veld: str) -> str | None:
        """The form field for a service's error field (``regels[1].toegekend_aantal``)."""
        if veld in self.fields:
            return veld
        match = re.match(r"regels\[(\d+)\](\.toegekend_aantal)?", veld)
        if match and int(match.group(1)) < len(self.gevraagd):
            regel = self.gevraagd[int(match.group(1))]
            naam = f"regel_{regel.pk}" + ("_aantal" if match.group(2) else "")
            return naam if naam in self.fields else f"regel_{regel.pk}"
        return None


class TelefoonForm(forms.Form):
    """The phone call of the urgent path: who called whom, when, and what was agreed."""

    beller = forms.CharField(label="Wie belde (naam en functie)", max_length=200)
    gebelde_organisatie = forms.ModelChoiceField(
        label="Welke organisatie werd gebeld", queryset=Organisatie.objects.none()
    )
    gebeld = forms.CharField(label="Wie werd gebeld (naam en functie)", max_length=200)
    tijdstip = datum_tijd_veld("Wanneer was het gesprek")
    afspraken = forms.CharField(
        label="Wat is afgesproken", widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(
        self,
        *args: Any,
        organisaties: QuerySet[Organisatie],
        uit_het_advies: Sequence[str] = (),
        opgehaald: Sequence[Organisatie] | None = None,
        **kwargs: Any,
    ) -> None:
        """The form; `uit_het_advies` are the route's contacts, the called one first.

        `opgehaald` is `organisaties` already evaluated by the caller (saves the query).

        The organisations are grouped: the advice's contacts in their order, then the other
        national organisations, the police units and the Openbaar Ministerie, each by name.
        An organisation with a 24/7 number shows it.
        """
        super().__init__(*args, **kwargs)
        veld = OrganisatieKeuze(
            label="Welke organisatie werd gebeld",
            queryset=organisaties,
            empty_label="Kies de organisatie" if not uit_het_advies else None,
        )
        lijst = list(opgehaald) if opgehaald is not None else list(organisaties)
        veld.choices = organisatie_groepen(lijst, uit_het_advies)
        self.fields["gebelde_organisatie"] = veld


def organisatie_label(organisatie: Organisatie) -> str:
    """``"Landelijk Operationeel Coördinatiecentrum (LOCC), 24/7 088 - 662 80 48"``."""
    label = str(organisatie.naam)
    if organisatie.afkorting and organisatie.afkorting not in label:
        label += f" ({organisatie.afkorting})"
    if organisatie.telefoon_spoed:
        label += f", 24/7 {organisatie.telefoon_spoed}"
    return label


def organisatie_groepen(
    organisaties: Sequence[Organisatie], uit_het_advies: Sequence[str]
) -> list[tuple[str, Any]]:
    """Choices of a select with option groups, for the organisation called on the phone.

    Args:
        organisaties: the organisations that may be chosen.
        uit_het_advies: organisation codes of the route's contacts, in the advice's order.

    Returns:
        ``[("", "Kies de organisatie")]`` when no contact is known, then groups
        ``(title, [(pk, label), ...])``: the advice's contacts, national organisations,
        police units and their RCCBs, Openbaar Ministerie. Empty groups are left out.
    """
    per_code = {o.code: o for o in organisaties}
    advies = [per_code[c] for c in dict.fromkeys(uit_het_advies) if c in per_code]
    rest = sorted((o for o in organisaties if o not in advies), key=lambda o: str(o.naam))
    politie = [o for o in rest if o.code.startswith(("EENHEID-", "RCCB-"))]
    om = [o for o in rest if o.soort == "openbaar_ministerie"]
    landelijk = [o for o in rest if o not in politie and o not in om]
    keuzes: list[tuple[str, Any]] = [] if advies else [("", "Kies de organisatie")]
    for titel, groep in (
        ("Uit het advies voor dit verzoek", advies),
        ("Landelijke organisaties", landelijk),
        ("Politie-eenheden", politie),
        ("Openbaar Ministerie", om),
    ):
        if groep:
            keuzes.append((titel, [(o.pk, organisatie_label(o)) for o in groep]))
    return keuzes


class IntrekkenForm(forms.Form):
    reden = forms.CharField(label="Reden van intrekking", widget=forms.Textarea(attrs={"rows": 3}))


class BeroepForm(forms.Form):
    """The appeal to the minister (Pw 2012 art. 56 lid 4): reason, confirmation, mandate."""

    reden = tekstvak("Reden", required=True, help_text="Waarom u beroep instelt.")
    namens = forms.CharField(
        label="Namens",
        required=False,
        max_length=200,
        help_text=(
            "Alleen als u niet zelf de burgemeester of officier van justitie bent: namens "
            "wie u handelt, bijvoorbeeld 'namens de burgemeester van Utrecht'."
        ),
    )
    mandaat = forms.CharField(
        label="Mandaat",
        required=False,
        max_length=200,
        help_text="Het kenmerk van het mandaatbesluit waaronder u namens hen handelt.",
    )
    bevestigd = forms.BooleanField(label=BEROEP_BEVESTIGING, required=True)


class InzetStartenForm(forms.Form):
    periode_start = datum_tijd_veld("Begin van de inzet")
    periode_eind = datum_tijd_veld("Einde van de inzet")
    capaciteit = forms.CharField(
        label="Ingezette capaciteit", widget=forms.Textarea(attrs={"rows": 2})
    )
    toelichting = tekstvak("Toelichting")


class InzetWijzigenForm(InzetStartenForm):
    toelichting = tekstvak("Reden van de wijziging", required=True)


class InzetVerlengenForm(forms.Form):
    periode_eind = datum_tijd_veld("Nieuw einde van de inzet")
    toelichting = tekstvak("Reden van de verlenging", required=True)


class InzetBeeindigenForm(forms.Form):
    beeindigd_op = datum_tijd_veld(
        "Beëindigd op", required=False, help_text="Leeg: nu. Nederlandse tijd (Europe/Amsterdam)."
    )
    toelichting = tekstvak("Toelichting")


class InzetEvaluerenForm(forms.Form):
    verslag = forms.CharField(label="Evaluatie", widget=forms.Textarea(attrs={"rows": 6}))
