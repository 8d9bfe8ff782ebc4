# Messages of common built-in exceptions, caught and printed.
def f():
    pass


n = 0
cases = [
    lambda: 1 / n,
    lambda: 1 // n,
    lambda: 1 % n,
    lambda: 1.0 / n,
    lambda: [1, 2][5],
    lambda: (1,)[-3],
    lambda: "abc"[10],
    lambda: {"a": 1}["b"],
    lambda: {}[(1, 2)],
    lambda: int("twelve"),
    lambda: float("x1"),
    lambda: [].pop(),
    lambda: {}.popitem(),
    lambda: [1].index(5),
    lambda: "abc".index("z"),
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: [] + (),
    lambda: len(5),
    lambda: None.attribute,
    lambda: f.missing,
    lambda: "s".nosuch,
    lambda: undefined_thing,
    lambda: sorted([1, "a"]),
    lambda: hash([]),
    lambda: {[]: 1},
    lambda: int(None),
    lambda: "x" * "y",
    lambda: -"s",
    lambda: [1, 2, 3].remove(9),
    lambda: chr(-1),
    lambda: range(1, 2, 0),
    lambda: divmod(1, 0),
    lambda: (1, 2) < (1, "a"),
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except Exception as e:
        print(i, type(e).__name__ + ":", e)
