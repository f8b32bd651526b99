"""The work queue's order: urgent first, then by due time (none last), then oldest (#8)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from politiebijstand.verzoeken.models import Taak
from politiebijstand.verzoeken.selectors import taak_list_for_werkvoorraad
from tests.verzoeken.helpers import NU, gebruiker, maak_verzoek, open_taken, situatie
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")


def _taak(*, spoed: bool, due: timedelta | None, aangemaakt: timedelta) -> int:
    """The first task (of RCCB-MN) of a new request, with its due time and creation set."""
    verzoek = maak_verzoek(situatie(spoed=True) if spoed else None)
    (taak,) = open_taken(verzoek)
    assert taak.spoed is spoed
    Taak.objects.filter(pk=taak.pk).update(
        due=NU + due if due is not None else None, aangemaakt_op=NU + aangemaakt
    )
    return taak.pk


def test_spoed_eerst_dan_termijn_zonder_termijn_laatst_dan_oudste() -> None:
    minuut = timedelta(minutes=1)
    normaal_over_een_uur = _taak(spoed=False, due=60 * minuut, aangemaakt=5 * minuut)
    normaal_zonder_oud = _taak(spoed=False, due=None, aangemaakt=1 * minuut)
    spoed_zonder = _taak(spoed=True, due=None, aangemaakt=2 * minuut)
    spoed_over_twee_uur = _taak(spoed=True, due=120 * minuut, aangemaakt=6 * minuut)
    normaal_te_laat = _taak(spoed=False, due=-60 * minuut, aangemaakt=7 * minuut)
    normaal_zonder_nieuw = _taak(spoed=False, due=None, aangemaakt=3 * minuut)
    normaal_over_een_uur_nieuw = _taak(spoed=False, due=60 * minuut, aangemaakt=8 * minuut)
    verwacht = [
        spoed_over_twee_uur,
        spoed_zonder,
        normaal_te_laat,
        normaal_over_een_uur,
        normaal_over_een_uur_nieuw,
        normaal_zonder_oud,
        normaal_zonder_nieuw,
    ]
    taken = taak_list_for_werkvoorraad(gebruiker=gebruiker("RCCB-MN"))
    assert [t.pk for t in taken] == verwacht
    # The page lists them in the same order.
    client, _ = als("RCCB-MN")
    html = inhoud(client.get("/werkvoorraad/"))
    gelinkt = [int(pk) for pk in re.findall(r'href="/verzoeken/taken/(\d+)/"', html)]
    assert list(dict.fromkeys(gelinkt)) == verwacht
