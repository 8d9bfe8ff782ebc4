def scale(items, factor):
    return [item * factor for item in items]
