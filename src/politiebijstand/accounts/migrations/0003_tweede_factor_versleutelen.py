"""Encrypt the second-factor secrets already stored in plain text (issue #9, ADR 0027).

Before, allauth.mfa stored the TOTP secret and the recovery-code seed as they are. From now on
the MFA adapter encrypts them with PB_MFA_SLEUTEL; this migration encrypts the existing ones.
Idempotent: a value that already decrypts with the key is left alone. Reversible (decrypts).
"""

from typing import Any

from django.db import migrations

from politiebijstand.accounts.versleuteling import (
    geheim_ontsleutelen,
    geheim_versleutelen,
    is_versleuteld,
)


def _omzetten(data: dict[str, Any], functie: Any) -> dict[str, Any]:
    data = dict(data)
    for sleutel in ("secret", "seed"):
        if isinstance(data.get(sleutel), str):
            data[sleutel] = functie(data[sleutel])
    if isinstance(data.get("migrated_codes"), list):
        data["migrated_codes"] = [functie(code) for code in data["migrated_codes"]]
    return data


def versleutelen(apps: Any, schema_editor: Any) -> None:
    Authenticator = apps.get_model("mfa", "Authenticator")  # noqa: N806
    for authenticator in Authenticator.objects.filter(type__in=["totp", "recovery_codes"]):
        data = _omzetten(
            authenticator.data, lambda w: w if is_versleuteld(w) else geheim_versleutelen(w)
        )
        if data != authenticator.data:
            authenticator.data = data
            authenticator.save(update_fields=["data"])


def ontsleutelen(apps: Any, schema_editor: Any) -> None:
    Authenticator = apps.get_model("mfa", "Authenticator")  # noqa: N806
    for authenticator in Authenticator.objects.filter(type__in=["totp", "recovery_codes"]):
        data = _omzetten(
            authenticator.data, lambda w: geheim_ontsleutelen(w) if is_versleuteld(w) else w
        )
        if data != authenticator.data:
            authenticator.data = data
            authenticator.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_cachetabel"),
        ("mfa", "0003_authenticator_type_uniq"),
    ]

    operations = [migrations.RunPython(versleutelen, ontsleutelen)]
