"""FNIK: Decimal amounts, the estimate at the grant, actual costs, overview, flags (#11 item 3)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from django.test import override_settings

import pytest
import time_machine

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.fnik.models import Budget, Kostenpost
from politiebijstand.fnik.selectors import overzicht, verstreken_fractie
from politiebijstand.fnik.services import (
    GeenFnikToegang,
    OngeldigBedrag,
    bedrag_lezen,
    budget_vaststellen,
    jaar_van,
    raming_vastleggen,
    werkelijke_kosten_vastleggen,
)
from politiebijstand.verzoeken import services
from politiebijstand.verzoeken.exceptions import OngeldigeInvoer
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, Taak
from politiebijstand.web.tekst import bedrag_invoer, euro
from tests.verzoeken.helpers import (
    defensie,
    gebruiker,
    maak_verzoek,
    open_taken,
    situatie,
    stap_uitvoeren,
)
from tests.verzoeken_ui.helpers import als, inhoud

pytestmark = pytest.mark.usefixtures("referentiedata")

NU = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _deel(start: datetime, eind: datetime) -> Deelverzoek:
    """The KMar part (procedure 3) of a new request, with the given period (UTC)."""
    verzoek = maak_verzoek()
    Bijstandsverzoek.objects.filter(pk=verzoek.pk).update(periode_start=start, periode_eind=eind)
    deel = Deelverzoek.objects.select_related("verzoek").get(verzoek=verzoek)
    assert deel.procedure_id == "3"
    return deel


def _locc() -> Gebruiker:
    return gebruiker("LOCC", Rol.BESLUITVORMER)


# --- amounts ---------------------------------------------------------------------------------


def test_bedragen_exact_als_decimal() -> None:
    assert bedrag_lezen("12500,5", veld="x", label="X") == Decimal("12500.50")
    assert bedrag_lezen("0.1", veld="x", label="X") + bedrag_lezen(
        "0.2", veld="x", label="X"
    ) == Decimal("0.3")
    assert bedrag_lezen(Decimal("9999999999.99"), veld="x", label="X") == Decimal("9999999999.99")
    assert str(bedrag_lezen("7", veld="x", label="X")) == "7.00"
    assert euro(Decimal("1234567.5")) == "€ 1.234.567,50"
    assert euro(None) == "-"
    assert bedrag_invoer(Decimal("2500000")) == "2.500.000,00"
    assert bedrag_invoer(None) == ""
    assert bedrag_lezen(bedrag_invoer(Decimal("12500.5")), veld="x", label="X") == Decimal(
        "12500.50"
    )


@pytest.mark.parametrize(
    ("invoer", "bedrag"),
    [
        ("12.500,50", Decimal("12500.50")),
        ("2.500.000", Decimal("2500000.00")),
        ("2.500.000,5", Decimal("2500000.50")),
        ("12.500", Decimal("12500.00")),
        ("12500.50", Decimal("12500.50")),
        ("12500,50", Decimal("12500.50")),
        ("12500.5", Decimal("12500.50")),
        ("€ 1.234", Decimal("1234.00")),
        (" 750 ", Decimal("750.00")),
    ],
)
def test_bedrag_in_nederlandse_notatie(invoer: str, bedrag: Decimal) -> None:
    """#11 trial: "12.500,50" and "2.500.000" were refused; thousands points are Dutch."""
    assert bedrag_lezen(invoer, veld="x", label="X") == bedrag


@pytest.mark.parametrize(
    ("invoer", "melding"),
    [
        ("", "Budget (FNIK): vul een bedrag in euro in."),
        ("-5", "Budget (FNIK): het bedrag mag niet negatief zijn."),
        (Decimal("-0.01"), "Budget (FNIK): het bedrag mag niet negatief zijn."),
        ("1,005", "Budget (FNIK): hoogstens 2 decimalen (hele centen), bijvoorbeeld 12500,50."),
        (
            "12,500.00",
            "Budget (FNIK): geef een bedrag in euro met hoogstens 2 decimalen, bijvoorbeeld "
            "12.500,50 of 12500,50.",
        ),
        (
            "12.50.0",
            "Budget (FNIK): geef een bedrag in euro met hoogstens 2 decimalen, bijvoorbeeld "
            "12.500,50 of 12500,50.",
        ),
        (
            "1250.505",
            "Budget (FNIK): geef een bedrag in euro met hoogstens 2 decimalen, bijvoorbeeld "
            "12.500,50 of 12500,50.",
        ),
        ("10000000000", "Budget (FNIK): het bedrag moet kleiner zijn dan 10.000.000.000 euro."),
        (Decimal("NaN"), "Budget (FNIK): geen geldig bedrag."),
    ],
)
def test_ongeldig_bedrag_noemt_het_veld(invoer: str | Decimal, melding: str) -> None:
    with pytest.raises(OngeldigBedrag) as fout:
        bedrag_lezen(invoer, veld="bedrag", label="Budget (FNIK)")
    assert fout.value.melding == melding
    assert fout.value.veld == "bedrag"


