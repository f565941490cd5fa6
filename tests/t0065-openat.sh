#!/bin/sh
# t0065-openat.sh: ecocheck opens nothing outside what it was asked to
# read. Each mode (a worktree, --staged, --rev, a bare repository, --each
# over a folder of two, -j 2, --format json) runs under strace -f, which
# lists every open(2), openat(2) and openat2(2), done or failed; a path
# outside the list below fails the test. Allowed, and why:
#  - the repositories checked, and the folder given to --each;
#  - $ECOCHECK_RULES_DIR: the rule sets and, in its licenses/, the license
#    corpus;
#  - git's own configuration, read as git reads it: /etc/gitconfig,
#    $HOME/.gitconfig, and $XDG_CONFIG_HOME/git/ (config, ignore,
#    attributes);
#  - the dynamic loader's /etc/ld.so.cache and /etc/ld.so.preload, and
#    the shared libraries under /lib, /lib64, /usr/lib, /usr/lib64 and
#    /usr/local/lib (libc's locale data and gconv modules are in /usr/lib
#    too; /usr/share/locale holds libc's locale.alias and messages);
#  - /etc/ssl/ and /etc/pki/: libgit2 built with mbedTLS or OpenSSL loads
#    the system's certificate bundle in git_libgit2_init(), although
#    ecocheck never connects anywhere;
#  - /sys/devices/system/cpu/: libc's count of the cores online, for -j's
#    default of one job per core;
#  - /proc/self/ (and /proc/PID/ of a traced process): what libc and the
#    sanitizers read of the process itself;
#  - /dev/null.
# Nothing in /tmp or elsewhere: ecocheck creates no file (-j's workers
# answer over pipes). The last test shows the check catching a read
# outside: alternates that name another repository's objects.
. "$(dirname "$0")/lib.sh"

if ! command -v strace >/dev/null 2>&1; then
	skip_all='strace not installed'
	test_done
fi
if test -n "${ECOCHECK_VALGRIND_LOGS-}"; then
	skip_all='under valgrind the opens are valgrind'\''s own'
	test_done
fi
if ! strace -f -o /dev/null true 2>/dev/null; then
	skip_all='strace cannot trace here (ptrace not permitted)'
	test_done
fi

# LeakSanitizer cannot run under ptrace(2): in a sanitizer build its check
# at exit would fail every run (the leaks are make check's business).
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
export ASAN_OPTIONS

# The system calls traced: "?" where this machine may lack one (open on
# arm64, openat2 before Linux 5.6).
TRACE='trace=openat,?open,?openat2'

A=$TEST_TMP/a
make_repo "$A" README.md LICENSE.md CONTRIBUTING.md >/dev/null
echo "more" >>"$A/README.md"
git -C "$A" commit -q -am more
git -C "$A" tag v1
git -C "$A" pack-refs --all
echo staged >>"$A/CONTRIBUTING.md"
git -C "$A" add CONTRIBUTING.md
git clone -q --bare "$A" "$TEST_TMP/a.git"
F=$TEST_TMP/folder
mkdir -p "$F"
git clone -q "$A" "$F/one"
git clone -q "$A" "$F/two"

