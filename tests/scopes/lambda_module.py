add = lambda a, b=2: a + b
ident = lambda *args, **kw: (args, kw)
