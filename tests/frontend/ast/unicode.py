café = 1
λ = café + 1
s = "héllo €"  # €
print(λ, s)
