-- church: Church numerals as curried functions.
local zero = function(f) return function(x) return x end end
local succ = function(n) return function(f) return function(x) return f(n(f)(x)) end end end
local add = function(m) return function(n) return function(f) return function(x)
  return m(f)(n(f)(x)) end end end end
local mul = function(m) return function(n) return function(f) return m(n(f)) end end end
local power = function(m) return function(n) return n(m) end end
local to_int = function(n) return n(function(k) return k + 1 end)(0) end
local nums = { [0] = zero }
for i = 1, 70 do nums[i] = succ(nums[i - 1]) end
local total = 0
for a = 1, 69 do
  for b = 1, 69 do
    total = total + to_int(mul(nums[a])(nums[b]))
    total = total + to_int(add(nums[a])(nums[b]))
  end
end
for a = 2, 4 do
  for b = 2, 8 do total = total + to_int(power(nums[a])(nums[b])) end
end
print(string.format("%.0f", total))
