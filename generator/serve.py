"""``python -m generator serve``: build, serve the output and rebuild on change (livereload).

Watches content/, templates/, static/ and site.toml — never the output folder, which would
rebuild forever. The Builder keeps its caches, so an edit re-reads one disclosure and
rewrites only the pages built from it; livereload then reloads the open browser tab.
"""

from __future__ import annotations

import sys
import time

from generator.build import Builder, BuildResult, summary
from generator.config import ConfigError, SiteConfig, load_config
from generator.render import STATIC, TEMPLATES


def _local(cfg: SiteConfig, host: str, port: int) -> SiteConfig:
    """Served locally at the root, whatever base path the published site uses."""
    cfg.base_path = "/"
    cfg.base_url = f"http://{host}:{port}"
    return cfg


def watched_paths(cfg: SiteConfig, config_path: str) -> list[str]:
    return [str(cfg.content_path), str(TEMPLATES), str(STATIC), str(config_path)]


def make_rebuild(builder: Builder, config_path: str, host: str, port: int):
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
    rebuild = make_rebuild(builder, config_path, host, port)
    server = Server()
    for path in watched_paths(cfg, config_path):
        server.watch(path, rebuild, delay=0.1)
    print(f"serving {cfg.output_path} at http://{host}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    server.serve(
        host=host, port=port, root=str(cfg.output_path), open_url_delay=None, restart_delay=0
    )
    return 0
