"""The resource version rule, re-exported: it lives in `web.versies` (ADR 0048).

The apps' API modules (`verzoeken.api`, ...) sit below `api` in the layers, so the rule is kept
in `web`; this module keeps the name `politiebijstand.api.versies` working.
"""

from politiebijstand.web.versies import etag_van, if_match_controleren, met_etag

__all__ = ["etag_van", "if_match_controleren", "met_etag"]
