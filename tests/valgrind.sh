#!/bin/sh
# tests/valgrind.sh: what "make check-valgrind" gives the tests as
# $ECOCHECK: the real program ($ECOCHECK_BIN) under valgrind's memcheck.
# Each process (a -j worker too) writes its report to a file of its own
# in $ECOCHECK_VALGRIND_LOGS (writable by all: some tests run it as
# another user), so that the tests' standard error stays
# ecocheck's; an error or a definite leak makes the exit status 99, and
# check-valgrind reads the reports afterwards, since a test that wants a
# failure would take 99 for one.
exec valgrind -q --error-exitcode=99 --leak-check=full \
	--errors-for-leak-kinds=definite --show-leak-kinds=definite \
	--log-file="$ECOCHECK_VALGRIND_LOGS/vg.%p.log" "$ECOCHECK_BIN" "$@"
