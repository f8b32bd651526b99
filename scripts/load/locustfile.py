"""The mixed load of `make bench-load` (issue #13 item 4, ADR 0054), for locust.

Runs in the load benchmark's own virtualenv (.venv-load, requirements/load.txt), started by
`scripts/load/bench_load.py`. Each simulated user is one bench account of the plan
(``PB_LAST_PLAN``, a JSON file written by `scripts/load/voorbereiden.py`; the accounts
``PB_LAST_ACCOUNTS``, ``"<from>:<to>"``): it logs in through the real log-in page with its
password and its TOTP code (second factor), then repeats, with the think time of
``PB_LAST_DENKTIJD`` (``"0"``: none, saturation; ``"1-5"``: 1 to 5 s):

- the work queue (``/werkvoorraad/``), a request page it may see (``/verzoeken/<uuid>/``),
  the operational picture (``/beeld/``), the routing advice (``POST /api/v1/advies``), and
  completing one of its organisation's open steps through the API (``GET /api/v1/taken/<id>``
  for the ETag, then ``POST .../afronding`` with If-Match);
- beside them, at the same time, the floor of the three pages (``/bench/vloer/...``: the same
  main query with no template, `politiebijstand.conf.vloer`).

Every answer other than 2xx counts as an error, and so does an exception in a task. What is
measured is every request from the moment the last of ``PB_LAST_GEBRUIKERS`` users has logged
in (or failed to) for ``PB_LAST_SECONDEN`` seconds, after which the test stops (however long
the log-ins took); at the end the times, errors and window
(monotonic seconds, the same clock as the driver's) are written to ``PB_LAST_UITVOER`` as JSON.
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from pathlib import Path
from typing import Any

import gevent
import pyotp
from locust import FastHttpUser, between, constant, events, task
from locust.exception import StopUser

PLAN: dict[str, Any] = json.loads(Path(os.environ["PB_LAST_PLAN"]).read_text(encoding="utf-8"))
_DENKTIJD = os.environ.get("PB_LAST_DENKTIJD", "0")
_GEBRUIKERS = int(os.environ.get("PB_LAST_GEBRUIKERS", "1"))
#: How long the window lasts once every user has logged in (seconds); then locust stops.
_SECONDEN = float(os.environ.get("PB_LAST_SECONDEN", "60"))
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_van, _tot = (int(x) for x in os.environ.get("PB_LAST_ACCOUNTS", "0:1000000").split(":", 1))
# Each user its own account: a TOTP code is taken once per account (allauth), so two users of
# one account would refuse each other's log-in. Popped from the end: the slice's first first.
_accounts = list(reversed(PLAN["accounts"][_van:_tot]))
_TOTP = pyotp.TOTP(PLAN["totp_geheim"])

# --- What the benchmark reads -----------------------------------------------------------------
_tijden: dict[str, list[float]] = {}
_fouten: dict[str, int] = {}
_foutmeldingen: dict[str, str] = {}
_venster: dict[str, float] = {}
_stand = {"klaar": 0, "ingelogd": 0}
_omgeving: list[Any] = []


@events.init.add_listener
def _bij_start(environment: Any, **_: Any) -> None:
    _omgeving.append(environment)


def _venster_sluiten() -> None:
    """End the window and the test: `_SECONDEN` after the last log-in, however long those took."""
    _venster.setdefault("eind", time.monotonic())
    if _omgeving and _omgeving[0].runner is not None:
        _omgeving[0].runner.quit()


def _gemeten_vanaf_nu() -> bool:
    return "begin" in _venster and "eind" not in _venster


def _fout(naam: str, melding: str) -> None:
    if _gemeten_vanaf_nu() or naam == "inloggen":
        _fouten[naam] = _fouten.get(naam, 0) + 1
        soort = f"{naam}: {melding[:200]}"
        _foutmeldingen.setdefault(soort[:120], soort)


@events.request.add_listener
def _gemeten(name: str, response_time: float, exception: BaseException | None, **_: Any) -> None:
    if not _gemeten_vanaf_nu():
        if exception is not None and name == "inloggen":
            _fout(name, f"{type(exception).__name__}: {exception!s}")
        return
    _tijden.setdefault(name, []).append(response_time)
    if exception is not None:
        _fout(name, f"{type(exception).__name__}: {exception!s}")


@events.user_error.add_listener
def _taakfout(exception: BaseException, **_: Any) -> None:
    """An exception in a task (not an HTTP answer) counts as an error too."""
    if _gemeten_vanaf_nu():
        _fout("taakfout", f"{type(exception).__name__}: {exception!s}")


@events.test_stopping.add_listener
def _stoppen(**_: Any) -> None:
    _venster.setdefault("eind", time.monotonic())


@events.quitting.add_listener
def _wegschrijven(**_: Any) -> None:
    uitvoer = os.environ.get("PB_LAST_UITVOER")
    if not uitvoer:
        return
    Path(uitvoer).write_text(
        json.dumps(
            {
                "begin": _venster.get("begin"),
                "eind": _venster.get("eind", time.monotonic()),
                "ingelogd": _stand["ingelogd"],
                "tijden": _tijden,
                "fouten": _fouten,
                "foutmeldingen": list(_foutmeldingen.values()),
            }
        ),
        encoding="utf-8",
    )


def _klaar_met_inloggen(gelukt: bool) -> None:
    """Count a user's log-in; the window opens when the last user is done."""
    _stand["klaar"] += 1
    _stand["ingelogd"] += int(gelukt)
    if _stand["klaar"] >= _GEBRUIKERS and "begin" not in _venster:
        _venster["begin"] = time.monotonic()
        gevent.spawn_later(_SECONDEN, _venster_sluiten)


