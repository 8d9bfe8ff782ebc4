# Conditional expressions and lambdas in expressions.
sign = lambda x: "neg" if x < 0 else "zero" if x == 0 else "pos"
print([sign(v) for v in (-2, 0, 3)])
clamp = lambda v, lo=0, hi=10: lo if v < lo else hi if v > hi else v
print(clamp(-5), clamp(5), clamp(50), clamp(50, hi=100))
fizz = ["FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else i for i in range(1, 16)]
print(fizz)
table = {True: "yes", False: "no"}
print(table[3 > 2], table[2 > 3])
print((lambda: "immediately called")())
print((lambda a, b=2, *c, d=4, **e: (a, b, c, d, e))(1, 3, 5, f=6))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
