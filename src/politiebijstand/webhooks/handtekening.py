"""The signature of a webhook delivery (issue #12 item 5, ADR 0050); pure, no Django.

The scheme, close to Standard Webhooks (https://www.standardwebhooks.com/) but with a hex
digest and ``=`` so that it reads like the other ``v1=`` signatures receivers know::

    signed  = "<Webhook-Id>.<Webhook-Timestamp>.<body>"     (bytes; the body exactly as sent)
    Webhook-Signature: v1=<hex of HMAC-SHA256(key = the secret in UTF-8, signed)>

``Webhook-Timestamp`` is the attempt's time in whole seconds since 1970-01-01 UTC; a receiver
refuses a timestamp more than 5 minutes from its clock (a replayed request), compares the
signature in constant time, and drops an id it has already processed (at-least-once delivery).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

#: The version prefix of the signature header's value.
VERSIE = "v1"
#: How far a receiver lets the timestamp differ from its clock (seconds), as documented.
TOLERANTIE_SECONDEN = 300


def lichaam(payload: dict[str, Any]) -> bytes:
    """The body of a delivery: the payload as compact UTF-8 JSON with sorted keys."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode(
        "utf-8"
    )


def handtekening(*, geheim: str, webhook_id: str, tijdstempel: int, body: bytes) -> str:
    """The ``Webhook-Signature`` value, e.g. ``"v1=5d41402abc4b2a76b9719d911017c592..."``.

    Args:
        geheim: the subscription's secret (as shown once, ``"whsec_..."``).
        webhook_id: the ``Webhook-Id`` header (the event's uuid).
        tijdstempel: the ``Webhook-Timestamp`` header (Unix seconds).
        body: the request body, byte for byte.
    """
    ondertekend = f"{webhook_id}.{tijdstempel}.".encode() + body
    digest = hmac.new(geheim.encode("utf-8"), ondertekend, hashlib.sha256).hexdigest()
    return f"{VERSIE}={digest}"


def handtekening_klopt(
    *, geheim: str, webhook_id: str, tijdstempel: int, body: bytes, waarde: str, nu: int
) -> bool:
    """What a receiver checks: the signature matches and the timestamp is recent.

    Args:
        geheim: the subscription's secret.
        webhook_id: the received ``Webhook-Id`` header.
        tijdstempel: the received ``Webhook-Timestamp`` header, as an int.
        body: the received body, byte for byte.
        waarde: the received ``Webhook-Signature`` header.
        nu: the receiver's clock (Unix seconds).
    """
    if abs(nu - tijdstempel) > TOLERANTIE_SECONDEN:
        return False
    verwacht = handtekening(
        geheim=geheim, webhook_id=webhook_id, tijdstempel=tijdstempel, body=body
    )
    return hmac.compare_digest(verwacht, waarde)
