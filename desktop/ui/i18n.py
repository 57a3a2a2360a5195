"""The app's language, switchable while it runs.

:func:`install_language` removes the translators it installed before, then installs Qt's own
translations (``qtbase_<lang>.qm`` from Qt's translations folder: standard buttons, context
menus, file dialogs) and the app's (``desktop/resources/translations/prolegis_<lang>.qm``, built
by ``scripts/build-translations``), and makes the language's ``QLocale`` the default (numbers,
sizes and dates follow it). English needs no ``.qm``: the source texts are English, and
:class:`~desktop.ui.dialogs.plurals.EnglishPlurals` gives their plural forms.

Installing a translator makes Qt send ``QEvent.LanguageChange`` to every window; each widget
that shows text catches it in ``changeEvent`` and calls its ``retranslate()``, and models are
retranslated by the widget that owns them (they emit ``headerDataChanged``/``dataChanged``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from desktop.ui.dialogs.plurals import install_english_plurals

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = ("en", "fr")
"""The languages the app is translated into (English is the source language)."""

_installed: list[QTranslator] = []
_language = "en"


def qm_file(language: str) -> Path:
    """Where the app's compiled translation for ``language`` lives (it may not be built)."""
    return TRANSLATIONS_DIR / f"prolegis_{language}.qm"


def locale_for(language: str) -> QLocale:
    """The locale of a setting value: ``""`` is the system's, ``"fr"`` is Canadian French."""
    if not language:
        return QLocale.system()
    if language == "fr":
        return QLocale(QLocale.Language.French, QLocale.Country.Canada)
    if language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.Canada)
    return QLocale(language)


def install_language(app: QCoreApplication, language: str = "") -> str:
    """Switch ``app`` to ``language`` (``""``: the system's); returns the language now shown
    (``"fr"`` or ``"en"``: a language without a ``.qm`` falls back to the English sources).

    Every open window is retranslated (``QEvent.LanguageChange``) once the event loop runs.
    """
    global _language
    locale = locale_for(language)
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    install_english_plurals(app)  # first, so that any real translation takes precedence
    QLocale.setDefault(locale)
    shown = "en"
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_folder), ("prolegis", str(TRANSLATIONS_DIR))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
            if name == "prolegis":
                shown = translator.language().split("_")[0] or "en"
        else:
            translator.deleteLater()
            if name == "prolegis" and locale.language() != QLocale.Language.English:
                log.info("no %s translation in %s", locale.name(), folder)
    _language = shown
    return shown


def current_language() -> str:
    """The language the app's own texts are shown in (``"en"`` or ``"fr"``)."""
    return _language


def reset() -> None:
    """Back to the English sources (removes every translator :func:`install_language` added);
    for tests that switch languages."""
    global _language
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    QLocale.setDefault(QLocale.system())
    _language = "en"


class TranslationContext:
    """Base of the classes that only name a translation context for module-level texts:
    ``class Status(TranslationContext)`` then ``Status.tr("In sync")`` or
    ``Status.tr("%n min ago", "", n)``. ``lupdate`` files such a text under the class's name,
    plural forms included (it misreads ``QCoreApplication.translate`` with a computed ``n``)."""

    @classmethod
    def tr(cls, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        """``source`` in the current language (``%n`` replaced by ``n`` when given)."""
        return QCoreApplication.translate(cls.__name__, source, disambiguation, n)


def is_language_change(event: QEvent) -> bool:
    """True for the event that asks a widget to show its texts in the new language."""
    return event.type() == QEvent.Type.LanguageChange
