# Builtins shadowed by a global, by an enclosing local, and restored by del.
def measure(s):
    return len(s)

print(measure("abc"))

def len(x):
    return "fake len of " + repr(x)

print(measure("abc"))
del len
print(measure("abc"))

def outer():
    def print(*args):
        log.append(args)
    log = []
    def inner():
        print("captured", 1)
        return sorted
    inner()
    return log, inner.__code__.co_freevars, inner.__code__.co_names

log, free, names = outer()
print(log, free, names)

def uses_max(values):
    max = min
    return max(values)

print(uses_max([3, 1, 2]), max([3, 1, 2]))
sum = lambda xs, start=0: "no sum"
print(sum([1, 2]), [sum(range(3)) for _ in range(1)])
del sum
print(sum([1, 2]))

def param_shadow(str=int):
    return str("42") + 1

print(param_shadow(), str(42) + "1")
try:
    del len
except NameError as e:
    print(type(e).__name__, e)
