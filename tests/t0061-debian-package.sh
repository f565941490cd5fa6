#!/bin/sh
# t0061-debian-package.sh: the release tarball packaged as Debian does it:
# packaging/debian copied into the unpacked tarball as debian/, a source
# and a binary package built (dpkg-source -b, dpkg-buildpackage -us -uc
# -b), lintian with no error and no warning on either, the package
# unpacked into a scratch root (dpkg -x) and its ecocheck run there, on a
# repository made here and on the project's own checkout. The tarball is
# made by a configure of its own in the test's directory, so that neither
# the build tree nor the source tree (read-only under make distcheck) is
# written. Skipped with its reason without dpkg-buildpackage, debhelper
# or lintian (.ci/run installs them).
. "$(dirname "$0")/lib.sh"

for _tool in dpkg-buildpackage dh lintian; do
	if ! command -v "$_tool" >/dev/null 2>&1; then
		case $_tool in
		dh) skip_all='debhelper not installed (dh not found)' ;;
		*) skip_all="$_tool not installed" ;;
		esac
		test_done
	fi
done
if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi
S=$ECOCHECK_SRCDIR
if [ -f "$S/config.status" ]; then
	skip_all='the source tree is configured in place: the tarball is made by a build of its own, which needs a clean source tree'
	test_done
fi
V=$(sed -n 's/^ecocheck (\([^-)]*\)-[^)]*).*/\1/p;q' "$S/packaging/debian/changelog")
P=$TEST_TMP/pkg
ROOT=$TEST_TMP/root
INSTALLED=$ROOT/usr/bin/ecocheck

# lintian_clean FILE: lintian on FILE (a .changes or a .dsc) says no error
# and no warning; what it says is in the log either way.
lintian_clean() {
	lintian --info "$1" >"$1.lintian" 2>&1
	cat "$1.lintian" >&3
	if grep '^[EW]: ' "$1.lintian" >"$1.bad"; then
		echo "lintian $1: errors or warnings" >&3
		return 1
	fi
}

# pkg_json STATUS ARGS...: the packaged ecocheck, with the rule sets of
# the package, writes its JSON report of ARGS... to out.json; fail unless
# it exits with STATUS.
pkg_json() {
	_want=$1
	shift
	_st=0
	ECOCHECK_RULES_DIR=$ROOT/usr/share/ecocheck/rules \
		"$INSTALLED" --format json "$@" >"$TEST_TMP/out.json" \
		2>"$TEST_TMP/err" || _st=$?
	if [ "$_st" -ne "$_want" ]; then
		echo "exit status $_st, want $_want: $INSTALLED $*" >&3
		cat "$TEST_TMP/err" >&3
		return 1
	fi
}

test_expect_success 'the release tarball is made and unpacked with debian/' '
	test -n "$V" &&
	mkdir -p "$TEST_TMP/dist" "$P" &&
	(cd "$TEST_TMP/dist" && "$S/configure" -q && make -s dist) >dist.log 2>&1 &&
	cp "$TEST_TMP/dist/ecocheck-$V.tar.gz" "$P/ecocheck_$V.orig.tar.gz" &&
	tar -C "$P" -xzf "$P/ecocheck_$V.orig.tar.gz" &&
	test ! -e "$P/ecocheck-$V/debian" &&
	test -f "$P/ecocheck-$V/packaging/debian/control" &&
	cp -R "$S/packaging/debian" "$P/ecocheck-$V/debian" &&
	chmod -R u+w "$P/ecocheck-$V/debian"
'

