package io.github.cwmarketing.whatsapp.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Ids in the shapes Meta uses: wamids, {@code fbtrace_id}s and request ids. */
final class GraphIds {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final char[] BASE64_URL =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final int MAX_RECIPIENT_BYTES = 64;

    private GraphIds() {
    }

    /**
     * A unique wamid laid out like Meta's: base64 of a small binary record holding the recipient and a 20-character
     * hex message key, e.g. {@code wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=}.
     */
    static String wamid(String recipient) {
        byte[] who = recipient.getBytes(StandardCharsets.US_ASCII);
        int length = Math.min(who.length, MAX_RECIPIENT_BYTES);
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(new byte[] {0x1C, 0x18, (byte) length});
        record.write(who, 0, length);
        record.writeBytes(new byte[] {0x15, 0x02, 0x00, 0x12, 0x18, 0x14});
        record.writeBytes(messageKey().getBytes(StandardCharsets.US_ASCII));
        record.write(0x00);
        return "wamid." + Base64.getEncoder().encodeToString(record.toByteArray());
    }

    /** An {@code fbtrace_id} such as {@code Az8or2yhqkZfEZ-_4Qn_Bam}. */
    static String fbtraceId() {
        return randomBase64Url(23);
    }

    /** An {@code x-fb-request-id}. */
    static String requestId() {
        return randomBase64Url(22);
    }

    // 8 hex digits of a JVM-wide sequence keep keys unique, 12 random ones make them look like Meta's.
    private static String messageKey() {
        String sequence = String.format("%08X", SEQUENCE.incrementAndGet() & 0xFFFFFFFFL);
        byte[] random = new byte[6];
        ThreadLocalRandom.current().nextBytes(random);
        return sequence + HexFormat.of().formatHex(random).toUpperCase(Locale.ROOT);
    }

    private static String randomBase64Url(int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] id = new char[length];
        for (int i = 0; i < length; i++) {
            id[i] = BASE64_URL[random.nextInt(BASE64_URL.length)];
        }
        return new String(id);
    }
}
