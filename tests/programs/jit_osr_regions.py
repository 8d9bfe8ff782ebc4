# On-stack replacement by regions (jit/codegen_tier.c): an OSR entry compiles the outermost
# loop around its block and hands the variables back to baseline code wherever control
# leaves that loop — at its end, at a break, a return, an else clause, an exception handler
# outside it — and later loops of the same body get entries of their own. Each loop runs long
# enough to be compiled.
N = 25_000

total = 0
for i in range(N):
    total += i & 7
print("first loop", total, i)

# A second and a third loop at module level, after the first one's region was left.
count = 0
while count < N:
    count += 3
print("second loop", count)

words = []
for i in range(N):
    if i % 5000 == 0:
        words.append(str(i))
else:
    words.append("else")
print("third loop", words)

# A break out of the loop, then code that uses every variable the loop set.
found = None
for i in range(N * 2):
    x = i * i
    if x > N * 100:
        found = i
        break
print("break", found, x, i)


# Nested loops: the inner one gets hot first, the region is the outer one.
def nested():
    acc = 0
    for a in range(300):
        for b in range(100):
            acc += a ^ b
        acc %= 1_000_003
    return acc


print("nested", nested())


# A return from inside the region.
def search(limit):
    k = 0
    while True:
        k += 1
        if k * k > limit:
            return k


print("return", search(N * N))


# An exception leaving the loop for a handler outside it; a finally outside it.
def failing():
    seen = 0
    try:
        for i in range(N):
            seen += 1
            if i == N - 3:
                raise KeyError(i)
    except KeyError as e:
        return "caught %s after %d" % (e, seen)
    finally:
        print("finally ran", seen)


print(failing())


# An exception inside the loop handled inside it: the handler is part of the region.
def inner_handler():
    bad = 0
    for i in range(N):
        try:
            if i % 1000 == 0:
                raise ValueError
        except ValueError:
            bad += 1
    return bad


print("inner handler", inner_handler())


# A while/else whose else runs, then a loop over a list, then a loop over a dict.
def loops():
    n = 0
    while n < N:
        n += 2
    else:
        n = -n
    items = list(range(N))
    s = 0
    for v in items:
        s += v
    d = {k: k * 2 for k in range(N)}
    t = 0
    for k in d:
        t += d[k]
    return n, s, t


print("loops", loops())


# Cells and closures created inside the region, used after it.
def closures():
    fs = []
    for i in range(N):
        if i % 10000 == 0:
            fs.append(lambda i=i: i)
    last = 0
    for i in range(N):
        def g():
            return last + i
        last = g() % 997
    return [f() for f in fs], last


print("closures", closures())

# An uncaught exception from a compiled region at module level.
total = 0
for i in range(N + 10):
    total += 1 // (N - i)
