"""The log lines of every process: Django's ``LOGGING`` and gunicorn's, one format (#9, #13).

Every process logs to standard output, one line per event: one JSON object per line in
production, readable lines elsewhere (ADR 0028). The web processes' Django, the huey workers
(their logger ``huey``) and gunicorn's own master and workers (``gunicorn.error``:
`gunicorn_logconfig`) all use the same structlog formatter, with a UTC timestamp, the level,
the logger's name and the process id, so one log collector reads them all.

Imports structlog and the standard library only: gunicorn's settings file
(`politiebijstand.conf.gunicorn`) reads this module in gunicorn's master, before Django.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from typing import Any

import structlog


def proces_id(logger: Any, methode: str, regel: MutableMapping[str, Any]) -> Any:
    """Add ``process``: the operating system's id of the process that wrote the line.

    Several processes write to one log (gunicorn's master and workers, two huey consumers):
    the id tells, for example, which consumer said "Periodic tasks are enabled.".
    """
    regel["process"] = os.getpid()
    return regel


#: Processors for every line, structlog's own and those of the standard library's loggers.
LOG_VOORWERK: list[Any] = [
    structlog.contextvars.merge_contextvars,  # the request id (web.requestlog)
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    proces_id,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


_NIVEAUS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def _huey_niveau(niveau: str) -> str:
    """The level of huey's lines per job: all at ``DEBUG``, else ``WARNING`` or `niveau`.

    ``"DEBUG"`` -> ``"DEBUG"``, ``"INFO"`` -> ``"WARNING"``, ``"ERROR"`` -> ``"ERROR"``.
    """
    if niveau == "DEBUG":
        return niveau
    return max(niveau, "WARNING", key=_NIVEAUS.index)


def regel_formatter(*, json: bool) -> dict[str, Any]:
    """The ``logging.config`` formatter of a line: JSON (sorted keys) or readable text.

    Tracebacks are plain text (key ``exception``), never with local variables: those may hold
    form data or passwords.
    """
    renderer: Any = (
        structlog.processors.JSONRenderer(sort_keys=True)
        if json
        else structlog.dev.ConsoleRenderer(
            colors=False, exception_formatter=structlog.dev.plain_traceback
        )
    )
    uitvoer: list[Any] = [structlog.stdlib.ProcessorFormatter.remove_processors_meta]
    if json:
        uitvoer.append(structlog.processors.format_exc_info)
    return {
        "()": structlog.stdlib.ProcessorFormatter,
        "processors": [*uitvoer, renderer],
        "foreign_pre_chain": LOG_VOORWERK,
    }


def logging_config(*, json: bool, niveau: str) -> dict[str, Any]:
    """Django's ``LOGGING``: structlog's formatter on standard output, errors to ``ADMINS``.

    Args:
        json: one JSON object per line (production) instead of readable lines.
        niveau: the lowest level logged ("DEBUG", "INFO", "WARNING", "ERROR").

    ``django.request`` and ``django.server`` are silenced: the line of `web.requestlog`
    replaces theirs (one line per request, one per 5xx). The logger ``huey`` gets the same
    handlers as the root, so that huey's ``run_huey`` does not add its own plain-text handler
    (it adds one only to a logger without handlers), and ``run_huey``'s ``--quiet`` and ``-v``
    change nothing: `niveau` decides. huey's jobs log from ``WARNING`` (a job that failed;
    its lines of each job started, done or retried only at ``DEBUG``); its consumer's start
    and stop at `niveau` (``INFO``: which worker runs the periodic jobs).
    """
    mail_formatter = {
        "()": structlog.stdlib.ProcessorFormatter,
        "processors": [
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.dev.ConsoleRenderer(
                colors=False, exception_formatter=structlog.dev.plain_traceback
            ),
        ],
        "foreign_pre_chain": LOG_VOORWERK,
    }
    stil = {"handlers": ["null"], "level": "INFO", "propagate": False}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"regel": regel_formatter(json=json), "mail": mail_formatter},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "regel",
            },
            "mail_admins": {
                "class": "politiebijstand.web.requestlog.FoutMailHandler",
                "level": "ERROR",
                "formatter": "mail",
            },
            "null": {"class": "logging.NullHandler"},
        },
        "root": {"handlers": ["stdout", "mail_admins"], "level": niveau},
        "loggers": {
            "django": {"handlers": [], "level": niveau, "propagate": True},
            "django.request": stil,
            "django.server": stil,
            # A request with a Host header not in ALLOWED_HOSTS (a scanner, a misconfigured
            # health check) is a 400 with its own request line; Django also logs it at ERROR
            # with a traceback, which would alert and mail the administrators per request.
            "django.security.DisallowedHost": stil,
            # SpiffWorkflow logs every task's state change at INFO: hundreds of lines at each
            # start and several per completed step (an operator trial, #13). Warnings stay.
            "spiff": {"handlers": [], "level": "WARNING", "propagate": True},
            "huey": {
                "handlers": ["stdout", "mail_admins"],
                "level": _huey_niveau(niveau),
                "propagate": False,
            },
            # The consumer's start and stop ("Huey consumer started ...", "Periodic tasks are
            # enabled", "Shutting down gracefully"): how an operator sees which worker has the
            # periodic jobs. Its scheduler's line per periodic job enqueued stays out.
            "huey.consumer": {"level": niveau},
            "huey.consumer.Scheduler": {"level": _huey_niveau(niveau)},
        },
    }


def gunicorn_logconfig(*, niveau: str) -> dict[str, Any]:
    """The ``logconfig_dict`` of gunicorn: its own lines as JSON on standard output, no access log.

    ``gunicorn.error`` (its master and workers: started, booting, exiting, signals,
    ``WORKER TIMEOUT``) in the production format of `regel_formatter`, at `niveau`;
    ``gunicorn.access`` to nothing: the product's own line per request (`web.requestlog`)
    has the request id, the user and the duration. gunicorn merges this over its defaults per
    top-level key, so these loggers, handlers and formatters replace its own.

    Args:
        niveau: the lowest level logged ("DEBUG", "INFO", "WARNING", "ERROR").
    """
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"regel": regel_formatter(json=True)},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "regel",
            },
            "null": {"class": "logging.NullHandler"},
        },
        "root": {"handlers": [], "level": "WARNING"},
        "loggers": {
            "gunicorn.error": {"handlers": ["stdout"], "level": niveau, "propagate": False},
            "gunicorn.access": {"handlers": ["null"], "level": "WARNING", "propagate": False},
        },
    }
