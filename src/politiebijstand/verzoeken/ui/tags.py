"""Template tags of the request pages (library ``verzoeken``, see ``TEMPLATES`` in conf/base.py).

Used by the wizard's result page to offer "Bijstandsverzoek aanmaken" to users of an RCCB.
"""

from __future__ import annotations

from django import template
from django.http import HttpRequest

from politiebijstand.verzoeken.selectors import rccb_eenheid

register = template.Library()


@register.simple_tag(takes_context=True)
def mag_verzoek_aanmaken(context: template.Context) -> bool:
    """Whether the logged-in user is of a unit's RCCB, which makes requests (issue #4)."""
    request = context.get("request")
    return isinstance(request, HttpRequest) and rccb_eenheid(request.user) is not None
