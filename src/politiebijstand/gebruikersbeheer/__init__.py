"""Pages of the accounts: a beheerder manages their organisation's accounts; log out everywhere.

They sit in the page layer, above `toegang` whose rules they check (ADR 0015); the user model,
log-in and second factor stay in `accounts`.
"""
