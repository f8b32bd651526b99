"""The Bijstandswijzer's questions, below its pages: answers in, `Situatie` and texts out.

The wizard's pages (`politiebijstand.wijzer`) and the request form (`verzoeken.ui`) both read
the answers that travel in the query string; this package holds that shared part, so that no
page imports another page (ADR 0015, issue #7):

- `stappen`: the factsheet's flowchart as one Django form per question; `voortgang` and
  `naar_situatie` turn answers into the contract's `Situatie`.
- `teksten`: plain-Dutch labels of the contract's values.
- `referentie`: what the reference data says about an answer (the regioburgemeester).
- `adressen`: the URLs of a question and of the result page for given answers.
"""
