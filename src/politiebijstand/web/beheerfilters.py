"""Filters in the admin's address that the database cannot run are refused (issue #9 item 6).

Django's admin lets a staff account filter a list on any lookup of the model's own fields
through the query string (``/admin/accounts/gebruiker/?username__regex=(``). Some of those
reach the database and fail there, which answered 500:

- ``regex`` and ``iregex``: an invalid pattern is an error of the database (SQLite's
  ``REGEXP`` function, PostgreSQL's ``~``), not of Django's validation;
- any lookup on a JSON field: containment (``na__contains``) is not supported on SQLite,
  and a JSON field may hold what the admin never shows (a second factor's data).

(Django's `UserAdmin` itself refuses lookups on ``password``, which would let a staff account
read a password hash one prefix at a time.)

The admin's own filters and search never produce these; a list that gets one answers 400
(Django's `DisallowedModelAdminLookup`, rendered as the Dutch 400 page).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models.constants import LOOKUP_SEP
from django.http import HttpRequest

if TYPE_CHECKING:
    _AnyModelAdmin = admin.ModelAdmin[Any]
else:  # ModelAdmin is generic only in django-stubs
    _AnyModelAdmin = admin.ModelAdmin

#: Lookups whose argument the database, not Django, parses: a wrong one is a database error.
DATABASE_LOOKUPS = frozenset({"regex", "iregex"})


def filter_geweigerd(model: type[models.Model], lookup: str) -> bool:
    """Whether the admin refuses to filter `model` on `lookup` (``"username__regex"``).

    Follows the relations in `lookup` to the field it filters on; refuses a regular
    expression and any lookup on a JSON field.
    """
    delen = lookup.split(LOOKUP_SEP)
    if DATABASE_LOOKUPS.intersection(delen):
        return True
    huidig: type[models.Model] = model
    for deel in delen:
        try:
            veld = huidig._meta.pk if deel == "pk" else huidig._meta.get_field(deel)
        except FieldDoesNotExist:
            return False  # a lookup or transform: the field before it was checked
        if isinstance(veld, models.JSONField):
            return True
        gerelateerd = veld.related_model if veld.is_relation else None
        if gerelateerd is not None and not isinstance(gerelateerd, str):  # str: not loaded
            huidig = gerelateerd
    return False


class BeheerFiltersMixin(_AnyModelAdmin):
    """A ModelAdmin whose list refuses the filters of `filter_geweigerd` with a 400."""

    def lookup_allowed(self, lookup: str, value: str, request: HttpRequest) -> bool:
        if filter_geweigerd(self.model, lookup):
            return False
        return super().lookup_allowed(lookup, value, request)
