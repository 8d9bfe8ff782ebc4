# Uncaught: positional-only argument passed as a keyword to a nested function.
def outer():
    def clamp(value, /, lo=0, hi=10):
        return max(lo, min(hi, value))
    return clamp


clamp = outer()
print(clamp(15), clamp(-3), clamp(5, lo=6))
print(clamp(value=3))
