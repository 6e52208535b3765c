"""The web app's views: generic record pages (records.py, imports.py) and the others (pages.py)."""
