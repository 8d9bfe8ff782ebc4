# Keyword arguments to builtins and methods: accepted ones, positional-only ones, and the texts.
print(sorted([3, 1, 2], reverse=True), sorted("bca", key=None), max([1, 5], key=lambda v: -v))
print("a,b,c".split(sep=",", maxsplit=1), "a b".rsplit(maxsplit=0), int("ff", base=16))
print(sep="", end="|\n", *["x", "y"])
print(dict(a=1), list(range(3)), round(number=2.567, ndigits=1), "x".center(5, "*"))
print(enumerate(["a"], start=5).__next__(), sum([1, 2], start=10), pow(base=2, exp=5, mod=7))
cases = [
    lambda: int(x="3"),
    lambda: "abc".startswith(prefix="a"),
    lambda: {}.get(key="x"),
    lambda: len(obj=[1]),
    lambda: sorted(iterable=[1]),
    lambda: [].append(object=1),
    lambda: abs(x=-1),
    lambda: "x".join(iterable=["a"]),
    lambda: isinstance(obj=1, class_or_tuple=int),
    lambda: print(sep=1),
    lambda: print(end=2),
    lambda: range(stop=3),
    lambda: [3, 1].sort(key=None, cmp=1),
    lambda: "a".split(",", 1, 2),
    lambda: "abc".replace("a"),
]
for i, case in enumerate(cases):
    try:
        print(i, case())
    except TypeError as e:
        print(i, type(e).__name__, e)
