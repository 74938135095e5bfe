"""This folder is a separate little project that tests/test_downstream.py copies and runs.

Our own suite must not collect its tests: they need the project's own
working directory and are run there, against the installed quoteattr.
"""

collect_ignore_glob = ["*.py"]