# --- year and flags --------------------------------------------------------------------------


def test_jaar_van_een_inzet_over_de_jaarwisseling() -> None:
    # 31 December 23:30 UTC is 1 January 00:30 in Amsterdam.
    assert jaar_van(datetime(2026, 12, 31, 22, 59, tzinfo=UTC)) == 2026
    assert jaar_van(datetime(2026, 12, 31, 23, 0, tzinfo=UTC)) == 2027
    deel = _deel(datetime(2026, 12, 31, 23, 30, tzinfo=UTC), datetime(2027, 1, 1, 8, tzinfo=UTC))
    post = raming_vastleggen(deelverzoek=deel, bedrag="100", door=_locc(), nu=NU)
    assert post.jaar == 2027
    assert overzicht(2026, nu=NU).inzetten == ()
    assert overzicht(2027, nu=NU).vastgelegd == Decimal("100.00")


def test_overzicht_met_vlaggen_op_de_grens() -> None:
    locc = _locc()
    budget_vaststellen(jaar=2026, bedrag="1000000", door=locc, nu=NU)
    begin = datetime(2026, 4, 1, 8, tzinfo=UTC)
    # exactly 10 % and exactly 14 days: not exceptional
    grens = _deel(begin, begin + timedelta(days=14))
    raming_vastleggen(deelverzoek=grens, bedrag="100000.00", door=locc, nu=NU)
    # one cent more: grootschalig
    groot = _deel(begin, begin + timedelta(days=1))
    raming_vastleggen(deelverzoek=groot, bedrag="100000.01", door=locc, nu=NU)
    # one second longer: langdurig; with actual costs
    lang = _deel(begin, begin + timedelta(days=14, seconds=1))
    raming_vastleggen(deelverzoek=lang, bedrag="0.1", door=locc, nu=NU)
    werkelijke_kosten_vastleggen(
        deelverzoek=lang,
        bedrag="0.2",
        toelichting=" Meer uren. ",
        door=locc,
        nu=begin + timedelta(days=15),
    )
    o = overzicht(2026, nu=datetime(2026, 7, 2, 10, tzinfo=UTC))
    assert o.budget == Decimal("1000000.00")
    assert o.drempel_bedrag == Decimal("100000.00")
    assert o.besteed == Decimal("0.20")
    assert o.open_ramingen == Decimal("200000.01")
    assert o.vastgelegd == Decimal("200000.21")
    assert o.prognose == Decimal("200000.21")
    assert o.resterend == Decimal("799999.79")
    vlaggen = {i.deelverzoek_id: (i.groot, i.lang, i.reden) for i in o.inzetten}
    assert vlaggen == {
        grens.pk: (False, False, ""),
        groot.pk: (True, False, "grootschalig"),
        lang.pk: (False, True, "langdurig"),
    }
    rij = next(i for i in o.inzetten if i.deelverzoek_id == lang.pk)
    assert (rij.raming, rij.werkelijk, rij.toelichting) == (
        Decimal("0.10"),
        Decimal("0.20"),
        "Meer uren.",
    )
    with override_settings(FNIK_DREMPEL_FRACTIE="0.05", FNIK_DREMPEL_DAGEN=20):
        o = overzicht(2026, nu=NU)
    assert o.drempel_bedrag == Decimal("50000.00")
    assert sum(i.uitzonderlijk for i in o.inzetten) == 2


