# Default values are evaluated once, when the def statement runs.
counter = 0


def next_id():
    global counter
    counter += 1
    print("evaluating default", counter)
    return counter


def f(x=next_id(), y=next_id()):
    return x, y


print("defined f")
print(f(), f(), f(100))
print(f.__defaults__)
base = 5


def g(v=base * 2):
    return v


base = 1000
print(g(), g.__defaults__)
g.__defaults__ = (77,)
print(g())
fs = [lambda k=k * k: k for k in range(4)]
print([h() for h in fs], [h.__defaults__ for h in fs])
