# A mutable default stays shared across calls, across closures made by separate calls of the
# factory it is NOT (each def execution evaluates defaults again), and after __defaults__ edits.
def factory():
    def collect(x, seen=[]):
        seen.append(x)
        return seen
    return collect


c1 = factory()
c2 = factory()
print(c1(1), c1(2))
print(c2(3))
print(c1.__defaults__[0] is c2.__defaults__[0])
print(c1.__code__ is c2.__code__)
c1.__defaults__ = ([100],)
print(c1(4))
print(c1(5, []))
c1.__defaults__ = None
try:
    c1(6)
except TypeError as e:
    print(type(e).__name__, e)


def counter(state={"n": 0}):
    state["n"] += 1
    return state["n"]


print([counter() for _ in range(4)])
print(counter.__defaults__)


def kw(*, box=[]):
    box.append(len(box))
    return box


kw()
kw()
print(kw(), kw.__kwdefaults__)
kw.__kwdefaults__ = {"box": ["fresh"]}
print(kw())
