"""The capacity register (capaciteitenoverzicht): what each provider can offer, and its claims.

Issue #11 item 1, ADR 0038. Below `verzoeken`: it never imports it; requests are referred to by
string foreign keys and passed in as ids.
"""
