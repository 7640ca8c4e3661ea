"""The command line: options, commands and where their output goes."""
from .commands import main

__all__ = ["main"]
