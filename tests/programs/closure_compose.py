# Function composition with closures.
def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed


inc = lambda x: x + 1
dbl = lambda x: x * 2
sq = lambda x: x * x
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
print(compose(sq, inc, dbl)(3))
print(compose()(42))


def pipeline(*fs):
    def run(x):
        trace = [x]
        for f in fs:
            x = f(x)
            trace.append(x)
        return trace
    return run


print(pipeline(inc, inc, dbl, sq)(0))
fs = [compose(*[inc] * n) for n in range(5)]
print([f(0) for f in fs])
print(compose(str, len, str)(12345) + "!")
