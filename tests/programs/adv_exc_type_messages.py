# TypeError / AttributeError messages of bad operations on builtin values.
def f():
    pass

cases = [
    lambda: 1 + "a", lambda: "a" + 1, lambda: [1] + (1,), lambda: "x" * "y", lambda: [] * 1.5,
    lambda: -"a", lambda: ~1.5, lambda: 1 < "a", lambda: [1] < (1,), lambda: None > None,
    lambda: sorted([1, "a"]), lambda: len(5), lambda: iter(5), lambda: next([]),
    lambda: hash([]), lambda: {[]: 1}, lambda: {[1]}, lambda: "abc"[0].__setitem__,
    lambda: f.__name__.nope, lambda: None.attr, lambda: (1).real.imag.x, lambda: f.missing,
    lambda: "abc".foo(), lambda: [].nope, lambda: 5(), lambda: "str"(), lambda: f()(),
    lambda: sum([[1]]), lambda: abs(None), lambda: round(1, "2"), lambda: "a" in 5,
    lambda: 1 in "abc", lambda: "{} {}".format(1), lambda: "%d" % "x", lambda: "%s %s" % (1,),
    lambda: int([1]), lambda: float(None), lambda: list(1), lambda: dict([1]), lambda: f + f,
]
for i, case in enumerate(cases):
    try:
        print(i, "ok", case())
    except Exception as e:
        print(i, type(e).__name__, e)
