def pairs(xs, ys, limit):
    return [(x, y) for x in xs if x < limit for y in ys if y != x]
