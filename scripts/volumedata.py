"""Ten years of history in an empty, migrated database (issue #13 item 3): fixed seed, in minutes.

    python scripts/volumedata.py [--verzoeken 50000] [--audit 1000000] [--gebruikers 200]
        [--organisaties 60] [--jaren 10] [--seed N] [--ook-als-niet-leeg]

Django is set up from ``DJANGO_SETTINGS_MODULE`` and the database from ``PB_DATABASE_URL``, as the
product does (`make volumedata`). The phases, each with a progress bar:

1. ``referentie``: the organisations, units, parketten and all 342 municipalities
   (`referentiedata_laden`, `gebieden_laden`; idempotent).
2. ``gebruikers``: `--gebruikers` accounts in `--organisaties` organisations (`gebruikers_kiezen`),
   each with the bench password and a TOTP authenticator (below).
3. ``verzoeken``: the requests with their parts, runs, tasks, decisions, status history and
   deployments, by `benchdata.genereer` (the data of `make bench`), spread from 1 January
   `--jaren` years back (2017-01-01 for 10) to the data's "now" (`benchdata.NU`, 2026-03-02); the
   steps are done by the accounts of phase 2 where their organisation acts, else by the
   ``bench-<code>-<rol>`` accounts that `benchdata` makes (no usable password).
4. ``documenten``: the metadata of the stored PDFs (`documenten.Document`): a request form per
   request, a decision letter per decision, an evaluation per evaluated deployment. The files
   themselves are not written; their paths (``<verzoek id>/<uuid>.pdf``) do not exist.
5. ``berichten``: the outbox (`meldingen.Bericht`), every message delivered: ``taak-klaargezet``
   per step, ``besluit-genomen`` per decision, ``verzoek-ingetrokken``; per request in order
   (`reeks`), ids rising with the time written.
6. ``audit``: exactly `--audit` rows appended to the chain, hashed as `audit_record` does (its
   `_schakel`, under its lock), timestamps rising over the years: the events of the generated
   data (``verzoek-aangemaakt``, ``status-gewijzigd``, ``taak-opgepakt``, ``taak-afgerond``,
   ``besluit-genomen``, ``inzet-gestart`` ..., ``inzet-geevalueerd``, ``document-aangemaakt``),
   filled up with ``verzoek-bekeken`` and ``gebruiker-ingelogd`` in between (or thinned evenly
   when they are more). The rows follow whatever the chain already held (the reference data's
   rows, written at the real time), so the trail's time rises from 2017 only after those.
7. ``anker``: an anchor of the trail (`audit.anker.anker_schrijven`, ADR 0026) when the anchor
   folder can be written, so that `politiebijstand audit verify` is clean without a warning.

**The generated accounts (bench only, never on a real system):** usernames
``volume-<organisation code in lower case>-<rol>-<n>``, e.g. ``volume-locc-medewerker-1``,
``volume-rccb-mn-besluitvormer-1``; the k-th account goes to organisation ``k % --organisaties``
in the order of `gebruikers_kiezen`, the roles in turns medewerker, besluitvormer, beheerder
(so with 200 in 60 every organisation has ``-medewerker-1``, ``-besluitvormer-1`` and
``-beheerder-1``, the first 20 also ``-medewerker-2``). Every one has the password
`BENCH_WACHTWOORD` (hashed once with the settings' hasher) and the TOTP secret
`BENCH_TOTP_GEHEIM` (base32; encrypted at rest with ``PB_MFA_SLEUTEL`` as allauth stores it), so
that a load test can log in with ``tests.accounts.helpers.totp_code(BENCH_TOTP_GEHEIM)``.

It refuses (exit 2, a Dutch message) when the database already holds bijstandsverzoeken, unless
``--ook-als-niet-leeg``: then it adds after them (the demo data of `make run-prod`). A second
run with the same ``--seed`` on the same database would repeat its uuids: take another seed.
At the end it prints the rows per table, the seconds per phase and the database's size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import random
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from django.db.models import Model

    from rich.progress import Progress

    from politiebijstand.accounts.models import Gebruiker

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import benchdata  # noqa: E402 - the script folder is not a package

#: The password of every generated account (bench only).
BENCH_WACHTWOORD = "volume-bench-niet-geheim"
#: The TOTP secret (base32, 20 bytes) of every generated account (bench only).
BENCH_TOTP_GEHEIM = "VOLUMEBENCHTOTPGEHEIMALLEENBENCH"
#: The prefix of the generated usernames.
VOORVOEGSEL = "volume-"
#: The roles of the generated accounts, in the order they are handed out per organisation.
ROLLEN = ("medewerker", "besluitvormer", "beheerder")
#: Rows per insert (and per transaction of the audit rows).
BATCH = 10_000
#: Of the filler events, every `INLOG_ELKE`-th is a log-in, the others a request viewed.
INLOG_ELKE = 4
#: The models whose rows are counted at the end, in the order printed.
TELLEN = (
    "organisaties.Organisatie",
    "accounts.Gebruiker",
    "mfa.Authenticator",
    "verzoeken.Bijstandsverzoek",
    "verzoeken.Deelname",
    "verzoeken.Deelverzoek",
    "verzoeken.GevraagdeInzet",
    "verzoeken.Taak",
    "verzoeken.StatusWijziging",
    "verzoeken.Besluit",
    "verzoeken.BesluitRegel",
    "verzoeken.InzetVersie",
    "verzoeken.InzetEvaluatie",
    "verzoeken.ProcedureSpecificatie",
    "documenten.Document",
    "meldingen.Bericht",
    "audit.AuditLogEntry",
)


class Geweigerd(Exception):
    """The generator will not run here: the reason, in Dutch (exit code 2)."""


@dataclass(frozen=True)
class Opties:
    """The command line: sizes, years of history, seed, and whether a filled database is fine."""

    verzoeken: int = 50_000
    audit: int = 1_000_000
    gebruikers: int = 200
    organisaties: int = 60
    jaren: int = 10
    seed: int = benchdata.SEED
    ook_als_niet_leeg: bool = False

    @property
    def begin(self) -> datetime:
        """1 January (UTC) of the first year: `jaren` calendar years up to `benchdata.NU`'s."""
        return datetime(benchdata.NU.year - self.jaren + 1, 1, 1, tzinfo=UTC)


