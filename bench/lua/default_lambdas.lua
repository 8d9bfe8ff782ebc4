-- default_lambdas: Lua has no default arguments; each function keeps k and m as upvalues fixed
-- when it is made, which is what the Python defaults amount to.
local bit = require("bit")
local fns = {}
for k = 0, 39 do
  local kk, mm = k, k * k + 1
  fns[k + 1] = function(x, k, m)
    k = k or kk
    m = m or mm
    return bit.band(x * k + m, 0xFFFF)
  end
end
local total = 0
for i = 0, 239999 do
  for j = 1, 40 do total = total + fns[j](i) end
end
print(string.format("%.0f", total))
