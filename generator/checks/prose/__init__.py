"""The narrative for the rules: paragraphs of plain text (``paragraphs``), the figures the
reader stated (``stated``), year-on-year changes (``changes``) and which indicator a term
names (``terms``)."""
