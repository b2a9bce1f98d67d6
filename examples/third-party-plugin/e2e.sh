#!/usr/bin/env bash
# End-to-end check of third-party plugin jars, run by ../../run-tests after the example is built:
#  1. nnrecover loads the example jar from a --plugins folder and runs a spec that uses three of
#     its plugins (cubic-relu, perturbed-oracle, adam) to a successful recovery, and one whose
#     tensor initializer uses its decomposer (orthogonal-power);
#  2. a folder holding the good jar next to deliberately broken ones (a services file naming a
#     missing class, a wrong API major version, a jar that is not a zip, a duplicate of the good
#     jar) reports one line per problem naming the jar, and the good plugins still work.
# Exits non-zero with the offending output on the first failed check.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$(ls "$here"/target/nnrecover-example-plugins-*.jar)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
nnrecover() { java -jar "$root/cli/target/nnrecover.jar" "$@"; }
fail() { echo "e2e FAILED: $1" >&2; echo "--- output:" >&2; cat "$2" >&2; exit 1; }
expect() { grep -qF -- "$2" "$3" || fail "$1: expected '$2'" "$3"; }

# 1. the example jar, alone in a plugins folder
mkdir "$work/good"
cp "$jar" "$work/good/"
nnrecover run --plugins "$work/good" --activation cubic-relu --initializer perturbed-oracle \
  --optimizer adam -d 5 -k 2 -n 2000 --seed 3 --threads 2 --format json >"$work/run.json" \
  2>"$work/run.err" || fail "run with the example plugins exited with $?" "$work/run.err"
out="$work/run.json"
expect "outcome" '"outcome" : "converged"' "$out"
expect "success" '"success" : true' "$out"
expect "activation" '"activation" : "cubic-relu"' "$out"
expect "initializer" '"initializer" : "perturbed-oracle"' "$out"
expect "optimizer" '"optimizer" : "adam"' "$out"
expect "provenance" "\"source\" : \"$work/good/$(basename "$jar")\"" "$out"
expect "plugin version" '"version" : "1.0.0"' "$out"
expect "adam parameters recorded" '"rate" : 0.01' "$out"
expect "perturbation recorded" '"relative-perturbation" : 0.1' "$out"
echo "e2e: example jar loaded, cubic-relu / perturbed-oracle / adam run converged with success"

# the example decomposer, selected by the built-in tensor initializer's parameter
nnrecover run --plugins "$work/good" --activation squared-relu --teacher orthogonal \
  --initializer tensor --set tensor.decomposer=orthogonal-power --optimizer gd -d 8 -k 3 -n 20000 \
  --seed 2 --threads 2 --format json >"$work/decomposer.json" 2>"$work/decomposer.err" \
  || fail "run with the example decomposer exited with $?" "$work/decomposer.err"
out="$work/decomposer.json"
expect "decomposer chosen" '"decomposer" : "orthogonal-power"' "$out"
expect "decomposer outcome" '"outcome" : "converged"' "$out"
expect "decomposer success" '"success" : true' "$out"
echo "e2e: the tensor initializer ran the example's orthogonal-power decomposer to a recovery"

# the environment variable works like --plugins
NNRECOVER_PLUGINS="$work/good" nnrecover plugins --format json >"$work/env.json"
expect "NNRECOVER_PLUGINS" '"name" : "cubic-relu"' "$work/env.json"

# 2. broken jars next to the good one
broken="$work/broken"
mkdir -p "$broken" "$work/missing/META-INF/services" "$work/api2"
cp "$jar" "$broken/a-good.jar"
printf 'Nnrecover-Api-Version: 1.0\n' >"$work/missing.mf"
echo org.example.nnplugins.DoesNotExist \
  >"$work/missing/META-INF/services/org.nnrecover.api.ActivationProvider"
jar --create --file "$broken/b-missing-class.jar" --manifest "$work/missing.mf" -C "$work/missing" .
(cd "$work/api2" && jar --extract --file "$jar" && rm META-INF/MANIFEST.MF)
printf 'Nnrecover-Api-Version: 2.0\n' >"$work/api2.mf"
jar --create --file "$broken/c-api-2.jar" --manifest "$work/api2.mf" -C "$work/api2" .
echo "not a jar" >"$broken/d-not-a-jar.jar"
cp "$jar" "$broken/e-duplicate.jar"
nnrecover plugins --plugins "$broken" >"$work/plugins.txt" 2>"$work/plugins.err" \
  || fail "plugins with broken jars exited with $?" "$work/plugins.err"
out="$work/plugins.txt"
expect "skipped section" "skipped (not loaded):" "$out"
expect "missing class" "$broken/b-missing-class.jar: activation provider: Provider org.example.nnplugins.DoesNotExist not found" "$out"
expect "api major" "$broken/c-api-2.jar: built for plugin API 2.0, but this nnrecover supports API 1.2 (a different major version)" "$out"
expect "not a jar" "$broken/d-not-a-jar.jar: not a readable jar file" "$out"
expect "clash" "$broken/e-duplicate.jar: activation 'cubic-relu' (org.example.nnplugins.CubicReluProvider) clashes with the activation of that name from $broken/a-good.jar" "$out"
expect "good plugin still listed" "cubic-relu - cubic rectified linear unit max(z, 0)^3  [from $broken/a-good.jar]" "$out"
expect "warning on stderr" "skipped $broken/c-api-2.jar" "$work/plugins.err"
[ "$(grep -c "^  $broken/" "$out")" -eq 7 ] || fail "expected 7 skipped lines (4 for the duplicate)" "$out"
nnrecover run --plugins "$broken" --activation cubic-relu --initializer perturbed-oracle \
  --optimizer adam -d 5 -k 2 -n 2000 --seed 3 --threads 2 >"$work/run2.txt" 2>/dev/null \
  || fail "run next to broken jars exited with $?" "$work/run2.txt"
expect "run next to broken jars" "outcome: converged" "$work/run2.txt"
echo "e2e: broken jars reported one line each; the good plugins still run"
