"""`web.paden.Pad`: the same paths as `reverse`, reversed once (#13 item 4)."""

from __future__ import annotations

from uuid import UUID

from django.urls import NoReverseMatch, reverse

import pytest

from politiebijstand.web.paden import Pad


@pytest.mark.parametrize(
    "naam", ["verzoeken:taak", "werkvoorraad:oppakken", "werkvoorraad:teruggeven"]
)
@pytest.mark.parametrize("waarde", [1, 7, 40_123, 987_654_321])
def test_een_getal_geeft_het_pad_van_reverse(naam: str, waarde: int) -> None:
    assert Pad(naam)(waarde) == reverse(naam, args=[waarde])


def test_een_uuid_geeft_het_pad_van_reverse() -> None:
    pad = Pad("verzoeken:detail", uuid=True)
    for waarde in (UUID(int=0), UUID("e5291138-e034-40ea-bb71-8532e62c7d7a")):
        assert pad(waarde) == reverse("verzoeken:detail", args=[waarde])
    assert pad(UUID(int=1)) == "/verzoeken/00000000-0000-0000-0000-000000000001/"


def test_een_naam_zonder_dat_ene_argument_wordt_geweigerd() -> None:
    with pytest.raises(NoReverseMatch):
        Pad("werkvoorraad:lijst")
    with pytest.raises(NoReverseMatch):
        Pad("verzoeken:taak", uuid=True)
    with pytest.raises(NoReverseMatch):
        Pad("bestaat:niet")
