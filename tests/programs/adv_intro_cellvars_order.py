# co_cellvars lists captured parameters first (in parameter order), then other captured locals;
# co_freevars and co_cellvars of every level of nesting.
def f(z, a, unused, m):
    b = 1
    y = 2
    def inner():
        return y, b, m, z
    return inner

print(f.__code__.co_cellvars)
print(f(1, 2, 3, 4).__code__.co_freevars)
print(f.__code__.co_varnames)

def g(*args, **kwargs):
    def inner():
        return kwargs, args
    return inner

print(g.__code__.co_cellvars, g().__code__.co_freevars)

def h(k, *, kw):
    q = 0
    def mid():
        def leaf():
            return kw, q, k
        return leaf
    return mid

print(h.__code__.co_cellvars, h(0, kw=1).__code__.co_freevars, h(0, kw=1)().__code__.co_freevars)
print(h(0, kw=1).__code__.co_cellvars, h(0, kw=1).__code__.co_varnames)

def self_ref():
    def rec(n):
        return n and rec(n - 1)
    return rec

print(self_ref.__code__.co_cellvars, self_ref().__code__.co_freevars, self_ref.__code__.co_varnames)

def comp_capture(n):
    return [lambda: n + i for i in range(2)]

print(comp_capture.__code__.co_cellvars, comp_capture(1)[0].__code__.co_freevars)
