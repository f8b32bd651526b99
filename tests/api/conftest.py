"""Fixtures of the API tests: how a test client authenticates (issue #12)."""

from __future__ import annotations

import pytest

from tests.verzoeken_ui.helpers import als

#: A fixed CSRF token for session calls that change something (DRF checks it on POST).
CSRF_TOKEN = "apitestcsrftoken0123456789abcdef"


@pytest.fixture
def api_kop(referentiedata: None) -> dict[str, str]:
    """The headers that authenticate an API call as a LOCC employee with a second factor.

    Today the session of a user who passed the second factor (``Cookie: sessionid=...``, with
    the CSRF cookie and header a POST needs); the LOCC takes part in every procedure with the
    KMar, so it sees requests and has tasks. To be switched to an API token
    (``Authorization: Bearer ...``) once tokens exist.
    """
    client, _ = als("LOCC")
    sessie = client.cookies["sessionid"].value
    return {
        "Cookie": f"sessionid={sessie}; csrftoken={CSRF_TOKEN}",
        "X-CSRFToken": CSRF_TOKEN,
    }
