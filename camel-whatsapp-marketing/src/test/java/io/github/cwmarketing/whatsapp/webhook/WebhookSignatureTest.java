package io.github.cwmarketing.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.cwmarketing.whatsapp.MetaClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {

    private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookSignature signature = new WebhookSignature(List.of("current", "previous"));

    @Test
    void acceptsMetasFormatWithAnyOfTheSecrets() {
        assertThat(signature.verify(BODY, MetaClient.sign("current", BODY))).isTrue();
        assertThat(signature.verify(BODY, MetaClient.sign("previous", BODY))).isTrue();
    }

    @Test
    void matchesAKnownHmacSha256Vector() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        String header = "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

        assertThat(new WebhookSignature(List.of("Jefe")).verify(data, header)).isTrue();
    }

    @Test
    void reads360dialogsSignatureAsHexOrBase64OfTheSameVector() {
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        WebhookSignature dialog360 = WebhookSignature.dialog360(List.of("Jefe"));

        assertThat(dialog360.header()).isEqualTo("x-360dialog-signature");
        assertThat(dialog360.verify(data, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")).isTrue();
        assertThat(dialog360.verify(data, "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=")).isTrue();
        assertThat(dialog360.verify(data, "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM")).isFalse();
        assertThat(dialog360.verify(data, "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"))
                .isFalse();
        assertThat(dialog360.verify(data, "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEN=")).as("not canonical").isFalse();
    }

    @Test
    void rejectsOtherSecretsBodiesAndMalformedHeaders() {
        String valid = MetaClient.sign("current", BODY);

        assertThat(signature.verify(BODY, MetaClient.sign("other", BODY))).isFalse();
        assertThat(signature.verify("{}".getBytes(StandardCharsets.UTF_8), valid)).isFalse();
        assertThat(signature.verify(BODY, null)).isFalse();
        assertThat(signature.verify(BODY, valid.substring(7))).isFalse();
        assertThat(signature.verify(BODY, valid.substring(0, valid.length() - 2))).isFalse();
        assertThat(signature.verify(BODY, valid + "00")).isFalse();
        assertThat(signature.verify(BODY, "sha256=" + "g".repeat(64))).isFalse();
        assertThat(signature.verify(BODY, "sha1=" + valid.substring(7))).isFalse();
    }

    @Test
    void toleratesCaseOfPrefixAndHexAndSurroundingSpaces() {
        String hex = MetaClient.sign("current", BODY).substring(7);

        assertThat(signature.verify(BODY, "SHA256=" + hex.toUpperCase())).isTrue();
        assertThat(signature.verify(BODY, " sha256=" + hex + " ")).isTrue();
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        String header = MetaClient.sign("current", BODY);
        Thread[] threads = new Thread[4];
        boolean[] results = new boolean[threads.length];
        for (int i = 0; i < threads.length; i++) {
            int index = i;
            threads[i] = new Thread(() -> {
                boolean all = true;
                for (int n = 0; n < 2_000; n++) {
                    all &= signature.verify(BODY, header);
                }
                results[index] = all;
            });
            threads[i].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(results).containsOnly(true);
    }

    @Test
    void splitsCommaSeparatedSecrets() {
        assertThat(WebhookSignature.splitSecrets(" a , b,,c ")).containsExactly("a", "b", "c");
        assertThat(WebhookSignature.splitSecrets(null)).isEmpty();
        assertThat(WebhookSignature.splitSecrets(" , ")).isEmpty();
        assertThatThrownBy(() -> new WebhookSignature(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
