# Uncaught: a positional-only parameter passed by keyword.
def scale(v, /, k=2):
    return v * k


print(scale(3))
print(scale(3, k=10))
print(scale(3, 4))
kwargs = {"v": 3}
print("calling with", kwargs)
scale(**kwargs)
