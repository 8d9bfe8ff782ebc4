# Captured parameters of every kind, closures made in loops and comprehensions, locals() in
# the defining and the inner function, and recursion.


def every_kind(a, /, b, c=3, *args, d, e=5, **kw):
    def inner():
        return a, b, c, args, d, e, sorted(kw.items())

    return inner


print(every_kind(1, 2, d=4)())
print(every_kind(1, 2, 30, 40, 50, d=4, e=6, z=7, y=8)())


def with_defaults(x, scale=2, *, offset=1):
    return lambda y=x: (y * scale + offset, x)


g = with_defaults(5)
print(g(), g(1), with_defaults(5, 3, offset=0)())


def forwarder(*args, **kwargs):
    return lambda: (args, kwargs)


print(forwarder(1, 2, k=3)())


def star_wrapper(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


print(star_wrapper(max)(3, 9, 4), star_wrapper(sorted)([3, 1, 2], reverse=True))


def loop_closures(base):
    fs = []
    for i in range(4):
        fs.append(lambda: base + i)
    return [f() for f in fs]


def loop_defaults(base):
    return [(lambda i=i: base * i)() for i in range(4)]


def comprehension_lambdas(n):
    return [f(10) for f in [lambda x: x * n + k for k in range(3)]]


def comprehension_closure(n):
    return {k: (lambda: n - k)() for k in range(3)}


def nested_comprehension(n):
    return [[n * i + j for j in range(2)] for i in range(3)]


print(loop_closures(100))
print(loop_defaults(10))
print(comprehension_lambdas(2))
print(comprehension_closure(10))
print(nested_comprehension(10))


def shows_locals(p, q):
    inner_locals = None

    def inner():
        r = p + q
        return locals()

    outer_locals = locals()
    return sorted(outer_locals), inner()


names, seen = shows_locals(1, 2)
print(names, seen)


def locals_mixed(p, q):
    def inner():
        nonlocal q
        q = q + 1
        return locals()

    first = inner()
    return first, sorted(locals())


print(locals_mixed(10, 20))


def memo_fib(table):
    def fib(n):
        if n in table:
            return table[n]
        table[n] = fib(n - 1) + fib(n - 2)
        return table[n]

    return fib


print(memo_fib({0: 0, 1: 1})(60))


def mutual(limit):
    def even(n):
        return True if n == 0 else odd(n - 1)

    def odd(n):
        return False if n == 0 else even(n - 1)

    return [even(k) for k in range(limit)]


print(mutual(6))


def compose(f, g):
    return lambda x: f(g(x))


chain = lambda x: x
for k in range(1, 6):
    chain = compose(chain, lambda x, k=k: x + k)
print(chain(0))


def counter_factory(start):
    count = start

    def step(by):
        nonlocal count
        count += by
        return count

    return step


c = counter_factory(5)
print(c(1), c(2), c(3))
print(every_kind.__code__.co_cellvars, every_kind(1, 2, d=3).__code__.co_freevars)
print(with_defaults.__code__.co_cellvars, forwarder.__code__.co_cellvars)
