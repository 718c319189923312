; SPDX-FileCopyrightText: 2026 Vigil contributors
; SPDX-License-Identifier: GPL-3.0-or-later
; Inno Setup 6 recipe for Vigil on Windows. Build the one-folder app first (on Windows):
;   uv run python packaging\pyinstaller\build.py
; then, from the repository root:
;   iscc packaging\windows\vigil.iss
; Result: dist\Vigil-0.1.0-setup.exe (per-user install, no administrator rights needed).

#define AppName "Vigil"
#define AppVersion "0.1.0"
#define AppPublisher "Vigil contributors"
#define Root ".."

[Setup]
; A fixed AppId: never change it, upgrades and uninstall depend on it.
AppId={{6B0E3C9A-2F4D-4E71-9C35-5A7A2D1E8F40}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher={#AppPublisher}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\..\dist
OutputBaseFilename=Vigil-{#AppVersion}-setup
SetupIconFile=vigil.ico
UninstallDisplayIcon={app}\Vigil.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Vigil never stores case data in its program folder; the vault lives in the user's data
; folder and is NOT removed on uninstall.

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Chinese (Simplified) ships as an unofficial Inno Setup translation: add it here once
; vendored, e.g. Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\..\dist\vigil\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\Vigil.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\Vigil.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Vigil.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
