"""The site stage: documents placed in department-years (``model``), the pages they make
(one provider per kind of page, listed in build order in ``providers``), the registry of
output files (``registry``) and what each page was built from (``deps``).

Nothing here writes a file; ``generator.render`` turns the registry into bytes.
"""
