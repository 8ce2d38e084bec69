"""The search stage, after the site is written: Pagefind indexes the pages on disk.

It comes after ``write`` because Pagefind reads the finished HTML, not the page registry;
the search page itself is an ordinary page (``generator.site.pages.search``).
"""
