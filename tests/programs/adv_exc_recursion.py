# RecursionError from unbounded recursion is caught; recursion works again afterwards.
def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e, isinstance(e, RuntimeError))

def via_closure():
    def loop():
        return loop()
    return loop

try:
    via_closure()()
except RuntimeError as e:
    print("closure:", type(e).__name__, e)

def deco(func):
    def wrapper(*args):
        return func(*args)
    return wrapper

@deco
def decorated(n):
    return decorated(n + 1)

try:
    decorated(0)
except RecursionError as e:
    print("decorated:", type(e).__name__, e)

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(300), depth(500))
mutual_a = lambda n: mutual_b(n)
mutual_b = lambda n: mutual_a(n)
try:
    mutual_a(1)
except RecursionError as e:
    print("lambdas:", e)
print("still fine:", depth(100))
