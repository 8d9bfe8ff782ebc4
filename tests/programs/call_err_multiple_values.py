# Uncaught: an argument given both positionally and by keyword (from ** unpacking).
def point(x, y):
    return x, y


print(point(1, y=2))
options = {"y": 5}
print(point(0, **options))
options["x"] = 9
print("options now", options)
point(1, **options)
