# Tuples: construction, repr, operations.
t = (1, 2, 3)
print(t, (), (1,), 1, tuple([4, 5]), tuple("ab"))
print(t + (4,), t * 2, t[1], t[-1], t[1:], len(t), 2 in t)
print(t.index(3), (1, 1, 2).count(1), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 2) == (1, 2))
nested = ((1, 2), [3, 4], "s", None, (5,))
print(nested)
nested[1].append(5)
print(nested[1], nested)
a, b = 1, 2
print(a, b)
pair = 3, 4
print(pair, type(pair).__name__)
x = (1, 2) + tuple(range(3, 6))
print(x, sorted((3, 1, 2)), max((1, "b"), (1, "a")), hash((1, 2)) == hash((1, 2)))
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
print(tuple(i * i for i in range(4)), (lambda *a: a)(1, 2))
