#!/usr/bin/env bash
# Zero-shot probe of the default model on real meshes it never saw, none of them in Align3D-synth's style:
# the CGAL data set shipped in Debian's libcgal-demo package (public test meshes of animals, people, an
# airplane, a building, plants). Downloads one Debian package (apt-get download, no root install), writes a
# manifest with one short caption per mesh, and runs `./align3d eval` on it (--split all: the manifest has no
# splits). Nothing is committed or cached in the repository: everything goes to the directory given (default a
# new temporary one).
#
# The CGAL files carry no up axis. Most stand Y-up, as OFF is read by default; three lie with their height along Z
# (the airplane, the man, the mushroom: seen by rendering them, and the airplane's wings span X-Y), so the list
# declares "up_axis": "z" for them as a catalogue's owner would. ALIGN3D_PROBE_AS_STORED=1 drops the
# declarations, to measure the files as they come.
#
# ALIGN3D_PROBE_MODEL=DIR measures another bundle than the default model; ALIGN3D_PROBE_BARE_POINTS=N reads each
# mesh as a scan, a bare cloud of N surface points without normals (eval --bare-points).
#
#   bench-results/real-meshes.sh [DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$(mktemp -d)}
mkdir -p "$dir"
cd "$dir"
if [ ! -d cgal ]; then
  apt-get download libcgal-demo >/dev/null 2>&1 || { echo "real-meshes: apt-get download libcgal-demo failed" >&2; exit 1; }
  dpkg -x libcgal-demo_*.deb x
  mkdir -p cgal
  tar -xzf x/usr/share/doc/libcgal-dev/data.tar.gz -C cgal
fi
# file name -> category; the caption is "a <category>". Seven of the 15 categories are among Align3D-synth's 40
# (airplane, person, house, cow, pig, cat, elephant; the animals joined the generator after this list was written);
# the rest are kept on purpose: they measure whether the shape side generalises beyond the generator (the text side
# is pretrained). `eval` prints zero-shot classification per category after its table.
manifest="$dir/manifest.jsonl"
: > "$manifest"
while read -r file category up; do
  path=$(find "$dir/cgal" -name "$file" | head -1)
  [ -n "$path" ] || { echo "real-meshes: $file not in the data set" >&2; continue; }
  declared=""
  if [ -n "${up:-}" ] && [ "${ALIGN3D_PROBE_AS_STORED:-}" != 1 ]; then declared=", \"up_axis\": \"$up\""; fi
  printf '{"id": "%s", "mesh": "%s", "category": "%s", "captions": ["a %s"]%s}\n' "${file%.*}" "$path" "$category" "$category" "$declared" >> "$manifest"
done <<'LIST'
boeing.off airplane z
man.off person z
homer.off person
mannequin-devil.off person
building.ply house
cow.off cow
bull.off cow
camel.off camel
elephant.off elephant
elk.off elk
pig.off pig
bear.off bear
lion.off lion
kitten.off cat
dino.off dinosaur
triceratops.off dinosaur
diplodocus.off dinosaur
cactus.off cactus
mushroom.off mushroom z
hand.off hand
anchor.off anchor
tripod.off tripod
LIST
echo "real-meshes: $(wc -l < "$manifest") meshes in $manifest" >&2
"$root/align3d" eval --model "${ALIGN3D_PROBE_MODEL:-$root/models/align3d-default}" --data "$manifest" --split all \
  --bare-points "${ALIGN3D_PROBE_BARE_POINTS:-0}" --json "$dir/eval.json"
