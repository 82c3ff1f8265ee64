#!/usr/bin/env bash
# Builds the images of all five services: motoroctane/<service>:<version>, pushed to a registry or written as
# tar files (docker/podman load -i ...), without Docker. `bin/platform images` runs this script.
#
#   deploy/images/build.sh [--registry HOST:PORT] [--tar] [--tag TAG] [--local-base] [--insecure]
#                          [--jvm-base IMAGE] [--media-base IMAGE]
#
#   --registry R    where images are pushed, and where media-service's base is looked for (default localhost:5000)
#   --tar           write <service>/target/jib-image.tar instead of pushing (bases are still pulled)
#   --tag T         image tag (default: the project version)
#   --jvm-base I    base of the four JVM services (default eclipse-temurin:21-jre, root pom.xml image.jvm-base)
#   --media-base I  media-service's base: Java + libvips (default R/motoroctane/media-base:21, built first from
#                   deploy/images/media-base/Containerfile when podman, buildah or docker is at hand)
#   --local-base    build both bases from Debian packages instead (deploy/images/local-base/build.sh), push them
#                   to R and use them: for machines that reach no image registry but Debian's archive
#   --insecure      R speaks plain HTTP (a local docker-registry); implied for localhost and 127.0.0.1
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REGISTRY="localhost:5000"
MODE="registry"
TAG=""
JVM_BASE=""
MEDIA_BASE=""
LOCAL_BASE=0
INSECURE=0
SERVICES="catalog-service,compare-service,admin-service,media-service,gateway"

die() { printf 'images: error: %s\n' "$*" >&2; exit 1; }
log() { printf 'images: %s\n' "$*"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --registry) REGISTRY="${2:?}"; shift 2 ;;
    --tar) MODE="tar"; shift ;;
    --tag) TAG="${2:?}"; shift 2 ;;
    --jvm-base) JVM_BASE="${2:?}"; shift 2 ;;
    --media-base) MEDIA_BASE="${2:?}"; shift 2 ;;
    --local-base) LOCAL_BASE=1; shift ;;
    --insecure) INSECURE=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/{/^#/p}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
case "$REGISTRY" in localhost:*|127.0.0.1:*|localhost|127.0.0.1) INSECURE=1 ;; esac

if [ "$LOCAL_BASE" = 1 ]; then
  "$ROOT/deploy/images/local-base/build.sh" --registry "$REGISTRY"
  JVM_BASE="${JVM_BASE:-$REGISTRY/motoroctane/jre-base:bookworm}"
  MEDIA_BASE="${MEDIA_BASE:-$REGISTRY/motoroctane/media-base:bookworm}"
fi

if [ -z "$MEDIA_BASE" ]; then
  MEDIA_BASE="$REGISTRY/motoroctane/media-base:21"
  builder=""
  for b in podman buildah docker; do command -v "$b" >/dev/null && { builder=$b; break; }; done
  if [ -n "$builder" ]; then
    log "media-base: $builder builds deploy/images/media-base/Containerfile as $MEDIA_BASE"
    tls=()
    [ "$INSECURE" = 1 ] && [ "$builder" != docker ] && tls=(--tls-verify=false)
    if [ "$builder" = buildah ]; then
      buildah bud --target jvm -t "$MEDIA_BASE" "$ROOT/deploy/images/media-base"
      buildah push "${tls[@]}" "$MEDIA_BASE"
    else
      "$builder" build --target jvm -t "$MEDIA_BASE" "$ROOT/deploy/images/media-base"
      "$builder" push "${tls[@]}" "$MEDIA_BASE"
    fi
  else
    log "media-base: no podman, buildah or docker here; expecting $MEDIA_BASE to exist already (or use --local-base)"
  fi
fi

args=(-B -DskipTests -pl "$SERVICES" -am package "-Dimage.media-base=$MEDIA_BASE"
      "-Dimages.insecure=$([ "$INSECURE" = 1 ] && echo true || echo false)")
[ -n "$JVM_BASE" ] && args+=("-Dimage.jvm-base=$JVM_BASE")
[ -n "$TAG" ] && args+=("-Dquarkus.container-image.tag=$TAG")
if [ "$MODE" = tar ]; then
  args+=(-Pimages-tar)
else
  args+=(-Pimages "-Dquarkus.container-image.registry=$REGISTRY")
fi

log "mvn ${args[*]}"
start=$(date +%s)
mvn_bin="mvn"; [ -x "$ROOT/mvnw" ] && mvn_bin="$ROOT/mvnw"
(cd "$ROOT" && "$mvn_bin" "${args[@]}")
log "built in $(( $(date +%s) - start )) s"
for s in ${SERVICES//,/ }; do
  if [ "$MODE" = tar ]; then
    f="$ROOT/$s/target/jib-image.tar"
    [ -f "$f" ] && log "$s: $f ($(du -h "$f" | cut -f1))"
  else
    log "$s: $REGISTRY/motoroctane/$s:${TAG:-<project version>}"
  fi
done
