"""Why a corpus file cannot be read."""
from __future__ import annotations


class Unreadable(Exception):
    """A file that cannot become a document; the message is the reason, without the file name."""
