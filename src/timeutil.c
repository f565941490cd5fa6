/* timeutil.c: ISO 8601 parsing and formatting without the local time zone */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "timeutil.h"

static int	 parse_date(const char **, int *, int *, int *);
static int	 parse_time(const char **, int *, int *);

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static int64_t
days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static void
civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, yy;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = (int64_t)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yy + (*m <= 2);
}

static int
digits(const char **sp, int n, int *out)
{
	const char *s = *sp;
	int v, i;

	v = 0;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*sp = s + n;
	*out = v;
	return 0;
}

int
time_parse_iso(const char *s, int64_t *out)
{
	int y, mo, d, secs, offset;
	char *end;
	long long v;
	int64_t t;

	if (*s == '@') {
		errno = 0;
		v = strtoll(s + 1, &end, 10);
		if (s[1] == '\0' || *end != '\0' || errno != 0 ||
		    v < 0 || v > TIME_MAX_SECONDS)
			return -1;
		*out = v;
		return 0;
	}
	secs = offset = 0;
	if (parse_date(&s, &y, &mo, &d) == -1)
		return -1;
	if ((*s == 'T' || *s == ' ') && parse_time(&s, &secs, &offset) == -1)
		return -1;
	if (*s != '\0')
		return -1;
	t = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 + secs -
	    offset;
	/* An offset or a leap second must not leave the four-digit years. */
	if (t < TIME_MIN_SECONDS || t > TIME_MAX_SECONDS)
		return -1;
	*out = t;
	return 0;
}

/* "YYYY-MM-DD", a real day of the Gregorian calendar: 0, or -1. */
static int
parse_date(const char **s, int *y, int *mo, int *d)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (digits(s, 4, y) == -1 || *(*s)++ != '-' ||
	    digits(s, 2, mo) == -1 || *(*s)++ != '-' ||
	    digits(s, 2, d) == -1)
		return -1;
	if (*mo < 1 || *mo > 12 || *d < 1 || *d > mdays[*mo - 1])
		return -1;
	if (*mo == 2 && *d == 29 && !(*y % 4 == 0 && (*y % 100 != 0 ||
	    *y % 400 == 0)))
		return -1;
	return 0;
}

/*
 * "THH:MM[:SS]" (or a space for the T) and an optional zone, "Z",
 * "+05", "+0530" or "+05:30": the seconds of the day and the zone's
 * offset east of UTC in seconds. 0, or -1.
 */
static int
parse_time(const char **s, int *secs, int *offset)
{
	int h, mi, sec = 0, oh = 0, om = 0, sign;

	(*s)++;
	if (digits(s, 2, &h) == -1 || *(*s)++ != ':' ||
	    digits(s, 2, &mi) == -1)
		return -1;
	if (**s == ':') {
		(*s)++;
		if (digits(s, 2, &sec) == -1)
			return -1;
	}
	if (h > 23 || mi > 59 || sec > 60)
		return -1;
	*secs = h * 3600 + mi * 60 + sec;
	if (**s == 'Z') {
		(*s)++;
		return 0;
	}
	if (**s != '+' && **s != '-')
		return 0;
	sign = *(*s)++ == '-' ? -1 : 1;
	if (digits(s, 2, &oh) == -1)
		return -1;
	/* "+05", "+0530" or "+05:30"; not "+05:". */
	if (**s == ':') {
		(*s)++;
		if (digits(s, 2, &om) == -1)
			return -1;
	} else if (**s != '\0' && digits(s, 2, &om) == -1)
		return -1;
	if (oh > 14 || om > 59)
		return -1;
	*offset = sign * (oh * 3600 + om * 60);
	return 0;
}

int64_t
time_sub_days(int64_t t, int64_t days)
{
	int64_t span;

	if (days <= 0 || t <= TIME_MIN_SECONDS)
		return t;
	span = days > INT64_MAX / 86400 ? INT64_MAX : days * 86400;
	/* t > TIME_MIN_SECONDS, so the difference cannot overflow. */
	if (t - TIME_MIN_SECONDS <= span)
		return TIME_MIN_SECONDS;
	return t - span;
}

int64_t
time_clamp(int64_t t)
{
	if (t < TIME_MIN_SECONDS)
		return TIME_MIN_SECONDS;
	if (t > TIME_MAX_SECONDS)
		return TIME_MAX_SECONDS;
	return t;
}

