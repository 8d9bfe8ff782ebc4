# Closures inside comprehensions, and comprehensions that read enclosing variables.
def outer(k):
    fs = [lambda x, n=n: x * n + k for n in range(3)]
    squares = {n: n * k for n in range(4)}
    picked = [n for n in range(10) if n % k == 0]
    total = sum(n * k for n in range(5))
    return fs, squares, picked, total


fs, squares, picked, total = outer(3)
print([f(10) for f in fs])
print(squares)
print(picked)
print(total)


def late_in_comp():
    fs = [lambda: n for n in range(3)]
    return [f() for f in fs]


print(late_in_comp())


def nested_comp(m):
    return [[i * j + m for j in range(3)] for i in range(3)]


print(nested_comp(100))


def comp_over_closure():
    base = 5
    adders = [(lambda y: lambda x: x + y + base)(y) for y in range(3)]
    base = 1000
    return [a(0) for a in adders]


print(comp_over_closure())
