"""Where a webhook may go and how it is posted (issue #12 item 5, ADR 0050).

Rules (setting ``WEBHOOK_HTTP_TOESTAAN``, from PB_WEBHOOK_HTTP_TOESTAAN; true in dev and tests,
always false under conf.production):

- production: only ``https://``, and only to hosts whose every address is public
  (`ipaddress.ip_address(...).is_global`): no loopback, private, link-local, shared or reserved
  address, so that a subscription cannot reach the systems inside the network (SSRF);
- dev and tests: ``http://`` too, and loopback (a receiver on 127.0.0.1 in the tests).

The address is resolved once per attempt, checked, and the connection is made to that address
(TLS still verifies the host name), so that a DNS answer that changes between the check and the
connection cannot point it inward. Redirects are never followed (http.client does not follow
them; a 3xx counts as a failed attempt). Timeout 5 seconds.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from collections.abc import Mapping
from urllib.parse import urlsplit

from django.conf import settings

#: Longest URL (characters), as `WebhookAbonnement.url`.
MAX_URL = 500
#: Seconds to connect, and for each read, per attempt.
TIMEOUT_SECONDEN = 5.0
#: At most this much of a response is read (and thrown away): only the status counts.
MAX_ANTWOORD_BYTES = 64 * 1024


class OngeldigeWebhookUrl(ValueError):
    """The URL may not be used; the message is Dutch and names the field ("URL: ...")."""


def lokaal_toegestaan() -> bool:
    """Whether http:// and loopback/private hosts are allowed (dev and tests only)."""
    return bool(getattr(settings, "WEBHOOK_HTTP_TOESTAAN", False))


def url_controleren(url: str, *, oplossen: bool = True) -> str:
    """The URL, stripped, when a subscription may use it.

    Args:
        url: what the beheerder typed, e.g. ``"https://ontvanger.example.nl/webhooks/pb"``.
        oplossen: in production, also resolve the host and check its addresses (the default).

    Raises:
        OngeldigeWebhookUrl: not an allowed URL, with the reason in Dutch.
    """
    url = url.strip()
    if not url:
        raise OngeldigeWebhookUrl("URL: vul het adres in.")
    if len(url) > MAX_URL:
        raise OngeldigeWebhookUrl(f"URL: hoogstens {MAX_URL} tekens.")
    delen = urlsplit(url)
    schemas = {"https", "http"} if lokaal_toegestaan() else {"https"}
    if delen.scheme not in schemas:
        raise OngeldigeWebhookUrl("URL: alleen een https://-adres is toegestaan.")
    if not delen.hostname:
        raise OngeldigeWebhookUrl("URL: de host ontbreekt.")
    if delen.username is not None or delen.password is not None:
        raise OngeldigeWebhookUrl("URL: zet geen gebruikersnaam of wachtwoord in het adres.")
    if delen.fragment:
        raise OngeldigeWebhookUrl("URL: een #-deel is niet toegestaan.")
    try:
        delen.port  # noqa: B018 (raises ValueError on a bad port)
    except ValueError:
        raise OngeldigeWebhookUrl("URL: de poort is ongeldig.") from None
    if oplossen and not lokaal_toegestaan():
        doeladres(delen.hostname, _poort(delen.scheme, delen.port))
    return url


def _poort(schema: str, poort: int | None) -> int:
    return poort if poort is not None else (443 if schema == "https" else 80)


def is_publiek(adres: str) -> bool:
    """Whether an IP address is a public one (`is_global`; an IPv4-mapped IPv6 as its IPv4)."""
    ip = ipaddress.ip_address(adres.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(ip.is_global) and not ip.is_multicast


def doeladres(host: str, poort: int) -> str:
    """The address to connect to: the host's first address, after the checks of this module.

    Raises:
        OngeldigeWebhookUrl: the host does not resolve, or (production) one of its addresses
            is not public.
    """
    try:
        antwoorden = socket.getaddrinfo(host, poort, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise OngeldigeWebhookUrl(f"URL: de host {host} is niet te vinden.") from exc
    adressen = [str(a[4][0]) for a in antwoorden]
    if not adressen:
        raise OngeldigeWebhookUrl(f"URL: de host {host} is niet te vinden.")
    if not lokaal_toegestaan():
        verboden = sorted({a for a in adressen if not is_publiek(a)})
        if verboden:
            raise OngeldigeWebhookUrl(
                f"URL: de host {host} wijst naar een intern adres ({', '.join(verboden)}); "
                "alleen publieke adressen zijn toegestaan."
            )
    return adressen[0]


class _VastAdres:
    """Mixin: connect to an address resolved and checked before, not to a new DNS answer."""

    adres: str
    host: str
    port: int
    timeout: float | None
    source_address: tuple[str, int] | None

    def _socket(self) -> socket.socket:
        return socket.create_connection((self.adres, self.port), self.timeout)


class _HTTPVerbinding(_VastAdres, http.client.HTTPConnection):
    def __init__(self, host: str, port: int, adres: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.adres = adres

    def connect(self) -> None:
        self.sock = self._socket()


class _HTTPSVerbinding(_VastAdres, http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, adres: str, timeout: float) -> None:
        self.tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.adres = adres

    def connect(self) -> None:
        # Verifies the certificate against the host name (SNI), on the checked address.
        self.sock = self.tls.wrap_socket(self._socket(), server_hostname=self.host)


def posten(url: str, *, body: bytes, headers: Mapping[str, str]) -> int:
    """POST `body` to `url` once; returns the HTTP status (redirects are not followed).

    Raises:
        OngeldigeWebhookUrl: the URL or its address is not (or no longer) allowed.
        OSError: the connection failed or timed out (`TIMEOUT_SECONDEN`), TLS included.
        http.client.HTTPException: the answer was not HTTP.
    """
    url_controleren(url, oplossen=False)
    delen = urlsplit(url)
    if delen.hostname is None:  # refused by url_controleren already
        raise OngeldigeWebhookUrl("URL: de host ontbreekt.")
    poort = _poort(delen.scheme, delen.port)
    adres = doeladres(delen.hostname, poort)
    pad = (delen.path or "/") + (f"?{delen.query}" if delen.query else "")
    klasse = _HTTPSVerbinding if delen.scheme == "https" else _HTTPVerbinding
    verbinding = klasse(delen.hostname, poort, adres, TIMEOUT_SECONDEN)
    try:
        verbinding.request("POST", pad, body=body, headers=dict(headers))
        antwoord = verbinding.getresponse()
        antwoord.read(MAX_ANTWOORD_BYTES)
        return int(antwoord.status)
    finally:
        verbinding.close()
