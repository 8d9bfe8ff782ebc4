# cellar example: closures, nonlocal and a decorator.


def make_counter(step=1):
    count = 0

    def tick():
        nonlocal count
        count += step
        return count

    return tick


def logged(func):
    def wrapper(*args, **kwargs):
        result = func(*args, **kwargs)
        wrapper.calls += 1
        print(f"{func.__name__}{args} -> {result!r} (call {wrapper.calls})")
        return result

    wrapper.calls = 0
    return wrapper


@logged
def power(base, exp=2):
    return base ** exp


tens = make_counter(10)
print("counter:", tens(), tens(), tens())
adders = [lambda x, n=n: x + n for n in range(3)]
print("adders:", [add(100) for add in adders])
power(3)
power(2, exp=10)
print("free variables of tick:", tens.__code__.co_freevars)
