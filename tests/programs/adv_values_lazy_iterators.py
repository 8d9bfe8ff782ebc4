# map/filter/zip/enumerate/reversed/iter are lazy one-shot iterators: partial consumption,
# next() with default, StopIteration, zip pulling one extra item, iter(callable, sentinel).
calls = []

def tracked(x):
    calls.append(x)
    return x * 10

m = map(tracked, [1, 2, 3, 4])
print(calls, next(m), calls, next(m), list(m), calls, list(m), next(m, "exhausted"))
f = filter(lambda v: v % 2, range(7))
print(next(f), next(f), list(f), list(f))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(map(pow, [2, 3], [3, 2, 1])))
it = iter([1, 2, 3, 4, 5])
print(list(zip(it, "ab")), next(it), list(it))
e = enumerate("xyz", start=10)
print(next(e), list(e), list(enumerate([])), list(zip()), list(zip("ab", range(5), [True])))
r = reversed([1, 2, 3])
print(next(r), list(r), list(reversed(range(1, 10, 4))), list(reversed("abc")), list(reversed({1: 0, 2: 0})))
try:
    next(iter([]))
except StopIteration as exc:
    print("StopIteration caught", repr(exc), exc.args)
counter = iter(range(100))
print(list(iter(lambda: next(counter), 5)), next(counter))
same = iter([1, 2])
print(iter(same) is same, type(same).__name__, type(m).__name__, type(zip()).__name__)
print(type(e).__name__, type(r).__name__, type(iter(range(3))).__name__, type(iter("s")).__name__)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as exc:
    print(type(exc).__name__, exc)
nested = map(lambda x: x + 1, map(lambda x: x * 2, [1, 2, 3]))
print(next(nested), sum(nested), sum(map(len, ["ab", "c"])), any(map(tracked, [0, 1, 2])), calls[-2:])
d = {"a": 1}
ki = iter(d)
d["b"] = 2
try:
    next(ki)
except RuntimeError as exc:
    print(type(exc).__name__, exc)
print(repr(map(abs, [])).startswith("<map object at 0x"), repr(iter([])).split(" at ")[0])
