-- Takes one token from every bucket named in KEYS if each has one, else none, in one step.
-- Each bucket is one string, "<t> <at>": t = tokens held (a fraction while refilling), at = when t
-- was computed, in microseconds of the caller's clock. A bucket refills smoothly: capacity tokens
-- per period. ARGV[1] = now (microseconds); then per bucket i: ARGV[2i] = capacity, ARGV[2i+1] =
-- period (microseconds). Returns four integers per bucket: 1 if it had a token, the whole tokens it
-- holds afterwards, microseconds until its next token (0 when it has one), microseconds until it
-- is full. A bucket is written only when the tokens are taken, with an expiry at the time it is
-- full again plus KEEP (ARGV[#ARGV], milliseconds), so idle buckets leave Redis by themselves.
-- All buckets are read with one MGET and each written with one SET: three calls for two buckets.
-- A bucket kept by the earlier version of this script is a hash (fields t and at), which MGET
-- answers as missing; it is read with HMGET then and becomes a string at its next write.
local now = tonumber(ARGV[1])
local keep = tonumber(ARGV[#ARGV])
local values = redis.call('MGET', unpack(KEYS))
local held = {}
local all = true
for i = 1, #KEYS do
  local capacity = tonumber(ARGV[2 * i])
  local period = tonumber(ARGV[2 * i + 1])
  local t, at
  local value = values[i]
  if value then
    local space = string.find(value, ' ', 1, true)
    if space then
      t = tonumber(string.sub(value, 1, space - 1))
      at = tonumber(string.sub(value, space + 1))
    end
  else
    local state = redis.call('HMGET', KEYS[i], 't', 'at')
    t = tonumber(state[1])
    at = tonumber(state[2])
  end
  if t == nil or at == nil then
    t = capacity
    at = now
  elseif now > at then
    t = math.min(capacity, t + (now - at) * capacity / period)
    at = now
  end
  held[i] = {t, at}
  if t < 1 then
    all = false
  end
end
local out = {}
for i = 1, #KEYS do
  local capacity = tonumber(ARGV[2 * i])
  local period = tonumber(ARGV[2 * i + 1])
  local t = held[i][1]
  local had = t >= 1
  if all then
    t = t - 1
  end
  local toFull = math.ceil((capacity - t) * period / capacity)
  local toNext = 0
  if t < 1 then
    toNext = math.ceil((1 - t) * period / capacity)
  end
  if all then
    redis.call('SET', KEYS[i], string.format('%.17g %d', t, held[i][2]), 'PX', math.ceil(toFull / 1000) + keep)
  end
  out[4 * i - 3] = had and 1 or 0
  out[4 * i - 2] = math.floor(t)
  out[4 * i - 1] = toNext
  out[4 * i] = toFull
end
return out
