#!/usr/bin/env bash
# End-to-end scenarios: the real binary in tmux, driven by send-keys and read by capture-pane.
# Each scenario polls for text (never a bare sleep) and fails with the screen it saw.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN="$PWD/.build/debug/rapport"
[ -x "$BIN" ] || swift build --product rapport
WORK=$(mktemp -d)
DB="$WORK/demo.sqlite"
TODAY=2026-11-22
export RAPPORT_LOG="$WORK/rapport.log"
"$BIN" demo --db "$DB" --no-tui --today "$TODAY" --seed 42 2>/dev/null
passed=0; failed=0; failures=()
SOCK="rapport-ci-$$"
tm() { tmux -L "$SOCK" "$@"; }
# The database as another reader sees it, waiting out a moment's lock (the app may be writing).
sql() { sqlite3 -cmd ".timeout 5000" "$DB" "$1"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$WORK"' EXIT

start() {  # name cols rows term [env and args…]
  local name=$1 cols=$2 rows=$3 term=$4; shift 4
  tm kill-session -t "$name" 2>/dev/null
  tm new-session -d -s "$name" -x "$cols" -y "$rows" \
    "env LANG=C.UTF-8 TERM=$term $* ; echo RAPPORT-EXITED \$?; stty -a | tr ' ;' '\n\n' | grep -qx echo && stty -a | tr ' ;' '\n\n' | grep -qx icanon && echo TTY-SANE; sleep 300"
}
screen() { tm capture-pane -p -t "$1"; }
wait_for() {  # name text [seconds]
  local name=$1 text=$2 limit=${3:-15} i=0
  while [ $i -lt $((limit * 10)) ]; do
    screen "$name" | grep -qF -- "$text" && return 0
    sleep 0.1; i=$((i + 1))
  done
  echo "--- waited ${limit}s for '$text' in $name; the screen was:"; screen "$name"; echo "---"
  return 1
}
login() { tm send-keys -t "$1" "$2" Tab demo Enter; }
result() {
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "ok   $1"; else failed=$((failed + 1)); failures+=("$1"); echo "FAIL $1"; fi
}

scenario_roles() {
  local rc=0 login label
  for pair in "rep:Sales rep" "assistant:Sales assistant" "finance:Finance" "purchasing:Purchasing" "manager:Manager"; do
    login=${pair%%:*}; label=${pair#*:}
    start "role-$login" 100 30 xterm-256color "$BIN" --db "$DB" --today "$TODAY"
    wait_for "role-$login" "Log in" || rc=1
    login "role-$login" "$login"
    wait_for "role-$login" "Rapport · $label" || rc=1
    wait_for "role-$login" "Reminders" || rc=1
    wait_for "role-$login" "Month to date" || rc=1
    tm send-keys -t "role-$login" q; wait_for "role-$login" "Quit Rapport?" || rc=1
    tm send-keys -t "role-$login" y; wait_for "role-$login" "RAPPORT-EXITED 0" || rc=1
  done
  return $rc
}

scenario_resize() {
  start resize 80 24 xterm-256color "$BIN" --db "$DB" --today "$TODAY"
  wait_for resize "Log in" && login resize rep && wait_for resize "Contact today" || return 1
  tm resize-window -t resize -x 60 -y 20
  wait_for resize "Terminal too small: 60×20" || return 1
  tm resize-window -t resize -x 80 -y 24
  wait_for resize "Contact today" || return 1
  ! screen resize | grep -q "too small"
}

scenario_quit_restores_terminal() {
  start quit 80 24 xterm-256color "$BIN" --db "$DB" --today "$TODAY"
  wait_for quit "Log in" && login quit finance && wait_for quit "Receivables aging" || return 1
  tm send-keys -t quit C-c
  wait_for quit "RAPPORT-EXITED 0" && wait_for quit "TTY-SANE" || return 1
  ! screen quit | grep -q "Reminders"
}

scenario_sigterm_restores_terminal() {
  start sig 80 24 xterm-256color "$BIN" --db "$DB" --today "$TODAY" --user term-check
  wait_for sig "Log in" || return 1
  local pid; pid=$(pgrep -f -- "^$BIN .*--user term-check" | head -1)
  [ -n "$pid" ] || return 1
  kill -TERM "$pid"
  wait_for sig "RAPPORT-EXITED 0" && wait_for sig "TTY-SANE"
}

check_alignment() {  # name — every customer row has its status column at the same display column
  screen "$1" | python3 -c '
import sys, unicodedata
def width(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
cols, wide = set(), False
for line in sys.stdin:
    if "C0" not in line: continue
    for status in (" active ", " dormant ", " lead ", " prospect ", " lost "):
        i = line.find(status)
        if i >= 0:
            cols.add(width(line[:i])); wide = wide or any(unicodedata.east_asian_width(c) == "W" for c in line[:i]); break
print("status columns:", sorted(cols), "wide names:", wide)
sys.exit(0 if len(cols) == 1 and wide else 1)'
}

scenario_chinese_alignment() {
  local rc=0
  for term in xterm-256color vt100; do
    start "align-$term" 100 30 "$term" "$BIN" --db "$DB" --today "$TODAY"
    wait_for "align-$term" "Log in" && login "align-$term" rep && wait_for "align-$term" "Contact today" || { rc=1; continue; }
    tm send-keys -t "align-$term" ":" ; wait_for "align-$term" ":customers" || rc=1
    tm send-keys -t "align-$term" "cust" Enter; wait_for "align-$term" "Customers —" || rc=1
    if [ "$term" = vt100 ]; then tm send-keys -t "align-$term" G; else tm send-keys -t "align-$term" End; fi  # vt100 has no End key
    # The list pages in the background: poll until Chinese-named rows are on screen.
    local ok=1 i
    for i in $(seq 1 50); do check_alignment "align-$term" >/dev/null && { ok=0; break; }; sleep 0.2; done
    check_alignment "align-$term" || true
    [ $ok -eq 0 ] || { rc=1; screen "align-$term"; }
    if [ "$term" = vt100 ]; then screen "align-$term" | grep -q "^+ Customers" || { echo "vt100 should draw ASCII boxes"; rc=1; }; fi
  done
  return $rc
}

scenario_escape_in_name() {
  start evil 120 40 xterm-256color "$BIN" --db "$DB" --today "$TODAY"
  wait_for evil "Log in" && login evil rep2 && wait_for evil "Reminders" || return 1
  tm send-keys -t evil ":" "cust" Enter; wait_for evil "Customers —" || return 1
  for _ in 1 2 3 4 5 6 7 8; do screen evil | grep -qF 'Evil ^[[31mRed^[[0m Imports' && break; tm send-keys -t evil PageDown; sleep 0.2; done
  wait_for evil 'Evil ^[[31mRed^[[0m Imports LLC' 3
}

scenario_chinese_ui_mono() {
  start zh 80 24 xterm-256color NO_COLOR=1 "$BIN" --db "$DB" --today "$TODAY" --lang zh --theme mono
  wait_for zh "用户名" && login zh rep && wait_for zh "业务员" && wait_for zh "今天需联系" && wait_for zh "本月至今"
}

wait_gone() {  # name text [seconds]
  local i=0
  while [ $i -lt $((${3:-5} * 10)) ]; do
    screen "$1" | grep -qF -- "$2" || return 0
    sleep 0.1; i=$((i + 1))
  done
  echo "--- '$2' still on $1:"; screen "$1"; return 1
}

# Chinese text under the palette and the help, at 80×24 and 120×40: after each closes, the
# screen is the same as after a full redraw (Ctrl-L) — no border pieces, no eaten characters.
scenario_chinese_overlays_leave_no_debris() {
  local size cols rows before after redrawn
  for size in 80x24 120x40; do
    cols=${size%x*}; rows=${size#*x}
    start "debris$cols" "$cols" "$rows" xterm-256color "$BIN" --db "$DB" --today "$TODAY" --lang zh
    wait_for "debris$cols" "用户名" && login "debris$cols" rep && wait_for "debris$cols" "今天需联系" && wait_for "debris$cols" "本月至今" || return 1
    before=$(screen "debris$cols")
    tm send-keys -t "debris$cols" ":"; wait_for "debris$cols" ":customers" || return 1
    tm send-keys -t "debris$cols" Escape; wait_gone "debris$cols" ":customers" || return 1
    tm send-keys -t "debris$cols" "?"; wait_for "debris$cols" "按键" || return 1
    tm send-keys -t "debris$cols" Escape; wait_gone "debris$cols" "keys.toml" || return 1
    after=$(screen "debris$cols")
    tm send-keys -t "debris$cols" C-l; sleep 0.5; redrawn=$(screen "debris$cols")
    [ "$after" = "$redrawn" ] && [ "$after" = "$before" ] || { echo "--- $size after closing:"; echo "$after"; echo "--- after Ctrl-L:"; echo "$redrawn"; return 1; }
  done
}

scenario_other_process_write_refreshes() {
  start live 100 30 xterm-256color "$BIN" --db "$DB" --today "$TODAY"
  wait_for live "Log in" && login live rep && wait_for live "Contact today (" || return 1
  local before after
  before=$(screen live | grep -o 'Contact today ([0-9]*)' | grep -o '[0-9]*')
  sqlite3 -cmd ".timeout 5000" "$DB" "UPDATE customers SET next_contact_on = '$TODAY' WHERE id IN (SELECT id FROM customers WHERE owner_id = (SELECT id FROM users WHERE login = 'rep') AND coalesce(next_contact_on, '') <> '$TODAY' LIMIT 3);"
  after=$((before + 3))
  wait_for live "Contact today ($after)" 3
}

scenario_dumb_terminal() {
  local out; out=$(env TERM=dumb "$BIN" --db "$DB" 2>&1 </dev/null); local rc=$?
  [ $rc -ne 0 ] && echo "$out" | grep -q "TERM is 'dumb'"
}

scenario_bad_config_and_locale() {
  local cfg="$WORK/config"; mkdir -p "$cfg/rapport"
  printf '[keys]\nfly = "f"\n' > "$cfg/rapport/keys.toml"
  start badcfg 100 30 xterm-256color XDG_CONFIG_HOME="$cfg" LC_ALL=C "$BIN" --db "$DB" --today "$TODAY"
  wait_for badcfg "keys.toml:2: unknown action 'fly'" && wait_for badcfg "Log in" && login badcfg purchasing && wait_for badcfg "Low stock"
}

scenario_find_by_pinyin_initials() {
  start pinyin 100 30 xterm-256color "$BIN" --db "$DB" --today "$TODAY"
  wait_for pinyin "Log in" && login pinyin rep && wait_for pinyin "Contact today" || return 1
  tm send-keys -t pinyin ":" "cust" Enter; wait_for pinyin "Customers —" || return 1
  tm send-keys -t pinyin "/bjhl"; wait_for pinyin "1 found" && wait_for pinyin "北京华联商厦有限公司" || return 1
  tm send-keys -t pinyin Enter Enter; wait_for pinyin "┌ 北京华联商厦有限公司 ─"
}

# The lines of the reminder pane under one group heading (up to the next heading).
reminder_group() {  # name heading
  screen "$1" | awk -v h="$2" 'index($0, "▸ " h) { on = 1; next } on && index($0, "▸ ") { on = 0 } on { print }'
}

rep_finds_bjhl() {  # name cols rows: as rep, the customer list searched for 北京华联 by pinyin initials
  start "$1" "$2" "$3" xterm-256color "$BIN" --db "$DB" --today "$TODAY"
  wait_for "$1" "Log in" && login "$1" rep && wait_for "$1" "Contact today" || return 1
  tm send-keys -t "$1" ":" "cust" Enter; wait_for "$1" "Customers —" || return 1
  tm send-keys -t "$1" "/bjhl"; wait_for "$1" "1 found"
}

scenario_log_call_next_contact_tomorrow() {
  rep_finds_bjhl logcall 100 30 || return 1
  tm send-keys -t logcall Enter l; wait_for logcall "Log contact — 北京华联商厦有限公司" || return 1
  tm send-keys -t logcall Tab Tab Tab "Called about the spring order" Tab "will order" Tab C-u "+1"
  wait_for logcall "+1" || return 1
  tm send-keys -t logcall Enter; wait_for logcall "Contact logged: 北京华联商厦有限公司" || return 1
  tm send-keys -t logcall ":" "home" Enter; wait_for logcall "Contact tomorrow" || return 1
  local i=0
  while [ $i -lt 50 ]; do
    reminder_group logcall "Contact tomorrow" | grep -q "北京华联商厦有限" && return 0
    sleep 0.1; i=$((i + 1))
  done
  echo "--- 北京华联商厦有限公司 is not under Contact tomorrow:"; screen logcall; return 1
}

scenario_duplicate_shows_only_owner_and_date() {
  local other code phone
  other=$(sql "SELECT c.code || '|' || c.phone || '|' || u.display_name FROM customers c JOIN users u ON u.id = c.owner_id WHERE c.name LIKE '北京华联商厦（集团）%'")
  code=${other%%|*}; phone=$(echo "$other" | cut -d'|' -f2); owner=${other##*|}
  start dup 100 30 xterm-256color "$BIN" --db "$DB" --today "$TODAY"
  wait_for dup "Log in" && login dup rep && wait_for dup "Contact today" || return 1
  tm send-keys -t dup ":" "cust" Enter; wait_for dup "Customers —" || return 1
  tm send-keys -t dup a; wait_for dup "New customer" || return 1
  tm send-keys -t dup "北京华联商厦集团" C-s
  wait_for dup "This customer exists already" && wait_for dup "similar to 北京华联商厦（集团）股份有限公司, owned by $owner since" || return 1
  if screen dup | grep -qF -e "$code" -e "$phone"; then echo "--- the other rep's code or phone is shown:"; screen dup; return 1; fi
  tm send-keys -t dup Down; tm send-keys -t dup c; wait_for dup "Ask the manager for this customer" || return 1
  tm send-keys -t dup "Met them at the Canton fair" Enter; wait_for dup "Claim sent to the manager"
}

scenario_quote_by_pinyin_to_sales_order() {
  rep_finds_bjhl quote 80 24 || return 1
  tm send-keys -t quote Enter Enter; wait_for quote "1 Overview" || return 1
  tm send-keys -t quote 5; wait_for quote "new quote" || return 1
  tm send-keys -t quote a; wait_for quote "New quote — 北京华联商厦有限公司" || return 1
  tm send-keys -t quote "tggj"; wait_for quote "碳钢管件" || return 1
  tm send-keys -t quote Enter; wait_for quote "Quantity 1" || return 1
  tm send-keys -t quote "12" Enter Enter "5" Enter; wait_for quote "5.0 %" || return 1
  screen quote | grep -q "Total [1-9]" || { echo "--- no total:"; screen quote; return 1; }
  tm send-keys -t quote Enter; wait_for quote "Quote Q-2026-" || return 1
  tm send-keys -t quote A; wait_for quote "Accept quote → sales order" && wait_for quote "Credit exposure after it" || return 1
  tm send-keys -t quote Enter Enter Enter; wait_for quote "Accepted: sales order SO-2026-" || return 1
  local lines
  lines=$(sql "SELECT COUNT(*) || ' ' || SUM(l.discount_bp) FROM sales_order_lines l JOIN sales_orders o ON o.id = l.order_id JOIN quotes q ON q.sales_order_id = o.id WHERE q.quote_date = '$TODAY' AND o.quote_id = q.id")
  [ "$lines" = "1 500" ] || { echo "--- the order's lines in the database: '$lines'"; return 1; }
}

scenario_print_quote_and_export_customers() {
  # As a rep at 80×24: print a quote to a file (no printer configured) and export the customer
  # list to .xlsx; both files are then read back.
  local out="$WORK/docs"
  start docs 80 24 xterm-256color XDG_DATA_HOME="$out" XDG_CONFIG_HOME="$out/config" "$BIN" --db "$DB" --today "$TODAY" || return 1
  wait_for docs "Log in" && login docs rep && wait_for docs "Contact today" || return 1
  tm send-keys -t docs ":" "quotes" Enter; wait_for docs "My quotes" || return 1
  tm send-keys -t docs 3; wait_for docs "Q-20" || return 1
  tm send-keys -t docs p; wait_for docs "Print preview: Q-" && wait_for docs "报价单 QUOTATION" || return 1
  tm send-keys -t docs Enter; wait_for docs "Saved to $out/rapport/printed/Q-" || return 1
  local printed
  printed=$(ls "$out/rapport/printed/")
  grep -q "大写 In words" "$out/rapport/printed/$printed" || { echo "--- printed file:"; cat "$out/rapport/printed/$printed"; return 1; }
  tm send-keys -t docs Escape Escape ":" "customers" Enter; wait_for docs "Customers —" || return 1
  tm send-keys -t docs x; wait_for docs "x .xlsx" || return 1
  tm send-keys -t docs x; wait_for docs "Exported" || return 1
  local book
  book=$(ls "$out/rapport/exports/"*.xlsx 2>/dev/null | head -1)
  [ -n "$book" ] || { echo "--- no workbook in $out/rapport/exports"; return 1; }
  local mine
  mine=$(sql "SELECT COUNT(*) FROM customers c JOIN users u ON u.id = c.owner_id WHERE u.login = 'rep' AND c.archived = 0")
  # Read back with Python's standard library: rows of the sheet, the A1 title, the frozen pane.
  local rows
  rows=$(python3 - "$book" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
m = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
ws = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml'))
data = ws.findall(f'{m}sheetData/{m}row')
a1 = ''.join(t.text or '' for t in data[0].find(f'{m}c').iter(f'{m}t'))
pane = ws.find(f'{m}sheetViews/{m}sheetView/{m}pane')
print(len(data) - 1, a1, pane.get('topLeftCell') if pane is not None and pane.get('state') == 'frozen' else None)
PY
)
  [ "$rows" = "$mine Code A2" ] || { echo "--- workbook: '$rows', expected '$mine Code A2'"; return 1; }
}

scenario_ship_an_order_and_take_a_receipt() {
  # In Chinese at 80×24: the assistant opens the orders to ship, ships the first order with one
  # line left out, and voids the shipment again; finance takes a receipt that splits itself over
  # the customer's open receivables. The database agrees at each step and `check` holds.
  start ship 80 24 xterm-256color "$BIN" --db "$DB" --today "$TODAY" --lang zh || return 1
  wait_for ship "登录" && login ship assistant && wait_for ship "待发货" || return 1
  tm send-keys -t ship ":" "open-orders" Enter; wait_for ship "│SO-2026-" || return 1
  tm send-keys -t ship Enter; wait_for ship "1 概览" || return 1
  local order
  order=$(screen ship | grep -o "SO-2026-[0-9]*" | head -1)
  tm send-keys -t ship s; wait_for ship "新发货单 — $order" && wait_for ship "本次数量" || return 1
  tm send-keys -t ship Down 0 Up; wait_for ship "第 1 行" || return 1
  tm send-keys -t ship C-s; wait_for ship "已过账" || return 1
  local shipped
  shipped=$(sql "SELECT s.number || ' ' || (SELECT COUNT(*) FROM shipment_lines WHERE shipment_id = s.id) || ' ' || o.status FROM shipments s JOIN sales_orders o ON o.id = s.order_id WHERE o.number = '$order' ORDER BY s.id DESC LIMIT 1")
  case "$shipped" in SH-2026-*" "*" partially_shipped") ;; *) echo "--- the shipment in the database: '$shipped'"; screen ship; return 1 ;; esac
  # The tab's row (number then date), not the toast that names the same number.
  tm send-keys -t ship 3; wait_for ship "${shipped%% *} $TODAY" || return 1
  tm send-keys -t ship d; wait_for ship "作废 — ${shipped%% *}" || return 1
  tm send-keys -t ship "wrong" Enter; wait_for ship "已作废" || return 1
  [ "$(sql "SELECT status FROM shipments WHERE number = '${shipped%% *}'")" = "voided" ] || { echo "--- not voided"; return 1; }
  tm send-keys -t ship ":" "logout" Enter; wait_for ship "登录" || return 1
  login ship finance && wait_for ship "逾期应收" || return 1
  local customer
  customer=$(sql "SELECT c.code FROM receivables r JOIN customers c ON c.id = r.customer_id WHERE r.status = 'posted' AND r.open_amount > 0 GROUP BY c.id HAVING COUNT(*) >= 2 ORDER BY c.code LIMIT 1")
  tm send-keys -t ship ":" "customers" Enter; wait_for ship "客户 — 共" || return 1
  tm send-keys -t ship "/" "$customer"; wait_for ship "找到 1 个" || return 1
  tm send-keys -t ship Enter Enter; wait_for ship "1 概览" || return 1
  tm send-keys -t ship 8; wait_for ship "a 新收款" || return 1
  tm send-keys -t ship a; wait_for ship "新收款 —" || return 1
  tm send-keys -t ship "1000"; wait_for ship "已核销 1,000.00" || return 1
  tm send-keys -t ship C-s; wait_for ship "已过账" || return 1
  local allocated
  allocated=$(sql "SELECT r.amount || ' ' || r.unapplied || ' ' || (SELECT SUM(amount) FROM receipt_allocations WHERE receipt_id = r.id) FROM receipts r JOIN customers c ON c.id = r.customer_id WHERE c.code = '$customer' ORDER BY r.id DESC LIMIT 1")
  [ "$allocated" = "100000 0 100000" ] || { echo "--- the receipt in the database: '$allocated'"; return 1; }
  "$BIN" check --db "$DB" >/dev/null || { "$BIN" check --db "$DB"; return 1; }
}

scenario_key_a_five_line_order() {
  # The assistant keys a 5-line order from the home at 80×24: the customer by pinyin initials,
  # one product by pinyin initials and four by code, each price the customer's default. Keys
  # other than the typed values (codes, quantities) are counted: the issue allows 40.
  local keys=0
  k() { keys=$((keys + $#)); tm send-keys -t order "$@"; }   # keys that are not values
  v() { tm send-keys -t order -l "$1"; }                        # a value, typed
  start order 80 24 xterm-256color "$BIN" --db "$DB" --today "$TODAY" || return 1
  wait_for order "Log in" && login order assistant && wait_for order "Deliveries due" || return 1
  k ":"; for c in n e w - o r d e r; do k "$c"; done; k Enter; wait_for order "Customer" || return 1
  v "bjqc"; wait_for order "北京启创贸易集团有限公司" || return 1
  k Enter; wait_for order "New sales order — 北京启创贸易" || return 1
  v "tggj"; wait_for order "碳钢管件" || return 1
  k Enter; wait_for order "Quantity 1" || return 1
  v "12"; k Enter Enter Enter; wait_for order "1 P0" || return 1
  local n=2
  for code in P00002 P00003 P00004 P00005; do
    v "$code"; wait_for order "$code " || return 1
    k Enter; wait_for order "Quantity 1" || return 1
    v "$n"; k Enter Enter Enter; wait_for order " $n $code" || return 1
    n=$((n + 1))
  done
  k Enter; wait_for order "Sales order SO-2026-" || return 1
  echo "keys beyond the values for a 5-line order: $keys (at most 40)"
  [ "$keys" -le 40 ] || return 1
  local got
  got=$(sql "SELECT o.number || ' ' || COUNT(l.id) || ' ' || (o.total = SUM(l.amount)) FROM sales_orders o JOIN sales_order_lines l ON l.order_id = o.id JOIN customers c ON c.id = o.customer_id WHERE c.name LIKE '北京启创贸易%' AND o.order_date = '$TODAY' GROUP BY o.id ORDER BY o.id DESC LIMIT 1")
  case "$got" in SO-2026-*" 5 1") ;; *) echo "--- the order in the database: '$got'"; screen order; return 1;; esac
}

scenario_ship_in_two_parts_print_and_void() {
  # The assistant at 100×30 ships an order from :deliveries in two parts (one line held back,
  # then the rest), prints the first note to a file and finds its quantities there, voids the
  # second shipment and sees the stock and the receivable restored.
  local out="$WORK/ship2"
  start ship2 100 30 xterm-256color XDG_DATA_HOME="$out" "$BIN" --db "$DB" --today "$TODAY" || return 1
  wait_for ship2 "Log in" && login ship2 assistant && wait_for ship2 "Deliveries due" || return 1
  tm send-keys -t ship2 ":" "deliveries" Enter; wait_for ship2 "2 Deliveries due" || return 1
  local order
  order=$(sql "SELECT o.number FROM sales_orders o WHERE o.status = 'open' AND o.due_date <= date('$TODAY', '+1 day') AND (SELECT COUNT(*) FROM sales_order_lines WHERE order_id = o.id) >= 2 ORDER BY o.due_date, o.number LIMIT 1")
  local row=0
  row=$(sql "SELECT COUNT(*) FROM sales_orders WHERE status IN ('open','partially_shipped') AND due_date <= date('$TODAY', '+1 day') AND (due_date, number) < (SELECT due_date, number FROM sales_orders WHERE number = '$order')")
  [ "$row" -gt 0 ] && for _ in $(seq "$row"); do tm send-keys -t ship2 Down; done
  tm send-keys -t ship2 s; wait_for ship2 "New shipment — $order" || return 1
  # Hold the second line back: 0 this time.
  tm send-keys -t ship2 Down 0 Up; wait_for ship2 "Line 1" || return 1
  tm send-keys -t ship2 C-s; wait_for ship2 "Shipment SH-2026-" || return 1
  local first
  first=$(sql "SELECT s.number FROM shipments s JOIN sales_orders o ON o.id = s.order_id WHERE o.number = '$order' AND s.status = 'posted' ORDER BY s.id DESC LIMIT 1")
  [ "$(sql "SELECT status FROM sales_orders WHERE number = '$order'")" = "partially_shipped" ] || { echo "--- $order not partly shipped"; return 1; }
  # The rest: the order again from its card.
  tm send-keys -t ship2 ":" "orders" Enter; wait_for ship2 "Orders —" || return 1
  tm send-keys -t ship2 "/" "$order"; wait_for ship2 "1 found" || return 1
  tm send-keys -t ship2 Enter Enter; wait_for ship2 "1 Overview" || return 1
  tm send-keys -t ship2 s; wait_for ship2 "New shipment — $order" || return 1
  tm send-keys -t ship2 C-s; wait_gone ship2 "New shipment — $order" || return 1
  # The card reloads with the order shipped (the database says so first).
  local i=0
  while [ "$(sql "SELECT status FROM sales_orders WHERE number = '$order'")" != "shipped" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
  [ "$(sql "SELECT status FROM sales_orders WHERE number = '$order'")" = "shipped" ] || { echo "--- $order not shipped"; screen ship2; return 1; }
  wait_for ship2 "Shipments $(sql "SELECT COUNT(*) FROM shipments s JOIN sales_orders o ON o.id = s.order_id WHERE o.number = '$order'")" || return 1
  local second stock_before receivable
  second=$(sql "SELECT s.number FROM shipments s JOIN sales_orders o ON o.id = s.order_id WHERE o.number = '$order' ORDER BY s.id DESC LIMIT 1")
  stock_before=$(sql "SELECT SUM(on_hand) FROM stock_levels")
  receivable=$(sql "SELECT COUNT(*) FROM receivables r JOIN shipments s ON s.id = r.shipment_id WHERE s.number = '$second' AND r.status = 'posted'")
  [ "$receivable" = "1" ] || { echo "--- no receivable for $second"; return 1; }
  # Print the first note to a file: its quantities are there.
  tm send-keys -t ship2 ":" "shipments" Enter; wait_for ship2 "Shipments —" || return 1
  tm send-keys -t ship2 "/" "$first"; wait_for ship2 "1 found" || return 1
  tm send-keys -t ship2 Enter p; wait_for ship2 "Print preview: $first" || return 1
  tm send-keys -t ship2 Enter; wait_for ship2 "Saved to $out/rapport/printed/$first" || return 1
  local qty
  qty=$(sql "SELECT l.quantity / 1000 FROM shipment_lines l JOIN shipments s ON s.id = l.shipment_id WHERE s.number = '$first' ORDER BY l.id LIMIT 1")
  grep -q "SHIPMENT NOTE" "$out/rapport/printed/$first.txt" && grep -q " $qty " "$out/rapport/printed/$first.txt" || { echo "--- note:"; cat "$out/rapport/printed/$first.txt"; return 1; }
  # Void the second shipment: stock back, receivable voided, the order partly shipped again.
  tm send-keys -t ship2 Escape; wait_for ship2 "shipments · newest first" || return 1
  tm send-keys -t ship2 "/" "$second"; wait_for ship2 "1 found" || return 1
  tm send-keys -t ship2 Enter Enter; wait_for ship2 "$second" && wait_for ship2 "d void" || return 1
  tm send-keys -t ship2 d; wait_for ship2 "Void — $second" || return 1
  tm send-keys -t ship2 "keyed twice" Enter; wait_for ship2 "voided" || return 1
  [ "$(sql "SELECT status FROM sales_orders WHERE number = '$order'")" = "partially_shipped" ] || { echo "--- $order not reopened"; return 1; }
  [ "$(sql "SELECT r.status FROM receivables r JOIN shipments s ON s.id = r.shipment_id WHERE s.number = '$second'")" = "voided" ] || { echo "--- receivable not voided"; return 1; }
  [ "$(sql "SELECT SUM(on_hand) FROM stock_levels")" -gt "$stock_before" ] || { echo "--- stock not restored"; return 1; }
  "$BIN" check --db "$DB" >/dev/null || { "$BIN" check --db "$DB"; return 1; }
}

scenario_fresh_clone_readme() {
  # A newcomer: a fresh clone, the README's first command (`swift run rapport demo`, which
  # builds), log in, quit; then what the README says comes next (`swift run rapport`) opens the
  # demo again. Its own XDG folders, so nothing of the machine's is used.
  local clone="$WORK/clone" home="$WORK/newcomer"
  git clone -q "$PWD" "$clone" || return 1
  mkdir -p "$home"
  start fresh 80 24 xterm-256color XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state" RAPPORT_DB= \
    sh -c "'cd $clone && swift run rapport demo --today $TODAY'" || return 1
  wait_for fresh "Log in" 900 || return 1
  login fresh rep && wait_for fresh "Contact today" || return 1
  tm send-keys -t fresh q; wait_for fresh "Quit" && tm send-keys -t fresh y; wait_for fresh "RAPPORT-EXITED 0" 20 || return 1
  start fresh 80 24 xterm-256color XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_STATE_HOME="$home/state" RAPPORT_DB= \
    sh -c "'cd $clone && swift run rapport --today $TODAY'" || return 1
  wait_for fresh "Log in" 300 && login fresh finance && wait_for fresh "Overdue receivables" || return 1
  [ -f "$home/data/rapport/demo.sqlite" ] || { echo "--- no demo file under the newcomer's data folder"; return 1; }
}

scenario_receipt_then_aging() {
  # Finance at 100×30: :new-receipt finds the customer by code, the amount pays its two oldest
  # receivables in full and half of the third; the receipt posts with its reference and opens
  # its card. Then :aging as of today shows the rest, and `rapport report aging` puts it in the
  # bucket of the third receivable's days overdue.
  local row customer first second third open3 due3
  row=$(sql "SELECT c.code FROM receivables r JOIN customers c ON c.id = r.customer_id WHERE r.status = 'posted' AND r.open_amount > 100 AND c.name NOT LIKE '%,%' GROUP BY c.id HAVING COUNT(*) = 3 ORDER BY c.code LIMIT 1")
  customer=$row
  [ -n "$customer" ] || { echo "--- no customer with three open receivables"; return 1; }
  read -r first second third open3 due3 <<< "$(sql "SELECT group_concat(n, ' ') FROM (SELECT CASE WHEN rn = 3 THEN open_amount || ' ' || open_amount || ' ' || due_date ELSE open_amount END n FROM (SELECT r.open_amount, r.due_date, ROW_NUMBER() OVER (ORDER BY r.due_date, r.doc_date, r.number) rn FROM receivables r JOIN customers c ON c.id = r.customer_id WHERE c.code = '$customer' AND r.status = 'posted' AND r.open_amount > 0) ORDER BY rn)")"
  local half=$((open3 / 2)) amount
  amount=$((first + second + half))
  start receipt 100 30 xterm-256color "$BIN" --db "$DB" --today "$TODAY" || return 1
  wait_for receipt "Log in" && login receipt finance && wait_for receipt "Overdue receivables" || return 1
  tm send-keys -t receipt ":" "new-receipt" Enter; wait_for receipt "Customer" || return 1
  tm send-keys -t receipt "$customer"; wait_for receipt "$customer " || return 1
  tm send-keys -t receipt Enter; wait_for receipt "New receipt —" || return 1
  tm send-keys -t receipt "$((amount / 100)).$(printf %02d $((amount % 100)))"; wait_for receipt "Credit left 0.00" || return 1
  tm send-keys -t receipt Tab Tab "TT-0042"; wait_for receipt "TT-0042" || return 1
  tm send-keys -t receipt C-s; wait_for receipt "posted" && wait_for receipt "Allocations 3" || return 1
  local paid
  paid=$(sql "SELECT group_concat(a.amount, ' ') FROM receipt_allocations a JOIN receipts r ON r.id = a.receipt_id WHERE r.id = (SELECT max(id) FROM receipts) ORDER BY a.id")
  [ "$paid" = "$first $second $half" ] || { echo "--- allocated '$paid', not '$first $second $half'"; return 1; }
  [ "$(sql "SELECT reference FROM receipts WHERE id = (SELECT max(id) FROM receipts)")" = "TT-0042" ] || { echo "--- no reference"; return 1; }
  tm send-keys -t receipt ":" "aging" Enter; wait_for receipt "Receivables aging" && wait_for receipt "As of $TODAY" || return 1
  local days bucket column rest
  days=$(sql "SELECT CAST(julianday('$TODAY') - julianday('$due3') AS INTEGER)")
  if [ "$days" -le 0 ]; then bucket=2; elif [ "$days" -le 30 ]; then bucket=3; elif [ "$days" -le 60 ]; then bucket=4; elif [ "$days" -le 90 ]; then bucket=5; elif [ "$days" -le 180 ]; then bucket=6; else bucket=7; fi
  rest=$(( open3 - half ))
  column=$("$BIN" report aging --db "$DB" --today "$TODAY" --format csv --user finance --password-stdin <<< demo | grep "^\"*$(sql "SELECT name FROM customers WHERE code = '$customer'")" | cut -d, -f"$bucket")
  [ "$column" = "$((rest / 100)).$(printf %02d $((rest % 100)))" ] || { echo "--- the aging's bucket $bucket says '$column', not the $rest left ($days days overdue)"; return 1; }
  "$BIN" check --db "$DB" >/dev/null || { "$BIN" check --db "$DB"; return 1; }
}

scenario_expense_in_statistics() {
  # Finance in Chinese at 80×24, mono: :new-expense, ←→ to travel (the item follows), an amount,
  # Ctrl-S posts EX- and opens it; :expense-stats shows the travel line grown by that amount, and
  # Enter on it lists the travel expenses, the new one among them.
  local before after
  before=$(sql "SELECT coalesce(SUM(amount), 0) FROM expenses WHERE status = 'posted' AND category = 'travel' AND expense_date BETWEEN '2026-11-01' AND '$TODAY'")
  start expense 80 24 xterm-256color "$BIN" --db "$DB" --today "$TODAY" --lang zh --theme mono || return 1
  wait_for expense "登录" && login expense finance && wait_for expense "逾期应收" || return 1
  tm send-keys -t expense ":" "new-expense" Enter; wait_for expense "新建费用" && wait_for expense "◂ 房租 ▸" || return 1
  tm send-keys -t expense Right Right Right Right Right Right Right; wait_for expense "◂ 差旅 ▸" && wait_for expense "差旅 Travel" || return 1
  tm send-keys -t expense Tab Tab "888.88"; wait_for expense "888.88" || return 1
  tm send-keys -t expense C-s; wait_for expense "已过账" && wait_for expense "EX-2026-" || return 1
  after=$(sql "SELECT coalesce(SUM(amount), 0) FROM expenses WHERE status = 'posted' AND category = 'travel' AND expense_date BETWEEN '2026-11-01' AND '$TODAY'")
  [ "$after" -eq $((before + 88888)) ] || { echo "--- travel went from $before to $after"; return 1; }
  tm send-keys -t expense Escape; wait_for expense "逾期应收" || return 1
  tm send-keys -t expense ":" "expense-stats" Enter; wait_for expense "费用统计" || return 1
  local shown
  shown="$(echo $((after / 100)) | sed -E ':a;s/^([0-9]+)([0-9]{3})/\1,\2/;ta').$(printf %02d $((after % 100)))"
  wait_for expense "$shown" || { echo "--- the travel line does not show $shown"; return 1; }
  # Enter on the travel row of the by-category tab opens the expenses behind it, the new one first.
  local rank number i
  rank=$(sql "SELECT COUNT(*) FROM (SELECT category, SUM(amount) s FROM expenses WHERE status = 'posted' AND expense_date BETWEEN '2026-11-01' AND '$TODAY' GROUP BY 1) WHERE s > $after")
  number=$(sql "SELECT number FROM expenses ORDER BY id DESC LIMIT 1")
  tm send-keys -t expense 2; wait_for expense "按类别" || return 1
  for ((i = 0; i < rank; i++)); do tm send-keys -t expense Down; done
  tm send-keys -t expense Enter; wait_for expense "差旅" && wait_for expense "$number" && wait_for expense "888.88" || return 1
}

scenario_po_by_pinyin_receive_part() {
  # Purchasing at 80×24: :new-po, the supplier by code, a product by its pinyin initials, 20 of
  # it at this supplier's last cost; Ctrl-S saves PO- and opens it. `s` receives against it:
  # 5 of the 20 into the PO's warehouse; stock rises by 5 and a payable under the GR number appears.
  local supplier product initials warehouse before after
  supplier=$(sql "SELECT code FROM suppliers ORDER BY id LIMIT 1")
  product=$(sql "SELECT code FROM products WHERE name GLOB '*螺丝*' AND unit = 'pcs' ORDER BY id LIMIT 1")
  initials=$(sql "SELECT search_key FROM products WHERE code = '$product'" | awk '{print $NF}')
  local out="$WORK/po"
  start po 80 24 xterm-256color XDG_DATA_HOME="$out" XDG_CONFIG_HOME="$out/config" "$BIN" --db "$DB" --today "$TODAY" || return 1
  wait_for po "Log in" && login po purchasing && wait_for po "Goods expected" || return 1
  tm send-keys -t po ":" "new-po" Enter; wait_for po "Supplier" || return 1
  tm send-keys -t po -l "$supplier"; sleep 0.3; tm send-keys -t po Enter; wait_for po "New purchase order —" || return 1
  tm send-keys -t po -l "$initials"; wait_for po "$product" || return 1
  tm send-keys -t po Enter; wait_for po "Quantity 1" || return 1
  tm send-keys -t po -l "20"; tm send-keys -t po Enter Enter Enter; wait_for po " 1 $product" || return 1
  tm send-keys -t po C-s; wait_for po "Purchase order PO-2026-" && wait_for po "saved" || return 1
  warehouse=$(sql "SELECT warehouse_id FROM purchase_orders ORDER BY id DESC LIMIT 1")
  before=$(sql "SELECT coalesce((SELECT on_hand FROM stock_levels WHERE product_id = (SELECT id FROM products WHERE code = '$product') AND warehouse_id = $warehouse), 0)")
  tm send-keys -t po s; wait_for po "New goods receipt" && wait_for po "Quantity 20" || return 1
  tm send-keys -t po -l "5"; tm send-keys -t po C-s; wait_for po "Goods receipt GR-2026-" && wait_for po "posted" || return 1
  after=$(sql "SELECT on_hand FROM stock_levels WHERE product_id = (SELECT id FROM products WHERE code = '$product') AND warehouse_id = $warehouse")
  [ "$after" -eq $((before + 5000)) ] || { echo "--- stock went from $before to $after"; return 1; }
  local payable
  payable=$(sql "SELECT g.number = p.number AND p.open_amount = g.total AND p.status = 'posted' FROM goods_receipts g JOIN payables p ON p.goods_receipt_id = g.id ORDER BY g.id DESC LIMIT 1")
  [ "$payable" = "1" ] || { echo "--- no payable for the goods receipt"; return 1; }
  tm send-keys -t po Escape; wait_for po "partly received" && wait_for po "GR-2026-" || return 1
  # x on the PO: the whole document, header and lines, as .xlsx ready to e-mail; read back.
  local number
  number=$(sql "SELECT number FROM purchase_orders ORDER BY id DESC LIMIT 1")
  tm send-keys -t po x; wait_for po "x .xlsx" || return 1
  tm send-keys -t po x; wait_for po "Exported" || return 1
  local book cells
  book=$(ls "$out/rapport/exports/"*.xlsx 2>/dev/null | head -1)
  [ -n "$book" ] || { echo "--- no workbook in $out/rapport/exports"; return 1; }
  cells=$(python3 - "$book" <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
m = '{http://schemas.openxmlformats.org/spreadsheetml/2006/main}'
z = zipfile.ZipFile(sys.argv[1])
ws = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
print(' | '.join(''.join(t.text or '' for t in c.iter(f'{m}t')) or (c.findtext(f'{m}v') or '') for r in ws.findall(f'{m}sheetData/{m}row') for c in r.findall(f'{m}c')))
PY
)
  case "$cells" in *"$number"*"$product"*) ;; *) echo "--- the workbook holds: $cells"; return 1;; esac
}

scenario_count_and_transfer_stock() {
  # Purchasing in Chinese, mono, 80×24: a product from :stock by its code; on its card's stock
  # tab `c` counts it in the first warehouse (2 fewer than the books, with a reason) and `t`
  # moves 3 to the next warehouse; the moves tab lists both; rapport check stays clean.
  local product pid first second before
  product=$(sql "SELECT p.code FROM products p JOIN stock_levels l ON l.product_id = p.id JOIN warehouses w ON w.id = l.warehouse_id
                 WHERE p.unit = 'pcs' AND w.code = (SELECT min(code) FROM warehouses) AND l.on_hand >= 10000 ORDER BY p.code DESC LIMIT 1")
  pid=$(sql "SELECT id FROM products WHERE code = '$product'")
  first=$(sql "SELECT id FROM warehouses ORDER BY code LIMIT 1"); second=$(sql "SELECT id FROM warehouses ORDER BY code LIMIT 1 OFFSET 1")
  before=$(sql "SELECT on_hand FROM stock_levels WHERE product_id = $pid AND warehouse_id = $first")
  start stock 80 24 xterm-256color NO_COLOR=1 "$BIN" --db "$DB" --today "$TODAY" --lang zh --theme mono || return 1
  wait_for stock "登录" && login stock purchasing && wait_for stock "采购" || return 1
  tm send-keys -t stock ":" "stock" Enter; sleep 0.5
  # The results, not the typed text: the title says what was found.
  tm send-keys -t stock "/"; tm send-keys -t stock -l "$product"; tm send-keys -t stock Enter; wait_for stock "找到 1 种" || return 1
  tm send-keys -t stock Enter; wait_for stock "出入库明细" || return 1
  screen stock | head -3 | grep -qF "$product" || { echo "--- the card opened is not $product:"; screen stock; return 1; }
  tm send-keys -t stock 2; wait_for stock "补货点" || return 1
  tm send-keys -t stock c; wait_for stock "库存盘点" && wait_for stock "实盘数量" || return 1
  tm send-keys -t stock -l "$(( (before - 2000) / 1000 ))"; sleep 0.2; tm send-keys -t stock Enter; sleep 0.2; tm send-keys -t stock -l "破损"; sleep 0.2; tm send-keys -t stock C-s
  wait_for stock "盘点已入账" || return 1
  local now
  now=$(sql "SELECT on_hand FROM stock_levels WHERE product_id = $pid AND warehouse_id = $first")
  [ "$now" -eq $((before - 2000)) ] || {
    echo "--- the count did not set on hand: $before → $now; the moves: $(sql "SELECT warehouse_id || ':' || quantity || ':' || reason FROM stock_moves WHERE product_id = $pid ORDER BY id DESC LIMIT 3" | tr '\n' ' ')"
    screen stock; return 1; }
  tm send-keys -t stock t; wait_for stock "库存调拨" || return 1
  tm send-keys -t stock -l "3"; tm send-keys -t stock C-s; wait_for stock "已调拨 3" || return 1
  [ "$(sql "SELECT on_hand FROM stock_levels WHERE product_id = $pid AND warehouse_id = $first")" -eq $((before - 5000)) ] || { echo "--- the transfer did not leave the first warehouse"; return 1; }
  [ "$(sql "SELECT COUNT(*) FROM stock_moves WHERE product_id = $pid AND reason = 'transfer' AND warehouse_id = $second AND quantity = 3000")" = "1" ] || { echo "--- nothing came into the second warehouse"; return 1; }
  tm send-keys -t stock 3; wait_for stock "调拨" && wait_for stock "盘点调整" && wait_for stock "破损" || return 1
  "$BIN" check --db "$DB" --user manager --password-stdin <<< demo > "$WORK/check.txt" 2>&1 || { echo "--- rapport check:"; cat "$WORK/check.txt"; return 1; }
}

scenario_quota_changes_attainment() {
  # The manager at 80×24: :quotas shows each rep's year; `e` on the first rep keys this month's
  # quota at half of what it was; the card's "This month" attainment for that rep changes at once.
  local rep month before after line quota
  month=$(echo "$TODAY" | cut -c6-7)
  rep=$(sql "SELECT display_name FROM users WHERE role = 'sales_rep' AND active = 1 ORDER BY display_name LIMIT 1")
  quota=$(sql "SELECT amount FROM quotas WHERE rep_id = (SELECT id FROM users WHERE display_name = '$rep') AND period_start = substr('$TODAY', 1, 8) || '01'")
  start quota 80 24 xterm-256color "$BIN" --db "$DB" --today "$TODAY" || return 1
  wait_for quota "Log in" && login quota manager && wait_for quota "Manager" || return 1
  tm send-keys -t quota ":" "quotas" Enter; wait_for quota "Year quota" || return 1
  before=$(screen quota | grep -F "$rep" | head -1 | grep -o '[0-9.]* %' | tail -1)
  tm send-keys -t quota e; wait_for quota "Quotas — $rep" || return 1
  for _ in $(seq $((10#$month - 1))); do tm send-keys -t quota Tab; done
  tm send-keys -t quota C-u; tm send-keys -t quota -l "$((quota / 200))"; tm send-keys -t quota C-s
  wait_for quota "Quotas saved" || return 1
  # The card is read again after the toast: give it a moment to change.
  local i=0
  while :; do
    line=$(screen quota | grep -F "$rep" | head -1); after=$(echo "$line" | grep -o '[0-9.]* %' | tail -1)
    [ "$after" != "$before" ] || [ $i -ge 50 ] && break
    sleep 0.1; i=$((i + 1))
  done
  [ "$(sql "SELECT amount FROM quotas WHERE rep_id = (SELECT id FROM users WHERE display_name = '$rep') AND period_start = substr('$TODAY', 1, 8) || '01'")" -eq $((quota / 2)) ] \
    || { echo "--- the quota was not halved"; return 1; }
  [ -n "$before" ] && [ "$before" != "$after" ] || { echo "--- this month's attainment stayed $before: $line"; return 1; }
}

scenario_new_user_sets_own_password() {
  # The manager at 80×24: :users, `a` adds a rep; the one-time password is shown once; the new
  # rep logs in with it, is asked for their own first, and then logs in with their own only.
  local password
  start users 80 24 xterm-256color "$BIN" --db "$DB" --today "$TODAY" || return 1
  wait_for users "Log in" && login users manager && wait_for users "Manager" || return 1
  tm send-keys -t users ":" "users" Enter; wait_for users "OS accounts" || return 1
  tm send-keys -t users a; wait_for users "New user" || return 1
  tm send-keys -t users -l "newrep"; tm send-keys -t users Tab; tm send-keys -t users -l "王新 Wang Xin"; tm send-keys -t users C-s
  wait_for users "logs in once with" || return 1
  password=$(screen users | grep -o 'with  [a-z0-9]*' | awk '{print $2}')
  [ ${#password} -eq 10 ] || { echo "--- no one-time password read: '$password'"; screen users; return 1; }
  tm send-keys -t users Enter; wait_for users "one-time password" || return 1
  # The command line refuses it; the app takes it once and asks for the user's own.
  echo "$password" | "$BIN" report kpi --db "$DB" --user newrep --password-stdin --rep newrep >/dev/null 2>&1 && { echo "--- the command line took a one-time password"; return 1; }
  tm send-keys -t users ":" "logout" Enter; wait_for users "Log in" || return 1
  tm send-keys -t users -l "newrep"; tm send-keys -t users Tab; tm send-keys -t users -l "$password"; tm send-keys -t users Enter
  wait_for users "Change my password" || return 1
  tm send-keys -t users -l "mine-2026"; tm send-keys -t users Tab; tm send-keys -t users -l "mine-2026"; tm send-keys -t users C-s
  wait_for users "Your password is changed" || return 1
  echo "mine-2026" | "$BIN" report kpi --db "$DB" --user newrep --password-stdin --rep newrep >/dev/null 2>&1 || { echo "--- the new password does not log in"; return 1; }
  echo "$password" | "$BIN" report kpi --db "$DB" --user newrep --password-stdin --rep newrep >/dev/null 2>&1 && { echo "--- the one-time password still works"; return 1; }
  return 0
}

scenario_kpi_drill_and_rep_rate() {
  # The manager at 80×24: on :kpi, Enter on "New customers" lists as many customers as the
  # figure says (first ordered in the period); then :settings sets the first rep's commission
  # rate, which applies from today.
  local rep figure listed
  rep=$(sql "SELECT id FROM users WHERE role = 'sales_rep' AND active = 1 ORDER BY display_name, id LIMIT 1")
  start kpi 80 24 xterm-256color "$BIN" --db "$DB" --today "$TODAY" || return 1
  wait_for kpi "Log in" && login kpi manager && wait_for kpi "Manager" || return 1
  # (The home shows a few of the same KPIs: wait for the dashboard's title.)
  tm send-keys -t kpi ":" "kpi" Enter; wait_for kpi "┌ KPIs" || return 1
  # Last month (whole): `[`, then its first day in the title.
  tm send-keys -t kpi "["; wait_for kpi "$(date -d "$(echo "$TODAY" | cut -c1-8)01 -1 month" +%Y-%m-%d) –" || return 1
  figure=$(screen kpi | grep -F "New customers" | awk '{print $3}')
  for _ in $(seq 13); do tm send-keys -t kpi Down; done
  tm send-keys -t kpi Enter; wait_for kpi "first ordered" || return 1
  listed=$(screen kpi | grep -o 'Customers — [0-9]* customer' | grep -o '[0-9]*')
  [ -n "$figure" ] && [ "$figure" = "$listed" ] || { echo "--- New customers $figure, listed $listed"; screen kpi; return 1; }
  tm send-keys -t kpi Escape; wait_for kpi "┌ KPIs" || return 1
  tm send-keys -t kpi ":" "settings" Enter; wait_for kpi "Commission basis" || return 1
  for _ in $(seq 10); do tm send-keys -t kpi Tab; done
  tm send-keys -t kpi C-u; tm send-keys -t kpi -l "4.5"; tm send-keys -t kpi C-s
  wait_for kpi "Settings saved" || return 1
  [ "$(sql "SELECT rate_bp FROM commission_rates WHERE rep_id = $rep AND effective_from = '$TODAY'")" = "450" ] \
    || { echo "--- no rate of 4.5 % from today for rep $rep"; return 1; }
}

scenario_handover_to_another_rep() {
  # The manager at 80×24: :handover, the first rep (the form says what they leave), to the next
  # active rep, disabling the leaver; the taker logs in and finds one of those customers on
  # their own list by its code.
  local leaving taker login code
  leaving=$(sql "SELECT id FROM users WHERE role = 'sales_rep' ORDER BY display_name LIMIT 1")
  taker=$(sql "SELECT id FROM users WHERE role = 'sales_rep' AND active = 1 AND id <> $leaving ORDER BY display_name LIMIT 1")
  login=$(sql "SELECT login FROM users WHERE id = $taker")
  code=$(sql "SELECT code FROM customers WHERE owner_id = $leaving ORDER BY id LIMIT 1")
  start hand 80 24 xterm-256color "$BIN" --db "$DB" --today "$TODAY" || return 1
  wait_for hand "Log in" && login hand manager && wait_for hand "Manager" || return 1
  tm send-keys -t hand ":" "handover" Enter; wait_for hand "Leaving rep" || return 1
  tm send-keys -t hand Enter; wait_for hand "customers move, with" || return 1
  tm send-keys -t hand C-s; wait_for hand "customers handed over" || return 1
  [ "$(sql "SELECT owner_id FROM customers WHERE code = '$code'")" = "$taker" ] || { echo "--- $code did not move to $taker"; return 1; }
  [ "$(sql "SELECT active FROM users WHERE id = $leaving")" = "0" ] || { echo "--- the leaving rep is still active"; return 1; }
  start taker 80 24 xterm-256color "$BIN" --db "$DB" --today "$TODAY" || return 1
  wait_for taker "Log in" && login taker "$login" && wait_for taker "Sales rep" || return 1
  tm send-keys -t taker ":" "customers" Enter; sleep 0.5
  # Found among the taker's own customers (a rep's search sees only their own).
  tm send-keys -t taker "/"; tm send-keys -t taker -l "$code"; tm send-keys -t taker Enter; wait_for taker "1 found" || return 1
}

# RAPPORT_SCENARIOS="a b" runs only those.
for s in ${RAPPORT_SCENARIOS:-chinese_overlays_leave_no_debris find_by_pinyin_initials bad_config_and_locale roles resize quit_restores_terminal sigterm_restores_terminal chinese_alignment escape_in_name chinese_ui_mono other_process_write_refreshes dumb_terminal log_call_next_contact_tomorrow duplicate_shows_only_owner_and_date quote_by_pinyin_to_sales_order print_quote_and_export_customers ship_an_order_and_take_a_receipt key_a_five_line_order ship_in_two_parts_print_and_void receipt_then_aging expense_in_statistics po_by_pinyin_receive_part count_and_transfer_stock quota_changes_attainment kpi_drill_and_rep_rate handover_to_another_rep new_user_sets_own_password fresh_clone_readme}; do
  "scenario_$s"; result "$s" $?
done
echo "tmux scenarios: $passed passed, $failed failed"
[ "$failed" -eq 0 ] || { echo "failed: ${failures[*]}"; exit 1; }
