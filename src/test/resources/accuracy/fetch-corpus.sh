#!/usr/bin/env bash
# Fetches the accuracy corpus: clones every repository of corpus.yml into DIR/<owner>__<name> and checks out its
# pinned commit (the commit its labels describe). Needs git and network access to github.com. Re-running skips
# repositories already at their pin.
#   src/test/resources/accuracy/fetch-corpus.sh [DIR]     (default: target/accuracy-corpus)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${1:-target/accuracy-corpus}"
mkdir -p "$dir"
grep -E '^\s+- \{repository:' "$here/corpus.yml" | sed -E 's/.*repository: ([^,]+), commit: ([0-9a-f]{40}).*/\1 \2/' |
while read -r repo commit; do
  folder="$dir/${repo/\//__}"
  if [ -d "$folder/.git" ] && [ "$(git -C "$folder" rev-parse HEAD)" = "$commit" ]; then
    continue
  fi
  if [ ! -d "$folder/.git" ]; then
    git clone --quiet --no-checkout "https://github.com/$repo.git" "$folder"
  fi
  # The pin may be older than the default branch's tip; fetch it by hash if the clone lacks it.
  git -C "$folder" cat-file -e "$commit^{commit}" 2>/dev/null || git -C "$folder" fetch --quiet origin "$commit"
  git -C "$folder" checkout --quiet --detach "$commit"
  echo "$repo at $commit"
done
