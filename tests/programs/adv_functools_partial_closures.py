# partial over closures and lambdas; call-time keyword override; errors keep the real name.
import functools

def make_formatter(prefix):
    def fmt(value, width=6, *, fill=" "):
        return prefix + str(value).rjust(width, fill)
    return fmt

money = functools.partial(make_formatter("$"), fill="0")
print(money(42), money(42, 3), money(42, fill="*"))
print(money.func.__qualname__, money.keywords)
try:
    money(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    money(1, value=2)
except TypeError as e:
    print(type(e).__name__, e)
p = functools.partial(lambda a, b, c: (a, b, c), 1)
print(p(2, 3), p(c=3, b=2))
try:
    p(2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    functools.partial(lambda a: a, a=1)(2)
except TypeError as e:
    print(type(e).__name__, e)
adders = [functools.partial(lambda n, x: n + x, n) for n in range(3)]
print([a(10) for a in adders], [a.args for a in adders])
deco = functools.partial(functools.wraps, len)

@deco()
def fake_len(x):
    return -1

print(fake_len.__name__, fake_len([1]))
