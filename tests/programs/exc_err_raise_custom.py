# Uncaught: an explicitly raised ValueError with a message, after finally runs.
def check(v):
    try:
        if v < 0:
            raise ValueError(f"negative: {v}")
        return v
    finally:
        print("checked", v)


check(1)
check(-2)
