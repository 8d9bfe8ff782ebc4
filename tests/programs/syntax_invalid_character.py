total = 3 – 1
print(total)
