def counter():
    count = 0
    def bump(step=1):
        nonlocal count
        count += step
        return count
    return bump