@dataclass
class Verslag:
    """What a run did: seconds per phase, rows per table (after), the database's size."""

    seconden: dict[str, float] = field(default_factory=dict)
    rijen: dict[str, int] = field(default_factory=dict)
    bytes: int = 0
    anker: str = ""
    gebruikers: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Gebeurtenis:
    """One audit event before it is chained: when, what, by whom, about what (and its request)."""

    tijdstip: datetime
    volgorde: int
    gebeurtenis: str
    actor_id: int
    object_type: str
    object_id: str
    voor: Any
    na: Any
    verzoek_id: int


# --- The command line ---------------------------------------------------------------------------


def _positief(naam: str, minimum: int) -> Callable[[str], int]:
    def lees(tekst: str) -> int:
        try:
            waarde = int(tekst.replace("_", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(f"{naam}: {tekst!r} is geen geheel getal") from None
        if waarde < minimum:
            raise argparse.ArgumentTypeError(f"{naam}: {waarde} is kleiner dan {minimum}")
        return waarde

    return lees


def opties_lezen(argv: Sequence[str] | None = None) -> Opties:
    """Parse the command line; a bad value exits with status 2 and a message naming the option."""
    parser = argparse.ArgumentParser(
        prog="volumedata.py",
        description="Vult een lege database met tien jaar geschiedenis (issue #13 item 3).",
    )
    parser.add_argument("--verzoeken", type=_positief("--verzoeken", 0), default=50_000)
    parser.add_argument("--audit", type=_positief("--audit", 0), default=1_000_000)
    parser.add_argument("--gebruikers", type=_positief("--gebruikers", 1), default=200)
    parser.add_argument("--organisaties", type=_positief("--organisaties", 1), default=60)
    parser.add_argument("--jaren", type=_positief("--jaren", 1), default=10)
    parser.add_argument("--seed", type=_positief("--seed", 0), default=benchdata.SEED)
    parser.add_argument("--ook-als-niet-leeg", action="store_true")
    args = parser.parse_args(argv)
    if args.gebruikers < args.organisaties:
        parser.error(
            f"--gebruikers: {args.gebruikers} is minder dan --organisaties "
            f"({args.organisaties}): elke organisatie krijgt minstens één account"
        )
    if args.jaren > 50:
        parser.error(f"--jaren: {args.jaren} is meer dan 50")
    return Opties(
        verzoeken=args.verzoeken,
        audit=args.audit,
        gebruikers=args.gebruikers,
        organisaties=args.organisaties,
        jaren=args.jaren,
        seed=args.seed,
        ook_als_niet_leeg=args.ook_als_niet_leeg,
    )


# --- Phase 2: the accounts ---------------------------------------------------------------------


def gebruikers_kiezen(aantal: int) -> list[str]:
    """The codes of the `aantal` organisations that get accounts, in the order they get them.

    First those that act in the generated requests (the central bodies of the procedures'
    lanes, each unit's RCCB and parket, the regioburgemeesters' municipalities), then the other
    organisations that are not a municipality, then the other municipalities; by code within.

    Raises:
        Geweigerd: fewer organisations are loaded than asked for.
    """
    from politiebijstand.organisaties.models import Organisatie
    from politiebijstand.verzoeken.constants import CENTRALE_LANES

    rijen = list(
        Organisatie.objects.filter(actief=True).values_list(
            "code", "soort", "regioburgemeester__code"
        )
    )
    regioburgemeesters = {r for _, _, r in rijen if r}

    def rang(code: str, soort: str) -> int:
        if (
            code in CENTRALE_LANES
            or code.startswith(("RCCB-", "OM-"))
            or code in regioburgemeesters
        ):
            return 0
        return 1 if soort != "gezag" else 2

    codes = [c for _, c in sorted((rang(c, s), c) for c, s, _ in rijen)]
    if len(codes) < aantal:
        raise Geweigerd(
            f"--organisaties: er zijn maar {len(codes)} organisaties geladen, {aantal} gevraagd"
        )
    return codes[:aantal]


def gebruikers_aanmaken(opties: Opties) -> dict[tuple[str, str], list[Gebruiker]]:
    """Create the accounts (or take those that exist) with their TOTP authenticator.

    The password is hashed once and stored for all; the TOTP secret is encrypted once per
    account (a new Fernet token each, as allauth's `TOTP.activate` stores it). New accounts
    take explicit ids after the highest, so the same seed gives the same ids.

    Returns:
        (organisation code, role) -> its accounts, in username order.
    """
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import encrypt

    from politiebijstand.accounts.models import Gebruiker
    from politiebijstand.organisaties.models import Organisatie

    codes = gebruikers_kiezen(opties.organisaties)
    organisaties = {o.code: o for o in Organisatie.objects.filter(code__in=codes)}
    namen: list[tuple[str, str, str]] = []
    for k in range(opties.gebruikers):
        code = codes[k % len(codes)]
        ronde = k // len(codes)
        rol = ROLLEN[ronde % len(ROLLEN)]
        nummer = ronde // len(ROLLEN) + 1
        namen.append((f"{VOORVOEGSEL}{code.lower()}-{rol}-{nummer}", code, rol))
    with transaction.atomic():
        bestaand = set(
            Gebruiker.objects.filter(username__in=[n for n, _, _ in namen]).values_list(
                "username", flat=True
            )
        )
        wachtwoord = make_password(BENCH_WACHTWOORD)
        volgend = _hoogste_id(Gebruiker)
        nieuw = [(naam, code, rol) for naam, code, rol in namen if naam not in bestaand]
        Gebruiker.objects.bulk_create(
            [
                Gebruiker(
                    id=volgend + nummer,
                    username=naam,
                    password=wachtwoord,
                    organisatie=organisaties[code],
                    rol=rol,
                    first_name="Volume",
                    last_name=naam.removeprefix(VOORVOEGSEL),
                    date_joined=benchdata.NU - timedelta(days=opties.jaren * 365),
                )
                for nummer, (naam, code, rol) in enumerate(nieuw, start=1)
            ]
        )
        reeksen_bijwerken([Gebruiker])
        gebruikers = {
            g.username: g
            for g in Gebruiker.objects.filter(username__in=[n for n, _, _ in namen])
            .select_related("organisatie")
            .order_by("username")
        }
        met_totp = set(
            Authenticator.objects.filter(
                user__in=gebruikers.values(), type=Authenticator.Type.TOTP
            ).values_list("user_id", flat=True)
        )
        Authenticator.objects.bulk_create(
            [
                Authenticator(
                    user=g,
                    type=Authenticator.Type.TOTP,
                    data={"secret": encrypt(BENCH_TOTP_GEHEIM)},
                )
                for g in gebruikers.values()
                if g.pk not in met_totp
            ]
        )
    per_rol: dict[tuple[str, str], list[Gebruiker]] = {}
    for naam, code, rol in namen:
        per_rol.setdefault((code, rol), []).append(gebruikers[naam])
    return per_rol


# --- Writing rows fast --------------------------------------------------------------------------


def invoegen(model: type[Model], objecten: Sequence[Model]) -> None:
    """Insert new model instances in one go: COPY on PostgreSQL, else bulk_create.

    COPY sends each concrete field's value as `pre_save` gives it (JSON fields as JSON text,
    the rest adapted by psycopg), so the stored rows are those `bulk_create` would store; the
    id column is left to its sequence when the first object has none. It skips the model's
    manager, so it serves only rows that are written once (the generated history). Django's
    own bulk insert on PostgreSQL sends arrays (UNNEST) whose quoting costs more than the insert.
    """
    from django.db import DEFAULT_DB_ALIAS, connections, models

    if not objecten:
        return
    verbinding = connections[DEFAULT_DB_ALIAS]
    if verbinding.vendor != "postgresql":
        models.QuerySet[Any](model).bulk_create(list(objecten), batch_size=2000)
        return
    velden = [
        f
        for f in model._meta.concrete_fields
        if not (f.primary_key and objecten[0].pk is None) and not f.generated
    ]
    json_velden = [isinstance(f, models.JSONField) for f in velden]
    kolommen = ", ".join(verbinding.ops.quote_name(str(f.column)) for f in velden)
    tabel = verbinding.ops.quote_name(model._meta.db_table)
    with (
        verbinding.cursor() as cursor,
        cursor.copy(f"COPY {tabel} ({kolommen}) FROM STDIN") as copy,
    ):
        for obj in objecten:
            rij = []
            for f, is_json in zip(velden, json_velden, strict=True):
                waarde = f.pre_save(obj, True)
                if is_json and waarde is not None:
                    waarde = json.dumps(waarde, cls=f.encoder)  # type: ignore[attr-defined]
                rij.append(waarde)
            copy.write_row(rij)


def reeksen_bijwerken(modellen: Iterable[type[Model]]) -> None:
    """Move PostgreSQL's id sequences past the explicit ids (nothing to do on SQLite)."""
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(modellen)):
            cursor.execute(sql)


def _hoogste_id(model: type[Model]) -> int:
    from django.db.models import Max

    return int(model._default_manager.aggregate(m=Max("pk"))["m"] or 0)


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _hex(rng: random.Random) -> str:
    return f"{rng.getrandbits(256):064x}"


# --- Phases 4 and 5: documents and messages -----------------------------------------------------


def documenten_schrijven(
    *, vanaf_verzoek: int, rng: random.Random, voortgang: Callable[[int], None]
) -> int:
    """The document rows of the requests after id `vanaf_verzoek`; returns how many.

    Per request its request form (signed by the requester), per decision its letter, per
    evaluation its report; sizes 40-400 KB, a random sha256, the file name as the store makes
    it (``<verzoek id>/<uuid>.pdf``, which does not exist on disk).
    """
    from politiebijstand.documenten.constants import Soort
    from politiebijstand.documenten.models import Document
    from politiebijstand.verzoeken.models import Besluit, Bijstandsverzoek, InzetEvaluatie

    sjabloon = {s: hashlib.sha256(f"sjabloon-{s}".encode()).hexdigest() for s in Soort.values}
    besluiten: dict[int, list[tuple[int, datetime, int, str]]] = {}
    for verzoek_id, pk, op, door, uitkomst in (
        Besluit.objects.filter(verzoek_id__gt=vanaf_verzoek)
        .order_by("id")
        .values_list("verzoek_id", "id", "genomen_op", "genomen_door_id", "uitkomst")
    ):
        besluiten.setdefault(verzoek_id, []).append((pk, op, door, uitkomst))
    evaluaties: dict[int, list[tuple[datetime, int]]] = {}
    for verzoek_id, op, door in (
        InzetEvaluatie.objects.filter(deelverzoek__verzoek_id__gt=vanaf_verzoek)
        .order_by("id")
        .values_list("deelverzoek__verzoek_id", "op", "door_id")
    ):
        evaluaties.setdefault(verzoek_id, []).append((op, door))
    verzoeken = list(
        Bijstandsverzoek.objects.filter(id__gt=vanaf_verzoek)
        .order_by("id")
        .values_list(
            "id", "kenmerk", "aangemaakt_op", "aangevraagd_door_id", "regioburgemeester__code"
        )
    )
    volgend = _hoogste_id(Document) + 1
    rijen: list[Document] = []
    totaal = 0

    def document(
        verzoek_id: int, soort: str, sleutel: str, titel: str, op: datetime, door: int
    ) -> None:
        nonlocal volgend
        document_uuid = _uuid(rng)
        extern = soort == Soort.EXTERN
        rijen.append(
            Document(
                id=volgend,
                uuid=document_uuid,
                verzoek_id=verzoek_id,
                soort=soort,
                sleutel=sleutel,
                titel=titel,
                versie=1,
                sjabloon_versie="" if extern else sjabloon[soort],
                sha256=_hex(rng),
                grootte=rng.randrange(40_000, 400_000),
                bestand=f"{verzoek_id}/{document_uuid}.pdf",
                aangemaakt_door_id=door,
                aangemaakt_op=op,
                ondertekend_door_id=door if soort == Soort.AANVRAAGFORMULIER else None,
                ondertekend_op=op if soort == Soort.AANVRAAGFORMULIER else None,
            )
        )
        volgend += 1

    for nummer, (verzoek_id, kenmerk, aangemaakt_op, door, gemeente) in enumerate(verzoeken, 1):
        document(
            verzoek_id,
            Soort.AANVRAAGFORMULIER,
            gemeente or "",
            f"Aanvraagformulier {kenmerk}",
            aangemaakt_op + timedelta(minutes=5),
            door,
        )
        for pk, op, besluit_door, uitkomst in besluiten.get(verzoek_id, ()):
            document(
                verzoek_id,
                Soort.BESLUIT,
                str(pk),
                f"Besluit ({uitkomst}) {kenmerk}",
                op,
                besluit_door,
            )
        for op, evaluatie_door in evaluaties.get(verzoek_id, ()):
            document(verzoek_id, Soort.EVALUATIE, "", f"Evaluatie {kenmerk}", op, evaluatie_door)
        if len(rijen) >= BATCH or nummer == len(verzoeken):
            invoegen(Document, rijen)
            totaal += len(rijen)
            rijen.clear()
            voortgang(nummer)
    reeksen_bijwerken([Document])
    return totaal


def berichten_schrijven(
    *, vanaf_verzoek: int, rng: random.Random, voortgang: Callable[[int], None]
) -> int:
    """The delivered outbox messages of the requests after id `vanaf_verzoek`; returns how many.

    Per request, in the order they were written: ``taak-klaargezet`` to the organisation of each
    step when it became ready, ``besluit-genomen`` to the requester's RCCB and the competent
    authority, ``verzoek-ingetrokken`` to the same. Each delivered 1-5 minutes after writing,
    to the organisation's mailbox; `reeks` is the request (`meldingen.services.reeks_van`).
    """
    from politiebijstand.meldingen.models import Bericht, BerichtStatus
    from politiebijstand.meldingen.services import VERZOEK_LABEL
    from politiebijstand.organisaties.models import Organisatie
    from politiebijstand.verzoeken.models import (
        Besluit,
        Bijstandsverzoek,
        StatusWijziging,
        Taak,
    )

    ontvanger_model = Bericht.ontvangers.through
    adressen = {
        pk: mailbox or f"{code.lower()}@bench.invalid"
        for pk, code, mailbox in Organisatie.objects.values_list("id", "code", "mailbox")
    }
    per_verzoek: dict[int, list[tuple[datetime, int, str, str, str, str, list[int]]]] = {}
    verzoeken = {
        pk: (kenmerk, rccb, gezag)
        for pk, kenmerk, rccb, gezag in Bijstandsverzoek.objects.filter(
            id__gt=vanaf_verzoek
        ).values_list("id", "kenmerk", "rccb_id", "bevoegd_gezag_id")
    }
    for verzoek_id, pk, naam, org, op in (
        Taak.objects.filter(verzoek_id__gt=vanaf_verzoek)
        .order_by("id")
        .values_list("verzoek_id", "id", "naam", "organisatie_id", "aangemaakt_op")
    ):
        kenmerk = verzoeken[verzoek_id][0]
        per_verzoek.setdefault(verzoek_id, []).append(
            (
                op,
                0,
                "taak-klaargezet",
                f"{kenmerk}: nieuwe stap '{naam}'",
                f"Voor uw organisatie staat de stap '{naam}' klaar bij {kenmerk}.",
                f"verzoeken.taak:{pk}",
                [org],
            )
        )
    for verzoek_id, pk, op, uitkomst in (
        Besluit.objects.filter(verzoek_id__gt=vanaf_verzoek)
        .order_by("id")
        .values_list("verzoek_id", "id", "genomen_op", "uitkomst")
    ):
        kenmerk, rccb, gezag = verzoeken[verzoek_id]
        per_verzoek.setdefault(verzoek_id, []).append(
            (
                op,
                1,
                "besluit-genomen",
                f"{kenmerk}: besluit genomen ({uitkomst})",
                f"Op het verzoek {kenmerk} is besloten: {uitkomst}.",
                f"verzoeken.besluit:{pk}",
                sorted({rccb, gezag}),
            )
        )
    for verzoek_id, op in (
        StatusWijziging.objects.filter(verzoek_id__gt=vanaf_verzoek, handeling="intrekken")
        .order_by("id")
        .values_list("verzoek_id", "op")
    ):
        kenmerk, rccb, gezag = verzoeken[verzoek_id]
        per_verzoek.setdefault(verzoek_id, []).append(
            (
                op,
                2,
                "verzoek-ingetrokken",
                f"{kenmerk}: verzoek ingetrokken",
                f"Het verzoek {kenmerk} is ingetrokken.",
                f"{VERZOEK_LABEL}:{verzoek_id}",
                sorted({rccb, gezag}),
            )
        )
    volgend = _hoogste_id(Bericht) + 1
    volgend_ontvanger = _hoogste_id(ontvanger_model) + 1
    berichten: list[Bericht] = []
    ontvangers: list[Model] = []
    totaal = 0
    for nummer, verzoek_id in enumerate(sorted(per_verzoek), 1):
        for op, _, soort, onderwerp, inhoud, obj, orgs in sorted(
            per_verzoek[verzoek_id], key=lambda b: (b[0], b[1])
        ):
            object_type, _, object_id = obj.partition(":")
            verzonden = op + timedelta(seconds=rng.randrange(60, 300))
            berichten.append(
                Bericht(
                    id=volgend,
                    uuid=_uuid(rng),
                    soort=soort,
                    onderwerp=onderwerp[:300],
                    inhoud=inhoud,
                    object_type=object_type,
                    object_id=object_id,
                    reeks=f"{VERZOEK_LABEL}:{verzoek_id}",
                    status=BerichtStatus.VERZONDEN,
                    pogingen=1,
                    volgende_poging_op=op,
                    adressen=[adressen[o] for o in orgs],
                    zonder_adres=[],
                    bijlagen=[],
                    laatste_fout="",
                    aangemaakt_op=op,
                    verzonden_op=verzonden,
                )
            )
            for org in orgs:
                ontvangers.append(
                    ontvanger_model(id=volgend_ontvanger, bericht_id=volgend, organisatie_id=org)
                )
                volgend_ontvanger += 1
            volgend += 1
        if len(berichten) >= BATCH or nummer == len(per_verzoek):
            invoegen(Bericht, berichten)
            invoegen(ontvanger_model, ontvangers)
            totaal += len(berichten)
            berichten.clear()
            ontvangers.clear()
            voortgang(nummer)
    reeksen_bijwerken([Bericht, ontvanger_model])
    return totaal


# --- Phase 6: the audit trail -------------------------------------------------------------------


def gebeurtenissen_verzamelen(*, vanaf_verzoek: int, vanaf_document: int) -> list[_Gebeurtenis]:
    """The audit events of the generated data, in order of time (ties: the order of writing)."""
    from politiebijstand.documenten.models import Document
    from politiebijstand.verzoeken.constants import TaakStatus
    from politiebijstand.verzoeken.models import (
        Besluit,
        Bijstandsverzoek,
        InzetEvaluatie,
        InzetVersie,
        StatusWijziging,
        Taak,
    )

    uit: list[_Gebeurtenis] = []
    for pk, kenmerk, titel, op, door in (
        Bijstandsverzoek.objects.filter(id__gt=vanaf_verzoek)
        .order_by("id")
        .values_list("id", "kenmerk", "titel", "aangemaakt_op", "aangevraagd_door_id")
    ):
        uit.append(
            _Gebeurtenis(
                op, 1, "verzoek-aangemaakt", door, "verzoeken.bijstandsverzoek", str(pk),
                None, {"kenmerk": kenmerk, "titel": titel, "status": "in_behandeling"}, pk,
            )
        )  # fmt: skip
    for verzoek_id, deel, handeling, van, naar, toelichting, door, op in (
        StatusWijziging.objects.filter(verzoek_id__gt=vanaf_verzoek)
        .order_by("id")
        .values_list(
            "verzoek_id", "deelverzoek_id", "handeling", "van", "naar", "toelichting",
            "door_id", "op",
        )
    ):  # fmt: skip
        uit.append(
            _Gebeurtenis(
                op, 0, "status-gewijzigd", door, "verzoeken.deelverzoek", str(deel),
                {"status": van},
                {"status": naar, "handeling": handeling, "toelichting": toelichting}, verzoek_id,
            )
        )  # fmt: skip
    for verzoek_id, pk, bpmn_id, status, org, opgepakt_door, opgepakt_op, afgerond_op in (
        Taak.objects.filter(verzoek_id__gt=vanaf_verzoek)
        .exclude(opgepakt_door=None)
        .order_by("id")
        .values_list(
            "verzoek_id", "id", "bpmn_id", "status", "organisatie__code", "opgepakt_door_id",
            "opgepakt_op", "afgerond_op",
        )
    ):  # fmt: skip
        snapshot = {"taak": pk, "bpmn_id": bpmn_id, "organisatie": org}
        if status == TaakStatus.OPGEPAKT and opgepakt_op is not None:
            uit.append(
                _Gebeurtenis(
                    opgepakt_op, 2, "taak-opgepakt", opgepakt_door, "verzoeken.taak", str(pk),
                    {**snapshot, "status": "open", "opgepakt_door": None},
                    {**snapshot, "status": "opgepakt", "opgepakt_door": opgepakt_door},
                    verzoek_id,
                )
            )  # fmt: skip
        elif status == TaakStatus.AFGEROND and afgerond_op is not None:
            uit.append(
                _Gebeurtenis(
                    afgerond_op, 3, "taak-afgerond", opgepakt_door, "verzoeken.taak", str(pk),
                    {**snapshot, "status": "opgepakt", "opgepakt_door": opgepakt_door},
                    {**snapshot, "status": "afgerond", "opgepakt_door": opgepakt_door},
                    verzoek_id,
                )
            )  # fmt: skip
    for verzoek_id, pk, taak, deel, veld, uitkomst, namens, door, op in (
        Besluit.objects.filter(verzoek_id__gt=vanaf_verzoek)
        .order_by("id")
        .values_list(
            "verzoek_id", "id", "taak_id", "deelverzoek_id", "veld", "uitkomst", "namens",
            "genomen_door_id", "genomen_op",
        )
    ):  # fmt: skip
        uit.append(
            _Gebeurtenis(
                op, 4, "besluit-genomen", door, "verzoeken.besluit", str(pk), None,
                {"taak": taak, "deelverzoek": deel, "veld": veld, "uitkomst": uitkomst,
                 "namens": namens},
                verzoek_id,
            )
        )  # fmt: skip
    for verzoek_id, pk, deel, versie, soort, begin, eind, door, op in (
        InzetVersie.objects.filter(deelverzoek__verzoek_id__gt=vanaf_verzoek)
        .order_by("id")
        .values_list(
            "deelverzoek__verzoek_id", "id", "deelverzoek_id", "versie", "soort",
            "periode_start", "periode_eind", "door_id", "op",
        )
    ):  # fmt: skip
        uit.append(
            _Gebeurtenis(
                op, 5, f"inzet-{soort}", door, "verzoeken.inzetversie", str(pk), None,
                {"versie": versie, "soort": soort, "periode_start": begin.isoformat(),
                 "periode_eind": eind.isoformat(), "deelverzoek": deel},
                verzoek_id,
            )
        )  # fmt: skip
    for verzoek_id, pk, deel, door, op in (
        InzetEvaluatie.objects.filter(deelverzoek__verzoek_id__gt=vanaf_verzoek)
        .order_by("id")
        .values_list("deelverzoek__verzoek_id", "id", "deelverzoek_id", "door_id", "op")
    ):
        uit.append(
            _Gebeurtenis(
                op, 6, "inzet-geevalueerd", door, "verzoeken.inzetevaluatie", str(pk), None,
                {"deelverzoek": deel, "verslag": "Inzet verliep volgens plan."}, verzoek_id,
            )
        )  # fmt: skip
    for verzoek_id, pk, soort, sleutel, titel, sha256, door, op in (
        Document.objects.filter(id__gt=vanaf_document)
        .order_by("id")
        .values_list(
            "verzoek_id", "id", "soort", "sleutel", "titel", "sha256", "aangemaakt_door_id",
            "aangemaakt_op",
        )
    ):  # fmt: skip
        uit.append(
            _Gebeurtenis(
                op, 7, "document-aangemaakt", door, "documenten.document", str(pk), None,
                {"verzoek": str(verzoek_id), "soort": soort, "sleutel": sleutel, "versie": 1,
                 "titel": titel, "sha256": sha256},
                verzoek_id,
            )
        )  # fmt: skip
    uit.sort(key=lambda g: (g.tijdstip, g.verzoek_id, g.volgorde, g.object_id))
    return uit


def gebeurtenissen_aanvullen(
    gebeurtenissen: Sequence[_Gebeurtenis],
    *,
    totaal: int,
    rng: random.Random,
    begin: datetime,
    actoren: Sequence[int],
    kenmerken: Mapping[int, str],
) -> Iterator[_Gebeurtenis]:
    """Exactly `totaal` events in order of time: the given ones, filled up or thinned evenly.

    Fewer than `totaal`: after each given event, its share of fillers, at times between it and
    the next: its request viewed (``verzoek-bekeken``) by its actor, every `INLOG_ELKE`-th that
    actor's log-in (``gebruiker-ingelogd``). More: every one whose turn comes, evenly. None
    given: log-ins of `actoren` spread evenly from `begin` to `benchdata.NU`.
    """
    n = len(gebeurtenissen)
    if n == 0:
        if totaal and not actoren:
            raise Geweigerd("--audit: geen gebruikers om gebeurtenissen aan toe te kennen")
        stap = (benchdata.NU - begin) / max(1, totaal)
        for i in range(totaal):
            actor = actoren[i % len(actoren)]
            yield _inloggen(begin + stap * i, actor, rng)
        return
    if n >= totaal:
        for j, g in enumerate(gebeurtenissen):
            if (j + 1) * totaal // n > j * totaal // n:
                yield g
        return
    extra = totaal - n
    for j, g in enumerate(gebeurtenissen):
        yield g
        aantal = (j + 1) * extra // n - j * extra // n
        if not aantal:
            continue
        volgende = gebeurtenissen[j + 1].tijdstip if j + 1 < n else g.tijdstip + timedelta(hours=1)
        stap = (volgende - g.tijdstip) / (aantal + 1)
        for i in range(aantal):
            tijdstip = g.tijdstip + stap * (i + 1)
            if rng.randrange(INLOG_ELKE) == 0:
                yield _inloggen(tijdstip, g.actor_id, rng)
            else:
                yield _Gebeurtenis(
                    tijdstip, 9, "verzoek-bekeken", g.actor_id, "verzoeken.bijstandsverzoek",
                    str(g.verzoek_id), None, {"kenmerk": kenmerken[g.verzoek_id]}, g.verzoek_id,
                )  # fmt: skip


def _inloggen(tijdstip: datetime, actor: int, rng: random.Random) -> _Gebeurtenis:
    ip = f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    return _Gebeurtenis(
        tijdstip, 8, "gebruiker-ingelogd", actor, "accounts.gebruiker", str(actor), None,
        {"ip": ip}, 0,
    )  # fmt: skip


def audit_schrijven(
    gebeurtenissen: Iterable[_Gebeurtenis],
    *,
    gebruikers: dict[int, Any],
    voortgang: Callable[[int], None],
) -> int:
    """Append the events to the chain, `BATCH` rows per transaction; returns how many.

    Each batch takes the chain's lock as `audit_record` does (PostgreSQL's advisory lock; on
    SQLite the write transaction), reads the chain's head, and hashes every row with
    `audit.services._schakel` (the canonical JSON and HMAC of `audit.keten`), so the rows are
    exactly those `audit_record` would have written at those times. `verzoek-bekeken` names the
    request's kenmerk as the selector does; the other events carry their own state.
    """
    from django.db import connection, transaction

    from politiebijstand.audit import services
    from politiebijstand.audit.keten import GENESIS_HASH
    from politiebijstand.audit.models import AuditLogEntry

    geschreven = 0
    buffer: list[_Gebeurtenis] = []

    def schrijf() -> None:
        nonlocal geschreven
        with transaction.atomic():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [services._SLOT])
            laatste = (
                AuditLogEntry.objects.order_by("-volgnummer")
                .values_list("volgnummer", "hash")
                .first()
            )
            volgnummer, vorige = laatste if laatste else (0, GENESIS_HASH)
            rijen: list[AuditLogEntry] = []
            for g in buffer:
                volgnummer += 1
                actor = gebruikers[g.actor_id]
                entry = services._schakel(
                    volgnummer=volgnummer,
                    tijdstip=g.tijdstip,
                    vorige_hash=vorige,
                    actor=actor,
                    naam=actor.get_username(),
                    gebeurtenis=g.gebeurtenis,
                    object_type=g.object_type,
                    object_id=g.object_id,
                    voor=g.voor,
                    na=g.na,
                )
                vorige = entry.hash
                rijen.append(entry)
            invoegen(AuditLogEntry, rijen)
        geschreven += len(buffer)
        buffer.clear()
        voortgang(geschreven)

    for g in gebeurtenissen:
        buffer.append(g)
        if len(buffer) >= BATCH:
            schrijf()
    if buffer:
        schrijf()
    return geschreven


