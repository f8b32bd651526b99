"""Check the locked dependencies against known vulnerabilities, and never pass on nothing checked.

`make audit` runs this. It runs pip-audit on `requirements/lock.txt` (or reads a report pip-audit
wrote earlier, `--report`), then fails when:

- pip-audit gave no report (no advisory source reachable, or it crashed);
- fewer packages were audited than the lock pins (the project itself is not in the lock); zero
  audited is the case of issue #9: pip-audit then says "No known vulnerabilities" all the same;
- a vulnerability is known for a locked version, unless the ignore file lists it with a reason
  and an expiry date that has not passed;
- an entry of the ignore file is malformed, has expired, or runs more than 92 days ahead.

It only uses the standard library, so it runs in the audit tool's own virtualenv (ADR 0030).

Usage: ``python scripts/dependency_audit.py [--report FILE] [--lock FILE] [--ignore FILE]
[--pip-audit PATH] [--source pypi|osv]``. Exit status 0 when every locked package was audited and
none has a vulnerability that is not ignored, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements" / "lock.txt"
IGNORE = ROOT / "requirements" / "audit-ignore.toml"
PROJECT = "politiebijstand"
# An ignore entry holds through its expiry date, counted in Dutch time.
TIMEZONE = ZoneInfo("Europe/Amsterdam")
# An ignore entry may run at most this long ahead: a reason is reviewed at least each quarter.
LONGEST_IGNORE = timedelta(days=92)
# How many unaudited packages a failure names before it says "and N more".
SHOWN = 10

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;#]+)")


class AuditError(Exception):
    """The report or the ignore file cannot be read; the message says which and why."""


@dataclass(frozen=True)
class Vulnerability:
    package: str
    version: str
    id: str
    aliases: tuple[str, ...]
    fix_versions: tuple[str, ...]

    def describe(self) -> str:
        """One line: package, version, id with aliases, and the versions that fix it."""
        ids = self.id + (f" ({', '.join(self.aliases)})" if self.aliases else "")
        fixed = (
            f"opgelost in {', '.join(self.fix_versions)}"
            if self.fix_versions
            else "nog geen versie die het oplost"
        )
        return f"{self.package} {self.version}: {ids}, {fixed}"


@dataclass(frozen=True)
class Ignore:
    id: str
    package: str
    reason: str
    expires: date

    def matches(self, vulnerability: Vulnerability) -> bool:
        return vulnerability.package == self.package and self.id in (
            vulnerability.id,
            *vulnerability.aliases,
        )


@dataclass(frozen=True)
class Outcome:
    ok: bool
    lines: tuple[str, ...]


def canonical_name(name: str) -> str:
    """A package name as PyPI compares it (PEP 503): lower case, runs of `-_.` as one `-`."""
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_packages(lock_text: str) -> dict[str, str]:
    """The pinned packages of a lock file (`name==version` lines), less the project itself.

    Returns:
        canonical name → version.
    """
    pins: dict[str, str] = {}
    for line in lock_text.splitlines():
        match = _PIN.match(line.strip())
        if match and canonical_name(match[1]) != PROJECT:
            pins[canonical_name(match[1])] = match[2]
    return pins


def read_ignores(text: str) -> list[Ignore]:
    """The entries of the ignore file: `[[ignore]]` tables with id, package, reason, expires.

    Raises:
        AuditError: when the TOML is invalid or an entry lacks a field or has the wrong type
            (`expires` must be a TOML date such as 2027-01-31, `reason` must not be empty).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise AuditError(f"uitzonderingenbestand is geen geldige TOML: {error}") from error
    entries = data.get("ignore", [])
    if not isinstance(entries, list):
        raise AuditError("uitzonderingenbestand: 'ignore' moet een lijst [[ignore]] zijn")
    ignores = []
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise AuditError(f"uitzondering {number}: geen tabel [[ignore]]")
        fields = {key: entry.get(key) for key in ("id", "package", "reason", "expires")}
        if not all(isinstance(fields[key], str) and fields[key] for key in ("id", "package")):
            raise AuditError(f"uitzondering {number}: 'id' en 'package' zijn verplicht")
        if not (isinstance(fields["reason"], str) and fields["reason"].strip()):
            raise AuditError(f"uitzondering {number} ({fields['id']}): 'reason' is verplicht")
        expires = fields["expires"]
        if not isinstance(expires, date) or isinstance(expires, datetime):
            raise AuditError(
                f"uitzondering {number} ({fields['id']}): 'expires' moet een datum zijn "
                "(bijvoorbeeld expires = 2027-01-31)"
            )
        ignores.append(
            Ignore(
                id=str(fields["id"]),
                package=canonical_name(str(fields["package"])),
                reason=str(fields["reason"]).strip(),
                expires=expires,
            )
        )
    return ignores


