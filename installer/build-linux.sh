#!/usr/bin/env bash
# build-linux.sh — builds the Linux app-image and .deb of Sesaku Desk (施策デスク).
#
# Usage, from the project root, after the jar has been built:
#     mvn -q package -DskipTests
#     bash installer/build-linux.sh [--skip-deb]
#
# Needs JDK 17 with jlink, jdeps and jpackage (JAVA_HOME, else the `java` on PATH), and for the
# .deb: dpkg-deb and fakeroot. Works offline. Output in target/installer/:
#     SesakuDesk/                      the app-image (bin/SesakuDesk, lib/app, lib/runtime)
#     sesakudesk_<version>-1_amd64.deb the Debian package (installs to /opt/sesakudesk)
# Work files in target/installer-work/ (deleted and rebuilt each time).
#
# Steps:
#  a. jlink a runtime with only the JDK modules the application needs (jdeps, less seven only
#     optional library features use, see below; plus jdk.charsets for MS932 and jdk.localedata,
#     English and Japanese, for Japanese formats) and the JavaFX modules javafx.base,
#     javafx.graphics, javafx.controls taken from the platform jars (javafx-*-linux.jar; the
#     empty javafx-*.jar next to them are left out). JavaFX's native libraries (*.so at the root
#     of javafx-graphics-*-linux.jar) are copied into the runtime's lib/ and left out of the
#     module image, so JavaFX loads them from there and never unpacks them into ~/.openjfx/cache.
#     The runtime gets its base CDS archive (java -Xshare:dump), which a dynamic archive needs.
#  b. an input folder with sesaku-desk.jar and the non-JavaFX jars of target/lib.
#  c. jpackage --type app-image, with the java options below, among them
#     -XX:SharedArchiveFile=$APPDIR/sesaku-desk.jsa ($APPDIR is expanded by the launcher).
#  d. the class-data-sharing archive (installer/linux/make-cds-archive.sh): the image's own java
#     runs `dump` headless with the launcher's class path and options, once to create a database
#     in a temporary folder, and once more on it with
#     -XX:ArchiveClassesAtExit=<image>/lib/app/sesaku-desk.jsa and `--fy 1999` (no such edition:
#     it stops after opening the database, before Jackson writes JSON). So the archive holds what
#     a desktop start on an existing database loads apart from JavaFX: 14 MB. Trained on a full
#     `dump` it is 19 MB, on the first start (database creation) 48 MB; either puts the image
#     over 110 MB.
#     The archive is made after the image because it records the class path, which must be the
#     image's lib/app jars. The option is already in lib/app/SesakuDesk.cfg from step c (jpackage
#     does not check that the file exists), so the cfg needs no editing.
#     A JDK 17 archive is only used when the jars are at the path it was made at: the .deb's
#     postinst therefore re-creates it in /opt/sesakudesk/lib/app when the package is installed
#     (installer/linux/postinst). Without a usable archive the application starts normally,
#     only without the saving (the JVM silently falls back: -Xshare:auto, -Xlog:cds=off).
#  e. unless --skip-deb: jpackage --type deb from the app-image.
#
# SESAKU_TUNING_OPTIONS overrides the JIT/GC options of the launcher (default
# "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"; empty: none), for measuring.
set -euo pipefail

skip_deb=false
for arg in "$@"; do
  case "$arg" in
    --skip-deb) skip_deb=true ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $arg (usage: $0 [--skip-deb])" >&2; exit 2 ;;
  esac
done

cd "$(dirname "$0")/.."
root=$(pwd)

if [[ -z "${JAVA_HOME:-}" ]]; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
fi
for tool in jlink jdeps jpackage; do
  [[ -x "$JAVA_HOME/bin/$tool" ]] || { echo "$JAVA_HOME/bin/$tool not found (JDK 17 needed)" >&2; exit 1; }
done
[[ -f target/sesaku-desk.jar && -d target/lib ]] \
  || { echo "target/sesaku-desk.jar or target/lib missing: run 'mvn package -DskipTests' first" >&2; exit 1; }

