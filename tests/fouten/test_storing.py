"""Which database errors get the 503 answer, and which code (`web.storing`, ADR 0053)."""

from __future__ import annotations

from django.db import DatabaseError, IntegrityError, InterfaceError, OperationalError

import pytest

from politiebijstand.web.storing import ONBEREIKBAAR, OPSLAG_VOL, database_storing


@pytest.mark.parametrize(
    ("fout", "verwacht"),
    [
        (OperationalError("database or disk is full"), OPSLAG_VOL),
        (OperationalError('could not extend file "base/1/2": No space left on device'), OPSLAG_VOL),
        (
            OperationalError(
                'connection to server on socket "/tmp/.s.PGSQL.5432" failed: '
                "Connection refused\n\tIs the server running locally?"
            ),
            ONBEREIKBAAR,
        ),
        (
            OperationalError("terminating connection due to administrator command"),
            ONBEREIKBAAR,
        ),
        (
            OperationalError(
                "server closed the connection unexpectedly\n\tThis probably means the server "
                "terminated abnormally"
            ),
            ONBEREIKBAAR,
        ),
        (InterfaceError("connection already closed"), ONBEREIKBAAR),
        (OperationalError("database is locked"), None),
        (OperationalError("no such table: verzoeken_taak"), None),
        (IntegrityError("UNIQUE constraint failed"), None),
        (DatabaseError("database or disk is full"), None),
        (ValueError("connection refused"), None),
        (None, None),
    ],
)
def test_database_storing(fout: BaseException | None, verwacht: object) -> None:
    assert database_storing(fout) is verwacht
