"""The PostgreSQL privileges of the application's role on the audit table (issue #9).

The role that serves the application may read and append audit rows, nothing else: no UPDATE,
DELETE or TRUNCATE, and, not owning the table, no ALTER TABLE ... DISABLE TRIGGER either.
Migration 0004 applies them when `PB_DATABASE_APP_ROLE` names the role; docs/audit.md gives
the same SQL to operators who grant by hand.
"""

from __future__ import annotations

import re

TABEL = "audit_auditlogentry"

#: A PostgreSQL role name as we accept it: letters, digits, _ and $, not starting with a digit.
_ROL_PATROON = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]{0,62}$")


def rechten_sql(rol: str, *, tabel: str = TABEL) -> list[str]:
    """The statements that leave `rol` only SELECT and INSERT on `tabel`.

    Args:
        rol: the application's role, e.g. ``"politiebijstand_app"``.
        tabel: the audit table.

    Returns:
        Two statements: REVOKE of the writing privileges, GRANT of SELECT and INSERT.

    Raises:
        ValueError: for a role name outside ``[A-Za-z_][A-Za-z0-9_$]*`` (at most 63 characters),
            so that the name can be written into SQL quoted but unescaped.
    """
    if not _ROL_PATROON.fullmatch(rol):
        raise ValueError(f"PB_DATABASE_APP_ROLE: {rol!r} is geen geldige rolnaam")
    return [
        f'REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {tabel} FROM "{rol}"',
        f'GRANT SELECT, INSERT ON {tabel} TO "{rol}"',
    ]
