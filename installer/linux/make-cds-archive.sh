#!/bin/sh
# make-cds-archive.sh IMAGE_DIR — (re)creates IMAGE_DIR/lib/app/sesaku-desk.jsa, the application's
# class-data-sharing archive, by two headless runs of `dump` with the image's own java, its class
# path (app.classpath of lib/app/SesakuDesk.cfg, in order) and its java options.
# Called by build-linux.sh; the .deb's postinst does the same in /opt/sesakudesk.
set -eu
image=${1:?usage: make-cds-archive.sh IMAGE_DIR}
app="$image/lib/app"
cfg="$app/SesakuDesk.cfg"
java="$image/lib/runtime/bin/java"
[ -f "$cfg" ] && [ -x "$java" ] || { echo "not an app-image: $image" >&2; exit 1; }

# The class path exactly as the launcher builds it ($APPDIR = lib/app).
cp=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s#\\\$APPDIR#$app#g" | paste -sd: -)
# The launcher's java options except those naming the archive or CDS logging.
opts=$(sed -n 's/^java-options=//p' "$cfg" | grep -v -e SharedArchiveFile -e '^-Xshare' -e '^-Xlog:cds' | tr '\n' ' ')

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
rm -f "$app/sesaku-desk.jsa"
# First run: creates the database; the archive is made by the second, a start on an existing one.
# shellcheck disable=SC2086
"$java" $opts -Xshare:auto -Xlog:cds=off -cp "$cp" jp.sesakudesk.Launcher dump --data "$data" > /dev/null
# Second run, archived: a start on an existing database that stops before writing JSON (there is
# no FY1999 edition: exit 1, "no edition for 平成11年度"), so that the archive holds what a start
# of the desktop application also loads (logging, H2, Flyway's check, the edition lookup) and not
# Jackson's serializers, which the desktop start does not use: 14 MB instead of 19 MB.
# shellcheck disable=SC2086
"$java" $opts -XX:ArchiveClassesAtExit="$app/sesaku-desk.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -cp "$cp" jp.sesakudesk.Launcher dump --data "$data" --fy 1999 > /dev/null 2>&1 || true
[ -f "$app/sesaku-desk.jsa" ] || { echo "no CDS archive was written" >&2; exit 1; }
ls -l "$app/sesaku-desk.jsa"
