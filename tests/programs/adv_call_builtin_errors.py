# TypeError texts from calling builtins wrongly.
cases = [
    lambda: len(),
    lambda: len(1, 2),
    lambda: len(5),
    lambda: abs(),
    lambda: abs("x"),
    lambda: divmod(1),
    lambda: isinstance(1),
    lambda: getattr(),
    lambda: sorted(),
    lambda: sorted([3, 1], cmp=None),
    lambda: max(),
    lambda: min(1),
    lambda: int("1", base=1),
    lambda: round("x"),
    lambda: sum(1),
    lambda: sum(["a", "b"], ""),
    lambda: "x".join([1]),
    lambda: [].append(),
    lambda: {}.get(),
    lambda: repr(),
]
for i, case in enumerate(cases):
    try:
        print(i, case())
    except (TypeError, ValueError) as e:
        print(i, type(e).__name__, e)