def evaluate(
    *, report: object, locked: dict[str, str], ignores: list[Ignore], today: date
) -> Outcome:
    """Judge a pip-audit JSON report (`-f json`) against the lock and the ignore file.

    Args:
        report: the parsed JSON: `{"dependencies": [{"name", "version", "vulns": [{"id",
            "fix_versions", "aliases"?}]} or {"name", "skip_reason"}], ...}`.
        locked: canonical name → version, from `locked_packages`.
        ignores: from `read_ignores`.
        today: the calendar date in Europe/Amsterdam; an entry expiring today still holds.

    Returns:
        ok, and the lines to print (in Dutch; failures first).

    Raises:
        AuditError: when the report does not have pip-audit's JSON shape.
    """
    if not isinstance(report, dict) or not isinstance(report.get("dependencies"), list):
        raise AuditError("rapport heeft niet de vorm van pip-audit -f json ('dependencies')")
    audited: dict[str, str] = {}
    skipped: dict[str, str] = {}
    vulnerabilities: list[Vulnerability] = []
    for dependency in report["dependencies"]:
        if not isinstance(dependency, dict) or not isinstance(dependency.get("name"), str):
            raise AuditError(f"rapport: onleesbare regel in 'dependencies': {dependency!r}")
        name = canonical_name(dependency["name"])
        if "skip_reason" in dependency or not isinstance(dependency.get("vulns"), list):
            skipped[name] = str(dependency.get("skip_reason", "geen resultaat"))
            continue
        version = str(dependency.get("version", "?"))
        audited[name] = version
        for vuln in dependency["vulns"]:
            if not isinstance(vuln, dict) or "id" not in vuln:
                raise AuditError(f"rapport: onleesbare kwetsbaarheid bij {name}: {vuln!r}")
            vulnerabilities.append(
                Vulnerability(
                    package=name,
                    version=version,
                    id=str(vuln["id"]),
                    aliases=tuple(str(alias) for alias in vuln.get("aliases", [])),
                    fix_versions=tuple(str(fix) for fix in vuln.get("fix_versions", [])),
                )
            )

    failures: list[str] = []
    notes: list[str] = []
    checked = [name for name in locked if audited.get(name) == locked[name]]
    if not checked:
        example = f" pip-audit: {next(iter(skipped.values()))}" if skipped else ""
        failures.append(
            f"0 van {len(locked)} pakketten gecontroleerd: geen advisory-bron bereikbaar of "
            "niets herkend. pip-audit zegt dan 'No known vulnerabilities', maar er is niets "
            f"gecontroleerd.{example}"
        )
    elif len(checked) < len(locked):
        missing = [name for name in locked if name not in checked]
        failures.append(
            f"slechts {len(checked)} van {len(locked)} pakketten gecontroleerd; niet: "
            + "; ".join(
                f"{name} {locked[name]} ({skipped.get(name) or _mismatch(audited.get(name))})"
                for name in missing[:SHOWN]
            )
            + (f"; en nog {len(missing) - SHOWN}" if len(missing) > SHOWN else "")
        )

    failures.extend(
        f"uitzondering verlopen op {ignore.expires.isoformat()}: {ignore.id} in "
        f"{ignore.package} ({ignore.reason}); los het op of verleng met een reden"
        for ignore in ignores
        if ignore.expires < today
    )
    failures.extend(
        f"uitzondering {ignore.id} in {ignore.package} loopt tot {ignore.expires.isoformat()}, "
        f"verder dan {LONGEST_IGNORE.days} dagen vooruit"
        for ignore in ignores
        if ignore.expires > today + LONGEST_IGNORE
    )
    for vulnerability in vulnerabilities:
        holds = [i for i in ignores if i.matches(vulnerability) and i.expires >= today]
        if not holds:
            failures.append(f"kwetsbaarheid: {vulnerability.describe()}")
        else:
            notes.append(
                f"genegeerd tot en met {holds[0].expires.isoformat()}: "
                f"{vulnerability.describe()} — {holds[0].reason}"
            )
    unused = [
        ignore
        for ignore in ignores
        if not any(ignore.matches(vulnerability) for vulnerability in vulnerabilities)
    ]
    notes.extend(
        f"uitzondering niet meer nodig: {ignore.id} in {ignore.package}" for ignore in unused
    )

    if failures:
        return Outcome(ok=False, lines=(*(f"AUDIT MISLUKT: {line}" for line in failures), *notes))
    ignored = " (buiten de genegeerde)" if any(n.startswith("genegeerd") for n in notes) else ""
    return Outcome(
        ok=True,
        lines=(
            *notes,
            f"{len(checked)} pakketten gecontroleerd, geen bekende kwetsbaarheden{ignored}.",
        ),
    )


