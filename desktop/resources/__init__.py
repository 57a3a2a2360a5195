"""Icons, style sheets, translations and demo data shipped with the app."""
