"""``python -m generator serve``: build, serve the output and rebuild on change (livereload).

Watches content/, templates/, static/ and site.toml — never the output folder, which would
rebuild forever. The Builder keeps its caches, so an edit re-reads one disclosure and
rewrites only the pages built from it; then the open browser tab is told to reload.

livereload's own loop looks for changes every 0.8 s and ignores a change that comes within
about 3 s of the last reload (the tab would then show a stale page); so the watcher here
looks every 0.1 s and the rebuild itself sends the reload, only when a file was written.
"""

from __future__ import annotations

import sys
import time

from generator.build import Builder, BuildResult
from generator.build_command import summary
from generator.config import ConfigError, SiteConfig, load_config
from generator.render import STATIC, TEMPLATES


def _local(cfg: SiteConfig, host: str, port: int) -> SiteConfig:
    """Served locally at the root, whatever base path the published site uses."""
    cfg.base_path = "/"
    cfg.base_url = f"http://{host}:{port}"
    return cfg


def watched_paths(cfg: SiteConfig, config_path: str) -> list[str]:
    return [str(cfg.content_path), str(TEMPLATES), str(STATIC), str(config_path)]


POLL_MS = 100


def make_watcher():
    from livereload.watcher import get_watcher_class
    from tornado import ioloop

    class Watcher(get_watcher_class()):
        def start(self, callback) -> bool:
            ioloop.PeriodicCallback(callback, POLL_MS).start()
            return True

        def examine(self):
            if self._changes:  # livereload's own restart signal
                return super().examine()
            super().examine()  # runs the rebuild of every changed path
            return None, None  # the rebuild has sent the reload already (or had none to send)

    return Watcher()


def reload_browsers() -> None:
    from livereload.handlers import LiveReloadHandler

    LiveReloadHandler.reload_waiters()


def make_rebuild(builder: Builder, config_path: str, host: str, port: int, on_change=lambda: None):
    def rebuild() -> BuildResult | None:
        started = time.perf_counter()
        try:
            builder.config = _local(load_config(config_path), host, port)
        except ConfigError as exc:
            print(f"error: {exc} (still serving the last good build)", file=sys.stderr)
            return None
        result = builder.build()
        print(
            f"rebuilt in {time.perf_counter() - started:.2f}s — {summary(result)}", file=sys.stderr
        )
        if result.written or result.removed:
            on_change()
        return result

    return rebuild


def run_serve(config_path: str, host: str = "127.0.0.1", port: int = 8000) -> int:
    from livereload import Server

    try:
        cfg = _local(load_config(config_path), host, port)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    builder = Builder(cfg, quiet=False)
    print(summary(builder.build()), file=sys.stderr)
    rebuild = make_rebuild(builder, config_path, host, port, on_change=reload_browsers)
    server = Server(watcher=make_watcher())
    for path in watched_paths(cfg, config_path):
        server.watch(path, rebuild)
    print(f"serving {cfg.output_path} at http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    server.serve(
        host=host, port=port, root=str(cfg.output_path), open_url_delay=None, restart_delay=0
    )
    return 0
