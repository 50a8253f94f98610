"""DocILE (document information localisation and extraction) benchmark.

Official metrics come from the ``docile-benchmark`` package (optional extra
``docile``); this package adds a loader for DocILE's on-disk layout, an offline
synthetic corpus in that same layout, layout clustering, a per-cluster compiled
extractor and the baselines it is compared with.
"""
