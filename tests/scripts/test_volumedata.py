"""scripts/volumedata.py: ten years of history, small, on the test database (issue #13 item 3)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from django.db import transaction
from django.test import Client

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import decrypt
from rich.progress import Progress

from politiebijstand.accounts.models import Gebruiker
from politiebijstand.audit.anker import ankers_lezen
from politiebijstand.audit.keten import keten_verifieren
from politiebijstand.audit.models import AuditLogEntry
from politiebijstand.documenten.models import Document
from politiebijstand.meldingen.models import Bericht, BerichtStatus
from politiebijstand.verzoeken.models import Bijstandsverzoek, Taak
from tests.accounts.helpers import totp_code

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"
KLEIN = [
    "--verzoeken", "60", "--audit", "3000", "--gebruikers", "20", "--organisaties", "8",
    "--jaren", "10",
]  # fmt: skip

pytestmark = pytest.mark.usefixtures("referentiedata")


@pytest.fixture(scope="module")
def volumedata() -> Iterator[ModuleType]:
    sys.path.insert(0, str(SCRIPTS))
    try:
        import volumedata

        yield volumedata
    finally:
        sys.path.remove(str(SCRIPTS))


@pytest.fixture
def ankermap(settings: Any, tmp_path: Path) -> Path:
    settings.AUDIT_ANKER_DIR = tmp_path / "ankers"
    return Path(settings.AUDIT_ANKER_DIR)


def _tellen() -> dict[str, int]:
    return {
        "verzoeken": Bijstandsverzoek.objects.count(),
        "taken": Taak.objects.count(),
        "documenten": Document.objects.count(),
        "berichten": Bericht.objects.count(),
        "ontvangers": Bericht.ontvangers.through.objects.count(),
        "audit": AuditLogEntry.objects.count(),
        "volume": Gebruiker.objects.filter(username__startswith="volume-").count(),
        "bench": Gebruiker.objects.filter(username__startswith="bench-").count(),
        "totp": Authenticator.objects.filter(user__username__startswith="volume-").count(),
    }


def _draai(volumedata: ModuleType, argv: list[str]) -> Any:
    return volumedata.genereren(volumedata.opties_lezen(argv), progress=Progress(disable=True))


def test_klein_exacte_aantallen_keten_jaren_en_volgorde(
    volumedata: ModuleType, ankermap: Path
) -> None:
    voor = _tellen()
    kop = AuditLogEntry.objects.order_by("-volgnummer").values_list("volgnummer", flat=True)[0]

    verslag = _draai(volumedata, KLEIN)

    na = _tellen()
    assert {k: na[k] - voor[k] for k in na} == {
        "verzoeken": 60,
        "taken": 619,
        "documenten": 149,
        "berichten": 676,
        "ontvangers": 733,
        "audit": 3000,
        "volume": 20,
        "bench": 66,
        "totp": 20,
    }
    # The chain of the whole trail, the reference data's rows and the 3,000 new ones.
    verificatie = keten_verifieren()
    assert verificatie.intact, verificatie.melding()
    assert verificatie.aantal == kop + 3000
    # An anchor at the new head, so that `audit verify` has no warning.
    ankers, ongeldig = ankers_lezen(ankermap)
    assert ongeldig == []
    assert [a.volgnummer for a in ankers] == [kop + 3000]
    assert verslag.anker == ankers[0].naam
    # The new rows' time rises, from 2017 to the data's now.
    tijden = list(
        AuditLogEntry.objects.filter(volgnummer__gt=kop)
        .order_by("volgnummer")
        .values_list("tijdstip", flat=True)
    )
    assert tijden == sorted(tijden)
    assert (tijden[0].year, tijden[-1].year) == (2017, 2026)
    # Every one of the ten years has requests.
    jaren = {d.year for d in Bijstandsverzoek.objects.values_list("aangemaakt_op", flat=True)}
    assert jaren == set(range(2017, 2027))
    # Every message delivered, each request's in the order they were written.
    per_reeks: dict[str, list[tuple[Any, Any, str]]] = {}
    for reeks, aangemaakt, verzonden, status in Bericht.objects.order_by("id").values_list(
        "reeks", "aangemaakt_op", "verzonden_op", "status"
    ):
        per_reeks.setdefault(reeks, []).append((aangemaakt, verzonden, status))
    assert len(per_reeks) == 60
    for reeks, berichten in per_reeks.items():
        assert reeks.startswith("verzoeken.bijstandsverzoek:")
        assert [b[0] for b in berichten] == sorted(b[0] for b in berichten), reeks
        assert {b[2] for b in berichten} == {BerichtStatus.VERZONDEN}
        assert all(b[1] > b[0] for b in berichten)
    # The accounts: predictable names; they log in with the bench password and TOTP secret.
    gebruiker = Gebruiker.objects.get(username="volume-c-kmar-medewerker-1")
    totp = Authenticator.objects.get(user=gebruiker, type=Authenticator.Type.TOTP)
    assert decrypt(totp.data["secret"]) == volumedata.BENCH_TOTP_GEHEIM
    client = Client()  # not the suite's `client`, which is logged in already
    response = client.post(
        "/accounts/login/",
        {"login": gebruiker.username, "password": volumedata.BENCH_WACHTWOORD},
    )
    assert response.headers["Location"] == "/accounts/2fa/authenticate/"
    response = client.post(
        "/accounts/2fa/authenticate/", {"code": totp_code(volumedata.BENCH_TOTP_GEHEIM)}
    )
    assert response.headers["Location"] == "/"
    assert client.get("/werkvoorraad/").status_code == 200
    assert len(verslag.gebruikers) == 20
    assert verslag.rijen["gemeenten (Organisatie GM....)"] == 342


def test_zelfde_seed_zelfde_data(volumedata: ModuleType, settings: Any, tmp_path: Path) -> None:
    kop = AuditLogEntry.objects.order_by("-volgnummer").values_list("volgnummer", flat=True)[0]
    digests = []
    for poging in range(2):
        settings.AUDIT_ANKER_DIR = tmp_path / f"ankers-{poging}"
        with transaction.atomic():
            _draai(volumedata, KLEIN)
            digests.append(volumedata.inhoud_digest(vanaf_audit=kop))
            transaction.set_rollback(True)
    assert Bijstandsverzoek.objects.count() == 0
    assert digests[0] == digests[1]


def test_weigert_niet_lege_database_tenzij_gevraagd(
    volumedata: ModuleType, ankermap: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _draai(volumedata, KLEIN)

    assert volumedata.main(KLEIN) == 2
    fout = capsys.readouterr().err
    assert fout == (
        "volumedata: de database bevat al 60 bijstandsverzoek(en); de generator vult alleen "
        "een lege database. Gebruik --ook-als-niet-leeg om er verzoeken aan toe te voegen.\n"
    )
    assert Bijstandsverzoek.objects.count() == 60

    _draai(volumedata, [*KLEIN, "--ook-als-niet-leeg", "--seed", "7"])
    assert Bijstandsverzoek.objects.count() == 120
    assert keten_verifieren().intact


@pytest.mark.parametrize(
    ("argv", "melding"),
    [
        (["--verzoeken", "veel"], "--verzoeken: 'veel' is geen geheel getal"),
        (["--audit", "-1"], "--audit: -1 is kleiner dan 0"),
        (["--gebruikers", "5", "--organisaties", "8"], "--gebruikers: 5 is minder dan"),
        (["--jaren", "0"], "--jaren: 0 is kleiner dan 1"),
    ],
)
def test_foute_optie_noemt_de_optie(
    volumedata: ModuleType, capsys: pytest.CaptureFixture[str], argv: list[str], melding: str
) -> None:
    with pytest.raises(SystemExit) as exc:
        volumedata.opties_lezen(argv)
    assert exc.value.code == 2
    assert melding in capsys.readouterr().err


def test_weigert_een_niet_gemigreerde_database(tmp_path: Path) -> None:
    import os
    import subprocess

    leeg = tmp_path / "leeg.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PB_", "DJANGO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="politiebijstand.conf.dev",
        PB_DATA_DIR=str(tmp_path),
        PB_DATABASE_URL=f"sqlite:///{leeg}",
    )
    uit = subprocess.run(
        [sys.executable, str(SCRIPTS / "volumedata.py"), "--verzoeken", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert uit.returncode == 2
    assert uit.stderr.strip().splitlines()[-1] == (
        f"volumedata: database: {leeg} is niet gemigreerd (geen tabel "
        "verzoeken_bijstandsverzoek); eerst: politiebijstand manage migrate, met dezelfde "
        "PB_DATABASE_URL en PB_DATA_DIR"
    )
