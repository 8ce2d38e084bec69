"""Command line: ``python -m generator parse|audit|build|serve|clean``.

Each command lives in the module of the stage it drives; this file only parses arguments,
so ``--help`` stays fast and lists every command in one place.
"""

from __future__ import annotations

import argparse
import sys


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m generator",
        description="Build a static transparency site from Chinese budget disclosures.",
    )
    sub = p.add_subparsers(dest="command", required=True)

    parse = sub.add_parser("parse", help="read disclosures and print what was found")
    parse.add_argument("files", nargs="+", help="text conversions (.txt) or published PDFs")
    parse.add_argument("--json", action="store_true", help="one JSON object per file")
    parse.add_argument(
        "--config", default=None, help="site.toml whose [limits] apply (default: ./site.toml)"
    )

    audit = sub.add_parser(
        "audit", help="read a whole collection and report what was found and what adds up"
    )
    audit.add_argument("paths", nargs="+", help="files or folders (read recursively)")
    audit.add_argument("--json", action="store_true", help="the rows and summary as JSON")
    audit.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: one per core)"
    )
    _dask_options(audit)

    build = sub.add_parser("build", help="build the site into the output folder")
    build.add_argument("--config", default="site.toml", help="path to site.toml")
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    build.add_argument(
        "--timings", action="store_true", help="print wall, CPU and peak memory per stage"
    )
    build.add_argument(
        "--workers",
        type=int,
        default=None,
        help="processes that read and render (default: every core; 1: none besides this one)",
    )
    build.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when any input could not be read (default: build, report, exit 0)",
    )
    build.add_argument(
        "--content",
        default=None,
        metavar="PATH",
        help="read the disclosures from this folder, in any layout (default: content_dir)",
    )
    _dask_options(build)

    serve = sub.add_parser("serve", help="build, serve and rebuild on change (livereload)")
    serve.add_argument("--config", default="site.toml")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)

    clean = sub.add_parser("clean", help="remove the output folder and build caches")
    clean.add_argument("--config", default="site.toml")

    shards = sub.add_parser(
        "publish-shards",
        help="push each shard of a sharded site to its own repository ([publish] shard_remote)",
    )
    shards.add_argument("--config", default="site.toml")
    shards.add_argument(
        "--index-to",
        default=None,
        metavar="DIR",
        help="copy the national index (the output without its shards) into DIR, the "
        "folder to upload as the project's own site",
    )
    return p


def _dask_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--dask",
        default=None,
        metavar="ADDRESS",
        help="read on the workers of this dask.distributed scheduler (tcp://host:8786)",
    )
    command.add_argument(
        "--dask-shared",
        action="store_true",
        help="with --dask: the workers see the files at the same paths (a shared file "
        "system), so their bytes are not sent to them",
    )


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "parse":
        from generator.read.command import run_parse

        return run_parse(args.files, as_json=args.json, config=args.config)
    if args.command == "audit":
        from generator.read.audit_command import run_audit

        return run_audit(
            args.paths,
            as_json=args.json,
            workers=args.workers,
            dask=args.dask,
            dask_shared=args.dask_shared,
        )
    if args.command == "build":
        from generator.build_command import run_build

        return run_build(
            args.config,
            quiet=args.quiet,
            content=args.content,
            strict=args.strict,
            timings=args.timings,
            workers=args.workers,
            dask=args.dask,
            dask_shared=args.dask_shared,
        )
    if args.command == "serve":
        from generator.serve import run_serve

        return run_serve(args.config, host=args.host, port=args.port)
    if args.command == "clean":
        from generator.clean import run_clean

        return run_clean(args.config)
    if args.command == "publish-shards":
        from generator.shard_publish import run_publish_shards

        return run_publish_shards(args.config, args.index_to)
    return 2


if __name__ == "__main__":
    sys.exit(main())
