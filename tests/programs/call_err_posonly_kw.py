# Uncaught: a positional-only parameter passed by keyword.
def scale(v, /, k=2):
    return v * k


print(scale(3))
scale(v=3)
