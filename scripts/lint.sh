#!/usr/bin/env bash
# Checks every hand-written Swift file against .swift-format (generated contracts are exempt).
# With --fix, formats them in place instead.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files 'Sources/*.swift' 'Tests/*.swift' Package.swift | grep -v "/Generated/")
if [ "${1:-}" = "--fix" ]; then
  swift format format -i --configuration .swift-format "${files[@]}"
else
  swift format lint --strict --configuration .swift-format "${files[@]}"
fi
