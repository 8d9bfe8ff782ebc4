# A tracing decorator that indents by recursion depth held in a closure.
def traced(func):
    depth = 0

    def wrapper(*args):
        nonlocal depth
        print("  " * depth + f"-> {func.__name__}{args}")
        depth += 1
        result = func(*args)
        depth -= 1
        print("  " * depth + f"<- {result}")
        return result

    return wrapper


@traced
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)


@traced
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)


gcd(48, 18)
fact(4)
