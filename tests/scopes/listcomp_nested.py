def table(rows, bias):
    return [[cell + bias for cell in row] for row in rows]
