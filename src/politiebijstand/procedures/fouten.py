"""The errors of the procedure engine (`procedures.engine` re-exports them)."""

from __future__ import annotations


class ProcedureError(Exception):
    """Base class of the errors of this module."""


class UnknownProcedureError(ProcedureError):
    """No procedure has this id."""


class UnknownTaskError(ProcedureError):
    """The run has no task with this id."""


class TaskNotReadyError(ProcedureError):
    """The task exists but is not a ready user task (done, cancelled, or not yet reached)."""


class InvalidDataError(ProcedureError):
    """Data given to a run is wrong; `field` names the offending field."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