def _mismatch(version: str | None) -> str:
    return f"rapport noemt versie {version}" if version else "ontbreekt in het rapport"


def run_pip_audit(*, pip_audit: str, lock: Path, source: str) -> object:
    """Run pip-audit on the lock file and return its parsed JSON report.

    pip-audit exits 1 both when it finds vulnerabilities (with a report) and when it crashes
    (without one), so the report's presence decides, not the exit status.

    Raises:
        AuditError: when pip-audit cannot be started or prints no JSON report; the message
            carries the last line of its error output.
    """
    command = [
        pip_audit,
        *("-r", str(lock), "--no-deps", "--disable-pip", "--progress-spinner", "off"),
        *("-s", source, "-f", "json", "--aliases", "on"),
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    except OSError as error:
        raise AuditError(f"pip-audit start niet ({pip_audit}): {error}") from error
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        errors = [line for line in result.stderr.splitlines() if line.strip()]
        raise AuditError(
            f"pip-audit (bron {source}) gaf geen rapport, exit {result.returncode}: "
            + (errors[-1].strip() if errors else "geen foutmelding")
        ) from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--report", type=Path, help="a pip-audit -f json report to check")
    parser.add_argument("--lock", type=Path, default=LOCK)
    parser.add_argument("--ignore", type=Path, default=IGNORE)
    parser.add_argument("--pip-audit", default="pip-audit", help="the pip-audit program")
    parser.add_argument("--source", default="pypi", choices=["pypi", "osv"])
    arguments = parser.parse_args(argv)
    try:
        locked = locked_packages(arguments.lock.read_text(encoding="utf-8"))
        ignores = (
            read_ignores(arguments.ignore.read_text(encoding="utf-8"))
            if arguments.ignore.exists()
            else []
        )
        if arguments.report is not None:
            try:
                report = json.loads(arguments.report.read_text(encoding="utf-8"))
            except json.JSONDecodeError as error:
                raise AuditError(f"rapport {arguments.report} is geen JSON: {error}") from error
        else:
            report = run_pip_audit(
                pip_audit=arguments.pip_audit, lock=arguments.lock, source=arguments.source
            )
        outcome = evaluate(
            report=report, locked=locked, ignores=ignores, today=datetime.now(TIMEZONE).date()
        )
    except (AuditError, OSError) as error:
        print(f"AUDIT MISLUKT: {error}", file=sys.stderr)
        return 1
    print("\n".join(outcome.lines), file=sys.stdout if outcome.ok else sys.stderr)
    return 0 if outcome.ok else 1


if __name__ == "__main__":
    sys.exit(main())
