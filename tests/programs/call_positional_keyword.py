# Positional and keyword arguments bound to parameters.
def describe(name, age, city="nowhere"):
    return f"{name} ({age}) from {city}"


print(describe("ann", 30))
print(describe("bob", 25, "paris"))
print(describe(age=40, name="cy"))
print(describe("dee", city="rome", age=22))
print(describe(*["eve", 50]))
print(describe(**{"name": "fay", "age": 1, "city": "oslo"}))


def order(a, b, c):
    return [a, b, c]


print(order(1, 2, 3), order(1, c=3, b=2), order(c="c", a="a", b="b"))
f = lambda x, y=10: x - y
print(f(1), f(1, 2), f(y=5, x=50))
