# Direct calls (jit/codegen_call.c): tracebacks through inline frames, RecursionError at the
# limit, arity errors and everything else that falls back to rt_call.
import sys
def f(a, b):
    return a + b
def g():
    return f(1, 2) + f(3, b=4)
print(g())
def boom(x):
    return 1 // x
def mid(x):
    return boom(x) + 1
try:
    mid(0)
except ZeroDivisionError as e:
    tb = e.__traceback__
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    print("frames", n)
def rec(n):
    return rec(n + 1)
try:
    rec(0)
except RecursionError as e:
    print("RecursionError", e)
depth = 0
def count(n):
    global depth
    depth = n
    return count(n + 1)
try:
    count(1)
except RecursionError:
    print(depth > 900, depth < 1001)
sys.setrecursionlimit(50)
try:
    count(1)
except RecursionError:
    print(depth)
sys.setrecursionlimit(1000)
def wrong(a):
    return a
try:
    wrong(1, 2)
except TypeError as e:
    print(e)
try:
    wrong()
except TypeError as e:
    print(e)
def d(a, b=5):
    return a * b
print(d(2), d(2, 3))
print((lambda: 7)())
try:
    five = 5
    five()
except TypeError as e:
    print(e)
print(len([1, 2]), abs(-4))
def star(*a):
    return a
print(star(1, 2))
def last():
    raise ValueError("x")
def caller():
    try:
        last()
    except ValueError:
        pass
    return "caught"
print(caller())
def through():
    last()
through()
