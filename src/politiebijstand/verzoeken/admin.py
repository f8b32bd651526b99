"""No admin for requests, parts, tasks, decisions or status changes (issue #9, ADR 0027).

The Django admin is technical administration: reference data and accounts. Request data is
seen only through the pages and the API, under need-to-know (`politiebijstand.toegang`) and
audited; an admin list of every request would bypass both. Changes go through the services.
"""
