# Chained comparisons, identity, membership, mixed numeric comparisons.
x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4, 3 > 2 > 2, 1 == 1.0 == True)
print(x == 5, x != 5, x is x, None is None, [] is [], [] == [])
print(0 == False, 1 == True, 2 == True, 0.0 == -0.0, 1 < 1.5 < 2)
print("a" in "abc", 3 in [1, 2, 3], "k" in {"k": 1}, 4 not in {1, 2}, (1, 2) in [(1, 2)])
print("abc" < "abd" < "b", [1, 2] < [1, 2, 3], (1, "a") < (1, "b"))


def trace(v):
    print("eval", v)
    return v


print(trace(1) < trace(2) < trace(0) < trace(99))
print(trace(3) > trace(4) > trace(5))
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, not a == c)
print(2 ** 70 > 1e21, 10 ** 16 + 1 > 1e16, float("nan") == float("nan"))
