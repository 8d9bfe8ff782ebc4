// church: Church numerals as curried arrow functions.
const zero = (f) => (x) => x;
const succ = (n) => (f) => (x) => f(n(f)(x));
const add = (m) => (n) => (f) => (x) => m(f)(n(f)(x));
const mul = (m) => (n) => (f) => m(n(f));
const power = (m) => (n) => n(m);
const toInt = (n) => n((k) => k + 1)(0);
const nums = [zero];
for (let i = 0; i < 70; i++) nums.push(succ(nums[nums.length - 1]));
let total = 0;
for (let a = 1; a < 70; a++)
  for (let b = 1; b < 70; b++) {
    total += toInt(mul(nums[a])(nums[b]));
    total += toInt(add(nums[a])(nums[b]));
  }
for (let a = 2; a < 5; a++)
  for (let b = 2; b < 9; b++) total += toInt(power(nums[a])(nums[b]));
console.log(String(total));
