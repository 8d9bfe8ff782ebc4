# Calls short of arguments whose callee's __defaults__ fill the rest: compiled callers copy
# the defaults into the callee's parameter slots themselves. Results and errors are CPython's
# however __defaults__ changes between calls.


def scale(x, k=3, m=1):
    return x * k + m


def many(a, b=1, c=2, d=3, e=4, f=5, g=6, h=7, i=8, j=9, k=10, l=11):
    return a + b + c + d + e + f + g + h + i + j + k + l


def appender(x, acc=[]):
    acc.append(x)
    return len(acc)


def run(n):
    total = 0
    for i in range(n):
        total += scale(i) + scale(i, 2) + scale(i, 2, 5) + many(i) + many(i, i)
        total += appender(i)
    return total


print(run(30000))

# Defaults replaced, shortened and removed while compiled callers keep calling.
scale.__defaults__ = (10, 20)
print(run(3))
scale.__defaults__ = (7,)
try:
    run(3)
except TypeError as e:
    print("TypeError:", e)
scale.__defaults__ = None
try:
    scale(1)
except TypeError as e:
    print("TypeError:", e)
scale.__defaults__ = (1, 2)


def make_lambdas():
    return [lambda x, k=k, m=k * k + 1: (x * k + m) & 0xFFFF for k in range(5)]


fns = make_lambdas()


def apply_all(n):
    total = 0
    for i in range(n):
        for f in fns:
            total += f(i)
    return total


print(apply_all(20000))


# A default parameter that is also captured by an inner closure.
def outer(x, y=100):
    def inner():
        return x + y

    return inner()


print(sum(outer(i) for i in range(20000)))


# Recursion through defaults: RecursionError, not a crash.
def deep(n, step=1):
    return 0 if n == 0 else 1 + deep(n - step)


print(deep(500))
try:
    deep(100000)
except RecursionError as e:
    print("RecursionError:", e)
