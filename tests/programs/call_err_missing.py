# Uncaught: a missing positional argument to a closure.
def make_area(unit):
    def area(width, height):
        return f"{width * height} {unit}"
    return area


area = make_area("m2")
print(area(2, 3))
print(area(height=4, width=5))
area(2)
