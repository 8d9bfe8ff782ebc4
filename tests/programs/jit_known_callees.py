# Known callees (jit/codegen_known.c) and global caches filled at compile time
# (jit/codegen_global.c): hot call sites speculated on the code they have always called,
# then shown other codes, changed defaults, exceptions, recursion; hot global accesses after
# the globals change under them. Each loop runs long enough for the optimised tier, and
# each scenario is a function of its own, so that its loop is compiled after its calls have
# been profiled (the module body is compiled once, at its first loop).
N = 30_000

# Hot global reads and writes at module level (the module's first loop), after the globals
# grow, after a builtin is shadowed, after a deletion.
counter = 0
seen = 0
limit = N
i = 0
while i < limit:
    counter += 1
    if i == N - 100:
        for j in range(50):
            globals()["extra%d" % j] = j
    if i == N - 50:
        def len(x):
            return -1
    seen += len("ab")
    if i == N - 10:
        del limit
        try:
            print(limit)
        except NameError as e:
            print("NameError", e)
        limit = N
    i += 1
print("globals", counter, seen, extra49, i)
del len
print(len("abc"))


def make_counter():
    count = 0

    def step(k):
        nonlocal count
        count += k
        return count

    def get():
        return count

    return step, get


def counting():
    step, get = make_counter()
    i = 0
    while i < N:
        step(i & 3)
        i += 1
    print("counter", get())


counting()


def double(x):
    return 2 * x


def square(x):
    return x * x


# The same site, then another code, then a builtin, then something not callable.
def switching():
    results = []
    for i in range(N + 5):
        f = double if i < N else square if i < N + 2 else abs if i < N + 4 else 7
        try:
            results.append(f(i - N))
        except TypeError as e:
            results.append(str(e))
    print("switch", results[-7:])


switching()


def make_affine(a, b):
    def affine(x):
        return a * x + b

    return affine


# One code, many closures: each call must see its own environment.
def affines():
    total = 0
    for i in range(N):
        g = make_affine(i % 7, i)
        total += g(3) + g(i & 15)
    print("affine", total)


affines()


# Defaults filling the missing parameters, then defaults changed, shortened and removed.
def defaults():
    fns = [lambda x, k=k, m=k + 1: x * k + m for k in range(5)]
    h = fns[2]
    others = fns[:2] + fns[3:]
    acc = 0
    for i in range(N):
        for f in others:
            acc += f(i)
        if i == N - 30:
            h.__defaults__ = (10, 20)
        if i == N - 20:
            h.__defaults__ = (30,)
        if i == N - 10:
            h.__defaults__ = None
        try:
            acc += h(i)
        except TypeError as e:
            last = str(e)
    print("defaults", acc, last)


defaults()


def checked(x):
    if x % 1000 == 999:
        raise ValueError("bad %d" % x)
    return x


# Exceptions raised inside a known callee, caught by the caller.
def catching():
    caught = 0
    for i in range(N):
        try:
            checked(i)
        except ValueError as e:
            caught += 1
            last = str(e)
    print("caught", caught, last)


catching()


def logged(fn):
    calls = 0

    def wrapper(x):
        nonlocal calls
        calls += 1
        return fn(x) + calls

    return wrapper


@logged
def inc(x):
    return x + 1


# A decorator's wrapper around a known function, both copied into the caller.
def wrapped():
    s = 0
    for i in range(N):
        s += inc(i)
    print("wrapped", s)


wrapped()


def down(n):
    return 0 if n == 0 else 1 + down(n - 1)


# Recursion through a known callee still stops at the recursion limit.
def recursing():
    for i in range(N):
        down(2)
    try:
        down(100000)
    except RecursionError as e:
        print("RecursionError", e)


recursing()


def first(x):
    return x


def second(x):
    return -x


# The callee's global rebound in the middle of a hot loop.
def rebinding():
    global first
    picked = 0
    for i in range(N):
        if i == N // 2:
            first = second
        picked += first(1)
    print("rebound", picked)


rebinding()


# A site that calls two codes in turn, then a third: speculated on the first two.
def two_codes():
    fs = [lambda x: x + 1, lambda x: x * 2]
    t = 0
    for i in range(N):
        t += fs[i & 1](i)
    fs.append(lambda x: -x)
    for i in range(30):
        t += fs[i % 3](i)
    print("two codes", t)


two_codes()


# Recursion and one other code at the same site.
def walk(n, leaf):
    f = leaf if n == 0 else walk
    return f(n - 1, leaf) + 1 if n else leaf(n, leaf)


def leaf(n, _):
    return 100


def walking():
    t = 0
    for i in range(N // 10):
        t += walk(5, leaf)
    print("walk", t)


walking()


def failing(x):
    return 1 // (x - N + 5)


# An uncaught exception from a known callee: the traceback goes through it.
def uncaught():
    for i in range(N):
        failing(i)


uncaught()
