-- accumulator_mod: accumulators over upvalues with modular arithmetic (all values stay below
-- 2^53, and the XOR operands below 2^31).
local bit = require("bit")
local function make_acc(mod, mult)
  local total = 0
  return function(x) total = (total * mult + x * x) % mod; return total end
end
local accs = { make_acc(1000003, 131), make_acc(998244353, 31), make_acc(1000000007, 257) }
local check = 0
for i = 0, 2499999 do
  for j = 1, 3 do check = bit.bxor(check, accs[j](i)) end
end
print(string.format("%.0f %.0f %.0f %.0f", check, accs[1](0), accs[2](0), accs[3](0)))