# --- The run ------------------------------------------------------------------------------------


def database_bytes() -> int:
    """The database's size in bytes: `pg_database_size` on PostgreSQL, pages on SQLite."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_database_size(current_database())")
            return int(cursor.fetchone()[0])
        cursor.execute("PRAGMA page_count")
        pagina = int(cursor.fetchone()[0])
        cursor.execute("PRAGMA page_size")
        return pagina * int(cursor.fetchone()[0])


def rijen_tellen() -> dict[str, int]:
    """Rows per model of `TELLEN` (and the municipalities apart), as ``app.Model`` -> count."""
    from django.apps import apps

    from politiebijstand.meldingen.models import Bericht
    from politiebijstand.organisaties.models import Organisatie

    telling = {label: apps.get_model(label)._default_manager.count() for label in TELLEN}
    telling["meldingen.Bericht.ontvangers"] = Bericht.ontvangers.through.objects.count()
    telling["gemeenten (Organisatie GM....)"] = Organisatie.objects.filter(
        code__regex=r"^GM[0-9]{4}$"
    ).count()
    return telling


def inhoud_digest(*, vanaf_verzoek: int = 0, vanaf_audit: int = 0) -> str:
    """sha256 of what the seed decides, after the given ids.

    Over the requests, steps, documents, messages and audit rows; not the rows' hashes (they
    follow the chain before them), not the engine's own task ids and run states (SpiffWorkflow
    draws them at random), not the accounts' password salts.
    """
    from politiebijstand.audit.models import AuditLogEntry
    from politiebijstand.documenten.models import Document
    from politiebijstand.meldingen.models import Bericht
    from politiebijstand.verzoeken.models import Bijstandsverzoek, Taak

    h = hashlib.sha256()
    bronnen: list[Iterable[tuple[Any, ...]]] = [
        Bijstandsverzoek.objects.filter(id__gt=vanaf_verzoek)
        .order_by("id")
        .values_list(
            "id", "uuid", "kenmerk", "status", "aangemaakt_op", "aangevraagd_door__username"
        ),
        Taak.objects.filter(verzoek_id__gt=vanaf_verzoek)
        .order_by("id")
        .values_list("id", "bpmn_id", "status", "afgerond_door__username", "afgerond_op"),
        Document.objects.filter(verzoek_id__gt=vanaf_verzoek)
        .order_by("id")
        .values_list("id", "uuid", "soort", "bestand", "sha256", "aangemaakt_op"),
        Bericht.objects.filter(reeks__startswith="verzoeken.")
        .order_by("id")
        .values_list("id", "uuid", "soort", "reeks", "aangemaakt_op", "verzonden_op"),
        AuditLogEntry.objects.filter(volgnummer__gt=vanaf_audit)
        .order_by("volgnummer")
        .values_list(
            "volgnummer", "tijdstip", "actor_gebruikersnaam", "gebeurtenis", "object_type",
            "object_id", "voor", "na",
        ),
    ]  # fmt: skip
    for bron in bronnen:
        for rij in bron:
            h.update(repr(rij).encode("utf-8"))
    return h.hexdigest()


def genereren(opties: Opties, *, progress: Progress | None = None) -> Verslag:
    """Run the phases (Django set up, migrated database) and report what was written.

    Raises:
        Geweigerd: the database is not migrated; it holds requests and
            `opties.ook_als_niet_leeg` is not set; or fewer organisations are loaded than
            asked for.
    """
    from django.db import connection

    from rich.progress import Progress as RichProgress

    from politiebijstand.accounts.models import Gebruiker
    from politiebijstand.audit.anker import AnkerGeweigerd, anker_schrijven
    from politiebijstand.documenten.models import Document
    from politiebijstand.organisaties.gebied_services import gebieden_laden
    from politiebijstand.organisaties.gebieden import load_gebieden
    from politiebijstand.organisaties.referentie import load_referentie
    from politiebijstand.organisaties.services import referentiedata_laden
    from politiebijstand.verzoeken.models import Bijstandsverzoek

    if Bijstandsverzoek._meta.db_table not in connection.introspection.table_names():
        raise Geweigerd(
            f"database: {connection.settings_dict['NAME']} is niet gemigreerd (geen tabel "
            f"{Bijstandsverzoek._meta.db_table}); eerst: politiebijstand manage migrate, met "
            "dezelfde PB_DATABASE_URL en PB_DATA_DIR"
        )
    bestaand = Bijstandsverzoek.objects.count()
    if bestaand and not opties.ook_als_niet_leeg:
        raise Geweigerd(
            f"de database bevat al {bestaand} bijstandsverzoek(en); de generator vult alleen een "
            "lege database. Gebruik --ook-als-niet-leeg om er verzoeken aan toe te voegen."
        )
    verslag = Verslag()
    rng = random.Random(f"volumedata-{opties.seed}")  # noqa: S311 - test data, not security
    eigen = progress or RichProgress(transient=False)
    with eigen as voortgang_balk:

        def fase(naam: str, totaal: int) -> tuple[Callable[[int], None], float]:
            taak = voortgang_balk.add_task(naam, total=max(1, totaal))

            def bij(n: int) -> None:
                voortgang_balk.update(taak, completed=n)

            return bij, time.perf_counter()

        def klaar(naam: str, start: float, bij: Callable[[int], None], totaal: int) -> None:
            bij(max(1, totaal))
            verslag.seconden[naam] = time.perf_counter() - start

        bij, start = fase("referentie", 1)
        referentiedata_laden(referentie=load_referentie())
        gebieden_laden(gebieden=load_gebieden())
        klaar("referentie", start, bij, 1)

        bij, start = fase("gebruikers", opties.gebruikers)
        per_rol = gebruikers_aanmaken(opties)
        verslag.gebruikers = sorted(g.username for lijst in per_rol.values() for g in lijst)
        klaar("gebruikers", start, bij, opties.gebruikers)

        vanaf_verzoek = int(
            Bijstandsverzoek.objects.order_by("-id").values_list("id", flat=True).first() or 0
        )
        bij, start = fase("verzoeken", opties.verzoeken)
        if opties.verzoeken:
            benchdata.genereer(
                aantal=opties.verzoeken,
                seed=opties.seed,
                uit=voortgang_balk.console.print,
                begin=opties.begin,
                gebruikers=per_rol,
                voortgang=bij,
                invoegen=invoegen,
            )
        klaar("verzoeken", start, bij, opties.verzoeken)

        vanaf_document = _hoogste_id(Document)
        bij, start = fase("documenten", opties.verzoeken)
        documenten_schrijven(vanaf_verzoek=vanaf_verzoek, rng=rng, voortgang=bij)
        klaar("documenten", start, bij, opties.verzoeken)

        bij, start = fase("berichten", opties.verzoeken)
        berichten_schrijven(vanaf_verzoek=vanaf_verzoek, rng=rng, voortgang=bij)
        klaar("berichten", start, bij, opties.verzoeken)

        bij, start = fase("audit", opties.audit)
        gebeurtenissen = gebeurtenissen_verzamelen(
            vanaf_verzoek=vanaf_verzoek, vanaf_document=vanaf_document
        )
        gebruikers = {
            g.pk: g for g in Gebruiker.objects.select_related("organisatie").order_by("pk")
        }
        eigen_actoren = sorted(g.pk for lijst in per_rol.values() for g in lijst)
        audit_schrijven(
            gebeurtenissen_aanvullen(
                gebeurtenissen,
                totaal=opties.audit,
                rng=rng,
                begin=opties.begin,
                actoren=eigen_actoren,
                kenmerken=dict(
                    Bijstandsverzoek.objects.filter(id__gt=vanaf_verzoek).values_list(
                        "id", "kenmerk"
                    )
                ),
            ),
            gebruikers=gebruikers,
            voortgang=bij,
        )
        del gebeurtenissen
        klaar("audit", start, bij, opties.audit)

        bij, start = fase("anker", 1)
        try:
            anker = anker_schrijven()
            verslag.anker = anker.naam
        except (AnkerGeweigerd, OSError) as exc:
            voortgang_balk.console.print(f"Geen anker geschreven: {exc}")
        klaar("anker", start, bij, 1)
    verslag.rijen = rijen_tellen()
    verslag.bytes = database_bytes()
    return verslag


def verslag_regels(verslag: Verslag) -> list[str]:
    """The report's lines: rows per table, seconds per phase, the database's size."""
    regels = ["Rijen per tabel:"]
    regels += [f"  {label:<36} {aantal:>10,}" for label, aantal in verslag.rijen.items()]
    regels.append("Seconden per fase:")
    regels += [f"  {naam:<36} {s:>10.1f}" for naam, s in verslag.seconden.items()]
    regels.append(f"  {'totaal':<36} {sum(verslag.seconden.values()):>10.1f}")
    regels.append(f"Databasegrootte: {verslag.bytes / 1e6:,.0f} MB ({verslag.bytes:,} bytes)")
    if verslag.anker:
        regels.append(f"Anker: {verslag.anker}")
    voorbeeld = ", ".join(verslag.gebruikers[:3])
    regels.append(
        f"Accounts: {len(verslag.gebruikers)} ({voorbeeld}, ...), wachtwoord "
        f"{BENCH_WACHTWOORD!r}, TOTP-geheim {BENCH_TOTP_GEHEIM} (alleen voor de bench)."
    )
    return regels


def main(argv: Sequence[str] | None = None) -> int:
    """The command: 0 done, 2 refused (a message naming the reason on standard error)."""
    opties = opties_lezen(argv)
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
    # SpiffWorkflow logs every state change at INFO: thousands of lines while walking templates.
    logging.getLogger("spiff").setLevel(logging.WARNING)
    try:
        verslag = genereren(opties)
    except Geweigerd as exc:
        print(f"volumedata: {exc}", file=sys.stderr)
        return 2
    for regel in verslag_regels(verslag):
        print(regel)
    return 0


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "politiebijstand.conf.dev")
    raise SystemExit(main())