# opened TRACE: each path opened in the strace(1) -f -y output TRACE,
# absolute (a relative one taken from its directory's descriptor, or
# the working directory) with . and .. taken out; /proc/N/ of a traced
# process N as /proc/self/. A line it cannot read is printed whole after
# "unread: ", so that it fails the test too.
opened() {
	awk -v cwd="$PWD" '
	FNR == NR { pid[$1] = 1; next }
	!/(^|[^a-z0-9_])(open|openat|openat2)\(/ { next }
	{
		s = $0
		match(s, /(open|openat|openat2)\(/)
		call = substr(s, RSTART, RLENGTH - 1)
		s = substr(s, RSTART + RLENGTH)
		dir = cwd
		if (call != "open") {
			if (s ~ /^AT_FDCWD, /)
				s = substr(s, 11)
			else if (match(s, /^(AT_FDCWD|[0-9]+)<[^>]*>, /)) {
				dir = substr(s, 1, RLENGTH - 3)
				sub(/^[^<]*</, "", dir)
				s = substr(s, RLENGTH + 1)
			} else {
				print "unread: " $0
				next
			}
		}
		if (!match(s, /^"[^"]*"/)) {
			print "unread: " $0
			next
		}
		p = substr(s, 2, RLENGTH - 2)
		if (substr(p, 1, 1) != "/")
			p = dir "/" p
		print clean(p)
	}
	function clean(p,    n, i, part, out, k) {
		n = split(p, part, "/")
		k = 0
		for (i = 1; i <= n; i++) {
			if (part[i] == "" || part[i] == ".")
				continue
			if (part[i] == "..") {
				if (k > 0)
					k--
				continue
			}
			out[++k] = part[i]
		}
		p = ""
		for (i = 1; i <= k; i++)
			p = p "/" out[i]
		if (k >= 2 && out[1] == "proc" && out[2] in pid)
			sub(/^\/proc\/[0-9]+/, "/proc/self", p)
		return p == "" ? "/" : p
	}' "$1" "$1"
}

# The rule sets' folder as an absolute path without "." or "..", as the
# traced paths are made (under make distcheck it is given relative).
RULES_ABS=$(cd "$ECOCHECK_RULES_DIR" && pwd)

# outside TRACE DIR...: the paths opened in TRACE that are neither in one
# of the DIRs nor on the list above, one a line.
outside() {
	_trace=$1
	shift
	opened "$_trace" | sort -u | while read -r p
	do
		for d in "$@" "$RULES_ABS" "$XDG_CONFIG_HOME/git"
		do
			case $p in
			"$d" | "$d"/*) continue 2 ;;
			esac
		done
		case $p in
		/etc/gitconfig | "$HOME/.gitconfig") ;;
		/etc/ld.so.cache | /etc/ld.so.preload) ;;
		/lib/* | /lib64/* | /usr/lib/* | /usr/lib64/* | /usr/local/lib/*) ;;
		/usr/share/locale/*) ;;
		/etc/ssl/* | /etc/pki/*) ;;
		/sys/devices/system/cpu/*) ;;
		/proc/self | /proc/self/*) ;;
		/dev/null) ;;
		*) echo "$p" ;;
		esac
	done
}

# traced STATUS DIRS -- ARGS...: ecocheck ARGS... under strace into
# $TEST_TMP/trace (its report in $TEST_TMP/out, wanting STATUS), then no
# path opened outside the DIRs and the list.
traced() {
	_want=$1
	shift
	_dirs=
	while test "$1" != --
	do
		_dirs="$_dirs $1"
		shift
	done
	shift
	rm -f "$TEST_TMP/trace" &&
	test_expect_code "$_want" strace -f -y -qq -e "$TRACE" \
		-o "$TEST_TMP/trace" "$ECOCHECK" "$@" >"$TEST_TMP/out" &&
	grep -q "$A\|$F\|$TEST_TMP/a.git" "$TEST_TMP/trace" &&
	# shellcheck disable=SC2086
	outside "$TEST_TMP/trace" $_dirs >"$TEST_TMP/outside" &&
	test_must_be_empty "$TEST_TMP/outside"
}

test_expect_success 'a worktree: the repository, the rules, the corpus, git config' '
	traced 1 "$A" -- --as-of HEAD "$A" &&
	grep -q "$ECOCHECK_RULES_DIR/licenses/" "$TEST_TMP/trace" &&
	grep -q "$A/.git/HEAD" "$TEST_TMP/trace"
'

test_expect_success '--staged' '
	traced 0 "$A" -- --as-of HEAD --staged "$A"
'

test_expect_success '--rev' '
	traced 1 "$A" -- --as-of HEAD --rev HEAD~1 "$A"
'

test_expect_success 'a bare repository' '
	traced 1 "$TEST_TMP/a.git" -- --as-of HEAD "$TEST_TMP/a.git"
'

test_expect_success '--each over a folder of two' '
	traced 1 "$F" -- --as-of HEAD --each "$F" &&
	test_eq "$(grep -c "^$F/" "$TEST_TMP/out")" 2
'

test_expect_success '-j 2: the workers open nothing else either' '
	traced 1 "$F/one" "$F/two" -- --as-of HEAD -j 2 "$F/one" "$F/two" &&
	test "$(cut -d" " -f1 "$TEST_TMP/trace" | sort -u | wc -l)" -ge 2
'

test_expect_success '--format json' '
	traced 1 "$A" -- --as-of HEAD --format json "$A" &&
	test_eq "$(jq -r .repository.path "$TEST_TMP/out")" "$A"
'

test_expect_success 'the default history window, as a person runs it' '
	traced 1 "$A" -- "$A"
'

test_expect_success 'the check sees a read outside: alternates of another repository' '
	git clone -q --shared "$A" "$TEST_TMP/shared" &&
	test_must_fail traced 1 "$TEST_TMP/shared" -- --as-of HEAD "$TEST_TMP/shared" &&
	grep -q "^$A/.git/objects" "$TEST_TMP/outside"
'

test_done
