# chainlint.awk: find the broken &&-chains of a test body that the
# "(exit 117) && BODY" run of tests/lib.sh cannot see, those inside a
# subshell "( ... )" or a command substitution "$( ... )" (and inside the
# if, loop, case and { } groups nested in them).
#
# Input: one test body (shell code). Output: one line for each command of
# such a group that is followed by another command of the same group
# without being joined to it by &&, || or |, and exit status 1 when there
# is one. A command that ends in "|| exit N", "|| return N" or "&" may be
# followed by anything, as may the last command of a group, and any
# command by exit or return. Quotes, "$(
# )" inside double quotes, ${...}, $((...)), backquotes, comments and
# here-document bodies are read as the shell reads them; case patterns,
# the words of a for loop and the condition of an if or a loop are no
# commands of the body they open.
#
# The lexer (lex_*) reads the characters of the body and hands each token
# to tok(); tok() keeps a stack of the groups it is inside.

BEGIN {
	nl = 0
}

{
	lines[++nl] = $0
	body = nl == 1 ? $0 : body "\n" $0
}

END {
	depth = 0
	gk[0] = "top"
	gchk[0] = 0
	group_reset(0)
	lex(body)
	exit found ? 1 : 0
}

# --- the parser: groups and the commands in them ---------------------------

function group_reset(d) {
	st[d] = "start"		# start: nothing to join; cmd: in a command;
				# term: a command ended unjoined
	sf[d] = 0		# the current command ends in || exit/return
	prev[d] = ""
	funcdef[d] = 0
	casest[d] = ""
	lastexit[d] = 0
}

function push(kind, line) {
	depth++
	gk[depth] = kind
	gchk[depth] = kind == "paren" || kind == "dollar" || gchk[depth - 1]
	gline[depth] = line
	group_reset(depth)
}

# Leave the innermost group: in its parent, the group is (part of) a
# command.
function pop(line,    safe) {
	if (depth == 0)
		return
	# "|| { echo why; exit 1; }" ends a command as "|| exit 1" does.
	safe = gk[depth] == "brace" && lastexit[depth] && prev[depth - 1] == "||"
	depth--
	st[depth] = "cmd"
	sf[depth] = safe
	pend[depth] = line
	prev[depth] = "group"
}

function where(d) {
	while (d > 0 && gk[d] != "paren" && gk[d] != "dollar")
		d--
	return gk[d] == "dollar" ? "$( )" : "( )"
}

# A new command (whose first word is t) begins in the innermost group: if
# the one before ended without a join, that is a broken chain, unless this
# one is exit or return ("{ echo why; exit 1; }").
function begin_cmd(t,    text) {
	if (st[depth] == "term" && gchk[depth] && !psafe[depth] &&
	    t != "exit" && t != "return") {
		found++
		text = lines[pline[depth]]
		sub(/^[ \t]+/, "", text)
		printf "broken &&-chain inside %s: line %d of the body is " \
			"not joined to the next command: %s\n", \
			where(depth), pline[depth], text
	}
	st[depth] = "cmd"
	sf[depth] = 0
	lastexit[depth] = t == "exit" || t == "return"
}

# The command in progress ends (at a newline or ";").
function end_cmd(line) {
	if (st[depth] != "cmd")
		return
	st[depth] = "term"
	pline[depth] = pend[depth]
	psafe[depth] = sf[depth]
}

# The group's current command list ends here (then, do, ;; ...): what
# came last needs no join.
function end_list() {
	st[depth] = "start"
	sf[depth] = 0
}

function keyword_pos() {
	return st[depth] != "cmd"
}

