# --format github: one workflow command per finding, with the runner's
# escaping in properties (file names with ':' and ',') and messages (notes
# joined with an escaped line feed).
. "$ROOT/tests/cli/lib.sh"
cp "$ROOT/fixtures/torch/oracle.h" .
cp "$ROOT/fixtures/torch/gl001_guard_in_helper.cpp" 'odd,name:1.cpp'
run_tool out.txt --format github 'odd,name:1.cpp' missing.cpp 2>/dev/null
expect_eq "exit status" "$status" 2
expect_eq lines "$(wc -l < out.txt)" 2
expect_eq "unanalysable file" "$(sed -n 1p out.txt)" \
  "::error file=missing.cpp,title=tfgradlint could not analyse this file::cannot open: No such file or directory"
line=$(sed -n 2p out.txt)
head='::error file=odd%2Cname%3A1.cpp,line=8,endLine=8,col=10,endColumn=27,title=GL001 loss-outside-tape::'
expect_eq "command and properties" "${line:0:${#head}}" "$head"
msg=${line:${#head}}
case $msg in
  *$'\r'* | *$'\n'*) fail "raw line break in message: $msg" ;;
esac
expect_grep "notes joined with %0A" '%0Anote: odd,name:1.cpp:7:3: gradient recording is turned off here' <(echo "$msg")
expect_grep "message keeps ':' and ','" 'recording off \(NoGradGuard\), so the loss' <(echo "$msg")
