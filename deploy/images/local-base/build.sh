#!/usr/bin/env bash
# Builds the services' base images from Debian packages alone, without Docker and without pulling anything
# from an image registry, and pushes them to a registry (a local `docker-registry`, for instance):
#
#   <registry>/motoroctane/jre-base:bookworm     Debian 12 + openjdk-17-jre-headless, user 185, /deployments
#   <registry>/motoroctane/media-base:bookworm   the same + libvips-tools (media-service renders with `vips`)
#
# This is the stand-in for machines that reach Debian's archive but no image registry; where
# eclipse-temurin:21-jre can be pulled, deploy/images/media-base/Containerfile is the real media base and
# the other services need no base of their own. Java here is Debian's 17 (bookworm has no 21); the
# services are compiled for 17 and run the same on both.
#
#   deploy/images/local-base/build.sh [--registry localhost:5000] [--work DIR]
#
# Needs (Debian packages): mmdebstrap, umoci, skopeo; runs as root (chroot for the libvips layer).
set -euo pipefail

REGISTRY="localhost:5000"
WORK="${TMPDIR:-/tmp}/motoroctane-base"
SUITE="bookworm"
while [ $# -gt 0 ]; do
  case "$1" in
    --registry) REGISTRY="$2"; shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    *) echo "usage: $0 [--registry host:port] [--work DIR]" >&2; exit 2 ;;
  esac
done
for tool in mmdebstrap umoci skopeo; do
  command -v "$tool" >/dev/null || { echo "local-base: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done

log() { printf 'local-base: %s\n' "$*"; }
mkdir -p "$WORK"
ROOTFS="$WORK/jre-rootfs.tar"
LAYOUT="$WORK/oci"
JAVA_HOME_DIR="/usr/lib/jvm/java-17-openjdk-amd64"

if [ ! -s "$ROOTFS" ]; then
  log "Debian $SUITE + openjdk-17-jre-headless into $ROOTFS (mmdebstrap, a few minutes)"
  # no docs, man pages or translations in an image; the copyright files stay
  # (openjdk's postinst links its man page into man1, which must exist even when man pages are left out)
  mmdebstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
    --setup-hook='mkdir -p "$1/usr/share/man/man1"' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --customize-hook='echo "app:x:185:0:MotorOctane service:/deployments:/usr/sbin/nologin" >> "$1/etc/passwd"' \
    --customize-hook='mkdir -p "$1/deployments" && chown 185:0 "$1/deployments" && chmod 775 "$1/deployments"' \
    --customize-hook='rm -rf "$1"/var/lib/apt/lists/* "$1"/var/cache/apt/*' \
    --format=tar "$SUITE" "$ROOTFS.part"
  mv "$ROOTFS.part" "$ROOTFS"
fi

rm -rf "$LAYOUT" "$WORK/media-bundle"
umoci init --layout "$LAYOUT"
umoci new --image "$LAYOUT:jre"
log "jre-base: one layer from the root filesystem"
umoci raw add-layer --image "$LAYOUT:jre" "$ROOTFS"
umoci config --image "$LAYOUT:jre" \
  --config.env "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --config.env "JAVA_HOME=$JAVA_HOME_DIR" --config.env "LANG=C.UTF-8" \
  --config.user 185 --config.workingdir /deployments \
  --author "MotorOctane deploy/images/local-base" --history.comment "Debian $SUITE + openjdk-17-jre-headless"

log "media-base: jre-base + libvips-tools (apt-get in a chroot, as the Containerfile's RUN does)"
umoci unpack --image "$LAYOUT:jre" "$WORK/media-bundle"
R="$WORK/media-bundle/rootfs"
cp /etc/resolv.conf "$R/etc/resolv.conf"
mount -t proc proc "$R/proc"
trap 'umount "$R/proc" 2>/dev/null || true' EXIT
chroot "$R" /bin/sh -c 'export DEBIAN_FRONTEND=noninteractive && apt-get update -qq \
  && apt-get install -y -qq --no-install-recommends libvips-tools >/dev/null \
  && rm -rf /var/lib/apt/lists/* /var/cache/apt/* && vips --version'
umount "$R/proc"
trap - EXIT
: > "$R/etc/resolv.conf"
umoci repack --image "$LAYOUT:media" "$WORK/media-bundle"
umoci config --image "$LAYOUT:media" --config.user 185 --history.comment "libvips-tools"

for image in jre media; do
  log "push $REGISTRY/motoroctane/$image-base:$SUITE"
  skopeo copy --quiet --dest-tls-verify=false "oci:$LAYOUT:$image" "docker://$REGISTRY/motoroctane/$image-base:$SUITE"
done
log "done: $REGISTRY/motoroctane/jre-base:$SUITE and $REGISTRY/motoroctane/media-base:$SUITE"
