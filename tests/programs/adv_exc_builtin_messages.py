# Messages of common builtin errors (arithmetic, containers, conversions).
cases = [
    lambda: 1 / 0, lambda: 1 % 0, lambda: 1 // 0, lambda: 1.0 / 0, lambda: 1.0 // 0.0,
    lambda: 5.5 % 0, lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: 0 ** -1,
    lambda: 0.0 ** -1, lambda: pow(2, -1, 0), lambda: int(float("inf")), lambda: int(float("nan")),
    lambda: 10.0 ** 400, lambda: int("12x"), lambda: int("1.5"), lambda: float("abc"),
    lambda: int("", 16), lambda: int("z", 36) + int("9", 8), lambda: [].pop(), lambda: [1].pop(5),
    lambda: {}.popitem(), lambda: set().pop(), lambda: "abc".index("z"), lambda: [1].index(2),
    lambda: [].remove(1), lambda: (1, 2).index(3), lambda: [1, 2][2], lambda: (1,)[-2],
    lambda: "ab"[5], lambda: {"a": 1}["b"], lambda: range(3)[3], lambda: chr(-1),
    lambda: "x".center(), lambda: [1, 2, 3][::0], lambda: "abc"[1.5],
]
for i, case in enumerate(cases):
    try:
        print(i, "ok", case())
    except Exception as e:
        print(i, type(e).__name__, e)
