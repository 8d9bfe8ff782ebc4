for i, (j, k) in items:
    print(i)
else:
    print("no break")
for *a, b in c: pass
for [a, b] in c: pass
