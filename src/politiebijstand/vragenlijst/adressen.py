"""The addresses of the Bijstandswijzer: a question, and the result, for given answers.

Used by the wizard's pages and by the request form that starts from an advice; reversed by URL
name, so this module imports no page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import QueryDict
from django.urls import reverse

from politiebijstand.vragenlijst.stappen import Stap, canonieke_query, query_van_situatie, voortgang


def stap_url(stap: Stap, query: QueryDict) -> str:
    """The URL of a step with the given answers."""
    url = reverse("wijzer:stap", args=[stap.slug])
    return f"{url}?{query.urlencode()}" if query else url


def resultaat_url(query: QueryDict) -> str:
    """The URL of the result page with the given (canonical) answers."""
    return f"{reverse('wijzer:resultaat')}?{query.urlencode()}"


def resultaat_url_voor_situatie(situatie: Mapping[str, Any]) -> str:
    """The bookmarkable result URL (path and query) for a contract `Situatie` object.

    For links into the wizard and for `make bench`.

    Raises:
        ValueError: the situation misses an answer the wizard asks, or has an invalid one;
            the message names the field.
    """
    stand = voortgang(query_van_situatie(situatie))
    if stand.open is not None:
        fouten = "; ".join(melding for _, melding in stand.open.fouten()) or stand.open.stap.slug
        raise ValueError(f"onvolledige of ongeldige situatie: {fouten}")
    return resultaat_url(canonieke_query(stand))
