-- decorated_fib: recursive fib under a counting decorator whose wrapper forwards ... (Lua has no
-- keyword arguments).
local counters = {}
local function counting(name, fn)
  local calls = 0
  local function wrapper(...) calls = calls + 1; return fn(...) end
  counters[name] = function() return calls end
  return wrapper
end
local fib
fib = function(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end
fib = counting("fib", fib)
print(string.format("%.0f %.0f", fib(32), counters.fib()))
