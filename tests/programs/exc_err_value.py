# Uncaught: ValueError from int() inside a summing closure.
def make_summer():
    total = 0
    def add(text):
        nonlocal total
        total += int(text)
        return total
    return add


add = make_summer()
for v in ["1", "22", "x3", "4"]:
    print("running total", add(v))