function tok(t, type, line,    k) {
	k = gk[depth]
	if (type == "w")
		return tok_word(t, line, k)
	if (type == "nl" || t == ";") {
		if (k == "case" && casest[depth] != "body")
			return
		end_cmd(line)
		return
	}
	# Case headers and patterns: no commands until ")".
	if (k == "case" && casest[depth] != "body") {
		if (casest[depth] == "pat" && t == ")")
			casest[depth] = "body"
		return
	}
	if (t == "&&" || t == "||" || t == "|") {
		if (st[depth] == "cmd")
			st[depth] = "start"
		prev[depth] = t
		return
	}
	if (t == "&") {
		st[depth] = "start"
		return
	}
	if (t == ";;") {
		if (k == "case") {
			end_list()
			casest[depth] = "pat"
		}
		return
	}
	if (t == "$(") {
		if (st[depth] != "cmd")
			begin_cmd("$(")
		pend[depth] = line
		push("dollar", line)
		return
	}
	if (t == "(") {
		if (st[depth] == "cmd") {	# name() { ...; }
			funcdef[depth] = 1
			return
		}
		begin_cmd("(")
		push("paren", line)
		return
	}
	if (t == ")") {
		if (funcdef[depth]) {
			funcdef[depth] = 0
			end_list()
			return
		}
		# Close the innermost ( or $( and whatever is open inside it.
		while (depth > 0 && gk[depth] != "paren" && gk[depth] != "dollar")
			pop(line)
		pop(line)
		return
	}
}

# A word: a keyword where a command may begin, else part of a command.
function tok_word(t, line, k) {
	if (k == "case" && casest[depth] == "head") {
		if (t == "in") {
			casest[depth] = "pat"
			end_list()
		}
		return
	}
	if (k == "case" && casest[depth] == "pat") {
		if (t == "esac")
			pop(line)
		return
	}
	if (keyword_pos()) {
		if (t == "{" || t == "if" || t == "while" || t == "until" ||
		    t == "for" || t == "case") {
			begin_cmd(t)
			push(t == "{" ? "brace" : t == "if" ? "if" : \
				t == "case" ? "case" : "loop", line)
			if (t == "case")
				casest[depth] = "head"
			return
		}
		if ((t == "}" && k == "brace") || (t == "fi" && k == "if") ||
		    (t == "done" && k == "loop") || (t == "esac" && k == "case")) {
			pop(line)
			return
		}
		if ((k == "if" && (t == "then" || t == "else" || t == "elif")) ||
		    (k == "loop" && t == "do")) {
			end_list()
			return
		}
		if (t == "!")
			return
		begin_cmd(t)
	}
	if ((t == "exit" || t == "return") && prev[depth] == "||")
		sf[depth] = 1
	else if (sf[depth] && t !~ /^[0-9]+$/)
		sf[depth] = 0
	prev[depth] = t
	pend[depth] = line
}

# --- the lexer --------------------------------------------------------------

# Emit the word collected so far, if any.
function flush_word() {
	if (word != "") {
		tok(word, "w", wline)
		word = ""
	}
}

function addc(c) {
	if (word == "")
		wline = line
	word = word c
}

# Skip from i (just after an opening character) to the matching close,
# counting nested opens; return the index of the close. Newlines count.
function skip_nested(s, i, op, cl,    n, c, lvl) {
	lvl = 1
	n = length(s)
	for (; i <= n; i++) {
		c = substr(s, i, 1)
		if (c == "\\") {
			i++
			continue
		}
		if (c == "\n")
			line++
		if (c == "'" && op == "{") {
			# quotes inside ${...}: skip them whole
			while (++i <= n && substr(s, i, 1) != "'")
				if (substr(s, i, 1) == "\n")
					line++
			continue
		}
		if (c == op)
			lvl++
		else if (c == cl && --lvl == 0)
			return i
	}
	return n
}

# The delimiter word of a here-document starting at i: store it, return
# the index of its last character.
function heredoc_word(s, i,    n, c, w, strip) {
	n = length(s)
	strip = 0
	if (substr(s, i, 1) == "-") {
		strip = 1
		i++
	}
	while (i <= n && (substr(s, i, 1) == " " || substr(s, i, 1) == "\t"))
		i++
	w = ""
	for (; i <= n; i++) {
		c = substr(s, i, 1)
		if (c ~ /[ \t\n;&|()<>]/)
			break
		if (c == "\\" || c == "'" || c == "\"")
			continue
		w = w c
	}
	nhd++
	hdword[nhd] = w
	hdstrip[nhd] = strip
	return i - 1
}

