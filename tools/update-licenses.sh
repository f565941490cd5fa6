#!/bin/sh
# update-licenses.sh: take the license texts of rules/licenses/ from their sources, by hand
#
# Usage: tools/update-licenses.sh [WORKDIR]
#
# Run by hand, never at build or test time. It needs apt-get (Debian's
# package ruby-licensee), npm (the package spdx-license-list) and
# python3. In WORKDIR (default: a new temporary directory) it runs
# "apt-get download ruby-licensee" and "npm pack spdx-license-list",
# unpacks both, and writes rules/licenses/ID.txt for every id below:
#
#  - from ruby-licensee's vendor/license-list-XML/src/ID.xml (the SPDX
#    License List's XML, with its matching markup) where it has the id:
#    <optional> and <titleText>/<copyrightText> become
#    <<beginOptional>>...<<endOptional>>, <alt> becomes
#    <<var;original="...">> (the words there may differ), the standard
#    license header (MPL-2.0's Exhibit A notice) is optional, notes are
#    left out;
#  - else from spdx-license-list's licenses/ID.json (plain SPDX text),
#    where the BSD holder names ("Neither the name of X nor", "PROVIDED
#    BY X AS IS") are made <<var>> the same way.
#
# The ids GPL-2.0, GPL-3.0, LGPL-2.1, LGPL-3.0 and AGPL-3.0 of the XML
# are written as ID-only (see rules/licenses/README.md). It also writes
# rules/licenses/SOURCES.tsv: id, where the text came from, and the
# license of that source. Then run "make" and
# "tests/license-id --dump-corpus rules/licenses > rules/licenses/corpus.tok"
# from the build tree (see README.md), so that the shipped pre-normalised
# corpus matches the texts; "make check" fails until it does.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
out=$top/rules/licenses
work=${1:-$(mktemp -d)}
mkdir -p "$work"
cd "$work"
if ! ls ruby-licensee_*.deb >/dev/null 2>&1; then
	apt-get download ruby-licensee
fi
if ! ls spdx-license-list-*.tgz >/dev/null 2>&1; then
	npm pack spdx-license-list
fi
rm -rf deb npm && mkdir deb npm
dpkg -x ruby-licensee_*.deb deb
tar xzf spdx-license-list-*.tgz -C npm
xmldir=$(find deb -type d -path '*vendor/license-list-XML/src' | head -1)
deb=$(ls ruby-licensee_*.deb)
npmv=$(ls spdx-license-list-*.tgz)

python3 - "$xmldir" npm/package/licenses "$out" "$deb" "$npmv" <<'PY'
import json, os, re, sys
import xml.etree.ElementTree as ET

xmldir, jsondir, out, deb, npmv = sys.argv[1:6]
NS = '{http://www.spdx.org/license}'
RENAME = {'GPL-2.0': 'GPL-2.0-only', 'GPL-3.0': 'GPL-3.0-only',
          'LGPL-2.1': 'LGPL-2.1-only', 'LGPL-3.0': 'LGPL-3.0-only',
          'AGPL-3.0': 'AGPL-3.0-only'}
# Ids taken from the plain SPDX texts: the near neighbours of the ones
# above that a wrong answer would come from, and a few common others.
PLAIN = '''PSF-2.0 Python-2.0 CC-BY-NC-4.0 CC-BY-NC-SA-4.0 CC-BY-ND-4.0
CC-BY-NC-ND-4.0 CC-BY-3.0 CC-BY-SA-3.0 CC-BY-NC-SA-3.0 CC-BY-2.0
Apache-1.1 Apache-1.0 BSD-1-Clause BSD-2-Clause-Patent BSD-3-Clause-LBNL
BSD-3-Clause-Attribution BSD-3-Clause-Modification GPL-1.0-only
LGPL-2.0-only AGPL-1.0-only MPL-1.1 MPL-1.0
CDDL-1.0 CDDL-1.1 X11 MIT-CMU HPND libpng-2.0 bzip2-1.0.6 curl
GFDL-1.3-only Unicode-3.0'''.split()

def words(s):
    return re.sub(r'\s+', ' ', s).strip()

def var(original):
    return '<<var;original="%s">>' % words(original).replace('"', "'")

def render(el, buf):
    tag = el.tag.replace(NS, '')
    if tag in ('notes', 'crossRefs', 'obsoletedBys'):
        tail(el, buf)
        return
    if tag == 'alt':
        buf.append(var(''.join(el.itertext())))
        tail(el, buf)
        return
    opt = tag in ('optional', 'titleText', 'copyrightText',
                  'standardLicenseHeader')
    if opt:
        buf.append('<<beginOptional>>')
    if tag in ('p', 'item', 'titleText', 'copyrightText', 'list'):
        buf.append('\n\n')
    if tag == 'br':
        buf.append('\n')
    if el.text:
        buf.append(words(el.text) + ' ' if tag != 'bullet' else el.text.strip() + ' ')
    for c in el:
        render(c, buf)
    if tag in ('p', 'item', 'titleText', 'copyrightText'):
        buf.append('\n\n')
    if opt:
        buf.append('<<endOptional>>')
    tail(el, buf)

def tail(el, buf):
    if el.tail and el.tail.strip():
        buf.append(words(el.tail) + ' ')

def fold(text):
    text = re.sub(r' *\n *', '\n', text)
    text = re.sub(r'\n{3,}', '\n\n', text)
    return text.strip() + '\n'

sources = []
for f in sorted(os.listdir(xmldir)):
    if not f.endswith('.xml'):
        continue
    lic = ET.parse(os.path.join(xmldir, f)).getroot().find(NS + 'license')
    lid = lic.get('licenseId')
    buf = []
    render(lic.find(NS + 'text'), buf)
    lid = RENAME.get(lid, lid)
    with open(os.path.join(out, lid + '.txt'), 'w') as o:
        o.write(fold(''.join(buf)))
    sources.append((lid, '%s: vendor/license-list-XML/src/%s' % (deb, f),
                    'SPDX License List (CC-BY-3.0), shipped by ruby-licensee (MIT)'))

for lid in PLAIN:
    with open(os.path.join(jsondir, lid + '.json')) as j:
        text = json.load(j)['licenseText']
    text = re.sub(r'(Neither the name of )(.+?)( nor)',
                  lambda m: m.group(1) + var(m.group(2)) + m.group(3),
                  text, flags=re.S | re.I)
    text = re.sub(r'(PROVIDED BY )(.+?)( ``AS IS|"AS IS| ''AS IS| AS IS)',
                  lambda m: m.group(1) + var(m.group(2)) + m.group(3),
                  text, flags=re.S)
    with open(os.path.join(out, lid + '.txt'), 'w') as o:
        o.write(fold(text))
    sources.append((lid, '%s: licenses/%s.json (licenseText)' % (npmv, lid),
                    'SPDX License List text, shipped by spdx-license-list (CC0-1.0)'))

with open(os.path.join(out, 'SOURCES.tsv'), 'w') as o:
    o.write('id\tsource\tlicense of the source\n')
    for s in sorted(sources):
        o.write('\t'.join(s) + '\n')
PY
echo "wrote $(ls "$out"/*.txt | wc -l) texts to $out"
