#!/bin/sh
# t0068-binary-artifacts.sh: the binary-artifacts rule type: executables,
# object code and archives of built code found by their first bytes, not
# their names, in every tree source; test data left out by ignore.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

printf '[bin]\ntype = binary-artifacts\nlevel = error\ntitle = no built code\n' \
	>"$TEST_TMP/bin.ini"

# pad N: N NUL bytes.
pad() {
	head -c "$1" /dev/zero
}

B=$TEST_TMP/binaries
make_repo "$B" README.md >/dev/null
mkdir -p "$B/bin" "$B/lib" "$B/dist" "$B/build" "$B/win" "$B/mac" "$B/web" \
	"$B/tests/data"
{ printf '\177ELF\002\001\001\000' && pad 56; } >"$B/bin/protoc"
{ printf 'PK\003\004\024\000\000\000\000\000' && pad 16 &&
  printf '\024\000\000\000META-INF/MANIFEST.MF' && pad 8; } >"$B/lib/plugin"
{ printf 'PK\003\004\024\000\000\000\000\000' && pad 16 &&
  printf '\007\000\000\000demo.py' && pad 8; } >"$B/dist/demo-1.0-py3-none-any.whl"
{ printf '\247\015\015\012' && pad 12; } >"$B/build/mod"
{ printf 'MZ' && pad 58 && printf '\100\000\000\000PE\000\000' && pad 32; } >"$B/win/app.dll"
{ printf '\312\376\272\276\000\000\000\064' && pad 24; } >"$B/lib/Main.class"
{ printf '\312\376\272\276\000\000\000\002' && pad 24; } >"$B/mac/tool"
{ printf '\317\372\355\376\007\000\000\001' && pad 24; } >"$B/mac/libx.dylib"
printf '!<arch>\ndebian-binary   0           0     0     100644  4         `\n2.0\n' \
	>"$B/lib/libfoo.a"
{ printf '\000asm\001\000\000\000' && pad 8; } >"$B/web/mod.wasm"
# not built code, whatever the names say
echo "a placeholder, not a program" >"$B/win/setup.exe"
{ printf 'PK\003\004\024\000\000\000\000\000' && pad 16 &&
  printf '\010\000\000\000data.csv' && pad 8; } >"$B/tests/data/table.zip"
printf 'ab\r\nplain text with a CRLF\r\n' >"$B/notes"
printf 'A\r\r\nplain text with a doubled carriage return\r\r\n' >"$B/crcr"
printf 'dex\nindex\nvertex\n' >"$B/words"
{ printf '\177ELF\002\001\001\000' && pad 56; } >"$B/tests/data/sample-elf"
ln -s protoc "$B/bin/link-to-protoc"
test_tick
git -C "$B" add -A
git -C "$B" commit -q -m binaries

WANT="bin/protoc
build/mod
dist/demo-1.0-py3-none-any.whl
lib/Main.class
lib/libfoo.a
lib/plugin
mac/libx.dylib
mac/tool
tests/data/sample-elf
web/mod.wasm
win/app.dll"

test_expect_success 'every kind of built code is found by its bytes, each path named' '
	ec_json 1 -r "$TEST_TMP/bin.ini" "$B" &&
	test_eq "$(result_of bin)" fail &&
	test_eq "$(result_of bin value)" 11 &&
	result_of bin "evidence[].path" >got &&
	echo "$WANT" >want &&
	test_cmp want got &&
	result_of bin message | grep "^11 binary artifacts tracked: bin/protoc (an ELF executable or library), build/mod (Python byte code), dist/demo-1.0-py3-none-any.whl (a Python wheel), lib/Main.class (a Java class), lib/libfoo.a (an ar archive (a static library or a .deb)) and 6 more$"
'

test_expect_success 'what each one is, from its first bytes' '
	jq -r ".results[0].evidence[] | .path + \": \" + .note" "$TEST_TMP/out.json" >got &&
	cat >want <<-\EOF &&
	bin/protoc: an ELF executable or library
	build/mod: Python byte code
	dist/demo-1.0-py3-none-any.whl: a Python wheel
	lib/Main.class: a Java class
	lib/libfoo.a: an ar archive (a static library or a .deb)
	lib/plugin: a Java archive
	mac/libx.dylib: a Mach-O executable or library
	mac/tool: a Mach-O universal binary
	tests/data/sample-elf: an ELF executable or library
	web/mod.wasm: a WebAssembly module
	win/app.dll: a Windows executable or library
	EOF
	test_cmp want got
'

test_expect_success 'the index, a commit and a bare clone say the same' '
	ec_json 1 -r "$TEST_TMP/bin.ini" --staged --absolute "$B" &&
	result_of bin "evidence[].path" >staged &&
	ec_json 1 -r "$TEST_TMP/bin.ini" --rev HEAD "$B" &&
	result_of bin "evidence[].path" >rev &&
	git clone -q --bare "$B" "$TEST_TMP/binaries.git" &&
	ec_json 1 -r "$TEST_TMP/bin.ini" "$TEST_TMP/binaries.git" &&
	result_of bin "evidence[].path" >bare &&
	echo "$WANT" >want &&
	test_cmp want staged && test_cmp want rev && test_cmp want bare
'

test_expect_success 'ignore leaves test data out, and the message counts it' '
	printf "ignore = tests/data/\n" >>"$TEST_TMP/bin.ini" &&
	ec_json 1 -r "$TEST_TMP/bin.ini" "$B" &&
	test_eq "$(result_of bin value)" 10 &&
	result_of bin message | grep "; 1 more in paths the rule ignores$"
'

C=$TEST_TMP/clean
make_repo "$C" README.md src/main.c docs/logo.png >/dev/null

test_expect_success 'no built code: a pass saying how many files were read' '
	echo "a script" >"$C/run" && chmod +x "$C/run" &&
	ec_json 0 -r "$TEST_TMP/bin.ini" "$C" &&
	test_eq "$(result_of bin)" pass &&
	result_of bin message | grep "^no binary artifact among 4 files (1 read by their first bytes)$"
'

test_expect_success 'a file that cannot be read is unknown, named, never a pass' '
	printf "no extension here\n" >"$C/NOTICE" &&
	git -C "$C" add NOTICE &&
	git -C "$C" commit -q -m notice &&
	blob=$(git -C "$C" rev-parse HEAD:NOTICE) &&
	obj=$C/.git/objects/$(echo "$blob" | cut -c1-2)/$(echo "$blob" | cut -c3-) &&
	chmod u+w "$obj" &&
	printf "garbage" >"$obj" &&
	ec_json 0 -r "$TEST_TMP/bin.ini" --rev HEAD "$C" &&
	test_eq "$(result_of bin)" unknown &&
	result_of bin message | grep "^no binary artifact among the files read, but NOTICE could not be read$" &&
	grep "NOTICE" "$TEST_TMP/err"
'

test_done
