"""Property tests: any valid situation gives an advice of the contract's shape; any invalid one
raises `OngeldigeSituatie` naming the offending field (docs/contract/advies.md)."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from politiebijstand.rules import (
    Aanvrager,
    AdviesUitkomst,
    Leverancier,
    Middel,
    OngeldigeSituatie,
    Politietaak,
    advies_bepalen,
    situatie_from_dict,
)
from politiebijstand.rules.gemeenten import ALIASSEN, gemeente_zoeken, gemeenten
from tests.rules.contract import controleer_advies

# The contract's field names (docs/contract/advies.md, "Input: Situatie").
SITUATIE_VELDEN = {
    "eigen_capaciteit_toereikend",
    "taak",
    "indicatie_misdrijf",
    "aanvrager",
    "spoed",
    "aanvrager_is_regioburgemeester",
    "locatiegebonden",
    "gemeenten",
    "convenant",
    "gevraagd",
    "bijzondere_bijstandseenheid",
}
GEVRAAGD_VELDEN = {
    "leverancier",
    "middel",
    "oefening",
    "politie_uitgeput",
    "kmar_uitgeput",
    "specialisme_niet_beschikbaar",
    "land",
}
TAKEN = [t.value for t in Politietaak]
ZONDER_GEVRAAGD = {
    "bewaking_en_beveiliging_rijksdomein",
    "bewaking_en_beveiliging_personen",
    "vreemdelingentoezicht",
    "geen_politietaak",
}
GEVRAAGD_BOOLS = ("oefening", "politie_uitgeput", "kmar_uitgeput", "specialisme_niet_beschikbaar")
SITUATIE_BOOLS = (
    "spoed",
    "aanvrager_is_regioburgemeester",
    "locatiegebonden",
    "convenant",
    "bijzondere_bijstandseenheid",
)

geen_bool = st.one_of(
    st.none(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=5),
    st.lists(st.booleans(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.booleans(), max_size=1),
)
geen_tekst = st.one_of(
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.lists(st.text(max_size=3), max_size=2),
)


def onbekende_tekst(bekend: set[str]) -> st.SearchStrategy[str]:
    return st.text(max_size=20).filter(lambda t: t not in bekend)


@st.composite
def gevraagd_item(draw: st.DrawFn) -> dict[str, Any]:
    leverancier = draw(st.sampled_from([lev.value for lev in Leverancier]))
    item: dict[str, Any] = {"leverancier": leverancier}
    if leverancier == Leverancier.MIDDELEN_JENV.value:
        item["middel"] = draw(st.sampled_from([m.value for m in Middel]))
    elif draw(st.booleans()):
        item["middel"] = None
    for veld in GEVRAAGD_BOOLS:
        if draw(st.booleans()):
            item[veld] = draw(st.booleans())
    if draw(st.booleans()):
        item["land"] = draw(st.one_of(st.none(), st.sampled_from(["BE", "DE", "FR", "LU"])))
    return item


#: A municipality name as `situatie_from_dict` accepts it: a known name or alias, in any case,
#: with spaces around it (issue #8).
_NAMEN = sorted({*(g.naam for g in gemeenten()), *ALIASSEN})
gemeente = st.builds(
    lambda naam, vorm, links, rechts: f"{links}{vorm(naam)}{rechts}",
    st.sampled_from(_NAMEN),
    st.sampled_from([str, str.upper, str.lower]),
    st.sampled_from(["", " ", "\n"]),
    st.sampled_from(["", " ", "\t"]),
)


def _zelfde_gemeente(naam: str) -> str:
    gevonden = gemeente_zoeken(naam)
    assert gevonden is not None, naam
    return gevonden.cbs_code


@st.composite
def geldige_situatie(draw: st.DrawFn) -> dict[str, Any]:
    taak = draw(st.sampled_from(TAKEN))
    eigen = draw(st.booleans())
    data: dict[str, Any] = {"eigen_capaciteit_toereikend": eigen, "taak": taak}
    if taak == Politietaak.VERMISSING.value:
        data["indicatie_misdrijf"] = draw(st.booleans())
    elif draw(st.booleans()):
        data["indicatie_misdrijf"] = draw(st.one_of(st.none(), st.booleans()))
    if taak == Politietaak.GEEN_POLITIETAAK.value:
        data["aanvrager"] = draw(st.sampled_from([a.value for a in Aanvrager]))
    elif draw(st.booleans()):
        data["aanvrager"] = draw(
            st.one_of(st.none(), st.sampled_from([a.value for a in Aanvrager]))
        )
    for veld in SITUATIE_BOOLS:
        if draw(st.booleans()):
            data[veld] = draw(st.booleans())
    if draw(st.booleans()):
        data["gemeenten"] = draw(st.lists(gemeente, max_size=4, unique_by=_zelfde_gemeente))
    verplicht = not eigen and taak not in ZONDER_GEVRAAGD
    if verplicht or draw(st.booleans()):
        data["gevraagd"] = draw(
            st.lists(
                gevraagd_item(),
                min_size=1 if verplicht else 0,
                max_size=6,
                unique_by=lambda g: (g["leverancier"], g.get("middel")),
            )
        )
    return data


@settings(max_examples=150, deadline=None)
@given(geldige_situatie())
def test_elke_geldige_situatie_geeft_een_advies_in_de_vorm_van_het_contract(
    data: dict[str, Any],
) -> None:
    situatie = situatie_from_dict(json.loads(json.dumps(data)))
    advies = advies_bepalen(situatie).to_dict()
    controleer_advies(advies)
    assert json.loads(json.dumps(advies)) == advies
    if advies["uitkomst"] == AdviesUitkomst.BIJSTAND.value:
        gevraagd = data["gevraagd"]
        assert [r["leverancier"] for r in advies["routes"]] == [g["leverancier"] for g in gevraagd]
    if data["eigen_capaciteit_toereikend"]:
        assert advies["uitkomst"] == AdviesUitkomst.EIGEN_CAPACITEIT.value


def _fout(data: Any) -> OngeldigeSituatie:
    try:
        situatie_from_dict(data)
    except OngeldigeSituatie as fout:
        assert fout.melding.strip()
        assert str(fout).startswith(f"{fout.veld}: ")
        return fout
    raise AssertionError(f"no OngeldigeSituatie for {data!r}")


@settings(max_examples=100, deadline=None)
@given(geldige_situatie(), onbekende_tekst(SITUATIE_VELDEN), st.integers())
def test_onbekend_veld_noemt_het_veld(data: dict[str, Any], sleutel: str, waarde: int) -> None:
    assert _fout({**data, sleutel: waarde}).veld == sleutel


@settings(max_examples=100, deadline=None)
@given(geldige_situatie(), onbekende_tekst(GEVRAAGD_VELDEN), st.data())
def test_onbekend_veld_in_gevraagd_noemt_het_pad(
    data: dict[str, Any], sleutel: str, keuze: st.DataObject
) -> None:
    gevraagd = data.get("gevraagd") or [{"leverancier": "kmar"}]
    i = keuze.draw(st.integers(0, len(gevraagd) - 1))
    gevraagd = [dict(g) for g in gevraagd]
    gevraagd[i][sleutel] = True
    assert _fout({**data, "gevraagd": gevraagd}).veld == f"gevraagd[{i}].{sleutel}"


@st.composite
def verkeerd_type(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A valid situation with one field of the wrong type or value, and that field's path."""
    data = draw(geldige_situatie())
    keuzes = [
        "eigen_capaciteit_toereikend",
        "taak",
        "indicatie_misdrijf",
        "aanvrager",
        *SITUATIE_BOOLS,
        "gemeenten",
        "gemeenten[]",
        "gevraagd",
    ]
    if data.get("gevraagd"):
        keuzes += ["item", "leverancier", "middel", "land", *GEVRAAGD_BOOLS]
    veld = draw(st.sampled_from(keuzes))
    if veld == "eigen_capaciteit_toereikend" or veld in SITUATIE_BOOLS:
        data[veld] = draw(geen_bool)
        return data, veld
    if veld == "taak":
        data["taak"] = draw(st.one_of(geen_tekst, onbekende_tekst(set(TAKEN))))
        return data, veld
    if veld == "indicatie_misdrijf":
        data[veld] = draw(geen_bool.filter(lambda w: w is not None))
        return data, veld
    if veld == "aanvrager":
        bekend = {a.value for a in Aanvrager}
        data[veld] = draw(st.one_of(geen_tekst, onbekende_tekst(bekend)))
        return data, veld
    if veld == "gemeenten":
        data[veld] = draw(st.one_of(st.booleans(), st.integers(), st.text(max_size=4), st.just({})))
        return data, veld
    if veld == "gemeenten[]":
        gemeenten = list(data.get("gemeenten", []))
        j = draw(st.integers(0, len(gemeenten)))
        gemeenten.insert(j, draw(st.one_of(st.integers(), st.none(), st.sampled_from(["", "  "]))))
        data["gemeenten"] = gemeenten
        return data, f"gemeenten[{j}]"
    if veld == "gevraagd":
        data[veld] = draw(st.one_of(st.booleans(), st.integers(), st.text(max_size=4), st.just({})))
        return data, veld
    gevraagd = [dict(g) for g in data["gevraagd"]]
    i = draw(st.integers(0, len(gevraagd) - 1))
    data["gevraagd"] = gevraagd
    if veld == "item":
        gevraagd[i] = draw(
            st.one_of(st.integers(), st.text(max_size=4), st.lists(st.none(), max_size=1))
        )
        return data, f"gevraagd[{i}]"
    if veld == "leverancier":
        bekend = {lev.value for lev in Leverancier}
        gevraagd[i][veld] = draw(st.one_of(st.none(), geen_tekst, onbekende_tekst(bekend)))
    elif veld == "middel":
        bekend = {m.value for m in Middel}
        gevraagd[i][veld] = draw(st.one_of(geen_tekst, onbekende_tekst(bekend)))
    elif veld == "land":
        gevraagd[i][veld] = draw(
            st.one_of(geen_tekst, st.text(max_size=4).filter(lambda t: not _is_landcode(t)))
        )
    else:
        gevraagd[i][veld] = draw(geen_bool)
    return data, f"gevraagd[{i}].{veld}"


