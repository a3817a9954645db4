#!/usr/bin/env bash
# Wider zero-shot probe of the default model on real, third-party meshes of everyday objects, most of them in
# Align3D-synth's categories: furniture, tableware, vehicles, animals, people and plants from Sweet Home 3D's
# furniture libraries (Debian's sweethome3d-furniture: OBJ models, CC-BY 3.0 and CC0) and aircraft, helicopters, a
# rocket, boats, vehicles, houses and towers from FlightGear's scenery models (Debian's flightgear-data-models: AC3D
# models, GPL-2+), converted to OBJ with assimp (Debian's assimp-utils). Downloads six Debian packages (apt-get
# download, no root install), writes a manifest with one short caption per mesh, and runs `./align3d eval` on it
# (--split all: the manifest has no splits). Nothing is committed or cached in the repository: everything goes to
# the directory given (default a new temporary one).
#
# Every mesh was checked by rendering it as our loader reads it: all stand Y-up as stored (Sweet Home 3D and
# FlightGear both model Y-up), so the list declares no up axis (the column is kept for files that would need "z").
# The hammer lies flat, as hammers rest, and stays so. ALIGN3D_PROBE_AS_STORED=1 drops any declarations.
#
# The meshes come from a list (lines "source file category [up axis]", # for comments): by default
# bench-results/real-meshes-wide.list (62 meshes); ALIGN3D_PROBE_LIST=bench-results/real-meshes-catalog.list measures
# the catalogue probe (184 meshes in 41 categories, at most 8 of a category; see that file).
#
# ALIGN3D_PROBE_MODEL=DIR measures another bundle than the default model; ALIGN3D_PROBE_BARE_POINTS=N reads each
# mesh as a scan, a bare cloud of N surface points without normals (eval --bare-points).
#
#   bench-results/real-meshes-wide.sh [DIR]
#   ALIGN3D_PROBE_LIST=bench-results/real-meshes-catalog.list bench-results/real-meshes-wide.sh [DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$(mktemp -d)}
list=$(realpath "${ALIGN3D_PROBE_LIST:-$root/bench-results/real-meshes-wide.list}")
[ -f "$list" ] || { echo "real-meshes-wide: no list $list" >&2; exit 1; }
mkdir -p "$dir"
cd "$dir"
if [ ! -d x/usr/share/sweethome3d/furniture ] || [ ! -d x/usr/share/games/flightgear/Models ] || [ ! -x x/usr/bin/assimp ]; then
  for pkg in sweethome3d-furniture flightgear-data-models assimp-utils libassimp5 libdraco7 libminizip1; do
    apt-get download "$pkg" >/dev/null 2>&1 || { echo "real-meshes-wide: apt-get download $pkg failed" >&2; exit 1; }
  done
  for deb in ./*.deb; do dpkg -x "$deb" x; done
  rm -f ./*.deb
fi
command -v unzip >/dev/null || { echo "real-meshes-wide: unzip is needed (apt-get install unzip)" >&2; exit 1; }
furniture="$dir/x/usr/share/sweethome3d/furniture"
models="$dir/x/usr/share/games/flightgear/Models"
assimp() { LD_LIBRARY_PATH="$dir/x/usr/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$dir/x/usr/bin/assimp" "$@"; }
# Per list line: source, file in it, category, optional up axis; the caption is "a <category>". Sources: a Sweet
# Home 3D library (.sh3f, a zip) or "flightgear" (an .ac under Models/, converted to OBJ). `eval` classifies among the
# categories present (for the wide list 36: chance top-1 / top-5 0.028 / 0.139) and prints the result per category
# after its table.
manifest="$dir/manifest.jsonl"
: > "$manifest"
mkdir -p meshes
while read -r source file category up; do
  name=$(basename "${file%.*}")
  case "$source" in
    *.sh3f)
      lib=${source%.sh3f}
      id="$(echo "$lib" | tr 'A-Z' 'a-z')-$name"
      unzip -q -o "$furniture/$source" "$file" -d "meshes/$lib" </dev/null 2>/dev/null || { echo "real-meshes-wide: $file not in $source" >&2; continue; }
      path="$dir/meshes/$lib/$file" ;;
    flightgear)
      id="flightgear-$name"
      path="$dir/meshes/flightgear/$name.obj"
      mkdir -p meshes/flightgear
      assimp export "$models/$file" "$path" </dev/null >/dev/null 2>&1 || { echo "real-meshes-wide: assimp could not convert $file" >&2; continue; }
      rm -f "${path%.obj}.mtl" ;;
    *) echo "real-meshes-wide: unknown source $source" >&2; continue ;;
  esac
  declared=""
  if [ -n "${up:-}" ] && [ "${ALIGN3D_PROBE_AS_STORED:-}" != 1 ]; then declared=", \"up_axis\": \"$up\""; fi
  printf '{"id": "%s", "mesh": "%s", "category": "%s", "captions": ["a %s"]%s}\n' "$id" "$path" "$category" "$category" "$declared" >> "$manifest"
done < <(grep -v '^#' "$list")
echo "real-meshes-wide: $(wc -l < "$manifest") meshes in $manifest" >&2
"$root/align3d" eval --model "${ALIGN3D_PROBE_MODEL:-$root/models/align3d-default}" --data "$manifest" --split all \
  --bare-points "${ALIGN3D_PROBE_BARE_POINTS:-0}" --json "$dir/eval.json"
