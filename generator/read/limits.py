"""The reader's side of the ``[limits]`` of site.toml: a file over a cap is refused whole.

A site is built from files nobody on the team has seen; one of them may be a 200 MB dump, a
single 10 MB line, a row of 60,000 cells or a PDF whose 30 KB inflate to gigabytes. Each cap
turns such a file into a Problem naming it (and its line or page) instead of a build that runs
out of memory or never ends. A file over a cap is refused whole, never read half: a page built
from the first half of a disclosure would look complete and be wrong. The caps and their
defaults are ``config.ReadLimits``; the time and memory limits are applied by ``isolation``.
"""

from __future__ import annotations

from generator.config_limits import MB, ReadLimits
from generator.model import Line, Problem

DEFAULT_LIMITS = ReadLimits()

__all__ = ["DEFAULT_LIMITS", "MB", "ReadLimits", "line_problems"]


def line_problems(source: str, lines: list[Line], limits: ReadLimits) -> list[Problem]:
    """An error naming the first line over the line-length or row-width cap (and how many
    more there are); empty when every line is within the caps."""
    long_lines = [ln for ln in lines if len(ln.text) > limits.max_line_chars]
    wide_rows = [ln for ln in lines if ln.text.count("\t") >= limits.max_cells_per_row]
    out: list[Problem] = []
    if long_lines:
        first = long_lines[0]
        more = f" ({len(long_lines) - 1} more such lines)" if len(long_lines) > 1 else ""
        out.append(
            Problem(
                "error",
                f"line {first.number} has {len(first.text):,} characters, more than the "
                f"{limits.max_line_chars:,} one line may have (site.toml [limits] "
                f"max_line_chars){more}; the file was not read",
                source,
                line=first.number,
                page=first.page,
                message_zh=f"第 {first.number} 行有 {len(first.text):,} 个字符，超过单行上限 "
                f"{limits.max_line_chars:,}（site.toml [limits] max_line_chars），文件未读取",
            )
        )
    if wide_rows:
        first = wide_rows[0]
        cells = first.text.count("\t") + 1
        more = f" ({len(wide_rows) - 1} more such rows)" if len(wide_rows) > 1 else ""
        out.append(
            Problem(
                "error",
                f"line {first.number} is a table row of {cells:,} cells, more than the "
                f"{limits.max_cells_per_row:,} one row may have (site.toml [limits] "
                f"max_cells_per_row){more}; the file was not read",
                source,
                line=first.number,
                page=first.page,
                message_zh=f"第 {first.number} 行是有 {cells:,} 个单元格的表格行，超过每行上限 "
                f"{limits.max_cells_per_row:,}（site.toml [limits] max_cells_per_row），文件未读取",
            )
        )
    return out
