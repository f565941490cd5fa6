/* unit-pep508.c: PEP 508 requirements and requirements.txt lines */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "read/pep440.h"
#include "read/pep508.h"
#include "strbuf.h"
#include "tap.h"

static void
test_requirements(void)
{
	struct strbuf err = STRBUF_INIT;
	struct pep508_req r;
	int rc;

	ok(pep508_parse("torch>=2.1,<2.16", &r, NULL) == 0 &&
	    strcmp(r.name, "torch") == 0 && strcmp(r.spec_text,
	    ">=2.1,<2.16") == 0 && r.flags == 0 && r.marker == NULL &&
	    r.url == NULL, "name and specifier");
	pep508_release(&r);
	ok(pep508_parse("Torch_Vision.Extra (>=0.20 ,<1)", &r, NULL) == 0 &&
	    strcmp(r.key, "torch-vision-extra") == 0 &&
	    strcmp(r.spec_text, ">=0.20,<1") == 0,
	    "PEP 503 key; specifier in parentheses");
	pep508_release(&r);
	ok(pep503_name_eq("Py_Torch..Lightning", "py-torch-lightning") &&
	    !pep503_name_eq("torch", "torchvision"), "PEP 503 comparison");
	ok(pep508_parse("accelerate[Torch, deepspeed_X] ~= 1.2", &r, NULL) ==
	    0 && r.extras.n == 2 && strcmp(r.extras.v[0], "torch") == 0 &&
	    strcmp(r.extras.v[1], "deepspeed-x") == 0, "extras, normalised");
	pep508_release(&r);
	ok(pep508_parse("pkg[]", &r, NULL) == 0 && r.extras.n == 0 &&
	    strcmp(r.spec_text, "") == 0 && r.spec->n == 0,
	    "empty extras, no specifier");
	pep508_release(&r);
	ok(pep508_parse("torch @ https://download.pytorch.org/whl/torch.whl ; "
	    "sys_platform == 'linux'", &r, NULL) == 0 && r.url != NULL &&
	    strcmp(r.url, "https://download.pytorch.org/whl/torch.whl") == 0 &&
	    (r.flags & PEP508_URL) && (r.flags & PEP508_PLATFORM) &&
	    !(r.flags & PEP508_EXTRA_ONLY), "URL requirement with a marker");
	pep508_release(&r);
	ok(pep508_parse("torch>=2.0; extra == \"GPU_x\"", &r, NULL) == 0 &&
	    (r.flags & PEP508_EXTRA_ONLY) && r.marker_extras.n == 1 &&
	    strcmp(r.marker_extras.v[0], "gpu-x") == 0 &&
	    strcmp(r.marker, "extra == \"GPU_x\"") == 0,
	    "an extra-only requirement names its extra");
	pep508_release(&r);
	ok(pep508_parse("torch; (extra == 'a' or extra == 'b') and "
	    "platform_machine != 'arm64'", &r, NULL) == 0 &&
	    (r.flags & PEP508_EXTRA_ONLY) && (r.flags & PEP508_PLATFORM) &&
	    r.marker_extras.n == 2, "extra-only through and/or/parentheses");
	pep508_release(&r);
	ok(pep508_parse("torch; extra == 'a' or python_version < '3.9'", &r,
	    NULL) == 0 && !(r.flags & PEP508_EXTRA_ONLY) &&
	    (r.flags & PEP508_PYTHON), "or another condition: not extra-only");
	pep508_release(&r);
	ok(pep508_parse("torch; extra != 'cpu'", &r, NULL) == 0 &&
	    !(r.flags & PEP508_EXTRA_ONLY), "extra != is true with no extra");
	pep508_release(&r);
	ok(pep508_parse("x; os.name == 'nt' and 'linux' not in sys_platform "
	    "and python_full_version >= \"3.10.1\"", &r, NULL) == 0 &&
	    (r.flags & PEP508_PLATFORM) && (r.flags & PEP508_PYTHON),
	    "legacy names, not in, quotes");
	pep508_release(&r);
	rc = pep508_parse("torch>=2.0; python_versio == '3'", &r, &err);
	ok(rc == -1 &&
	    strstr(err.buf, "unknown marker variable") != NULL,
	    "an unknown variable is refused: %s", err.buf);
	strbuf_reset(&err);
	ok(pep508_parse("torch>=2.0; python_version == '3", &r, NULL) == -1,
	    "an unterminated string is refused");
	ok(pep508_parse("torch; (python_version > '3'", &r, NULL) == -1,
	    "an unclosed parenthesis is refused");
	ok(pep508_parse("torch; python_version > '3' and", &r, NULL) == -1,
	    "a dangling and is refused");
	rc = pep508_parse("torch =>2.0", &r, &err);
	ok(rc == -1 &&
	    strstr(err.buf, "'=>2.0' is not a version specifier") != NULL,
	    "a bad specifier is refused: %s", err.buf);
	strbuf_reset(&err);
	ok(pep508_parse("-torch", &r, NULL) == -1, "a bad name is refused");
	ok(pep508_parse("torch-", &r, NULL) == -1, "a name ends alphanumeric");
	ok(pep508_parse("torch[cuda", &r, NULL) == -1, "unclosed extras");
	ok(pep508_parse("torch[cuda, !]", &r, NULL) == -1,
	    "a bad second extra is refused (nothing leaks: LSan)");
	ok(pep508_parse("torch @ ", &r, NULL) == -1, "@ with no URL");
	ok(pep508_parse("torch @ https://x/y.whl junk", &r, NULL) == -1,
	    "text after the URL");
	ok(pep508_parse("torch (>=2.0", &r, NULL) == -1, "unclosed parenthesis");
	strbuf_release(&err);
}

