# __defaults__ and __kwdefaults__: values, None when absent, assignment and its effect.
def f(a, b=[], c=(1, 2)):
    return a, b, c

def g(a, *, k=1, m):
    return a, k, m

def h(a):
    return a

print(f.__defaults__, g.__defaults__, h.__defaults__)
print(f.__kwdefaults__, g.__kwdefaults__, h.__kwdefaults__)
print(f.__defaults__[0] is f.__defaults__[0])
f.__defaults__ = ("B", "C")
print(f(0))
f.__defaults__ = ("only c",)
print(f(0, 1))
try:
    f(0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f.__defaults__ = ["not", "tuple"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    g.__kwdefaults__ = [1]
except TypeError as e:
    print(type(e).__name__, e)
g.__kwdefaults__ = {"k": 2, "m": 3}
print(g(0))
del g.__kwdefaults__
print(g.__kwdefaults__)
try:
    g(0)
except TypeError as e:
    print(type(e).__name__, e)
h.__defaults__ = (99,)
print(h(), h.__defaults__)
del h.__defaults__
print(h.__defaults__)
lam = lambda x=1, *, y=2: (x, y)
print(lam.__defaults__, lam.__kwdefaults__, lam())
