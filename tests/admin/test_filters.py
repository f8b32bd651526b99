"""A filter in the admin's address that the database cannot run answers 400, never 500.

Issue #9 item 6: ``/admin/accounts/gebruiker/?username__regex=(`` answered 500 (an invalid
regular expression is an error of the database). Refused with the others of
`web.beheerfilters`: regular expressions and JSON fields (Django refuses password hashes).
"""

from __future__ import annotations

import html
from typing import Any

from django.contrib import admin
from django.test import Client

import pytest

from politiebijstand.web.beheerfilters import BeheerFiltersMixin, filter_geweigerd

pytestmark = pytest.mark.usefixtures("referentiedata")

KOP_400 = '<h1 class="utrecht-heading-1">Deze aanvraag kan het systeem niet verwerken</h1>'


@pytest.fixture
def beheer(admin_user: Any) -> Client:
    """A superuser logged in with password and TOTP (conftest: `force_login`)."""
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    return client


def lijsten() -> list[str]:
    return [
        f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        for model in admin.site._registry
    ]


def test_elke_beheerlijst_weigert_de_filters() -> None:
    assert lijsten()  # the admin has lists
    for model_admin in admin.site._registry.values():
        assert isinstance(model_admin, BeheerFiltersMixin), type(model_admin)


@pytest.mark.parametrize("lijst", lijsten())
def test_ongeldige_reguliere_expressie_geeft_400_op_elke_lijst(beheer: Client, lijst: str) -> None:
    response = beheer.get(f"{lijst}?pk__regex=(")
    assert response.status_code == 400
    assert KOP_400 in html.unescape(response.content.decode())


@pytest.mark.parametrize(
    "adres",
    [
        "/admin/accounts/gebruiker/?username__regex=(",
        "/admin/accounts/gebruiker/?username__iregex=[",
        "/admin/accounts/gebruiker/?organisatie__naam__regex=(",
        "/admin/accounts/gebruiker/?password__startswith=md5",
        "/admin/audit/auditlogentry/?gebeurtenis__regex=(",
        "/admin/audit/auditlogentry/?na__contains=x",
        "/admin/audit/auditlogentry/?voor__contained_by=x",
        "/admin/mfa/authenticator/?data__secret__startswith=a",
    ],
)
def test_filter_die_de_database_niet_kan_uitvoeren_geeft_400(beheer: Client, adres: str) -> None:
    response = beheer.get(adres)
    assert response.status_code == 400
    assert KOP_400 in html.unescape(response.content.decode())


@pytest.mark.parametrize(
    "adres",
    [
        "/admin/accounts/gebruiker/?q=(",
        "/admin/accounts/gebruiker/?q=%5B.*",
        "/admin/accounts/gebruiker/?rol__exact=medewerker",
        "/admin/accounts/gebruiker/?organisatie__id__exact=1",
        "/admin/audit/auditlogentry/?gebeurtenis__exact=ingelogd",
        # The pop-up of a raw-id field filters by the field's `limit_choices_to`.
        "/admin/organisaties/organisatie/?soort=politie&parent__isnull=True",
    ],
)
def test_de_eigen_filters_en_zoeken_van_het_beheer_blijven_werken(
    beheer: Client, adres: str
) -> None:
    assert beheer.get(adres).status_code == 200


def test_ongeldige_waarde_van_een_toegestaan_filter_blijft_de_eigen_melding(
    beheer: Client,
) -> None:
    response = beheer.get("/admin/accounts/gebruiker/?id__in=abc")
    assert response.status_code == 302
    assert response["Location"] == "/admin/accounts/gebruiker/?e=1"


@pytest.mark.parametrize(
    ("lookup", "geweigerd"),
    [
        ("username", False),
        ("username__exact", False),
        ("username__regex", True),
        ("organisatie__naam__iregex", True),
        ("organisatie__parent__soort", False),
        ("password", False),  # refused by Django's UserAdmin, not here
        ("pk__regex", True),
        ("bestaat_niet", False),
    ],
)
def test_filter_geweigerd(lookup: str, geweigerd: bool) -> None:
    from politiebijstand.accounts.models import Gebruiker

    assert filter_geweigerd(Gebruiker, lookup) is geweigerd
