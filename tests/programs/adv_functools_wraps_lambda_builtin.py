# wraps of a lambda, of a builtin and of a partial (missing attributes are skipped silently).
import functools

square = lambda x: x * x

@functools.wraps(square)
def w1(*args):
    return square(*args)

print(w1.__name__, w1.__qualname__, w1.__doc__, w1(7), w1.__wrapped__ is square)

@functools.wraps(len)
def w2(obj):
    return len(obj) * 10

print(w2.__name__, w2.__qualname__, w2.__module__, w2("abc"))
print(w2.__doc__)
p = functools.partial(pow, 2)

@functools.wraps(p)
def w3(*args):
    return p(*args)

print(w3.__name__, w3.__qualname__, w3(10), w3.__wrapped__ is p)
print(w3.__doc__ == p.__doc__, w3.__module__)
anon = functools.wraps(lambda: None)(lambda: "second")
print(anon.__name__, anon(), anon.__wrapped__())

def nested_factory():
    return lambda q: q

inner_lambda = nested_factory()

@functools.wraps(inner_lambda)
def w4(q):
    return q

print(w4.__qualname__, w4.__name__)
