"""The https path: TLS checked against the host name on the pinned address (ADR 0050).

A receiver on loopback with a self-signed certificate for ``ontvanger.test``: refused with the
system's trust store, delivered when the test trusts that certificate. The name resolves (by a
patched `socket.getaddrinfo`) to 127.0.0.1, the address the connection is made to.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import ssl
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from politiebijstand.webhooks import bezorging

HOST = "ontvanger.test"


def certificaat(map_: Path) -> tuple[Path, Path]:
    """A self-signed certificate (and its key) for `HOST`, as PEM files."""
    sleutel = ec.generate_private_key(ec.SECP256R1())
    naam = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    nu = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(naam)
        .issuer_name(naam)
        .public_key(sleutel.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(nu - dt.timedelta(days=1))
        .not_valid_after(nu + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(HOST)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(sleutel, hashes.SHA256())
    )
    cert_pad, sleutel_pad = map_ / "cert.pem", map_ / "key.pem"
    cert_pad.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    sleutel_pad.write_bytes(
        sleutel.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_pad, sleutel_pad


@dataclass
class HttpsOntvanger:
    url: str
    poort: int
    certificaat: Path
    ontvangen: list[tuple[str, bytes]]


@pytest.fixture
def https_ontvanger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[HttpsOntvanger]:
    cert, sleutel = certificaat(tmp_path)
    ontvangen: list[tuple[str, bytes]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            ontvangen.append((self.headers["Host"], body))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, sleutel)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    echt = socket.getaddrinfo

    def getaddrinfo(host: str, poort: int, *args: Any, **kwargs: Any) -> Any:
        return echt("127.0.0.1" if host == HOST else host, poort, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield HttpsOntvanger(
        url=f"https://{HOST}:{server.server_address[1]}/hook",
        poort=int(server.server_address[1]),
        certificaat=cert,
        ontvangen=ontvangen,
    )
    server.shutdown()
    server.server_close()


def test_een_onbekend_certificaat_wordt_geweigerd(https_ontvanger: HttpsOntvanger) -> None:
    with pytest.raises(ssl.SSLCertVerificationError, match="certificate verify failed"):
        bezorging.posten(https_ontvanger.url, body=b"{}", headers={})
    assert https_ontvanger.ontvangen == []


def test_met_vertrouwd_certificaat_bezorgd_met_de_hostnaam(
    https_ontvanger: HttpsOntvanger, monkeypatch: pytest.MonkeyPatch
) -> None:
    maak = ssl.create_default_context
    monkeypatch.setattr(
        ssl,
        "create_default_context",
        lambda: maak(cafile=str(https_ontvanger.certificaat)),
    )
    body = json.dumps({"id": "x"}).encode()
    status = bezorging.posten(https_ontvanger.url, body=body, headers={"Content-Type": "a/b"})
    assert status == 200
    assert https_ontvanger.ontvangen == [(f"{HOST}:{https_ontvanger.poort}", body)]
