# Closures from one def share one code object but are distinct, unequal function objects.
def make(n):
    def f():
        return n
    return f

a, b = make(1), make(2)
print(a is b, a == b, a.__code__ is b.__code__, a.__code__ == b.__code__)
print(a.__closure__[0] is b.__closure__[0], a(), b())
print(a.__name__ == b.__name__, a.__qualname__, hash(a) == hash(b) if a is b else "distinct")
same = [make(0) for _ in range(3)]
print(len({id(f) for f in same}), len({id(f.__code__) for f in same}))
lams = [lambda: 0 for _ in range(2)]
print(lams[0] is lams[1], lams[0].__code__ is lams[1].__code__)
l1 = lambda: 0
l2 = lambda: 0
print(l1.__code__ is l2.__code__, l1.__code__ == l2.__code__)

def g():
    return 1

def h():
    return 1

print(g.__code__ is h.__code__, g.__code__.co_name, h.__code__.co_name)
code = make(5).__code__
print(type(code).__name__, code.co_name, code.co_freevars, code.co_argcount)
print(repr(code).startswith("<code object f at 0x"), repr(code).endswith('line 3>'))
print(repr(g.__code__).split(", ")[-1], g.__code__.co_firstlineno, g.__code__.co_filename.endswith("/adv_intro_code_identity.py"))
fs = {}
for key in "xy":
    fs[key] = make(key)
print(fs["x"].__code__ is fs["y"].__code__ is a.__code__)
