# Lambdas returning lambdas: currying and partial application by hand.
add3 = lambda a: lambda b: lambda c: a + b + c
print(add3(1)(2)(3))
step = add3("x")
print(step("y")("z"), step("1")("2"))


def curry(f, n):
    def collect(args):
        if len(args) == n:
            return f(*args)
        return lambda x: collect(args + (x,))
    return collect(())


vol = curry(lambda a, b, c: a * b * c, 3)
print(vol(2)(3)(4))
partial_vol = vol(10)
print(partial_vol(1)(1), partial_vol(2)(5))
print(curry(lambda: "no args", 0))


def flip(f):
    return lambda a, b: f(b, a)


print(flip(lambda a, b: a - b)(10, 3))
print(flip(flip(pow))(2, 10))
