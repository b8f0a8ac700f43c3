<#
build-windows.ps1 - builds the Windows installer of Sesaku Desk (施策デスク): a per-user MSI.

Usage, on Windows, from the project root, after the jar has been built:
    mvn -q package -DskipTests
    powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1 [-SkipMsi]

Needs: JDK 17 with jlink, jdeps and jpackage (JAVA_HOME, else the java on PATH); WiX Toolset 3
(candle.exe and light.exe on PATH) for the MSI. On Windows Maven copies the JavaFX platform jars
with the "-win" classifier (javafx-*-21.0.11-win.jar) into target\lib. Works offline.
Output in target\installer\:
    SesakuDesk\                  the app-image (SesakuDesk.exe, app\, runtime\)
    SesakuDesk-<version>.msi     per-user MSI: installs without administrator rights into
                                 %LOCALAPPDATA%\SesakuDesk, Start menu group "Sesaku Desk",
                                 desktop shortcut, lets the user choose the folder.

The steps are those of build-linux.sh (see there and installer\README.md), with Windows paths:
JavaFX's native .dll files go into the runtime's bin\ (where Windows' JDK keeps its own); the
runtime gets a base CDS archive; the application's CDS archive app\sesaku-desk.jsa is made by
running `dump` with the image's java. A JDK 17 archive is only used with the jars at the path it
was made at, so after installation to another folder the JVM ignores it (silently: -Xshare:auto
and CDS logging off) and the application starts as without it.
#>
param([switch]$SkipMsi)
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')

$javaHome = $env:JAVA_HOME
if (-not $javaHome) { $javaHome = Split-Path (Split-Path (Get-Command java).Source) }
foreach ($tool in 'jlink', 'jdeps', 'jpackage') {
    if (-not (Test-Path "$javaHome\bin\$tool.exe")) { throw "$javaHome\bin\$tool.exe not found (JDK 17 needed)" }
}
if (-not (Test-Path target\sesaku-desk.jar)) { throw "target\sesaku-desk.jar missing: run 'mvn package -DskipTests' first" }

$name = 'SesakuDesk'
[xml]$pom = Get-Content pom.xml -Encoding UTF8
$version = $pom.project.version
$description = '施策デスク (Sesaku Desk)'
$vendor = 'Sesaku Desk'
# Fixed for every version: lets a newer MSI replace an installed older one.
$upgradeUuid = 'd6b0d0f4-3f1e-4c57-9a4e-6a1f2b7c8e35'
# Same options as build-linux.sh (measured there: see installer\README.md).
$javaOptions = @('-XX:SharedArchiveFile=$APPDIR\sesaku-desk.jsa', '-Xshare:auto', '-Xlog:cds=off',
                 '-Xlog:cds+dynamic=off', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1')

$out = 'target\installer'
$work = 'target\installer-work'
Remove-Item -Recurse -Force $out, $work -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force $out, "$work\input", "$work\javafx-native" | Out-Null

# --- a. runtime ---
$javafxJars = @(Get-ChildItem target\lib\javafx-*-win.jar)
if ($javafxJars.Count -eq 0) { throw 'no javafx-*-win.jar in target\lib (build on Windows)' }
$javafxPath = ($javafxJars | ForEach-Object FullName) -join ';'
$jdkModules = (& "$javaHome\bin\jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 `
    --class-path 'target\lib\*' target\sesaku-desk.jar).Trim()
if ($LASTEXITCODE -ne 0) { throw 'jdeps failed' }
# Left out although jdeps lists them: only for library features the application does not use
# (see build-linux.sh).
$leftOut = 'java.compiler', 'java.instrument', 'java.scripting', 'jdk.net', 'java.xml.crypto', 'java.security.jgss', 'jdk.jfr'
$jdkModules = ($jdkModules -split ',' | Where-Object { $leftOut -notcontains $_ }) -join ','
$modules = "$jdkModules,jdk.charsets,jdk.localedata,javafx.base,javafx.graphics,javafx.controls"
Write-Host "modules: $modules"
& "$javaHome\bin\jlink" --module-path "$javaHome\jmods;$javafxPath" --add-modules $modules `
    --include-locales=en,ja --exclude-resources='glob:/javafx.graphics/*.dll' `
    --strip-debug --no-header-files --no-man-pages --compress=2 --output "$work\runtime"
if ($LASTEXITCODE -ne 0) { throw 'jlink failed' }
Add-Type -AssemblyName System.IO.Compression.FileSystem
foreach ($jar in $javafxJars) {
    $zip = [System.IO.Compression.ZipFile]::OpenRead($jar.FullName)
    try {
        foreach ($entry in $zip.Entries | Where-Object { $_.FullName -like '*.dll' -and $_.FullName -notlike '*/*' }) {
            [System.IO.Compression.ZipFileExtensions]::ExtractToFile($entry, "$work\runtime\bin\$($entry.Name)", $true)
        }
    } finally { $zip.Dispose() }
}
& "$work\runtime\bin\java" -XX:+UseSerialGC -Xshare:dump -Xlog:cds=off | Out-Null
if ($LASTEXITCODE -ne 0) { throw 'base CDS archive failed' }

# --- b. input ---
Copy-Item target\sesaku-desk.jar "$work\input\"
Get-ChildItem target\lib\*.jar | Where-Object { $_.Name -notlike 'javafx-*' } | Copy-Item -Destination "$work\input\"

# --- c. app-image ---
$jpackageOptions = @()
foreach ($option in $javaOptions) { $jpackageOptions += @('--java-options', $option) }
& "$javaHome\bin\jpackage" --type app-image --dest $out --name $name --app-version $version `
    --description $description --vendor $vendor --input "$work\input" `
    --main-jar sesaku-desk.jar --main-class jp.sesakudesk.Launcher --runtime-image "$work\runtime" `
    --icon resources\icons\sesaku-desk.ico @jpackageOptions
if ($LASTEXITCODE -ne 0) { throw 'jpackage app-image failed' }

# --- d. CDS archive: create a database, then archive a start on it that stops before JSON
#     (no FY1999 edition: exit 1, expected; see build-linux.sh) ---
$image = (Resolve-Path "$out\$name").Path
$app = "$image\app"
$cfg = Get-Content "$app\$name.cfg" -Encoding UTF8
$cp = ($cfg | Where-Object { $_ -like 'app.classpath=*' } |
       ForEach-Object { $_.Substring('app.classpath='.Length).Replace('$APPDIR', $app) }) -join ';'
$data = Join-Path ([System.IO.Path]::GetTempPath()) ("sesaku-cds-" + [guid]::NewGuid())
$java = "$image\runtime\bin\java.exe"
& $java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp $cp jp.sesakudesk.Launcher dump --data $data | Out-Null
& $java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "-XX:ArchiveClassesAtExit=$app\sesaku-desk.jsa" `
    -Xlog:cds=off -Xlog:cds+dynamic=off -cp $cp jp.sesakudesk.Launcher dump --data $data --fy 1999 2>&1 | Out-Null
Remove-Item -Recurse -Force $data -ErrorAction SilentlyContinue
if (-not (Test-Path "$app\sesaku-desk.jsa")) { throw 'no CDS archive was written' }

# --- e. MSI ---
if (-not $SkipMsi) {
    if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue)) { throw 'WiX 3 (candle.exe, light.exe) not on PATH' }
    & "$javaHome\bin\jpackage" --type msi --dest $out --name $name --app-version $version `
        --description $description --vendor $vendor --app-image $image `
        --win-per-user-install --win-menu --win-menu-group 'Sesaku Desk' --win-shortcut `
        --win-upgrade-uuid $upgradeUuid --win-dir-chooser
    if ($LASTEXITCODE -ne 0) { throw 'jpackage msi failed' }
}
$size = (Get-ChildItem -Recurse $image | Measure-Object -Property Length -Sum).Sum / 1MB
Write-Host ("app-image: {0:N0} MB" -f $size)
Get-ChildItem $out
