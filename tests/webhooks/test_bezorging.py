"""Where a webhook may go: https only and public hosts in production (issue #12 item 5).

Under the tests' settings ``WEBHOOK_HTTP_TOESTAAN`` is true (a receiver on loopback); here it
is set false as under conf.production, whose own value is checked in a fresh process.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
from typing import Any

import pytest

from politiebijstand.webhooks import bezorging
from politiebijstand.webhooks.bezorging import OngeldigeWebhookUrl, url_controleren
from tests.conf.test_productie_start import GOED


@pytest.fixture
def productie(settings: Any) -> None:
    settings.WEBHOOK_HTTP_TOESTAAN = False


def dns(monkeypatch: pytest.MonkeyPatch, adressen: dict[str, list[str]]) -> None:
    """Let `socket.getaddrinfo` answer these addresses per host name (no network needed)."""

    def getaddrinfo(host: str, poort: int, *args: Any, **kwargs: Any) -> list[Any]:
        if host not in adressen:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return [
            (socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, poort))
            for a in adressen[host]
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def intern(host: str, adres: str) -> str:
    return (
        f"URL: de host {host} wijst naar een intern adres ({adres}); "
        "alleen publieke adressen zijn toegestaan."
    )


ALLEEN_HTTPS = "URL: alleen een https://-adres is toegestaan."


@pytest.mark.usefixtures("productie")
@pytest.mark.parametrize(
    ("url", "melding"),
    [
        ("http://ontvanger.example.nl/hook", ALLEEN_HTTPS),
        ("ftp://ontvanger.example.nl/hook", ALLEEN_HTTPS),
        ("ontvanger.example.nl/hook", ALLEEN_HTTPS),
        ("", "URL: vul het adres in."),
        ("https:///hook", "URL: de host ontbreekt."),
        (
            "https://wie:geheim@ontvanger.example.nl/",
            "URL: zet geen gebruikersnaam of wachtwoord in het adres.",
        ),
        ("https://ontvanger.example.nl/#x", "URL: een #-deel is niet toegestaan."),
        ("https://ontvanger.example.nl:99999/", "URL: de poort is ongeldig."),
        ("https://onbekend.example.nl/", "URL: de host onbekend.example.nl is niet te vinden."),
        ("https://127.0.0.1/hook", intern("127.0.0.1", "127.0.0.1")),
        ("https://[::1]/hook", intern("::1", "::1")),
        ("https://intern.example.nl/", intern("intern.example.nl", "10.1.2.3")),
        ("https://gemengd.example.nl/", intern("gemengd.example.nl", "169.254.169.254")),
        ("https://gemapt.example.nl/", intern("gemapt.example.nl", "::ffff:192.168.1.5")),
        ("https://" + "a" * 500 + ".nl/", "URL: hoogstens 500 tekens."),
    ],
)
def test_productie_weigert(monkeypatch: pytest.MonkeyPatch, url: str, melding: str) -> None:
    dns(
        monkeypatch,
        {
            "ontvanger.example.nl": ["93.184.216.34"],
            "intern.example.nl": ["10.1.2.3"],
            "gemengd.example.nl": ["93.184.216.34", "169.254.169.254"],
            "gemapt.example.nl": ["::ffff:192.168.1.5"],
            "127.0.0.1": ["127.0.0.1"],
            "::1": ["::1"],
        },
    )
    with pytest.raises(OngeldigeWebhookUrl) as fout:
        url_controleren(url)
    assert str(fout.value) == melding


@pytest.mark.usefixtures("productie")
def test_productie_staat_https_naar_een_publieke_host_toe(monkeypatch: pytest.MonkeyPatch) -> None:
    dns(monkeypatch, {"ontvanger.example.nl": ["93.184.216.34", "2606:2800:220:1::1"]})
    url = "https://ontvanger.example.nl:8443/webhooks/pb?bron=politie"
    assert url_controleren(f"  {url} ") == url
    assert bezorging.doeladres("ontvanger.example.nl", 443) == "93.184.216.34"


@pytest.mark.usefixtures("productie")
def test_bij_verzenden_wordt_het_adres_opnieuw_gecontroleerd(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A name that resolved to a public address at creation but to an inner one now."""
    dns(monkeypatch, {"ontvanger.example.nl": ["192.168.0.7"]})
    with pytest.raises(OngeldigeWebhookUrl, match=r"intern adres \(192\.168\.0\.7\)"):
        bezorging.posten("https://ontvanger.example.nl/hook", body=b"{}", headers={})


def test_in_de_tests_mag_http_naar_loopback() -> None:
    assert url_controleren("http://127.0.0.1:8123/hook") == "http://127.0.0.1:8123/hook"
    assert bezorging.doeladres("127.0.0.1", 8123) == "127.0.0.1"


@pytest.mark.parametrize(
    ("adres", "publiek"),
    [
        ("93.184.216.34", True),
        ("2606:2800:220:1::1", True),
        ("127.0.0.1", False),
        ("10.0.0.1", False),
        ("172.16.5.4", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),  # noqa: S104 (an address checked, not bound)
        ("224.0.0.1", False),
        ("::1", False),
        ("fd00::1", False),
        ("fe80::1%eth0", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:93.184.216.34", True),
    ],
)
def test_is_publiek(adres: str, publiek: bool) -> None:
    assert bezorging.is_publiek(adres) is publiek


def test_conf_production_zet_http_altijd_uit() -> None:
    """Even with PB_WEBHOOK_HTTP_TOESTAAN=1 in the environment (ADR 0050)."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("PB_")}
    env.update(
        DJANGO_SETTINGS_MODULE="politiebijstand.conf.production",
        PB_DATA_DIR=tempfile.mkdtemp(prefix="pb-webhook-"),
        PB_WEBHOOK_HTTP_TOESTAAN="1",
        **GOED,
    )
    uit = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.WEBHOOK_HTTP_TOESTAAN)",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert uit.stdout.strip() == "False", uit.stderr