def _is_landcode(tekst: str) -> bool:
    return len(tekst) == 2 and all("A" <= t <= "Z" for t in tekst)


@settings(max_examples=250, deadline=None)
@given(verkeerd_type())
def test_verkeerd_type_of_waarde_noemt_het_veld(geval: tuple[dict[str, Any], str]) -> None:
    data, veld = geval
    assert _fout(data).veld == veld


@st.composite
def ontbrekend_veld(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A valid situation with one required field removed, and that field's path."""
    data = draw(geldige_situatie())
    keuzes = ["eigen_capaciteit_toereikend", "taak"]
    if data["taak"] == Politietaak.VERMISSING.value:
        keuzes.append("indicatie_misdrijf")
    if data["taak"] == Politietaak.GEEN_POLITIETAAK.value:
        keuzes.append("aanvrager")
    if (
        not data["eigen_capaciteit_toereikend"]
        and data["taak"] not in ZONDER_GEVRAAGD
        and not data.get("bijzondere_bijstandseenheid")
    ):
        keuzes.append("gevraagd")
    if data.get("gevraagd"):
        keuzes.append("leverancier")
        if any(g["leverancier"] == "middelen_jenv" for g in data["gevraagd"]):
            keuzes.append("middel")
    veld = draw(st.sampled_from(keuzes))
    if veld in {"leverancier", "middel"}:
        gevraagd = [dict(g) for g in data["gevraagd"]]
        kandidaten = [
            i
            for i, g in enumerate(gevraagd)
            if veld == "leverancier" or g["leverancier"] == "middelen_jenv"
        ]
        i = draw(st.sampled_from(kandidaten))
        del gevraagd[i][veld]
        data["gevraagd"] = gevraagd
        return data, f"gevraagd[{i}].{veld}"
    del data[veld]
    return data, veld


@settings(max_examples=150, deadline=None)
@given(ontbrekend_veld())
def test_ontbrekend_verplicht_veld_noemt_het_veld(geval: tuple[dict[str, Any], str]) -> None:
    data, veld = geval
    assert _fout(data).veld == veld


@given(
    st.one_of(st.none(), st.integers(), st.text(max_size=5), st.lists(st.integers(), max_size=2))
)
def test_geen_object_noemt_situatie(data: Any) -> None:
    assert _fout(data).veld == "situatie"


@st.composite
def dubbel_of_te_veel(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A valid situation with a repeated municipality or provider, or too many municipalities,
    and the path that the error must name."""
    data = draw(geldige_situatie())
    soort = draw(st.sampled_from(["gemeente", "leverancier", "te-veel"]))
    if soort == "te-veel":
        data["gemeenten"] = [f"Gemeente {n}" for n in range(draw(st.integers(343, 360)))]
        return data, "gemeenten"
    if soort == "gemeente" or not data.get("gevraagd"):
        gemeenten = list(data.get("gemeenten") or [draw(gemeente)])
        j = draw(st.integers(0, len(gemeenten) - 1))
        kopie = draw(st.sampled_from([str.upper, str.lower, lambda g: f"  {g} "]))(gemeenten[j])
        if kopie.strip().casefold() != gemeenten[j].strip().casefold():
            kopie = gemeenten[j]  # some letters change length when upper-cased
        gemeenten.append(kopie)
        data["gemeenten"] = gemeenten
        return data, f"gemeenten[{len(gemeenten) - 1}]"
    gevraagd = list(data["gevraagd"])
    j = draw(st.integers(0, len(gevraagd) - 1))
    gevraagd.append(dict(gevraagd[j]))
    data["gevraagd"] = gevraagd
    return data, f"gevraagd[{len(gevraagd) - 1}]"


@settings(max_examples=150, deadline=None)
@given(dubbel_of_te_veel())
def test_dubbele_gemeente_of_leverancier_en_te_veel_gemeenten_noemen_het_veld(
    geval: tuple[dict[str, Any], str],
) -> None:
    data, veld = geval
    assert _fout(data).veld == veld
