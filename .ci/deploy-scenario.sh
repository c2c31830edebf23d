#!/usr/bin/env bash
# The shared-host deployment of docs/deploy.md, done for real (needs root): a service account
# owns the data, two staff accounts reach Rapport only through the sudo rule, each lands in its
# own role and sees only its own customers, and neither can read or copy the database file.
# A third, unmapped account must give a Rapport password; a forged SUDO_USER gains nothing.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" -ne 0 ]; then echo "deploy scenario: not root, so it cannot create accounts; run .ci/run as root"; exit 1; fi
BIN="$PWD/.build/debug/rapport"
[ -x "$BIN" ] || swift build --product rapport
command -v sudo >/dev/null || { echo "deploy scenario: sudo is missing"; exit 1; }

SVC=rapport-ci-svc; STAFF_GROUP=rapport-ci-staff; ZHANG=rci-zhang; LI=rci-li; WU=rci-wu
HOME_SVC=/var/lib/$SVC
PROG=/usr/local/lib/$SVC/rapport
DB=$HOME_SVC/.local/share/rapport/rapport.sqlite
RULE=/etc/sudoers.d/$SVC
TODAY=2026-11-22
SOCK="rapport-deploy-$$"
tm() { tmux -L "$SOCK" "$@"; }
cleanup() {
  tm kill-server 2>/dev/null
  for u in $ZHANG $LI $WU $SVC; do pkill -KILL -u "$u" 2>/dev/null; done
  sleep 0.2
  for u in $ZHANG $LI $WU $SVC; do userdel -r "$u" >/dev/null 2>&1; done
  groupdel "$STAFF_GROUP" >/dev/null 2>&1
  rm -rf "$HOME_SVC" "/usr/local/lib/$SVC" "$RULE"
}
cleanup; [ -n "${KEEP:-}" ] || trap cleanup EXIT
failed=0
check() {  # description, then a command that must succeed
  local what=$1; shift
  if "$@"; then echo "ok   $what"; else echo "FAIL $what"; failed=$((failed + 1)); fi
}

# Accounts, folders, the program, the rule — as docs/deploy.md sets them up.
useradd --system --home-dir "$HOME_SVC" --create-home --shell /usr/sbin/nologin "$SVC"
chmod 0700 "$HOME_SVC"
groupadd "$STAFF_GROUP"
for u in $ZHANG $LI $WU; do useradd --create-home --shell /bin/bash --groups "$STAFF_GROUP" "$u"; done
install -d -m 0755 "/usr/local/lib/$SVC"
install -m 0755 "$BIN" "$PROG"
printf '%%%s ALL=(%s) NOPASSWD: %s\n' "$STAFF_GROUP" "$SVC" "$PROG" > "$RULE"
chmod 0440 "$RULE"
visudo -cf "$RULE" >/dev/null || { echo "FAIL the sudoers rule does not parse"; exit 1; }

# The administrator, as the service account: the company (the demo's, at the company's path)
# and each staff account mapped to its login by the manager.
as_svc() { runuser -u "$SVC" -- env HOME="$HOME_SVC" "$@"; }
as_svc "$PROG" demo --db "$DB" --no-tui --today "$TODAY" >/dev/null 2>&1
printf 'demo\n' | as_svc "$PROG" user map $ZHANG rep --user manager --password-stdin >/dev/null
printf 'demo\n' | as_svc "$PROG" user map $LI rep2 --user manager --password-stdin >/dev/null

fails() { ! "$@" >/dev/null 2>&1; }
is() { [ "$1" = "$2" ] || { echo "     expected '$2', got '$1'"; return 1; }; }

# Staff cannot touch the file.
check "the data folder is the service account's, 0700" is "$(stat -c '%U %a' "$HOME_SVC")" "$SVC 700"
check "the database is the service account's, 0600" is "$(stat -c '%U %a' "$DB")" "$SVC 600"
check "a staff account cannot read the database" fails runuser -u $ZHANG -- cat "$DB"
check "a staff account cannot copy the database" fails runuser -u $ZHANG -- cp "$DB" "/tmp/stolen-$$.sqlite"
check "a staff account cannot list the data folder" fails runuser -u $ZHANG -- ls "$HOME_SVC"
check "run without the rule, the program cannot open it either" fails runuser -u $ZHANG -- "$PROG" export customers --format csv --out - --db "$DB"
rm -f "/tmp/stolen-$$.sqlite"