def test_lineaire_prognose() -> None:
    # 2026 has 365 days; 2 July 2026 00:00 Amsterdam (1 July 22:00 UTC) is day 182 exactly.
    midden = datetime(2026, 7, 1, 22, 0, tzinfo=UTC)
    assert verstreken_fractie(2026, midden) == Decimal(182 * 24 - 1) / Decimal(365 * 24)
    assert verstreken_fractie(2026, datetime(2025, 12, 31, 22, tzinfo=UTC)) == Decimal(0)
    assert verstreken_fractie(2025, midden) == Decimal(1)
    deel = _deel(datetime(2026, 3, 1, 8, tzinfo=UTC), datetime(2026, 3, 2, 8, tzinfo=UTC))
    werkelijke_kosten_vastleggen(
        deelverzoek=deel, bedrag="1000", toelichting="", door=_locc(), nu=NU
    )
    o = overzicht(2026, nu=datetime(2026, 12, 31, 23, 0, tzinfo=UTC))
    assert o.lineaire_prognose == Decimal("1000.00")
    assert o.resterend is None
    assert overzicht(2027, nu=NU).lineaire_prognose is None
    # Half of the year (in hours, summer time starts in between): 1000 / (4367 / 8760)
    assert overzicht(2026, nu=midden).lineaire_prognose == Decimal("2005.95")


# --- who and when ----------------------------------------------------------------------------


def test_werkelijke_kosten_pas_na_de_inzet_en_alleen_door_het_locc() -> None:
    deel = _deel(datetime(2026, 3, 5, 8, tzinfo=UTC), datetime(2026, 3, 6, 8, tzinfo=UTC))
    with pytest.raises(OngeldigBedrag, match="de inzet is nog niet afgelopen") as fout:
        werkelijke_kosten_vastleggen(
            deelverzoek=deel, bedrag="5", toelichting="", door=_locc(), nu=NU
        )
    assert fout.value.veld == "deelverzoek"
    with pytest.raises(GeenFnikToegang):
        werkelijke_kosten_vastleggen(
            deelverzoek=deel, bedrag="5", toelichting="", door=gebruiker("RCCB-MN"), nu=NU
        )
    with pytest.raises(GeenFnikToegang):
        budget_vaststellen(jaar=2026, bedrag="5", door=gebruiker("RCCB-MN"), nu=NU)
    assert not Kostenpost.objects.exists()
    assert not Budget.objects.exists()


def test_budget_opnieuw_vaststellen_wordt_geaudit() -> None:
    beheerder = gebruiker("RCCB-MN", Rol.BEHEERDER)
    budget_vaststellen(jaar=2026, bedrag="10", door=beheerder, nu=NU)
    budget_vaststellen(jaar=2026, bedrag="20,50", door=beheerder, nu=NU)
    assert Budget.objects.get().bedrag == Decimal("20.50")
    rijen = list(
        AuditLogEntry.objects.filter(gebeurtenis="fnik-budget-vastgesteld").order_by("volgnummer")
    )
    assert [r.na for r in rijen] == [
        {"jaar": 2026, "bedrag": "10.00"},
        {"jaar": 2026, "bedrag": "20.50"},
    ]
    assert rijen[1].voor == {"bedrag": "10.00"}


# --- the grant -------------------------------------------------------------------------------


def _besluit_locc(verzoek: Bijstandsverzoek) -> Taak:
    while True:
        taken = open_taken(verzoek)
        besluit = [t for t in taken if t.bpmn_id == "taak_besluit_locc"]
        if besluit:
            return besluit[0]
        for taak in taken:
            stap_uitvoeren(taak, None, NU)


def test_raming_bij_toekenning_in_de_service() -> None:
    verzoek = maak_verzoek()
    taak = _besluit_locc(verzoek)
    door = gebruiker("LOCC", Rol.BESLUITVORMER)
    antwoord = {"uitkomst": "toegekend"}
    with pytest.raises(OngeldigeInvoer) as fout:
        services.besluit_nemen(
            taak=taak,
            uitkomst="toegekend",
            motivering="",
            door=door,
            nu=NU,
            raming_fnik="1,234",
            **defensie(taak, antwoord),
        )
    assert fout.value.veld == "raming_fnik"
    assert not Kostenpost.objects.exists()
    services.besluit_nemen(
        taak=taak,
        uitkomst="toegekend",
        motivering="",
        door=door,
        nu=NU,
        raming_fnik=Decimal("12500.50"),
        **defensie(taak, antwoord),
    )
    post = Kostenpost.objects.get()
    assert (post.soort, post.bedrag, post.jaar, post.verzoek_id) == (
        "raming",
        Decimal("12500.50"),
        2026,
        verzoek.pk,
    )
    audit = AuditLogEntry.objects.get(gebeurtenis="fnik-raming-vastgelegd")
    assert audit.na == {
        "verzoek": verzoek.pk,
        "deelverzoek": post.deelverzoek_id,
        "soort": "raming",
        "bedrag": "12500.50",
        "toelichting": "",
        "jaar": 2026,
    }


