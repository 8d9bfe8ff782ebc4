g = x if y else z if w else v
h = (a or b or c) and (d and e and f)
i = 1 if (2 if 3 else 4) else 5
