#!/usr/bin/env bash
# Installs a Waymark release bundle and puts `waymark` on the PATH. Needs only bash, tar or unzip,
# coreutils and, to run Waymark, Java 17+ (a JRE is enough). No Maven, no build.
#
#   ./install.sh                                   # inside an unpacked bundle: install this one
#   ./install.sh waymark-0.1.0.tar.gz              # a downloaded bundle (.tar.gz or .zip)
#   ./install.sh https://example.org/waymark-0.1.0.tar.gz --sha256 HEX   # download, verify, install
#
# Options:
#   --prefix DIR   where bundles are unpacked (default ${XDG_DATA_HOME:-~/.local/share}/waymark);
#                  each version in a folder of its own, `current` links the installed one
#   --bin DIR      where the `waymark` link goes (default ~/.local/bin; put it on PATH)
#   --sha256 HEX   refuse a bundle whose SHA-256 is not HEX (else a BUNDLE.sha256 file beside a
#                  local bundle, or URL.sha256 for a download, is checked when there is one)
set -euo pipefail

die() {
  echo "install.sh: $*" >&2
  exit 2
}

source=""
prefix="${XDG_DATA_HOME:-${HOME:?HOME is not set}/.local/share}/waymark"
bindir="$HOME/.local/bin"
sha256=""
while (($#)); do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a folder}"; shift 2 ;;
    --bin) bindir="${2:?--bin needs a folder}"; shift 2 ;;
    --sha256) sha256="${2:?--sha256 needs a checksum}"; shift 2 ;;
    -h | --help) sed -n '2,/^[^#]/{/^#/p;}' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) [[ -z "$source" ]] || die "one bundle at a time"; source="$1"; shift ;;
  esac
done

sum() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
if [[ -z "$source" ]]; then
  [[ -f "$here/VERSION" && -f "$here/lib/waymark.jar" ]] \
    || die "give the bundle to install (a .tar.gz or .zip, or its URL); see --help"
  unpacked="$here"
else
  case "$source" in
    http://* | https://*)
      file="$work/$(basename "$source")"
      if command -v curl >/dev/null 2>&1; then
        curl -fsSL -o "$file" "$source" || die "cannot download $source"
        [[ -n "$sha256" ]] || sha256="$(curl -fsSL "$source.sha256" 2>/dev/null | cut -d' ' -f1 || true)"
      elif command -v wget >/dev/null 2>&1; then
        wget -q -O "$file" "$source" || die "cannot download $source"
        [[ -n "$sha256" ]] || sha256="$(wget -q -O - "$source.sha256" 2>/dev/null | cut -d' ' -f1 || true)"
      else
        die "neither curl nor wget is installed; download the bundle and give its file"
      fi
      ;;
    *)
      [[ -f "$source" ]] || die "$source: no such file"
      file="$source"
      if [[ -z "$sha256" && -f "$source.sha256" ]]; then
        sha256="$(cut -d' ' -f1 <"$source.sha256")"
      fi
      ;;
  esac
  if [[ -n "$sha256" ]]; then
    actual="$(sum "$file")"
    [[ "$actual" == "$sha256" ]] \
      || die "$(basename "$file"): SHA-256 is $actual, expected $sha256; not installed"
  fi
  mkdir "$work/x"
  case "$file" in
    *.tar.gz | *.tgz) tar -xzf "$file" -C "$work/x" ;;
    *.zip) command -v unzip >/dev/null 2>&1 || die "unzip is not installed; use the .tar.gz"
      unzip -q "$file" -d "$work/x" ;;
    *) die "$file is not a .tar.gz or .zip bundle" ;;
  esac
  unpacked="$(find "$work/x" -mindepth 1 -maxdepth 1 -type d -name 'waymark-*' | head -n 1)"
  [[ -n "$unpacked" && -f "$unpacked/lib/waymark.jar" ]] || die "$file is not a Waymark bundle"
fi

version="$(cat "$unpacked/VERSION")"
[[ "$version" =~ ^[0-9A-Za-z.+-]+$ ]] || die "the bundle's VERSION is not a version: $version"
target="$prefix/waymark-$version"
mkdir -p "$prefix" "$bindir"
if [[ "$unpacked" != "$target" ]]; then
  rm -rf "$target.tmp"
  cp -R "$unpacked" "$target.tmp"
  rm -rf "$target"
  mv "$target.tmp" "$target"
fi
chmod +x "$target/bin/waymark" "$target/waymark"
ln -sfn "waymark-$version" "$prefix/current"
ln -sfn "$prefix/current/bin/waymark" "$bindir/waymark"

echo "installed Waymark $version in $target; $bindir/waymark runs it"
case ":$PATH:" in
  *":$bindir:"*) ;;
  *) echo "add $bindir to PATH, e.g. in ~/.profile: export PATH=\"$bindir:\$PATH\"" ;;
esac
if ! command -v java >/dev/null 2>&1 && [[ -z "${JAVA_HOME:-}" ]]; then
  echo "note: no java on PATH; Waymark needs Java 17 or newer (a JRE is enough)"
fi
