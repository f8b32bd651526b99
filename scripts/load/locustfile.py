"""The mixed load of `make bench-load` (issue #13 item 4, ADR 0054), for locust.

Runs in the load benchmark's own virtualenv (.venv-load, requirements/load.txt), started by
`scripts/load/bench_load.py`. Each simulated user is one bench account of the plan
(``PB_LAST_PLAN``, a JSON file written by `scripts/load/voorbereiden.py`): it logs in through
the real log-in page with its password and its TOTP code (second factor), then repeats, with
the think time of ``PB_LAST_DENKTIJD`` (``"0"``: none, saturation; ``"1-5"``: 1 to 5 s):

- the work queue (``/werkvoorraad/``), a request page it may see (``/verzoeken/<uuid>/``),
  the operational picture (``/beeld/``, for the accounts that have it), the routing advice
  (``POST /api/v1/advies``), and completing one of its organisation's open steps through the
  API (``GET /api/v1/taken/<id>`` for the ETag, then ``POST .../afronding`` with If-Match);
- beside them, at the same time, the floor of the three pages (``/bench/vloer/...``: the same
  main query with no template, `politiebijstand.conf.vloer`).

Every answer other than the expected status counts as an error (locust's failures).
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from typing import Any

import pyotp
from locust import FastHttpUser, between, constant, events, task
from locust.exception import StopUser

PLAN: dict[str, Any] = json.loads(
    open(os.environ["PB_LAST_PLAN"], encoding="utf-8").read()  # noqa: SIM115
)
_DENKTIJD = os.environ.get("PB_LAST_DENKTIJD", "0")
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_van, _tot = (int(x) for x in os.environ.get("PB_LAST_ACCOUNTS", "0:1000000").split(":", 1))
# Each user its own account: a TOTP code is taken once per account (allauth), so two users of
# one account would refuse each other's log-in. Popped from the end: the slice's first first.
_accounts = list(reversed(PLAN["accounts"][_van:_tot]))

# --- What the benchmark reads: every response time after all users started -------------------
_tijden: dict[str, list[float]] = {}
_fouten: dict[str, int] = {}
_foutmeldingen: dict[str, str] = {}
_begin: list[float] = []
_eind: list[float] = []


@events.spawning_complete.add_listener
def _gestart(user_count: int, **_: Any) -> None:
    _begin.append(time.monotonic())


@events.request.add_listener
def _gemeten(name: str, response_time: float, exception: BaseException | None, **_: Any) -> None:
    if not _begin:
        return
    _tijden.setdefault(name, []).append(response_time)
    if exception is not None:
        _fouten[name] = _fouten.get(name, 0) + 1
        soort = f"{name}: {type(exception).__name__}: {str(exception)[:200]}"
        _foutmeldingen.setdefault(soort[:120], soort)


@events.user_error.add_listener
def _taakfout(exception: BaseException, **_: Any) -> None:
    """An exception in a task (not an HTTP answer) counts as an error too."""
    if _begin:
        _fouten["taakfout"] = _fouten.get("taakfout", 0) + 1
        soort = f"taakfout: {type(exception).__name__}: {str(exception)[:200]}"
        _foutmeldingen.setdefault(soort[:120], soort)


@events.test_stop.add_listener
def _gestopt(**_: Any) -> None:
    _eind.append(time.monotonic())


@events.quitting.add_listener
def _wegschrijven(**_: Any) -> None:
    uitvoer = os.environ.get("PB_LAST_UITVOER")
    if not uitvoer:
        return
    eind = _eind[0] if _eind else time.monotonic()
    seconden = eind - _begin[0] if _begin else 0.0
    with open(uitvoer, "w", encoding="utf-8") as f:
        json.dump(
            {
                "seconden": seconden,
                "tijden": _tijden,
                "fouten": _fouten,
                "foutmeldingen": list(_foutmeldingen.values()),
            },
            f,
        )


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
            raise StopUser
        self.account: dict[str, Any] = _accounts.pop()
        self.rng = random.Random(self.account["gebruikersnaam"])  # noqa: S311
        self.stappen: list[int] = list(self.account["stappen"])
        self._inloggen()

    def _csrf_uit(self, html: str) -> str:
        gevonden = _CSRF.search(html)
        if gevonden is None:
            raise StopUser
        return gevonden.group(1)

    def _inloggen(self) -> None:
        """The real log-in: password, then the TOTP code (allauth's two pages)."""
        with self.client.get("/accounts/login/", name="inloggen", catch_response=True) as r:
            token = self._csrf_uit(r.text or "")
        with self.client.post(
            "/accounts/login/",
            data={
                "csrfmiddlewaretoken": token,
                "login": self.account["gebruikersnaam"],
                "password": PLAN["wachtwoord"],
            },
            name="inloggen",
            catch_response=True,
        ) as r:
            if "/2fa/authenticate" not in (r.url or ""):
                r.failure(f"inloggen: geen tweede stap voor {self.account['gebruikersnaam']}")
                raise StopUser
            token = self._csrf_uit(r.text or "")
        code = pyotp.TOTP(PLAN["totp_geheim"]).now()
        with self.client.post(
            "/accounts/2fa/authenticate/",
            data={"csrfmiddlewaretoken": token, "code": code},
            name="inloggen",
            catch_response=True,
        ) as r:
            if "/2fa/authenticate" in (r.url or ""):
                r.failure(f"tweede factor geweigerd voor {self.account['gebruikersnaam']}")
                raise StopUser

    def _csrf_kop(self) -> dict[str, str]:
        cookies = {c.name: c.value for c in self.client.cookiejar}
        return {"X-CSRFToken": cookies.get(PLAN["csrf_cookie"], "")}

    # --- the pages -----------------------------------------------------------------------------

    @task(30)
    def werkvoorraad(self) -> None:
        self.client.get("/werkvoorraad/", name="werkvoorraad")

    @task(25)
    def verzoek(self) -> None:
        uuid = self.rng.choice(self.account["verzoeken"])
        self.client.get(f"/verzoeken/{uuid}/", name="verzoek")

    @task(15)
    def beeld(self) -> None:
        if self.account["beeld"]:
            self.client.get("/beeld/", name="beeld")

    @task(15)
    def advies(self) -> None:
        situatie = self.rng.choice(PLAN["situaties"])
        self.client.post(
            "/api/v1/advies", json=situatie, headers=self._csrf_kop(), name="advies (API)"
        )

    @task(10)
    def afronden(self) -> None:
        """Complete one open step of the organisation: read it (ETag), then complete it."""
        if not self.stappen:
            return
        stap = self.stappen.pop()
        gegevens = PLAN["gegevens"][str(stap)]
        with self.client.get(
            f"/api/v1/taken/{stap}", name="stap lezen (API)", catch_response=True
        ) as r:
            etag = r.headers.get("ETag", "") if r.status_code == 200 else ""
        if not etag:
            return
        with self.client.post(
            f"/api/v1/taken/{stap}/afronding",
            json={"gegevens": gegevens},
            headers={**self._csrf_kop(), "If-Match": etag},
            name="stap afronden (API)",
            catch_response=True,
        ) as r:
            # 409: another user of the organisation completed it first; not an error.
            if r.status_code == 409:
                r.success()

    # --- the floor: the same main queries without a template ----------------------------------

    @task(5)
    def vloer_werkvoorraad(self) -> None:
        self.client.get("/bench/vloer/werkvoorraad/", name="vloer werkvoorraad")

    @task(5)
    def vloer_verzoek(self) -> None:
        uuid = self.rng.choice(self.account["verzoeken"])
        self.client.get(f"/bench/vloer/verzoeken/{uuid}/", name="vloer verzoek")

    @task(3)
    def vloer_beeld(self) -> None:
        if self.account["beeld"]:
            self.client.get("/bench/vloer/beeld/", name="vloer beeld")
