# Comprehensions have their own scope: loop variables do not leak, but enclosing names are visible.
x = "global x"
squares = [x * x for x in range(5)]
print(squares, x)
pairs = [(i, j) for i in range(3) for j in range(i)]
print(pairs)
print({k: v for k, v in zip("abc", range(3))})
print({n % 3 for n in range(10)})
print(sum(n for n in range(101)))


def f():
    y = 10
    data = [y + n for n in range(3)]
    nested = [[y * a + b for b in range(2)] for a in range(2)]
    return data, nested


print(f())


def leak_check():
    i = "before"
    [i for i in range(3)]
    return i


print(leak_check())
first = [n for n in range(3)]
try:
    print(n)
except NameError as e:
    print(type(e).__name__, e)
print([[k for k in range(m)] for m in range(4)])
