"""The ``[publish]`` table of site.toml: how big one published site may be, and how to split
a collection that does not fit.

GitHub Pages publishes at most 1 GB per site. The build measures its output against
``max_site_bytes`` and warns when it is over; ``shard_by = "province"`` builds one complete
site per province (generator/shard.py) plus a national index linking them, and
``shard_by = "city"`` one per prefecture-level city, for provinces too big for one site.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SHARD_BY = ("", "province", "city")


@dataclass(frozen=True)
class PublishConfig:
    max_site_bytes: int = field(
        default=1_000_000_000,
        metadata={
            "doc": "Largest site one host publishes, in bytes (GitHub Pages: 1 GB). A build "
            "whose output (or one shard of it) is larger says so with the measured size."
        },
    )
    shard_by: str = field(
        default="",
        metadata={
            "doc": "'' (one site), 'province': one complete site per province (the first "
            "two digits of the region code; documents without one form the 'unknown' shard) "
            "in <output_dir>/<shard>/, served under <base_path><shard>/, and a national "
            "index at <output_dir>/index.html linking them; or 'city': the same, one site per "
            "prefecture-level city (130600 for 保定市; a province's own departments form the "
            "province's shard, 130000), for a province too big for one site."
        },
    )
    shard_remote: str = field(
        default="",
        metadata={
            "doc": "Where `publish-shards` pushes each shard, as a git remote with {shard} "
            "for the shard's folder name, e.g. 'https://github.com/OWNER/{shard}.git': each "
            "shard becomes the gh-pages branch of its own repository (one Pages site each). "
            "A token in SHARD_PUSH_TOKEN is sent with an https push."
        },
    )


def parse_publish(raw: Any, where, ConfigError: type[Exception]) -> PublishConfig:
    """``where(key)`` names a key and its line; a bad value raises ``ConfigError``."""
    if not isinstance(raw, dict):
        raise ConfigError(f"site.toml: {where('publish')} must be a table [publish]")
    kwargs: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "max_site_bytes":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(
                    f"site.toml: {where('publish.' + key)} must be a whole number of bytes "
                    f"above 0, got {value!r}"
                )
        elif key == "shard_by":
            if value not in SHARD_BY:
                raise ConfigError(
                    f"site.toml: {where('publish.' + key)} must be '', 'province' or 'city', "
                    f"got {value!r}"
                )
        elif key == "shard_remote":
            if not isinstance(value, str) or "{shard}" not in value:
                raise ConfigError(
                    f"site.toml: {where('publish.' + key)} must be a git remote naming the "
                    f"shard as {{shard}}, e.g. 'https://github.com/OWNER/{{shard}}.git', "
                    f"got {value!r}"
                )
            if value.startswith("-") or any(c.isspace() for c in value):
                raise ConfigError(
                    f"site.toml: {where('publish.' + key)} may not start with '-' or hold "
                    f"spaces, got {value!r}"
                )
        else:
            raise ConfigError(f"site.toml: unknown key {where('publish.' + key)} in [publish]")
        kwargs[key] = value
    return PublishConfig(**kwargs)
