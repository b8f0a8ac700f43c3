#!/usr/bin/env bash
# build-macos.sh — builds the macOS disk image of Sesaku Desk (施策デスク).
#
# Usage, on macOS, from the project root, after the jar has been built:
#     mvn -q package -DskipTests
#     bash installer/build-macos.sh [--skip-dmg]
#
# Needs: JDK 17 with jlink, jdeps and jpackage (JAVA_HOME, else /usr/libexec/java_home -v 17);
# Xcode command line tools (`xcode-select --install`) for the .dmg and for sips/iconutil. On macOS
# Maven copies the JavaFX platform jars with the "-mac" classifier (Intel) or "-mac-aarch64"
# (Apple silicon) into target/lib; the image is for the architecture it is built on. Works offline.
# Output in target/installer/:
#     SesakuDesk.app              the app-image
#     SesakuDesk-<version>.dmg    drag-to-Applications disk image
# The app is not signed (jpackage --mac-sign needs a Developer ID certificate): on first start
# users open it with right-click → Open, or sign it here with --mac-sign --mac-signing-key-user-name.
#
# The steps are those of build-linux.sh (see there and installer/README.md), with macOS paths:
# JavaFX's .dylib files go into the runtime's lib/, the runtime gets a base CDS archive, the
# application's archive is Contents/app/sesaku-desk.jsa. A JDK 17 archive is only used with the jars
# at the path it was made at: after the app is copied to /Applications the JVM ignores it (silently:
# -Xshare:auto and CDS logging off) and the application starts as without it.
set -euo pipefail

skip_dmg=false
[[ "${1:-}" == "--skip-dmg" ]] && skip_dmg=true
cd "$(dirname "$0")/.."

if [[ -z "${JAVA_HOME:-}" ]]; then
  JAVA_HOME=$(/usr/libexec/java_home -v 17)
fi
for tool in jlink jdeps jpackage; do
  [[ -x "$JAVA_HOME/bin/$tool" ]] || { echo "$JAVA_HOME/bin/$tool not found (JDK 17 needed)" >&2; exit 1; }
done
[[ -f target/sesaku-desk.jar ]] || { echo "run 'mvn package -DskipTests' first" >&2; exit 1; }

name=SesakuDesk
version=$(awk '/<artifactId>sesaku-desk<\/artifactId>/ { found = 1 }
               found && /<version>/ { gsub(/.*<version>|<\/version>.*/, ""); print; exit }' pom.xml)
description="施策デスク (Sesaku Desk)"
vendor="Sesaku Desk"
java_options=(-XX:SharedArchiveFile='$APPDIR/sesaku-desk.jsa' -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off
              -XX:+UseSerialGC -XX:TieredStopAtLevel=1)

out=target/installer
work=target/installer-work
rm -rf "$out" "$work"
mkdir -p "$out" "$work/input" "$work/javafx-native" "$work/SesakuDesk.iconset"

# Icon: .icns from the 256 px PNG (sips and iconutil are part of macOS).
for s in 16 32 64 128 256; do
  sips -z $s $s resources/icons/sesaku-desk.png --out "$work/SesakuDesk.iconset/icon_${s}x${s}.png" > /dev/null
done
for s in 16 32 64 128; do
  cp "$work/SesakuDesk.iconset/icon_$((s * 2))x$((s * 2)).png" "$work/SesakuDesk.iconset/icon_${s}x${s}@2x.png"
done
iconutil -c icns "$work/SesakuDesk.iconset" -o "$work/SesakuDesk.icns"

# a. runtime
shopt -s nullglob
javafx_jars=(target/lib/javafx-*-mac.jar target/lib/javafx-*-mac-aarch64.jar)
[[ ${#javafx_jars[@]} -gt 0 ]] || { echo "no javafx-*-mac*.jar in target/lib (build on macOS)" >&2; exit 1; }
javafx_path=$(IFS=:; echo "${javafx_jars[*]}")
jdk_modules=$("$JAVA_HOME/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 \
  --class-path 'target/lib/*' target/sesaku-desk.jar)
left_out=",java.compiler,java.instrument,java.scripting,jdk.net,java.xml.crypto,java.security.jgss,jdk.jfr,"
jdk_modules=$(tr ',' '\n' <<< "$jdk_modules" | while read -r m; do
  [[ "$left_out" == *",$m,"* ]] || echo "$m"; done | paste -sd, -)
modules="$jdk_modules,jdk.charsets,jdk.localedata,javafx.base,javafx.graphics,javafx.controls"
"$JAVA_HOME/bin/jlink" --module-path "$JAVA_HOME/jmods:$javafx_path" --add-modules "$modules" \
  --include-locales=en,ja --exclude-resources='glob:/javafx.graphics/*.dylib' \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$work/runtime"
for jar in "${javafx_jars[@]}"; do
  unzip -q -o "$jar" '*.dylib' -d "$work/javafx-native" 2>/dev/null || true
done
cp "$work"/javafx-native/*.dylib "$work/runtime/lib/"
"$work/runtime/bin/java" -XX:+UseSerialGC -Xshare:dump -Xlog:cds=off > /dev/null

# b. input
cp target/sesaku-desk.jar "$work/input/"
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in javafx-*) continue ;; esac
  cp "$jar" "$work/input/"
done

# c. app-image
"$JAVA_HOME/bin/jpackage" --type app-image --dest "$out" --name "$name" --app-version "$version" \
  --description "$description" --vendor "$vendor" --input "$work/input" \
  --main-jar sesaku-desk.jar --main-class jp.sesakudesk.Launcher --runtime-image "$work/runtime" \
  --icon "$work/SesakuDesk.icns" \
  --mac-package-name "$name" --mac-package-identifier jp.sesakudesk.SesakuDesk \
  $(for option in "${java_options[@]}"; do printf -- '--java-options %s ' "$option"; done)

# d. CDS archive (Contents/app holds the jars and SesakuDesk.cfg; Contents/runtime the JDK)
image="$(cd "$out/$name.app" && pwd)"
app="$image/Contents/app"
java="$image/Contents/runtime/Contents/Home/bin/java"
cp=$(sed -n 's/^app\.classpath=//p' "$app/$name.cfg" | sed "s#\\\$APPDIR#$app#g" | paste -sd: -)
data=$(mktemp -d)
"$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$cp" jp.sesakudesk.Launcher dump --data "$data" > /dev/null
"$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ArchiveClassesAtExit="$app/sesaku-desk.jsa" \
  -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$cp" jp.sesakudesk.Launcher dump --data "$data" --fy 1999 \
  > /dev/null 2>&1 || true
rm -rf "$data"
[[ -f "$app/sesaku-desk.jsa" ]] || { echo "no CDS archive was written" >&2; exit 1; }

# e. dmg
if [[ "$skip_dmg" == false ]]; then
  "$JAVA_HOME/bin/jpackage" --type dmg --dest "$out" --name "$name" --app-version "$version" \
    --description "$description" --vendor "$vendor" --app-image "$image" \
    --mac-package-name "$name" --mac-package-identifier jp.sesakudesk.SesakuDesk
fi
du -sh "$image"
ls -l "$out"
