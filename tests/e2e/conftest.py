"""Browser tests: Playwright's sync API beside Django's live server."""

from __future__ import annotations

import os

# Playwright's sync API runs an event loop in this thread; Django's ORM then refuses to work
# unless told that this is safe (STACK-NOTES). scripts/test.sh sets it too.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
