# Iteration order of sets of ints (small, negative, large, colliding hashes) after adds/removes.
print({3, 1, 2}, {10, 5, 100, 50}, {-1, -2, -3}, {8, 16, 24, 32, 40})
print({2 ** 61 - 1, 0, 1, 2 ** 61, 2 ** 62}, {2 ** 64, 1, 2 ** 32}, {-1, -2})
s = set()
for v in [33, 1, 65, 97, 2, 129]:
    s.add(v)
print(s)
s.discard(65)
s.add(7)
print(s, sorted(s))
grow = set()
for v in range(20, 0, -3):
    grow.add(v * 7)
print(grow)
print(set(range(10, 0, -1)), {x * x for x in range(-4, 5)}, frozenset([9, 1, 17, 25]))
print({1, 2, 3} | {100, 4}, {50, 40, 30} & {40, 50}, {1, 9, 17} ^ {9, 33})
d = {}
for k in [9, 1, 17, -5, 2 ** 40]:
    d[k] = str(k)
del d[1]
d[1] = "re-added"
print(d, list(d.keys()))
print(set([True, 2, 1.0, 0, False]), {0.5, 1.5, 2.0})
print(list({5: 0, 3: 0, 5.0: 1}.items()), {n % 7 for n in range(100, 0, -9)})
