"""Rules of the Politiewet 2012 (BWBR0031788) and the LOCC factsheet, one module per cluster.

- `bijstand_gezag`: own capacity, gezag per task, the path of the flowchart (art. 11, 12).
- `steunverlening`: no police task, militaire steunverlening (toelichting 11).
- `bijstand_eenheden`: other police units, procedures 1 and 6, zienswijze (art. 56).
- `bijstand_middelen`: Ministry resources, procedure 2 (toelichting 2).
- `bijstand_kmar`: the KMar, procedures 3 and 7 (art. 57).
- `bijstand_krijgsmacht`: other parts of the armed forces, procedures 4 and 8, convenant (art. 58).
- `bijstand_buitenland`: foreign police, procedure 5 and rechtshulp.
- `bijstand_spoed`: urgent cases: phone first, form afterwards.
- `bijstand_indiener`: who signs: primus inter pares, one form per municipality.
- `financiering`: FNIK (toelichting 10).
"""
