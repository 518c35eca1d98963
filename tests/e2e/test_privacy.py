"""The privacy promise of issue 11: opening, showing and exporting articles never touches the network.

A counting HTTP server on 127.0.0.1 is referenced every way a saved article can hold a reference
(`privacy_files.py`: img, srcset, picture, CSS @import/url(), iframe, object/embed, video/audio,
script, meta refresh, base href, SVG image, XXE/DTD/XInclude in a feed, enclosures, media:content,
Markdown images, e-mail and MHTML parts, a JSON image). The real window scans them, shows each one
in the reading pane and exports all of them in every format through the window's own export code;
`news-reader export` runs as a process too. The server must see no connection at all.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.core.export.batch import FORMATS
from reader.paths import resolve_paths
from reader.settings import Settings
from tests.e2e.privacy_files import write_referencing_files


class CountingServer(ThreadingHTTPServer):
    """Counts every connection (a request that never completes counts too) and every path asked for."""

    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.connections = 0
        self.paths: list[str] = []
        self.lock = threading.Lock()

    def verify_request(self, request, client_address) -> bool:  # type: ignore[no-untyped-def]
        with self.lock:
            self.connections += 1
        return True

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _Handler(BaseHTTPRequestHandler):
    timeout = 5  # a client that connects and says nothing cannot hold a thread for long

    def _answer(self) -> None:
        server = self.server
        assert isinstance(server, CountingServer)
        with server.lock:
            server.paths.append(self.path)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_HEAD = do_PUT = do_OPTIONS = _answer  # noqa: N815

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def counting_server() -> Iterator[CountingServer]:
    server = CountingServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        # The counter itself must work, or a 0 would prove nothing: one real request, then reset.
        with urllib.request.urlopen(f"{server.base}/self-check", timeout=10) as answer:
            assert answer.status == 200
        with server.lock:
            assert (server.connections, server.paths) == (1, ["/self-check"])
            server.connections, server.paths = 0, []
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_opening_showing_and_exporting_hostile_articles_makes_no_request(
    qtbot, tmp_path: Path, counting_server: CountingServer
) -> None:
    from reader.core.store.user_data import UserStore
    from reader.ui.annotation_feature import AnnotationFeature
    from reader.ui.dialogs.export_dialog import ExportChoice
    from reader.ui.main_window import MainWindow

    folder = tmp_path / "articles"
    folder.mkdir()
    references = write_referencing_files(folder, counting_server.base)
    assert references >= 50
    paths = resolve_paths(tmp_path / "data").ensure()
    with UserStore(paths.user_db) as store:
        store.add_folder(str(folder))
    w = MainWindow(paths, Settings(paths.settings_file), samples=False)
    qtbot.addWidget(w)
    w.resize(1200, 760)
    w.show()
    qtbot.waitExposed(w)
    w.rescan(wait=True)
    ids = w.listed_ids()
    titles = {w.library.rows([i])[i].title for i in ids}
    assert len(ids) == 7 and {"Hostile page", "Feed item", "Hostile archive", "Hostile note", "Hostile JSON",
                              "SVG page"} <= titles, titles  # fmt: skip
    for article_id in ids:
        w.show_article(article_id)
        qtbot.wait(50)  # let the pane lay out (and try to load) whatever it shows
        assert w.current_id == article_id
    feature = next(f for f in w.features if isinstance(f, AnnotationFeature))
    exported: list[Path] = []
    for fmt in FORMATS:
        for combined in (False, True):
            out = tmp_path / "exports" / f"{fmt}-{'combined' if combined else 'each'}"
            out.mkdir(parents=True)
            choice = ExportChoice(scope="filter", fmt=fmt, combined=combined, folder=str(out),
                                  include_entities=True)  # fmt: skip
            written = feature.export(choice)
            assert written, (fmt, combined)
            exported.extend(written)
    assert len(exported) == len(FORMATS) * (len(ids) + 1)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for fmt in FORMATS:
        cli_out = tmp_path / "cli" / fmt
        proc = subprocess.run([sys.executable, "-m", "reader", "export", "--data-dir", str(tmp_path / "cli-data"),
                               "-f", fmt, "-o", str(cli_out), "--entities", *map(str, sorted(folder.iterdir()))],
                              capture_output=True, text=True, env=env, timeout=300, check=False)  # fmt: skip
        assert proc.returncode == 0, proc.stderr
    assert counting_server.connections == 0, counting_server.paths
    assert counting_server.paths == []
