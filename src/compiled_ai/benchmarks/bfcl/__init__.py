"""BFCL simple-Python: the paper's function-calling experiment, scored by BFCL's own checker.

``data`` loads the 400 items from the installed ``bfcl-eval`` package, ``checker``
wraps its AST checker, ``workflow`` turns an item into a one-step spec, ``requests``
generates the example requests the blind protocol compiles from, ``baseline`` asks the
model directly, ``runner`` runs a protocol resumably and ``summary`` scores it.
"""
