while x < 10:
    x += 1
    if x == 5:
        continue
    if x == 8:
        break
else:
    done()

for i in range(10):
    pass
