"""prolegis-desktop: the Prolegis ⇄ Clio Manage desktop companion.

Layers (imports point down only): ``ui`` → ``app``/``cli`` → ``sync`` → ``clio`` / ``prolegis``;
``sandbox`` is a standalone Clio-compatible server used by the demo, the tests and the benchmarks.
"""

__version__ = "0.1.0"
APP_NAME = "prolegis-desktop"
APP_AUTHOR = "Prolegis"
