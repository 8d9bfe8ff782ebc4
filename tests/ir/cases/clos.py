def outer():
    x = 1
    def mid():
        def inner():
            nonlocal x
            x += 1
            return x
        return inner
    return mid()
i = outer()
print(i(), i(), i())
fs = [lambda: n for n in range(3)]
print([f() for f in fs])
fs = [lambda n=n: n for n in range(3)]
print([f() for f in fs])
def counter():
    count = 0
    def inc(by=1):
        nonlocal count
        count += by
        return count
    def get():
        return count
    return inc, get
inc, get = counter()
inc(); inc(5)
print(get())
def make(a):
    def f(b):
        return [a + b + c for c in range(3)]
    return f
print(make(10)(100))
def param_cell(a, b, *rest, k=3, **kw):
    def g():
        return a, b, rest, k, kw
    return g
print(param_cell(1, 2, 3, 4, k=5, z=6)())
def deleter():
    v = 1
    def r():
        return v
    del v
    try:
        r()
    except NameError as e:
        print("NameError", e)
    try:
        print(v)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
deleter()
g_var = 10
def gl():
    global g_var
    g_var += 1
    def inner():
        return g_var
    return inner()
print(gl(), g_var)
def rec(n):
    def helper(k):
        return 1 if k == 0 else k * helper(k - 1)
    return helper(n)
print(rec(5))
def deco(tag):
    def wrap(fn):
        def w(*a, **k):
            return tag + str(fn(*a, **k))
        return w
    return wrap
@deco("A:")
@deco("B:")
def val(x):
    """doc"""
    return x * 2
print(val(21), val.__name__)
def loop_cells():
    out = []
    for i in range(3):
        def f(i=i):
            return i
        out.append(f)
    j = 0
    while j < 2:
        out.append(lambda: j)
        j += 1
    return [f() for f in out]
print(loop_cells())
x = 5
print((lambda: x)(), (lambda y, *z, **w: (y, z, w))(1, 2, a=3))
def kwonly(a, *, b, c=2):
    return a, b, c
print(kwonly(1, b=2), kwonly(a=1, b=3, c=4))
def posonly(a, b, /, c):
    return a + b + c
print(posonly(1, 2, c=3))
