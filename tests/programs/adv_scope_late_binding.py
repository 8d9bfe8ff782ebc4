# Late binding: closures see the variable's value at call time, not at creation time.
def loop_closures():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    i = 100
    return [f() for f in fs]


print(loop_closures())
print([f() for f in [lambda: i for i in range(3)]])
print([f() for f in [lambda i=i: i for i in range(3)]])


def while_closures():
    fs = []
    n = 0
    while n < 3:
        def show():
            return n
        fs.append(show)
        n += 1
    return fs


ws = while_closures()
print([f() for f in ws], ws[0].__closure__[0] is ws[2].__closure__[0])


def default_vs_free():
    out = []
    for k in "abc":
        out.append((lambda k=k: k, lambda: k))
    return [(a(), b()) for a, b in out]


print(default_vs_free())


def nested_loops():
    fs = []
    for i in range(2):
        for j in range(2):
            fs.append(lambda: (i, j))
    return [f() for f in fs]


print(nested_loops())
adders = {n: (lambda x: x + n) for n in (1, 10, 100)}
print({k: f(1) for k, f in adders.items()})
