-- nonlocal_counter: a counter in an upvalue, called ten million times.
local bit = require("bit")
local function make_counter()
  local count = 0
  local function step(k) count = count + k; return count end
  local function get() return count end
  return step, get
end
local step, get = make_counter()
local N = 10000000
for i = 0, N - 1 do step(bit.band(i, 3)) end
print(string.format("%.0f", get()))
