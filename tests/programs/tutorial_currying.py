# Functional programming tutorial: currying with nested functions and lambdas.
def curry_add(a):
    def add_b(b):
        def add_c(c):
            return a + b + c
        return add_c
    return add_b


print(curry_add(1)(2)(3))
add_one = curry_add(1)
add_one_two = add_one(2)
print(add_one_two(10), add_one_two(20))

curried_mul = lambda a: lambda b: lambda c: a * b * c
print(curried_mul(2)(3)(4))


def curry(func, arity):
    """Turn a function of `arity` arguments into a chain of one-argument functions."""
    def curried(*args):
        if len(args) >= arity:
            return func(*args)
        return lambda *more: curried(*(args + more))
    return curried


def volume(length, width, height):
    return length * width * height


cv = curry(volume, 3)
print(cv(2)(3)(4), cv(2, 3)(4), cv(2)(3, 4), cv(2, 3, 4))
print(cv(2).__qualname__)