name=SesakuDesk
# The project's own <version> (the first one after its artifactId).
version=$(awk '/<artifactId>sesaku-desk<\/artifactId>/ { found = 1 }
               found && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' pom.xml)
[[ "$version" =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || { echo "unexpected version in pom.xml: $version" >&2; exit 1; }
description="施策デスク (Sesaku Desk)"
vendor="Sesaku Desk"
# Java options of the launcher. The CDS archive is made in step d.
# -XX:TieredStopAtLevel=1 -XX:+UseSerialGC: measured with AppImageStartupBenchmark (see
# installer/README.md); they shorten the start on small machines and the app's heap is small.
java_options=(-XX:SharedArchiveFile='$APPDIR/sesaku-desk.jsa' -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off
              ${SESAKU_TUNING_OPTIONS--XX:+UseSerialGC -XX:TieredStopAtLevel=1})

out=target/installer
work=target/installer-work
rm -rf "$out" "$work"
mkdir -p "$out" "$work/input" "$work/javafx-native"

# --- a. runtime ---------------------------------------------------------------------------
javafx_jars=(target/lib/javafx-*-linux.jar)
[[ -f "${javafx_jars[0]}" ]] || { echo "no javafx-*-linux.jar in target/lib" >&2; exit 1; }
javafx_path=$(IFS=:; echo "${javafx_jars[*]}")

echo "== jdeps"
jdk_modules=$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 \
  --class-path 'target/lib/*' target/sesaku-desk.jar)
# Left out although jdeps lists them: they serve only features of the libraries the application
# does not use (H2: Java-source functions (java.compiler), its profiler agent (java.instrument),
# script triggers (java.scripting), TCP server socket options (jdk.net); XML signatures
# (java.xml.crypto), Kerberos (java.security.jgss), flight recorder events (jdk.jfr)). Together
# ~2 MB, which keeps the image with its CDS archives under 110 MB. Checked by running dump, load,
# forms, merge, report and the desktop start in the image (installer/README.md).
left_out=",java.compiler,java.instrument,java.scripting,jdk.net,java.xml.crypto,java.security.jgss,jdk.jfr,"
jdk_modules=$(tr ',' '\n' <<< "$jdk_modules" | while read -r m; do
  [[ "$left_out" == *",$m,"* ]] || echo "$m"; done | paste -sd, -)
# jdk.charsets: MS932/Shift_JIS (Japanese Windows files); jdk.localedata: Japanese locale data.
modules="$jdk_modules,jdk.charsets,jdk.localedata,javafx.base,javafx.graphics,javafx.controls"
echo "modules: $modules"

echo "== jlink"
"$JAVA_HOME/bin/jlink" \
  --module-path "$JAVA_HOME/jmods:$javafx_path" \
  --add-modules "$modules" \
  --include-locales=en,ja \
  --exclude-resources='glob:/javafx.graphics/*.so' \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --output "$work/runtime"
for jar in "${javafx_jars[@]}"; do
  unzip -q -o "$jar" '*.so' -d "$work/javafx-native" 2>/dev/null || true
done
cp "$work"/javafx-native/*.so "$work/runtime/lib/"
# Native libraries without their symbol tables (the JDK's libjvm.so keeps ~4 MB of them; the
# exported symbols stay, crash logs lose internal function names).
if command -v strip > /dev/null; then
  find "$work/runtime/lib" -name '*.so' -exec chmod u+w {} + -exec strip --strip-unneeded {} +
fi
# Base CDS archive of the runtime (lib/server/classes.jsa), needed by the dynamic archive; made
# with the launcher's garbage collector (with -XX:+UseSerialGC it holds no G1-only heap objects).
base_gc=()
for option in "${java_options[@]}"; do [[ "$option" == -XX:+Use*GC ]] && base_gc+=("$option"); done
"$work/runtime/bin/java" "${base_gc[@]}" -Xshare:dump -Xlog:cds=off > /dev/null

# --- b. input -----------------------------------------------------------------------------
cp target/sesaku-desk.jar "$work/input/"
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in javafx-*) continue ;; esac
  cp "$jar" "$work/input/"
done

# --- c. app-image -------------------------------------------------------------------------
echo "== jpackage app-image"
"$JAVA_HOME/bin/jpackage" --type app-image \
  --dest "$out" \
  --name "$name" \
  --app-version "$version" \
  --description "$description" \
  --vendor "$vendor" \
  --copyright "Sesaku Desk" \
  --input "$work/input" \
  --main-jar sesaku-desk.jar \
  --main-class jp.sesakudesk.Launcher \
  --runtime-image "$work/runtime" \
  --icon resources/icons/sesaku-desk.png \
  $(for option in "${java_options[@]}"; do printf -- '--java-options %s ' "$option"; done)

image="$out/$name"
app="$image/lib/app"

# --- d. CDS archive -----------------------------------------------------------------------
echo "== CDS archive"
# Kept in the image (not a jar, so not on the class path) for the .deb's postinst.
cp installer/linux/make-cds-archive.sh "$app/"
sh "$app/make-cds-archive.sh" "$(readlink -f "$image")"

# --- e. deb -------------------------------------------------------------------------------
if [[ "$skip_deb" == false ]]; then
  echo "== jpackage deb"
  # Our postinst: jpackage's template (menu entry) plus re-creating the CDS archive in place.
  resources="$work/deb-resources"
  mkdir -p "$resources"
  cp installer/linux/postinst "$resources/"
  "$JAVA_HOME/bin/jpackage" --type deb \
    --dest "$out" \
    --name "$name" \
    --app-version "$version" \
    --description "$description" \
    --vendor "$vendor" \
    --app-image "$image" \
    --resource-dir "$resources" \
    --linux-package-name sesakudesk \
    --linux-package-deps fonts-ipafont-gothic \
    --linux-shortcut \
    --linux-menu-group Office \
    --linux-app-category office \
    --linux-deb-maintainer "sesaku-desk@example.invalid" \
    --icon resources/icons/sesaku-desk.png
fi

echo "== result"
du -sh "$image" "$image/lib/runtime" "$image/lib/app"
ls -l "$out"
size_kb=$(du -sk "$image" | cut -f1)
if (( size_kb >= 110 * 1024 )); then
  echo "app-image is $((size_kb / 1024)) MB, over the 110 MB limit" >&2
  exit 1
fi
