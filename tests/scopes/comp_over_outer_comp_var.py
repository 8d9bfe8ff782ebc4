def f(m, extra):
    return [[y + extra for y in row] for row in m if row]
