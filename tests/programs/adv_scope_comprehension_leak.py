# Comprehension variables do not leak; the outermost iterable is evaluated in the enclosing
# scope; for-loop variables do leak.
x = "global x"
squares = [x * x for x in range(4)]
print(squares, x)


def f():
    y = [1, 2, 3]
    out = [y for y in y]
    return out, y


print(f())


def g():
    data = [3, 4]
    result = {v: [v * w for w in data] for v in data}
    try:
        v
    except NameError as e:
        print(type(e).__name__, e)
    return result


print(g())
for loop_var in range(3):
    pass
print(loop_var)


def h():
    for i in range(2):
        pass
    return i


print(h())


def uses_cell():
    n = 5
    return [n * k for k in range(3)], uses_cell.__code__.co_cellvars


print(uses_cell())
print(sorted({c for c in "hello"}), sum(q for q in range(5)))
try:
    print(q)
except NameError as e:
    print(type(e).__name__, e)
