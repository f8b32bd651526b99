"""Encryption at rest of second-factor secrets (TOTP secret, recovery-code seed), issue #9.

allauth.mfa stores its secrets through the MFA adapter's `encrypt`/`decrypt`
(`politiebijstand.accounts.adapter.MFAAdapter`); these functions do the work with Fernet
(AES-128-CBC with HMAC-SHA256, from `cryptography`) and the key in `PB_MFA_SLEUTEL`, which is
kept outside the database (ADR 0027). A database dump alone therefore yields no usable secret,
and a secret written into the table by hand (a "planted" secret) is refused, because it does not
decrypt.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


def _sleutels() -> MultiFernet:
    sleutels = list(getattr(settings, "MFA_SLEUTELS", []))
    if not sleutels:
        raise ImproperlyConfigured(
            "PB_MFA_SLEUTEL is not set: the second-factor secrets cannot be encrypted. "
            "Make a key with `python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())'`."
        )
    try:
        return MultiFernet([Fernet(sleutel.encode("ascii")) for sleutel in sleutels])
    except ValueError as fout:
        raise ImproperlyConfigured(
            "PB_MFA_SLEUTEL: every key must be 32 url-safe base64-encoded bytes (a Fernet key)"
        ) from fout


def geheim_versleutelen(tekst: str) -> str:
    """Encrypt a secret with the first key of `PB_MFA_SLEUTEL`.

    Returns:
        A Fernet token (url-safe base64 ASCII, starts with ``gAAAAA``); a new one on every
        call (random IV).

    Raises:
        ImproperlyConfigured: without a valid key.
    """
    return _sleutels().encrypt(tekst.encode("utf-8")).decode("ascii")


def geheim_ontsleutelen(token: str) -> str:
    """Decrypt a token made by `geheim_versleutelen`, with any key of `PB_MFA_SLEUTEL`.

    Raises:
        ValueError: the value is not a token of these keys (plain text, planted, or another
            key): a second factor that cannot be verified, so its log-in fails.
        ImproperlyConfigured: without a valid key.
    """
    try:
        return _sleutels().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeEncodeError) as fout:
        raise ValueError("geen geldig versleuteld geheim (PB_MFA_SLEUTEL)") from fout


def is_versleuteld(waarde: str) -> bool:
    """Whether `waarde` decrypts with the configured keys (used by the data migration)."""
    try:
        geheim_ontsleutelen(waarde)
    except ValueError:
        return False
    return True
