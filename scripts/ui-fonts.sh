#!/usr/bin/env bash
# Makes the desktop app's cut-down DejaVu Sans (assets/fonts/*-UI.ttf,
# see assets/fonts.go and docs/PERFORMANCE.md "Fifth pass") from the full
# fonts the PDF report uses: every character of Fyne's Noto Sans (which
# the app's theme replaces, app/theme.go newDesktopTheme) that DejaVu has,
# plus Latin, punctuation, currency, arrows, symbols and dingbats.
# Needs Python's fontTools (Debian: apt-get install python3-fonttools).
# TestUIFontCoversEveryText and TestUIFontSubsetShapesLikeTheFullFont
# check the result. Re-run after upgrading Fyne or changing the fonts.
set -euo pipefail
cd "$(dirname "$0")/.."
py=${PYTHON:-/usr/bin/python3}
noto="$(go list -m -f '{{.Dir}}' fyne.io/fyne/v2)/theme/font/NotoSans-Regular.ttf"
ranges="U+0020-007E,U+00A0-024F,U+02B0-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+1F00-1FFF"
ranges+=",U+2000-206F,U+20A0-20CF,U+2100-215F,U+2190-21FF,U+2212,U+2215,U+2219,U+221A,U+221E"
ranges+=",U+2248,U+2260,U+2264,U+2265,U+25A0-25FF,U+2600-26FF,U+2700-27BF,U+FFFD"
notochars=$("$py" -c 'import sys
from fontTools.ttLib import TTFont
print(",".join("U+%04X" % c for c in sorted(TTFont(sys.argv[1]).getBestCmap())))' "$noto")
for f in DejaVuSans DejaVuSans-Bold; do
	"$py" -m fontTools.subset "assets/fonts/$f.ttf" --unicodes="$ranges,$notochars" \
		--layout-features='*' --no-hinting --output-file="assets/fonts/$f-UI.ttf"
done
