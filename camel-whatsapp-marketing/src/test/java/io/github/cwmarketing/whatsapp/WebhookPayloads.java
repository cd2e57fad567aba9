package io.github.cwmarketing.whatsapp;

import java.nio.charset.StandardCharsets;

/**
 * Builds webhook payloads as Meta shapes them: {@code object} → {@code entry[]} → {@code changes[]} → {@code value}.
 */
public final class WebhookPayloads {

    public static final String WABA_ID = "102290129340398";
    public static final String PHONE_NUMBER_ID = "106540352242922";

    private WebhookPayloads() {
    }

    /** A status with a string timestamp and a recipient phone number, and nothing else. */
    public static String status(String id, String status) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"timestamp\":\"1750030073\","
               + "\"recipient_id\":\"16505551234\"}";
    }

    public static String value(String phoneNumberId, String arrayName, String... items) {
        return "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
               + "\"phone_number_id\":\"" + phoneNumberId + "\"},\"" + arrayName + "\":[" + String.join(",", items)
               + "]}";
    }

    public static String change(String value) {
        return "{\"value\":" + value + ",\"field\":\"messages\"}";
    }

    public static String entry(String wabaId, String... changes) {
        return "{\"id\":\"" + wabaId + "\",\"changes\":[" + String.join(",", changes) + "]}";
    }

    public static String webhook(String... entries) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[" + String.join(",", entries) + "]}";
    }

    /** One entry, one change, these statuses. */
    public static byte[] statuses(String... statuses) {
        return utf8(webhook(entry(WABA_ID, change(value(PHONE_NUMBER_ID, "statuses", statuses)))));
    }

    /** A valid webhook of exactly {@code size} bytes (ASCII): one sent status, padded with an unknown field. */
    public static byte[] ofSize(String id, int size) {
        String head = "{\"object\":\"whatsapp_business_account\",\"padding\":\"";
        String tail = "\",\"entry\":[" + entry(WABA_ID, change(value(PHONE_NUMBER_ID, "statuses", status(id, "sent"))))
                      + "]}";
        return utf8(head + "x".repeat(size - head.length() - tail.length()) + tail);
    }

    public static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
