# and/or return one of their operands; not returns a bool; truthiness of values.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0)
print([] and "x", [0] and "x", "a" and "b" and "c", 0 or None)
print(not 0, not 1, not [], not [0], not "", not None)
for v in [0, 1, -1, 0.0, 0.1, "", " ", [], [[]], (), {}, {0: 0}, set(), None, range(0), range(1)]:
    print(repr(v), bool(v))


def t(v):
    print("eval", repr(v))
    return v


print(t(0) and t(1))
print(t(1) and t(0))
print(t(1) or t(2))
print(t("") or t(None) or t("last"))
x = 7
print(x > 5 and "big" or "small", x < 5 and "big" or "small")
print("yes" if x else "no", "yes" if not x else "no")
