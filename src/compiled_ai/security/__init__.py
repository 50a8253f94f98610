"""Security policy and detectors shared by the compile-time gates and the runtime sandbox."""
