"""The reader: one disclosure file (text conversion or PDF) -> one Document.

``read_file`` never raises: a file that cannot be opened, decoded or understood still gives
a Document whose ``problems`` say why, in plain words, so that a build of hundreds of files
reports the bad ones and publishes the rest. A file over one of the caps of ``limits.py`` is
refused whole with a problem naming the cap (and the line), never read half.
``isolation.read_isolated`` runs the same reader in a worker process with a time and memory
limit, for inputs nobody has looked at.

The entry points are in ``reader.py`` (``from generator.read.reader import read_file``); this
package file imports nothing, so a module that needs one small part of the reader (the
region table, OCR's availability) does not load all of it.
"""