def _denktijd() -> Any:
    """Locust's wait time from PB_LAST_DENKTIJD: "0" or "<min>-<max>" seconds."""
    if _DENKTIJD == "0":
        return constant(0)
    laag, hoog = (float(x) for x in _DENKTIJD.split("-", 1))
    return between(laag, hoog)


class Medewerker(FastHttpUser):
    """One logged-in user of an organisation that takes part in requests."""

    wait_time = _denktijd()

    def on_start(self) -> None:
        if not _accounts:
            _fout("inloggen", "geen account meer in het plan voor deze gebruiker")
            _klaar_met_inloggen(False)
            raise StopUser
        self.account: dict[str, Any] = _accounts.pop()
        self.rng = random.Random(self.account["gebruikersnaam"])  # noqa: S311 - not security
        self.stappen: list[int] = list(self.account["stappen"])
        gelukt = self._inloggen()
        _klaar_met_inloggen(gelukt)
        if not gelukt:
            raise StopUser

    def _csrf_uit(self, html: str) -> str | None:
        gevonden = _CSRF.search(html)
        return gevonden.group(1) if gevonden else None

    def _inloggen(self) -> bool:
        """The real log-in: password, then the TOTP code (allauth's two pages).

        A code refused because its 30 s period ended while the request waited is tried once
        more with the next period's code.
        """
        naam = self.account["gebruikersnaam"]
        with self.client.get("/accounts/login/", name="inloggen", catch_response=True) as r:
            token = self._csrf_uit(r.text or "")
            if token is None:
                r.failure(f"geen CSRF-token op de inlogpagina ({r.status_code})")
                return False
        with self.client.post(
            "/accounts/login/",
            data={"csrfmiddlewaretoken": token, "login": naam, "password": PLAN["wachtwoord"]},
            name="inloggen",
            catch_response=True,
        ) as r:
            token = self._csrf_uit(r.text or "")
            if "/2fa/authenticate" not in (r.url or "") or token is None:
                r.failure(f"geen tweede stap voor {naam} ({r.status_code})")
                return False
        for poging in range(2):
            if poging:
                time.sleep(30 - time.time() % 30 + 0.5)  # the next period's code
            with self.client.post(
                "/accounts/2fa/authenticate/",
                data={"csrfmiddlewaretoken": token, "code": _TOTP.now()},
                name="inloggen",
                catch_response=True,
            ) as r:
                if "/2fa/authenticate" not in (r.url or ""):
                    return True
                token = self._csrf_uit(r.text or "") or token
                if poging:
                    r.failure(f"tweede factor geweigerd voor {naam} ({r.status_code})")
                else:
                    r.success()
        return False

    def _csrf_kop(self) -> dict[str, str]:
        cookies = {c.name: c.value for c in self.client.cookiejar}
        return {"X-CSRFToken": cookies.get(PLAN["csrf_cookie"], "")}

    # --- the pages -----------------------------------------------------------------------------

    @task(30)
    def werkvoorraad(self) -> None:
        self.client.get("/werkvoorraad/", name="werkvoorraad")

    @task(25)
    def verzoek(self) -> None:
        if not self.account["verzoeken"]:
            return  # an organisation without requests: the other tasks only
        uuid = self.rng.choice(self.account["verzoeken"])
        self.client.get(f"/verzoeken/{uuid}/", name="verzoek")

    @task(15)
    def beeld(self) -> None:
        self.client.get("/beeld/", name="beeld")

    @task(15)
    def advies(self) -> None:
        situatie = self.rng.choice(PLAN["situaties"])
        self.client.post(
            "/api/v1/advies", json=situatie, headers=self._csrf_kop(), name="advies (API)"
        )

    @task(10)
    def afronden(self) -> None:
        """Complete one of its open steps: read it (ETag), then complete it with If-Match.

        Each step of the plan belongs to this account only, so a refusal (409, 412) is an
        error. When its steps are done, the task does nothing (the mix then has fewer writes;
        the counts show it).
        """
        if not self.stappen:
            return
        stap = self.stappen.pop()
        with self.client.get(
            f"/api/v1/taken/{stap}", name="stap lezen (API)", catch_response=True
        ) as r:
            etag = r.headers.get("ETag", "") if r.status_code == 200 else ""
            if r.status_code == 200 and not etag:
                r.failure("geen ETag")
        if not etag:
            return
        with self.client.post(
            f"/api/v1/taken/{stap}/afronding",
            json={"gegevens": PLAN["gegevens"][str(stap)]},
            headers={**self._csrf_kop(), "If-Match": etag},
            name="stap afronden (API)",
            catch_response=True,
        ) as r:
            if r.status_code >= 400:
                # The problem's type and detail, so that the report says why.
                r.failure(f"{r.status_code} {(r.text or '')[:240]}")

    # --- the floor: the same main queries without a template ----------------------------------

    @task(5)
    def vloer_werkvoorraad(self) -> None:
        self.client.get("/bench/vloer/werkvoorraad/", name="vloer werkvoorraad")

    @task(5)
    def vloer_verzoek(self) -> None:
        if not self.account["verzoeken"]:
            return
        uuid = self.rng.choice(self.account["verzoeken"])
        self.client.get(f"/bench/vloer/verzoeken/{uuid}/", name="vloer verzoek")

    @task(3)
    def vloer_beeld(self) -> None:
        self.client.get("/bench/vloer/beeld/", name="vloer beeld")
