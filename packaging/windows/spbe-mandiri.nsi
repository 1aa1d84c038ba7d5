; Per-user installer for SPBE Mandiri (no administrator rights): installs to
; %LOCALAPPDATA%\Programs\SPBE Mandiri, a Start-menu and a desktop shortcut,
; an uninstaller and an "Apps & features" entry under HKCU. The data folder
; (%LOCALAPPDATA%\spbe-mandiri) is never touched, not even by the uninstaller.
; Built by scripts/release.sh:
;   makensis -DVERSION=0.1.0 -DVERSION4=0.1.0.1 -DSRC=dir -DOUTFILE=setup.exe spbe-mandiri.nsi
Unicode true
Target amd64-unicode
!ifdef SMOKE
	SetCompress off ; the CI smoke test: build in seconds
!else
	SetCompressor /SOLID lzma
!endif
RequestExecutionLevel user
ManifestSupportedOS all

!include "MUI2.nsh"

!define APPNAME "SPBE Mandiri"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\id.spbemandiri.app"

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "${UNINSTKEY}" "InstallLocation"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION4}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} installer"
VIAddVersionKey /LANG=0 "CompanyName" "${APPNAME}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${APPNAME}"

!define MUI_ICON "${SRC}\spbe-mandiri.ico"
!define MUI_UNICON "${SRC}\spbe-mandiri.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\spbe-mandiri.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

Section "SPBE Mandiri"
	SetShellVarContext current
	SetOutPath "$INSTDIR"
	File "${SRC}\spbe-mandiri.exe"
	File "${SRC}\spbe-mandiri-cli.exe"
	File "${SRC}\spbe-mandiri.ico"
	WriteUninstaller "$INSTDIR\uninstall.exe"
	CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\spbe-mandiri.exe" "" "$INSTDIR\spbe-mandiri.ico"
	CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\spbe-mandiri.exe" "" "$INSTDIR\spbe-mandiri.ico"
	WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
	WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
	WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "${APPNAME}"
	WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\spbe-mandiri.ico"
	WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
	WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
	WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
	WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
	WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
	SetShellVarContext current
	Delete "$INSTDIR\spbe-mandiri.exe"
	Delete "$INSTDIR\spbe-mandiri-cli.exe"
	Delete "$INSTDIR\spbe-mandiri.ico"
	Delete "$INSTDIR\uninstall.exe"
	RMDir "$INSTDIR"
	Delete "$SMPROGRAMS\${APPNAME}.lnk"
	Delete "$DESKTOP\${APPNAME}.lnk"
	DeleteRegKey HKCU "${UNINSTKEY}"
SectionEnd
