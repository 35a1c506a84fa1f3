#!/usr/bin/env bash
# The demo: installs what is missing, builds, and runs the main job end to end on generated data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-packages.sh
echo "Building (release)…"
swift build -c release 2>&1 | tail -n 1
exec .build/release/stripebridge demo "$@"
