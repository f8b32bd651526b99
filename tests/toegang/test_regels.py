"""Need-to-know rules over the request and task protocols (issue #3 item 4).

The request model of issue #4 does not exist yet; these tests use plain objects that implement
`VerzoekToegang` and `TaakToegang`, which is all the rules see.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from django.http import Http404

import pytest

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.toegang.protocollen import TaakToegang, VerzoekToegang
from politiebijstand.toegang.regels import (
    BESLUIT_NEMEN,
    GEBRUIKER_BEHEREN,
    GEBRUIKERS_BEHEREN,
    TAAK_UITVOEREN,
    VERZOEK_BEKIJKEN,
    mag,
)
from politiebijstand.toegang.toegang import (
    access_or_404,
    access_verzoek_or_404,
    filter_op_deelname,
)
from tests.accounts.factories import maak_gebruiker

pytestmark = pytest.mark.django_db


@dataclass
class Verzoek:
    deelnemers: frozenset[str]
    aangevraagd_door_id: int | None = None

    def deelnemende_organisatie_codes(self) -> Collection[str]:
        return self.deelnemers


@dataclass
class Taak:
    lane: str
    verzoek: Verzoek
    is_besluit: bool = False
    data: dict[str, str] = field(default_factory=dict)
    procedure_id: str = "3"


# Procedure 3 (KMar, public order) asked by Midden-Nederland for Utrecht: RCCB-MN, the
# burgemeester of Utrecht (GM0344), LOCC, LE-POB, DJZ, DOPS-KMAR, DOC, CCB-KMAR.
PROCEDURE_3 = frozenset(
    {"RCCB-MN", "GM0344", "LOCC", "LE-POB", "DJZ", "DOPS-KMAR", "DOC", "C-KMAR", "CCB-KMAR"}
)
# Procedure 1 (other unit) asked by Rotterdam: no LOCC decision, LE-POB coordinates.
PROCEDURE_1 = frozenset({"RCCB-RT", "GM0599", "LE-POB", "KORPSCHEF", "LOCC"})
# Procedure 7 (KMar, justice) asked via the arrondissementsparket Den Haag: no LE-POB lane.
PROCEDURE_7 = frozenset({"RCCB-DH", "OM-DH", "PARKET-GENERAAL", "OZI", "DJZ", "DOPS-KMAR"})


def gebruiker(code: str, rol: str = Rol.MEDEWERKER, **kwargs: Any) -> Gebruiker:
    return maak_gebruiker(code, rol, **kwargs)


def test_simpele_objecten_voldoen_aan_de_protocollen() -> None:
    verzoek = Verzoek(PROCEDURE_3)
    assert isinstance(verzoek, VerzoekToegang)
    assert isinstance(Taak("LOCC", verzoek), TaakToegang)


@pytest.mark.parametrize(
    ("code", "verzoek", "ziet"),
    [
        ("RCCB-MN", PROCEDURE_3, True),  # the requesting unit
        ("GM0344", PROCEDURE_3, True),  # the authority: burgemeester of Utrecht
        ("LOCC", PROCEDURE_3, True),  # LOCC route
        ("LE-POB", PROCEDURE_3, True),  # informs the korpschef via LE-POB
        ("RCCB-RT", PROCEDURE_3, False),  # another unit
        ("GM0363", PROCEDURE_3, False),  # another burgemeester
        ("OZI", PROCEDURE_3, False),
        ("LE-POB", PROCEDURE_1, True),
        ("RCCB-MN", PROCEDURE_1, False),
        ("LE-POB", PROCEDURE_7, False),  # not on this route
        ("LOCC", PROCEDURE_7, False),
        ("OM-DH", PROCEDURE_7, True),  # the officier van justitie's parket
    ],
)
def test_verzoek_alleen_zichtbaar_voor_deelnemende_organisaties(
    code: str, verzoek: frozenset[str], ziet: bool
) -> None:
    for rol in Rol.values:
        assert mag(VERZOEK_BEKIJKEN, gebruiker(code, rol), Verzoek(verzoek)) is ziet


def test_geen_toegang_zonder_login_organisatie_of_actief_account() -> None:
    from django.contrib.auth.models import AnonymousUser

    verzoek = Verzoek(PROCEDURE_3)
    assert not mag(VERZOEK_BEKIJKEN, AnonymousUser(), verzoek)
    assert not mag(VERZOEK_BEKIJKEN, None, verzoek)
    zonder = maak_gebruiker(organisatie=None)
    assert not mag(VERZOEK_BEKIJKEN, zonder, verzoek)
    inactief = gebruiker("LOCC", is_active=False)
    assert not mag(VERZOEK_BEKIJKEN, inactief, verzoek)
    opgeheven = gebruiker("RCCB-MN")
    assert mag(VERZOEK_BEKIJKEN, opgeheven, verzoek)
    assert opgeheven.organisatie is not None
    opgeheven.organisatie.actief = False
    assert not mag(VERZOEK_BEKIJKEN, opgeheven, verzoek)


def test_superuser_ziet_geen_verzoek_buiten_de_eigen_organisatie() -> None:
    beheer = maak_gebruiker(organisatie=None, is_superuser=True, is_staff=True)
    assert beheer.has_perm("iets.willekeurigs")  # Django's superuser shortcut ...
    assert not mag(VERZOEK_BEKIJKEN, beheer, Verzoek(PROCEDURE_3))  # ... not here


def test_taak_alleen_in_de_eigen_lane() -> None:
    verzoek = Verzoek(PROCEDURE_3)
    toetsing = Taak("LOCC", verzoek)
    assert mag(TAAK_UITVOEREN, gebruiker("LOCC"), toetsing)
    assert not mag(TAAK_UITVOEREN, gebruiker("RCCB-MN"), toetsing)
    assert not mag(TAAK_UITVOEREN, gebruiker("LE-POB"), toetsing)
    formulier = Taak("RCCB-MN", verzoek)
    assert mag(TAAK_UITVOEREN, gebruiker("RCCB-MN"), formulier)
    assert not mag(TAAK_UITVOEREN, gebruiker("RCCB-RT"), formulier)


def test_taak_van_een_verzoek_waaraan_de_organisatie_niet_deelneemt_wordt_geweigerd() -> None:
    """A lane that names an organisation outside the request is refused (defence in depth)."""
    taak = Taak("OZI", Verzoek(PROCEDURE_3))
    assert not mag(TAAK_UITVOEREN, gebruiker("OZI"), taak)


def test_besluittaak_alleen_door_een_besluitvormer_die_niet_zelf_aanvroeg() -> None:
    aanvrager = gebruiker("LOCC", Rol.BESLUITVORMER)
    collega = gebruiker("LOCC", Rol.BESLUITVORMER)
    medewerker = gebruiker("LOCC", Rol.MEDEWERKER)
    verzoek = Verzoek(PROCEDURE_3, aangevraagd_door_id=aanvrager.pk)
    besluit = Taak("LOCC", verzoek, is_besluit=True)
    assert mag(TAAK_UITVOEREN, collega, besluit)
    assert not mag(TAAK_UITVOEREN, aanvrager, besluit)
    assert not mag(TAAK_UITVOEREN, medewerker, besluit)
    # An ordinary task of the same lane is open to all three.
    gewone = Taak("LOCC", verzoek)
    for wie in (aanvrager, collega, medewerker):
        assert mag(TAAK_UITVOEREN, wie, gewone)


def test_besluit_nemen_vereist_besluitvormer_deelname_en_niet_de_aanvrager() -> None:
    aanvrager = gebruiker("GM0344", Rol.BESLUITVORMER)
    verzoek = Verzoek(PROCEDURE_3, aangevraagd_door_id=aanvrager.pk)
    assert not mag(BESLUIT_NEMEN, aanvrager, verzoek)
    assert mag(BESLUIT_NEMEN, gebruiker("LOCC", Rol.BESLUITVORMER), verzoek)
    assert not mag(BESLUIT_NEMEN, gebruiker("LOCC", Rol.MEDEWERKER), verzoek)
    assert not mag(BESLUIT_NEMEN, gebruiker("LOCC", Rol.BEHEERDER), verzoek)
    assert not mag(BESLUIT_NEMEN, gebruiker("OZI", Rol.BESLUITVORMER), verzoek)


def test_beheerder_beheert_alleen_accounts_van_de_eigen_organisatie() -> None:
    beheerder = gebruiker("RCCB-MN", Rol.BEHEERDER)
    collega = gebruiker("RCCB-MN")
    ander = gebruiker("RCCB-RT")
    technisch = maak_gebruiker(organisatie=beheerder.organisatie, is_staff=True)
    assert mag(GEBRUIKERS_BEHEREN, beheerder)
    assert mag(GEBRUIKER_BEHEREN, beheerder, collega)
    assert mag(GEBRUIKER_BEHEREN, beheerder, beheerder)
    assert not mag(GEBRUIKER_BEHEREN, beheerder, ander)
    assert not mag(GEBRUIKER_BEHEREN, beheerder, technisch)
    assert not mag(GEBRUIKERS_BEHEREN, collega)
    assert not mag(GEBRUIKER_BEHEREN, collega, collega)


def test_access_helpers_antwoorden_404_buiten_de_scope() -> None:
    verzoek = Verzoek(PROCEDURE_3)
    assert access_verzoek_or_404(gebruiker("LOCC"), verzoek) is verzoek
    with pytest.raises(Http404):
        access_verzoek_or_404(gebruiker("OZI"), verzoek)
    taak = Taak("LOCC", verzoek)
    with pytest.raises(Http404):
        access_or_404(TAAK_UITVOEREN, gebruiker("LE-POB"), taak)


def test_filter_op_deelname_geeft_alleen_rijen_van_de_eigen_organisatie() -> None:
    """The queryset filter that list pages use; shown here on accounts by organisation."""
    kijker = gebruiker("RCCB-MN")
    collega = gebruiker("RCCB-MN")
    gebruiker("RCCB-RT")
    gevonden = filter_op_deelname(
        Gebruiker.objects.all(), kijker, organisatie_code_lookup="organisatie__code"
    )
    assert set(gevonden) == {kijker, collega}
    kijker.is_active = False
    assert not filter_op_deelname(
        Gebruiker.objects.all(), kijker, organisatie_code_lookup="organisatie__code"
    ).exists()
