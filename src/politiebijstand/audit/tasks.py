"""huey job of the audit trail: an anchor every `PB_AUDIT_ANKER_MINUTEN` minutes (issue #9)."""

from __future__ import annotations

from django.conf import settings

import structlog
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from politiebijstand.audit.anker import AnkerGeweigerd, anker_schrijven_bij_groei

logger = structlog.get_logger(__name__)


@db_periodic_task(crontab(minute=f"*/{settings.AUDIT_ANKER_MINUTEN}"))  # type: ignore[untyped-decorator]
def audit_anker_periodiek_task() -> None:
    """Anchor the trail's head when it has grown since the latest anchor.

    A trail shorter or different than the latest anchor is not anchored over: the refusal is
    logged as an error, for the operators to run `politiebijstand audit verify`.
    """
    try:
        anker = anker_schrijven_bij_groei()
    except AnkerGeweigerd as exc:
        logger.error("audit-anker-geweigerd", reden=str(exc))
        return
    if anker is not None:
        logger.info("audit-anker-geschreven", anker=anker.naam, volgnummer=anker.volgnummer)
