"""Every internal URL of the site, in one place, so the site works under any base path.

Templates never build a path by hand: they call ``url()`` (or a named helper below), which
prefixes ``base_path``; moving the site from ``/`` to ``/budget-site/`` changes one setting.
"""

from __future__ import annotations

from urllib.parse import quote


class Links:
    def __init__(self, base_path: str, base_url: str = ""):
        self.base_path = base_path if base_path.endswith("/") else base_path + "/"
        self.base_url = base_url.rstrip("/")

    def url(self, path: str = "") -> str:
        """Site-absolute URL of an output path ("" = home, "d/x/2024/", "static/site.css")."""
        return self.base_path + quote(path.lstrip("/"), safe="/#.-_~=&?")

    def absolute(self, path: str = "") -> str:
        return self.base_url + self.url(path)

    # Named paths (output-relative, no base): the registry stores these.
    @staticmethod
    def department(dept_id: str) -> str:
        return f"d/{dept_id}/"

    @staticmethod
    def department_year(dept_id: str, year: int) -> str:
        return f"d/{dept_id}/{year}/"

    @staticmethod
    def source(dept_id: str, year: int, slug: str) -> str:
        return f"d/{dept_id}/{year}/{slug}/"

    @staticmethod
    def indicator(indicator_id: str) -> str:
        return f"indicators/{indicator_id}/"

    @staticmethod
    def region(code: str) -> str:
        return f"regions/{code}/"

    @staticmethod
    def year(year: int) -> str:
        return f"years/{year}/"

    @staticmethod
    def glossary_term(term_id: str) -> str:
        return f"glossary/#{term_id}"


def output_file(path: str) -> str:
    """The file an output path is written to: directories get index.html."""
    return path + "index.html" if path == "" or path.endswith("/") else path
