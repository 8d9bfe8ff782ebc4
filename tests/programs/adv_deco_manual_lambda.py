# Decorators applied manually, to lambdas, and re-applied; identity of the results.
def shout(func):
    def wrapper(*args, **kwargs):
        return str(func(*args, **kwargs)).upper() + "!"
    return wrapper

greet = shout(lambda name: "hello " + name)
print(greet("ann"), greet.__name__, greet.__qualname__)

def whisper(text):
    return text.lower()

loud = shout(whisper)
print(loud("Quiet"), whisper("Quiet"), loud is whisper)
double = shout(shout(whisper))
print(double("Twice"))
once = shout(whisper)
print(once is loud, once.__code__ is loud.__code__, once.__closure__[0].cell_contents is whisper)
ops = {name: shout(fn) for name, fn in [("neg", lambda x: -x), ("sq", lambda x: x * x)]}
print(ops["neg"](3), ops["sq"](3))
identity = (lambda f: f)
same = identity(whisper)
print(same is whisper)

@shout
def decorated(x):
    return x

manual = shout(decorated.__closure__[0].cell_contents)
print(decorated("same"), manual("same"))
print(shout(print)("side", "effect"))
print(shout(len)([1, 2, 3]))
