case = match
_ = 1
print(match, case, _)
type = 1
