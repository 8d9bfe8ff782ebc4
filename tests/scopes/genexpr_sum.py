def total(rows, weight):
    return sum(w * weight for row in rows for w in row)
