"""Technical helpers of the web layer, below every app (ADR 0015).

problem+json errors, API pagination, the strict JSON parser and the Dutch text of form errors:
shared by the pages, the API and the middleware of lower apps, so none of them imports upward.
"""
