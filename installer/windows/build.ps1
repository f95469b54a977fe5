<#
.SYNOPSIS
    Builds the Windows installer of Coop Desk: dist\coop-desk-<version>-windows-x64-setup.exe.

.DESCRIPTION
    Run on the Windows build machine, from any folder:

        powershell -NoProfile -ExecutionPolicy Bypass -File installer\windows\build.ps1

    Needs uv (https://docs.astral.sh/uv/) and Inno Setup 6 (ISCC.exe on PATH or in its default folder).
    Steps: install the locked dependencies with the build group, make the one-folder bundle with PyInstaller,
    check that the bundled program starts (--version) and passes its self-test, then compile
    installer\windows\coop-desk.iss with the package version. Stops at the first step that fails.
#>
[CmdletBinding()]
param()

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
$Bundle = Join-Path $Root 'dist\coop-desk'
$Script = Join-Path $Root 'installer\windows\coop-desk.iss'

function Invoke-Native {
    <# Runs a program, lets its output through and throws when it exits with a code other than 0. #>
    param(
        [Parameter(Mandatory)] [string] $Step,
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $Arguments = @()
    )
    Write-Host "==> $Step" -ForegroundColor Cyan
    # Windows PowerShell 5.1 turns a native program's stderr lines into errors when 'Stop' is in force;
    # uv and PyInstaller log to stderr, so only the exit code decides here.
    $previous = $ErrorActionPreference
    $ErrorActionPreference = 'Continue'
    try {
        & $FilePath @Arguments
        $code = $LASTEXITCODE
    }
    finally {
        $ErrorActionPreference = $previous
    }
    if ($code -ne 0) {
        throw "$Step failed (exit code $code): $FilePath $($Arguments -join ' ')"
    }
}

function Find-Iscc {
    $onPath = Get-Command 'ISCC.exe' -ErrorAction SilentlyContinue
    if ($onPath) {
        return $onPath.Source
    }
    $candidates = @()
    if (${env:ProgramFiles(x86)}) { $candidates += Join-Path ${env:ProgramFiles(x86)} 'Inno Setup 6\ISCC.exe' }
    if ($env:ProgramFiles) { $candidates += Join-Path $env:ProgramFiles 'Inno Setup 6\ISCC.exe' }
    if ($env:LOCALAPPDATA) { $candidates += Join-Path $env:LOCALAPPDATA 'Programs\Inno Setup 6\ISCC.exe' }
    foreach ($candidate in $candidates) {
        if (Test-Path -LiteralPath $candidate -PathType Leaf) {
            return $candidate
        }
    }
    throw "ISCC.exe (Inno Setup 6) not found on PATH nor in: $($candidates -join ', ')"
}

Push-Location $Root
try {
    $iscc = Find-Iscc  # fail before the long build when Inno Setup is missing

    Invoke-Native 'Install the locked dependencies' 'uv' @('sync', '--locked', '--group', 'build')

    # before the long build: the Windows version resource takes only a.b.c
    Write-Host '==> Read the package version' -ForegroundColor Cyan
    $previous = $ErrorActionPreference
    $ErrorActionPreference = 'Continue'
    try {
        $version = & uv run python -c "from importlib.metadata import version; print(version('coop-desk'))"
        $code = $LASTEXITCODE
    }
    finally {
        $ErrorActionPreference = $previous
    }
    if ($code -ne 0 -or -not $version) {
        throw "Reading the package version failed (exit code $code)"
    }
    $version = ([string]($version | Select-Object -Last 1)).Trim()
    if ($version -notmatch '^\d+\.\d+\.\d+$') {
        # VersionInfoVersion in the .iss takes only numbers (a.b.c)
        throw "Version '$version' is not of the form a.b.c, which the Windows version resource needs"
    }
    Write-Host "    version $version"
    Invoke-Native 'Build the bundle with PyInstaller' 'uv' @(
        'run', '--group', 'build', 'pyinstaller', '--noconfirm', '--clean', 'installer/coop-desk.spec')

    $cli = Join-Path $Bundle 'coop-desk-cli.exe'
    foreach ($exe in @((Join-Path $Bundle 'coop-desk.exe'), $cli)) {
        if (-not (Test-Path -LiteralPath $exe -PathType Leaf)) {
            throw "The bundle lacks $exe"
        }
    }


    Write-Host '==> Check the bundled program: --version' -ForegroundColor Cyan
    $previous = $ErrorActionPreference
    $ErrorActionPreference = 'Continue'
    try {
        $reported = & $cli --version
        $code = $LASTEXITCODE
    }
    finally {
        $ErrorActionPreference = $previous
    }
    Write-Host "    $reported"
    if ($code -ne 0) {
        throw "coop-desk-cli.exe --version failed (exit code $code)"
    }
    if ("$reported" -notmatch [regex]::Escape($version)) {
        throw "coop-desk-cli.exe --version says '$reported', expected version $version"
    }

    Invoke-Native 'Check the bundled program: self-test' $cli @('self-test')

    Invoke-Native 'Compile the installer with Inno Setup' $iscc @("/DAppVersion=$version", $Script)

    $setup = Join-Path $Root "dist\coop-desk-$version-windows-x64-setup.exe"
    if (-not (Test-Path -LiteralPath $setup -PathType Leaf)) {
        throw "Inno Setup reported success but $setup is missing"
    }
    Write-Host "Done: $setup" -ForegroundColor Green
}
finally {
    Pop-Location
}
