"""English plural forms for the ``%n … (s)`` source texts, without a compiled ``.qm``.

Qt's numerus texts (``tr("%n document(s)", "", n)``) need a translation even in English to say
"1 document" and "3 documents". :class:`EnglishPlurals` is that translation, computed: "(s)" and
"(es)" are dropped for one and become "s"/"es" otherwise; every other text is left to the next
translator (or the source). Install it once: ``install_english_plurals(app)``; a real French
translator installed after it takes precedence (Qt asks the most recently installed first).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator


class EnglishPlurals(QTranslator):
    """Plural forms for English numerus source texts (see the module docstring)."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        if n < 0 or "(" not in source:
            return None  # a null string: "no translation here"
        one = n == 1
        return source.replace("(es)", "" if one else "es").replace("(s)", "" if one else "s")

    def isEmpty(self) -> bool:
        return False


_installed: EnglishPlurals | None = None


def install_english_plurals(app: QCoreApplication) -> EnglishPlurals:
    """Install :class:`EnglishPlurals` on ``app`` (once)."""
    global _installed
    if _installed is None:
        _installed = EnglishPlurals(app)
        QCoreApplication.installTranslator(_installed)
    return _installed
