"""The PySide6 GUI: main window, wizards, dialogs, tray, and the QThread hosting the engine."""
