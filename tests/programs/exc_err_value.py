# Uncaught: ValueError from int().
values = ["1", "22", "x3"]
total = 0
for v in values:
    total += int(v)
    print("running total", total)
