"""The demo requests of `make run`: made through the services, idempotent, refused in production."""

from __future__ import annotations

import json
from io import StringIO
from typing import Any

from django.core.management import CommandError, call_command

import pytest
from lxml import etree  # type: ignore[import-untyped]

from politiebijstand.accounts.constants import Rol
from politiebijstand.accounts.models import Gebruiker
from politiebijstand.procedures import engine
from politiebijstand.verzoeken import workflow
from politiebijstand.verzoeken.models import Bijstandsverzoek, Deelverzoek, Taak
from tests.procedures.test_bpmn_files import NS

pytestmark = pytest.mark.usefixtures("referentiedata")


def test_demo_verzoeken_in_verschillende_stadia_en_herhaalbaar() -> None:
    call_command("demo_accounts_laden", stdout=StringIO())
    out = StringIO()
    call_command("demo_verzoeken_laden", stdout=out)
    verzoeken = list(Bijstandsverzoek.objects.order_by("id"))
    assert [(v.titel.removeprefix("Demo: "), v.status) for v in verzoeken] == [
        ("Demonstratie en tegendemonstratie Jaarbeursplein", "in_behandeling"),
        ("Versterking ME bij risicowedstrijd", "in_behandeling"),
        ("Spoed: waterwerper bij ongeregeldheden", "in_behandeling"),
        ("Rechercheurs KMar bij wapenonderzoek", "in_behandeling"),
        ("Waterwerper bij jaarwisseling", "in_inzet"),
        ("Extra ME bij festival (afgewezen)", "besloten"),
        ("Bewaking manifestatie (ingetrokken)", "ingetrokken"),
        ("ME bij de kermis in Amersfoort", "in_behandeling"),
        ("KMar bij de avondklokrellen", "in_behandeling"),
        ("ME bij demonstraties in Den Haag en Wassenaar", "in_behandeling"),
    ]
    open_per_verzoek = [
        sorted(
            (t.organisatie.code, t.bpmn_id)
            for t in Taak.objects.filter(verzoek=v, status="open").select_related("organisatie")
        )
        for v in [*verzoeken[:4], *verzoeken[7:]]
    ]
    assert open_per_verzoek == [
        [("LOCC", "taak_aanvraag_verwerken")],
        [("KORPSCHEF", "taak_besluit_korpschef")],
        [("LOCC", "taak_aanvraag_toetsen"), ("RCCB-MN", "taak_schriftelijk_formaliseren")],
        [("OM-MN", "taak_aanvraag_parket_generaal")],
        [("GM0344", "taak_zienswijze_regioburgemeester")],
        [("RCCB-DH", "taak_aanvraagformulier_opstellen")],
        # One form per municipality: each burgemeester signs the own (interpretation 12).
        [("GM0518", "taak_verzoek_indienen"), ("GM0629", "taak_verzoek_indienen")],
    ]
    assert [(v.rccb.code, v.bevoegd_gezag.code) for v in verzoeken[7:]] == [
        ("RCCB-MN", "GM0307"),
        ("RCCB-DH", "GM0518"),
        ("RCCB-DH", "GM0518"),
    ]
    (den_haag_wassenaar,) = [v for v in verzoeken if "Wassenaar" in v.titel]
    assert sorted(
        (t.bpmn_id, t.organisatie.code, t.gemeente.code if t.gemeente else None, t.status)
        for t in Taak.objects.filter(verzoek=den_haag_wassenaar, bpmn_id__contains="zienswijze")
    ) == [("taak_zienswijze_regioburgemeester", "GM0518", "GM0629", "afgerond")]
    assert Deelverzoek.objects.get(verzoek=verzoeken[5]).status == "afgewezen"
    assert verzoeken[0].kenmerk in out.getvalue()
    call_command("demo_verzoeken_laden", stdout=StringIO())
    assert Bijstandsverzoek.objects.count() == 10


def test_zonder_demo_accounts_een_duidelijke_fout() -> None:
    with pytest.raises(CommandError, match="demo_accounts_laden"):
        call_command("demo_verzoeken_laden", stdout=StringIO())


def test_geweigerd_onder_productie_instellingen(settings: Any) -> None:
    settings.DEMO_ACCOUNTS_TOEGESTAAN = False
    with pytest.raises(CommandError, match="niet toegestaan"):
        call_command("demo_verzoeken_laden", stdout=StringIO())
    assert Bijstandsverzoek.objects.count() == 0


def _bpmn_lanes() -> list[tuple[str, str, bool]]:
    """(file, lane, whether the lane has a decision step) of every lane of every BPMN file."""
    result = []
    for bestand in sorted(engine.BPMN_DIR.glob("*.bpmn")):
        boom = etree.parse(str(bestand))
        besluiten = {
            taak.get("id")
            for taak in boom.iterfind(".//bpmn:userTask", namespaces=NS)
            for eigenschap in taak.iterfind(".//spiffworkflow:property", namespaces=NS)
            if eigenschap.get("name") == "velden"
            and workflow.is_besluit(json.loads(eigenschap.get("value")))
        }
        for lane in boom.iterfind(".//bpmn:lane", namespaces=NS):
            knopen = {ref.text for ref in lane.iterfind("bpmn:flowNodeRef", namespaces=NS)}
            result.append((bestand.name, lane.get("name"), bool(knopen & besluiten)))
    return result


def test_elke_lane_van_elke_procedure_heeft_demo_accounts_voor_de_demoverzoeken() -> None:
    """Issue #8 item 12: every lane of every BPMN file is reached by a demo account.

    For each demo request, each lane resolves (`workflow.lane_organisatie_codes`) to an
    organisation with a demo medewerker, and a demo besluitvormer where the lane decides. A lane
    may not exist for a request (``BURGEMEESTER`` for an officier van justitie's request without
    municipality), but every lane must be resolved for some demo request. A new lane, or a lane
    of an organisation without demo accounts, fails here.
    """
    call_command("demo_accounts_laden", stdout=StringIO())
    call_command("demo_verzoeken_laden", stdout=StringIO())
    lanes = _bpmn_lanes()
    assert len({bestand for bestand, _, _ in lanes}) == 10
    assert ("procedure_9.bpmn", "MINISTER-JENV", True) in lanes
    assert ("procedure_3.bpmn", "C-KMAR", False) in lanes
    demo = set(
        Gebruiker.objects.filter(is_demo=True, is_active=True).values_list(
            "organisatie__code", "rol"
        )
    )
    verzoeken = list(
        Bijstandsverzoek.objects.select_related("rccb", "bevoegd_gezag", "regioburgemeester")
    )
    assert {v.rccb.code for v in verzoeken} == {"RCCB-MN", "RCCB-DH"}
    ontbrekend = []
    bereikt = set()
    for bestand, lane, beslist in lanes:
        codes = set()
        for verzoek in verzoeken:
            try:
                code = workflow.lane_organisatie_codes(verzoek, [lane])[lane]
            except LookupError:
                continue
            codes.add(code)
            rollen = [Rol.MEDEWERKER, Rol.BESLUITVORMER] if beslist else [Rol.MEDEWERKER]
            ontbrekend += [
                f"{bestand} {lane} -> {code} ({verzoek.titel}): geen demo-{rol}"
                for rol in rollen
                if (code, rol) not in demo
            ]
        if not codes:
            ontbrekend.append(f"{bestand} {lane}: geen demoverzoek bereikt deze lane")
        bereikt |= codes
    assert ontbrekend == []
    assert {"GM0344", "GM0307", "GM0518", "OM-MN", "OM-DH", "DGPOL"} <= bereikt
