"""The ``identities.*`` rules: sums a table must satisfy (``tables``) and totals that must agree
across the summary tables (``totals``).
"""
