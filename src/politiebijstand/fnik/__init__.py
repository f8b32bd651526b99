"""FNIK: the yearly budget for military assistance, estimates and actual costs (issue #11 item 3).

Financiële Normen Inzet Krijgsmacht / convenant Financiering nationale inzet krijgsmacht of 10
June 2010 (factsheet, toelichting 10 and 11). A shared service below `verzoeken`: it never
imports `verzoeken` (string foreign keys); `verzoeken` records the estimate at a grant. ADR 0041.
"""