def test_besluitformulier_vraagt_de_raming_alleen_bij_de_coordinator() -> None:
    verzoek = maak_verzoek()
    taak = _besluit_locc(verzoek)
    client, _ = als("LOCC", Rol.BESLUITVORMER)
    url = f"/verzoeken/taken/{taak.pk}/"
    assert "Raming kosten (FNIK), in euro" in inhoud(client.get(url))
    velden = {"standpunt_defensie": "Akkoord.", "overeenstemming_defensie": "ja"}
    html = inhoud(client.post(url, {"uitkomst": "toegekend", **velden}))
    assert "vul de geraamde kosten in bij een (gedeeltelijke) toekenning" in html
    assert "Raming kosten (FNIK), in euro: Raming kosten" not in html
    html = inhoud(client.post(url, {"uitkomst": "toegekend", "raming_fnik": "-3", **velden}))
    assert "Raming kosten (FNIK), in euro: het bedrag mag niet negatief zijn." in html
    assert "Raming kosten (FNIK), in euro: Raming kosten" not in html
    html = inhoud(client.post(url, {"uitkomst": "toegekend", "raming_fnik": "12,500.50", **velden}))
    assert (
        "Raming kosten (FNIK), in euro: geef een bedrag in euro met hoogstens 2 decimalen, "
        "bijvoorbeeld 12.500,50 of 12500,50." in html
    )
    assert html.count("Raming kosten (FNIK), in euro: ") == 1
    assert not Kostenpost.objects.exists()
    response = client.post(url, {"uitkomst": "toegekend", "raming_fnik": "12.500,50", **velden})
    assert response.status_code == 302
    assert Kostenpost.objects.get().bedrag == Decimal("12500.50")


# --- the page --------------------------------------------------------------------------------


def test_pagina_voor_locc_en_beheerder_anderen_403() -> None:
    deel = _deel(datetime(2026, 3, 1, 8, tzinfo=UTC), datetime(2026, 3, 2, 8, tzinfo=UTC))
    raming_vastleggen(deelverzoek=deel, bedrag="2500", door=_locc(), nu=NU)
    with time_machine.travel(NU, tick=False):
        medewerker, _ = als("RCCB-MN")
        assert medewerker.get("/fnik/").status_code == 403
        beheerder, _ = als("RCCB-MN", Rol.BEHEERDER)
        response = beheerder.post("/fnik/?jaar=2026", {"actie": "budget", "bedrag": "1,001"})
        assert response.status_code == 400
        assert "Budget (FNIK), in euro: hoogstens 2 decimalen" in inhoud(response)
        response = beheerder.post("/fnik/?jaar=2026", {"actie": "budget", "bedrag": "2.500.000"})
        assert response.status_code == 302
        html = inhoud(beheerder.get("/fnik/?jaar=2026"))
        assert 'value="2.500.000,00"' in html
        assert "Bijvoorbeeld 2.500.000,00 of 2500000,00." in html
        response = beheerder.post("/fnik/?jaar=2026", {"actie": "budget", "bedrag": "20000"})
        assert response.status_code == 302
        html = inhoud(beheerder.get("/fnik/?jaar=2026"))
        assert 'value="20.000,00"' in html
        assert '<h1 class="utrecht-heading-1">FNIK 2026</h1>' in html
        assert "Werkelijke kosten vastleggen" not in html
        assert "<title>Budget: € 20.000,00</title>" in html
        assert "<title>Vastgelegd: € 2.500,00</title>" in html
        assert "<strong>Ja: grootschalig</strong>" in html
        assert "uitzonderlijk grootschalige of langdurige inzet (art. 5 convenant FNIK)" in html
        assert 'aria-current="page"{% endif %}' not in html
        assert ">FNIK</a>" in html
        assert beheerder.get("/fnik/?jaar=twintig").status_code == 400
        locc, _ = als("LOCC")
        html = inhoud(locc.get("/fnik/?jaar=2026"))
        assert "Werkelijke kosten vastleggen" in html
        response = locc.post(
            "/fnik/?jaar=2026",
            {"actie": "werkelijk", "deelverzoek": str(deel.pk), "werkelijke_kosten": "2400"},
        )
        assert response.status_code == 302
    assert Kostenpost.objects.get(soort="werkelijk").bedrag == Decimal("2400.00")


