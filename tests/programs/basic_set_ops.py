# Set operations on integers (printed both directly and sorted).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9]), a.intersection(b, {4}), a.difference({1}), a.symmetric_difference(b))
print({1, 2} <= a, {1, 2} < a, a >= b, a.isdisjoint({7, 8}), a.issubset(range(10)))
s = set()
print(s, len(s), type(s).__name__)
s.add(5)
s.add(5)
s.add(1)
s.update([3, 2])
s.discard(99)
s.discard(1)
print(s, sorted(s), 2 in s, 1 in s)
s.remove(2)
print(s, s.pop() in {3, 5})
print(set([3, 1, 3, 2, 1]), set(range(5)), {x % 4 for x in range(20)})
f = frozenset([1, 2, 2])
print(f, f | {3}, type(f | {3}).__name__, hash(f) == hash(frozenset([2, 1])))
print(sorted({10, -1, 5}), len({1, 1.0, True}), {(1, 2), (1, 2)})
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
try:
    {1}.remove(2)
except KeyError as e:
    print(type(e).__name__, e)
