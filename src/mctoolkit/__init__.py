"""Worksheets as data: load, check and render the e-toolkit's worksheets.

Nothing in this package imports MkDocs: the site generator only adapts it (see `hooks/`).
"""

from mctoolkit.problems import Problem, ProblemError

__all__ = ["Problem", "ProblemError"]
