#!/usr/bin/env bash
# Every test: installs what is missing, checks the generated contracts are current and the
# code is formatted, then runs the suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-packages.sh
scripts/generate-protos.sh --check
scripts/lint.sh
swift build --build-tests
swift test --skip-build
