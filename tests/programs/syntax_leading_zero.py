n = 007
print(n)
