# Closures tutorial: function factories (power functions, greeters, validators).
def power_factory(exponent):
    def power(base):
        return base ** exponent
    return power


square = power_factory(2)
cube = power_factory(3)
print(square(4), cube(4))
print(square.__name__, square.__qualname__)


def make_greeter(greeting):
    def greet(name):
        return f"{greeting}, {name}!"
    return greet


hello = make_greeter("Hello")
hola = make_greeter("Hola")
print(hello("Alice"))
print(hola("Bob"))


def make_range_validator(low, high):
    def validate(value):
        return low <= value <= high
    return validate


is_percentage = make_range_validator(0, 100)
is_digit = make_range_validator(0, 9)
print([is_percentage(v) for v in (-1, 0, 50, 100, 101)])
print([is_digit(v) for v in (5, 10)])

# Inspecting what each closure captured
for f in (square, hello, is_percentage):
    print(f.__name__, [c.cell_contents for c in f.__closure__])
