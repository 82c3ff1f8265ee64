#!/bin/sh
# Sentinel rewrites its own config (known replicas, epochs): it lives on the pod's emptyDir, regenerated at start.
set -eu
# the master the other sentinels agree on, if any (after a failover it is no longer redis-0)
master=""
for i in 0 1 2; do
  [ "redis-sentinel-$i" = "$(hostname)" ] && continue
  master=$(redis-cli --no-auth-warning -a "$REDIS_PASSWORD" -h "redis-sentinel-$i.redis-sentinel" -p 26379 \
    sentinel get-master-addr-by-name mymaster 2>/dev/null | head -n 1 || true)
  [ -n "$master" ] && break
done
[ -z "$master" ] && master="redis-0.redis"
cat > /sentinel/sentinel.conf <<CONF
port 26379
requirepass $REDIS_PASSWORD
sentinel resolve-hostnames yes
sentinel announce-hostnames yes
sentinel announce-ip $(hostname).redis-sentinel
sentinel monitor mymaster $master 6379 2
sentinel auth-pass mymaster $REDIS_PASSWORD
sentinel down-after-milliseconds mymaster 5000
sentinel failover-timeout mymaster 60000
sentinel parallel-syncs mymaster 1
CONF
exec redis-server /sentinel/sentinel.conf --sentinel
