"""Command-line interface: `politiebijstand advies FILE [--json]`, and Django management.

`politiebijstand manage ARGS...` runs Django's management commands (migrate, runserver, ...).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence


def _manage(argv: Sequence[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "politiebijstand.conf.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["politiebijstand manage", *argv])
    return 0


def _audit_verify() -> int:
    """Check the audit trail's hash chain: exit 0 when intact, 1 at the first broken link."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "politiebijstand.conf.dev")
    import django

    django.setup()
    from politiebijstand.audit.keten import keten_verifieren

    resultaat = keten_verifieren()
    print(resultaat.melding(), file=sys.stdout if resultaat.intact else sys.stderr)
    return 0 if resultaat.intact else 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `politiebijstand` command. Returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "manage":
        return _manage(args[1:])
    parser = argparse.ArgumentParser(prog="politiebijstand")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("manage", help="Django management commands (migrate, runserver, ...)")
    audit = sub.add_parser("audit", help="the audit trail")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    audit_sub.add_parser("verify", help="check the hash chain; exit 1 at the first broken link")
    ns = parser.parse_args(args)
    if ns.command == "audit":
        return _audit_verify()
    return 0


if __name__ == "__main__":
    sys.exit(main())
