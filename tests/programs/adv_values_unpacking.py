# Unpacking: starred targets anywhere, nested targets, and the ValueError/TypeError texts.
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
head, *rest = (1,)
print(init, tail, head, rest, type(rest).__name__)
a, (b, *c), d = 1, "xyz", [4]
print(a, b, c, d)
[x, y], z = "ab", {"k": 1}
print(x, y, z)
k1, k2 = {"p": 1, "q": 2}
print(k1, k2)
for i, (name, *scores) in enumerate([("a", 1, 2), ("b",)]):
    print(i, name, scores)
p, q = q, p = 1, 2
print(p, q)
m = n = [0]
m += [1]
print(m, n)
cases = [
    lambda: [(a, b, c) for a, b, c in [(1, 2)]],
    lambda: [(a, b) for a, b in [(1, 2, 3)]],
    lambda: [(a, b, c) for a, *b, c in [(1,)]],
    lambda: [(a, b) for a, b in [5]],
    lambda: [a for a, in [()]],
    lambda: [(a, b) for a, b in ["abc"]],
    lambda: [(a, b) for a, b in [{}]],
    lambda: [(a, b, c, d) for a, b, *c, d in [range(2)]],
    lambda: [(a, b) for a, b in [None]],
]
for case in cases:
    try:
        print(case())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print([*range(3), *"ab", *{7: 0}], (*[1], *(2,)), {*(1, 2), *[2, 3]}, {**{"a": 1}, "b": 2})