# At the newline at i: skip the bodies of the pending here-documents;
# return the index of the last newline skipped.
function skip_heredocs(s, i,    n, h, j, l) {
	n = length(s)
	for (h = 1; h <= nhd; h++) {
		while (i < n) {
			j = index(substr(s, i + 1), "\n")
			l = j ? substr(s, i + 1, j - 1) : substr(s, i + 1)
			line++
			i = j ? i + j : n
			if (hdstrip[h])
				sub(/^\t+/, "", l)
			if (l == hdword[h])
				break
		}
	}
	nhd = 0
	return i
}

# Read the body: code, double quotes and the "$(" inside them, as a
# stack of modes (C: code; D: in double quotes; Q: code of a "$(" opened
# in double quotes, with its own count of open parentheses).
function lex(s,    n, i, c, c2, m, sp) {
	n = length(s)
	line = 1
	word = ""
	nhd = 0
	sp = 0
	mode[0] = "C"
	par[0] = 0
	for (i = 1; i <= n; i++) {
		c = substr(s, i, 1)
		c2 = substr(s, i, 2)
		m = mode[sp]
		if (m == "D") {
			if (c == "\"") {
				sp--
				addc(c)
			} else if (c == "\\") {
				addc(c2)
				if (substr(s, i + 1, 1) == "\n")
					line++
				i++
			} else if (c2 == "$(" && substr(s, i + 2, 1) != "(") {
				flush_word()
				tok("$(", "op", line)
				i++
				mode[++sp] = "Q"
				par[sp] = 0
			} else if (c2 == "$(" || c2 == "${") {
				addc(c2 "...")
				i = skip_nested(s, i + 2, substr(c2, 2), \
					c2 == "${" ? "}" : ")")
			} else if (c == "`") {
				addc(c)
				while (++i <= n && substr(s, i, 1) != "`")
					if (substr(s, i, 1) == "\n")
						line++
			} else {
				if (c == "\n")
					line++
				addc(c)
			}
			continue
		}
		# Code (C or Q).
		if (c == "\n") {
			flush_word()
			tok("\n", "nl", line)
			if (nhd)
				i = skip_heredocs(s, i)
			line++
		} else if (c == " " || c == "\t") {
			flush_word()
		} else if (c == "#" && word == "") {
			while (i < n && substr(s, i + 1, 1) != "\n")
				i++
		} else if (c == "\\") {
			if (substr(s, i + 1, 1) == "\n")
				line++
			else
				addc(c2)
			i++
		} else if (c == "'") {
			addc(c)
			while (++i <= n && substr(s, i, 1) != "'")
				if (substr(s, i, 1) == "\n")
					line++
		} else if (c == "\"") {
			addc(c)
			mode[++sp] = "D"
		} else if (c == "`") {
			addc(c)
			while (++i <= n && substr(s, i, 1) != "`")
				if (substr(s, i, 1) == "\n")
					line++
		} else if (c2 == "$(" && substr(s, i + 2, 1) != "(") {
			flush_word()
			tok("$(", "op", line)
			i++
			par[sp]++
		} else if (c2 == "$(" || c2 == "${") {
			addc(c2 "...")
			i = skip_nested(s, i + 2, substr(c2, 2), \
				c2 == "${" ? "}" : ")")
		} else if (c2 == "&&" || c2 == "||" || c2 == ";;") {
			flush_word()
			tok(c2, "op", line)
			i++
		} else if (c == "&" || c == "|" || c == ";") {
			flush_word()
			tok(c, "op", line)
		} else if (c == "(") {
			flush_word()
			par[sp]++
			tok(c, "op", line)
		} else if (c == ")") {
			flush_word()
			if (m == "Q" && par[sp] == 0) {
				sp--
				tok(c, "op", line)
				continue
			}
			if (par[sp] > 0)
				par[sp]--
			tok(c, "op", line)
		} else if (c2 == "<<" && substr(s, i + 2, 1) != "<") {
			flush_word()
			tok("<<", "w", line)
			i = heredoc_word(s, i + 2)
		} else if (c == "<" || c == ">") {
			flush_word()
			addc(c)
			if (substr(s, i + 1, 1) ~ /[>&|]/) {
				addc(substr(s, i + 1, 1))
				i++
			}
			flush_word()
		} else {
			addc(c)
		}
	}
	flush_word()
	tok("\n", "nl", line)
}
