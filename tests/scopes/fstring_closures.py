def f(name, width):
    fmt = '>'
    def g(v):
        return f'{name!r:{fmt}{width}} {v:{width}.{2}f} {[c for c in name]}'
    return g
