"""Services that write organisations."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction

from politiebijstand.organisaties.models import Organisatie
from politiebijstand.organisaties.referentie import OrganisatieInfo

#: Fields that the reference file manages; `actief` and the time stamps are not among them.
BEHEERDE_VELDEN = (
    "naam",
    "afkorting",
    "soort",
    "omschrijving",
    "telefoon_spoed",
    "telefoon",
    "telefoon_algemeen",
    "email",
    "website",
    "opmerking",
    "bron",
)


@dataclass(frozen=True, slots=True)
class LaadResultaat:
    """What `referentiedata_laden` did, as organisation codes in file order."""

    nieuw: tuple[str, ...]
    bijgewerkt: tuple[str, ...]
    ongewijzigd: tuple[str, ...]

    @property
    def totaal(self) -> int:
        return len(self.nieuw) + len(self.bijgewerkt) + len(self.ongewijzigd)

    def samenvatting(self) -> str:
        """Dutch summary: ``"20 organisaties geladen (3 nieuw, 17 bijgewerkt, 0 ongewijzigd)"``."""
        return (
            f"{self.totaal} organisaties geladen ({len(self.nieuw)} nieuw, "
            f"{len(self.bijgewerkt)} bijgewerkt, {len(self.ongewijzigd)} ongewijzigd)"
        )


@transaction.atomic
def referentiedata_laden(*, referentie: Mapping[str, OrganisatieInfo]) -> LaadResultaat:
    """Create or update the organisations of the reference data by `code`, all or nothing.

    Only changed rows are written. Rows whose code is not in `referentie` are left alone, and
    so is `actief`. `parent` is set from the file (None when the entry has none).

    Args:
        referentie: validated reference data, as returned by
            `politiebijstand.organisaties.referentie.load_referentie`.

    Returns:
        Which codes were created, updated or unchanged.

    Raises:
        django.db.DatabaseError: on a database failure; the whole load is then rolled back.
    """
    bestaand = {
        o.code: o for o in Organisatie.objects.select_for_update().filter(code__in=list(referentie))
    }
    rijen: dict[str, Organisatie] = {}
    nieuw: list[str] = []
    gewijzigd: set[str] = set()
    for code, info in referentie.items():
        velden = {veld: getattr(info, veld) for veld in BEHEERDE_VELDEN}
        rij = bestaand.get(code)
        if rij is None:
            rij = Organisatie(code=code, **velden)
            rij.save()
            nieuw.append(code)
        else:
            veranderd = [veld for veld, waarde in velden.items() if getattr(rij, veld) != waarde]
            if veranderd:
                for veld in veranderd:
                    setattr(rij, veld, velden[veld])
                rij.save(update_fields=[*veranderd, "bijgewerkt_op"])
                gewijzigd.add(code)
        rijen[code] = rij

    # Second pass: a parent may come later in the file than its part.
    for code, info in referentie.items():
        rij = rijen[code]
        parent_id = rijen[info.parent].pk if info.parent else None
        if rij.parent_id != parent_id:
            rij.parent_id = parent_id
            rij.save(update_fields=["parent", "bijgewerkt_op"])
            if code not in nieuw:
                gewijzigd.add(code)

    return LaadResultaat(
        nieuw=tuple(nieuw),
        bijgewerkt=tuple(c for c in referentie if c in gewijzigd),
        ongewijzigd=tuple(c for c in referentie if c not in gewijzigd and c not in nieuw),
    )


#: The domain of the demo's functional mailboxes; ``.test`` is reserved (RFC 2606), so no
#: message of the demo can reach a real mailbox even with a real mail server.
DEMO_MAILDOMEIN = "demo.politiebijstand.test"


def demo_mailbox(code: str) -> str:
    """The demo mailbox of an organisation: ``"LE-POB"`` → ``"le-pob@" + DEMO_MAILDOMEIN``."""
    lokaal = re.sub(r"[^a-z0-9]+", "-", code.lower()).strip("-") or "organisatie"
    return f"{lokaal}@{DEMO_MAILDOMEIN}"


@transaction.atomic
def demo_mailboxen_laden() -> list[str]:
    """Give every organisation without a functional mailbox its demo mailbox (`make run`).

    A mailbox the beheerder has set is kept. Each change is saved through the model, so the
    history (`geschiedenis.py`) records it.

    Returns:
        The codes of the organisations that got a mailbox, in code order.
    """
    codes: list[str] = []
    for organisatie in Organisatie.objects.select_for_update().filter(mailbox="").order_by("code"):
        organisatie.mailbox = demo_mailbox(organisatie.code)
        organisatie.save(update_fields=["mailbox", "bijgewerkt_op"])
        codes.append(organisatie.code)
    return codes
