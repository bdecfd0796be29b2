#!/usr/bin/env bash
# The one test command. Builds, starts a throwaway RabbitMQ + PostgreSQL when this machine has them
# (unless PRISM_TEST_RABBITMQ / PRISM_TEST_POSTGRES already name running ones), runs every test
# project, stops what it started, and ends with one line: "N passed, M failed, K skipped".
# Without the services, the tests that need them are skipped with the reason printed (under CI=true
# they fail instead). Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Pixels").
set -uo pipefail
cd "$(dirname "$0")/.."

results=artifacts/test-results
rm -rf "$results" && mkdir -p "$results"
export PRISM_MEASUREMENTS=$PWD/artifacts/measurements.txt
: > "$PRISM_MEASUREMENTS"

if [[ -z ${PRISM_TEST_RABBITMQ:-} || -z ${PRISM_TEST_POSTGRES:-} ]]; then
  if [[ $(id -u) == 0 && -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] && compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
    env_lines=$(scripts/services.sh start) || { echo "test: could not start RabbitMQ/PostgreSQL" >&2; exit 1; }
    eval "$env_lines"
    trap 'scripts/services.sh stop' EXIT
  else
    echo "test: RabbitMQ or PostgreSQL is not installed (or not root): broker and database tests will be skipped." >&2
    echo "test: 'sudo scripts/services.sh install' installs RabbitMQ; PostgreSQL server comes from the postgresql package." >&2
  fi
fi

echo "test: building (Release)"
dotnet build Prism.sln -c Release -v q -nologo || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

# The house format (.editorconfig) is part of the test: a finding counts as one failed test, named below.
echo "test: checking the format (dotnet format --verify-no-changes)"
format_findings=$(dotnet format Prism.sln --verify-no-changes --no-restore -v q 2>&1) && format_failed=0 || format_failed=1

dotnet test Prism.sln -c Release --no-build --nologo \
  --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

if [[ -s $PRISM_MEASUREMENTS ]]; then
  echo; echo "Measured in this run:"; sed 's/^/  /' "$PRISM_MEASUREMENTS"
fi

# Totals from the TRX files of every test project (skipped = total - executed).
read -r passed failed skipped < <(cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
  function v(name,  m) { if (match($0, name "=\"[0-9]+\"")) { m = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 } return 0 }
  { p += v("passed"); f += v("failed") + v("error") + v("timeout") + v("aborted"); s += v("total") - v("executed") }
  END { print p + 0, f + 0, s + 0 }')
if [[ $status -ne 0 && $failed -eq 0 ]]; then failed=1; fi
if [[ $format_failed -ne 0 ]]; then failed=$((failed + 1)); status=1; fi

# Each failed test again, with its message and where it failed, so the end of the log (all a CI
# summary may keep) says what failed.
if [[ $failed -gt 0 ]]; then
  echo; echo "Failed tests:"
  perl -0777 -ne '
    sub unxml { my $s = shift; $s =~ s/&#x([0-9A-Fa-f]+);/chr(hex $1)/ge; $s =~ s/&#(\d+);/chr $1/ge;
      $s =~ s/&lt;/</g; $s =~ s/&gt;/>/g; $s =~ s/&quot;/"/g; $s =~ s/&apos;/\x27/g; $s =~ s/&amp;/&/g; $s =~ s/\r//g; $s }
    while (/<UnitTestResult\b([^>]*?)(?:\/>|>(.*?)<\/UnitTestResult>)/sg) {
      my ($attrs, $body) = ($1, $2 // "");
      next unless $attrs =~ /\boutcome="(Failed|Error|Timeout|Aborted)"/;
      my ($name) = $attrs =~ /\btestName="([^"]*)"/;
      my ($message) = $body =~ /<Message>(.*?)<\/Message>/s;
      my ($stack) = $body =~ /<StackTrace>(.*?)<\/StackTrace>/s;
      my @lines = (split(/\n/, unxml($message // "")))[0..11];
      my @frames = grep { /\bin \S+:line \d+/ } split(/\n/, unxml($stack // ""));
      print "  FAILED ", unxml($name), "\n";
      print map { defined $_ ? "    $_\n" : "" } @lines;
      print map { "    $_\n" } @frames[0 .. ($#frames < 3 ? $#frames : 3)];
    }' "$results"/*.trx
  if [[ $format_failed -ne 0 ]]; then
    echo "  FAILED format: dotnet format --verify-no-changes (run 'dotnet format Prism.sln' to fix)"
    echo "$format_findings" | head -20 | sed 's/^/    /'
  fi
fi
echo
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
