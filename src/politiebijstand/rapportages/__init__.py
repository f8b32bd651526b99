"""Reports (rapportages): figures per year with SVG charts, CSV and XLSX export (#11 item 4)."""
