# Each call of the enclosing function creates new cells, even from the same loop body.
def make_pair(n):
    def get():
        return n
    def setter(v):
        nonlocal n
        n = v
    return get, setter


pairs = [make_pair(i) for i in range(3)]
pairs[1][1]("changed")
print([g() for g, s in pairs])
cells = [g.__closure__[0] for g, s in pairs]
print(cells[0] is cells[1], cells[1] is cells[2])
print(all(g.__closure__[0] is s.__closure__[0] for g, s in pairs))


def in_loop():
    out = []
    for i in range(3):
        def f(i=i):
            return i * 10
        out.append(f)
    while len(out) < 5:
        k = len(out)
        out.append(lambda: k)
    return [f() for f in out]


print(in_loop())
