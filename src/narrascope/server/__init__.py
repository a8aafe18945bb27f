"""The web server: a REST API and the analyst's web interface over a corpus store.

``narrascope serve`` runs it; programs embed it with::

    bench = Workbench("corpus.db", load_config())
    app = create_app(bench)          # a FastAPI application, for uvicorn or a test client
"""

from narrascope.server._app import create_app
from narrascope.server._security import check_bind, is_loopback
from narrascope.server._workbench import Workbench

__all__ = ["Workbench", "check_bind", "create_app", "is_loopback"]
