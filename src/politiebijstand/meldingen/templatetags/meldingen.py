"""`{% bezorgstatus obj qs ... %}`: the delivery state of the messages about objects (#10)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template
from django.db import models

from politiebijstand.meldingen.selectors import Bezorgstatus, bezorgstatus_van_modellen

register = template.Library()


def _modellen(waarden: Iterable[Any]) -> list[models.Model]:
    uit: list[models.Model] = []
    for waarde in waarden:
        if isinstance(waarde, models.Model):
            uit.append(waarde)
        elif isinstance(waarde, Iterable) and not isinstance(waarde, str | bytes):
            uit.extend(o for o in waarde if isinstance(o, models.Model))
    return uit


@register.inclusion_tag("meldingen/_bezorgstatus.html")
def bezorgstatus(*objecten: Any) -> dict[str, list[Bezorgstatus]]:
    """A table of every message about the given objects, per receiving organisation.

    Args:
        objecten: model instances and iterables of them (querysets), e.g. a request and
            ``verzoek.taken.all``. The caller has checked that the user may see them.
    """
    return {"rijen": bezorgstatus_van_modellen(_modellen(objecten))}
