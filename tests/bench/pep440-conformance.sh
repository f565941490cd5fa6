#!/bin/sh
# pep440-conformance.sh: run pypa/packaging's own version and specifier
# cases through ecocheck's PEP 440 code and count how many agree
#
# Usage: tests/bench/pep440-conformance.sh [-v]
#
# The cases are read at run time from tests/test_version.py and
# tests/test_specifiers.py of a pypa/packaging snapshot: $SNAPSHOTS/
# pypa+packaging/repo (a bare git directory, as fetching
# github:pypa/packaging brings it; without SNAPSHOTS the script skips) or $SNAPSHOTS/pypa+packaging
# (a clone). A python3 snippet that imports only the standard library
# reads the pytest.mark.parametrize tables of the test functions below
# with ast (packaging itself is never imported or run, and no case is
# copied into this tree), asks PEP440_CHECK (tests/pep440-check, built by
# "make check"; default next to $ECOCHECK's build) and prints, per kind
# of case, how many agree, then each disagreement (with -v, every case).
#
# Pre-release settings map as follows: prereleases=True is "allow",
# False is "never"; when neither the specifier nor the call sets it,
# packaging (since 26.0) admits a lone pre-release because there is no
# other candidate, which is "allow" too (see src/read/pep440.h); installed=True
# allows a pre-release.
set -eu

ECOCHECK=${ECOCHECK:-./src/ecocheck}
if [ -z "${SNAPSHOTS:-}" ]; then
	echo "pep440-conformance.sh: skipped: set SNAPSHOTS to a directory of fetched snapshots (OWNER+NAME/repo, bare git directories; fetch github:pypa/packaging)" >&2
	exit 0
fi
PEP440_CHECK=${PEP440_CHECK:-$(dirname "$ECOCHECK")/../tests/pep440-check}
VERBOSE=0
[ "${1:-}" = -v ] && VERBOSE=1
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ecocheck-pep440.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

dir=$SNAPSHOTS/pypa+packaging
[ -d "$dir/repo" ] && dir=$dir/repo
[ -d "$dir" ] || { echo "pep440-conformance.sh: no snapshot at $dir (fetch github:pypa/packaging)" >&2; exit 2; }
[ -x "$PEP440_CHECK" ] || { echo "pep440-conformance.sh: $PEP440_CHECK: not built (make check)" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 || { echo "pep440-conformance.sh: needs python3" >&2; exit 2; }
for f in test_version.py test_specifiers.py; do
	if [ -f "$dir/tests/$f" ]; then
		cp "$dir/tests/$f" "$TMP/$f"
	else
		git --git-dir="$dir" show "HEAD:tests/$f" >"$TMP/$f" 2>/dev/null ||
		    git -C "$dir" show "HEAD:tests/$f" >"$TMP/$f"
	fi
done
echo "packaging: $(git --git-dir="$dir" log -1 --format='%h %cs' 2>/dev/null ||
    git -C "$dir" log -1 --format='%h %cs')"

python3 - "$TMP" "$PEP440_CHECK" "$VERBOSE" <<'PY'
import ast, itertools, operator, os, re, subprocess, sys

tmp, check, verbose = sys.argv[1], sys.argv[2], sys.argv[3] == "1"

class Ver:
    """packaging.version.Version(s) in a table: the normalised string."""
    def __init__(self, s):
        self.s = s

