"""Forms of the account management pages of a beheerder (issue #3)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker


class GebruikerNieuwForm(forms.Form):
    username = forms.RegexField(
        label="Gebruikersnaam",
        max_length=150,
        regex=r"^[\w.@+-]+$",
        help_text="Letters, cijfers en @ . + - _",
    )
    first_name = forms.CharField(label="Voornaam", max_length=150, required=False)
    last_name = forms.CharField(label="Achternaam", max_length=150, required=False)
    email = forms.EmailField(label="E-mailadres", required=False)
    rol = forms.ChoiceField(label="Rol", choices=Rol.choices)
    password = forms.CharField(
        label="Tijdelijk wachtwoord",
        widget=forms.PasswordInput(render_value=False),
        help_text="Minstens 12 tekens. Bij de eerste keer inloggen stelt de gebruiker een "
        "tweede factor (authenticator-app) in.",
    )

    def clean_username(self) -> str:
        naam = str(self.cleaned_data["username"])
        if Gebruiker.objects.filter(username__iexact=naam).exists():
            raise forms.ValidationError("Deze gebruikersnaam bestaat al.")
        return naam

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password"):
            try:
                validate_password(data["password"], Gebruiker(username=data.get("username", "")))
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return data


class GebruikerRechtenForm(forms.Form):
    rol = forms.ChoiceField(label="Rol", choices=Rol.choices)
    is_active = forms.BooleanField(
        label="Actief", required=False, help_text="Uit: de gebruiker kan niet meer inloggen."
    )
