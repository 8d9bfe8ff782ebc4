# sorted/min/max/sum/enumerate/zip/map/filter/reversed/any/all/range.
data = [5, 3, 9, 1, 7]
print(sorted(data), sorted(data, reverse=True), data)
print(min(data), max(data), sum(data), sum(data, 100), len(data))
print(min([], default="empty"), max("abc", "abd"), max([1, 5, 3], key=lambda v: -v))
print(list(enumerate("abc")), list(enumerate("ab", start=10)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip(range(3), range(3, 6), "xyz")))
print(list(map(str, data)), list(map(lambda a, b: a + b, [1, 2], [10, 20, 30])))
print(list(filter(lambda v: v > 4, data)), list(filter(None, [0, 2, "", "x"])))
print(list(reversed(data)), list(reversed(range(4))), list(reversed("abc")))
print(any([]), all([]), any([0, 0, 1]), all([1, 2, 0]), any(x > 8 for x in data))
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -3)), list(range(0)))
print(range(1, 10, 2), len(range(1, 10, 2)), range(10)[3], range(10)[2:5], 5 in range(10))
for i, (a, b) in enumerate(zip("xy", [True, False])):
    print(i, a, b)
pairs = sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")])
print(pairs)
print(sorted(["bb", "a", "ccc", "dd"], key=len), sum(x * x for x in range(10)))
total = 0
for v in map(abs, [-1, -2, 3]):
    total += v
print(total, list(map(int, "123")), dict(enumerate("ab")))
