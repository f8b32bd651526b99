"""Template tags shared by every page."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django import forms, template
from django.conf import settings
from django.db import DatabaseError
from django.forms import BoundField
from django.utils.safestring import SafeString

from politiebijstand.organisaties.models import Organisatie
from politiebijstand.organisaties.selectors import organisaties_by_codes
from politiebijstand.procedures.engine import PROCEDURES
from politiebijstand.web.tekst import scheiding

register = template.Library()

#: The three 24/7 numbers of the factsheet ("Contactgegevens") and what each is for, in the
#: order of the flowchart: another police unit (toelichting 1, 5, 6), the LOCC for the
#: water cannons, the KMar and the armed forces on public order (toelichting 2 to 4),
#: OZI for the KMar and the armed forces on a justice task (toelichting 7 and 8).
SPOEDNUMMERS: tuple[tuple[str, str], ...] = (
    ("LE-POB", "bijstand van andere politie-eenheden en buitenlandse politie"),
    ("LOCC", "waterwerpers, KMar en krijgsmacht bij openbare orde"),
    ("OZI", "KMar en krijgsmacht voor justitiële taken, bij spoed (de officier van justitie belt)"),
)


@dataclass(frozen=True)
class Spoednummer:
    """One 24/7 number of the footer: the organisation and what to call it for."""

    organisatie: Organisatie
    waarvoor: str


@register.simple_tag(takes_context=True)
def spoednummers(context: template.Context) -> list[Spoednummer]:
    """The 24/7 numbers of LE-POB, the LOCC and OZI for the footer, from the reference data.

    A view that has already fetched these organisations passes them as
    ``spoed_organisaties`` (code -> `Organisatie`), which saves the query. Organisations
    without a 24/7 number are left out; when the database cannot be read (an error page),
    the list is empty. Source: factsheet, "Contactgegevens" and toelichting 1 to 8.
    """
    gegeven: Mapping[str, Organisatie] | None = context.get("spoed_organisaties")
    if gegeven is None:
        try:
            gegeven = organisaties_by_codes(codes=[code for code, _ in SPOEDNUMMERS])
        except DatabaseError:
            return []
    return [
        Spoednummer(gegeven[code], waarvoor)
        for code, waarvoor in SPOEDNUMMERS
        if code in gegeven and gegeven[code].telefoon_spoed
    ]


@register.filter
def telefoon_href(nummer: str) -> str:
    """A phone number as written (``"088 - 662 80 48"``) for a ``tel:`` link (``"0886628048"``)."""
    return re.sub(r"[^0-9+]", "", nummer)


@register.simple_tag
def thema_css() -> str:
    """The static path of the NL Design System theme (setting ``THEME_CSS``).

    A tag rather than the context processor's ``theme_css``, so that the error pages that
    Django renders without a request (400, 500, CSRF failure) get the theme too.
    """
    return str(settings.THEME_CSS)


def _blokkade_minuten() -> int:
    return max(1, int(getattr(settings, "LOGIN_BLOKKADE_SECONDEN", 900)) // 60)


def _allauth_meldingen() -> dict[str, str]:
    """Dutch texts ('u') for allauth's error codes, where its translation says 'je' or is vague.

    The lock-out says how long it lasts and whom to contact (settings ``LOGIN_MAX_POGINGEN``
    and ``LOGIN_BLOKKADE_SECONDEN``, issue #3).
    """
    pogingen = int(getattr(settings, "LOGIN_MAX_POGINGEN", 5))
    minuten = _blokkade_minuten()
    return {
        "too_many_login_attempts": (
            f"Te veel inlogpogingen: inloggen is {minuten} minuten geblokkeerd. Probeer het "
            "daarna opnieuw. Weet u uw wachtwoord niet meer, of hebt u deze pogingen niet "
            "zelf gedaan? Neem dan contact op met de beheerder van uw organisatie."
        ),
        "username_password_mismatch": (
            "De gebruikersnaam of het wachtwoord is onjuist. Na "
            f"{pogingen} mislukte pogingen wordt inloggen {minuten} minuten geblokkeerd."
        ),
        "account_inactive": (
            "Dit account is niet actief. Neem contact op met de beheerder van uw organisatie."
        ),
        "incorrect_code": "De code is onjuist. Vul de code in die uw authenticator-app nu toont.",
        "invalid_password_reset": (
            "De link om een nieuw wachtwoord in te stellen is ongeldig of al gebruikt."
        ),
        "enter_current_password": "Vul uw huidige wachtwoord in.",
        "incorrect_password": "Het wachtwoord is onjuist.",
    }


@register.filter
def allauth_melding(fout: object) -> str:
    """An allauth form error (`ValidationError` with a code) as Dutch text with 'u'.

    Errors without a known code keep their own (translated) message.
    """
    code = getattr(fout, "code", None)
    if code and code in _allauth_meldingen():
        return _allauth_meldingen()[str(code)]
    berichten = getattr(fout, "messages", None)
    return " ".join(str(b) for b in berichten) if berichten else str(fout)


@register.filter
def als_tekstvak(veld: BoundField) -> SafeString:
    """A form field's widget with the NL Design System classes of its kind.

    Text, password, e-mail, number and date inputs get the textbox, a textarea the textarea,
    a select the select; radio buttons, checkboxes and hidden inputs are left as they are.
    """
    widget = veld.field.widget
    klasse = ""
    if isinstance(widget, forms.Textarea):
        # Not the --html-textarea variant: that marks an empty required field red at once.
        klasse = "utrecht-textarea"
    elif isinstance(widget, forms.Select) and not isinstance(widget, forms.RadioSelect):
        klasse = "utrecht-select utrecht-select--html-select"
    elif getattr(widget, "input_type", None) in (
        "text",
        "password",
        "email",
        "number",
        "datetime-local",
        "date",
    ):
        klasse = "utrecht-textbox utrecht-textbox--html-input"
    if not klasse:
        return veld.as_widget()
    if veld.errors:
        klasse += f" {klasse.split()[0]}--invalid"
    return veld.as_widget(attrs={"class": klasse})


@register.simple_tag
def demo_accounts_toegestaan() -> bool:
    """Whether the demo accounts of `make run` may log in here (never in production)."""
    from politiebijstand.accounts.policy import demo_accounts_toegestaan as toegestaan

    return toegestaan()


#: Short labels of the procedures whose id is not just the factsheet's number.
_PROCEDURE_KORT = {"2_waterwerper": "2, waterwerper", "2_container_vrt": "2, container/VRT"}


@register.filter
def procedure_kort(procedure_id: str) -> str:
    """A procedure's short label for a table: ``"3"``, ``"2, waterwerper"``."""
    return _PROCEDURE_KORT.get(procedure_id, procedure_id)


@register.filter
def procedure_titel(procedure_id: str) -> str:
    """A procedure's Dutch title (``"Procedure 3: bijstand door de KMar, openbare orde"``)."""
    procedure = PROCEDURES.get(procedure_id)
    return procedure.titel if procedure else f"Procedure {procedure_id}"


@register.filter(name="scheiding")
def scheiding_filter(label: object) -> str:
    """What comes between a label and its error: ``" "`` after a question, else ``": "``."""
    return scheiding(str(label))
