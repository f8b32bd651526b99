"""No admin for the outbox (issue #9, ADR 0027).

Messages carry request data (subject, recipients, body), which the Django admin would show to
every staff account, bypassing need-to-know. A message's fate is in the audit trail and in the
database for the operators; the outbox is worked by `meldingen.tasks`.
"""
