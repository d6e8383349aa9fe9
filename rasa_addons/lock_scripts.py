"""The two Lua scripts of :class:`rasa_addons.lock_store.DigiPointLockStore`.

Each runs atomically inside Redis (``EVALSHA``), so a ticket is issued,
polled or released in one step however many Rasa processes share the queue.
Times are Redis's own clock (``TIME``), in milliseconds; leases and key
lifetimes come from the caller in milliseconds.
"""

# KEYS: queue (zset token -> ticket number), counter, leases (hash token -> expiry ms).
# ARGV: token, lease ms, key ttl ms, "issue" | "poll".
# Returns {ticket number (-1: token not queued), tickets ahead, tickets skipped}.
TAKE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local token, lease, ttl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
local number
if ARGV[4] == 'issue' then
  number = redis.call('INCR', KEYS[2])
  redis.call('ZADD', KEYS[1], number, token)
else
  number = redis.call('ZSCORE', KEYS[1], token)
  if not number then return {-1, 0, 0} end
end
redis.call('HSET', KEYS[3], token, now + lease)
local skipped = 0
while true do
  local head = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
  if head == token then break end
  if tonumber(redis.call('HGET', KEYS[3], head) or '0') > now then break end
  redis.call('ZREM', KEYS[1], head)
  redis.call('HDEL', KEYS[3], head)
  skipped = skipped + 1
end
for i = 1, 3 do
  if redis.call('PTTL', KEYS[i]) < ttl then redis.call('PEXPIRE', KEYS[i], ttl) end
end
return {tonumber(number), redis.call('ZRANK', KEYS[1], token), skipped}
"""

# KEYS as above. ARGV: token ('' = the ticket numbered ARGV[2]). Returns 1 if it was queued.
RELEASE = """
local token = ARGV[1]
if token == '' then
  token = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[2], ARGV[2])[1]
  if not token then return 0 end
end
local removed = redis.call('ZREM', KEYS[1], token)
redis.call('HDEL', KEYS[3], token)
if redis.call('ZCARD', KEYS[1]) == 0 then redis.call('DEL', KEYS[1], KEYS[3]) end
return removed
"""
