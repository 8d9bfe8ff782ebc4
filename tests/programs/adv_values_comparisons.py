# Comparisons: chained (middle evaluated once), int/float exactness, nan, identity shortcuts.
log = []

def v(x):
    log.append(x)
    return x

print(v(1) < v(2) < v(3), log)
log.clear()
print(v(3) < v(2) < v(1), log)
log.clear()
print(v(1) < v(5) > v(2) == v(2) != v(9), log)
print(1 == 1.0 == True, 0 == -0.0 == False, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 == 2.0 ** 53)
print(10 ** 400 > 1e308, 10 ** 400 < float("inf"), -(10 ** 400) > float("-inf"), 1 < 1.0000000000000002)
nan = float("nan")
print(nan == nan, nan != nan, nan < 1, nan > 1, [nan] == [nan], nan in [nan], (nan,) == (nan,))
other = float("nan")
print([nan] == [other], nan is nan, {nan: 1}.get(nan), {nan: 1}.get(other))
print([1, 2] < [1, 2, 3], [2] > [1, 9], "a" < "b" < "c", "B" < "a", (1, 2) <= (1, 2))
print([] == (), [1] == [1.0], {1: "a"} == {1.0: "a"}, {1, 2} == frozenset([1, 2]), "1" == 1)
x = [1]
y = [1]
print(x == y, x is y, x is not y, not x == y, None is None, 1 in [1.0], "a" not in "abc")
print(0 < 0.5 < 1 < True + 1, -1 < False, True > 0.5, (1 < 2) + (2 < 3), 3 > 2 > 1 > 0 > -1)
print(1 if 0.0 else 2, 1 if [0] else 2, max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0))
