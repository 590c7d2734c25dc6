package io.glaux.kms.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.glaux.server.GlauxServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input sent to KMS's JSON endpoint as raw requests (what an SDK would not send): each answered with the error
 * shape the model names and AWS's wording, and a seeded run of random requests that are all answered with 200 or a
 * 4xx carrying {@code __type}, never a 5xx.
 */
class KmsApiBadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCOPE = "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/kms/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0000";

    @TempDir
    static Path data;
    private static GlauxServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String keyId;

    /** An answer: status, error type (or null) and body. */
    private record Answer(int status, String type, JsonNode body) {
        String message() {
            return body.path("Message").asText();
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = GlauxServer.builder().dataFolder(data).start();
        keyId = call("CreateKey", "{}").body().path("KeyMetadata").path("KeyId").asText();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Answer call(String operation, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("X-Amz-Target", "TrentService." + operation)
                .header("Content-Type", "application/x-amz-json-1.1").header("Authorization", SCOPE)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), response.headers().firstValue("x-amzn-ErrorType").orElse(null),
                json);
    }

    private static void refused(String operation, String body, String type, String message) throws Exception {
        Answer answer = call(operation, body);
        assertThat(answer.status()).as(operation + " " + body).isEqualTo(400);
        assertThat(answer.type()).as(operation + " " + body).isEqualTo(type);
        assertThat(answer.body().path("__type").asText()).isEqualTo(type);
        assertThat(answer.message()).as(operation + " " + body).contains(message);
    }

    @Test
    void membersOfTheWrongJsonTypeAreSerializationErrors() throws Exception {
        refused("DescribeKey", "{\"KeyId\": 5}", "SerializationException", "KeyId");
        refused("Encrypt", "{\"KeyId\": \"" + keyId + "\", \"Plaintext\": \"AA==\", \"EncryptionContext\": {\"a\": 1}}",
                "SerializationException", "EncryptionContext");
        refused("GenerateRandom", "{\"NumberOfBytes\": \"12\"}", "SerializationException", "NumberOfBytes");
        refused("CreateKey", "[1, 2]", "SerializationException", "");
        refused("CreateKey", "{not json", "SerializationException", "");
    }

    @Test
    void blobsThatAreNotBase64AreSerializationErrors() throws Exception {
        refused("Encrypt", "{\"KeyId\": \"" + keyId + "\", \"Plaintext\": \"!!not base64!!\"}",
                "SerializationException", "Plaintext");
        refused("Decrypt", "{\"CiphertextBlob\": \"%%%\"}", "SerializationException", "CiphertextBlob");
    }

    @Test
    void valuesOutsideTheModelsConstraintsAreValidationErrors() throws Exception {
        String big = Base64.getEncoder().encodeToString(new byte[4097]);
        refused("Encrypt", "{\"KeyId\": \"" + keyId + "\", \"Plaintext\": \"" + big + "\"}", "ValidationException",
                "1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have"
                        + " length less than or equal to 4096");
        refused("Encrypt", "{\"KeyId\": \"" + keyId + "\"}", "ValidationException",
                "Value at 'plaintext' failed to satisfy constraint: Member must not be null");
        refused("DescribeKey", "{}", "ValidationException",
                "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be"
                        + " null");
        refused("GenerateRandom", "{\"NumberOfBytes\": 1025}", "ValidationException",
                "Value '1025' at 'numberOfBytes' failed to satisfy constraint: Member must have value less than or"
                        + " equal to 1024");
        refused("GenerateDataKey", "{\"KeyId\": \"" + keyId + "\", \"NumberOfBytes\": 0}", "ValidationException",
                "greater than or equal to 1");
        refused("GenerateDataKey", "{\"KeyId\": \"" + keyId + "\", \"KeySpec\": \"AES_512\"}", "ValidationException",
                "Member must satisfy enum value set: [AES_256, AES_128]");
        refused("CreateAlias", "{\"AliasName\": \"alias/bad name\", \"TargetKeyId\": \"" + keyId + "\"}",
                "ValidationException", "Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$");
        refused("CreateGrant", "{\"KeyId\": \"" + keyId + "\", \"GranteePrincipal\": \"arn:aws:iam::000000000000:root\","
                + " \"Operations\": [\"Fly\"]}", "ValidationException", "enum value set");
        refused("ScheduleKeyDeletion", "{\"KeyId\": \"" + keyId + "\", \"PendingWindowInDays\": 31}",
                "ValidationException", "less than or equal to 30");
        refused("ListKeys", "{\"Limit\": 0}", "ValidationException", "'limit'");
        refused("Encrypt", "{\"KeyId\": \"" + "k".repeat(2049) + "\", \"Plaintext\": \"AA==\"}", "ValidationException",
                "Member must have length less than or equal to 2048");
    }

    @Test
    void unknownKeysMarkersCiphertextsAndOperationsAreTheModelsErrors() throws Exception {
        refused("DescribeKey", "{\"KeyId\": \"not-a-key\"}", "NotFoundException", "Invalid keyId 'not-a-key'");
        refused("Encrypt", "{\"KeyId\": \"0b0b0b0b-0b0b-0b0b-0b0b-0b0b0b0b0b0b\", \"Plaintext\": \"AA==\"}",
                "NotFoundException", "Key 'arn:aws:kms:us-east-1:000000000000:key/0b0b0b0b-0b0b-0b0b-0b0b-0b0b0b0b0b0b'"
                        + " does not exist");
        refused("EnableKey", "{\"KeyId\": \"alias/x\"}", "NotFoundException", "Invalid keyId 'alias/x'");
        refused("ListKeys", "{\"Marker\": \"garbage\"}", "InvalidMarkerException", "");
        refused("Decrypt", "{\"CiphertextBlob\": \"" + Base64.getEncoder().encodeToString(new byte[60]) + "\"}",
                "InvalidCiphertextException", "");
        refused("RetireGrant", "{\"GrantToken\": \"nope\"}", "InvalidGrantTokenException", "");
        refused("GetKeyPolicy", "{\"KeyId\": \"" + keyId + "\", \"PolicyName\": \"other\"}", "NotFoundException",
                "other");
        refused("PutKeyPolicy", "{\"KeyId\": \"" + keyId + "\", \"Policy\": \"[]\"}",
                "MalformedPolicyDocumentException", "Syntax errors in policy.");
        refused("Encrypt", "{\"KeyId\": \"" + keyId + "\", \"Plaintext\": \"AA==\", \"EncryptionAlgorithm\":"
                + " \"RSAES_OAEP_SHA_1\"}", "InvalidKeyUsageException", "RSAES_OAEP_SHA_1");
        refused("CreateKey", "{\"KeyUsage\": \"SIGN_VERIFY\"}", "UnsupportedOperationException", "SIGN_VERIFY");
        refused("Nope", "{}", "UnknownOperationException", "TrentService.Nope");
    }

    @Test
    void randomRequestsAreAnsweredWithTheModelsShapesNeverA5xx() throws Exception {
        List<String> operations = List.copyOf(new KmsApi(server.kms()).operationNames());
        List<String> members = List.of("KeyId", "Plaintext", "CiphertextBlob", "EncryptionContext", "GrantTokens",
                "AliasName", "TargetKeyId", "NumberOfBytes", "KeySpec", "Limit", "Marker", "Policy", "PolicyName",
                "Operations", "GranteePrincipal", "GrantId", "GrantToken", "Tags", "TagKeys", "PendingWindowInDays",
                "DestinationKeyId", "Constraints", "Description", "DryRun", "RetiringPrincipal");
        String ownKey = call("CreateKey", "{}").body().path("KeyMetadata").path("KeyId").asText();
        Random random = new Random(0x6b6d73L);
        for (int i = 0; i < 300; i++) {
            String operation = operations.get(random.nextInt(operations.size()));
            ObjectNode body = JSON.createObjectNode();
            for (int m = random.nextInt(4); m >= 0; m--) {
                String member = members.get(random.nextInt(members.size()));
                switch (random.nextInt(7)) {
                    case 0 -> body.put(member, ownKey);
                    case 1 -> body.put(member, random.nextInt(2000) - 10);
                    case 2 -> body.put(member, Base64.getEncoder().encodeToString(new byte[random.nextInt(80)]));
                    case 3 -> body.putObject(member).put("k", "v");
                    case 4 -> body.putArray(member).add("Decrypt");
                    case 5 -> body.put(member, random.nextBoolean());
                    default -> body.put(member, "alias/aws/s3");
                }
            }
            Answer answer = call(operation, body.toString());
            assertThat(answer.status()).as(i + ": " + operation + " " + body).isIn(200, 400);
            if (answer.status() != 200) {
                assertThat(answer.type()).as(i + ": " + operation + " " + body).isNotBlank()
                        .isEqualTo(answer.body().path("__type").asText());
            }
        }
        assertThat(call("DescribeKey", "{\"KeyId\": \"" + ownKey + "\"}").status()).isEqualTo(200);
    }
}
