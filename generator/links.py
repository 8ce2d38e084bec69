"""Every internal URL of the site, in one place, so the site works under any base path.

Code and templates never spell a path by hand: code names it here (``Links.REGIONS``,
``Links.department_year(...)``) and templates call ``url_for("regions")`` or
``url_for("department_year", dept_id, year)``, which prefix ``base_path``; moving the site
from ``/`` to ``/budget-site/`` changes one setting.
"""

from __future__ import annotations

from urllib.parse import quote


class Links:
    # Named pages (output-relative, no base): the registry stores these.
    HOME = ""
    REGIONS = "regions/"
    YEARS = "years/"
    DEPARTMENTS = "departments/"
    INDICATORS = "indicators/"
    GLOSSARY = "glossary/"
    QUALITY = "quality/"
    METHODOLOGY = "methodology/"
    ABOUT = "about/"
    REPORT = "report/"
    REPORT_JSON = "report.json"
    NOT_FOUND = "404.html"
    RANKINGS = "rankings/"
    COMPARE = "compare/"
    SEARCH = "search/"
    PAGEFIND = "pagefind/"
    DATA = "data/"
    # a department-year's full reading result (compact_json), gzip-compressed: the largest
    # file of a department-year, and a seventh of its size compressed; the page's original
    # tables are drawn from it when a reader opens them (static/site.js)
    DEPARTMENT_YEAR_DATA = "data.json.gz"
    # the compare page's index (metric names, provinces and their regions); the lists to pick
    # from and the numbers are in COMPARE_DIR, one file per region and per department, which
    # static/compare.js names the same way as compare_region / compare_department below
    COMPARE_JSON = "data/compare.json"
    COMPARE_DIR = "data/compare/"
    INDICATORS_CSV = "data/indicators.csv"
    FINDINGS_CSV = "data/findings.csv"
    DISCLOSURES_JSON = "data/disclosures.json"
    DATAPACKAGE_JSON = "data/datapackage.json"
    FEED = "feed.xml"
    ROBOTS = "robots.txt"
    SITEMAP = "sitemap.xml"
    STATIC = "static/"

    def __init__(self, base_path: str, base_url: str = ""):
        self.base_path = base_path if base_path.endswith("/") else base_path + "/"
        self.base_url = base_url.rstrip("/")

    def url(self, path: str = "") -> str:
        """Site-absolute URL of an output path ("" = home, "d/x/2024/", "static/site.css")."""
        return self.base_path + quote(path.lstrip("/"), safe="/#.-_~=&?")

    def absolute(self, path: str = "") -> str:
        return self.base_url + self.url(path)

    def url_for(self, name: str, *args: object) -> str:
        """The URL of a named page: ``url_for("regions")``, ``url_for("year", 2024)``,
        ``url_for("static", "site.css")``; an unknown name is an error, never a guess."""
        return self.url(path_for(name, *args))

    @staticmethod
    def department(dept_id: str) -> str:
        return f"d/{dept_id}/"

    @staticmethod
    def department_year(dept_id: str, year: int | None) -> str:
        return f"d/{dept_id}/{year}/"

    @staticmethod
    def department_year_file(dept_id: str, year: int, name: str) -> str:
        """A download of one department-year ("data.csv", "data.json")."""
        return Links.department_year(dept_id, year) + name

    @staticmethod
    def source(dept_id: str, year: int, slug: str) -> str:
        return f"d/{dept_id}/{year}/{slug}/"

    @staticmethod
    def figure(source_path: str, line: int) -> str:
        """The printed page behind the figures of one line of a PDF's text."""
        return f"{source_path}L{line}/"

    @staticmethod
    def page_image(source_path: str, page: int) -> str:
        return f"{source_path}page-{page}.png"

    @staticmethod
    def indicator(indicator_id: str) -> str:
        return f"indicators/{indicator_id}/"

    @staticmethod
    def region(code: str) -> str:
        return f"regions/{code}/"

    @staticmethod
    def compare_region(code: str) -> str:
        return f"{Links.COMPARE_DIR}r/{code}.json"

    @staticmethod
    def compare_department(department_id: str) -> str:
        return f"{Links.COMPARE_DIR}d/{department_id}.json"

    @staticmethod
    def year(year: int) -> str:
        return f"years/{year}/"

    @staticmethod
    def glossary_term(term_id: str) -> str:
        return f"glossary/#{term_id}"

    @staticmethod
    def markdown_page(slug: str) -> str:
        return f"{slug}/"

    @staticmethod
    def ranking(metric: str, year: int | None, kind: str | None) -> str:
        return f"rankings/{metric}/{year}-{kind}/"

    @staticmethod
    def sitemap_chunk(n: int) -> str:
        return f"sitemaps/sitemap-{n}.xml"

    @staticmethod
    def static(name: str) -> str:
        return Links.STATIC + name


def path_for(name: str, *args: object) -> str:
    """The output path of a named page: a constant (``"regions"`` -> ``Links.REGIONS``) or a
    helper called with ``args`` (``"year", 2024`` -> ``Links.year(2024)``)."""
    if name.isidentifier() and not name.startswith("_"):
        constant = getattr(Links, name.upper(), None)
        if isinstance(constant, str) and not args:
            return constant
        helper = getattr(Links, name, None)
        if callable(helper) and name not in ("url", "absolute", "url_for"):
            return helper(*args)
    raise KeyError(f"no page named {name!r} in generator/links.py")


def output_file(path: str) -> str:
    """The file an output path is written to: directories get index.html."""
    return path + "index.html" if path == "" or path.endswith("/") else path
