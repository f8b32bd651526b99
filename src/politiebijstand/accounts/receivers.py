"""Audit receivers for log-in, log-out and MFA events (filled in with the allauth set-up)."""
