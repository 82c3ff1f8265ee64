#!/bin/sh
# Start a Redis data pod: ask the sentinels who the master is; with no answer (first start), redis-0 is the
# master and the others replicate it. A restarted old master thus comes back as a replica of the new one.
set -eu
me="$(hostname).redis"
master=""
for i in 0 1 2; do
  master=$(redis-cli --no-auth-warning -a "$REDIS_PASSWORD" -h "redis-sentinel-$i.redis-sentinel" -p 26379 \
    sentinel get-master-addr-by-name mymaster 2>/dev/null | head -n 1 || true)
  [ -n "$master" ] && break
done
[ -z "$master" ] && [ "$(hostname)" != redis-0 ] && master="redis-0.redis"
cat > /data/redis.conf <<CONF
port 6379
dir /data
requirepass $REDIS_PASSWORD
masterauth $REDIS_PASSWORD
replica-announce-ip $me
# cache and counters: an AOF every second bounds loss to 1 s on a restart; the stream is replayed from there
appendonly yes
appendfsync everysec
save ""
maxmemory 1536mb
# response-cache keys all have a TTL; the event stream and rate-limit counters must not be evicted first
maxmemory-policy volatile-lru
CONF
if [ -n "$master" ] && [ "$master" != "$me" ]; then
  echo "replicaof $master 6379" >> /data/redis.conf
fi
exec redis-server /data/redis.conf
