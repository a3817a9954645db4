#!/usr/bin/env bash
# Which part carries a category? Zero-shot classification of Align3D-synth shapes as generated and with some of
# their parts taken away, to see what the model reads a category from. Generates a dataset (2,300 shapes, OBJ, the
# default seed) into DIR, writes for every line of the list below up to N shapes of that category and attribute
# values with the listed parts removed (faces and the vertices only they use: the rest keeps its size, so the
# shape is re-centred and re-scaled as a real mesh without those parts would be), adds one training shape of every
# category so that all categories are candidates, and runs `./align3d eval --per-shape` on the manifest. Prints per
# line the categories the shapes were taken for.
#
# ALIGN3D_PROBE_MODEL=DIR measures another bundle than the default model; ALIGN3D_ABLATION_SHAPES=N shapes per line
# (default 6). Nothing is written outside DIR (default a new temporary one).
#
#   bench-results/part-ablation.sh [DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$(mktemp -d)}
model=${ALIGN3D_PROBE_MODEL:-$root/models/align3d-default}
per=${ALIGN3D_ABLATION_SHAPES:-6}
mkdir -p "$dir/meshes"
"$root/align3d" dataset --out "$dir/data" --count 2300 --format obj >/dev/null
data="$dir/data/manifest.jsonl"
manifest="$dir/manifest.jsonl"
field() { sed -E "s/.*\"$1\":\"([^\"]*)\".*/\1/"; }
entry() { printf '{"id": "%s", "mesh": "%s", "category": "%s", "captions": ["a %s"]}\n' "$1" "$2" "$3" "$3"; }
: > "$manifest"
for category in $(field category < "$data" | sort -u); do
  line=$(awk -v c="\"category\":\"$category\"" 'index($0, c) && index($0, "\"split\":\"train\"") { print; exit }' "$data")
  entry "reference-$(echo "$line" | field id)" "$dir/data/$(echo "$line" | field mesh)" "$category" >> "$manifest"
done
# category, attribute values every shape must have (comma-separated "name":"value" pairs), parts removed ("-" for
# none), label. The first lines are the held-out test combinations the default model misses; the others, training
# combinations beside them.
while read -r category values parts label; do
  # the shapes whose line holds the category and every "name":"value"
  awk -v want="category=$category,$values" -v n="$per" '
    BEGIN { k = split(want, pairs, ","); for (i = 1; i <= k; i++) sub("=", "\":\"", pairs[i]) }
    { for (i = 1; i <= k; i++) if (!index($0, "\"" pairs[i] "\"")) next; print; if (++found == n) exit }
  ' "$data" | while read -r line; do
    id=$(echo "$line" | field id)
    out="$dir/meshes/$id-$label.obj"
    awk -v drop=" $(echo "$parts" | tr ',' ' ') " '
      /^v / { v[++nv] = $0; next }
      /^g / { g = $2; body[++nb] = $0; next }
      /^f / {
        if (index(drop, " " g " ")) next
        face = "f"
        for (i = 2; i <= NF; i++) { if (!($i in id)) { id[$i] = ++nk; keep[nk] = $i } face = face " " id[$i] }
        body[++nb] = face; next
      }
      END { for (k = 1; k <= nk; k++) print v[keep[k]]; for (b = 1; b <= nb; b++) print body[b] }
    ' "$dir/data/$(echo "$line" | field mesh)" > "$out"
    entry "$id-$label" "$out" "$category" >> "$manifest"
  done
done <<'LIST'
cat pose=standing,tail=up - standing-tail-up
cat pose=standing,tail=up tail standing-tail-up-without-tail
cat pose=standing,tail=down - standing-tail-down
cat pose=sitting,tail=up - sitting-tail-up
boat sail=no,cabin=yes - cabin
boat sail=no,cabin=yes cabin cabin-without-cabin
boat sail=yes,cabin=yes - sail-cabin
boat sail=yes,cabin=yes sail,mast sail-cabin-without-sail
LIST
"$root/align3d" eval --model "$model" --data "$manifest" --split all --per-shape "$dir/per-shape.jsonl" > "$dir/eval.txt"
echo "shapes, as generated or with parts removed -> the categories they were taken for (model $model)"
grep -v '"id": "reference-' "$dir/per-shape.jsonl" \
  | sed -E 's/^\{"id": "[a-z]+-[0-9]+-([^"]*)", "category": "([^"]*)".*"top5": \[\{"category": "([^"]*)".*/\2 \1 \3/' \
  | sort | uniq -c | awk '{ n[$2 " " $3] = n[$2 " " $3] sep[$2 " " $3] $4 " " $1; sep[$2 " " $3] = ", " }
                          END { for (k in n) print k " -> " n[k] }' | sort
