#!/bin/sh
# The folders of src/ depend on each other one way (src/DESIGN.md):
#
#   core/features  <-  core/rules  <-  core/library
#   core/features  <-  core/diagrams
#   core/quiz      ->  core/library, core/rules, core/diagrams, core/features
#   core/present   ->  core/library, core/rules, core/diagrams, core/features
#   app/widgets: GTK and libadwaita only, nothing of Hepatica's domain
#
# Each "#include "hep-….h"" line is resolved to the folder that holds the
# header, and the folder must be the file's own or one it may see. The build
# enforces the same through each library's include path; this check names
# the offending line.
set -eu
root="${1:-.}"
cd "$root"

# folder: the folders it may include from (besides itself)
allowed () {
  case "$1" in
    src/core/features) echo "" ;;
    src/core/rules)    echo "src/core/features" ;;
    src/core/diagrams) echo "src/core/features" ;;
    src/core/library)  echo "src/core/features src/core/rules" ;;
    src/core/library/tools) echo "src/core/features src/core/rules src/core/library" ;;
    src/core/quiz)     echo "src/core/features src/core/rules src/core/diagrams src/core/library" ;;
    src/core/present)  echo "src/core/features src/core/rules src/core/diagrams src/core/library" ;;
    src/app/widgets)   echo "" ;;
    *) echo "*" ;;
  esac
}

status=0
headers=$(find src -name 'hep-*.h')
for file in $(find src/core src/app/widgets -name '*.[ch]' | sort); do
  dir=$(dirname "$file")
  ok=$(allowed "$dir")
  [ "$ok" = "*" ] && continue
  grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"hep-[a-z0-9-]+\.h"' "$file" |
  while IFS= read -r line; do
    name=$(echo "$line" | sed -E 's/.*"(hep-[a-z0-9-]+\.h)".*/\1/')
    where=$(echo "$headers" | grep "/$name\$" | head -n 1 | xargs -r dirname)
    if [ -z "$where" ]; then
      echo "$file:${line%%:*}: includes $name, which is in no folder of src/" >&2
      echo x
      continue
    fi
    [ "$where" = "$dir" ] && continue
    case " $ok " in
      *" $where "*) ;;
      *) echo "$file:${line%%:*}: includes $where/$name; $dir may include only from: ${ok:-its own folder}" >&2
         echo x ;;
    esac
  done | grep -q x && status=1 || true
done
[ $status -eq 0 ] && echo "the folders of src/ depend on each other one way"
exit $status
