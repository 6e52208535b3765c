"""Locale formats that override Django's defaults (FORMAT_MODULE_PATH): dd/mm/yyyy in
Vietnamese, "5 Nov 2023" in English, as the office's documents write dates."""
