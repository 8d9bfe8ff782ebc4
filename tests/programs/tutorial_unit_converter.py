# Closures tutorial: building unit converters from a single factory.
def make_converter(factor, offset=0, unit=""):
    def convert(value):
        result = value * factor + offset
        return f"{result:.2f}{unit}"
    convert.__name__ = f"to_{unit.strip() or 'unitless'}"
    return convert


km_to_miles = make_converter(0.621371, unit=" mi")
celsius_to_fahrenheit = make_converter(9 / 5, 32, " F")
kg_to_pounds = make_converter(2.20462, unit=" lb")

print(km_to_miles(10))
print(celsius_to_fahrenheit(100))
print(celsius_to_fahrenheit(-40))
print(kg_to_pounds(70))

converters = [km_to_miles, celsius_to_fahrenheit, kg_to_pounds]
for conv in converters:
    print(conv.__name__, conv(1))

table = {c.__name__: c for c in converters}
print(sorted(table))
print(table["to_F"](37))
