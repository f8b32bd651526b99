"""Organisation codes of the contract (`docs/contract/advies.md`, "Organisation codes").

The advice names organisations only by these codes (in `Route.contacten`,
`Route.formulier_naar`, `Route.besluit_door` and `Stap.actor`); names and telephone numbers
live in the reference data (`politiebijstand.organisaties`), outside the pure rules.
"""

from __future__ import annotations

from typing import Final

RCCB: Final = "RCCB"
LE_POB: Final = "LE-POB"
LOCC: Final = "LOCC"
NCTV_DB3: Final = "NCTV-DB3"
IFV_ML: Final = "IFV-ML"
KORPSCHEF: Final = "KORPSCHEF"
DJZ: Final = "DJZ"
DOC: Final = "DOC"
DOPS_KMAR: Final = "DOPS-KMAR"
CCB_KMAR: Final = "CCB-KMAR"
C_KMAR: Final = "C-KMAR"
SG_DEFENSIE: Final = "SG-DEFENSIE"
OVR: Final = "OVR"
PARKET_GENERAAL: Final = "PARKET-GENERAAL"
OZI: Final = "OZI"
DGPOL: Final = "DGPOL"
MINISTER_JENV: Final = "MINISTER-JENV"
BURGEMEESTER: Final = "BURGEMEESTER"
REGIOBURGEMEESTER: Final = "REGIOBURGEMEESTER"
OVJ: Final = "OVJ"

#: Every code of the contract, in the contract's order.
ORGANISATIECODES: Final[tuple[str, ...]] = (
    RCCB,
    LE_POB,
    LOCC,
    NCTV_DB3,
    IFV_ML,
    KORPSCHEF,
    DJZ,
    DOC,
    DOPS_KMAR,
    CCB_KMAR,
    C_KMAR,
    SG_DEFENSIE,
    OVR,
    PARKET_GENERAAL,
    OZI,
    DGPOL,
    MINISTER_JENV,
    BURGEMEESTER,
    REGIOBURGEMEESTER,
    OVJ,
)
