#!/usr/bin/env bash
# Regenerates engine/src/test/resources/trino/function-answers.json: starts Trino 368 single-node on loopback, runs
# every query of function-examples.tsv through Trino's REST protocol, records each answer, and stops Trino.
# Usage: tools/trino-fixture/generate.sh   (see README.md; needs Java 17, python3 and curl)
set -euo pipefail

VERSION=368
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
CACHE="${GLAUX_TRINO_CACHE:-$HOME/.cache/glaux/trino}"
JAVA="${JAVA:-java}"
QUERIES="${1:-$REPO/engine/src/test/resources/trino/function-examples.tsv}"
OUT="${2:-$REPO/engine/src/test/resources/trino/function-answers.json}"
QUERIES="$(realpath "$QUERIES")"
OUT="$(realpath -m "$OUT")"

java_major="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
if [ "$java_major" != "17" ]; then
    echo "Trino $VERSION is run with Java 17; $JAVA is Java $java_major (set JAVA=/path/to/java17)" >&2
    exit 1
fi

# 1. The server tarball from Maven Central, cached outside the repository.
mkdir -p "$CACHE"
TARBALL="$CACHE/trino-server-$VERSION.tar.gz"
if [ ! -f "$TARBALL" ]; then
    curl -fSL -o "$TARBALL.part" \
        "https://repo1.maven.org/maven2/io/trino/trino-server/$VERSION/trino-server-$VERSION.tar.gz"
    mv "$TARBALL.part" "$TARBALL"
fi
INSTALL="$CACHE/trino-server-$VERSION"
if [ ! -d "$INSTALL/lib" ]; then
    tar xzf "$TARBALL" -C "$CACHE"
fi

# 2. A minimal single-node configuration in a throw-away folder, on a free loopback port.
WORK="$(mktemp -d)"
PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
mkdir -p "$WORK/etc/catalog" "$WORK/data"
cat > "$WORK/etc/node.properties" <<PROPS
node.environment=fixture
node.id=fixture
node.data-dir=$WORK/data
node.bind-ip=127.0.0.1
node.internal-address=127.0.0.1
node.external-address=127.0.0.1
PROPS
cat > "$WORK/etc/config.properties" <<PROPS
coordinator=true
node-scheduler.include-coordinator=true
http-server.http.port=$PORT
discovery.uri=http://127.0.0.1:$PORT
plugin.dir=$INSTALL/plugin
catalog.config-dir=$WORK/etc/catalog
PROPS
echo "connector.name=memory" > "$WORK/etc/catalog/memory.properties"

# 3. Trino itself, in the background, in the throw-away folder (it writes var/log there); stopped whatever happens
# next.
cd "$WORK"
"$JAVA" -server -Xmx2G -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Djdk.attach.allowAttachSelf=true \
    -Duser.timezone=UTC -Dconfig="$WORK/etc/config.properties" -Dnode.environment=fixture \
    -Dlog.output-file="$WORK/server.log" -Dlog.enable-console=false \
    -cp "$INSTALL/lib/*" io.trino.server.TrinoServer \
    > "$WORK/stdout.log" 2>&1 &
TRINO_PID=$!
stop_trino() {
    kill "$TRINO_PID" 2>/dev/null || true
    wait "$TRINO_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap stop_trino EXIT
echo "Trino $VERSION starting on 127.0.0.1:$PORT (pid $TRINO_PID, logs in $WORK)"

# 4. Wait until it accepts queries, then record every answer.
for _ in $(seq 1 300); do
    if curl -fs "http://127.0.0.1:$PORT/v1/info" 2>/dev/null | grep -q '"starting":false'; then
        break
    fi
    if ! kill -0 "$TRINO_PID" 2>/dev/null; then
        echo "Trino stopped while starting:" >&2
        grep -B2 -A12 -m3 "ERROR\|Exception\|^[0-9]*) " "$WORK/server.log" >&2 || true
        exit 1
    fi
    sleep 1
done
python3 "$HERE/record_answers.py" "http://127.0.0.1:$PORT" "$QUERIES" "$OUT"
echo "Wrote $OUT"