test_expect_success 'debian/copyright names every license text of the corpus with the license its source gives' '
	C=$P/ecocheck-$V/debian/copyright &&
	awk -F "\t" "NR > 1 { print \$1 }" "$S/rules/licenses/SOURCES.tsv" >ids &&
	test -s ids &&
	while read -r id; do
		src=$(awk -F "\t" -v id="$id" "\$1 == id { print \$3 }" "$S/rules/licenses/SOURCES.tsv") &&
		case $src in
		*CC-BY-3.0*) want=CC-BY-3.0 ;;
		*CC0-1.0*) want=CC0-1.0 ;;
		*) echo "SOURCES.tsv: $id: no license known here: $src" >&3; exit 1 ;;
		esac &&
		lic=$(awk -v f="rules/licenses/$id.txt" "
			/^Files:/ { infiles = 1; hit = 0 }
			infiles && (\$0 == \" \" f || \$2 == f) { hit = 1 }
			/^Copyright:/ { infiles = 0 }
			/^License:/ && hit { print \$2; exit }" "$C") &&
		test_eq "$lic" "$want" || exit 1
	done <ids &&
	ls "$S"/rules/licenses/*.txt | wc -l >n.txt &&
	test_eq "$(cat n.txt)" "$(wc -l <ids)"
'

test_expect_success 'the CC-BY-3.0 text of debian/copyright is the one the package ships' '
	awk "/^License: CC-BY-3.0\$/ { on = 1; next } on && !/^ / { exit }
		on { sub(/^ /, \"\"); print }" "$P/ecocheck-$V/debian/copyright" |
		sed "1,/^Creative Commons Legal Code\$/{/^Creative Commons Legal Code\$/!d}" |
		sed "s/^\\.\$//" >cc.debian &&
	sed "s/[ 	]*\$//" "$S/rules/licenses/CC-BY-3.0.txt" >cc.shipped &&
	test_cmp cc.shipped cc.debian
'

test_expect_success 'the source package builds and lintian accepts it' '
	(cd "$P" && dpkg-source -b "ecocheck-$V") >source.log 2>&1 &&
	lintian_clean "$P/ecocheck_$V-1.dsc"
'

test_expect_success 'the binary package builds and lintian accepts it' '
	(cd "$P/ecocheck-$V" &&
		DEB_BUILD_OPTIONS="nocheck noopt parallel=2" \
		dpkg-buildpackage -us -uc -b) >build.log 2>&1 &&
	lintian_clean "$P/ecocheck_${V}-1_$(dpkg --print-architecture).changes"
'

test_expect_success 'the package holds the program, the rule sets, the corpus and man pages with the real paths' '
	dpkg -x "$P/ecocheck_${V}-1_$(dpkg --print-architecture).deb" "$ROOT" &&
	test -x "$INSTALLED" &&
	test -f "$ROOT/usr/share/ecocheck/rules/pytorch-ecosystem.ini" &&
	test -f "$ROOT/usr/share/ecocheck/rules/licenses/corpus.tok" &&
	test -f "$ROOT/usr/share/doc/ecocheck/copyright" &&
	gzip -dc "$ROOT/usr/share/man/man1/ecocheck.1.gz" >ecocheck.1 &&
	grep -q "^\.It Pa /usr/share/ecocheck/rules/\*\.ini\$" ecocheck.1 &&
	grep -q "^\.It Pa /etc/ecocheck/rules/\*\.ini\$" ecocheck.1 &&
	! grep -n "@[a-z]*@\|\$(pkgdatadir)" ecocheck.1 &&
	gzip -dc "$ROOT/usr/share/man/man5/ecocheck.ini.5.gz" >/dev/null &&
	gzip -dc "$ROOT/usr/share/man/man7/ecocheck-rules.7.gz" >/dev/null
'

test_expect_success 'the packaged ecocheck looks for its rules in /usr/share and /etc' '
	if [ -d /usr/share/ecocheck/rules ]; then
		echo "ecocheck is installed on this machine: the paths are not asked" >&3
	else
		git init -q empty &&
		test_expect_code 2 env -u ECOCHECK_RULES_DIR "$INSTALLED" \
			--list-rules empty 2>err &&
		grep -q "looked in /usr/share/ecocheck/rules, /etc/ecocheck/rules," err
	fi
'

test_expect_success 'the packaged ecocheck checks a repository with its own rule sets and license corpus' '
	make_repo demo src/demo.py >/dev/null &&
	cp "$S/LICENSE.md" demo/LICENSE.md &&
	git -C demo add LICENSE.md && test_tick &&
	git -C demo commit -q -m license &&
	pkg_json 1 demo &&
	test_eq "$(result_of license-file)" pass &&
	test_eq "$(result_of license-permissive)" pass &&
	result_of license-permissive message | grep -q "LICENSE.md is MIT" &&
	test_eq "$(result_of readme)" fail
'

test_expect_success 'the packaged ecocheck passes the project'"'"'s own checkout on community-health' '
	if ! git -C "$S" rev-parse --git-dir >/dev/null 2>&1; then
		echo "the source tree is not a git checkout: not asked" >&3
	else
		pkg_json 0 -r community-health "$S" &&
		jq -r ".results[] | select(.result != \"pass\") | .rule" out.json >not-passed &&
		test_must_be_empty not-passed &&
		jq -e ".results | length > 5" out.json >/dev/null
	fi
'

test_done
