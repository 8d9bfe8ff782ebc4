# Assignment unpacking, swaps, starred targets, nested targets, chained assignment.
a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
first, *rest = [1, 2, 3, 4]
*init, last = range(5)
head, *mid, tail = "ab"
print(first, rest, init, last, head, mid, tail)
(p, q), r = [1, 2], 3
print(p, q, r)
[m, (n, o)] = ("m", ("n", "o"))
print(m, n, o)
i = j = k = 0
i += 1
print(i, j, k)
l1 = l2 = []
l1.append(1)
print(l2, l1 is l2)
for key, value in {"a": 1, "b": 2}.items():
    print(key, value)
for idx, (c1, c2) in enumerate(["ab", "cd"]):
    print(idx, c1, c2)
pts = [(1, 2), (3, 4)]
print([xx + yy for xx, yy in pts])
a, *b, c = 1, 2
print(a, b, c)
values = [*range(3), *"ab", *[None]]
print(values, (*values[:2], 9), {*[1, 1, 2]}, {**{"a": 1}, "b": 2})
