# sets (of ints) and frozensets: operators vs methods, errors; tuples: ops, repr, comparisons.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b, a.union([9], (8,)), a.intersection(range(3)))
print(a <= b, {3} <= b, {3} < {3}, a >= {1}, a.isdisjoint({7}), a.issuperset([1, 2]))
c = set(a)
c.add(10)
c.discard(99)
c.remove(1)
c |= {20}
c -= {2}
c ^= {3, 30}
c &= set(range(100))
print(sorted(c), len(c), 4 in c, 1 not in c)
try:
    c.remove(12345)
except KeyError as e:
    print(type(e).__name__, e)
try:
    a | [1]
except TypeError as e:
    print(type(e).__name__, e)
f = frozenset([3, 1, 2])
print(f, frozenset(), set(), f | {9}, type(f | {9}).__name__, type({9} | f).__name__)
print(f == {1, 2, 3}, hash(f) == hash(frozenset({1, 2, 3})), {f: "as key"}[frozenset([1, 2, 3])])
print({x % 4 for x in range(10)}, {-1, -2, 0}, set(range(5, 0, -1)), {True, 1, 1.0})
t = (1, 2) + (3,) * 2
print(t, t.count(3), t.index(3), (1,), (), tuple("ab"), ((1, 2),), (1, (2, (3,))))
print((1, 2) < (1, 2, 0), (2,) > (1, 99), (1, "a") < (1, "b"), () < (0,), (1, 2) == (1.0, 2.0))
print(hash((1, 2)) == hash((1.0, 2.0)), hash(()) == hash(()), len(((),)), (1, 2)[::-1])
try:
    (1, 2) < (1, "x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
print(sorted({5: 0, 3: 0}), max((1, "b"), (1, "a")), tuple(sorted({4, 2, 9})), 2 * (0,))
