-- memo_dict: a memoising decorator over a table, on Collatz chain lengths.
local function memoize(fn)
  local cache, size = {}, 0
  local function wrapper(n)
    local c = cache[n]
    if c ~= nil then return c end
    local r = fn(n)
    cache[n] = r
    size = size + 1
    return r
  end
  return wrapper, function() return size end
end
local collatz, cache_len
collatz, cache_len = memoize(function(n)
  if n == 1 then return 1 end
  if n % 2 == 0 then return 1 + collatz(n / 2) end
  return 1 + collatz(3 * n + 1)
end)
local best, best_n, total = 0, 0, 0
for n = 1, 999999 do
  local c = collatz(n)
  total = total + c
  if c > best then best = c; best_n = n end
end
print(string.format("%.0f %.0f %.0f %.0f", best_n, best, total, cache_len()))