/*
 * Any time a commit can carry, INT64_MIN included: the day is a floor
 * division that negates nothing, and the year may have more digits.
 */
void
time_format_iso(int64_t t, char *buf, size_t sz)
{
	int64_t days, rem, y;
	int m, d;

	days = t / 86400;
	rem = t % 86400;
	if (rem < 0) {
		days--;
		rem += 86400;
	}
	civil_from_days(days, &y, &m, &d);
	snprintf(buf, sz, "%04lld-%02d-%02dT%02d:%02d:%02dZ", (long long)y, m,
	    d, (int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60));
}

void
time_format_date(int64_t t, char *buf, size_t sz)
{
	char full[40];

	time_format_iso(t, full, sizeof(full));
	snprintf(buf, sz, "%.*s", (int)strcspn(full, "T"), full);
}

/* The month (1-12) whose English name or abbreviation w (n bytes) is, or 0. */
static int
month_of(const char *w, size_t n)
{
	static const char *const names[] = { "january", "february", "march",
	    "april", "may", "june", "july", "august", "september", "october",
	    "november", "december" };
	size_t i, k;

	if (n < 3)
		return 0;
	for (i = 0; i < 12; i++) {
		for (k = 0; k < n && names[i][k] != '\0' &&
		    tolower((unsigned char)w[k]) == names[i][k]; k++)
			;
		if (k == n && (n == 3 || names[i][k] == '\0' ||
		    (n == 4 && i == 8)))
			return (int)i + 1;
	}
	return 0;
}

/* A word (letters or digits) of s at *i: its length, *i moved past it. */
static size_t
next_word(const char *s, size_t len, size_t *i, const char **w)
{
	size_t st;

	while (*i < len && !isalnum((unsigned char)s[*i]))
		(*i)++;
	st = *i;
	while (*i < len && isalnum((unsigned char)s[*i]))
		(*i)++;
	*w = s + st;
	return *i - st;
}

/* A number of 1 to 4 digits, with an ordinal's letters ("1st"), or -1. */
static int
word_number(const char *w, size_t n)
{
	size_t k;
	int v;

	for (k = 0, v = 0; k < n && k < 4 && isdigit((unsigned char)w[k]); k++)
		v = v * 10 + (w[k] - '0');
	if (k == 0 || (k < n && !(n - k == 2 && isalpha((unsigned char)w[k]))))
		return -1;
	return v;
}

/*
 * The first date written in len bytes of s, as the last day it names at
 * 00:00 UTC: "2025-01-01", "January 1, 2025", "1 January 2025", "March
 * 2025" (its last day), a year "2025" (December 31). Returns 1, or 0.
 */
int
time_find_date(const char *s, size_t len, int64_t *day)
{
	const char *w[3];
	size_t n[3], i, k;
	int y, mo, d, a;

	for (i = 0; i < len; ) {
		n[0] = next_word(s, len, &i, &w[0]);
		if (n[0] == 0)
			break;
		k = i;
		n[1] = next_word(s, len, &k, &w[1]);
		n[2] = next_word(s, len, &k, &w[2]);
		y = mo = d = 0;
		if (n[0] == 4 && (a = word_number(w[0], 4)) >= 1900 &&
		    w[0] + 4 < s + len && w[0][4] == '-' && k <= len &&
		    (mo = word_number(w[1], n[1])) >= 1 && mo <= 12 &&
		    (d = word_number(w[2], n[2])) >= 1 && d <= 31)
			y = a;
		else if ((mo = month_of(w[0], n[0])) > 0) {
			d = word_number(w[1], n[1]);
			y = d >= 1900 ? d : word_number(w[2], n[2]);
			d = d >= 1900 ? 0 : d;
		} else if ((d = word_number(w[0], n[0])) >= 1 && d <= 31 &&
		    (mo = month_of(w[1], n[1])) > 0)
			y = word_number(w[2], n[2]);
		else if (n[0] == 4 && (a = word_number(w[0], 4)) >= 1900) {
			y = a;
			mo = 12;
			d = 31;
		}
		if (y >= 1900 && y <= 9999 && mo >= 1 && mo <= 12 && d <= 31) {
			*day = d > 0 ? days_from_civil(y, (unsigned)mo,
			    (unsigned)d) * 86400 : (days_from_civil(y + (mo == 12),
			    mo == 12 ? 1 : (unsigned)mo + 1, 1) - 1) * 86400;
			return 1;
		}
	}
	return 0;
}
