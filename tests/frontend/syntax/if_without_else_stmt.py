a if b = 3
