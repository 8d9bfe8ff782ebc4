-- compose_chain: a chain of 24 composed functions.
local function compose(f, g) return function(x) return f(g(x)) end end
local function inc(x) return x + 1 end
local function dbl(x) return (x * 2) % 1000003 end
local chain = function(x) return x end
for i = 0, 23 do chain = compose(chain, (i % 2 == 1) and inc or dbl) end
local total = 0
for i = 0, 699999 do total = total + chain(i) end
print(string.format("%.0f", total))
