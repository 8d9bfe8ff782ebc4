# Functions as values: passed, returned, stored, called through map/filter/sorted keys.
def apply_twice(f, x):
    return f(f(x))


print(apply_twice(lambda v: v * 3, 2))
print(apply_twice(str.upper, "abc"))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(list(map(pow, [2, 3], [5, 2])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
words = ["banana", "Apple", "cherry", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(max(words, key=len), min(words, key=lambda w: w[-1]))


def make_op(symbol):
    return ops[symbol]


print(make_op("*")(make_op("+")(1, 2), 10))
print(callable(make_op), callable(make_op("-")), callable(3))
