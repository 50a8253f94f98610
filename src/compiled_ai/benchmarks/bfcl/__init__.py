"""BFCL simple-Python: the paper's function-calling experiment, scored by BFCL's own checker.

``data`` loads the 400 items from the installed ``bfcl-eval`` package, ``checker``
wraps its AST checker, ``baseline`` asks the model directly, ``workflow`` turns an item
into a one-step spec, ``requests`` generates the example requests the blind protocol
compiles from and ``blind_demonstration`` is its worked example, ``labels`` asks the
paper protocol's label, ``protocols`` runs one item under a protocol, ``records`` keeps
the resumable per-item file, ``staleness`` finds the finished items a code change would
compile differently, ``runner`` runs a protocol and ``summary`` scores it.
"""
