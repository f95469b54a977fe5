; Inno Setup 6 script for the Windows installer of Coop Desk.
;
; Installs the one-folder program that PyInstaller made in dist\coop-desk (coop-desk.exe, coop-desk-cli.exe,
; _internal\) for the current user, without administrator rights, and writes
; dist\coop-desk-<version>-windows-x64-setup.exe. installer\windows\build.ps1 builds the bundle, tests it and
; then compiles this script with the package version:
;
;     ISCC.exe /DAppVersion=1.0.0 installer\windows\coop-desk.iss
;
; The user's data (database, backups, logs) lives outside the program folder, in %LOCALAPPDATA%\CoopDesk.
; Neither an upgrade nor an uninstall touches it. Keep this file ASCII: the Dutch texts need no accents.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "Coop Desk"
#define AppExe "coop-desk.exe"
#define CliExe "coop-desk-cli.exe"

[Setup]
; The AppId ties upgrades and the uninstaller to this program: never change it.
AppId={{203FF6F5-D6CE-46B5-A516-125CCA2824D4}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Coop Desk
VersionInfoVersion={#AppVersion}
VersionInfoDescription={#AppName} Setup
; Per-user install without administrator rights: {autopf} is %LOCALAPPDATA%\Programs for the current user.
; An administrator can still install for all users with /ALLUSERS on the command line.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
UsedUserAreasWarning=no
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
SetupIconFile={#SourcePath}..\..\resources\icons\coop-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
WizardStyle=modern
ShowLanguageDialog=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
; An upgrade installs over the previous version (same AppId, same folder). A running Coop Desk is closed
; first (Restart Manager); it is not restarted automatically, the last page offers to start it.
CloseApplications=yes
RestartApplications=no
OutputDir=..\..\dist
OutputBaseFilename=coop-desk-{#AppVersion}-windows-x64-setup
Compression=lzma2
SolidCompression=yes
SetupLogging=yes

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
nl.SelfTestName=Coop Desk zelftest
en.SelfTestName=Coop Desk self-test
nl.SelfTestComment=Controleert of Coop Desk goed werkt en laat de uitkomst zien
en.SelfTestComment=Checks that Coop Desk works and shows the result
nl.AppComment=Register van bewoners, leden, vrijwilligers en hulpvragen
en.AppComment=Register of residents, members, volunteers and help requests
nl.DataKept=Coop Desk is verwijderd, maar uw gegevens (database, back-ups en logboeken) zijn bewaard in:%n%n%1%n%nEen nieuwe installatie van Coop Desk gebruikt ze weer. Hebt u ze niet meer nodig, verwijder die map dan zelf.
en.DataKept=Coop Desk has been removed, but your data (database, backups and logs) are kept in:%n%n%1%n%nA new installation of Coop Desk will use them again. If you no longer need them, delete that folder by hand.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade first removes the previous version's libraries, so that no file the new version no longer ships
; is picked up by it (the user's data is not in the program folder).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\coop-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"
; A console window that runs the self-test and stays open, so the result can be read out on the phone.
Name: "{group}\{cm:SelfTestName}"; Filename: "{cmd}"; Parameters: "/k """"{app}\{#CliExe}"" self-test"""; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"; Comment: "{cm:SelfTestComment}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; There is deliberately no [UninstallDelete] section: the uninstaller removes the files it installed and the
; program folder when it is empty, and never the data folder (%LOCALAPPDATA%\CoopDesk).

[Code]
{ After an interactive uninstall, say where the data that was kept is. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep = usPostUninstall then
  begin
    DataDir := ExpandConstant('{localappdata}\CoopDesk');
    if DirExists(DataDir) and not UninstallSilent then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;
