"""Reading figures out of published tables for the rules: a layout-independent view
(``view``), the roles of columns and rows, sums with their rounding, and the figures the
rules compare (``figures``)."""
