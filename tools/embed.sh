#!/bin/sh
# tools/embed.sh FILE NAME [FILE NAME ...] — the files as C strings, for the
# defaults built into the program (src/defaults.c, made by make from data/):
# the bundled files stay the one definition of the keys and the indicator
# names, and the program still works when it cannot find them.
set -e
echo "/* made by tools/embed.sh from data/ at build time: do not edit */"
echo "#include \"datadir.h\""
while [ $# -ge 2 ]; do
	echo "const char $2[] ="
	# each line a literal: backslashes and quotes escaped, tabs kept as \t
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e "s/	/\\\\t/g" -e 's/^/    "/' -e 's/$/\\n"/' "$1"
	echo "    ;"
	shift 2
done