static void
test_hostile(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct pep508_req r;
	int i;

	strbuf_addstr(&sb, "torch; ");
	for (i = 0; i < PEP508_MAX_DEPTH; i++)
		strbuf_addch(&sb, '(');
	strbuf_addstr(&sb, "extra == 'x'");
	for (i = 0; i < PEP508_MAX_DEPTH; i++)
		strbuf_addch(&sb, ')');
	ok(pep508_parse(sb.buf, &r, NULL) == 0 &&
	    (r.flags & PEP508_EXTRA_ONLY), "markers nested to the limit");
	pep508_release(&r);
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "torch; ");
	for (i = 0; i < 20000; i++)
		strbuf_addch(&sb, '(');
	ok(pep508_parse(sb.buf, &r, NULL) == -1,
	    "20,000 open parentheses are refused, not a crash");
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "torch; python_version > '3'");
	for (i = 0; i < 2000; i++)
		strbuf_addstr(&sb, " or os_name == 'nt'");
	ok(pep508_parse(sb.buf, &r, NULL) == 0, "a long flat marker is read");
	pep508_release(&r);
	strbuf_release(&sb);
}

static void
test_reqlines(void)
{
	static const char txt[] =
	    "# pinned for CI\n"
	    "-r base.txt\n"
	    "--constraint=constraints.txt\n"
	    "-e ./vendor/pkg[dev]\n"
	    "--index-url https://download.pytorch.org/whl/cu128\n"
	    "torch==2.15.0+cu128 \\\n"
	    "    --hash=sha256:aaa \\\n"
	    "    --hash sha256:bbb\n"
	    "\n"
	    "numpy>=1.26 ; python_version >= \"3.10\"  # numerical\n"
	    "git+https://github.com/org/repo@v1#egg=repo\n"
	    "./local/dir\n"
	    "this is not a requirement\n"
	    "-rextra.txt\r\n"
	    "scipy";
	struct reqline_reader rd;
	struct reqline l;
	struct strbuf err = STRBUF_INIT;
	int rc;

	reqline_init(&rd, txt, strlen(txt));
	ok(reqline_next(&rd, &l, &err) == 1 && l.kind == REQLINE_INCLUDE &&
	    strcmp(l.text, "base.txt") == 0 && l.lineno == 2,
	    "a comment is skipped; -r is returned with its line");
	reqline_release(&l);
	ok(reqline_next(&rd, &l, &err) == 1 && l.kind == REQLINE_CONSTRAINT &&
	    strcmp(l.text, "constraints.txt") == 0, "--constraint=FILE");
	reqline_release(&l);
	ok(reqline_next(&rd, &l, &err) == 1 && l.kind == REQLINE_EDITABLE &&
	    strcmp(l.text, "./vendor/pkg[dev]") == 0, "-e is returned as such");
	reqline_release(&l);
	ok(reqline_next(&rd, &l, &err) == 1 && l.kind == REQLINE_OPTION &&
	    strncmp(l.text, "--index-url https://", 20) == 0,
	    "other options are returned as written");
	reqline_release(&l);
	ok(reqline_next(&rd, &l, &err) == 1 && l.kind == REQLINE_REQ &&
	    l.lineno == 6 && strcmp(l.req.name, "torch") == 0 &&
	    strcmp(l.req.spec_text, "==2.15.0+cu128") == 0 &&
	    l.hashes.n == 2 && strcmp(l.hashes.v[0], "sha256:aaa") == 0 &&
	    strcmp(l.hashes.v[1], "sha256:bbb") == 0,
	    "continuation lines, both --hash forms");
	reqline_release(&l);
	ok(reqline_next(&rd, &l, &err) == 1 && l.kind == REQLINE_REQ &&
	    l.lineno == 10 && strcmp(l.req.name, "numpy") == 0 &&
	    (l.req.flags & PEP508_PYTHON) && l.req.marker != NULL &&
	    strcmp(l.req.marker, "python_version >= \"3.10\"") == 0,
	    "a marker; a trailing comment is cut");
	reqline_release(&l);
	ok(reqline_next(&rd, &l, &err) == 1 && l.kind == REQLINE_PATH &&
	    strcmp(l.text, "git+https://github.com/org/repo@v1#egg=repo") == 0,
	    "a VCS URL is a path line, '#' inside it is no comment");
	reqline_release(&l);
	ok(reqline_next(&rd, &l, &err) == 1 && l.kind == REQLINE_PATH,
	    "a local directory is a path line");
	reqline_release(&l);
	rc = reqline_next(&rd, &l, &err);
	ok(rc == -1 && l.lineno == 13 &&
	    strstr(err.buf, "not a PEP 508 requirement") != NULL,
	    "a bad line is an error with its line: %s", err.buf);
	reqline_release(&l);
	ok(reqline_next(&rd, &l, &err) == 1 && l.kind == REQLINE_INCLUDE &&
	    strcmp(l.text, "extra.txt") == 0, "-rFILE, CRLF, after an error");
	reqline_release(&l);
	ok(reqline_next(&rd, &l, &err) == 1 && l.kind == REQLINE_REQ &&
	    strcmp(l.req.name, "scipy") == 0, "a last line with no newline");
	reqline_release(&l);
	is_int(reqline_next(&rd, &l, &err), 0, "then the end");
	strbuf_release(&err);
}

int
main(void)
{
	test_requirements();
	test_hostile();
	test_reqlines();
	return done_testing();
}