def test_geen_raming_bij_politiebijstand() -> None:
    verzoek = maak_verzoek(situatie(gevraagd=[{"leverancier": "politie"}]))
    taak = next(t for t in _open_tot_besluit(verzoek) if t.is_besluit)
    client, _ = als(taak.organisatie.code, Rol.BESLUITVORMER)
    assert "raming_fnik" not in inhoud(client.get(f"/verzoeken/taken/{taak.pk}/"))
    with pytest.raises(OngeldigeInvoer) as fout:
        services.besluit_nemen(
            taak=taak,
            uitkomst="toegekend",
            motivering="",
            door=gebruiker(taak.organisatie.code, Rol.BESLUITVORMER),
            nu=NU,
            raming_fnik="10",
        )
    assert fout.value.veld == "raming_fnik"
    assert not Kostenpost.objects.exists()


def _open_tot_besluit(verzoek: Bijstandsverzoek) -> list[Taak]:
    while True:
        taken = open_taken(verzoek)
        if any(t.is_besluit for t in taken):
            return taken
        for taak in taken:
            stap_uitvoeren(taak, None, NU)


def test_pagina_zonder_budget_zonder_afgelopen_inzet_en_met_links_naar_het_verzoek() -> None:
    """#11 trial: no "meer dan -", no empty "Kies" list, the kenmerk links to the request."""
    deel = _deel(datetime(2026, 3, 10, 8, tzinfo=UTC), datetime(2026, 3, 11, 8, tzinfo=UTC))
    raming_vastleggen(deelverzoek=deel, bedrag="2500", door=_locc(), nu=NU)
    verzoek = deel.verzoek
    deelnemers = set(verzoek.deelnemers.values_list("code", flat=True))
    assert {"LOCC", "RCCB-MN"} <= deelnemers
    assert "RCCB-NN" not in deelnemers
    link = (
        f'<th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" '
        f'href="/verzoeken/{verzoek.uuid}/">{verzoek.kenmerk}</a></th>'
    )
    with time_machine.travel(NU, tick=False):
        locc, _ = als("LOCC")
        html = inhoud(locc.get("/fnik/?jaar=2026"))
        assert (
            "Uitzonderlijk: meer dan het aandeel van het budget (nog geen budget vastgesteld) "
            "of langer dan"
        ) in html
        assert "meer dan -" not in html
        assert (
            '<p class="utrecht-paragraph pb-fnik-geen-keuze">Er is in 2026 nog geen afgelopen '
            "militaire inzet met een raming; zodra een inzet met een raming is afgelopen, kunt "
            "u hier de werkelijke kosten vastleggen.</p>"
        ) in html
        assert 'name="deelverzoek"' not in html
        assert link in html
        buiten, _ = als("RCCB-NN", Rol.BEHEERDER)
        html = inhoud(buiten.get("/fnik/?jaar=2026"))
        assert f'<th class="utrecht-table__header-cell" scope="row">{verzoek.kenmerk}</th>' in html
        assert f"/verzoeken/{verzoek.uuid}/" not in html
        budget_vaststellen(jaar=2026, bedrag=Decimal("100000"), door=_locc())
        html = inhoud(locc.get("/fnik/?jaar=2026"))
        assert "nog geen budget vastgesteld" not in html
    with time_machine.travel(datetime(2026, 3, 12, 9, tzinfo=UTC), tick=False):
        locc, _ = als("LOCC")
        html = inhoud(locc.get("/fnik/?jaar=2026"))
        assert "pb-fnik-geen-keuze" not in html
        assert f'<option value="{deel.pk}">{verzoek.kenmerk} (procedure 3)</option>' in html
