"""The ``narrative.*`` rules: figures of the narrative against the tables (``amounts``), stated
changes (``changes``) and shares (``shares``).
"""
