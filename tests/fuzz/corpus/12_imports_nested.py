def f():
    import os.path
    import collections.abc as cabc
    from functools import reduce, partial as p
    def g():
        return os, cabc, reduce, p
    return g
