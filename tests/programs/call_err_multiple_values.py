# Uncaught: an argument given both positionally and by keyword.
def point(x, y):
    return x, y


print(point(1, y=2))
point(1, x=2)
