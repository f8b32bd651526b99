"""The picture's table: the first rows, "Meer tonen" and the rows kept by the refresh (ADR 0044).

With 50 rows per step the tests would need 51 requests; the steps are made smaller here
(`RIJEN_PER_KEER` 2, `MAX_RIJEN` 3 or 2) over the three requests of `test_views._verzoeken`.
"""

from __future__ import annotations

import pytest

from politiebijstand.beeld import forms, selectors, views
from tests.beeld.test_views import URL, _rijen, _verzoeken
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")

HTMX = {"HX-Request": "true", "HX-Target": "beeld-inhoud"}


def _stappen(monkeypatch: pytest.MonkeyPatch, *, per_keer: int, maximum: int) -> None:
    # On the modules (imported above), so that the values restored are the real ones.
    monkeypatch.setattr(selectors, "RIJEN_PER_KEER", per_keer)
    monkeypatch.setattr(views, "RIJEN_PER_KEER", per_keer)
    monkeypatch.setattr(selectors, "MAX_RIJEN", maximum)
    monkeypatch.setattr(forms, "MAX_RIJEN", maximum)


@pytest.fixture
def kleine_stappen(monkeypatch: pytest.MonkeyPatch) -> None:
    _stappen(monkeypatch, per_keer=2, maximum=3)


def _meer(html: str) -> str | None:
    """The href of "Meer tonen", or None."""
    if 'class="utrecht-link pb-beeld-meer"' not in html:
        return None
    return html.split('class="utrecht-link pb-beeld-meer" href="', 1)[1].split('"', 1)[0]


@pytest.mark.usefixtures("kleine_stappen")
def test_eerst_een_deel_van_de_rijen_en_meer_tonen_tot_alles() -> None:
    kmar, politie, amsterdam = _verzoeken()
    client, _ = als("LOCC")
    html = inhoud(client.get(URL))
    assert _rijen(html) == [f"{kmar.kenmerk}/1", f"{politie.kenmerk}/1"]
    assert "De eerste 2 van 3 delen, op begin van de periode</caption>" in html
    # Counts and schematic still cover every part.
    assert ": 3 verzoeken, 3 delen." in html
    assert "<title>Politie, eenheid Amsterdam: 1 verzoek</title>" in html
    assert _meer(html) == "/beeld/?rijen=3"
    assert (
        '<a class="utrecht-link pb-beeld-meer" href="/beeld/?rijen=3" hx-get="/beeld/" '
        """hx-include="#beeld-filters" hx-vals='{"rijen": "3"}' hx-target="#beeld-inhoud" """
        'hx-select="#beeld-inhoud > *" hx-swap="innerHTML" hx-push-url="true">'
        "Meer tonen (3 van 3 delen)</a>"
    ) in html
    # The form holds the rows shown (hidden), empty on the first paint.
    assert '<input type="hidden" name="rijen" id="id_rijen">' in html

    html = inhoud(client.get(URL, {"rijen": "3"}))
    assert _rijen(html) == [f"{kmar.kenmerk}/1", f"{politie.kenmerk}/1", f"{amsterdam.kenmerk}/1"]
    assert "3 delen, op begin van de periode</caption>" in html
    assert _meer(html) is None
    assert '<input type="hidden" name="rijen" value="3" id="id_rijen">' in html


@pytest.mark.usefixtures("kleine_stappen")
def test_meer_tonen_houdt_de_filters_en_de_verversing_houdt_de_rijen() -> None:
    kmar, _politie, amsterdam = _verzoeken()
    client, _ = als("LOCC")
    response = client.get(URL, {"leverancier": "kmar", "rijen": "1"}, headers=HTMX)
    html = inhoud(response)
    assert _rijen(html) == [f"{kmar.kenmerk}/1"]
    assert _meer(html) == "/beeld/?leverancier=kmar&amp;rijen=2"
    # The part sends the form's hidden field out of band: the refresh (which includes the
    # form) then asks for as many rows.
    assert html.endswith(
        '</div>\n<input type="hidden" name="rijen" id="id_rijen" value="1" hx-swap-oob="true">\n'
    )
    html = inhoud(client.get(URL, {"leverancier": "kmar", "rijen": "2"}, headers=HTMX))
    assert _rijen(html) == [f"{kmar.kenmerk}/1", f"{amsterdam.kenmerk}/1"]
    assert 'id="id_rijen" value="2" hx-swap-oob="true">' in html
    assert _meer(html) is None
    # The refresh of the first paint sends the empty field: the first rows.
    html = inhoud(client.get(URL, {"leverancier": "", "rijen": ""}, headers=HTMX))
    assert len(_rijen(html)) == 2
    assert 'id="id_rijen" value="" hx-swap-oob="true">' in html
    # The whole page has no out-of-band element.
    assert "hx-swap-oob" not in inhoud(client.get(URL))


def test_meer_tonen_stopt_bij_het_maximum(monkeypatch: pytest.MonkeyPatch) -> None:
    _stappen(monkeypatch, per_keer=2, maximum=2)
    _verzoeken()
    client, _ = als("LOCC")
    html = inhoud(client.get(URL))
    assert len(_rijen(html)) == 2
    assert "De eerste 2 van 3 delen" in html
    assert _meer(html) is None


def test_zonder_meer_delen_dan_de_eerste_rijen_geen_knop() -> None:
    _verzoeken()
    client, _ = als("LOCC")
    html = inhoud(client.get(URL))
    assert len(_rijen(html)) == 3
    assert _meer(html) is None
    # Rows are not a filter: an empty picture says so without "met deze filters".
    client, _ = als("RCCB-LB")
    html = inhoud(client.get(URL, {"rijen": "50"}))
    assert "Er zijn geen lopende of komende verzoeken.</p>" in html


@pytest.mark.parametrize(
    ("waarde", "fout"),
    [
        ("0", "Aantal rijen: Vul minstens 1 in."),
        ("201", "Aantal rijen: Er worden hoogstens 200 rijen getoond."),
        ("veel", "Aantal rijen: Vul een geheel getal in."),
    ],
)
def test_een_fout_aantal_rijen_geeft_400_met_het_veld(waarde: str, fout: str) -> None:
    _verzoeken()
    client, _ = als("LOCC")
    response = client.get(URL, {"rijen": waarde})
    assert response.status_code == 400
    html = inhoud(response)
    assert f'<p class="utrecht-paragraph">{fout}</p>' in html
    assert _rijen(html) == []
