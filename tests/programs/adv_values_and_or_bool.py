# and/or return operands (short-circuit), not, bool arithmetic, truthiness of containers.
trace = []

def t(value):
    trace.append(value)
    return value

print(t(0) and t(1), trace)
trace.clear()
print(t(2) and t(0) and t(3), trace)
trace.clear()
print(t("") or t([]) or t("last"), trace)
trace.clear()
print(t(5) or t(6), trace, None or 0, [] or {}, 0 and 1 / 0, 1 or 1 / 0)
print(not 0, not [], not [0], not "", not None, not not 5, (not 1) == False)
print(True + True, True * 3, -True, True / 2, True // 2, sum([True, False, True]), True ** 10)
print(True & False, True | 2, True ^ True, ~True, True << 3, isinstance(True, int), type(True + 0).__name__)
print(int(True), float(False), str(True).upper(), repr(False), True == 1, hash(True) == hash(1))
print(bool("False"), bool("0"), bool(0), bool(-1), bool(1e-300), bool({0: 0}))
x = None
print(x is None and "none" or "some", (x or "default"), [] or None, (1, 2) and "tuple")
values = [0, 1, "", "a", None, [], [0]]
print([v for v in values if v], [bool(v) for v in values], list(filter(bool, values)))
print(1 and 2 or 3, 0 and 2 or 3, 1 or 2 and 3, (0 or 0) and 1, not 1 or 2, not (1 or 2))
