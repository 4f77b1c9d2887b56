#!/usr/bin/env bash
# Publishes a deploy's two images under the app commit's tag (and 'latest') and prints, for
# $GITHUB_OUTPUT, each one by digest: the task definitions pin that exact image.
#   publish-images.sh build   <tag> <backend-repo> <frontend-repo> <arch>...
#       joins the per-architecture images the native build jobs pushed (<repo>:<tag>-<arch>) into one list
#   publish-images.sh promote <tag> <backend-repo> <frontend-repo> <backend-source> <frontend-source>
#       copies the digests staging verified (<repo>@sha256:...) into prod's repositories, rebuilding nothing
set -euo pipefail

usage() {
  echo "usage: $0 build <tag> <backend-repo> <frontend-repo> <arch>... | promote <tag> <backend-repo> <frontend-repo> <backend-source> <frontend-source>" >&2
  exit 2
}

[ "$#" -ge 5 ] || usage
mode=$1 tag=$2 backend=$3 frontend=$4
shift 4

publish() { # <name> <repo> <source>...
  local name=$1 repo=$2
  shift 2
  docker buildx imagetools create --tag "$repo:$tag" --tag "$repo:latest" "$@" >&2
  local digest
  digest=$(docker buildx imagetools inspect "$repo:$tag" --format '{{.Manifest.Digest}}')
  case "$digest" in
    sha256:*) echo "$name=$repo@$digest" ;;
    *) echo "no digest for $repo:$tag (got '$digest')" >&2; exit 1 ;;
  esac
}

case "$mode" in
  build)
    backend_sources=() frontend_sources=()
    for arch in "$@"; do
      backend_sources+=("$backend:$tag-$arch")
      frontend_sources+=("$frontend:$tag-$arch")
    done
    publish backend "$backend" "${backend_sources[@]}"
    publish frontend "$frontend" "${frontend_sources[@]}"
    ;;
  promote)
    [ "$#" -eq 2 ] || usage
    for source in "$@"; do
      case "$source" in
        *@sha256:*) ;;
        *) echo "not an image by digest: '$source'" >&2; exit 1 ;;
      esac
    done
    publish backend "$backend" "$1"
    publish frontend "$frontend" "$2"
    ;;
  *) usage ;;
esac
