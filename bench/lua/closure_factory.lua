-- closure_factory: 2.5 million closures, each called twice as soon as it is made.
local bit = require("bit")
local function make_affine(a, b)
  return function(x) return (a * x + b) % 1000003 end
end
local N = 2500000
local total = 0
for i = 0, N - 1 do
  local f = make_affine(i % 97 + 1, i)
  total = total + f(7) + f(bit.band(i, 1023))
end
print(string.format("%.0f", total))
