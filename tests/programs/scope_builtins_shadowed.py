# Builtins can be shadowed by globals and locals; deleting the global restores the builtin.
print(len("abc"))


def len(x):
    return "fake len of " + repr(x)


print(len("abc"))


def uses_local_max():
    max = lambda *a: "local max"
    return max(1, 2)


print(uses_local_max(), max(1, 2))
del len
print(len("abcd"))


def param_shadows(list=None, str=5):
    return list, str


print(param_shadows(), str(12))


def enclosing_shadow():
    abs = lambda v: "enclosing abs"
    def inner():
        return abs(-3)
    return inner()


print(enclosing_shadow(), abs(-3))
sum = 0
for i in range(4):
    sum += i
print(sum)
del sum
print(sum([1, 2, 3]))
