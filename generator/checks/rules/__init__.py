"""Every rule of the checks, one module per family: rule ``identities.carryover`` is in
``identities/``, ``text.placeholder`` in ``text.py``. Each rule is a function with its
``@rule(...)`` documentation (``generator.checks.registry``); this list is every module
that holds rules, so a rule exists exactly when its module is listed here.
"""

from __future__ import annotations

from generator.checks.rules import completeness, cross_document, cross_table, text
from generator.checks.rules.identities import tables as identities_tables
from generator.checks.rules.identities import totals as identities_totals
from generator.checks.rules.narrative import amounts as narrative_amounts
from generator.checks.rules.narrative import changes as narrative_changes
from generator.checks.rules.narrative import shares as narrative_shares

RULE_MODULES = (
    completeness,
    cross_document,
    cross_table,
    identities_tables,
    identities_totals,
    narrative_amounts,
    narrative_changes,
    narrative_shares,
    text,
)
