package io.glaux.connectors.lambda;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.glaux.connectors.lambda.TestFunctions.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Functions hosted in processes of their own, through the host's own API (what the rest of Glaux calls). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FunctionHostTest {

    private static final String ARN_PREFIX = "arn:aws:lambda:us-east-1:000000000000:function:";

    @TempDir
    static Path folder;

    private FunctionHost host;

    @BeforeAll
    void start() throws Exception {
        host = FunctionHost.builder(folder.resolve("lambda")).endpoint("http://127.0.0.1:4566").build();
    }

    @AfterAll
    void stop() {
        host.close();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEchoFunctionAnswersItsPayloadByNamePartialArnAndFullArn() {
        FunctionConfig created = host.create("echo", settings("fn.Echo"), Map.of(),
                CodeSource.inline(TestFunctions.zipWithLib()));
        assertThat(created.status().state()).isEqualTo("Pending");
        assertThat(created.status().stateReasonCode()).isEqualTo("Creating");

        Invocation byName = host.invoke("echo", bytes("{\"hello\":\"world\"}"));
        assertThat(byName.failed()).as(byName.logTail()).isFalse();
        assertThat(byName.payloadText()).isEqualTo("{\"hello\":\"world\"}");
        assertThat(byName.executedVersion()).isEqualTo("$LATEST");
        assertThat(byName.logTail()).contains("START RequestId: " + byName.requestId() + " Version: $LATEST",
                "END RequestId: " + byName.requestId(), "REPORT RequestId: " + byName.requestId(),
                "Memory Size: 128 MB", "Init Duration: ");
        assertThat(host.get("echo").status().state()).isEqualTo("Active");
        assertThat(host.get("echo").status().lastUpdateStatus()).isEqualTo("Successful");

        assertThat(host.invoke("000000000000:function:echo", bytes("2")).payloadText()).isEqualTo("2");
        assertThat(host.invoke(ARN_PREFIX + "echo", bytes("3")).payloadText()).isEqualTo("3");
        assertThat(host.invoke(ARN_PREFIX + "echo:$LATEST", bytes("4")).payloadText()).isEqualTo("4");
    }

    @Test
    void anUnknownFunctionOrOneOfAnotherAccountRegionOrVersionIsNotFound() {
        host.create("known", settings("fn.Echo"), Map.of(), CodeSource.inline(TestFunctions.zipWithLib()));
        for (String name : new String[] {"unknown", ARN_PREFIX + "unknown",
                "arn:aws:lambda:us-east-1:111111111111:function:known",
                "arn:aws:lambda:eu-west-1:000000000000:function:known", "known:1", "not a name",
                "arn:aws:s3:::bucket"}) {
            assertThatThrownBy(() -> host.invoke(name, bytes("{}"))).as(name)
                    .isInstanceOfSatisfying(LambdaException.class, e -> {
                        assertThat(e.kind()).isEqualTo(LambdaException.Kind.NOT_FOUND);
                        assertThat(e.getMessage()).startsWith("Function not found: ");
                    });
        }
        assertThatThrownBy(() -> host.invoke("unknown", bytes("{}"))).hasMessage("Function not found: "
                + ARN_PREFIX + "unknown");
    }

    @Test
    void theFunctionSeesItsOwnAndLambdasVariablesAndNoneOfGlauxs() {
        host.create("env", settings("fn.Plain::env").withMemorySize(192)
                .withEnvironment(Map.of("GREETING", "hello", "spill_bucket", "spill")), Map.of(),
                CodeSource.inline(TestFunctions.jar()));
        Invocation invocation = host.invoke("env", bytes("{}"));
        assertThat(invocation.failed()).as(invocation.payloadText()).isFalse();
        Map<String, String> env = Arrays.stream(invocation.payloadText().split("\n")).filter(l -> l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
        assertThat(env).containsEntry("GREETING", "hello").containsEntry("spill_bucket", "spill")
                .containsEntry("AWS_REGION", "us-east-1").containsEntry("AWS_DEFAULT_REGION", "us-east-1")
                .containsEntry("AWS_ENDPOINT_URL", "http://127.0.0.1:4566")
                .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "env")
                .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "192")
                .containsEntry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
                .containsEntry("_HANDLER", "fn.Plain::env")
                .containsEntry("AWS_EXECUTION_ENV", "AWS_Lambda_java17")
                .containsEntry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/env")
                .containsKeys("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "LAMBDA_TASK_ROOT",
                        "AWS_LAMBDA_LOG_STREAM_NAME", "PATH", "HOME", "TMPDIR");
        assertThat(Path.of(env.get("LAMBDA_TASK_ROOT"))).isDirectory();
        Set<String> allowed = new HashSet<>(Set.of("GREETING", "spill_bucket", "PATH", "LANG", "TZ", "HOME",
                "TMPDIR", "AWS_ENDPOINT_URL", "LAMBDA_RUNTIME_DIR"));
        allowed.addAll(FunctionRules.RESERVED_KEYS);
        assertThat(allowed).as("only Lambda's, the function's and a few basics").containsAll(env.keySet());
        // Whatever the test JVM has in its environment (HOME, USER, MAVEN_*, JAVA_HOME...) stays out, PATH aside.
        System.getenv().forEach((name, value) -> {
            if (!allowed.contains(name)) {
                assertThat(env).doesNotContainKey(name);
            }
        });
        assertThat(env.get("HOME")).isNotEqualTo(System.getenv("HOME"));
    }

    @Test
    void theHeapIsTheFunctionsMemorySize() {
        host.create("memory", settings("fn.Plain::memory").withMemorySize(256), Map.of(),
                CodeSource.inline(TestFunctions.jar()));
        long maxMemory = Long.parseLong(host.invoke("memory", bytes("{}")).payloadText());
        assertThat(maxMemory).isBetween(200L * 1024 * 1024, 256L * 1024 * 1024);
    }

    @Test
    void aWarmProcessServesTheNextInvocation() {
        host.create("warm", settings("fn.Plain::pid"), Map.of(), CodeSource.inline(TestFunctions.jar()));
        Invocation first = host.invoke("warm", bytes(""));
        Invocation second = host.invoke("warm", bytes(""));
        assertThat(second.payloadText()).isEqualTo(first.payloadText());
        assertThat(first.logTail()).contains("Init Duration: ");
        assertThat(second.logTail()).doesNotContain("Init Duration: ");
        assertThat(host.idleProcesses("warm")).containsExactly(Long.parseLong(first.payloadText()));
        assertThat(Long.parseLong(first.payloadText())).isNotEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void concurrentInvocationsRunInProcessesOfTheirOwn() throws Exception {
        host.create("concurrent", settings("fn.Plain::pid").withTimeout(30), Map.of(),
                CodeSource.inline(TestFunctions.jar()));
        CompletableFuture<Invocation> a = CompletableFuture.supplyAsync(() -> host.invoke("concurrent", bytes("1500")));
        CompletableFuture<Invocation> b = CompletableFuture.supplyAsync(() -> host.invoke("concurrent", bytes("1500")));
        String pidA = a.get().payloadText();
        String pidB = b.get().payloadText();
        assertThat(a.get().failed()).as(a.get().payloadText()).isFalse();
        assertThat(b.get().failed()).as(b.get().payloadText()).isFalse();
        assertThat(pidA).isNotEqualTo(pidB);
        assertThat(host.idleProcesses("concurrent")).hasSize(2);
    }

    @Test
    void aThrowingHandlerIsAFunctionErrorWithTheExceptionsTypeMessageAndTrace() {
        host.create("fail", settings("fn.Plain::fail"), Map.of(), CodeSource.inline(TestFunctions.jar()));
        Invocation failed = host.invoke("fail", bytes("{}"));
        assertThat(failed.functionError()).isEqualTo("Unhandled");
        assertThat(failed.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failed.payloadText()).matches("\\{\"errorMessage\":\"boom: the handler failed\",\"errorType\":"
                + "\"java.lang.IllegalStateException\",\"stackTrace\":\\[\"fn.Plain.fail\\(Plain.java:\\d+\\)\"]}");
        assertThat(failed.logTail()).contains("about to fail", "boom: the handler failed: "
                + "java.lang.IllegalStateException");
        // The process survives a handler's exception.
        Invocation again = host.invoke("fail", bytes("{}"));
        assertThat(again.logTail()).doesNotContain("Init Duration");
    }

    @Test
    void aHandlerPastItsTimeoutIsKilledAndTheNextInvocationStartsAFreshProcess() throws Exception {
        host.create("hang", settings("fn.Plain::hang").withTimeout(1), Map.of(),
                CodeSource.inline(TestFunctions.jar()));
        long started = System.nanoTime();
        Invocation timedOut = host.invoke("hang", bytes("{}"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(timedOut.functionError()).isEqualTo("Unhandled");
        assertThat(timedOut.errorType()).isEqualTo("Sandbox.Timedout");
        assertThat(timedOut.payloadText()).matches("\\{\"errorMessage\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"
                + "\\.\\d{3}Z " + timedOut.requestId() + " Task timed out after 1\\.00 seconds\"}");
        String hangingLine = timedOut.logTail().lines().filter(l -> l.startsWith("hanging in ")).findFirst()
                .orElseThrow();
        long pid = Long.parseLong(hangingLine.substring("hanging in ".length()));
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(timedOut.logTail()).contains("Status: timeout", "Task timed out after 1.00 seconds");

        Invocation next = host.invoke("hang", bytes("{}"));
        assertThat(next.errorType()).isEqualTo("Sandbox.Timedout");
        assertThat(next.logTail()).contains("Init Duration").doesNotContain("hanging in " + pid);
    }

    @Test
    void aHandlerCallingSystemExitIsARuntimeExitError() {
        host.create("exit", settings("fn.Plain::exit"), Map.of(), CodeSource.inline(TestFunctions.jar()));
        Invocation exited = host.invoke("exit", bytes("{}"));
        assertThat(exited.functionError()).isEqualTo("Unhandled");
        assertThat(exited.errorType()).isEqualTo("Runtime.ExitError");
        assertThat(exited.payloadText()).isEqualTo("{\"errorMessage\":\"RequestId: " + exited.requestId()
                + " Error: Runtime exited with error: exit status 3\",\"errorType\":\"Runtime.ExitError\"}");
        assertThat(exited.logTail()).contains("exiting", "Runtime.ExitError");
        assertThat(host.idleProcesses("exit")).isEmpty();
        assertThat(host.invoke("exit", bytes("{}")).errorType()).isEqualTo("Runtime.ExitError");
    }

    @Test
    void theContextTellsTheInvocationAndItsLoggerWritesToTheLog() {
        host.create("context", settings("fn.Ctx::handle").withTimeout(30).withMemorySize(200), Map.of(),
                CodeSource.inline(TestFunctions.zipWithLib()));
        Invocation invocation = host.invoke("context", bytes("ping"));
        assertThat(invocation.failed()).as(invocation.payloadText()).isFalse();
        String[] parts = invocation.payloadText().split("\\|");
        assertThat(parts[0]).isEqualTo(invocation.requestId());
        assertThat(parts[1]).isEqualTo("context");
        assertThat(parts[2]).isEqualTo("$LATEST");
        assertThat(parts[3]).isEqualTo(ARN_PREFIX + "context");
        assertThat(parts[4]).isEqualTo("200");
        assertThat(Integer.parseInt(parts[5])).isBetween(1, 30_000);
        assertThat(parts[6]).isEqualTo("/aws/lambda/context");
        assertThat(parts[7]).isEqualTo("null");
        assertThat(invocation.logTail()).contains("logged through the context: ping\n", "to stderr\n");
        assertThat(host.log("context", 100_000)).contains("logged through the context: ping");
    }

    @Test
    void aHandlerTakingAnObjectGetsTheContextOnlyWhenTheFunctionHasTheInterface() {
        host.create("with-core", settings("fn.Plain::anyContext"), Map.of(),
                CodeSource.inline(TestFunctions.zipWithLib()));
        host.create("without-core", settings("fn.Plain::anyContext"), Map.of(),
                CodeSource.inline(TestFunctions.jar()));
        Invocation with = host.invoke("with-core", bytes("{}"));
        assertThat(with.payloadText()).isEqualTo("Glaux Lambda context " + with.requestId());
        assertThat(host.invoke("without-core", bytes("{}")).payloadText()).isEqualTo("null");
    }

    @Test
    void aPojoHandlerIsRefusedBecauseGlauxRunsStreamHandlers() {
        host.create("pojo", settings("fn.Pojo"), Map.of(), CodeSource.inline(TestFunctions.zipWithLib()));
        Invocation refused = host.invoke("pojo", bytes("\"x\""));
        assertThat(refused.functionError()).isEqualTo("Unhandled");
        assertThat(refused.errorType()).isEqualTo("java.lang.UnsupportedOperationException");
        assertThat(refused.payloadText()).contains("Glaux runs stream handlers only: fn.Pojo::handleRequest takes"
                + " (java.lang.String, com.amazonaws.services.lambda.runtime.Context)");
    }

    @Test
    void aMissingHandlerClassOrMethodIsAFunctionError() {
        host.create("missing-class", settings("example.Missing::handle"), Map.of(),
                CodeSource.inline(TestFunctions.jar()));
        Invocation missingClass = host.invoke("missing-class", bytes("{}"));
        assertThat(missingClass.errorType()).isEqualTo("java.lang.ClassNotFoundException");
        assertThat(missingClass.payloadText()).contains("\"errorMessage\":\"Class not found: example.Missing\"");
        assertThat(host.get("missing-class").status().state()).isEqualTo("Active");

        host.create("missing-method", settings("fn.Plain::nothing"), Map.of(), CodeSource.inline(TestFunctions.jar()));
        assertThat(host.invoke("missing-method", bytes("{}")).errorType())
                .isEqualTo("java.lang.NoSuchMethodException");
    }

    @Test
    void packagesLambdaRefusesAreRefusedAtCreation() throws Exception {
        assertThatThrownBy(() -> host.create("not-a-zip", settings("fn.Echo"), Map.of(),
                CodeSource.inline(bytes("just text"))))
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.kind())
                        .isEqualTo(LambdaException.Kind.INVALID))
                .hasMessage("Could not unzip uploaded file. Please check your file, then try to upload again.");
        assertThatThrownBy(() -> host.create("escaping", settings("fn.Echo"), Map.of(),
                CodeSource.inline(zipOf("../outside.txt"))))
                .hasMessage("Could not unzip uploaded file. Please check your file, then try to upload again.");
        assertThat(folder.resolve("lambda/code/outside.txt")).doesNotExist();
        assertThatThrownBy(() -> host.create("too-large", settings("fn.Echo"), Map.of(),
                CodeSource.inline(new byte[50 * 1024 * 1024 + 1])))
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.kind())
                        .isEqualTo(LambdaException.Kind.TOO_LARGE));
        assertThatThrownBy(() -> host.create("python", settings("index.handler").withRuntime("python3.12"),
                Map.of(), CodeSource.inline(TestFunctions.jar())))
                .hasMessageContaining("The runtime parameter of python3.12 is not supported");
        assertThatThrownBy(() -> host.create("reserved", settings("fn.Echo")
                        .withEnvironment(Map.of("AWS_REGION", "x", "LAMBDA_TASK_ROOT", "y", "OK", "z")), Map.of(),
                CodeSource.inline(TestFunctions.jar())))
                .hasMessage("Lambda was unable to configure your environment variables because the environment"
                        + " variables you have provided contains reserved keys that are currently not supported for"
                        + " modification. Reserved keys used in this request: AWS_REGION, LAMBDA_TASK_ROOT");
        host.create("exists", settings("fn.Echo"), Map.of(), CodeSource.inline(TestFunctions.jar()));
        assertThatThrownBy(() -> host.create("exists", settings("fn.Echo"), Map.of(),
                CodeSource.inline(TestFunctions.jar())))
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.kind())
                        .isEqualTo(LambdaException.Kind.CONFLICT))
                .hasMessage("Function already exist: exists");
    }

    @Test
    void newCodeAndConfigurationServeTheNextInvocationsAndTheOldProcessStops() throws Exception {
        host.create("changing", settings("fn.Plain::pid"), Map.of(), CodeSource.inline(TestFunctions.jar()));
        long oldPid = Long.parseLong(host.invoke("changing", bytes("")).payloadText());
        FunctionConfig updating = host.updateConfiguration("changing", FunctionSettings.none()
                .withHandler("fn.Plain::memory").withMemorySize(300), null);
        assertThat(updating.status().lastUpdateStatus()).isEqualTo("InProgress");
        assertThat(updating.settings().timeout()).isEqualTo(3);
        awaitSuccessful("changing");
        long maxMemory = Long.parseLong(host.invoke("changing", bytes("")).payloadText());
        assertThat(maxMemory).isGreaterThan(250L * 1024 * 1024);
        awaitDead(oldPid, Duration.ofSeconds(10));

        FunctionConfig before = host.get("changing");
        FunctionConfig updated = host.updateCode("changing", CodeSource.inline(TestFunctions.zipWithLib()),
                before.revisionId(), false);
        assertThat(updated.code().sha256()).isNotEqualTo(before.code().sha256());
        awaitSuccessful("changing");
        assertThatThrownBy(() -> host.updateCode("changing", CodeSource.inline(TestFunctions.jar()),
                before.revisionId(), false)).isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.kind())
                .isEqualTo(LambdaException.Kind.PRECONDITION_FAILED));
        assertThat(host.invoke("changing", bytes("")).failed()).isFalse();
        assertThat(folder.resolve("lambda/code/changing/" + before.code().revision())).doesNotExist();
    }

    private static byte[] zipOf(String entry) throws java.io.IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(entry));
            zip.write(bytes("x"));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private void awaitSuccessful(String name) throws InterruptedException {
        for (int i = 0; i < 200 && host.get(name).status().isUpdating(); i++) {
            Thread.sleep(50);
        }
        assertThat(host.get(name).status().lastUpdateStatus()).isEqualTo("Successful");
    }

    @Test
    void aDeletedFunctionIsGoneWithItsProcesses() {
        host.create("deleted", settings("fn.Plain::pid"), Map.of(), CodeSource.inline(TestFunctions.jar()));
        long pid = Long.parseLong(host.invoke("deleted", bytes("")).payloadText());
        host.delete(ARN_PREFIX + "deleted");
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThatThrownBy(() -> host.get("deleted")).isInstanceOf(LambdaException.class);
        assertThat(folder.resolve("lambda/code/deleted")).doesNotExist();
        assertThat(folder.resolve("lambda/functions/deleted.json")).doesNotExist();
    }

    /** The code of a new function is unpacked in the background; a delete right after creating waits for it. */
    @Test
    void aFunctionDeletedWhileItsCodeIsUnpackedLeavesNothing() {
        for (int i = 0; i < 20; i++) {
            String name = "brief-" + i;
            host.create(name, settings("fn.Plain::pid"), Map.of(), CodeSource.inline(TestFunctions.jar()));
            host.delete(name);
            assertThatThrownBy(() -> host.get(name)).isInstanceOf(LambdaException.class);
            assertThat(folder.resolve("lambda/code/" + name)).doesNotExist();
            assertThat(folder.resolve("lambda/functions/" + name + ".json")).doesNotExist();
        }
    }

    @Test
    void anIdleProcessIsStoppedAndTheHostsCloseStopsTheRest(@TempDir Path own) throws Exception {
        long idlePid;
        long busyPid;
        try (FunctionHost quick = FunctionHost.builder(own).idleTimeout(Duration.ofMillis(500)).build()) {
            quick.create("idle", settings("fn.Plain::pid"), Map.of(), CodeSource.inline(TestFunctions.jar()));
            idlePid = Long.parseLong(quick.invoke("idle", bytes("")).payloadText());
            awaitDead(idlePid, Duration.ofSeconds(10));
            assertThat(quick.idleProcesses("idle")).isEmpty();

            quick.create("busy", settings("fn.Plain::hang").withTimeout(60), Map.of(),
                    CodeSource.inline(TestFunctions.jar()));
            CompletableFuture<Invocation> hanging = CompletableFuture.supplyAsync(() -> quick.invoke("busy",
                    bytes("{}")));
            busyPid = awaitHanging(quick);
            quick.close();
            assertThat(hanging.get(30, TimeUnit.SECONDS).errorType()).isEqualTo("Runtime.ExitError");
        }
        assertThat(ProcessHandle.of(busyPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    private static long awaitHanging(FunctionHost host) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            String log = host.log("busy", 10_000);
            int at = log.indexOf("hanging in ");
            if (at >= 0) {
                return Long.parseLong(log.substring(at + "hanging in ".length()).lines().findFirst().orElseThrow()
                        .trim());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the handler never ran");
    }

    private static void awaitDead(long pid, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            assertThat(System.nanoTime()).as("process " + pid + " still alive").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void aRestartedHostFindsItsFunctionsAgain(@TempDir Path own) throws Exception {
        String sha;
        try (FunctionHost first = FunctionHost.builder(own).build()) {
            sha = first.create("kept", settings("fn.Echo").withDescription("kept across restarts"),
                    Map.of("team", "data"), CodeSource.inline(TestFunctions.zipWithLib())).code().sha256();
            assertThat(first.invoke("kept", bytes("before")).payloadText()).isEqualTo("before");
        }
        try (FunctionHost second = FunctionHost.builder(own).build()) {
            assertThat(second.list()).extracting(FunctionConfig::name).containsExactly("kept");
            FunctionConfig kept = second.get("kept");
            assertThat(kept.settings().description()).isEqualTo("kept across restarts");
            assertThat(kept.tags()).containsEntry("team", "data");
            assertThat(kept.code().sha256()).isEqualTo(sha);
            assertThat(kept.status().state()).isEqualTo("Active");
            assertThat(second.invoke("kept", bytes("after")).payloadText()).isEqualTo("after");
        }
    }

}