# Through the rule: each lands as its own login and sees only its own customers.
via() { local who=$1; shift; runuser -u "$who" -- sudo -n -u "$SVC" "$PROG" "$@"; }
owners() {  # who → "ROWS OWNER…" of the customers their export holds
  via "$1" export customers --format csv --out - 2>/dev/null | python3 -c '
import csv, sys
rows = list(csv.DictReader(sys.stdin))
print(len(rows), *sorted({r["owner"] for r in rows}))'
}
expected() {  # login → "ROWS login", counted by the service account
  echo "$(as_svc sqlite3 "$DB" "SELECT COUNT(*) FROM customers c JOIN users u ON u.id = c.owner_id WHERE u.login = '$1'") $1"
}
check "zhang, through the rule, exports rep's customers and no one else's" is "$(owners $ZHANG)" "$(expected rep)"
check "li, through the rule, exports rep2's customers and no one else's" is "$(owners $LI)" "$(expected rep2)"
check "a rep may not list users through the rule" fails via $ZHANG user list
check "a rep may not back up through the rule" fails via $ZHANG backup --out "$HOME_SVC/copy.sqlite"
check "--db is not taken through the rule" fails via $ZHANG report reminders --db /tmp/other.sqlite
check "files come out only on standard output" fails via $ZHANG export customers --out "/tmp/x-$$.xlsx"

# An unmapped account gives a Rapport password; a wrong one is refused.
check "an unmapped account without a password is refused" fails via $WU report reminders
check "an unmapped account with a wrong password is refused" fails sh -c "printf 'nope\n' | runuser -u $WU -- sudo -n -u $SVC $PROG report reminders --user rep3 --password-stdin"
check "an unmapped account with the login's password is that login" is \
  "$(printf 'demo\n' | runuser -u $WU -- sudo -n -u $SVC "$PROG" report reminders --user rep3 --password-stdin --today $TODAY 2>/dev/null | head -1 | cut -d' ' -f1-4)" "Reminders for rep3 (sales_rep)"
# A mapped account naming another login must prove it: its own mapping does not carry over.
check "a mapped account naming another login needs that login's password" fails via $ZHANG report reminders --user rep2 --password-stdin </dev/null
# Forged: SUDO_USER and SUDO_UID set by hand, in a process of the service account that sudo did
# not start (as root's runuser does), are not believed: no login, nothing read.
forged() { runuser -u "$SVC" -- env HOME="$HOME_SVC" SUDO_USER=$ZHANG SUDO_UID="$(id -u $ZHANG)" "$PROG" export customers --format csv --out - 2>&1; }
check "a forged SUDO_USER is not believed" is "$(forged | head -c 25)" "rapport: who is running t"

# The TUI through the rule: no login screen, straight into the mapped login's workspace.
tui() {  # session who name
  tm new-session -d -s "$1" -x 100 -y 30 "runuser -u $2 -- sudo -n -u $SVC $PROG --today $TODAY; echo RAPPORT-EXITED \$?; sleep 60"
  local i=0
  while [ $i -lt 150 ]; do
    tm capture-pane -p -t "$1" | grep -qF "$3" && { tm capture-pane -p -t "$1" | grep -qF "Log in" && return 1; return 0; }
    sleep 0.1; i=$((i + 1))
  done
  echo "     the screen was:"; tm capture-pane -p -t "$1"; return 1
}
quit_tui() {
  tm send-keys -t "$1" q; sleep 0.3; tm send-keys -t "$1" y
  local i=0
  while [ $i -lt 100 ]; do tm capture-pane -p -t "$1" | grep -qF "RAPPORT-EXITED 0" && return 0; sleep 0.1; i=$((i + 1)); done
  tm capture-pane -p -t "$1"; return 1
}
check "zhang's TUI opens as 张伟 Zhang Wei, without a login screen" tui zhang $ZHANG "张伟 Zhang Wei"
check "zhang's TUI quits cleanly" quit_tui zhang
check "li's TUI opens as 李娜 Li Na" tui li $LI "李娜 Li Na"
check "li's TUI quits cleanly" quit_tui li
check "the logins through the rule are audited with their accounts" is \
  "$(as_svc sqlite3 "$DB" "SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND after LIKE '%$ZHANG%'" | awk '$1 > 0 { print "yes" }')" yes

if [ $failed -gt 0 ]; then echo "deploy scenario: $failed failed"; exit 1; fi
echo "deploy scenario: all passed"
