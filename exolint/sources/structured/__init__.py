"""Copy inside structured files: JSON, YAML, CSV, gettext .po and WordPress WXR exports.

Each reader lists every string of its file as a :class:`~.strings.CopyString` (decoded text in
pieces, each piece placed in the source), decides with key paths (``keypaths``) which strings
are copy, and assembles a Document from those (``assemble``). ``exolint copy-keys`` shows the
same decisions (``listing``).
"""