def tables(path, env):
    """{(class, function): [dict of argument -> value]} of a test file."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    for node in tree.body:
        if (isinstance(node, ast.Assign) and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, (ast.List, ast.BinOp))):
            try:
                env[node.targets[0].id] = ev(node.value, env)
            except Exception:
                pass
    out = {}
    def visit(body, cls):
        for node in body:
            if isinstance(node, ast.ClassDef):
                visit(node.body, node.name)
            elif isinstance(node, ast.FunctionDef):
                rows = [{}]
                for d in node.decorator_list:
                    if not (isinstance(d, ast.Call) and
                            ast.unparse(d.func) == "pytest.mark.parametrize"):
                        continue
                    names = ast.literal_eval(d.args[0])
                    if isinstance(names, str):
                        names = [n.strip() for n in names.split(",")]
                    try:
                        values = ev(d.args[1], env)
                    except NameError:
                        # A table built from names of a class: not ours.
                        rows = []
                        break
                    new = []
                    for r in rows:
                        for v in values:
                            v = v if len(names) > 1 else (v,)
                            new.append(dict(r, **dict(zip(names, v))))
                    rows = new
                if rows and rows != [{}]:
                    out[(cls, node.name)] = rows
    visit(tree.body, None)
    return out

def ev(node, env):
    code = compile(ast.Expression(node), "<table>", "eval")
    return eval(code, {"__builtins__": {"enumerate": enumerate, "list": list,
                "range": range, "len": len}, "itertools": itertools,
                "operator": operator, "Version": Ver, **env})

env = {}
tv = tables(os.path.join(tmp, "test_version.py"), env)
ts = tables(os.path.join(tmp, "test_specifiers.py"), env)

def esc(s):
    out = []
    for b in s.encode("utf-8"):
        if b == 0x5c: out.append("\\\\")
        elif b == 0x09: out.append("\\t")
        elif b == 0x0a: out.append("\\n")
        elif b < 0x20 or b >= 0x7f: out.append("\\x%02x" % b)
        else: out.append(chr(b))
    return "".join(out)

def ask(questions):
    """Answers of pep440-check to [(fields...)], in order."""
    text = "".join("\t".join(esc(f) for f in q) + "\n" for q in questions)
    r = subprocess.run([check], input=text.encode(), stdout=subprocess.PIPE,
                       check=True)
    lines = r.stdout.decode().split("\n")[:-1]
    assert len(lines) == len(questions), "pep440-check answered short"
    return lines

cases = []   # (kind, question, expected answer, description)
def add(kind, q, want, desc):
    cases.append((kind, q, want, desc))

T = "TestVersion"
for r in tv.get((T, "test_valid_versions"), []):
    add("valid versions", ("V", r["version"]), "valid*", repr(r["version"]))
for r in tv.get((T, "test_invalid_versions"), []):
    add("invalid versions", ("V", r["version"]), "invalid", repr(r["version"]))
for name, key in (("test_normalized_versions", "normalized"),
                  ("test_version_str_repr", "expected")):
    for r in tv.get((T, name), []):
        add("normalised versions", ("V", r["version"]), "valid\t" + r[key],
            "%r -> %r" % (r["version"], r[key]))
for name, truth in (("test_comparison_true", True),
                    ("test_comparison_false", False)):
    for r in tv.get((T, name), []):
        add("ordering", ("C", r["left"], r["right"]), (r["op"], truth),
            "%s %s %s is %s" % (r["left"], r["op"].__name__, r["right"], truth))

S, SS = "TestSpecifier", "TestSpecifierSet"
for name in ("test_specifiers_valid", "test_specifiers_str_and_repr"):
    for cls in (S, SS):
        for r in ts.get((cls, name), []):
            add("valid specifiers", ("S", r["specifier"]), "valid*",
                repr(r["specifier"]))
for r in ts.get((SS, "test_specifiers_hash"), []):
    add("valid specifiers", ("S", r["specifier"]), "valid*", repr(r["specifier"]))
for r in ts.get((S, "test_specifiers_normalized"), []):
    v = r["version"]
    ops = ["~=", "==", "!=", "<=", ">=", "<", ">"] if "+" not in v else ["==", "!="]
    for op in ops:
        add("valid specifiers", ("S", op + v), "valid*", repr(op + v))
for r in ts.get((S, "test_specifiers_invalid"), []):
    add("invalid specifiers", ("S", r["specifier"]), "invalid", repr(r["specifier"]))

def pre(contains=None, spec=None):
    p = contains if contains is not None else spec
    return "never" if p is False else "allow"

def item(v):
    return ("norm", v.s) if isinstance(v, Ver) else v

def contains(spec, version, p, want, note=""):
    add("specifier contains", ("A", spec, item(version), p), "1" if want else "0",
        "%r in %r (%s%s) is %s" % (version.s if isinstance(version, Ver) else version,
                                   spec, p, note, want))

for r in ts.get((S, "test_specifiers"), []):
    contains(r["spec_str"], r["version"], "allow", r["expected"])
for r in ts.get((S, "test_invalid_version"), []):
    contains(r["spec_str"], r["version"], "allow", r["expected"])
for r in ts.get((S, "test_arbitrary_equality"), []):
    contains(r["spec_str"], r["version"], pre(), r["expected"])
for cls, name in ((S, "test_arbitrary_equality_normalization"),
                  (SS, "test_contains_arbitrary_equality_normalization")):
    for r in ts.get((cls, name), []):
        contains(r["spec_str"], r["version"], "allow", r["expected"])
for r in ts.get((S, "test_specifier_prereleases_set"), []):
    contains(r["specifier"], r["version"], pre(spec=r["initial_prereleases"]),
             r["initial_contains"])
    contains(r["specifier"], r["version"], pre(spec=r["set_prereleases"]),
             r["final_contains"])
for r in ts.get((S, "test_specifiers_prereleases"), []):
    contains(r["specifier"], r["version"], pre(r["contains_pre"], r["spec_pre"]),
             r["expected"])
for r in ts.get((SS, "test_empty_specifier"), []):
    contains("", r["version"], "allow", True)
for r in ts.get((SS, "test_specifier_prereleases_explicit"), []):
    contains(r["spec_str"], r["version"], pre(spec=r["initial_prereleases"]),
             r["initial_contains"])
    contains(r["spec_str"], r["version"], pre(spec=r["set_prereleases"]),
             r["final_contains"])
installed = ts.get((SS, "test_specifier_contains_installed_prereleases"), [])
norms = ask([("V", r["version"]) for r in installed])
for r, n in zip(installed, norms):
    p = pre(r["contains_prereleases"], r["spec_prereleases"])
    if r["installed"] and re.search(r"(a|b|rc)\d+|\.dev\d+", n.split("+")[0]):
        p = "allow"
    contains(r["specifier"], r["version"], p, r["expected"], ", installed"
             if r["installed"] else "")
for r in ts.get((SS, "test_contains_exclusionary_bridges"), []):
    contains(r["specifier"], r["version"], pre(r["prereleases"]), r["expected"])
for r in ts.get((SS, "test_contains_rejects_invalid_specifier"), []):
    contains(r["specifier"], r["input"], "allow", False)
for r in ts.get((SS, "test_contains_post_release_boundary_intersection"), []):
    contains(r["spec_str"], r["version"], "allow", r["expected"])
for r in ts.get((SS, "test_contains_arbitrary_equality_contains"), []):
    contains(r["specifier"], r["version"], pre(), r["expected"])

# Version("x") as an item stands for its normalised string.
pending = [c for c in cases if c[1][0] == "A" and isinstance(c[1][2], tuple)]
norms = ask([("V", c[1][2][1]) for c in pending])
fixed = {}
for c, n in zip(pending, norms):
    fixed[id(c)] = n.split("\t", 1)[1] if n.startswith("valid\t") else c[1][2][1]
qs = []
for c in cases:
    q = c[1]
    if q[0] == "A" and isinstance(q[2], tuple):
        q = (q[0], q[1], fixed[id(c)], q[3])
    qs.append(q)
answers = ask(qs)

def agrees(want, got):
    if isinstance(want, tuple):
        op, truth = want
        return got in ("-1", "0", "1") and op(int(got), 0) == truth
    if want.endswith("*"):
        return got.startswith(want[:-1])
    return got == want

kinds, bad = {}, []
for (kind, q, want, desc), got in zip(cases, answers):
    k = kinds.setdefault(kind, [0, 0])
    k[1] += 1
    if agrees(want, got):
        k[0] += 1
        if verbose:
            print("agree: %s: %s" % (kind, desc))
    else:
        bad.append("%s: %s; ecocheck said %r" % (kind, desc, got))
order = ["valid versions", "invalid versions", "normalised versions", "ordering",
         "valid specifiers", "invalid specifiers", "specifier contains"]
total = [0, 0]
for kind in order:
    a, n = kinds.get(kind, [0, 0])
    total[0] += a; total[1] += n
    print("%-20s %5d of %5d agree" % (kind, a, n))
print("%-20s %5d of %5d agree" % ("all", total[0], total[1]))
for b in bad:
    print("disagree: " + b)
PY
